/// Numbers wrapped in the narrow cells of a table without horizontal rulings (a Word table
/// printed and turned into laid-out text, a borderless table): a cell a digit or two wide
/// prints 1234 as `12` over `34`, or 125 as `1`, `2`, `5` on lines of their own under the
/// row's line. Each band of such pieces joins the row above it, each piece joined to the number
/// above it in its cell: the cell reads one number, its digits top to bottom.
///
/// A band is pieces only when every word of it is digits standing in the same cell as a
/// number of the row above (their spans overlap and an edge or the centre lines up), no wider
/// than it, the nearer line at most `Rows.stackedPieceGap` below it (or one line of the table's
/// wrapped labels below it, `Rows.stackedPieceLinePitch`: a cell's lines are as far apart as a
/// label's, however loosely the page sets them; a page whose own labels do not wrap, a
/// continuation page holding only 总计 or 四、结转, takes the table's pitch), the number above not
/// starting with 0 and as wide as the widest number its cell's column prints on one line (a
/// number narrower than the column had room and did not wrap); and no label with a row number
/// (一、 （二） 3.) stands on a line between them or on the band's own line: that is the next
/// row, whose numbers are never joined to this one's.
enum StackedPieces {
    /// - Parameter tablePitch: the table's label line pitch (pt, `tableLabelLinePitch`), used
    ///   when this page's own labels do not wrap.
    static func joined(_ bands: [DataRow], labels: [Word], tablePitch: Double? = nil,
                       settings: TableFinderSettings.Rows = TableFinderSettings.standard.rows) -> [DataRow] {
        guard bands.count > 1 else { return bands }
        let markers = labels.filter { hasMarker($0.text) }
        let numbers = bands.flatMap(\.words).filter { isDigits($0.text) }
        let pitch = labelLinePitch(labels, settings: settings) ?? tablePitch
        var out: [DataRow] = [bands[0]]
        for band in bands.dropFirst() {
            var row = out[out.count - 1]
            let uppers = band.words.map { upper(of: $0, in: row.words, markers: markers, numbers: numbers, pitch: pitch, settings: settings) }
            let found = uppers.compactMap { $0 }
            guard found.count == band.words.count, Set(found).count == found.count else {
                out.append(band)
                continue
            }
            // Each piece joins its number: the digits in reading order, the box across both
            // lines' width but on the first line's (the row's other numbers share that line).
            for (w, u) in zip(band.words, found) {
                let first = row.words[u]
                row.words[u] = Word(glyphs: first.glyphs + w.glyphs,
                                    box: Rect(x0: min(first.box.x0, w.box.x0), y0: first.box.y0,
                                              x1: max(first.box.x1, w.box.x1), y1: first.box.y1))
            }
            out[out.count - 1] = row
        }
        return out
    }

    /// The distance from one line of a wrapped label to its next (pt, the median over the
    /// table's labels): a label line's nearest line below that overlaps it, at most 3.5 em
    /// down. Nil when no label wraps.
    static func labelLinePitch(_ labels: [Word], settings: TableFinderSettings.Rows) -> Double? {
        var pitches: [Double] = []
        for a in labels {
            let h = a.box.height
            let below = labels.filter { b in
                b.box.horizontalOverlap(a.box) > 0 && b.box.midY - a.box.midY > settings.sameBand * h
                    && b.box.midY - a.box.midY <= 3.5 * h
            }.map { $0.box.midY - a.box.midY }
            if let d = below.min() { pitches.append(d) }
        }
        guard !pitches.isEmpty else { return nil }
        return pitches.sorted()[pitches.count / 2]
    }

    /// The table's label line pitch (pt): the median of its pages' own (`labelLinePitch` of
    /// each page's label words). Nil when no page's labels wrap.
    static func tableLabelLinePitch(pages labels: [[Word]], settings: TableFinderSettings.Rows) -> Double? {
        let pitches = labels.compactMap { labelLinePitch($0, settings: settings) }.sorted()
        return pitches.isEmpty ? nil : pitches[pitches.count / 2]
    }

    /// Where a word's last line stands (a number joined with its pieces ends on the lowest).
    static func bottom(_ w: Word) -> Double { w.glyphs.map(\.box.midY).max() ?? w.box.midY }

    static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    /// Whether a label holds a row number at its start or at an opening bracket (a group's
    /// name joined to its item's label: `办理结果 （二）部分公开`).
    static func hasMarker(_ text: String) -> Bool {
        if LabelMatcher.startsWithMarker(text) { return true }
        return text.indices.contains { i in
            (text[i] == "(" || text[i] == "（") && i != text.startIndex && LabelMatcher.startsWithMarker(String(text[i...]))
        }
    }

    /// The number of `row` that `word` continues, printed above it in the same cell.
    static func upper(of word: Word, in row: [Word], markers: [Word], numbers: [Word], pitch: Double? = nil,
                      settings: TableFinderSettings.Rows) -> Int? {
        guard isDigits(word.text) else { return nil }
        let h = word.box.height, slack = settings.stackedPieceAlignment * h, tight = settings.stackedPieceWidth * h
        // The lowest number above it in its cell.
        let reach = settings.stackedPieceReach * h
        let above = row.indices.filter { i in
            let u = row[i]
            let aligned = u.box.horizontalOverlap(word.box) > 0
                && (abs(u.box.x0 - word.box.x0) <= slack || abs(u.box.x1 - word.box.x1) <= slack
                    || abs(u.box.midX - word.box.midX) <= slack)
            // Digits drawn narrower than printed (a character grid): the piece starts under the
            // number or just past the end the grid gives it.
            let past = word.box.x0 > u.box.x0 && word.box.x0 <= u.box.x1 + reach && word.box.x1 > u.box.x1
            return bottom(u) < word.box.midY - settings.sameBand * h && (aligned || past)
        }.max { bottom(row[$0]) < bottom(row[$1]) }
        guard let i = above else { return nil }
        let u = row[i], last = bottom(u)
        guard isDigits(u.text), !u.text.hasPrefix("0") && !u.text.hasPrefix("０"),
              word.box.width <= u.box.width + tight,
              word.box.midY - last <= max(settings.stackedPieceGap * max(h, u.box.height),
                                          (pitch ?? 0) * settings.stackedPieceLinePitch),
              !numbers.contains(where: { $0.box.horizontalOverlap(u.box) > 0 && $0.box.width > u.box.width + tight })
        else { return nil }
        // A row number on a line from just below the number above down to the piece's line
        // opens the next row.
        let opens = markers.contains { m in
            m.box.midY > last + settings.sameBand * h && m.box.midY < word.box.midY + settings.sameBand * h
        }
        return opens ? nil : i
    }
}

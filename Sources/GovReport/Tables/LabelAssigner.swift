/// Gives each table row its label from the words printed left of the data columns.
///
/// A word inside a ruled cell belongs to the row whose values that cell holds; a cell that
/// holds several rows is a merged group heading and is left out. Without rulings, a label
/// wrapped over lines is read as a block: a line starting with a row number (1. 1、 （一） 一、)
/// begins a block and the lines below it in its column continue it; the block goes to the
/// row whose values lie beside it (values are centred on their label), or on a line of their
/// own just under it that no other label claims. Last, within a row
/// only the words from the column of its rightmost row number on are kept, which drops
/// fragments of group headings (（三）不予公开, 三、本年度办理结果) printed in columns further left.
struct LabelAssigner {
    var rows: [Double]
    var rulings: [Ruling]
    var settings: TableFinderSettings = .standard
    /// How many numbers each row prints (empty: not known, and `rowBelow` takes none).
    var valueCounts: [Int] = []

    /// What the labels stage found on a page: the row labels, the label blocks of unruled
    /// words, and the leading text.
    struct Labels: Sendable {
        /// One per row: the label text in reading order and its box (nil: no label).
        var rows: [(text: String, box: Rect?)]
        /// Numbered blocks of the words outside ruled cells.
        var blocks: [LabelBlock]
        /// Text printed above the first row outside any row's band (on a continuation page:
        /// the end of a label that the page break cut).
        var leading: String
    }

    /// Row labels, the label blocks, and the text printed above the first row.
    func labels(_ glyphs: [Glyph]) -> Labels {
        guard !rows.isEmpty else { return Labels(rows: [], blocks: [], leading: "") }
        let words = LabelBlock.splitAtInnerNumbers(
            LineBuilder.lines(glyphs, rulings: rulings, settings: settings.lines,
                              wordGap: settings.lines.labelWordGap).flatMap(\.words))
        let horizontals = rulings.filter { $0.axis == .horizontal }
        var assigned = [[Word]](repeating: [], count: rows.count)
        var loose: [Word] = []
        for w in words {
            switch ruledRow(w.box, horizontals) {
            case .some(.some(let r)): assigned[r].append(w)
            case .some(.none): break
            case .none: loose.append(w)
            }
        }
        var found = LabelBlock.blocks(loose, settings: settings.labels)
        // The first row's label opens with its row number: loose text above that line, from its
        // column on, is no part of it (the end of a label a page break cut), however far down
        // the next row stands.
        let opening = found.blocks.filter { row(for: $0) == 0 }.max { $0.x0 < $1.x0 }
        func cutEnd(_ w: Word) -> Bool {
            guard let b = opening else { return false }
            return w.box.y1 <= b.words[0].box.y0
                && w.box.x0 >= b.x0 - settings.labels.markerColumnSlack * b.words[0].box.height
        }
        let above = found.loose.filter { $0.box.y1 < rows[0] && (band($0.box.midY) == nil || cutEnd($0)) }
        found.loose.removeAll { w in above.contains { $0.box == w.box && $0.text == w.text } }
        for (r, ws) in blocks(found) { assigned[r] += ws }
        return Labels(rows: assigned.map(text), blocks: found.blocks, leading: text(above).text)
    }

    /// `.some(row)` when the box sits in a ruled cell holding exactly one row's values,
    /// `.some(nil)` when its cell holds none or several, nil when it is not in a ruled cell.
    func ruledRow(_ box: Rect, _ horizontals: [Ruling]) -> Int?? {
        let covering = horizontals.filter { $0.covers(box.midX, tolerance: settings.rulings.reach) }
        guard let above = covering.filter({ $0.position <= box.midY }).map(\.position).max(),
              let below = covering.filter({ $0.position >= box.midY }).map(\.position).min() else { return nil }
        let inside = rows.indices.filter { rows[$0] > above && rows[$0] < below }
        return .some(inside.count == 1 ? inside[0] : nil)
    }

    /// Assigns each numbered block of unruled words, or a word outside any block, to a row.
    func blocks(_ found: (blocks: [LabelBlock], loose: [Word])) -> [(Int, [Word])] {
        let (blocks, loose) = found
        var out: [(Int, [Word])] = []
        for b in blocks {
            if let r = rowBelow(b, among: blocks) ?? row(for: b) { out.append((r, b.words)) }
        }
        for w in loose { if let r = band(w.box.midY) { out.append((r, [w])) } }
        return out
    }

    /// The row whose values lie beside a label block: its centre within the block (with a
    /// little slack), the one nearest the block's centre if several.
    func row(for block: LabelBlock) -> Int? {
        // Values printed on the numbered line itself (top-aligned cells, one-line labels) decide;
        // otherwise values centred on the block do.
        primaryRow(for: block) ?? band(block.box.midY)
    }

    /// The row a numbered block's label belongs to when its values stand on a line of their
    /// own just under it (`Labels.valuesBelowReach`): the block has no values on its first line
    /// or beside it, the row prints two numbers or more (a row's count and its 总计; one number
    /// alone is a stray value), and no block claims that row but group headings further left.
    /// Nil otherwise.
    func rowBelow(_ block: LabelBlock, among blocks: [LabelBlock]) -> Int? {
        guard primaryRow(for: block) == nil else { return nil }
        let h = block.words[0].box.height
        let last = block.words.map(\.box.midY).max() ?? block.box.midY
        guard let r = rows.indices.filter({ rows[$0] > block.box.y1 && rows[$0] - last <= settings.labels.valuesBelowReach * h })
            .min(by: { rows[$0] < rows[$1] }),
              valueCounts.indices.contains(r), valueCounts[r] >= 2 else { return nil }
        let left = block.x0 - settings.labels.markerColumnSlack * h
        // Another label whose numbered line holds the row's values, or one beside them that is
        // no group heading further left (（四）无法提供 around its first item's values).
        let claimed = blocks.contains { o in
            o.box != block.box && (rowOnFirstLine(of: o) == r || (o.x0 >= left && primaryRow(for: o) == r))
        }
        return claimed ? nil : r
    }

    /// The row a block's own lines say: values on its numbered line, else values beside it.
    func primaryRow(for block: LabelBlock) -> Int? {
        rowOnFirstLine(of: block) ?? rowBeside(block.box, lineHeight: block.words[0].box.height)
    }

    /// The row whose values stand on a block's numbered line.
    func rowOnFirstLine(of block: LabelBlock) -> Int? {
        let first = block.words[0].box
        return rows.indices.first { rows[$0] >= first.y0 && rows[$0] <= first.y1 }
    }

    /// The row whose values' centre lies within the block's height (a little slack), the one
    /// nearest the block's centre if several; nil when no row's values are beside it.
    func rowBeside(_ box: Rect, lineHeight: Double? = nil) -> Int? {
        // Slack of a fraction of one line: a tall block must not reach its neighbours' values.
        let slack = settings.labels.blockSlack * (lineHeight ?? box.height)
        let inside = rows.indices.filter { rows[$0] >= box.y0 - slack && rows[$0] <= box.y1 + slack }
        return inside.min(by: { abs(rows[$0] - box.midY) < abs(rows[$1] - box.midY) })
    }

    /// The row whose band (half-way to its neighbours) holds y.
    func band(_ y: Double) -> Int? {
        for i in rows.indices {
            let pitchUp = i > 0 ? rows[i] - rows[i - 1]
                : (rows.count > 1 ? rows[1] - rows[0] : settings.labels.singleRowPitch)
            let pitchDown = i + 1 < rows.count ? rows[i + 1] - rows[i] : pitchUp
            if y >= rows[i] - pitchUp / 2 && y < rows[i] + pitchDown / 2 { return i }
        }
        return nil
    }

    /// A row's label in reading order, from the column of its rightmost row number on.
    func text(_ words: [Word]) -> (text: String, box: Rect?) {
        let numbered = words.filter { LabelMatcher.startsWithMarker($0.text) }
        let rightmost = numbered.max { $0.box.x0 < $1.box.x0 }
        let left = rightmost.map { $0.box.x0 - settings.labels.markerColumnSlack * $0.box.height } ?? -Double.infinity
        let kept = words.filter { $0.box.x0 >= left }
        let lines = LineBuilder.lines(kept.flatMap(\.glyphs), settings: settings.lines,
                                      wordGap: settings.lines.labelWordGap)
        let box = kept.first.map { first in kept.map(\.box).reduce(first.box) { $0.union($1) } }
        return (lines.map { $0.words.map(\.text).joined() }.joined(), box)
    }
}

/// A label wrapped over lines, read as one: a word starting with a row number and the words
/// below it in its column up to the next numbered word.
struct LabelBlock: Sendable {
    var words: [Word]
    var box: Rect
    /// Where the block's row number starts.
    var x0: Double { words[0].box.x0 }

    /// Splits words where a row number starts inside them (（三）不予4.保护… when a group
    /// heading's text runs up against the item's label): the item starts its own word.
    static func splitAtInnerNumbers(_ words: [Word]) -> [Word] {
        let numerals = Set("一二三四五六七八九十")
        return words.flatMap { word -> [Word] in
            let g = word.glyphs
            let t = g.map { TextNormalizer.key($0.text).first ?? " " }
            var cuts: [Int] = []
            for i in 1..<max(1, g.count) where i + 1 < g.count {
                // 4. after text: an item number run up against a group heading.
                let digitMarker = t[i].isASCII && t[i].isNumber && [".", "、"].contains(t[i + 1])
                    && TextNormalizer.isCJK(t[i - 1])
                // (二) anywhere but the start: a group number glued to vertical writing beside it.
                let groupMarker = t[i] == "(" && numerals.contains(t[i + 1]) && i + 2 < g.count && t[i + 2] == ")"
                if digitMarker || groupMarker { cuts.append(i) }
            }
            guard !cuts.isEmpty else { return [word] }
            var pieces: [Word] = []
            var start = 0
            for cut in cuts + [g.count] {
                pieces.append(LineBuilder.word(Array(g[start..<cut])))
                start = cut
            }
            return pieces
        }
    }

    /// Numbered blocks and the words that belong to none.
    static func blocks(_ words: [Word], settings: TableFinderSettings.Labels) -> (blocks: [LabelBlock], loose: [Word]) {
        let sorted = words.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
        let starts = sorted.indices.filter { LabelMatcher.startsWithMarker(sorted[$0].text) }
        var owner = [Int?](repeating: nil, count: sorted.count)
        var bottom: [Int: Double] = [:]
        // A block whose last line was a lone character ends there when the next word in its
        // column is a lone character too: characters stacked one per line are vertical
        // writing. A longer word goes on (a label wrapped two characters a line leaves one
        // alone mid-label where a line may not start with 、: 不补 / 补 / 正、).
        var closed = Set<Int>()
        var loneTail = Set<Int>()
        for i in sorted.indices {
            let w = sorted[i].box
            if starts.contains(i) { owner[i] = i; bottom[i] = w.y1; continue }
            // The nearest numbered block above in this column whose last line ends just above
            // this word (or on its line, to its left).
            owner[i] = starts.filter { s in
                let m = sorted[s].box
                return s < i && !closed.contains(s) && m.x0 <= w.x0 + settings.blockColumnSlack * w.height && m.x1 > w.x0
                    && w.y0 - bottom[s]! <= settings.blockLineGap * w.height
            }.max { sorted[$0].box.y0 < sorted[$1].box.y0 }
            if let o = owner[i] {
                if sorted[i].glyphs.count == 1, loneTail.contains(o) {
                    closed.insert(o)
                    owner[i] = nil
                    continue
                }
                bottom[o] = max(bottom[o]!, w.y1)
                if sorted[i].glyphs.count == 1 { loneTail.insert(o) } else { loneTail.remove(o) }
            }
        }
        let blocks = starts.map { s in
            let members = sorted.indices.filter { owner[$0] == s }.map { sorted[$0] }
            return LabelBlock(words: members, box: members.map(\.box).reduce(members[0].box) { $0.union($1) })
        }
        return (blocks, sorted.indices.filter { owner[$0] == nil }.map { sorted[$0] })
    }
}

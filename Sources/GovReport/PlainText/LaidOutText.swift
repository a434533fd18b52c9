import Foundation

/// Laid-out text: what `pdftotext -layout` and OCR tools write, and text whose tabs became
/// runs of spaces. Columns are aligned with spaces, pages end at form feeds (or at a page
/// number such as `- 3 -` standing on its own line), page furniture is printed like text.
///
/// It is read as positioned text on a character grid — column = x, line = y — and its pages
/// go to the same table finder as a PDF's (`PositionedPages`). The grid's cell is
/// `columnWidth` × `linePitch` points: a character is drawn `glyphHeight` points tall (a
/// 10.5 pt font), one column (5.5 pt) wide, or two (11 pt, an about square ideograph) when it
/// is East Asian Wide or Fullwidth and the text counts columns as a terminal does. So a single
/// space (5.5 pt, about half the glyph height) joins the words of a line as the space in a
/// spaced-out label does, yet parts label words of neighbouring cells (a group heading and
/// the item beside it), two spaces (11 pt) part cells, and lines sit 11 pt apart, as the lines of a wrapped label in a
/// PDF's table cell do (the row's numbers on a line of their own between them are then
/// beside the label, as in the PDF).
///
/// `pdftotext -layout` gives a row's numbers their own line below a label wrapped over
/// lines when they were centred on it; such a line of numbers only, right under the label's
/// lines (the first starting with a row number), goes back up to their centre.
struct LaidOutText {
    static let columnWidth = 5.5
    static let linePitch = 11.0
    static let glyphHeight = 10.5
    /// Columns of a tab stop.
    static let tabWidth = 8

    /// How a producer counted columns. Terminals and editors give East Asian Wide and
    /// Fullwidth characters two columns (`display`); `pdftotext -layout` gives every
    /// character one (`characters`). The text tells which: the one under which its numbers
    /// line up in fewer columns.
    enum Columns: Sendable { case display, characters }

    /// Each page's lines (form feeds and stand-alone page numbers end pages).
    var pages: [[String]]
    var columns: Columns

    init(text: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var pages: [[String]] = []
        for page in normalized.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            var lines: [String] = []
            for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(Self.expandingTabs(String(line)))
                // A page number on its own line ends a page printed without form feeds.
                if Self.isPageEnd(lines.last!) {
                    pages.append(lines)
                    lines = []
                }
            }
            pages.append(lines)
        }
        self.pages = pages.filter { $0.contains { !$0.allSatisfy(\.isWhitespace) } }
        columns = Self.columnModel(pages: self.pages)
    }

    /// A decorated page number (`- 3 -`, `— 3 —`, `第 3 页`, `3/12`) standing alone on its line.
    /// Numbers parted by a run of spaces (`1   1`) stand in columns: a row's numbers.
    static func isPageEnd(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 16, !t.allSatisfy({ $0.isASCII && $0.isNumber }),
              t.firstMatch(of: /[0-9] {2,}[0-9]/) == nil else { return false }
        return PartLocator.isPageNumber(t)
    }

    static func expandingTabs(_ line: String) -> String {
        guard line.contains("\t") else { return line }
        var out = ""
        var column = 0
        for c in line {
            if c == "\t" {
                let n = tabWidth - column % tabWidth
                out += String(repeating: " ", count: n)
                column += n
            } else {
                out.append(c)
                column += width(c, .display)
            }
        }
        return out
    }

    static func width(_ c: Character, _ columns: Columns) -> Int {
        guard columns == .display, let s = c.unicodeScalars.first else { return 1 }
        return EastAsianWidth.columns(s)
    }

    /// The column model under which the numbers of the table rows line up best: the one
    /// that puts their right edges in fewer distinct columns, counted page by page
    /// (`pdftotext -layout` sets each page by a scale of its own, so edges of different pages
    /// meet by chance), and over the whole text when the pages tie. Display width when both
    /// agree (no wide character before a number).
    static func columnModel(pages: [[String]]) -> Columns {
        let counts = pages.map(edgeCounts)
        let display = counts.map(\.display).reduce(0, +), characters = counts.map(\.characters).reduce(0, +)
        guard characters == display, pages.count > 1 else { return characters < display ? .characters : .display }
        let whole = edgeCounts(Array(pages.joined()))
        return whole.characters < whole.display ? .characters : .display
    }

    /// The column model of one page's lines.
    static func columnModel(_ lines: [String]) -> Columns { columnModel(pages: [lines]) }

    /// How many distinct columns the right edges of the numbers of table rows (three numbers
    /// or more) stand in, under each way of counting columns.
    static func edgeCounts(_ lines: [String]) -> (display: Int, characters: Int) {
        var display = Set<Int>(), characters = Set<Int>()
        for line in lines {
            var d = 0, c = 0
            var token = ""
            var numbers: [(Int, Int)] = []
            func endToken() {
                if !token.isEmpty, token.allSatisfy({ $0.isASCII ? $0.isNumber || $0 == "," || $0 == "." : ("０"..."９").contains($0) }) {
                    numbers.append((d, c))
                }
                token = ""
            }
            for ch in line {
                if ch == " " { endToken() } else { token.append(ch) }
                d += width(ch, .display)
                c += 1
            }
            endToken()
            // Rows of a table: three numbers or more.
            guard numbers.count >= 3 else { continue }
            for (x, y) in numbers { display.insert(x); characters.insert(y) }
        }
        return (display.count, characters.count)
    }

    /// Whether text is laid out with spaces rather than separated by tabs: more lines part
    /// their cells with runs of spaces than with tabs.
    static func isLaidOut(_ text: String) -> Bool {
        var tabbed = 0, spaced = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { continue }
            if t.contains("\t") { tabbed += 1 } else if t.contains("  ") { spaced += 1 }
        }
        return spaced > tabbed
    }

    /// Text whose tabs became runs of spaces (a tab stop of 2, 4 or 8 spaces, each tab the
    /// same number of spaces, columns not aligned): the runs of two spaces or more are all
    /// multiples of one width. Returns the text with those runs turned back into tabs, for the
    /// tab-separated reader; nil for text laid out on a grid.
    static func tabsRestored(_ text: String) -> String? {
        var runs: [Int] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var run = 0
            for c in line {
                if c == " " { run += 1; continue }
                if run >= 2 { runs.append(run) }
                run = 0
            }
            if run >= 2 { runs.append(run) }
        }
        guard runs.count >= 20 else { return nil }
        guard let width = [8, 4, 2].first(where: { w in runs.filter { $0 % w == 0 }.count * 100 >= runs.count * 97 })
        else { return nil }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var run = 0
        func flush() {
            if run >= 2 && run % width == 0 {
                out += String(repeating: "\t", count: run / width)
            } else {
                out += String(repeating: " ", count: run)
            }
            run = 0
        }
        for c in text {
            if c == " " { run += 1; continue }
            flush()
            out.append(c)
        }
        flush()
        return out
    }

    enum LineKind { case blank, values, label, mixed }

    static func kind(_ line: String) -> LineKind {
        var values = false, label = false
        for token in line.split(separator: " ") {
            if ValueParser.looksLikeValue(String(token)) { values = true } else { label = true }
        }
        return values ? (label ? .mixed : .values) : (label ? .label : .blank)
    }

    /// Each line's vertical position, in lines: its index, except for a line of numbers only
    /// printed under the lines of its wrapped label (and not followed by the label's last
    /// line), which goes to their centre.
    static func positions(_ lines: [String]) -> [Double] {
        var ys = lines.indices.map(Double.init)
        let kinds = lines.map(kind)
        for v in lines.indices where kinds[v] == .values && v > 0 && kinds[v - 1] == .label {
            let next = v + 1 < lines.count ? lines[v + 1] : ""
            if kinds.indices.contains(v + 1), kinds[v + 1] == .label, !LabelMatcher.startsWithMarker(next) { continue }
            let valueStart = lines[v].prefix { $0 == " " }.count
            var j = v - 1
            while j >= 0, v - j <= 3, kinds[j] == .label,
                  lines[j].count - lines[j].reversed().prefix(while: { $0 == " " }).count <= valueStart + 2 {
                if LabelMatcher.startsWithMarker(lines[j]) {
                    ys[v] = (Double(j) + Double(v - 1)) / 2
                    break
                }
                j -= 1
            }
        }
        return ys
    }

    /// `pdftotext -layout` gives every text line of a page its own line, so a wrapped label's
    /// next line can land three or four lines under the first, with the row's numbers and a
    /// line of the group's vertical name (`供`, `理`: words left of the label's column only)
    /// between them — too far apart to read as one label. Such a continuation (a label line,
    /// no row number, under a label word of the line it continues, at most four lines down,
    /// a group-name line between, and one line of numbers) goes back right under the
    /// line it continues, the label lines right after it with it, and the numbers between to
    /// the block's centre.
    static func rejoinedContinuations(_ lines: [String], _ ys: [Double], _ columns: Columns) -> [Double] {
        var ys = ys
        let kinds = lines.map(kind)
        let words = lines.map { Self.words($0, columns) }
        for c in lines.indices where kinds[c] == .label {
            guard let first = words[c].first, !LabelMatcher.startsWithMarker(first.text) else { continue }
            // Up to the nearest line with a word in the label's column.
            var s = c - 1, foreign = 0
            var values: [Int] = []
            while s >= 0, c - s <= 4 {
                if kinds[s] == .values { values.append(s) } else if kinds[s] != .blank {
                    // A piece of a vertical name: short words, all left of the label's column.
                    if words[s].allSatisfy({ $0.end < first.start && $0.text.count <= 4 }) { foreign += 1 } else { break }
                }
                s -= 1
            }
            guard s >= 0, c - s <= 4, c - s >= 3, foreign >= 1, values.count == 1, kinds[s] == .label,
                  words[s].contains(where: { $0.start <= first.start + 1 && $0.end > first.start }) else { continue }
            let delta = ys[c] - (ys[s] + 1)
            guard delta > 0 else { continue }
            var l = c
            while l < lines.count, l == c || (kinds[l] == .label && words[l].first.map({
                abs($0.start - first.start) <= 1 && !LabelMatcher.startsWithMarker($0.text) }) == true) {
                ys[l] -= delta
                l += 1
            }
            for v in values { ys[v] = (ys[s] + ys[l - 1]) / 2 }
        }
        return ys
    }

    /// A line's words with their columns, and the values that end it: where the first of
    /// them starts, their right edges, and where the text before them ends.
    static func trailingValues(_ line: String, _ columns: Columns) -> (start: Int, edges: [Int], labelEnd: Int)? {
        let tokens = words(line, columns)
        var k = tokens.count
        while k > 0, ValueParser.looksLikeValue(tokens[k - 1].text) { k -= 1 }
        guard k < tokens.count else { return nil }
        return (tokens[k].start, tokens[k...].map(\.end), k > 0 ? tokens[k - 1].end : 0)
    }

    /// A line's words (runs without a space) with their first and past-the-end columns.
    static func words(_ line: String, _ columns: Columns) -> [(text: String, start: Int, end: Int)] {
        var tokens: [(text: String, start: Int, end: Int)] = []
        var column = 0
        for ch in line {
            let w = width(ch, columns)
            if ch == " " {
                column += w
                continue
            }
            if let last = tokens.last, last.end == column {
                tokens[tokens.count - 1].text.append(ch)
                tokens[tokens.count - 1].end = column + w
            } else {
                tokens.append((String(ch), column, column + w))
            }
            column += w
        }
        return tokens
    }

    /// An item number opening a label: `1、`, `2.`, `3．`.
    static func startsWithItemNumber(_ word: String) -> Bool {
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let mark = word.dropFirst(digits.count).first else { return false }
        return "、.．".contains(mark)
    }

    /// `pdftotext -layout` can start a wrapped label's next line one column left of its item
    /// number, one space after the group's name in the column before (`（三） 权益` under
    /// `4、保护第三方合法`): a single space, which joins words, between two cells. For each
    /// line, the columns where such a continuation starts (one column left of an item number
    /// on a line up to two above or below, one space after a word that is not a value); it is
    /// drawn one column right, under its item number and apart from the group's name.
    static func pressedContinuations(_ lines: [String], _ columns: Columns) -> [Int: Set<Int>] {
        let words = lines.map { Self.words($0, columns) }
        let items = words.map { Set($0.filter { startsWithItemNumber($0.text) }.map(\.start)) }
        var out: [Int: Set<Int>] = [:]
        for (l, line) in words.enumerated() {
            for k in line.indices.dropFirst() {
                let w = line[k], before = line[k - 1]
                guard w.start - before.end == 1, !startsWithItemNumber(w.text),
                      !ValueParser.looksLikeValue(w.text), !ValueParser.looksLikeValue(before.text),
                      k + 1 == line.count || line[k + 1].start > w.end + 2 else { continue }
                let near = max(0, l - 2)...min(lines.count - 1, l + 2)
                if near.contains(where: { $0 != l && items[$0].contains(w.start + 1) }) {
                    out[l, default: []].insert(w.start)
                }
            }
        }
        return out
    }

    /// `pdftotext -layout` counts an ideograph as one column though it is drawn about two wide
    /// (more with `-fixed 3`), so a numbered label's line comes out narrower than it was,
    /// while the next line of the label, centred under it, keeps its place: it can start
    /// at or past the end of the first line, with the row's numbers on a line of their own
    /// between them (`一、本年新收政府信息公开` / numbers / `申请数量`). For each such
    /// continuation line, where it starts and the shift (columns, leftward) that puts it
    /// under the first line, one column in from its row number.
    static func centredContinuations(_ lines: [String], _ columns: Columns) -> [Int: (from: Int, by: Int)] {
        let kinds = lines.map(kind)
        var out: [Int: (from: Int, by: Int)] = [:]
        for v in lines.indices.dropFirst() where v + 1 < lines.count && kinds[v] == .values
            && kinds[v - 1] == .label && kinds[v + 1] == .label {
            let upper = words(lines[v - 1], columns), lower = words(lines[v + 1], columns)
            guard let values = trailingValues(lines[v], columns),
                  let item = upper.last(where: { LabelMatcher.startsWithMarker($0.text) }),
                  let k = lower.firstIndex(where: { $0.start > item.start }),
                  lower[k].start >= item.end, !LabelMatcher.startsWithMarker(lower[k].text),
                  lower.last!.end <= values.start, lower[..<k].allSatisfy({ $0.end <= item.start }) else { continue }
            out[v + 1] = (lower[k].start, item.start + 1 - lower[k].start)
        }
        return out
    }

    /// A part heading such as `四、政府信息公开行政复议、行政诉讼情况`: a Chinese numeral and
    /// `、` opening a line that ends in no value.
    static func isPartHeading(_ line: String, _ columns: Columns) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard let mark = t.firstIndex(of: "、"), mark > t.startIndex,
              t[..<mark].allSatisfy({ "一二三四五六七八九十".contains($0) }) else { return false }
        return trailingValues(line, columns) == nil
    }

    /// `pdftotext -layout` places each page's columns by its own scale: a table continued on
    /// a new page can have its numbers several columns right (or left) of where the rows
    /// before the break put them. For each page that opens with rows of values, the shift
    /// (in columns) that lays their right edges back onto the edges of the rows that closed
    /// the page before, when it fits them clearly better than none; keyed by page, with the
    /// lines it applies to.
    static func continuationShifts(_ pages: [[String]], _ columns: Columns) -> [Int: (lines: Range<Int>, shift: Int)] {
        func blank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
        func furniture(_ line: String) -> Bool {
            let t = line.trimmingCharacters(in: .whitespaces)
            return isPageEnd(line) || (!t.isEmpty && t.count <= 16 && PartLocator.isPageNumber(t))
        }
        var shifts: [Int: (lines: Range<Int>, shift: Int)] = [:]
        for p in pages.indices.dropFirst() {
            // The rows that closed the page before: up from its end to a part heading or two blank lines.
            let before = pages[p - 1]
            var end = before.count
            while end > 0, blank(before[end - 1]) || furniture(before[end - 1]) { end -= 1 }
            var start = end
            while start > 0, !isPartHeading(before[start - 1], columns),
                  !(blank(before[start - 1]) && start >= 2 && blank(before[start - 2])) { start -= 1 }
            let reference = before[start..<end].compactMap { trailingValues($0, columns) }.flatMap(\.edges)
            // The rows that open this page: down to a blank line or a part heading.
            let lines = pages[p]
            var first = 0
            while first < lines.count, blank(lines[first]) || furniture(lines[first]) { first += 1 }
            var last = first
            while last < lines.count, !blank(lines[last]), !isPartHeading(lines[last], columns) { last += 1 }
            let edges = lines[first..<last].compactMap { trailingValues($0, columns) }.flatMap(\.edges)
            guard Set(reference).count >= 3, edges.count >= 2 else { continue }
            // Two points for an edge that lands on one of the reference's, one for a column off.
            func score(_ d: Int) -> Int {
                edges.reduce(0) { sum, e in sum + max(0, 2 - (reference.map { abs(e + d - $0) }.min() ?? 2)) }
            }
            func fitsAll(_ d: Int) -> Bool {
                edges.allSatisfy { e in reference.contains { abs(e + d - $0) <= 1 } }
            }
            let none = score(0)
            let candidates = (-16...16).map { ($0, score($0)) }
            // Only a shift that puts every number within a column of one before the break: a page
            // pdftotext also scaled (its columns spread apart) is left as it is.
            guard let best = candidates.max(by: { ($0.1, -abs($0.0)) < ($1.1, -abs($1.0)) }),
                  best.0 != 0, best.1 >= none + 3, fitsAll(best.0) else { continue }
            shifts[p] = (first..<last, best.0)
        }
        return shifts
    }

    /// `pdftotext -layout` can print a row's numbers one column left of (or right of) the
    /// columns every other row of its table uses, the first pressed against its label by a
    /// single space. For each line of three values or more none of whose right edges is a
    /// column other rows of the page use (two lines or more), and all of which are one column
    /// over: that shift.
    static func rowNudges(_ lines: [String], _ columns: Columns) -> [Int: Int] {
        let values = lines.map { trailingValues($0, columns) }
        var counts: [Int: Int] = [:]
        for v in values { for e in Set(v?.edges ?? []) { counts[e, default: 0] += 1 } }
        var out: [Int: Int] = [:]
        for (l, v) in values.enumerated() {
            guard let v, v.edges.count >= 3 else { continue }
            let own = Set(v.edges)
            func used(_ e: Int) -> Bool { counts[e, default: 0] - (own.contains(e) ? 1 : 0) >= 2 }
            guard !v.edges.contains(where: used) else { continue }
            for d in [1, -1] where v.edges.allSatisfy({ used($0 + d) }) && v.start + d > v.labelEnd + 1 - (d > 0 ? 1 : 0) {
                out[l] = d
                break
            }
        }
        return out
    }

    /// A number wrapped inside a cell too narrow for it: its first digits on one line, the
    /// rest from the same column two lines below (`15` over `09` for 1509), the row's other
    /// numbers, or its label, on the line between. For each line, the start columns of such
    /// first parts with the whole number, and of the rest parts (left out).
    ///
    /// A pair is two runs of ASCII digits two lines apart starting in the same column (or a
    /// column apart), the upper of two digits or more not starting with 0 and at least as long
    /// as the lower, the line between empty in the upper's columns; and the lower line does
    /// not open a row of its own: no label there starting with a row number, and none left of
    /// where the label above starts, nor at it unless that label starts with a row number (a
    /// wrapped label's next line is indented, or under a numbered label's first character).
    static func wrappedNumbers(_ lines: [String], _ columns: Columns)
        -> (joined: [Int: [Int: (text: String, end: Int)]], parts: [Int: Set<Int>]) {
        let words = lines.map { Self.words($0, columns) }
        func digits(_ t: String) -> Bool { !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } }
        func labelStart(_ l: Int) -> (start: Int, text: String)? {
            words[l].first { !ValueParser.looksLikeValue($0.text) }.map { ($0.start, $0.text) }
        }
        var joined: [Int: [Int: (text: String, end: Int)]] = [:]
        var parts: [Int: Set<Int>] = [:]
        for a in lines.indices where a + 2 < lines.count {
            let b = a + 2
            func opensRow(_ l: Int) -> Bool {
                words[l].contains { !ValueParser.looksLikeValue($0.text) && LabelMatcher.startsWithMarker($0.text) }
            }
            let above = labelStart(a) ?? labelStart(a + 1)
            if let below = labelStart(b) {
                // (Or, under a row number's line, starts in its column: Word cells printed by
                // LibreOffice wrap a label without indenting it.) Not a line opening a row, also
                // after a piece of a group's vertical name (`理 2.重复申请`).
                guard let above, below.start > above.start
                        || (below.start == above.start && LabelMatcher.startsWithMarker(above.text) && labelStart(a) != nil),
                      !opensRow(b) else { continue }
            }
            // A cell's content centred on its row (LibreOffice's print of a web page): the
            // first part a line above the row's line, the rest a line below it, both lines
            // holding that one number only, beside a group name's pieces at most. The row's
            // line between names the row and holds its other numbers.
            func values(_ l: Int) -> [Int] {
                words[l].filter { ValueParser.looksLikeValue($0.text) }.map(\.start)
            }
            let centred = values(a).count == 1 && values(b).count == 1
                && opensRow(a + 1) && !values(a + 1).isEmpty
            // The line between, when the upper line holds the label, opens no row either.
            if !centred, labelStart(a) != nil, let middle = labelStart(a + 1),
               middle.start <= labelStart(a)!.start || LabelMatcher.startsWithMarker(middle.text) { continue }
            // Nor when both the upper line and the line between name a row of their own (the
            // between line's item after a group's vertical name: `理结果 （二）部分公开`).
            if !centred, opensRow(a), opensRow(a + 1) { continue }
            for upper in words[a] where upper.text.count >= 2 && digits(upper.text) && !upper.text.hasPrefix("0")
                && joined[a]?[upper.start] == nil && parts[a]?.contains(upper.start) != true {
                // pdftotext can start the rest a column off the first part's start.
                let near = words[b].filter { abs($0.start - upper.start) <= 1 && parts[b]?.contains($0.start) != true }
                guard let lower = near.min(by: { abs($0.start - upper.start) < abs($1.start - upper.start) }),
                      digits(lower.text), lower.text.count <= upper.text.count,
                      !words[a + 1].contains(where: { $0.start < upper.end && $0.end > upper.start }) else { continue }
                // A third piece two lines further down, on a line opening no row: a number
                // stacked over three lines or more, which the table finder joins whole
                // (`StackedPieces`).
                if words[a + 1].isEmpty, b + 2 < lines.count, words[b + 1].isEmpty,
                   words[b + 2].contains(where: { abs($0.start - lower.start) <= 1 && digits($0.text) && $0.text.count <= lower.text.count }),
                   !words[b + 2].contains(where: { !ValueParser.looksLikeValue($0.text) && LabelMatcher.startsWithMarker($0.text) }) {
                    continue
                }
                joined[a, default: [:]][upper.start] = (upper.text + lower.text, upper.end)
                parts[b, default: []].insert(lower.start)
            }
        }
        return (joined, parts)
    }

    /// The pages as the table stages see them.
    var layouts: [PageLayout] {
        let h = Self.glyphHeight, top = (Self.linePitch - h) / 2
        let shifts = Self.continuationShifts(pages, columns)
        let tails = Self.pageBreakTails(pages, columns)
        return pages.enumerated().map { p, lines in
            var glyphs: [Glyph] = []
            var maxColumn = 0
            let ys = Self.rejoinedContinuations(lines, Self.positions(lines), columns)
            let continuations = Self.pressedContinuations(lines, columns)
            let centred = Self.centredContinuations(lines, columns)
            let nudges = Self.rowNudges(lines, columns)
            var wrapped = Self.wrappedNumbers(lines, columns)
            // The rest of numbers wrapped a digit or two a line, which the row's sum places.
            let summed = Self.summedPieces(lines, columns, joined: wrapped.joined, parts: wrapped.parts)
                .filter { s in !tails.contains { $0.page == p && $0.line == s.line } }
            for s in summed {
                let end = wrapped.joined[s.line]?[s.start]?.end
                    ?? Self.words(lines[s.line], columns).first { $0.start == s.start }?.end ?? s.start + 1
                wrapped.joined[s.line, default: [:]][s.start] = (s.whole, end)
                for piece in s.pieces { wrapped.parts[piece.line, default: []].insert(piece.start) }
            }
            // A wrapped number goes on the line between its parts, where the row's other
            // numbers are; when that line holds none and the first part's line does (a blank
            // line between), or holds the row's label (every number of the row wrapped), on
            // the first part's line. The line between counts from the row's label on: left of
            // it stand pieces of a group's vertical name (无 of 无法提供 reads like a value).
            var wholeLine: [Int: Int] = [:]
            for (l, starts) in wrapped.joined where l + 1 < lines.count {
                let row = Self.words(lines[l], columns)
                let others = row.filter { starts[$0.start] == nil && ValueParser.looksLikeValue($0.text) }
                let labelStart = row.first { !ValueParser.looksLikeValue($0.text) }?.start ?? 0
                if !others.isEmpty || Self.kind(lines[l]) == .mixed,
                   !Self.words(lines[l + 1], columns).contains(where: { $0.start >= labelStart && ValueParser.looksLikeValue($0.text) }) {
                    wholeLine[l] = l
                }
            }
            // A row whose pieces its sum placed: whole on its line when the line under it holds
            // no number but pieces (the row's numbers are all on its line).
            for line in Set(summed.map(\.line)) where wholeLine[line] == nil && line + 1 < lines.count
                && Self.words(lines[line + 1], columns).allSatisfy({
                    !ValueParser.looksLikeValue($0.text) || wrapped.parts[line + 1]?.contains($0.start) == true }) {
                wholeLine[line] = line
            }
            // A number cut by a page break: whole on its row's line, the rest on the next page left out.
            for tail in tails where tail.page == p {
                wrapped.joined[tail.line, default: [:]][tail.start] = (tail.whole, tail.end)
                wholeLine[tail.line] = tail.line
            }
            for tail in tails where tail.page + 1 == p {
                wrapped.parts[tail.restLine, default: []].insert(tail.restStart)
            }
            for (l, line) in lines.enumerated() {
                let y0 = ys[l] * Self.linePitch + top
                // A continued table's values moved back under their columns (not onto their label).
                var moved = (from: Int.max, by: 0)
                if let s = shifts[p], s.lines.contains(l), let values = Self.trailingValues(line, columns),
                   values.start + s.shift > values.labelEnd + 1 {
                    moved = (values.start, s.shift)
                } else if let d = nudges[l], let values = Self.trailingValues(line, columns) {
                    moved = (values.start, d)
                }
                // A wrapped label's line pressed against the group's name moves under its item number.
                var pressed: Range<Int>? = nil
                if let starts = continuations[l], let w = Self.words(line, columns).first(where: { starts.contains($0.start) }) {
                    pressed = w.start..<w.end
                }
                var column = 0
                var skipUntil = -1
                for ch in line {
                    let w = Self.width(ch, columns)
                    defer { column += w }
                    if column < skipUntil { continue }
                    // A number wrapped in its cell: whole on the line between its parts, its
                    // digits drawn narrower within the first part's columns; the rest part left out.
                    if let whole = wrapped.joined[l]?[column] {
                        let x0 = Double(column >= moved.from ? column + moved.by : column) * Self.columnWidth
                        let step = Double(whole.end - column) * Self.columnWidth / Double(whole.text.count)
                        let y = ys[wholeLine[l] ?? l + 1] * Self.linePitch + top
                        for (k, digit) in whole.text.enumerated() {
                            let x = x0 + Double(k) * step
                            glyphs.append(Glyph(text: String(digit), box: Rect(x0: x, y0: y, x1: x + step, y1: y + h), fontSize: h))
                        }
                        skipUntil = whole.end
                        continue
                    }
                    if wrapped.parts[l]?.contains(column) == true {
                        skipUntil = Self.words(String(line), columns).first { $0.start == column }?.end ?? column
                        continue
                    }
                    if !ch.isWhitespace, w > 0 {
                        let folded = TextNormalizer.fold(String(ch))
                        if !folded.allSatisfy(\.isWhitespace) {
                            let placed = column >= moved.from ? column + moved.by
                                : column + (pressed?.contains(column) == true ? 1 : 0)
                                    + (centred[l].map { column >= $0.from ? $0.by : 0 } ?? 0)
                            let x0 = Double(placed) * Self.columnWidth
                            glyphs.append(Glyph(text: folded,
                                                box: Rect(x0: x0, y0: y0, x1: x0 + Double(w) * Self.columnWidth, y1: y0 + h),
                                                fontSize: h))
                        }
                    }
                }
                maxColumn = max(maxColumn, column)
            }
            return PageLayout(number: p + 1, width: Double(maxColumn) * Self.columnWidth,
                              height: Double(lines.count) * Self.linePitch, glyphs: glyphs)
        }
    }
}

/// Laid-out text input: the character grid's pages → the positioned-text stages → the
/// common assembler.
enum LaidOutTextReader {
    static func extract(text: String, name: String, sha256: String) throws(InputError) -> CanonicalReport {
        try read(text: text, name: name, sha256: sha256).report
    }

    /// The report with the grid's pages its tables were read from and the table finder's
    /// stages as they ran (for the debug view).
    static func read(text: String, name: String, sha256: String) throws(InputError) -> PositionedReading {
        let laidOut = LaidOutText(text: text)
        let pages = PositionedPages(laidOut.layouts)
        guard pages.hasTables else { throw .notAReport }
        let reading = pages.read()
        let tables = reading.tables
        guard !tables.holdsNoTable else { throw .notAReport }
        let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .text, pages: laidOut.pages.count)
        var report = ReportAssembler.assemble(source: source, lines: pages.runningText(), tables: tables)
        let doubts = LaidOutDoubts.marks(for: report)
        report.diagnostics += doubts.diagnostics
        return PositionedReading(report: DoubtedFindings.settled(report, sumOnly: doubts.sumOnly),
                                 layouts: pages.layouts, stages: reading.stages)
    }
}

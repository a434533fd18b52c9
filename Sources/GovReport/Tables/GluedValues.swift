/// A number printed at the left edge of its cell, right after a label that fills the cell
/// before it (行政规范性文件5, 3.危及“三安全一稳定”0 — web pages printed by LibreOffice put
/// values left in narrow cells; 只计这一情形，6 — the label's own comma, then the number): the
/// gap is narrower than a word gap, so the number came out as the end of the label's word.
/// Inside the table parts such a number is split off as a word of its own, so it is read as
/// the value it is and not as label text.
///
/// The gap that separates them: `TableFinderSettings.Labels.gluedValueGap`.
enum GluedValues {
    static func split(_ page: RegionPage, settings: TableFinderSettings.Labels) -> RegionPage {
        var page = page
        // Numbers standing alone on the page: a column of values another number lines up with.
        let values = page.lines.flatMap(\.words).filter { w in w.glyphs.allSatisfy(isNumeric) }.map(\.box)
        page.lines = page.lines.map { line in
            var l = line
            l.words = line.words.flatMap { word in
                let once = split(word, gap: settings.gluedValueGap)
                guard once.count == 1 else { return once }
                // A narrower gap (a label justified to fill its cell, the number at the left
                // of the next: Chromium's print) when the number stands in a column of values.
                let aligned = split(word, gap: settings.alignedValueGap)
                guard aligned.count == 2, let number = aligned.last?.box else { return once }
                let slack = settings.alignedValueSlack * number.height
                let inColumn = values.contains { v in
                    v.verticalOverlap(number) <= 0 && v.horizontalOverlap(number) > 0
                        && (abs(v.x0 - number.x0) <= slack || abs(v.x1 - number.x1) <= slack || abs(v.midX - number.midX) <= slack)
                }
                return inColumn ? aligned : once
            }
            return l
        }
        return page
    }

    /// The word, or the label and the number run up against its end (a gap wider than `gap`
    /// glyph heights before it).
    static func split(_ word: Word, gap: Double) -> [Word] {
        let g = word.glyphs
        guard g.count >= 2, isNumeric(g[g.count - 1]) else { return [word] }
        var k = g.count - 1
        while k > 0, isNumeric(g[k - 1]) { k -= 1 }
        // A number opens with a digit: a comma or point before it is the label's (情形，6).
        while k < g.count - 1, !(TextNormalizer.key(g[k].text).first?.isNumber ?? false) { k += 1 }
        guard k > 0 else { return [word] }
        let mark = "，、；：。》】".contains(g[k - 1].text)
        guard mark || !isNumeric(g[k - 1]), mark || TextNormalizer.isCJK(TextNormalizer.key(g[k - 1].text).first ?? " ")
                || "”)）\"".contains(g[k - 1].text) else { return [word] }
        let h = LineBuilder.gapScale(g[k - 1].box, g[k].box)
        let number = Array(g[k...])
        // A label closed by its bracket, the number abutting it (情形）149): the label
        // overflowed its cell into the first number's. Laid-out text, whose characters abut
        // on their grid, kept no gap between them; a PDF page draws the number over the blank
        // right half of the full-width bracket, both showing.
        let gapBefore = g[k].box.x0 - g[k - 1].box.x1
        let overBracket = g[k - 1].text == "）" && gapBefore < 0.01 * h && gapBefore > -0.5 * g[k - 1].box.width
        guard overBracket || gapBefore > gap * h,
              ValueParser.looksLikeValue(number.map(\.text).joined()) else { return [word] }
        return [LineBuilder.word(Array(g[..<k])), LineBuilder.word(number)]
    }

    static func isNumeric(_ g: Glyph) -> Bool {
        guard let c = TextNormalizer.key(g.text).first, g.text.count == 1 else { return false }
        return c.isASCII && (c.isNumber || c == "." || c == ",")
    }
}

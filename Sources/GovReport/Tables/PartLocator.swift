/// A stretch of one page that belongs to a part of the report: the lines between two
/// headings, page furniture taken out.
public struct RegionPage: Sendable {
    public var page: PageLayout
    public var lines: [TextLine]
    public var glyphs: [Glyph] { lines.flatMap(\.glyphs) }
}

/// Finds page furniture and the numbered parts (一 … 六) across a document's pages.
public enum PartLocator {
    /// Page numbers such as 3, -3-, — 3 —, 第3页, 第3页共5页, 3/5.
    public static func isPageNumber(_ text: String) -> Bool {
        var k = TextNormalizer.key(text)
        guard !k.isEmpty, k.count <= 12 else { return false }
        if k.hasPrefix("第"), k.hasSuffix("页") {
            k = k.replacingOccurrences(of: "共", with: "").replacingOccurrences(of: "第", with: "")
                .replacingOccurrences(of: "页", with: "")
            return !k.isEmpty && k.allSatisfy { $0.isASCII && $0.isNumber }
        }
        let core = k.trimmingCharacters(in: .init(charactersIn: "-~·.*"))
        // A page number's dashes stand on both sides (- 3 -); a number then a run of dashes is a
        // row of a table written as text, its blank cells printed as placeholders (0 - - - - -).
        let lead = k.prefix { "-~·.*".contains($0) }.count, trail = k.reversed().prefix { "-~·.*".contains($0) }.count
        if abs(lead - trail) > 2 { return false }
        if core.split(separator: "/").count == 2 {
            return core.split(separator: "/").allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        // Up to three digits: a bare four-digit number is more likely a year than a page.
        return !core.isEmpty && core.count <= 3 && core.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Lines in the top or bottom margin that are page numbers or repeat on most pages.
    public static func furniture(_ pages: [PageLayout],
                                 settings: TableFinderSettings.Parts = TableFinderSettings.standard.parts) -> Set<LineID> {
        let s = settings
        func inMargin(_ line: TextLine, _ page: PageLayout) -> (top: Bool, bottom: Bool) {
            (line.box.y1 < page.height * s.topMargin, line.box.y0 > page.height * s.bottomMargin)
        }
        var out = Set<LineID>()
        var marginTexts: [String: Set<Int>] = [:]
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() {
                let (inTop, inBottom) = inMargin(line, page)
                guard inBottom || inTop else { continue }
                // A page number stands apart; a digit with text right beside it is table content
                // (a number wrapped in a cell near the top of the page).
                let isolated = !page.lines.indices.contains { j in
                    j != i && page.lines[j].box.y0 < line.box.y1 + s.pageNumberIsolation * line.box.height
                        && page.lines[j].box.y1 > line.box.y0 - s.pageNumberIsolation * line.box.height
                }
                // Digits spread across the page are the wrapped tails of a table row's numbers
                // (cut from it by the page break), not a page number.
                // So are bare digits standing just under or over a number of the line beside them
                // (the last line of a number wrapped three times in its cell at a page's foot).
                let short = line.box.width < s.pageNumberMaxWidth * line.box.height
                let bare = line.text.allSatisfy { ("0"..."9").contains($0) || $0 == " " }
                let stacked = bare && page.lines.indices.contains { j in
                    let other = page.lines[j].box
                    let gap = max(other.y0 - line.box.y1, line.box.y0 - other.y1)
                    return j != i && gap >= 0 && gap < s.stackedDigitsGap * line.box.height && page.lines[j].words.contains { w in
                        w.box.horizontalOverlap(line.box) > 0 && w.text.allSatisfy { ("0"..."9").contains($0) }
                    }
                }
                // No page is numbered 0: a lone 0 in a margin is a table's value (a row's only
                // printed zero at the top of a continued page).
                let zero = bare && line.text.allSatisfy { $0 == "0" || $0 == " " }
                if isolated && short && !stacked && !zero && !cutByBreak(line, page: p, in: pages) && isPageNumber(line.text) {
                    out.insert(LineID(page: p, line: i)); continue
                }
                // Bare numbers are a table's values, not a running header or footer, even when the
                // same ones end two pages (a row printing only 0, its label wrapped around it):
                // zeros, several numbers on one line, or a number with text lines beside it.
                if bare && (zero || line.words.count > 1 || !isolated) { continue }
                marginTexts[TextNormalizer.key(line.text), default: []].insert(p)
            }
        }
        // Running headers/footers: the same margin text on at least half of the pages (and 2+).
        let least = max(s.runningMinimumPages, Int(s.runningShare * Double(pages.count)))
        let repeated = Set(marginTexts.filter { $0.value.count >= least }.keys)
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where repeated.contains(TextNormalizer.key(line.text)) {
                let (inTop, inBottom) = inMargin(line, page)
                if inTop || inBottom { out.insert(LineID(page: p, line: i)) }
            }
        }
        return out
    }

    /// Bare digits at the top of a page standing under a number of a table row that ends the
    /// previous page (a row beside other lines, in its bottom margin): the lower lines of a
    /// number wrapped in its cell, which the page break cut from it (LibreOffice breaks a row
    /// between the lines of a wrapped number), not a page number.
    static func cutByBreak(_ line: TextLine, page p: Int, in pages: [PageLayout]) -> Bool {
        guard p > 0, line.box.y1 < pages[p].height * 0.08,
              line.text.allSatisfy({ ("0"..."9").contains($0) || $0 == " " }) else { return false }
        let previous = pages[p - 1]
        return previous.lines.indices.contains { j in
            let other = previous.lines[j]
            guard other.box.y0 > previous.height * 0.88 else { return false }
            // A row of a table: other words or lines beside the number (a page number stands alone).
            let beside = other.words.count > 1 || previous.lines.indices.contains { k in
                k != j && previous.lines[k].box.verticalOverlap(other.box) > 0.5 * other.box.height
            }
            return beside && other.words.contains { w in
                w.box.horizontalOverlap(line.box) > 0 && w.text.allSatisfy { ("0"..."9").contains($0) }
            }
        }
    }

    public struct LineID: Hashable, Sendable, Comparable {
        public var page: Int
        public var line: Int
        public static func < (a: LineID, b: LineID) -> Bool { (a.page, a.line) < (b.page, b.line) }
    }

    /// The heading line of each part found, in document order (a part's heading must come
    /// after the previous part's).
    public static func headings(_ pages: [PageLayout], skipping furniture: Set<LineID>) -> [ReportPart: LineID] {
        var out: [ReportPart: LineID] = [:]
        var current = 0
        for (p, page) in pages.enumerated() {
            for (i, line) in page.lines.enumerated() where !furniture.contains(LineID(page: p, line: i)) {
                if let part = ReportPart.heading(line.text), part.rawValue > current {
                    out[part] = LineID(page: p, line: i)
                    current = part.rawValue
                }
            }
        }
        return out
    }

    /// The lines of `part`, from below its heading to above the next part's heading.
    public static func region(of part: ReportPart, in pages: [PageLayout], headings: [ReportPart: LineID],
                              furniture: Set<LineID>) -> [RegionPage]? {
        guard let start = headings[part] else { return nil }
        let end = headings.filter { $0.key.rawValue > part.rawValue }.map(\.value).min()
        var out: [RegionPage] = []
        for p in start.page...(end?.page ?? pages.count - 1) {
            let page = pages[p]
            var lines: [TextLine] = []
            for (i, line) in page.lines.enumerated() {
                let id = LineID(page: p, line: i)
                guard id > start, end.map({ id < $0 }) ?? true, !furniture.contains(id) else { continue }
                lines.append(line)
            }
            if !lines.isEmpty { out.append(RegionPage(page: page, lines: lines)) }
        }
        return out
    }
}

/// Finds the report among a page's navigation, banners and footers: the innermost element
/// holding every standard table and part heading, and the report's title line.
enum HTMLBody {
    /// The blocks of the report body: from its title (when the page prints one in or just
    /// before the body) to the body's end. Nil when the page has no table or part heading.
    static func blocks(_ all: [HTMLBlock]) -> [HTMLBlock]? {
        guard let range = bodyRange(all) else { return nil }
        let firstHeading = all[range].firstIndex(where: isPartHeading) ?? range.upperBound
        // The title inside the body: what comes before it is article furniture (date, source).
        if let t = all[range.lowerBound..<firstHeading].firstIndex(where: isTitleBlock) {
            return Array(all[titleStart(all, t)..<range.upperBound])
        }
        // The title printed just above the body (an article header outside the content div).
        if let t = all[..<range.lowerBound].lastIndex(where: isTitleBlock) {
            return Array(all[titleStart(all, t)...t]) + all[range]
        }
        return Array(all[range])
    }

    /// The blocks inside the innermost element that contains every report feature: the data
    /// tables of the three standard kinds and the part headings (一、…六、) that are not links.
    static func bodyRange(_ all: [HTMLBlock]) -> Range<Int>? {
        let features = all.filter { block in
            if let grid = block.table { return HTMLTableReader.classify(grid) != nil }
            return isPartHeading(block)
        }
        guard var common = features.first?.path else { return nil }
        for f in features.dropFirst() {
            common = Array(zip(common, f.path).prefix { $0 == $1 }.map(\.0))
        }
        guard let start = all.firstIndex(where: { $0.path.starts(with: common) }) else { return nil }
        let end = all[start...].firstIndex { !$0.path.starts(with: common) } ?? all.endIndex
        return start..<end
    }

    static func isPartHeading(_ block: HTMLBlock) -> Bool {
        guard !block.isLink, let line = block.line else { return false }
        return ReportPart.heading(line) != nil
    }

    static func isTitleBlock(_ block: HTMLBlock) -> Bool {
        guard !block.hasLink, !block.isLink, let line = block.line else { return false }
        return isTitle(line)
    }

    /// Where the title starts: a title line that names no organization (2023年政府信息公开…)
    /// has it on the line above (<h1>机关<br>2023年…</h1>).
    static func titleStart(_ all: [HTMLBlock], _ t: Int) -> Int {
        guard t > 0, let line = all[t].line, let prev = all[t - 1].line, !all[t - 1].hasLink else { return t }
        let bare = ReportInfoReader.organization(title: line) == nil
        let pk = TextNormalizer.key(prev)
        // The line above names a body: short, no sentence, no date or label (发布日期：…).
        let isName = pk.count <= 30 && !pk.contains(where: { $0.isASCII && $0.isNumber })
            && !pk.contains(":") && !pk.hasSuffix(".") && ReportPart.heading(prev) == nil
        return bare && isName ? t - 1 : t
    }

    /// A line that names the annual report with its year, short enough to be a title.
    static func isTitle(_ text: String) -> Bool {
        let k = TextNormalizer.key(text)
        return k.count <= 60 && k.contains("政府信息公开")
            && ReportInfoReader.titleMarkers.contains(where: k.contains)
            && ReportInfoReader.firstYear(in: k) != nil
    }

    /// The page's `<title>`, without the site name that sites join to it with _, -, | or —
    /// (the part naming the report, when one part does).
    static func pageTitle(_ root: HTMLElement) -> String? {
        root.first("title").flatMap { withoutSiteName($0.textContent) }
    }

    /// A document's title without the site name joined to it (the part naming the report,
    /// when one part does).
    static func withoutSiteName(_ raw: String) -> String? {
        let title = TextNormalizer.display(raw)
        guard !title.isEmpty else { return nil }
        let parts = title.split(whereSeparator: { "_|｜—－-".contains($0) })
            .map { TextNormalizer.display(String($0)) }
        let named = parts.first { k in
            let key = TextNormalizer.key(k)
            return key.contains("政府信息公开") && ReportInfoReader.titleMarkers.contains(where: key.contains)
        }
        return named ?? title
    }
}

import Foundation

/// Reads the report's title, organization and year from its opening lines.
public enum ReportInfoReader {
    static let titleMarkers = ["年度报告", "工作报告", "年报"]

    /// The title: the first line naming the annual report, with the line before it when
    /// the title is printed over two lines (organization, then year and report name).
    public static func title(in lines: [DocumentLine], fallback: String? = nil) -> String? {
        // The title comes before part 一; web pages printed to PDF may put navigation first.
        let opening = joiningShortTails(withoutMetadataBox(Array(lines.prefix(40).prefix { ReportPart.heading($0.text) == nil })))
        let block = openingBlock(opening)
        // The document's own title (a PDF's metadata, a web page's <title>) when the text's
        // names no body — or there is none in the text.
        if let fallback, block.map({ !namesBody($0) }) ?? true, namesBody(fallback), endsTitle(fallback) {
            return TextNormalizer.display(fallback)
        }
        return block ?? fallback.map(TextNormalizer.display)
    }

    /// The opening lines with a CMS information box taken out: its 名称/标题 row becomes the
    /// title it holds (without the label), its other rows (索引号, 发布机构, 文号…) are left out.
    static func withoutMetadataBox(_ lines: [DocumentLine]) -> [DocumentLine] {
        var out: [DocumentLine] = []
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard let fields = MetadataBox.fields(lines[i].text), let last = fields.last else {
                out.append(lines[i])
                continue
            }
            // A label alone (the box as a table: label and value in cells of their own): the
            // next line is its value.
            var values = fields
            if last.value.isEmpty, i + 1 < lines.count, MetadataBox.fields(lines[i + 1].text) == nil {
                values[values.count - 1].value = TextNormalizer.display(lines[i + 1].text)
                i += 1
            }
            if let title = values.first(where: { MetadataBox.titleLabels.contains($0.label) && !$0.value.isEmpty }) {
                var l = lines[i]
                l.text = title.value
                out.append(l)
            }
        }
        return out
    }

    /// Joins a line with the next when the next is a short tail that completes the report's
    /// name (…工作年度报 / 告).
    static func joiningShortTails(_ lines: [DocumentLine]) -> [DocumentLine] {
        var out: [DocumentLine] = []
        var i = 0
        while i < lines.count {
            var line = lines[i]
            if i + 1 < lines.count, TextNormalizer.key(lines[i + 1].text).count <= 3, !endsTitle(line.text),
               endsTitle(line.text + lines[i + 1].text) {
                line.text += lines[i + 1].text
                i += 1
            }
            out.append(line)
            i += 1
        }
        return out
    }

    /// The title read back from the first line that ends with 报告: a line that names the
    /// report but not (before its year) the body takes the lines above it in the same print
    /// size, up to four, until the title names both.
    static func openingBlock(_ lines: [DocumentLine]) -> String? {
        var first: String?
        for end in lines.indices where endsTitle(lines[end].text) {
            guard let block = block(endingAt: end, in: lines) else { continue }
            // Navigation (…政府信息公开年报) names no body; the article's title does.
            if namesBody(block) { return block }
            first = first ?? block
        }
        return first
    }

    static func block(endingAt end: Int, in head: [DocumentLine]) -> String? {
        // A breadcrumb (首页 > 政务公开 > …报告) ends with the title.
        let crumb = head[end].text.contains(where: { ">＞›»".contains($0) })
        var block = lastColumn(head[end].text).split(whereSeparator: { ">＞›»".contains($0) }).last.map(String.init)
            ?? head[end].text
        // A title whose pieces stand far apart (a large title in text laid out at a fixed pitch
        // narrower than its characters: `pdftotext -fixed 3`) is one title, not a side menu
        // beside the article, when only its pieces together name the body.
        if !crumb, !namesBody(block), head[end].text.contains("\t") {
            let whole = head[end].text.replacingOccurrences(of: "\t", with: " ")
            if namesBody(whole) { block = whole }
        }
        var start = end
        while start > 0, end - start < 3, !namesBody(block), !crumb {
            let prev = head[start - 1]
            if let a = prev.size, let b = head[end].size, abs(a - b) > 0.1 * b { break }
            let pk = TextNormalizer.key(prev.text)
            guard !pk.hasSuffix("。"), !pk.contains(":"), ReportPart.heading(prev.text) == nil else { break }
            block = lastColumn(prev.text) + block
            start -= 1
        }
        if let open = block.lastIndex(where: { $0 == "（" || $0 == "(" }), block.hasSuffix("）") || block.hasSuffix(")"),
           endsTitle(String(block[..<open])) {
            block = String(block[..<open])
        }
        let k = TextNormalizer.key(block)
        guard k.count <= 60, k.contains("政府信息公开"), titleMarkers.contains(where: k.contains) else { return nil }
        return TextNormalizer.display(block)
    }

    /// The text after a line's last column break (tab): the article beside a side menu.
    static func lastColumn(_ text: String) -> String {
        text.split(separator: "\t").last.map(String.init) ?? text
    }

    /// Whether a line ends like the report's name: …报告 or …年报, perhaps followed by a
    /// bracketed note such as （全文） or （2023年度）.
    static func endsTitle(_ text: String) -> Bool {
        var k = TextNormalizer.key(text)
        if k.hasSuffix(")"), let open = k.lastIndex(of: "(") { k = String(k[..<open]) }
        return k.hasSuffix("报告") || k.hasSuffix("年报")
    }

    /// Whether a title text names the body: text before its year, or after it before 政府信息公开.
    static func namesBody(_ title: String) -> Bool {
        TextNormalizer.key(title).contains("政府信息公开") && organization(title: title) != nil
    }

    /// The year the report covers: the first 19xx/20xx in the title, else in the opening text.
    public static func year(title: String?, lines: [DocumentLine]) -> Int? {
        if let title, let y = firstYear(in: title) { return y }
        for line in lines.prefix(15) { if let y = firstYear(in: line.text) { return y } }
        return nil
    }

    static func firstYear(in text: String) -> Int? {
        let k = Array(TextNormalizer.key(text))
        var i = 0
        while i + 4 <= k.count {
            let s = String(k[i..<(i + 4)])
            let before = i > 0 ? k[i - 1] : " "
            let after = i + 4 < k.count ? k[i + 4] : " "
            if s.allSatisfy({ $0.isASCII && $0.isNumber }), !(before.isASCII && before.isNumber),
               !(after.isASCII && after.isNumber), let y = Int(s), (1990...2100).contains(y), after == "年" {
                return y
            }
            i += 1
        }
        return nil
    }

    /// The reporting body as the title names it: the text before the year, or (year first)
    /// the text between the year and 政府信息公开….
    public static func organization(title: String?) -> String? {
        guard let title else { return nil }
        let k = TextNormalizer.key(title).filter { !$0.isWhitespace }
        guard let y = firstYear(in: k) else { return nil }
        let yearText = String(y)
        guard let r = k.range(of: yearText) else { return nil }
        var before = String(k[..<r.lowerBound])
        var after = String(k[r.upperBound...])
        for p in ["关于", "《"] where before.hasSuffix(p) { before.removeLast(p.count) }
        before = trimmedOrganization(before)
        if !before.isEmpty { return before }
        for p in ["年度", "年"] where after.hasPrefix(p) { after.removeFirst(p.count); break }
        if let end = after.range(of: "政府信息公开") {
            // 人民政府政府信息公开…: the organization keeps its own 政府.
            let org = trimmedOrganization(String(after[..<end.lowerBound]))
            return org.isEmpty ? nil : org
        }
        return nil
    }

    static func trimmedOrganization(_ s: String) -> String {
        var s = s
        for p in ["关于"] where s.hasPrefix(p) { s.removeFirst(p.count) }
        for p in ["关于", "的"] where s.hasSuffix(p) { s.removeLast(p.count) }
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " :：,，"))
    }
}

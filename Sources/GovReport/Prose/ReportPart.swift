/// The numbered parts of the national format, recognized by their heading lines.
public enum ReportPart: Int, Sendable, CaseIterable {
    case overview = 1, activeDisclosure, applications, reviewLitigation, problems, otherMatters

    static let numerals: [Character] = ["一", "二", "三", "四", "五", "六"]

    /// Words one of which the heading of this part contains.
    var headingWords: [String] {
        switch self {
        case .overview: ["总体情况", "概述", "总体", "基本情况"]
        case .activeDisclosure: ["主动公开"]
        case .applications: ["收到和处理", "依申请", "申请情况"]
        case .reviewLitigation: ["行政复议", "复议", "诉讼"]
        case .problems: ["存在", "问题", "改进"]
        case .otherMatters: ["其他需要报告", "其他"]
        }
    }

    /// Whether `text` is this part's heading: its numeral, then 、 or a dot, then a heading word,
    /// on a short line.
    public func isHeading(_ text: String) -> Bool { isHeading(key: Array(TextNormalizer.key(text))) }

    func isHeading(key k: [Character]) -> Bool {
        guard k.count >= 3, k.count <= 40, k[0] == Self.numerals[rawValue - 1],
              ["、", ".", ",", ":"].contains(k[1]) else { return false }
        let rest = String(k.dropFirst(2))
        // Rows of the applications table also start with 一、二、三、四、.
        if rest.hasPrefix("本年") || rest.hasPrefix("上年") || rest.hasPrefix("结转") { return false }
        return headingWords.contains { rest.contains($0) }
    }

    /// The national format's wording of each part's heading.
    var canonicalHeading: String {
        switch self {
        case .overview: "总体情况"
        case .activeDisclosure: TemplateTable.activeDisclosure.title
        case .applications: TemplateTable.applications.title
        case .reviewLitigation: TemplateTable.reviewLitigation.title
        case .problems: "存在的主要问题及改进情况"
        case .otherMatters: "其他需要报告的事项"
        }
    }

    /// The part whose heading `text` is: numbered 一…六 with a heading word, or (numbered
    /// otherwise, or not at all) in close to the national format's own wording.
    public static func heading(_ text: String) -> ReportPart? {
        guard text.count <= 60 else { return nil }
        let k = Array(TextNormalizer.key(text))
        guard let first = k.first else { return nil }
        if numerals.contains(first), let part = allCases.first(where: { $0.isHeading(key: k) }) { return part }
        // Unnumbered or misnumbered: the wording must be nearly the template's, on its own line
        // (every template heading ends in 情况 or 事项).
        guard k.count <= 30, k.count >= 4 else { return nil }
        let tail = String(k.suffix(3))
        guard tail.contains("情况") || tail.contains("事项") else { return nil }
        let core = LabelMatcher.core(text)
        guard !core.isEmpty else { return nil }
        return allCases.first { part in
            let phrase = canonicalCores[part.rawValue - 1]
            return core.count <= phrase.count + 4 && phrase.count >= 6
                && LabelMatcher.score(printed: core, template: phrase) >= 0.85
        }
    }

    static let canonicalCores = allCases.map { LabelMatcher.core($0.canonicalHeading) }
}

/// The header vocabulary of the three standard tables, in one place: words that mark header
/// text (as opposed to row labels), the words that tell the two formats' active-disclosure
/// tables apart, the words that say which table a grid is, the review/litigation group
/// headings, and every character the tables print (for OCR).
public enum TableVocabulary {
    static let headerWords = [
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
        "勾稽关系", "信息内容", "第二十条", "本年制发件数", "本年新制作数量", "上一年项目数量",
        "本年处理决定数量", "本年收费金额", "采购项目数量", "结果维持", "结果纠正", "尚未审结",
        "未经复议直接起诉", "复议后起诉",
    ]

    /// Whether a line of a table (spaces and punctuation folded) is header text.
    public static func isHeader(_ text: String) -> Bool {
        let k = TextNormalizer.key(text)
        return headerWords.contains { k.contains($0) }
    }

    // MARK: active disclosure

    /// The first header cell of each active-disclosure sub-table.
    public static let activeContentHeader = "信息内容"
    /// The article the active-disclosure sub-tables are titled by (第二十条第（一）项 …).
    public static let activeArticle = "第二十条"
    /// The first header cell of the applications table.
    public static let applicantsHeader = "申请人情况"

    /// Header words only the 2019 format's active-disclosure table prints.
    static let activeMarkers2019 = ["新制作", "新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购", "其他对外管理服务事项"]
    /// Header words only the 2021 format's active-disclosure table prints.
    static let activeMarkers2021 = ["本年制发件数", "现行有效件数", "本年废止件数", "本年处理决定数量"]
    /// Field header words of either format's active-disclosure table.
    static let activeHeaderWords = ["信息内容", "本年增/减", "采购总金额", "采购项目数量", "本年收费金额", "新制作", "新公开数量",
                                    "对外公开总数量", "上一年项目数量", "处理决定数量"] + activeMarkers2021

    /// Whether a line is a field header of either format's active-disclosure table.
    public static func isActiveHeader(_ text: String) -> Bool {
        let k = TextNormalizer.key(text)
        return activeHeaderWords.contains { k.contains($0) }
    }

    // MARK: review and litigation

    /// 行政复议: the first group's heading.
    public static let review = "行政复议"
    /// 行政诉讼: the heading over the two litigation groups.
    public static let litigation = "行政诉讼"
    /// 未经复议直接起诉: the second group's heading.
    public static let litigationDirect = "未经复议直接起诉"
    /// 复议后起诉: the third group's heading.
    public static let litigationAfterReview = "复议后起诉"
    /// Shorter forms of the litigation groups' headings, as some reports print them.
    static let afterReviewShort = "复议后", directShort = ["未经复议", "直接起诉"]

    // MARK: which table a grid is

    /// Words of a table's own headers and row labels: a grid holding most of one table's
    /// words is that table.
    static func identifyingWords(_ table: TemplateTable) -> [String] {
        switch table {
        case .activeDisclosure:
            [activeContentHeader, activeArticle, "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费",
             "本年制发件数", "现行有效件数", "处理决定数量", "上一年项目数量", "政府集中采购"]
        case .applications:
            [applicantsHeader, "自然人", "商业企业", "本年新收", "上年结转", "予以公开", "不予公开", "无法提供",
             "不予处理", "其他处理", "结转下年度"]
        case .reviewLitigation:
            [review, litigation, "结果维持", "结果纠正", "其他结果", "尚未审结", litigationAfterReview, "未经复议"]
        }
    }

    // MARK: characters

    /// Every character the three standard tables print (row labels, headers, units, digits,
    /// punctuation), folded characters first.
    static let tableCharacters: String = {
        var text = Template.applicationRows.flatMap { [$0.label, $0.group ?? ""] + $0.aliases }.joined()
        text += TemplateVersion.allCases.flatMap { Template.activeRows($0).flatMap { [$0.label] + $0.aliases } }.joined()
        text += (Template.applicationColumnLabels + Template.reviewColumnLabels.compactMap { $0 }).joined()
        text += headerWords.joined()
        text += "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）第二十条第（一）（五）（六）（八）（九）项"
            + "本年制发件数本年废止件数现行有效件数本年新公开数量对外公开总数量本年增/减处理决定数量采购项目数量采购总金额"
            + "本年收费金额（单位：万元）行政复议行政诉讼三、本年度办理结果（三）不予公开（四）无法提供（五）不予处理（六）其他处理"
            + "四、结转下年度继续办理（七）总计0123456789.,、()（）:：/—-“”\"其他无"
        var seen = Set<Character>()
        return String(TextNormalizer.fold(text).filter { !$0.isWhitespace && seen.insert($0).inserted }
            + text.filter { !$0.isWhitespace && seen.insert($0).inserted })
    }()
}

/// Words that mark header text of the three standard tables (as opposed to row labels).
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
}

/// The three groups of 四、政府信息公开行政复议、行政诉讼情况, left to right.
public enum ReviewGroup: String, TemplateKey {
    case review
    case litigationDirect = "litigation_direct"
    case litigationAfterReview = "litigation_after_review"

    /// The group's name for a reader, e.g. `行政诉讼·复议后起诉`.
    public var label: String {
        switch self {
        case .review: TableVocabulary.review
        case .litigationDirect: TableVocabulary.litigation + "·" + TableVocabulary.litigationDirect
        case .litigationAfterReview: TableVocabulary.litigation + "·" + TableVocabulary.litigationAfterReview
        }
    }
}

/// The five columns of each review/litigation group, left to right.
public enum ReviewColumn: String, TemplateKey {
    case upheld, corrected, other, pending, total

    /// The printed header name.
    public var label: String {
        switch self {
        case .upheld: "结果维持"
        case .corrected: "结果纠正"
        case .other: "其他结果"
        case .pending: "尚未审结"
        case .total: "总计"
        }
    }

    /// The four outcomes whose sum is `total`.
    public static let outcomes: [ReviewColumn] = Array(allCases.dropLast())
}

/// A name of the national template that is also a key of the canonical JSON (`govreport/1`):
/// a table, a row or a column. The raw value is the key as the document writes it.
public protocol TemplateKey: RawRepresentable, Hashable, Sendable, CaseIterable where RawValue == String {}

extension TemplateKey {
    /// The JSON key (`new_received`, `natural_person`, …).
    public var key: String { rawValue }
}

/// The three tables of the national format, by their JSON keys.
public enum TemplateTable: String, TemplateKey {
    /// 二、主动公开政府信息情况.
    case activeDisclosure = "active_disclosure"
    /// 三、收到和处理政府信息公开申请情况.
    case applications
    /// 四、政府信息公开行政复议、行政诉讼情况.
    case reviewLitigation = "review_litigation"

    /// The numeral of the report part that prints the table (二, 三, 四).
    public var numeral: String {
        switch self {
        case .activeDisclosure: "二"
        case .applications: "三"
        case .reviewLitigation: "四"
        }
    }

    /// The part's heading as the national format words it, without its numeral.
    public var title: String {
        switch self {
        case .activeDisclosure: "主动公开政府信息情况"
        case .applications: "收到和处理政府信息公开申请情况"
        case .reviewLitigation: "政府信息公开行政复议、行政诉讼情况"
        }
    }

    /// The part's heading with its numeral, e.g. `二、主动公开政府信息情况`.
    public var heading: String { numeral + "、" + title }
}

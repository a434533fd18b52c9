/// The items (rows) of 二、主动公开政府信息情况 over both national formats; `Template.activeRows`
/// gives each format's rows, labels and fields.
public enum ActiveItem: String, TemplateKey {
    case regulations
    case normativeDocuments = "normative_documents"
    case licensing
    /// 2019 format only.
    case otherServices = "other_services"
    case penalty
    case coercion
    case fees
    /// 2019 format only.
    case procurement
}

/// The fields (columns) of the active-disclosure rows over both national formats.
public enum ActiveField: String, TemplateKey {
    // 2021 format
    case issued
    case repealed
    case inForce = "in_force"
    case decisions
    case amount
    // 2019 format
    case newMade = "new_made"
    case newPublished = "new_published"
    case totalPublished = "total_published"
    case previousItems = "previous_items"
    case change
    case items

    /// The field's printed header name in `item`'s row of a `template` table.
    public func label(item: ActiveItem? = nil, template: TemplateVersion = .v2021) -> String {
        switch self {
        case .issued: "本年制发件数"
        case .repealed: "本年废止件数"
        case .inForce: "现行有效件数"
        case .decisions: template == .v2019 ? "处理决定数量" : "本年处理决定数量"
        case .amount: item == .procurement ? "采购总金额" : "本年收费金额（万元）"
        case .newMade: "本年新制作数量"
        case .newPublished: "本年新公开数量"
        case .totalPublished: "对外公开总数量"
        case .previousItems: "上一年项目数量"
        case .change: "本年增/减"
        case .items: "采购项目数量"
        }
    }

    /// Fields that may hold a decimal (money).
    public var allowsDecimal: Bool { self == .amount }
    /// Fields that may be negative (the 2019 format's 本年增/减).
    public var allowsNegative: Bool { self == .change }
}

/// A row of the active-disclosure table in one national format: its item, the label the
/// format prints, other wordings seen in real reports, and the fields it carries.
public struct ActiveRow: Sendable, Equatable {
    /// The row's item.
    public var item: ActiveItem
    /// The label the format prints.
    public var label: String
    /// Other wordings seen in real reports (the other format's label).
    public var aliases: [String]
    /// The row's fields, left to right.
    public var fields: [ActiveField]

    /// The row's JSON key.
    public var key: String { item.rawValue }
    /// The fields' JSON keys, in order.
    public var fieldKeys: [String] { fields.map(\.rawValue) }
}

/// The two national formats of the annual report.
public enum TemplateVersion: String, Sendable, Codable, CaseIterable {
    /// 国办公开办函〔2021〕30号, reports on 2021 and later.
    case v2021 = "2021"
    /// 国办公开办函〔2019〕60号, reports on 2019 and 2020.
    case v2019 = "2019"
}

/// The national template's tables as lists, in printed order: what the mapper matches printed
/// rows against, what the canonical JSON orders its keys by. The names themselves are the
/// enums `TemplateTable`, `ApplicationRow`, `ApplicationColumn`, `ReviewGroup`, `ReviewColumn`,
/// `ActiveItem` and `ActiveField`.
public enum Template {
    /// The applications table's column keys, left to right.
    public static let applicationColumns = ApplicationColumn.allCases.map(\.rawValue)

    /// Printed header names of the application columns, left to right.
    public static let applicationColumnLabels = ApplicationColumn.allCases.map(\.label)
    /// Printed header names of the 15 review/litigation columns, left to right.
    public static let reviewColumnLabels = Array(repeating: ReviewColumn.allCases.map(\.label), count: 3)
        .flatMap { $0 }

    /// Rows of 三、收到和处理政府信息公开申请情况 in printed order (`otherProcessing` stands in
    /// for the three （六） sub-rows when a report prints that group as one row).
    public static let applicationRows: [ApplicationRow] = ApplicationRow.allCases

    /// The key of procurement's money unit, written beside its fields (`"amount_unit": "万元"`).
    public static let amountUnitKey = "amount_unit"

    /// The review/litigation groups' keys, left to right.
    public static let reviewGroups = ReviewGroup.allCases.map(\.rawValue)
    /// The review/litigation columns' keys of each group, left to right.
    public static let reviewFields = ReviewColumn.allCases.map(\.rawValue)

    /// The active-disclosure rows of a national format, in printed order.
    public static func activeRows(_ version: TemplateVersion) -> [ActiveRow] {
        switch version {
        case .v2021:
            let three: [ActiveField] = [.issued, .repealed, .inForce]
            return [
                ActiveRow(item: .regulations, label: "规章", aliases: [], fields: three),
                ActiveRow(item: .normativeDocuments, label: "行政规范性文件", aliases: ["规范性文件"], fields: three),
                ActiveRow(item: .licensing, label: "行政许可", aliases: [], fields: [.decisions]),
                ActiveRow(item: .penalty, label: "行政处罚", aliases: [], fields: [.decisions]),
                ActiveRow(item: .coercion, label: "行政强制", aliases: [], fields: [.decisions]),
                ActiveRow(item: .fees, label: "行政事业性收费", aliases: [], fields: [.amount]),
            ]
        case .v2019:
            let made: [ActiveField] = [.newMade, .newPublished, .totalPublished]
            let items: [ActiveField] = [.previousItems, .change, .decisions]
            return [
                ActiveRow(item: .regulations, label: "规章", aliases: [], fields: made),
                ActiveRow(item: .normativeDocuments, label: "规范性文件", aliases: ["行政规范性文件"], fields: made),
                ActiveRow(item: .licensing, label: "行政许可", aliases: [], fields: items),
                ActiveRow(item: .otherServices, label: "其他对外管理服务事项", aliases: [], fields: items),
                ActiveRow(item: .penalty, label: "行政处罚", aliases: [], fields: items),
                ActiveRow(item: .coercion, label: "行政强制", aliases: [], fields: items),
                ActiveRow(item: .fees, label: "行政事业性收费", aliases: [], fields: [.previousItems, .change]),
                ActiveRow(item: .procurement, label: "政府集中采购", aliases: [], fields: [.items, .amount]),
            ]
        }
    }

    /// The printed label of a row of `table` (`template` picks the active-disclosure wording),
    /// with its group heading before it and full-width brackets as the template prints them;
    /// the key itself when it names no row.
    public static func rowLabel(table: String, row: String, template: TemplateVersion = .v2021) -> String {
        let label: String
        switch TemplateTable(rawValue: table) {
        case .applications:
            let t = ApplicationRow(rawValue: row)
            label = [t?.group, t?.label ?? row].compactMap { $0 }.joined(separator: " ")
        case .reviewLitigation: label = ReviewGroup(rawValue: row)?.label ?? row
        default: label = activeRows(template).first { $0.key == row }?.label ?? row
        }
        return label.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
    }

    /// A column's printed name in its table; the key itself when it names no column.
    public static func columnLabel(table: String, row: String, column: String,
                                   template: TemplateVersion = .v2021) -> String {
        switch TemplateTable(rawValue: table) {
        case .applications: return ApplicationColumn(rawValue: column)?.label ?? column
        case .reviewLitigation: return ReviewColumn(rawValue: column)?.label ?? column
        default: return ActiveField(rawValue: column)?.label(item: ActiveItem(rawValue: row), template: template) ?? column
        }
    }
}

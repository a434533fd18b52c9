/// One cell of the national template: a table, one of its rows and one of its columns.
public enum TemplateCell: Hashable, Sendable {
    case active(ActiveItem, ActiveField)
    case application(ApplicationRow, ApplicationColumn)
    case review(ReviewGroup, ReviewColumn)

    /// The cell's table.
    public var table: TemplateTable {
        switch self {
        case .active: .activeDisclosure
        case .application: .applications
        case .review: .reviewLitigation
        }
    }

    /// The row's JSON key.
    public var row: String {
        switch self {
        case .active(let r, _): r.rawValue
        case .application(let r, _): r.rawValue
        case .review(let r, _): r.rawValue
        }
    }

    /// The column's JSON key.
    public var column: String {
        switch self {
        case .active(_, let c): c.rawValue
        case .application(_, let c): c.rawValue
        case .review(_, let c): c.rawValue
        }
    }

    /// `table.row.column`, e.g. `applications.new_received.total`.
    public var key: String { "\(table.rawValue).\(row).\(column)" }

    /// The cell named by JSON keys, when they name one of the template.
    public init?(table: String, row: String, column: String) {
        switch TemplateTable(rawValue: table) {
        case .activeDisclosure:
            guard let r = ActiveItem(rawValue: row), let c = ActiveField(rawValue: column) else { return nil }
            self = .active(r, c)
        case .applications:
            guard let r = ApplicationRow(rawValue: row), let c = ApplicationColumn(rawValue: column) else { return nil }
            self = .application(r, c)
        case .reviewLitigation:
            guard let r = ReviewGroup(rawValue: row), let c = ReviewColumn(rawValue: column) else { return nil }
            self = .review(r, c)
        case nil: return nil
        }
    }
}

import Foundation

/// One row of a canonical table: its key and a value (or nil for a blank cell) per field.
public struct RowValues: Sendable, Equatable {
    public var key: String
    public var fields: [String]
    public var values: [Decimal?]
    /// Unit text printed with an amount (procurement's `amount_unit`).
    public var unit: String?
    /// Page the row was printed on, when known.
    public var page: Int?
    /// Where the row's label and cells are printed on that page, when known (PDF input).
    public var geometry: RowGeometry?

    public init(key: String, fields: [String], values: [Decimal?], unit: String? = nil, page: Int? = nil,
                geometry: RowGeometry? = nil) {
        precondition(fields.count == values.count, "a row needs one value per field")
        self.key = key; self.fields = fields; self.values = values; self.unit = unit; self.page = page
        self.geometry = geometry.flatMap { $0.cells.count == fields.count ? $0 : RowGeometry(label: $0.label, cells: []) }
    }

    public subscript(field: String) -> Decimal? {
        guard let i = fields.firstIndex(of: field) else { return nil }
        return values[i]
    }

    /// The value of a template column (nil: blank, or not a field of this row).
    public subscript<Column: TemplateKey>(column: Column) -> Decimal? { self[column.rawValue] }
}

/// A canonical table: rows in template order; a row the report does not print is absent.
public struct TableValues: Sendable, Equatable {
    public var rows: [RowValues]
    public init(rows: [RowValues] = []) { self.rows = rows }

    public subscript(key: String) -> RowValues? { rows.first { $0.key == key } }
    /// The row of a template row key, when the table prints it.
    public subscript(row: ApplicationRow) -> RowValues? { self[row.rawValue] }
    public subscript(row: ReviewGroup) -> RowValues? { self[row.rawValue] }
    public subscript(row: ActiveItem) -> RowValues? { self[row.rawValue] }
    public var isEmpty: Bool { rows.isEmpty }

    func json(unitKey: (String) -> String? = { _ in nil }) -> JSONValue {
        .object(rows.map { row in
            var members = zip(row.fields, row.values).map { JSONMember($0, $1.map(JSONValue.number) ?? .null) }
            if let unit = row.unit, let key = unitKey(row.key) { members.append(JSONMember(key, .string(unit))) }
            return JSONMember(row.key, .object(members))
        })
    }

    /// Reads a canonical table back, ordering rows and fields as `order` gives them.
    init(json: JSONValue?, order: [(key: String, fields: [String])]) {
        var rows: [RowValues] = []
        for (key, fields) in order {
            guard let obj = json?[key], obj.members != nil else { continue }
            rows.append(RowValues(key: key, fields: fields, values: fields.map { obj[$0]?.decimal },
                                  unit: obj[CanonicalReport.amountUnitKey]?.string))
        }
        self.rows = rows
    }
}

/// The tables of a positioned-text document as the finder read them, and every stage of the
/// applications and review/litigation tables as that reading ran: what `govreport debug
/// --stage` draws, so the picture is of the reading that made the report, not of another one.
struct TableReading: Sendable {
    var tables: RawTables
    /// One per matrix table read, applications first.
    var stages: [TableStages]

    /// The place of a table (by JSON name) among the stages.
    static func order(_ table: String) -> Int {
        table == TemplateTable.applications.rawValue ? 0 : 1
    }
}

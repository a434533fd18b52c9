/// The cells each validator rule looks at: what a finding is about, to print with it and to
/// highlight in a redrawn table.
public enum FindingCells {
    public static func cells(for f: Finding, in report: CanonicalReport) -> [CellRef] {
        guard let table = f.table else { return [] }
        func cell(_ row: String, _ column: String) -> CellRef? {
            CellRef.of(report, table: table, row: row, column: column)
        }
        switch f.code {
        case "applications.balance":
            guard let c = f.column else { return [] }
            return ["new_received", "carried_over", "total_processed", "carried_forward"].compactMap { cell($0, c) }
        case "applications.total_processed":
            guard let c = f.column else { return [] }
            return processedRows(report.applications).compactMap { cell($0, c) } + [cell("total_processed", c)].compactMap { $0 }
        case "applications.row_total", "review_litigation.group_total":
            guard let row = f.row, let r = report.table(named: table)?[row] else { return [] }
            return r.fields.compactMap { cell(row, $0) }
        case "value.negative", "value.not_integer":
            guard let row = f.row, let c = f.column else { return [] }
            return [cell(row, c)].compactMap { $0 }
        default:
            return []
        }
    }

    /// The result rows （一）…（六） counted in （七）总计, as the validator counts them: the （六）
    /// sub-rows, or the one-row form when no sub-row is printed.
    static func processedRows(_ t: TableValues) -> [String] {
        let split = ["other_overdue_correction", "other_overdue_fee", "other_misc"].contains { t[$0] != nil }
        return Template.processedRowKeys.filter { t[$0] != nil && ($0 == "other_processing" ? !split : true) }
    }
}

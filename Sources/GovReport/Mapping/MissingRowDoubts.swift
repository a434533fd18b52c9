/// Marks for the cells of template rows the reader did not find in a table it did find.
///
/// A row missing from a printed table is an error finding (`structure.missing_row`), but the
/// cells themselves stay absent; a harvest that reads cells would take an absent cell for an
/// empty one. Its values are not known (the label was mangled, the row lost in conversion),
/// so each of its cells gets `cell.uncertain`, the spec's mark for a cell the extractor is not
/// sure of. Reports read by OCR are marked by `UncertainCells` instead (with the scan's page).
///
/// A whole table missing (`structure.missing_table`: a converter left it out, or wrote it as
/// running text) is the same doubt for every cell the template gives it: each is marked too.
enum MissingRowDoubts {
    /// The mark's message.
    static let message = "row not found in the printed table: its value is not known"
    /// The mark's message for a cell of a table not found at all.
    static let tableMessage = "table not found in the report: its value is not known"

    /// One `cell.uncertain` per cell of each row named by a `structure.missing_row` finding,
    /// and of each table named by a `structure.missing_table` finding.
    static func diagnostics(for report: CanonicalReport, findings: [Finding]) -> [Finding] {
        guard report.source.ocr == nil else { return [] }
        return rowDoubts(report, findings) + tableDoubts(report, findings)
    }

    /// Every template cell of each missing table. A 2019-format applications table prints
    /// （六）其他处理 as one row or as its three sub-rows; not knowing which, both are marked.
    static func tableDoubts(_ report: CanonicalReport, _ findings: [Finding]) -> [Finding] {
        findings.filter { $0.code == "structure.missing_table" }.flatMap { f -> [Finding] in
            guard let tableName = f.table, let table = TemplateTable(rawValue: tableName) else { return [] }
            let cells: [(row: String, column: String)]
            switch table {
            case .activeDisclosure:
                cells = Template.activeRows(report.report.template).flatMap { row in row.fieldKeys.map { (row.key, $0) } }
            case .applications:
                let rows = ApplicationRow.allCases
                cells = rows.flatMap { row in Template.applicationColumns.map { (row.rawValue, $0) } }
            case .reviewLitigation:
                cells = ReviewGroup.allCases.flatMap { g in Template.reviewFields.map { (g.rawValue, $0) } }
            }
            return cells.map {
                Finding(code: "cell.uncertain", severity: .warning, message: tableMessage,
                        table: tableName, row: $0.row, column: $0.column)
            }
        }
    }

    static func rowDoubts(_ report: CanonicalReport, _ findings: [Finding]) -> [Finding] {
        findings.filter { $0.code == "structure.missing_row" }.flatMap { f -> [Finding] in
            guard let tableName = f.table, let table = TemplateTable(rawValue: tableName), let row = f.row else { return [] }
            let fields: [String]
            switch table {
            case .activeDisclosure:
                fields = Template.activeRows(report.report.template).first { $0.key == row }?.fieldKeys ?? []
            case .applications:
                fields = Template.applicationColumns
            case .reviewLitigation:
                fields = Template.reviewFields
            }
            // （六）其他处理 not found in either form: which one the table printed is not known,
            // so the sub-rows it would have are marked too.
            let rows = row == ApplicationRow.otherProcessing.rawValue
                ? [row] + ApplicationRow.otherSubRows.map(\.rawValue).filter { sub in report.applications.rows.allSatisfy { $0.key != sub } }
                : [row]
            return rows.flatMap { r in
                fields.map {
                    Finding(code: "cell.uncertain", severity: .warning, message: message, table: tableName, row: r, column: $0)
                }
            }
        }
    }
}

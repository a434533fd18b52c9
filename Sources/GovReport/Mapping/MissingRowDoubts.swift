/// Marks for the cells of template rows the reader did not find in a table it did find.
///
/// A row missing from a printed table is an error finding (`structure.missing_row`), but the
/// cells themselves stay absent; a harvest that reads cells would take an absent cell for an
/// empty one. Its values are not known (the label was mangled, the row lost in conversion),
/// so each of its cells gets `cell.uncertain`, the spec's mark for a cell the extractor is not
/// sure of. Reports read by OCR are marked by `UncertainCells` instead (with the scan's page).
enum MissingRowDoubts {
    /// The mark's message.
    static let message = "row not found in the printed table: its value is not known"

    /// One `cell.uncertain` per cell of each row named by a `structure.missing_row` finding.
    static func diagnostics(for report: CanonicalReport, findings: [Finding]) -> [Finding] {
        guard report.source.ocr == nil else { return [] }
        return findings.filter { $0.code == "structure.missing_row" }.flatMap { f -> [Finding] in
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
            return fields.map {
                Finding(code: "cell.uncertain", severity: .warning,
                        message: message,
                        table: tableName, row: row, column: $0)
            }
        }
    }
}

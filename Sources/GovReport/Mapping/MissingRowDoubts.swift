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

    /// Every template cell of each missing table.
    static func tableDoubts(_ report: CanonicalReport, _ findings: [Finding]) -> [Finding] {
        findings.filter { $0.code == "structure.missing_table" }.flatMap { f -> [Finding] in
            guard let tableName = f.table, let table = TemplateTable(rawValue: tableName) else { return [] }
            return templateRows(of: table, template: report.report.template).flatMap { row in
                row.fields.map {
                    Finding(code: "cell.uncertain", severity: .warning, message: tableMessage,
                            table: tableName, row: row.key, column: $0)
                }
            }
        }
    }

    /// The rows (with their fields) a table of the template has, for marking a table not found.
    /// A 2019-format applications table prints （六）其他处理 as one row or as its three
    /// sub-rows; not knowing which, both forms are given.
    static func templateRows(of table: TemplateTable, template: TemplateVersion) -> [(key: String, fields: [String])] {
        switch table {
        case .activeDisclosure:
            Template.activeRows(template).map { ($0.key, $0.fieldKeys) }
        case .applications:
            (template == .v2021 ? ApplicationRow.layout(splitOther: true) : ApplicationRow.allCases)
                .map { ($0.rawValue, Template.applicationColumns) }
        case .reviewLitigation:
            ReviewGroup.allCases.map { ($0.rawValue, Template.reviewFields) }
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
            return fields.map {
                Finding(code: "cell.uncertain", severity: .warning,
                        message: message,
                        table: tableName, row: row, column: $0)
            }
        }
    }
}

import Foundation
import GovReport

/// `reports-wide.csv`: one line per extracted report, for a spreadsheet: the report's metadata,
/// then one column per table cell (`applications.new_received.total`, …). The columns are the
/// same for every batch — every cell of both templates (2021 and 2019), in document order — so
/// files of different batches and shards line up; a cell the report does not have is empty.
/// The file starts with a UTF-8 byte-order mark, by which Excel and WPS know the Chinese text
/// is UTF-8.
public enum WideCSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static let metadata = ["source", "sha256", "kind", "pages", "organization", "year", "template", "title",
                                  "findings", "diagnostics"]

    /// The cell columns as (table, row, column).
    public static let cells: [(table: String, row: String, column: String)] = {
        var out: [(table: String, row: String, column: String)] = []
        var seen = Set<String>()
        func add(_ t: String, _ r: String, _ c: String) {
            if seen.insert("\(t).\(r).\(c)").inserted { out.append((t, r, c)) }
        }
        for version in [TemplateVersion.v2021, .v2019] {
            for row in Template.activeRows(version) {
                for field in row.fieldKeys { add(TemplateTable.activeDisclosure.rawValue, row.key, field) }
                if row.key == ActiveItem.procurement.rawValue { add(TemplateTable.activeDisclosure.rawValue, row.key, CanonicalReport.amountUnitKey) }
            }
        }
        for row in Template.applicationRows {
            for column in Template.applicationColumns { add(TemplateTable.applications.rawValue, row.key, column) }
        }
        for group in Template.reviewGroups {
            for field in Template.reviewFields { add(TemplateTable.reviewLitigation.rawValue, group, field) }
        }
        return out
    }()

    public static var header: [String] { metadata + cells.map { "\($0.table).\($0.row).\($0.column)" } }

    public static func record(for report: CanonicalReport) -> String {
        var values: [String: String] = [:]
        for cell in ReportCells.cells(of: report) { values["\(cell.table).\(cell.row).\(cell.column)"] = cell.text }
        let lead = [report.source.path, report.source.sha256, report.source.kind.rawValue,
                    report.source.pages.map(String.init) ?? "", report.report.organization ?? "",
                    report.report.year.map(String.init) ?? "", report.report.template.rawValue,
                    report.report.title ?? "", String(report.findings.count), String(report.diagnostics.count)]
        return CSV.record(lead + cells.map { values["\($0.table).\($0.row).\($0.column)"] ?? "" })
    }
}

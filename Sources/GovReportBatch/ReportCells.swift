import Foundation
import GovReport

/// One cell of a report's tables, in long format.
public struct ReportCell: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case number(Decimal)
        /// Procurement's `amount_unit` (the unit printed with the amount).
        case text(String)
        /// Printed empty or as a placeholder (`null` in the JSON).
        case blank
    }

    public var table: String
    public var row: String
    public var column: String
    public var value: Value

    /// The value as the JSON prints it (numbers) or as it is (text); empty for a blank.
    public var text: String {
        switch value {
        case .number(let d): JSONValue.number(d).serialized(pretty: false)
        case .text(let s): s
        case .blank: ""
        }
    }
}

public enum ReportCells {
    /// The canonical tables' cells in document order: `active_disclosure`, `applications`,
    /// `review_litigation`; rows in template order, fields in column order. A row the report
    /// does not print has no cells; a blank cell is there, `.blank`.
    public static func cells(of report: CanonicalReport) -> [ReportCell] {
        var out: [ReportCell] = []
        let tables: [(String, TableValues)] = [(TemplateTable.activeDisclosure.rawValue, report.activeDisclosure),
                                               (TemplateTable.applications.rawValue, report.applications),
                                               (TemplateTable.reviewLitigation.rawValue, report.reviewLitigation)]
        for (name, table) in tables {
            for row in table.rows {
                for (field, value) in zip(row.fields, row.values) {
                    out.append(ReportCell(table: name, row: row.key, column: field,
                                          value: value.map(ReportCell.Value.number) ?? .blank))
                }
                if let unit = row.unit, row.key == ActiveItem.procurement.rawValue {
                    out.append(ReportCell(table: name, row: row.key, column: CanonicalReport.amountUnitKey, value: .text(unit)))
                }
            }
        }
        return out
    }
}

/// RFC 4180 CSV, UTF-8, `\n` line ends: a field is quoted when it holds a comma, a quote or a
/// line break, a quote inside doubled.
public enum CSV {
    public static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}

/// `cells.csv`: one line per table cell of every extracted report.
public enum CellsCSV {
    public static let header = ["source", "sha256", "organization", "year", "template", "table", "row", "column",
                                "value"]

    public static func records(for report: CanonicalReport) -> String {
        let lead = [report.source.path, report.source.sha256, report.report.organization ?? "",
                    report.report.year.map(String.init) ?? "", report.report.template.rawValue]
            .map(CSV.field).joined(separator: ",") + ","
        var out = ""
        for cell in ReportCells.cells(of: report) {
            out += lead
            out += CSV.field(cell.table) + "," + CSV.field(cell.row) + "," + CSV.field(cell.column) + ","
            out += CSV.field(cell.text) + "\n"
        }
        return out
    }
}

/// `failures.csv`: one line per input that could not be extracted.
public enum FailuresCSV {
    public static let header = ["source", "sha256", "error", "message"]

    public static func record(for entry: ManifestEntry) -> String {
        CSV.record([entry.path, entry.sha256 ?? "", entry.error ?? "", entry.message ?? ""])
    }
}

import Foundation

/// A rule that fails over a number the reader doubts is the reader's doubt, not the report's
/// error: the failure may come from the misreading, and the report may add up.
///
/// Such a finding keeps its code, cells and numbers but is a `warning`, and its message says
/// which of its cells are in doubt. So is a template row not found in a table some of whose
/// printed rows the reader could not place (`tablesReadUnsure`): the row may be among them.
/// What counts as doubt is a `cell.uncertain` mark the reader had a reason of its own for
/// (OCR confidence, an unsure split, a row placed by guesswork, a number two failing sums
/// cross at); a mark made only because this one sum fails is not (it would make every
/// inconsistent report look like a misreading), and the caller names those cells in
/// `sumOnly`.
public enum DoubtedFindings {
    /// The cells marked `cell.uncertain` in `report`'s diagnostics.
    public static func markedCells(_ report: CanonicalReport) -> Set<TemplateCell> {
        Set(report.diagnostics.filter { $0.code == "cell.uncertain" }.compactMap { d in
            d.table.flatMap { t in d.row.flatMap { r in d.column.flatMap { TemplateCell(table: t, row: r, column: $0) } } }
        })
    }

    /// The validator's findings of `report`, each failing sum rule that reads a cell marked in
    /// doubt (other than the `sumOnly` cells) as a `warning`, and each missing row of a table
    /// read unsure. Other structure and value rules stay as they are: a missing table or a
    /// negative number is not explained by a doubtful digit.
    public static func findings(for report: CanonicalReport, sumOnly: Set<TemplateCell> = []) -> [Finding] {
        let doubted = markedCells(report).subtracting(sumOnly)
        let unsure = tablesReadUnsure(report)
        return Validator.check(report).map { rule in
            var f = rule.finding
            if f.code == "structure.missing_row", f.severity == .error, let table = f.table, let why = unsure[table] {
                f.severity = .warning
                f.message += "; not an error of the report for sure: the reader could not place all of this table's printed rows (\(why))"
                return f
            }
            guard f.severity == .error, !rule.cells.isEmpty else { return f }
            let cells = (rule.cells + absentTerms(f, report)).filter(doubted.contains)
            guard !cells.isEmpty else { return f }
            f.severity = .warning
            f.message += "; not an error of the report for sure: "
                + cells.map(\.key).joined(separator: ", ") + " may be misread (cell.uncertain)"
            return f
        }
    }

    /// The cells a column sum adds from rows the table does not hold (rows not found, whose
    /// cells are marked as not known): terms of the sum all the same.
    static func absentTerms(_ f: Finding, _ report: CanonicalReport) -> [TemplateCell] {
        guard let column = f.column.flatMap(ApplicationColumn.init(rawValue:)) else { return [] }
        let t = report.applications
        let rows: [ApplicationRow]
        switch f.code {
        case "applications.total_processed": rows = Validator.processedRows(t) + [.totalProcessed]
        case "applications.balance": rows = [.newReceived, .carriedOver, .totalProcessed, .carriedForward]
        default: return []
        }
        return rows.filter { t[$0] == nil }.map { .application($0, column) }
    }

    /// Diagnostics that say a table's printed rows were not all read: a row whose label matched
    /// no template row, or only weakly, or whose numbers could not be placed in columns.
    static let unplacedRowCodes = ["label.unmatched", "label.weak_match", "table.row_ambiguous", "table.columns_unknown"]

    /// Each table with a diagnostic of `unplacedRowCodes`, and the codes. A template row not
    /// found there may be one of those rows, misread: its absence is the reader's doubt.
    static func tablesReadUnsure(_ report: CanonicalReport) -> [String: String] {
        var out: [String: Set<String>] = [:]
        for d in report.diagnostics where unplacedRowCodes.contains(d.code) {
            if let table = d.table { out[table, default: []].insert(d.code) }
        }
        return out.mapValues { $0.sorted().joined(separator: ", ") }
    }

    /// `report` with its findings settled by `findings(for:sumOnly:)`.
    public static func settled(_ report: CanonicalReport, sumOnly: Set<TemplateCell> = []) -> CanonicalReport {
        var out = report
        out.findings = findings(for: report, sumOnly: sumOnly)
        return out
    }
}

import Foundation
import GovReport

/// A table cell a finding is about, with the number printed there and where it is printed.
public struct CellRef: Sendable, Equatable, Hashable {
    /// The table's JSON key (`applications`, …).
    public var table: String
    /// The row's JSON key (`new_received`, …).
    public var row: String
    /// The column's JSON key (`natural_person`, …).
    public var column: String
    /// The number printed in the cell (nil: blank).
    public var value: Decimal?
    /// The page (1-based) the cell's row is printed on, when known.
    public var page: Int?
    /// The cell's box on its page (PDF points, origin top-left), when the input has geometry.
    public var box: Rect?
    /// The report the cell belongs to when it is not the finding's own (cross-report rules).
    public var report: String?

    public init(table: String, row: String, column: String, value: Decimal?, page: Int?, box: Rect? = nil,
                report: String? = nil) {
        self.table = table; self.row = row; self.column = column; self.value = value; self.page = page
        self.box = box; self.report = report
    }

    /// A template cell of a report, when the report prints its row; `other` names the report
    /// when it is not the finding's own.
    public static func of(_ report: CanonicalReport, _ cell: TemplateCell, in other: String? = nil) -> CellRef? {
        guard let (r, i) = report.row(of: cell) else { return nil }
        let box = r.geometry.flatMap { $0.cells.count == r.fields.count ? $0.cells[i] : nil }
        return CellRef(table: cell.table.rawValue, row: cell.row, column: cell.column, value: r.values[i], page: r.page,
                       box: box, report: other)
    }

    /// `table.row.column`, e.g. `applications.new_received.total`.
    public var key: String { "\(table).\(row).\(column)" }
}

/// A long list of cells to print — the 21 result rows summed into （七）总计 — shortened to
/// the addends' count, first and last row, sum and pages, then the last cell (the total).
struct CellSummary {
    var addends: ArraySlice<CellRef>
    var total: CellRef
    var sum: Decimal
    var pages: [Int]

    /// Nil when the list is short enough to print whole.
    init?(_ cells: [CellRef], longerThan limit: Int = 6) {
        guard cells.count > limit, let last = cells.last else { return nil }
        addends = cells.dropLast()
        total = last
        sum = addends.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
        pages = Set(addends.compactMap(\.page)).sorted()
    }

    var firstRow: String { addends.first!.row }
    var lastRow: String { addends.last!.row }
}

/// A finding as `check` reports it: the rule's finding (code, severity, message, expected and
/// actual), the cells it is about, the prose it quotes and the other reports it concerns.
public struct CheckFinding: Sendable, Equatable {
    /// The rule's finding, as the canonical document would record it.
    public var finding: Finding
    /// The cells it is about, in the rule's order (for a sum: the addends, then the total).
    public var cells: [CellRef]
    /// Quotations: for prose rules the sentence of the text, then the table cell it disagrees with.
    public var quotes: [String]
    /// Paths of the other reports a cross-report finding concerns.
    public var otherReports: [String]

    public init(_ finding: Finding, cells: [CellRef] = [], quotes: [String] = [], otherReports: [String] = []) {
        self.finding = finding; self.cells = cells; self.quotes = quotes; self.otherReports = otherReports
    }

    /// The rule's code.
    public var code: String { finding.code }
    /// The finding's severity.
    public var severity: Finding.Severity { finding.severity }
}

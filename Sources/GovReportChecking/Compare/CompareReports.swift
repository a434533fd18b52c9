import Foundation
import GovReport

/// Two reports side by side, normally one organization's reports for consecutive years: every
/// cell both print with its change, the cells only one prints, the carried numbers, the prose
/// repeated from the earlier report, and what `check` finds on the two together.
public struct ReportComparison: Sendable {
    /// A cell both reports print.
    public struct Cell: Sendable, Equatable {
        /// The table's JSON key.
        public var table: String
        /// The row's JSON key.
        public var row: String
        /// The column's JSON key.
        public var column: String
        /// The earlier report's value (nil: blank).
        public var from: Decimal?
        /// The later report's value (nil: blank).
        public var to: Decimal?
        /// `to - from`, a blank counting as 0 (as in the validator).
        public var change: Decimal { (to ?? 0) - (from ?? 0) }
        /// `table.row.column`.
        public var key: String { "\(table).\(row).\(column)" }
    }

    /// The earlier report (normally year N).
    public var from: HarvestChecker.Entry
    /// The later report (normally year N+1).
    public var to: HarvestChecker.Entry
    /// In the later report's template order.
    public var cells: [Cell]
    /// `table.row.column` of the cells only the earlier (later) report prints, in its template's order.
    public var onlyInFrom: [String]
    /// `table.row.column` of the cells only the later report prints, in its template's order.
    public var onlyInTo: [String]
    /// Column by column, 四、结转下年度继续办理 of the earlier against 二、上年结转 of the later
    /// (empty when either does not print its row).
    public var carryOver: [HarvestChecker.CarryOver]
    /// Nil when the reports are of different organizations (see `ReportComparer`).
    public var prose: ProseReuse.Result?
    /// The comparison's own warnings (`compare.organizations`, `compare.years`).
    public var warnings: [CheckFinding]
    /// Each report as `check` sees it when given both: its rules, the cross-report rules, its prose.
    public var checked: (from: CheckedReport, to: CheckedReport)

    /// The changed cells, biggest change first (template order among equal changes).
    public var biggestChangesFirst: [Cell] {
        cells.enumerated().filter { $0.element.change != 0 }.sorted { a, b in
            let x = abs(a.element.change), y = abs(b.element.change)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }
}

/// Compares two reports, and pairs a harvest's reports into consecutive years of one
/// organization.
public enum ReportComparer {
    /// The three tables' cells in a template's order, as `(table, row, column)`.
    static func templateCells(_ version: TemplateVersion) -> [(table: String, row: String, column: String)] {
        let active = Template.activeRows(version).flatMap { r in r.fields.map { TemplateCell.active(r.item, $0) } }
        let apps = ApplicationRow.allCases.flatMap { r in ApplicationColumn.allCases.map { TemplateCell.application(r, $0) } }
        let review = ReviewGroup.allCases.flatMap { g in ReviewColumn.allCases.map { TemplateCell.review(g, $0) } }
        return (active + apps + review).map { ($0.table.rawValue, $0.row, $0.column) }
    }

    /// The value of a cell the report prints (outer nil: the report does not print its row).
    static func printed(_ r: CanonicalReport, _ table: String, _ row: String, _ column: String) -> Decimal?? {
        guard let values = TemplateTable(rawValue: table).flatMap({ r[$0][row] }), values.fields.contains(column)
        else { return nil }
        return .some(values[column])
    }

    /// Compares `old` (normally year N) with `new` (year N+1).
    ///
    /// Prose is compared only when the organizations are the same (or one is unknown): text
    /// shared by two bodies is a shared template's wording, not last year's text.
    public static func compare(_ old: HarvestChecker.Entry, _ new: HarvestChecker.Entry) -> ReportComparison {
        let a = old.report, b = new.report
        var cells: [ReportComparison.Cell] = [], onlyInTo: [String] = []
        for (t, r, c) in templateCells(b.report.template) {
            guard let now = printed(b, t, r, c) else { continue }
            if let was = printed(a, t, r, c) {
                cells.append(.init(table: t, row: r, column: c, from: was, to: now))
            } else {
                onlyInTo.append("\(t).\(r).\(c)")
            }
        }
        let onlyInFrom = templateCells(a.report.template).filter { t, r, c in
            printed(a, t, r, c) != nil && printed(b, t, r, c) == nil
        }.map { "\($0.table).\($0.row).\($0.column)" }

        var warnings: [CheckFinding] = []
        let orgA = HarvestChecker.organizationKey(a), orgB = HarvestChecker.organizationKey(b)
        let sameOrganization = orgA == nil || orgB == nil || orgA == orgB
        if !sameOrganization {
            warnings.append(CheckFinding(Finding(
                code: "compare.organizations", severity: .warning,
                message: "the reports are of different organizations (\(a.report.organization ?? "") and \(b.report.organization ?? "")): the numbers are compared, the prose is not"),
                otherReports: [old.path]))
        }
        if let ya = a.report.year, let yb = b.report.year, yb != ya + 1 {
            let why = yb == ya ? "both reports are of \(ya): this is not a comparison of two years"
                : yb < ya ? "the new report (\(yb)) is not later than the old one (\(ya)): are they given in the wrong order?"
                : "the years are not consecutive (\(ya) and \(yb)): carried numbers are not expected to match"
            warnings.append(CheckFinding(Finding(code: "compare.years", severity: .warning, message: why),
                                         otherReports: [old.path]))
        }
        let checked = ReportChecker.check([old, new])
        return ReportComparison(
            from: old, to: new, cells: cells, onlyInFrom: onlyInFrom, onlyInTo: onlyInTo,
            carryOver: HarvestChecker.carryOver(from: a, to: b),
            prose: sameOrganization ? ProseReuse.compare(from: a.sections, to: b.sections) : nil,
            warnings: warnings, checked: (checked[0], checked[1]))
    }

    /// Harvest mode: each organization's reports by year, each paired with the organization's
    /// next year in the harvest. Reports without an organization or year are left out, and a
    /// second report of one organization and year is left out (the first is kept).
    public static func pairs(_ entries: [HarvestChecker.Entry]) -> (pairs: [(from: Int, to: Int)], left: [Int]) {
        var byOrg: [String: [Int]] = [:], left: [Int] = []
        for (i, e) in entries.enumerated() {
            guard let org = HarvestChecker.organizationKey(e.report), let year = e.report.report.year else {
                left.append(i)
                continue
            }
            if byOrg[org, default: []].contains(where: { entries[$0].report.report.year == year }) {
                left.append(i)
                continue
            }
            byOrg[org, default: []].append(i)
        }
        var pairs: [(from: Int, to: Int)] = []
        for org in byOrg.keys.sorted() {
            let run = byOrg[org]!.sorted { entries[$0].report.report.year! < entries[$1].report.report.year! }
            for (x, y) in zip(run, run.dropFirst()) { pairs.append((x, y)) }
        }
        return (pairs, left)
    }
}

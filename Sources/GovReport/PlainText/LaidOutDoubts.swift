import Foundation

/// Marks for laid-out text's cells that a failing sum points at.
///
/// Laid-out text loses what tells a number's cell: a converter's spaces put a number between
/// two columns, join two numbers, part one, or leave a row's numbers on a line of their own.
/// A number read into the wrong cell breaks the sums that read it and stays a number, so
/// nothing else would say it is in doubt. A cell is marked only when the failing sums
/// implicate it (`Why`); values are never changed, and a document whose sums hold gets no mark.
enum LaidOutDoubts {
    /// What implicates a cell.
    enum Why: String {
        /// Read by two failing sums (its row's total and its column's).
        case crossing = "its row's and its column's sums both fail"
        /// A blank where a failing sum wants a number, in a row read blank throughout (few
        /// such rows), or a row read blank in a table that prints its zeros.
        case blankRow = "the row was read blank where a failing sum wants numbers"
        /// A row whose total is blank while its parts hold numbers, and whose sum fails: its
        /// numbers slid a column.
        case slidRow = "the row's total is blank and its sum fails: its numbers may have slid a column"
        /// Two column sums failing in opposite directions: a number moved between them.
        case movedBetween = "two columns' sums fail by opposite amounts: a number may have moved between them"
        /// Three applicant columns or more off by amounts that cancel: numbers of sparse rows
        /// slid between them.
        case slidAlong = "the columns' sums fail by amounts that cancel: numbers may have slid between columns"
        /// （六） read as some of its sub-rows only: which form was printed, and which row
        /// each number belongs to, is not known.
        case partialSplit = "（六） was read as only some of its sub-rows"
        /// A failing sum none of whose numbers the other reasons point at (`wholeSums`).
        case unlocalized = "its sum fails and nothing tells which of the sum's numbers is misread"
    }

    /// - Parameters:
    ///   - reading: what the marks' message calls the input ("laid-out text").
    ///   - wholeSums: also mark every cell of a failing sum that no other reason localizes. For
    ///     a grid a converter rebuilt from a page (Markdown), whose cells can be split, merged or
    ///     shifted anywhere, a failing sum is the only sign and cannot be narrowed further.
    static func diagnostics(for report: CanonicalReport, reading: String = "laid-out text",
                            wholeSums: Bool = false) -> [Finding] {
        marks(for: report, reading: reading, wholeSums: wholeSums).diagnostics
    }

    /// The marks of `diagnostics(for:reading:wholeSums:)`, and the cells marked only because
    /// one failing sum reads them (`Why.unlocalized`): such a mark says nothing the sum does
    /// not, so it does not make the sum's finding a doubt (`DoubtedFindings`).
    static func marks(for report: CanonicalReport, reading: String = "laid-out text",
                      wholeSums: Bool = false) -> (diagnostics: [Finding], sumOnly: Set<TemplateCell>) {
        let failing = Validator.check(report).filter {
            $0.finding.severity == .error && RuleSuspects.terms($0, in: report) != nil
        }
        var reasons: [TemplateCell: [Why]] = [:]
        func mark(_ cells: some Sequence<TemplateCell>, _ why: Why) {
            for c in cells where reasons[c]?.contains(why) != true { reasons[c, default: []].append(why) }
        }
        var reads: [TemplateCell: Int] = [:]
        for rule in failing { for c in Set(rule.cells) { reads[c, default: 0] += 1 } }
        for rule in failing {
            let crossing = rule.cells.filter { (reads[$0] ?? 0) >= 2 }
            mark(crossing, .crossing)
            if isRowRule(rule.finding.code) {
                let values = rule.cells.map { value($0, report) }
                if values.last! == nil, values.dropLast().contains(where: { $0 != nil }) { mark(rule.cells, .slidRow) }
            }
            guard crossing.isEmpty else { continue }
            // (A number the sum wants elsewhere is not marked: a shifted number breaks its
            // row's sum too and is a crossing; alone it was mostly a right number.)
            let blanks = slips(rule, in: report).blanks
            // A blank wanted as a number: only in rows read blank throughout (a row whose
            // numbers were lost), and only when few are (else any blank could be the one).
            let blankRows = blanks.filter { c in
                report.row(of: c)?.row.values.allSatisfy { $0 == nil } ?? false
            }
            // Not a blank 上年结转 (as often printed so) breaking the balance.
            let kept = blankRows.filter { $0.row != ApplicationRow.carriedOver.rawValue }
            if !kept.isEmpty, kept.count <= 2 {
                mark(kept.flatMap { c in rowCells(c, report) }, .blankRow)
            }
        }
        mark(movedBetween(failing, report), .movedBetween)
        mark(slidAlong(failing, report), .slidAlong)
        mark(lostRows(failing, report), .blankRow)
        mark(partialSplit(failing, report), .partialSplit)
        if wholeSums {
            // A row not found explains its table's failing sums (its cells are marked as missing).
            let missing = Set(report.findings.filter { $0.code == "structure.missing_row" }.compactMap(\.table))
            let unexplained = failing.filter { !missing.contains($0.finding.table ?? "") }
            for rule in unexplained where !rule.cells.contains(where: { reasons[$0] != nil }) { mark(rule.cells, .unlocalized) }
            // A row read blank throughout, in a table whose sums fail: its numbers may be lost.
            mark(blankRows(in: Set(unexplained.compactMap(\.finding.table)), report), .blankRow)
        }
        let already = Set(report.diagnostics.filter { $0.code == "cell.uncertain" }.compactMap { d in
            d.table.flatMap { t in d.row.flatMap { r in d.column.flatMap { TemplateCell(table: t, row: r, column: $0) } } }
        })
        let marks = reasons.keys.filter { !already.contains($0) }.sorted { $0.key < $1.key }.map { c in
            Finding(code: "cell.uncertain", severity: .warning,
                    message: "\(reading): the number's cell may be misread (\(reasons[c]!.map(\.rawValue).joined(separator: "; ")))",
                    table: c.table.rawValue, row: c.row, column: c.column, page: report.row(of: c)?.row.page)
        }
        return (marks, Set(reasons.filter { $0.value == [.unlocalized] }.keys))
    }

    static func isRowRule(_ code: String) -> Bool { UncertainCells.isRowRule(code) }

    static func value(_ c: TemplateCell, _ report: CanonicalReport) -> Decimal? {
        report.row(of: c).flatMap { $0.row.values[$0.index] }
    }

    /// Every template cell of the row `c` is in.
    static func rowCells(_ c: TemplateCell, _ report: CanonicalReport) -> [TemplateCell] {
        guard let r = report.row(of: c)?.row else { return [c] }
        return r.fields.compactMap { TemplateCell(table: c.table.rawValue, row: c.row, column: $0) }
    }

    /// The cells of a failing sum that one placement slip explains, apart: numbers (the sum
    /// wants 0 there, or digits the value read starts or ends with, or that start or end
    /// it) and blanks (the sum wants a number there).
    static func slips(_ rule: RuleFinding, in report: CanonicalReport) -> (numbers: [TemplateCell], blanks: [TemplateCell]) {
        guard let terms = RuleSuspects.terms(rule, in: report), let residual = residual(rule, report), residual != 0 else {
            return ([], [])
        }
        var numbers: [TemplateCell] = [], blanks: [TemplateCell] = []
        for t in terms {
            let read = RuleSuspects.int(t.value)
            let needed = (read ?? 0) - t.sign * residual
            guard needed >= 0 else { continue }
            guard let read else { blanks.append(t.cell); continue }
            let a = String(read), b = String(needed)
            if needed == 0 || a.hasPrefix(b) || a.hasSuffix(b) || b.hasPrefix(a) || b.hasSuffix(a) { numbers.append(t.cell) }
        }
        return (numbers, blanks)
    }

    /// Rows of the applications table read blank throughout in a table that prints its zeros
    /// (a 0 in some other row), when one of its sums fails: such a row lost its numbers. Not
    /// 上年结转, often printed blank when nothing was carried over.
    static func lostRows(_ failing: [RuleFinding], _ report: CanonicalReport) -> [TemplateCell] {
        let t = report.applications
        guard failing.contains(where: { $0.finding.table == TemplateTable.applications.rawValue }),
              t.rows.contains(where: { $0.values.contains { $0 == 0 } }) else { return [] }
        return t.rows.filter {
            $0.key != ApplicationRow.carriedOver.rawValue && !$0.values.isEmpty && $0.values.allSatisfy { $0 == nil }
        }.flatMap { row in
            row.fields.compactMap { TemplateCell(table: TemplateTable.applications.rawValue, row: row.key, column: $0) }
        }
    }

    /// Three or more applicant columns' （七）总计 sums failing by amounts that cancel (every
    /// number is there, some in other columns: a page's sparse rows read a column off): in
    /// each row those sums read that leaves an applicant column blank, and holds a number
    /// from the first of those columns to the last, its cells there.
    static func slidAlong(_ failing: [RuleFinding], _ report: CanonicalReport) -> [TemplateCell] {
        var residuals: [Int: Int] = [:]
        var rows = Set<String>()
        for rule in failing where rule.finding.code == "applications.total_processed" {
            guard let c = rule.finding.column.flatMap(ApplicationColumn.init), c != .total,
                  let i = ApplicationColumn.allCases.firstIndex(of: c), let r = residual(rule, report), r != 0 else { continue }
            residuals[i] = r
            rows.formUnion(rule.cells.map(\.row))
        }
        guard residuals.count >= 3, residuals.values.reduce(0, +) == 0,
              let lo = residuals.keys.min(), let hi = residuals.keys.max() else { return [] }
        let span = ApplicationColumn.allCases[lo...hi]
        let applicants = ApplicationColumn.allCases.filter { $0 != .total }
        var out: [TemplateCell] = []
        for row in rows.sorted() {
            guard let key = ApplicationRow(rawValue: row), key != .totalProcessed else { continue }
            // A full row has no room to slide in.
            guard applicants.contains(where: { value(.application(key, $0), report) == nil }),
                  span.contains(where: { value(.application(key, $0), report) != nil }) else { continue }
            out += span.map { TemplateCell.application(key, $0) }
        }
        return out
    }

    /// Two failing column sums of the applications table (same rule) off by opposite amounts,
    /// or side by side and off in opposite directions: in each row where one of the two holds
    /// a number no larger than the smaller amount and the other is blank, both cells.
    static func movedBetween(_ failing: [RuleFinding], _ report: CanonicalReport) -> [TemplateCell] {
        var out: [TemplateCell] = []
        let columnRules = failing.filter { !isRowRule($0.finding.code) && $0.finding.table == TemplateTable.applications.rawValue }
        for (i, a) in columnRules.enumerated() {
            for b in columnRules[(i + 1)...] where a.finding.code == b.finding.code {
                guard let ra = residual(a, report), let rb = residual(b, report), ra != 0, rb != 0, (ra > 0) != (rb > 0),
                      let ca = a.finding.column.flatMap(ApplicationColumn.init), let cb = b.finding.column.flatMap(ApplicationColumn.init),
                      let ia = ApplicationColumn.allCases.firstIndex(of: ca), let ib = ApplicationColumn.allCases.firstIndex(of: cb),
                      abs(ia - ib) == 1 || ra == -rb
                else { continue }
                let amount = min(abs(ra), abs(rb))
                // The columns from one to the other: a number may have moved through columns
                // between them whose sums still hold (one number out of each, another in).
                let span = ApplicationColumn.allCases[min(ia, ib)...max(ia, ib)]
                for row in Set(a.cells.map(\.row)) {
                    guard let key = ApplicationRow(rawValue: row) else { continue }
                    let cells = span.map { TemplateCell.application(key, $0) }
                    let values = cells.compactMap { value($0, report).flatMap(RuleSuspects.int) }
                    // One number alone in the span, no larger than the sums are off.
                    if values.count == 1, let v = values.first, v > 0, v <= amount { out += cells }
                }
            }
        }
        return out
    }

    /// Every cell of each row read blank throughout in the named tables.
    static func blankRows(in tables: Set<String>, _ report: CanonicalReport) -> [TemplateCell] {
        [(TemplateTable.applications, report.applications), (.reviewLitigation, report.reviewLitigation)]
            .filter { tables.contains($0.0.rawValue) }
            .flatMap { table, values in
                values.rows.filter { !$0.values.isEmpty && $0.values.allSatisfy { $0 == nil } }.flatMap { row in
                    row.fields.compactMap { TemplateCell(table: table.rawValue, row: row.key, column: $0) }
                }
            }
    }

    static func residual(_ rule: RuleFinding, _ report: CanonicalReport) -> Int? {
        RuleSuspects.terms(rule, in: report).map { $0.reduce(0) { $0 + $1.sign * (RuleSuspects.int($1.value) ?? 0) } }
    }

    /// （六） read as some but not all of its three sub-rows: in a 2019 report (whose format
    /// prints （六） as one row) the cells of the one-row form and of the sub-rows read; in a
    /// 2021 report, when （七）总计's sum fails, those of the sub-rows read (the missing ones
    /// are marked as missing rows).
    static func partialSplit(_ failing: [RuleFinding], _ report: CanonicalReport) -> [TemplateCell] {
        let t = report.applications
        let read = ApplicationRow.otherSubRows.filter { t[$0] != nil }
        guard !read.isEmpty, read.count < ApplicationRow.otherSubRows.count else { return [] }
        let rows: [ApplicationRow]
        if report.report.template == .v2019 {
            rows = [.otherProcessing] + read
        } else if failing.contains(where: { $0.finding.code == "applications.total_processed" }) {
            rows = read
        } else {
            return []
        }
        return rows.flatMap { row in ApplicationColumn.allCases.map { TemplateCell.application(row, $0) } }
    }
}

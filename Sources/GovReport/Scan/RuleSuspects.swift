import Foundation

/// The cells a failing sum rule can be blamed on: those that one OCR slip (a digit changed,
/// dropped or added, or a number lost) could have turned from the value that makes the rule
/// hold into the value read. A misread digit breaks its row's total and its column's total at
/// once, both pointing at the same cell with the same correction: such a cell is the likely
/// culprit and alone is marked. Values are never changed.
enum RuleSuspects {
    /// One cell of a rule's sum, its value as read, and its sign (+1 a part, -1 a total).
    struct Term {
        var cell: TemplateCell
        var value: Decimal?
        var sign: Int
        var key: String { cell.key }
    }

    /// The rule behind a finding as signed terms that add up to zero when it holds; nil for a
    /// finding that is not such a sum.
    static func terms(_ rule: RuleFinding, in report: CanonicalReport) -> [Term]? {
        let cells = rule.cells
        guard !cells.isEmpty else { return nil }
        func value(_ c: TemplateCell) -> Decimal? { report.row(of: c).flatMap { $0.row.values[$0.index] } }
        func term(_ c: TemplateCell, _ sign: Int) -> Term { Term(cell: c, value: value(c), sign: sign) }
        switch rule.finding.code {
        case "applications.balance":
            return cells.map { c in
                switch c {
                case .application(.newReceived, _), .application(.carriedOver, _): term(c, 1)
                default: term(c, -1)
                }
            }
        case "applications.total_processed":
            return cells.map { c in
                if case .application(.totalProcessed, _) = c { return term(c, -1) }
                return term(c, 1)
            }
        case "applications.row_total", "review_litigation.group_total":
            return cells.map { c in
                switch c {
                case .application(_, .total), .review(_, .total): term(c, -1)
                default: term(c, 1)
                }
            }
        default:
            return nil
        }
    }

    /// For each failing rule (by index in `rules`), the cells that can explain it and the
    /// value each would need.
    static func explanations(_ rules: [RuleFinding], in report: CanonicalReport) -> [[(key: String, needed: Int)]] {
        rules.map { rule in
            guard let terms = terms(rule, in: report) else { return [] }
            let residual = terms.reduce(0) { $0 + $1.sign * (int($1.value) ?? 0) }
            guard residual != 0 else { return [] }
            return terms.compactMap { t in
                let needed = (int(t.value) ?? 0) - t.sign * residual
                guard needed >= 0, oneSlip(read: t.value, needed: needed) else { return nil }
                return (t.key, needed)
            }
        }
    }

    /// Whether OCR could read `needed` as `read` with one slip.
    static func oneSlip(read: Decimal?, needed: Int) -> Bool {
        let b = Array(String(needed))
        guard let v = int(read) else { return b.count <= 2 }
        // A whole number where the sum wants none: a value placed in the wrong column or row.
        if needed == 0 { return true }
        return distance(Array(String(v)), b) == 1
    }

    static func int(_ d: Decimal?) -> Int? {
        guard let d else { return nil }
        let n = NSDecimalNumber(decimal: d)
        return n.decimalValue == Decimal(n.intValue) ? n.intValue : nil
    }

    /// Edit distance of two short strings.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var prev = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var cur = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                cur[j + 1] = min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (x == y ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}

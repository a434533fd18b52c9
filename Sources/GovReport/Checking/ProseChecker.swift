import Foundation

/// Holds the numbers the prose states against the table cells that state the same fact, and
/// repeated statements of the same fact against each other. Findings are warnings: the text
/// may count differently (a subset, a different period), and a reader must look.
public enum ProseChecker {
    /// The table cells holding the fact a prose statement is about (their sum is the fact).
    static func tableCells(for kind: ProseFact.Kind) -> (table: String, rows: [String])? {
        switch kind {
        case .newReceived: ("applications", ["new_received"])
        case .carriedOver: ("applications", ["carried_over"])
        case .totalProcessed: ("applications", ["total_processed"])
        case .carriedForward: ("applications", ["carried_forward"])
        case .granted: ("applications", ["granted"])
        case .grantedOrPartial: ("applications", ["granted", "partially_granted"])
        case .review: ("review_litigation", ["review"])
        case .litigation: ("review_litigation", ["litigation_direct", "litigation_after_review"])
        case .processingFee: nil   // no table of either format has 信息处理费
        }
    }

    public static func findings(for report: CanonicalReport, facts: [ProseFact]) -> [CheckFinding] {
        var out: [CheckFinding] = []
        var seen = Set<String>()
        for fact in facts {
            guard seen.insert("\(fact.kind.rawValue)|\(fact.value)|\(fact.quote)").inserted,
                  let (table, rows) = tableCells(for: fact.kind) else { continue }
            let cells = rows.compactMap { CellRef.of(report, table: table, row: $0, column: "total") }
            guard cells.count == rows.count else { continue }   // the table does not print it
            let tableValue = cells.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
            guard tableValue != fact.value else { continue }
            let name = rows.map { RuleText.rowLabel(table: table, row: $0) }.joined(separator: " + ")
            let pages = Set(cells.compactMap(\.page)).sorted()
            let pageNote = pages.isEmpty ? "" : "（第\(pages.map(String.init).joined(separator: "、"))页）"
            let tableQuote = "表格：\(name) · 总计 = "
                + cells.map { $0.value.map { "\($0)" } ?? "空" }.joined(separator: " + ") + pageNote
            out.append(CheckFinding(
                Finding(code: "prose.table_mismatch", severity: .warning,
                        message: "the text says \(fact.value) where the table's \(name) 总计 is \(tableValue)",
                        table: table, row: rows[0], column: "total", page: cells.first?.page,
                        expected: tableValue, actual: fact.value),
                cells: cells, quotes: ["正文：\(fact.quote)", tableQuote]))
        }
        let fees = facts.filter { $0.kind == .processingFee }
        if let first = fees.first, let other = fees.first(where: { $0.value != first.value }) {
            out.append(CheckFinding(
                Finding(code: "prose.fee_mismatch", severity: .warning,
                        message: "the text states the 信息处理费 twice, as \(first.value) 元 and as \(other.value) 元",
                        expected: first.value, actual: other.value),
                quotes: ["正文：\(first.quote)", "正文：\(other.quote)"]))
        }
        return out
    }
}

import Foundation
import GovReport

/// Holds the numbers the prose states against the table cells that state the same fact, and
/// repeated statements of the same fact against each other. Findings are warnings: the text
/// may count differently (a subset, a different period), and a reader must look.
enum ProseChecker {
    /// The table cells holding the fact a prose statement is about (their sum is the fact).
    static func tableCells(for kind: ProseFact.Kind) -> [TemplateCell]? {
        switch kind {
        case .newReceived: [.application(.newReceived, .total)]
        case .carriedOver: [.application(.carriedOver, .total)]
        case .totalProcessed: [.application(.totalProcessed, .total)]
        case .carriedForward: [.application(.carriedForward, .total)]
        case .granted: [.application(.granted, .total)]
        case .grantedOrPartial: [.application(.granted, .total), .application(.partiallyGranted, .total)]
        case .review: [.review(.review, .total)]
        case .litigation: [.review(.litigationDirect, .total), .review(.litigationAfterReview, .total)]
        case .processingFee: nil   // no table of either format has 信息处理费
        }
    }

    static func findings(for report: CanonicalReport, facts: [ProseFact]) -> [CheckFinding] {
        var out: [CheckFinding] = []
        var seen = Set<String>()
        for fact in facts {
            guard seen.insert("\(fact.kind.name)|\(fact.value)|\(fact.quote)").inserted,
                  let wanted = tableCells(for: fact.kind), let first = wanted.first else { continue }
            let cells = wanted.compactMap { CellRef.of(report, $0) }
            guard cells.count == wanted.count else { continue }   // the table does not print it
            let table = first.table.rawValue
            let tableValue = cells.reduce(Decimal(0)) { $0 + ($1.value ?? 0) }
            guard tableValue != fact.value else { continue }
            let name = wanted.map { RuleText.rowLabel(table: table, row: $0.row) }.joined(separator: " + ")
            let pages = Set(cells.compactMap(\.page)).sorted()
            let pageNote = pages.isEmpty ? "" : "（第\(pages.map(String.init).joined(separator: "、"))页）"
            let tableQuote = "表格：\(name) · 总计 = "
                + cells.map { $0.value.map { "\($0)" } ?? "空" }.joined(separator: " + ") + pageNote
            out.append(CheckFinding(
                Finding(code: "prose.table_mismatch", severity: .warning,
                        message: "the text says \(fact.value) where the table's \(name) 总计 is \(tableValue)",
                        table: table, row: first.row, column: first.column, page: cells.first?.page,
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

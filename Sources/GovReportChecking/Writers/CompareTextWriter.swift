import Foundation
import GovReport

/// `compare --format text`: the two reports, the comparison's warnings, the changed cells
/// biggest change first, the cells only one report prints, the carried numbers, the prose
/// repeated from the earlier report, and the findings of `check` on the two.
public struct CompareTextWriter: Sendable {
    /// Whether to colour with ANSI escape codes (a terminal).
    public var color: Bool
    /// Changed cells listed (the rest are counted).
    public var maxChanges: Int

    public init(color: Bool = false, maxChanges: Int = 40) { self.color = color; self.maxChanges = maxChanges }

    /// One comparison for a terminal: the pair, the carried numbers, the biggest changes, the
    /// prose repeated and the findings (lines end in `\n`).
    public func write(_ c: ReportComparison) -> String {
        var lines = ["\(paint("from", "1"))  \(describe(c.from))", "\(paint("to", "1"))    \(describe(c.to))"]
        for w in c.warnings { lines.append("  \(paint("WARNING", "33")) \(w.code): \(w.finding.message)") }

        let changed = c.biggestChangesFirst
        lines.append("")
        lines.append("cells: \(c.cells.count) in both, \(changed.count) changed"
            + (c.onlyInFrom.isEmpty ? "" : ", \(c.onlyInFrom.count) only in from")
            + (c.onlyInTo.isEmpty ? "" : ", \(c.onlyInTo.count) only in to"))
        let width = changed.prefix(maxChanges).map(\.key.count).max() ?? 0
        for cell in changed.prefix(maxChanges) {
            let sign = cell.change > 0 ? "+" : ""
            let change = paint("\(sign)\(cell.change)", cell.change > 0 ? "32" : "31")
            lines.append("  \(cell.key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value(cell.from)) → \(value(cell.to))  \(change)")
        }
        if changed.count > maxChanges { lines.append("  … and \(changed.count - maxChanges) more changed cells (--format json lists all)") }
        if !c.onlyInFrom.isEmpty { lines.append("only in from: " + Self.shorten(c.onlyInFrom)) }
        if !c.onlyInTo.isEmpty { lines.append("only in to: " + Self.shorten(c.onlyInTo)) }

        lines.append("")
        if c.carryOver.isEmpty {
            lines.append("carry-over: not compared (a report does not print 四、结转下年度继续办理 or 二、上年结转)")
        } else {
            let bad = c.carryOver.filter { !$0.ok }
            lines.append("carry-over (from 四、结转下年度继续办理 → to 二、上年结转): "
                + (bad.isEmpty ? paint("every column agrees", "32") : paint("\(bad.count) column(s) disagree", "31")))
            for co in c.carryOver {
                lines.append("  \(co.column.padding(toLength: 15, withPad: " ", startingAt: 0)) \(value(co.carriedForward)) → \(value(co.carriedOver))"
                    + (co.ok ? "" : "  " + paint("differs", "31")))
            }
        }

        lines.append("")
        if let prose = c.prose {
            let shares = prose.reusedShare.map { "\($0.part) \(Int(($0.share * 100).rounded()))%" }
            lines.append("prose repeated from the earlier report: " + (shares.isEmpty ? "no text to compare" : shares.joined(separator: ", ")))
            for r in prose.reused {
                lines.append("  \(r.part) ¶\(r.toParagraph) ← ¶\(r.fromParagraph) (similarity \(String(format: "%.2f", r.similarity))): \(Self.excerpt(r.toText))")
            }
        } else {
            lines.append("prose: not compared (different organizations)")
        }

        let findings = c.checked.from.findings.map { ("from", $0) } + c.checked.to.findings.map { ("to", $0) }
        if !findings.isEmpty {
            lines.append("")
            lines.append("findings (as in check):")
            let check = TextCheckWriter(color: color)
            for (side, f) in findings {
                var described = check.describe(f)
                described[0] = "  [\(side)]" + described[0].dropFirst(1)
                lines += described
            }
        }
        return lines.joined(separator: "\n")
    }

    func describe(_ e: HarvestChecker.Entry) -> String {
        let info = e.report.report
        let name = [info.organization, info.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
        return e.path + (name.isEmpty ? "" : " (\(name), \(info.template.rawValue) format)")
    }

    func value(_ d: Decimal?) -> String { d.map { "\($0)" } ?? "blank" }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    static func shorten(_ keys: [String], limit: Int = 8) -> String {
        keys.prefix(limit).joined(separator: ", ") + (keys.count > limit ? ", … (\(keys.count) in all)" : "")
    }

    static func excerpt(_ s: String, limit: Int = 40) -> String {
        s.count <= limit ? s : String(s.prefix(limit)) + "…"
    }
}

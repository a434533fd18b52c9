import Foundation
import GovReport

/// The terminal report: each report with its findings, most serious first, each finding with
/// the cells involved (value and page) and any quotes; then, for several reports, the counts.
public struct TextCheckWriter: Sendable {
    /// ANSI colours for the severities (for a terminal).
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    /// The terminal report: each report's findings with their cells, then the summary (lines
    /// end in `\n`; colour codes only when `color`).
    public func write(_ reports: [CheckedReport], summary: HarvestSummary) -> String {
        var lines: [String] = []
        // Reports with errors first, then with warnings, then clean ones; input order within each.
        let ordered = reports.enumerated().sorted { a, b in
            let x = Self.rank(a.element.worst), y = Self.rank(b.element.worst)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        for r in ordered { lines += describe(r) }
        if reports.count > 1 || summary.unreadable > 0 { lines += ["", summaryLine(summary)] + ruleLines(summary) }
        return lines.joined(separator: "\n")
    }

    static func rank(_ worst: Finding.Severity?) -> Int {
        switch worst {
        case .error: 0
        case .warning: 1
        case .info: 2
        case nil: 3
        }
    }

    func describe(_ r: CheckedReport) -> [String] {
        let name = [r.report.report.organization, r.report.report.year.map(String.init)].compactMap { $0 }
            .joined(separator: " ")
        var head = r.path + (name.isEmpty ? "" : " (\(name))") + ": "
        if r.findings.isEmpty {
            head += "OK, every rule holds"
        } else {
            var counts: [String] = []
            if r.errors > 0 { counts.append("\(r.errors) error\(r.errors == 1 ? "" : "s")") }
            if r.warnings > 0 { counts.append("\(r.warnings) warning\(r.warnings == 1 ? "" : "s")") }
            head += "\(r.findings.count) finding(s): " + counts.joined(separator: ", ")
        }
        var lines = [head]
        for f in r.findings { lines += describe(f) }
        return lines
    }

    func describe(_ c: CheckFinding) -> [String] {
        let f = c.finding
        var place = [f.table, f.row, f.column].compactMap { $0 }.joined(separator: ".")
        if let page = f.page { place += (place.isEmpty ? "" : " ") + "p.\(page)" }
        var line = "  \(paint(f.severity)) \(f.code)\(place.isEmpty ? "" : " " + place): \(f.message)"
        if let e = f.expected, let a = f.actual { line += " [expected \(e), actual \(a)]" }
        var lines = [line]
        if !c.cells.isEmpty { lines.append("      cells: " + Self.describe(cells: c.cells)) }
        lines += c.quotes.map { "      \($0)" }
        return lines
    }

    /// The cells, each with its value and page; a long list (the 22 result rows summed into
    /// （七）总计) is shortened to its last cell and the sum and pages of the others.
    static func describe(cells: [CellRef]) -> String {
        guard let s = CellSummary(cells) else { return cells.map(describe).joined(separator: ", ") }
        let pages = s.pages.isEmpty ? "" : " on p." + s.pages.map(String.init).joined(separator: ",")
        return "\(s.addends.count) cells of rows \(s.firstRow) … \(s.lastRow)\(pages) adding up to \(s.sum), "
            + describe(s.total)
    }

    static func describe(_ cell: CellRef) -> String {
        var s = "\(cell.row).\(cell.column)=\(cell.value.map { "\($0)" } ?? "blank")"
        if let p = cell.page { s += " p.\(p)" }
        if let other = cell.report { s = "[\(other)] " + s }
        return s
    }

    func paint(_ s: Finding.Severity) -> String {
        let word = s.rawValue.uppercased()
        guard color else { return word }
        switch s {
        case .error: return "\u{1B}[1;31m\(word)\u{1B}[0m"
        case .warning: return "\u{1B}[33m\(word)\u{1B}[0m"
        case .info: return word
        }
    }

    func summaryLine(_ s: HarvestSummary) -> String {
        var line = "\(s.reports) report\(s.reports == 1 ? "" : "s"): \(s.withErrors) with errors, "
            + "\(s.withWarningsOnly) with warnings only, \(s.clean) clean"
        if s.unreadable > 0 { line += "; \(s.unreadable) input\(s.unreadable == 1 ? "" : "s") could not be read" }
        return line
    }

    func ruleLines(_ s: HarvestSummary) -> [String] {
        let width = s.rules.map(\.code.count).max() ?? 0
        return s.rules.map { r in
            let code = r.code + String(repeating: " ", count: width - r.code.count)
            let sev = r.severity.rawValue + String(repeating: " ", count: 8 - r.severity.rawValue.count)
            return "  \(sev) \(code)  \(r.count) in \(r.reports) report\(r.reports == 1 ? "" : "s")"
        }
    }
}

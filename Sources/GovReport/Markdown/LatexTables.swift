import Foundation

/// Tables a PDF-to-Markdown converter wrote as LaTeX (Nougat and its kin): a `tabular`,
/// on its lines or all on one, rows ending in `\\`, cells parted by `&`, rules (`\hline`,
/// `\cline{…}`, `\toprule`…) between rows, merged cells as `\multicolumn{n}{spec}{text}` (its
/// text, then n − 1 empty cells) and `\multirow{n}{*}{text}` (its text; the rows below leave
/// the slots empty). Written as pipe rows, so the table reaches the grid path like any other
/// Markdown table. The `table` environment lines around it are left out.
enum LatexTables {
    static func asPipeRows(_ lines: [String]) -> [String] {
        guard lines.contains(where: { $0.contains("\\begin{tabular") }) else { return lines }
        var out: [String] = []
        var i = 0
        while i < lines.count {
            guard let start = lines[i].range(of: "\\begin{tabular") else {
                if !isEnvironmentLine(lines[i]) { out.append(lines[i]) }
                i += 1
                continue
            }
            var text = String(lines[i][start.lowerBound...])
            let before = String(lines[i][..<start.lowerBound])
            var j = i
            while !text.contains("\\end{tabular}"), j + 1 < lines.count {
                j += 1
                text += "\n" + lines[j]
            }
            guard let end = text.range(of: "\\end{tabular}") else {
                out.append(lines[i])
                i += 1
                continue
            }
            if !before.trimmingCharacters(in: .whitespaces).isEmpty, !isEnvironmentLine(before) { out.append(before) }
            let rows = self.rows(String(text[..<end.lowerBound]))
            if out.last.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? false { out.append("") }
            if let first = rows.first {
                out.append(pipeRow(first))
                out.append("|" + Array(repeating: "---", count: first.count).joined(separator: "|") + "|")
                out += rows.dropFirst().map(pipeRow)
            }
            out.append("")
            let after = String(text[end.upperBound...]).trimmingCharacters(in: .whitespaces)
            if !after.isEmpty, !isEnvironmentLine(after) { out.append(after) }
            i = j + 1
        }
        return out
    }

    /// `\begin{table}`, `\end{table}`, `\centering` and the like: no text of the report.
    static func isEnvironmentLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return ["\\begin{table", "\\end{table", "\\centering", "\\begin{center", "\\end{center"].contains { t.hasPrefix($0) }
            && t.count < 40
    }

    /// The rows of a tabular's text (from `\begin{tabular}` up to its end).
    static func rows(_ tabular: String) -> [[String]] {
        var body = Substring(tabular.dropFirst("\\begin{tabular}".count))
        // The column spec `{|c|c|}` (and an optional position `[t]` before it).
        if body.first == "[", let close = body.firstIndex(of: "]") { body = body[body.index(after: close)...] }
        if body.first == "{", let arg = argument(body) { body = arg.rest }
        var rows: [[String]] = []
        for raw in body.components(separatedBy: "\\\\") {
            let row = withoutRules(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !row.isEmpty else { continue }
            var cells: [String] = []
            for cell in splitCells(row) {
                let (text, span) = merged(cell.trimmingCharacters(in: .whitespacesAndNewlines))
                cells.append(text)
                cells += Array(repeating: "", count: max(0, span - 1))
            }
            rows.append(cells)
        }
        return rows
    }

    /// A brace group's content at the start of `s` (which starts with `{`), and what follows.
    static func argument(_ s: Substring) -> (content: Substring, rest: Substring)? {
        guard s.first == "{" else { return nil }
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "{" { depth += 1 } else if s[i] == "}" {
                depth -= 1
                if depth == 0 { return (s[s.index(after: s.startIndex)..<i], s[s.index(after: i)...]) }
            }
            i = s.index(after: i)
        }
        return nil
    }

    static let rules = try! NSRegularExpression(pattern: "\\\\(hline|toprule|midrule|bottomrule|cline\\{[^}]*\\}|cmidrule(\\([^)]*\\))?\\{[^}]*\\})")

    static func withoutRules(_ s: String) -> String {
        rules.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: " ")
    }

    /// Cells parted by `&` outside braces (`\&` is text).
    static func splitCells(_ row: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var depth = 0
        var escaped = false
        for c in row {
            if c == "&" && depth == 0 && !escaped {
                cells.append(cell)
                cell = ""
            } else {
                if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
                cell.append(c)
            }
            escaped = c == "\\" && !escaped
        }
        cells.append(cell)
        return cells
    }

    /// A cell's text and the columns it spans: `\multicolumn{n}{spec}{…}` spans n, and
    /// `\multirow{n}{w}{…}`, `\textbf{…}` and the like stand for their last argument.
    static func merged(_ cell: String) -> (String, Int) {
        var s = Substring(cell)
        var span = 1
        while s.hasPrefix("\\") {
            let name = s.dropFirst().prefix { $0.isLetter }
            guard !name.isEmpty else { break }
            var rest = s.dropFirst(1 + name.count).drop { $0 == " " }
            var args: [Substring] = []
            while let arg = argument(rest) ?? (rest.first == "[" ? bracket(rest) : nil) {
                if rest.first == "{" { args.append(arg.content) }
                rest = arg.rest.drop { $0 == " " }
            }
            guard let last = args.last, rest.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            if name == "multicolumn", let n = args.first.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                span *= max(1, min(n, 64))
            }
            s = last.drop { $0 == " " }
        }
        let text = String(s).replacingOccurrences(of: "\\%", with: "%").replacingOccurrences(of: "\\&", with: "&")
            .replacingOccurrences(of: "\\_", with: "_").trimmingCharacters(in: .whitespaces)
        return (text, span)
    }

    static func bracket(_ s: Substring) -> (content: Substring, rest: Substring)? {
        guard s.first == "[", let close = s.firstIndex(of: "]") else { return nil }
        return (s[s.index(after: s.startIndex)..<close], s[s.index(after: close)...])
    }

    static func pipeRow(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}

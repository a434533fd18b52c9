import Foundation

/// Pipe tables whose merged cells a converter dropped (markitdown writes a row's cells and
/// leaves out the slots a cell above spans into): such a row has fewer cells than its table,
/// and a parser pads it at the end, which moves its numbers one or more columns left. A short
/// row with a value for each of the table's value columns (the columns from the first one a
/// full row has a value in) after its last label is padded at the start instead, so its
/// numbers stay under their columns. Other short rows (a hand-written `| 行政许可 | 12 |`
/// in a wider table) keep the parser's padding.
enum RaggedPipeRows {
    static func aligned(_ lines: [String]) -> [String] {
        var lines = lines
        var i = 0
        while i < lines.count {
            guard MarkdownText.isPipeRow(Substring(lines[i])) else { i += 1; continue }
            var j = i
            while j < lines.count, MarkdownText.isPipeRow(Substring(lines[j])) { j += 1 }
            align(&lines, i..<j)
            i = j
        }
        return lines
    }

    /// A pipe row's cells, trimmed (`\|` is text).
    static func cells(_ line: String) -> [String] {
        var t = line.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|") && !t.hasSuffix("\\|") { t.removeLast() }
        var out: [String] = []
        var cell = ""
        var escaped = false
        for c in t {
            if c == "|" && !escaped {
                out.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(c)
            }
            escaped = c == "\\" && !escaped
        }
        out.append(cell.trimmingCharacters(in: .whitespaces))
        return out
    }

    /// The number of cells after a row's last label, or nil for a row with no value in them.
    static func valueSlots(_ cells: [String]) -> Int? {
        let last = cells.lastIndex { !$0.isEmpty && !ValueParser.looksLikeValue(plain($0)) } ?? -1
        let values = cells[(last + 1)...]
        return values.contains { !$0.isEmpty } ? values.count : nil
    }

    /// The first column holding a value.
    static func firstValue(_ cells: [String]) -> Int? {
        cells.firstIndex { !$0.isEmpty && ValueParser.looksLikeValue(plain($0)) }
    }

    /// A cell's text without emphasis marks (`**12**`).
    static func plain(_ cell: String) -> String {
        cell.trimmingCharacters(in: CharacterSet(charactersIn: "*_ "))
    }

    static func align(_ lines: inout [String], _ range: Range<Int>) {
        // Rows of cells by line (nil for the delimiter row, whose dashes are no values).
        let rows = range.map { MarkdownText.isDelimiterRow(Substring(lines[$0])) ? nil : cells(lines[$0]) }
        let width = rows.compactMap { $0?.count }.max() ?? 0
        // The table's value columns: from the first column any full row has a value in.
        guard let valueStart = rows.compactMap({ $0 }).filter({ $0.count == width }).compactMap(firstValue).min()
        else { return }
        for (k, row) in rows.enumerated() {
            guard let row, row.count < width, let slots = valueSlots(row), slots >= width - valueStart else { continue }
            let padded = Array(repeating: "", count: width - row.count) + row
            lines[range.lowerBound + k] = "| " + padded.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
    }
}

import Foundation

/// Markdown as PDF-to-Markdown converters write it, made ready for a CommonMark/GFM parser:
/// page furniture (`— 1 —`, `- 3 -`, `第3页`) left out, a pipe table that furniture or a
/// repeated header split in two joined again, pipe rows written without their outer pipes
/// given them, numbers written as inline math (`$12$`) made plain, and every table set apart
/// by blank lines; Pandoc's dash-ruled and grid tables (`DashRuledTables`) and LaTeX tabulars
/// (`LatexTables`) become pipe tables, and rows that lost the slots of cells merged from above
/// get them back (`RaggedPipeRows`). Raw HTML blocks (`<table>` with merged cells) pass
/// through untouched, except that void elements are closed (`<br>` → `<br/>`): the parser
/// takes an unclosed `<br>` for an element running to its end tag.
enum MarkdownText {
    /// A line that is a row of a pipe table: `| a | b |`.
    static func isPipeRow(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("|") && t.count >= 2 && t.dropFirst().contains("|")
    }

    /// A table's delimiter row: `|---|:--:|`, `---|---`.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.contains("-") && t.contains("|") && t.allSatisfy { "|-: ".contains($0) }
    }

    /// An ATX heading: `#` to `######` and a space.
    static func isHeading(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " }
        let hashes = t.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && t.dropFirst(hashes).first.map { $0 == " " } ?? false
    }

    /// Whether text (a `.txt` file, say) is Markdown: it has a pipe table (a delimiter row, or
    /// three rows), headings marked with `#`, a table Pandoc laid out under dashed rules, or a
    /// LaTeX tabular.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        var pipeRows = 0, headings = 0
        for line in text.split(whereSeparator: \.isNewline) {
            if isDelimiterRow(line) { return true }
            if isPipeRow(line), line.filter({ $0 == "|" }).count >= 3 { pipeRows += 1 }
            if isHeading(line) { headings += 1 }
            if pipeRows >= 3 || headings >= 3 { return true }
        }
        if text.contains("\\begin{tabular") { return true }
        return DashRuledTables.hasTable(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init))
    }

    /// Number of cells of a pipe row (escaped pipes `\|` are text).
    static func cellCount(_ line: Substring) -> Int {
        var t = line.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|") && !t.hasSuffix("\\|") { t.removeLast() }
        return t.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count
    }

    /// More cells than any report's table has: such a row is not put in a table with others.
    static let maxTableCells = 64

    static let voidElement = try! NSRegularExpression(
        pattern: "<(br|hr|img|wbr|col|input|meta|link|area|source)(\\s[^<>]*?)?\\s*/?>", options: [.caseInsensitive])

    /// A number, or a blank's placeholder, a converter wrote as inline math: `$12$`, `$ 3.5 $`,
    /// `$-2$`, `$/$`.
    static let mathNumber = try! NSRegularExpression(
        pattern: "\\$\\s*([-−]?[0-9０-９][0-9０-９.,，]*|[/／—–-])\\s*\\$")

    static func prepared(_ text: String) -> String {
        var raw = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{0C}", with: "\n")
        if raw.contains("$") {
            raw = mathNumber.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "$1")
        }
        if raw.contains("<") {
            raw = voidElement.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw),
                                                       withTemplate: "<$1$2/>")
        }
        var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = RaggedPipeRows.aligned(PlaceholderHeaders.blanked(withOuterPipes(DashRuledTables.asPipeRows(LatexTables.asPipeRows(lines)))))
        var out: [String] = []
        var inHTML = false
        // The open pipe table: the index in `out` of its first and last rows, and whether blank
        // lines or furniture came after its last row.
        var tableStart = 0
        var lastRow: Int?
        var gap = false
        func closeTable() {
            if lastRow != nil { out.append("") }
            lastRow = nil
            gap = false
        }
        for line in lines {
            let sub = Substring(line)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inHTML {
                out.append(line)
                if trimmed.lowercased().contains("</table") { inHTML = false }
                continue
            }
            if isPipeRow(sub), cellCount(sub) > maxTableCells {
                // Ink writes every row of a table as wide as its widest: a row of thousands of
                // cells is set apart, alone.
                closeTable()
                if out.last.map({ !$0.isEmpty }) ?? false { out.append("") }
                out += [line, ""]
                continue
            }
            if isPipeRow(sub) {
                // A table goes on after furniture or blank lines when its rows have as many cells.
                if let last = lastRow, gap, cellCount(Substring(out[last])) != cellCount(sub) { closeTable() }
                if lastRow == nil {
                    if out.last.map({ !$0.isEmpty }) ?? false { out.append("") }
                    tableStart = out.count
                } else if isDelimiterRow(sub), lastRow != tableStart {
                    // Only the delimiter under a table's first row is the parser's business; a
                    // repeated header's is dropped.
                    continue
                }
                out.append(line)
                lastRow = out.count - 1
                gap = false
                continue
            }
            let furniture = !trimmed.isEmpty && PartLocator.isPageNumber(trimmed)
            if trimmed.isEmpty || furniture {
                if lastRow != nil { gap = true } else if !furniture { out.append(line) }
                continue
            }
            closeTable()
            if trimmed.lowercased().hasPrefix("<table") {
                if out.last.map({ !$0.isEmpty }) ?? false { out.append("") }
                inHTML = !trimmed.lowercased().contains("</table")
            }
            out.append(line)
        }
        // Trailing blanks: Ink's front-matter reader (`---` first) traps on text that ends in them.
        while let last = out.last, last.allSatisfy(\.isWhitespace) { out.removeLast() }
        return MarkdownInline.bounded(out).joined(separator: "\n")
    }

    /// Rows of a table written without outer pipes (`a | b` over `---|---`) get them.
    static func withOuterPipes(_ lines: [String]) -> [String] {
        var lines = lines
        var i = 0
        while i < lines.count {
            let sub = Substring(lines[i])
            guard isDelimiterRow(sub), !sub.trimmingCharacters(in: .whitespaces).hasPrefix("|"), i > 0,
                  lines[i - 1].contains("|") else { i += 1; continue }
            var j = i - 1
            while j < lines.count, j == i || lines[j].contains("|") && !lines[j].trimmingCharacters(in: .whitespaces).isEmpty {
                let t = lines[j].trimmingCharacters(in: .whitespaces)
                if !t.hasPrefix("|") { lines[j] = "| " + t + (t.hasSuffix("|") ? "" : " |") }
                j += 1
            }
            i = j
        }
        return lines
    }
}

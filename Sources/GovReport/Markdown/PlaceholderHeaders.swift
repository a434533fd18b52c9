import Foundation

/// Header cells a converter filled in for itself: pymupdf4llm names an empty header cell of a
/// pipe table `Col1`, `Col2`, … by its position. Such a name is no header text: left in, it
/// makes a value column look like a titled one, and the columns are counted wrong. In a
/// table's first row (the one over its delimiter row) they are blanked.
///
/// A table a page break cut inside a row starts with that row's second half: label text only,
/// every value slot a placeholder (`|Col1|予公开|止公开|Col4|…|` under a row ending
/// `|（三）不|2.其他法律行政法规禁|0|0|…|`). When the table before it (past blank lines and page
/// furniture only) ends in a row of as many cells with values, the half row's texts are put
/// back at the ends of that row's cells, column by column, and the half row is dropped. The
/// half row may instead hold the rests of numbers the page break cut (`numberRests`).
enum PlaceholderHeaders {
    static let placeholder = try! NSRegularExpression(pattern: "^Col[0-9]+$")

    static func blanked(_ lines: [String]) -> [String] {
        var lines = lines
        var dropped = Set<Int>()
        for i in lines.indices.dropLast() where MarkdownText.isDelimiterRow(Substring(lines[i + 1]))
            && MarkdownText.isPipeRow(Substring(lines[i])) {
            let cells = RaggedPipeRows.cells(lines[i])
            guard cells.contains(where: isPlaceholder) else { continue }
            if let p = previousRow(lines, before: i) {
                let above = RaggedPipeRows.cells(lines[p])
                if let joined = joined(above, cells) {
                    lines[p] = row(joined)
                    dropped.formUnion([i, i + 1])
                    continue
                }
                if let joined = numberRests(above, cells) {
                    lines[p] = row(joined)
                    // A table as wide goes on from the row above; another keeps its header
                    // row (blank now), or its rows would be no table.
                    if above.count == cells.count { dropped.formUnion([i, i + 1]); continue }
                    lines[i] = row(cells.map { isPlaceholder($0) || lineTexts($0).allSatisfy(isDigits) ? "" : $0 })
                    continue
                }
            }
            lines[i] = row(cells.map { isPlaceholder($0) ? "" : $0 })
        }
        return lines.indices.filter { !dropped.contains($0) }.map { lines[$0] }
    }

    /// The last row of the pipe table just above line `i`, past blank lines and page furniture.
    static func previousRow(_ lines: [String], before i: Int) -> Int? {
        var p = i - 1
        while p >= 0 {
            let t = lines[p].trimmingCharacters(in: .whitespaces)
            if t.isEmpty || PartLocator.isPageNumber(t) { p -= 1; continue }
            return MarkdownText.isPipeRow(Substring(lines[p])) && !MarkdownText.isDelimiterRow(Substring(lines[p])) ? p : nil
        }
        return nil
    }

    /// The row above with the half row's texts put back, or nil when the half row is no such
    /// half: other widths, no value above, text past the label cells above (a repeated header:
    /// 申请人情况 over the value columns), or header words (the 勾稽 note, 信息内容).
    static func joined(_ above: [String], _ half: [String]) -> [String]? {
        guard above.count == half.count,
              let lastLabel = above.lastIndex(where: { !$0.isEmpty && !ValueParser.looksLikeValue(RaggedPipeRows.plain($0)) })
        else { return nil }
        let texts = half.indices.filter { !isPlaceholder(half[$0]) && !half[$0].isEmpty }
        guard !texts.isEmpty, texts.allSatisfy({ $0 <= lastLabel }),
              !texts.contains(where: { TableVocabulary.isHeader(half[$0]) || TableVocabulary.isActiveHeader(half[$0]) }),
              // A label opening with its item mark (3.其他, （七）总计) starts a row of its own.
              !texts.contains(where: { opensItem(half[$0]) })
        else { return nil }
        return zip(above, half).map { a, h in isPlaceholder(h) || h.isEmpty ? a : a + h }
    }

    /// The row above with the rests of its numbers put back, or nil when the half row is no
    /// such half. A number wrapped digit by digit in a narrow cell and cut by a page break
    /// leaves its last digits on the next page, in the half row's value slots: each ends the
    /// number in the same slot above, counted from the right (the next page's table may draw
    /// another label column). Text in the half row is a piece of a group's name, left of the
    /// digits. Not a row of numbers of its own: some number above gets no rest, and each rest
    /// is no longer than the line of digits it follows (the cell's line was full).
    static func numberRests(_ above: [String], _ half: [String]) -> [String]? {
        func digits(_ cell: String) -> [String]? {
            let lines = lineTexts(cell)
            return !lines.isEmpty && lines.allSatisfy(isDigits) ? lines : nil
        }
        let rests = half.indices.filter { digits(half[$0]) != nil }
        let texts = half.indices.filter { !isPlaceholder(half[$0]) && !half[$0].isEmpty && digits(half[$0]) == nil }
        guard let first = rests.first, texts.allSatisfy({ $0 < first }),
              !texts.contains(where: { TableVocabulary.isHeader(half[$0]) || TableVocabulary.isActiveHeader(half[$0]) || opensItem(half[$0]) })
        else { return nil }
        let offset = above.count - half.count
        let numbers = above.indices.filter { digits(above[$0]) != nil }
        var out = above
        for j in rests {
            let k = j + offset
            guard numbers.contains(k), let last = digits(above[k])?.last, let rest = digits(half[j]),
                  rest.allSatisfy({ $0.count <= last.count }) else { return nil }
            out[k] = ([above[k]] + rest).joined(separator: "<br/>")
        }
        // Some number above takes no rest.
        guard numbers.count > rests.count else { return nil }
        return out
    }

    static func isDigits(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }

    /// A cell's lines (`<br>` parts), trimmed, emphasis marks left out.
    static func lineTexts(_ cell: String) -> [String] {
        cell.replacingOccurrences(of: "<br/>", with: "<br>").components(separatedBy: "<br>")
            .map { RaggedPipeRows.plain($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }

    static let itemMark = try! NSRegularExpression(pattern: "^([0-9０-９]+[.．、]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、)")

    static func opensItem(_ text: String) -> Bool {
        let t = text.replacingOccurrences(of: "<br>", with: "").replacingOccurrences(of: "<br/>", with: "")
        return itemMark.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    static func isPlaceholder(_ cell: String) -> Bool {
        placeholder.firstMatch(in: cell, range: NSRange(cell.startIndex..., in: cell)) != nil
    }
}

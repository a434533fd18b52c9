/// How deep a text nests Markdown lists, told in one pass before anything else reads it: a list
/// nested 10,000 levels deep (100 MB of indentation) kept the text's kind being told and Ink
/// busy for over 40 s, and the page Ink made was then refused anyway as nested too deep. No
/// report nests its lists more than a few levels.
enum MarkdownNesting {
    /// List levels beyond which a text is refused: each level is two elements of the page Ink
    /// makes (the list and its item), so deeper lists would pass the web page's own limit.
    static let maxListDepth = LibXMLDocument.maxDepth / 2

    /// Throws `tooDeeplyNested` when a list item sits more than `maxListDepth` lists deep.
    static func requireBounded(_ text: String) throws(InputError) {
        if listDepth(text, stoppingAbove: maxListDepth) > maxListDepth {
            throw .tooDeeplyNested(limit: maxListDepth)
        }
    }

    /// The deepest list nesting of the text (stops counting once past `limit`). An item is
    /// inside the item before it when it is indented at least to that item's text (CommonMark),
    /// so the open items are a stack of text columns: linear in the text's length.
    static func listDepth(_ text: String, stoppingAbove limit: Int = .max) -> Int {
        var columns: [Int] = []
        var deepest = 0
        var line = text.utf8[...]
        while !line.isEmpty {
            let end = line.firstIndex(of: UInt8(ascii: "\n")) ?? line.endIndex
            if let (indent, content) = item(line[..<end]) {
                while let last = columns.last, indent < last { columns.removeLast() }
                columns.append(content)
                deepest = max(deepest, columns.count)
                if deepest > limit { return deepest }
            }
            line = end == line.endIndex ? line[end...] : line[line.index(after: end)...]
        }
        return deepest
    }

    /// A list item's indentation and the column its text starts at: `- `, `* `, `+ `, `1. `, `1) `.
    private static func item(_ line: Substring.UTF8View.SubSequence) -> (indent: Int, content: Int)? {
        var column = 0
        var i = line.startIndex
        while i < line.endIndex, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") {
            column = line[i] == UInt8(ascii: "\t") ? (column / 4 + 1) * 4 : column + 1
            i = line.index(after: i)
        }
        guard i < line.endIndex else { return nil }
        var marker = 0
        if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(line[i]) {
            marker = 1
        } else {
            var j = i
            while j < line.endIndex, (48...57).contains(line[j]), marker < 9 { marker += 1; j = line.index(after: j) }
            guard marker > 0, j < line.endIndex, line[j] == UInt8(ascii: ".") || line[j] == UInt8(ascii: ")") else { return nil }
            marker += 1
        }
        let after = line.index(i, offsetBy: marker)
        guard after == line.endIndex || line[after] == UInt8(ascii: " ") || line[after] == UInt8(ascii: "\t")
                || line[after] == UInt8(ascii: "\r") else { return nil }
        return (column, column + marker + 1)
    }
}

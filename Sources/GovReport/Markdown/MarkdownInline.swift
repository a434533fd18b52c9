import Foundation

/// Markdown text made safe for Ink's inline parser, which on hostile text is exponential in time
/// and as deep in stack as the text is long. Ink tries every `[` as the start of a link (whose
/// text it parses recursively, and on failure parses again one character on), every `<` as an
/// HTML element and every `&` as an entity, each by scanning forward; a run of 50 `[` that never
/// close takes minutes and 20,000 overflow the stack, a run of `&` or `<` is quadratic.
///
/// What Ink would try and certainly fail is written so that Ink reads it as plain text and the
/// page reads the same: a `[` that cannot start a link becomes `&#91;`, a `<` that cannot start
/// an element `&lt;` and an `&` that cannot start an entity `&amp;` (what Ink writes for them
/// itself). A `[` can start a link only when its bracket closes within the paragraph and the
/// `]` is followed by a `(…)` closed on its line or by `[…]`; links nested deeper than
/// `maxLinkDepth` are read as text. Code spans, fenced code and HTML blocks are left as they are.
enum MarkdownInline {
    /// Links inside links inside links: deeper brackets are text (Ink's cost doubles per level).
    static let maxLinkDepth = 3

    /// The lines of a prepared Markdown text, made safe.
    static func bounded(_ lines: [String]) -> [String] {
        guard lines.contains(where: { line in line.contains { "[<&".contains($0) } }) else { return lines }
        // Whether a `>` comes after the line: a `<` can start an element only when one does.
        var greaterAfter = [Bool](repeating: false, count: lines.count + 1)
        for i in stride(from: lines.count - 1, through: 0, by: -1) {
            greaterAfter[i] = greaterAfter[i + 1] || lines[i].contains(">")
        }
        // Raw HTML tables (`<table>` to `</table>`), as `MarkdownText.prepared` sets them apart,
        // when Ink can read their `<table…>` (a `>` follows): Ink does not look inside.
        var htmlBlock = [Bool](repeating: false, count: lines.count)
        var inHTML = false
        for (i, line) in lines.enumerated() {
            let lower = line.trimmingCharacters(in: .whitespaces).lowercased()
            if !inHTML, lower.hasPrefix("<table"), lower.contains(">") || greaterAfter[i + 1] { inHTML = true }
            htmlBlock[i] = inHTML
            if inHTML, lower.contains("</table") { inHTML = false }
        }
        var out: [String] = []
        var fenced = false
        var run: [Int] = []
        func flush() {
            guard !run.isEmpty else { return }
            out += boundedParagraph(run.map { lines[$0] }, greaterAfter: greaterAfter[run.last! + 1],
                                    previousBlank: out.last.map { $0.isEmpty } ?? true)
            run = []
        }
        for (i, line) in lines.enumerated() {
            let fence = line.hasPrefix("```")
            if htmlBlock[i] || fenced || fence || line.isEmpty {
                flush()
                out.append(line)
                if fence { fenced.toggle() }
                continue
            }
            // Ink's paragraph (and a link's text) ends before a line starting with one of these.
            if let first = line.first, "#<`-".contains(first) { flush() }
            run.append(i)
        }
        flush()
        return out
    }

    /// One paragraph's lines (a link's text can run over lines, its target cannot).
    static func boundedParagraph(_ lines: [String], greaterAfter: Bool, previousBlank: Bool) -> [String] {
        var c: [Character] = []
        var lineStart: [Int] = []
        for (k, line) in lines.enumerated() {
            if k > 0 { c.append("\n") }
            lineStart.append(c.count)
            c += line
        }
        let n = c.count
        guard c.contains(where: { "[<&".contains($0) }) else { return lines }

        // Code spans: backticks paired on a line, as Ink reads them.
        var inCode = [Bool](repeating: false, count: n)
        var open: Int?
        for i in 0..<n {
            if c[i] == "\n" { open = nil } else if c[i] == "`" {
                if let o = open { for j in o...i { inCode[j] = true }; open = nil } else { open = i }
            }
        }
        // A `(` closed on its line with no `]` between (a target holding one could carry a link
        // past the `]` of a link around it, and Ink's cost with it).
        var parenClosed = [Bool](repeating: false, count: n)
        var parens: [Int] = []
        var closings = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { closings[i + 1] = closings[i] + (c[i] == "]" ? 1 : 0) }
        // Whether a `]` comes later on the line (a reference link's label).
        var bracketLater = [Bool](repeating: false, count: n + 1)
        // Whether a `;` comes before the next space or line end (an entity can end there).
        var semicolonAhead = [Bool](repeating: false, count: n + 1)
        // The last `>` of the paragraph.
        var lastGreater = -1
        for i in 0..<n {
            switch c[i] {
            case "\n": parens = []
            case "(": parens.append(i)
            case ")": if let p = parens.popLast() { parenClosed[p] = closings[i] == closings[p] }
            case ">": lastGreater = i
            default: break
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            bracketLater[i] = c[i] == "\n" ? false : (c[i] == "]" || bracketLater[i + 1])
            semicolonAhead[i] = c[i] == ";" ? true : (c[i].isWhitespace ? false : semicolonAhead[i + 1])
        }

        // Brackets paired; a pair can be a link when `(…)` or `[…]` follows its `]`.
        var linkClose = [Int](repeating: -1, count: n)
        var pairClose = [Int](repeating: -1, count: n)
        var labels: [Int] = []
        var brackets: [Int] = []
        for i in 0..<n where !inCode[i] {
            if c[i] == "[" {
                brackets.append(i)
            } else if c[i] == "]", i == 0 || c[i - 1] != "\\", let o = brackets.popLast() {
                pairClose[o] = i
                if i + 1 < n, c[i + 1] == "(" && parenClosed[i + 1] {
                    linkClose[o] = i
                } else if i + 1 < n, c[i + 1] == "[" && bracketLater[i + 2] {
                    linkClose[o] = i
                    labels.append(i + 1)
                }
            }
        }
        // `[text][label]`: the label's `[` is part of the link when its brackets pair; Ink may
        // also try it as a link of its own, so it counts in the depth below.
        for l in labels where linkClose[l] < 0 { linkClose[l] = pairClose[l] }
        // A reference definition `[name]: url` at a line's start is Ink's too.
        for s in lineStart {
            var i = s
            while i < n, c[i] == " " || c[i] == "\t" { i += 1 }
            guard i < n, c[i] == "[", linkClose[i] < 0, let close = c[i...].firstIndex(where: { $0 == "]" || $0 == "\n" }),
                  c[close] == "]", close + 2 < n, c[close + 1] == ":", c[close + 2] == " " || c[close + 2] == "\t"
            else { continue }
            linkClose[i] = close
        }
        // Links nested deeper than maxLinkDepth are text.
        var enclosing: [Int] = []
        for i in 0..<n where linkClose[i] >= 0 {
            while let last = enclosing.last, last < i { enclosing.removeLast() }
            if enclosing.count >= maxLinkDepth { linkClose[i] = -1 } else { enclosing.append(linkClose[i]) }
        }

        var out: [String] = []
        var line = ""
        var k = 0
        for i in 0..<n {
            if c[i] == "\n" { out.append(line); line = ""; k += 1; continue }
            if inCode[i] { line.append(c[i]); continue }
            switch c[i] {
            case "[" where linkClose[i] < 0:
                line += "&#91;"
            case "&" where !semicolonAhead[i + 1]:
                line += "&amp;"
            case "<":
                let next: Character? = i + 1 < n ? c[i + 1] : nil
                let canOpen = next.map { !$0.isWhitespace && $0 != ">" } ?? false
                if canOpen && (lastGreater > i + 1 || greaterAfter) {
                    line.append("<")
                } else {
                    // Ink ends a paragraph before a line starting with `<`: so does a blank line.
                    if i == lineStart[k], !(k == 0 ? previousBlank : out.last?.isEmpty ?? true) { out.append("") }
                    line += "&lt;"
                }
            default:
                line.append(c[i])
            }
        }
        out.append(line)
        return out
    }
}

/// Tables Pandoc's Markdown writer lays out with spaces under dashed rules (its "simple" and
/// "multiline" tables, which it writes when a table is not a pipe table) or draws as grid
/// tables (`+---+---+` borders, `|` between cells, a row's lines between two borders), turned
/// into pipe rows so they reach the grid path like any other Markdown table:
///
///       -------------------------------------------      ← a multiline table opens with a rule
///       信息内容        本年制发件数    本年废止件数      ← header (may run over lines)
///       --------------- --------------- -------------    ← its dash runs give the columns
///       规章            0               0                ← rows, parted by blank lines
///
///       -------------------------------------------      ← and closes with one
///
/// A simple table is a header line over the dashed runs and one row a line up to a blank line.
/// A column runs from the start of its dashes to the start of the next column's, counted in
/// display columns (East Asian Wide characters two, as Pandoc counts them), and a word that
/// runs past a column's start stays in its own; a cell's lines are joined (a trailing `\` is
/// a line break).
enum DashRuledTables {
    /// Lines with every dash-ruled table written as pipe rows (a delimiter row under the first).
    static func asPipeRows(_ lines: [String]) -> [String] {
        guard lines.contains(where: { isRule($0) || isGridBorder($0) }) else { return lines }
        var out: [String] = []
        var i = 0
        while i < lines.count {
            if let (rows, next) = gridTable(lines, at: i) ?? simpleTable(lines, at: i) ?? table(lines, at: i), rows.count >= 2 {
                if out.last.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? false { out.append("") }
                out.append(pipeRow(rows[0]))
                out.append("|" + Array(repeating: "---", count: rows[0].count).joined(separator: "|") + "|")
                out += rows.dropFirst().map(pipeRow)
                out.append("")
                i = next
                continue
            }
            out.append(lines[i])
            i += 1
        }
        return out
    }

    /// Whether the lines hold a dash-ruled table of three rows or more.
    static func hasTable(_ lines: [String]) -> Bool {
        guard lines.contains(where: { isRule($0) || isGridBorder($0) }) else { return false }
        return lines.indices.contains { i in
            (isRule(lines[i]) || isGridBorder(lines[i]) || i + 1 < lines.count && isRule(lines[i + 1]))
                && ((gridTable(lines, at: i) ?? simpleTable(lines, at: i) ?? table(lines, at: i))?.rows.count ?? 0) >= 3
        }
    }

    /// A grid table's border: `+----+:---:+`, `+====+====+`.
    static func isGridBorder(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count >= 3 && t.hasPrefix("+") && t.hasSuffix("+") && (t.contains("-") || t.contains("="))
            && t.allSatisfy { "+-=: ".contains($0) }
    }

    /// A grid table starting at line `i` (its top border): each row the lines between two
    /// borders, cut at their `|`s, each column's pieces joined.
    static func gridTable(_ lines: [String], at i: Int) -> (rows: [[String]], next: Int)? {
        guard isGridBorder(lines[i]) else { return nil }
        var rows: [[String]] = []
        var current: [[String]] = []
        var j = i + 1
        while j < lines.count {
            let t = lines[j].trimmingCharacters(in: .whitespaces)
            if isGridBorder(t) {
                if !current.isEmpty { rows.append(joinedColumns(current)) }
                current = []
            } else if t.hasPrefix("|") && t.hasSuffix("|") {
                current.append(splitCells(t))
            } else {
                break
            }
            j += 1
        }
        return rows.isEmpty ? nil : (rows, j)
    }

    /// A grid line's cells between its `|`s (an escaped `\|` is text).
    static func splitCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for c in line.dropFirst() {
            if c == "|" && !escaped {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(c)
            }
            escaped = c == "\\" && !escaped
        }
        return cells
    }

    static func joinedColumns(_ lines: [[String]]) -> [String] {
        let width = lines.map(\.count).max() ?? 0
        return (0..<width).map { k in
            join(lines.compactMap { k < $0.count ? $0[k] : nil }.map { $0.hasSuffix("\\") ? String($0.dropLast()) : $0 }
                .filter { !$0.isEmpty })
        }
    }

    static func join(_ parts: [String]) -> String {
        parts.reduce("") { joined, part in
            guard let a = joined.last, let b = part.first else { return joined + part }
            return joined + (a.isASCII && a.isLetter && b.isASCII && b.isLetter ? " " : "") + part
        }
    }

    /// A line of dashes and spaces only, with a run of three dashes or more.
    static func isRule(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count >= 3 && t.contains("---") && t.allSatisfy { $0 == "-" || $0 == " " }
    }

    /// The display-column starts of a rule's dash runs (two runs or more make columns).
    static func columnStarts(_ line: String) -> [Int] {
        var starts: [Int] = []
        var column = 0
        var previous: Character = " "
        for c in line {
            if c == "-" && previous != "-" { starts.append(column) }
            previous = c
            column += 1
        }
        return starts
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }

    /// The table starting at line `i`, its rows of cells and the line after it; nil when no
    /// dash-ruled table starts there.
    static func table(_ lines: [String], at i: Int) -> (rows: [[String]], next: Int)? {
        guard i < lines.count else { return nil }
        let line = lines[i]
        if isRule(line), columnStarts(line).count == 1 {
            // A multiline table: a full rule, header lines, the column rule, rows parted by
            // blank lines, a closing rule.
            var j = i + 1
            while j < lines.count, !isRule(lines[j]), !isBlank(lines[j]) { j += 1 }
            guard j < lines.count, isRule(lines[j]), columnStarts(lines[j]).count >= 2, j > i + 1 else { return nil }
            let starts = columnStarts(lines[j])
            guard let (body, end) = groups(lines, from: j + 1) else { return nil }
            return ([cells(Array(lines[(i + 1)..<j]), starts)] + body.map { cells($0, starts) }, end)
        }
        guard isRule(line), columnStarts(line).count >= 2 else { return nil }
        let starts = columnStarts(line)
        if i > 0, !isBlank(lines[i - 1]), !isRule(lines[i - 1]) {
            // The column rule under a line that is no simple table's header (`simpleTable`
            // reads those from their header line).
            return nil
        }
        // A headerless table: rows up to a closing rule; parted by blank lines (multiline)
        // or one a line (simple).
        guard let (body, end) = groups(lines, from: i + 1) else { return nil }
        let hasBlank = lines[(i + 1)..<(end - 1)].contains(where: isBlank)
        let rows = hasBlank ? body : body.flatMap { $0.map { [$0] } }
        return (rows.map { cells($0, starts) }, end)
    }

    /// Row groups parted by blank lines up to a closing rule; the line after the rule.
    static func groups(_ lines: [String], from start: Int) -> ([[String]], Int)? {
        var groups: [[String]] = []
        var current: [String] = []
        var j = start
        while j < lines.count {
            let l = lines[j]
            if isRule(l) {
                if !current.isEmpty { groups.append(current) }
                return groups.isEmpty ? nil : (groups, j + 1)
            }
            if isBlank(l) {
                if !current.isEmpty { groups.append(current) }
                current = []
            } else {
                current.append(l)
            }
            j += 1
        }
        return nil
    }

    /// A simple table whose header line is `lines[i]` and column rule `lines[i + 1]`: rows
    /// one a line up to a blank line.
    static func simpleTable(_ lines: [String], at i: Int) -> (rows: [[String]], next: Int)? {
        guard i + 1 < lines.count, !isBlank(lines[i]), !isRule(lines[i]), isRule(lines[i + 1]) else { return nil }
        let starts = columnStarts(lines[i + 1])
        guard starts.count >= 2 else { return nil }
        var rows = [cells([lines[i]], starts)]
        var j = i + 2
        while j < lines.count, !isBlank(lines[j]), !isRule(lines[j]) {
            rows.append(cells([lines[j]], starts))
            j += 1
        }
        if j < lines.count, isRule(lines[j]) { j += 1 }
        return rows.count >= 2 ? (rows, j) : nil
    }

    /// A row's cells: each line cut at the column starts, each column's pieces joined.
    static func cells(_ rowLines: [String], _ starts: [Int]) -> [String] {
        var pieces = Array(repeating: [String](), count: starts.count)
        for line in rowLines {
            var slices = Array(repeating: "", count: starts.count)
            var column = 0
            var k = 0
            var previous: Character = " "
            for c in line {
                // A word that runs past a column's start stays in the column it began in.
                if previous == " " { k = starts.lastIndex { $0 <= column } ?? 0 }
                previous = c
                slices[k].append(c)
                column += c.unicodeScalars.first.map { EastAsianWidth.columns($0) } ?? 1
            }
            for (k, s) in slices.enumerated() {
                var t = s.trimmingCharacters(in: .whitespaces)
                if t.hasSuffix("\\") { t.removeLast() }
                if !t.isEmpty { pieces[k].append(t) }
            }
        }
        return pieces.map(join)
    }

    static func pipeRow(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}

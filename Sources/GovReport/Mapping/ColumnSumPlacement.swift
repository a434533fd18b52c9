/// Numbers of sparse rows placed by the applications table's sums, where their position
/// cannot tell the column.
///
/// `pdftotext -layout` sets a row that prints few numbers by its own scale: a lone 1 lands
/// between two columns (research or social welfare), and its x reads one as well as the
/// other. The table can: each applicant column's processed rows add up to （七）总计, 一 + 二
/// to （七） + 四, and each row to its 总计. The reader names each such cell with the empty
/// neighbouring column it could also stand in (`CellAlternative`); when the table read by
/// position breaks a sum, every combination of those moves is tried, and the one under which
/// every sum of the table holds, when just one does, is kept. No digit is changed: only which
/// column a number stands in. When several combinations make the sums hold, the numbers stay
/// where their position put them and each cell that could move (and where to) is marked
/// `cell.uncertain`.
enum ColumnSumPlacement {
    /// Combinations tried at most; more: the position's reading stays (too many would fit by chance).
    static let maximumCombinations = 4096

    /// A number moved within its row: row index in the table, from and to field index.
    struct Move: Equatable {
        var row: Int, from: Int, to: Int
    }

    /// Places the alternatives' numbers in `report` when one combination makes the table's
    /// sums hold, and returns a `table.placed_by_sums` note for each number moved; returns the
    /// marks when several do.
    static func place(_ report: inout CanonicalReport, alternatives: [CellAlternative]) -> [Finding] {
        let table = TemplateTable.applications.rawValue
        var t = report.applications
        guard !t.isEmpty, !Validator.applicationRules(t).isEmpty else { return [] }
        var byRow: [Int: [Move]] = [:]
        for a in alternatives where a.table == table {
            for (r, row) in t.rows.enumerated() where row.page == a.page {
                guard let cells = row.geometry?.cells, cells.count == row.fields.count,
                      let i = cells.firstIndex(where: { $0 == a.box }) else { continue }
                if a.column < row.values.count, row.values[i] != nil, row.values[a.column] == nil {
                    byRow[r, default: []].append(Move(row: r, from: i, to: a.column))
                }
                break
            }
        }
        guard !byRow.isEmpty else { return [] }
        // Each row's choices: any of its moves together, no two into one cell.
        var choices: [[[Move]]] = []
        var count = 1
        for r in byRow.keys.sorted() {
            let moves = byRow[r]!
            var sets: [[Move]] = [[]]
            for m in moves { sets += sets.filter { s in !s.contains { $0.to == m.to } }.map { $0 + [m] } }
            choices.append(sets)
            count *= sets.count
            guard count <= maximumCombinations else { return [] }
        }
        var fits: [[Move]] = []
        func walk(_ k: Int, _ acc: [Move]) {
            guard k < choices.count else {
                var moved = t
                apply(acc, to: &moved)
                if Validator.applicationRules(moved).isEmpty { fits.append(acc) }
                return
            }
            for s in choices[k] { walk(k + 1, acc + s) }
        }
        walk(0, [])
        if fits.count == 1, let only = fits.first {
            let before = t
            apply(only, to: &t)
            report.applications = t
            // Said, so that a reader sees which numbers the sums placed, not their positions.
            return only.map { m in
                let row = before.rows[m.row]
                return Finding(code: "table.placed_by_sums", severity: .info,
                               message: "laid-out text: the number \(row.values[m.from].map { "\($0)" } ?? "") stood between the columns "
                                   + "\(row.fields[m.from]) and \(row.fields[m.to]); the table's sums hold only with it in \(row.fields[m.to])",
                               table: table, row: row.key, column: row.fields[m.to], page: row.page)
            }
        }
        guard fits.count > 1 else { return [] }
        let doubted = Set(fits.flatMap { $0 }.flatMap { [($0.row, $0.from), ($0.row, $0.to)].map { Cell(row: $0.0, field: $0.1) } })
        return doubted.sorted { ($0.row, $0.field) < ($1.row, $1.field) }.map { c in
            let row = t.rows[c.row]
            return Finding(code: "cell.uncertain", severity: .warning,
                           message: "laid-out text: a number of this sparse row stood between two columns, and the table's sums fit it in either",
                           table: table, row: row.key, column: row.fields[c.field], page: row.page)
        }
    }

    struct Cell: Hashable { var row: Int, field: Int }

    /// The moves made: each number and its box to its new cell.
    static func apply(_ moves: [Move], to t: inout TableValues) {
        for m in moves {
            t.rows[m.row].values.swapAt(m.from, m.to)
            if var g = t.rows[m.row].geometry, g.cells.count == t.rows[m.row].values.count {
                g.cells.swapAt(m.from, m.to)
                t.rows[m.row].geometry = g
            }
        }
    }
}

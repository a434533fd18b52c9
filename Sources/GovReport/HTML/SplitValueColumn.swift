extension HTMLTableReader {
    /// The value columns of a grid without a header whose values stand in one slot more than
    /// the table has columns: a converter drew one column as two slots (社会公益组织 split by
    /// a wrapped header), its value in one of them or the same value in both. Each pair of
    /// neighbouring slots that can be one column (no row holds two different values in it) is
    /// tried; when all these tries read every row alike, the reading does not depend on which
    /// pair it is, and its columns are returned. Nil when no pair fits or the tries differ
    /// (then the slots' owner is a guess, left to the caller).
    ///
    /// `first`..<`end`: the grid columns holding values (width + 1 of them).
    static func splitColumnReading(_ grid: TableGrid, from first: Int, to end: Int, width: Int) -> [Range<Int>]? {
        guard end - first == width + 1 else { return nil }
        let rows = (0..<grid.rowCount).filter { !isHeaderRow(grid, $0, from: first, to: end) }
        func text(_ r: Int, _ c: Int) -> String? {
            guard let id = grid.slots[r][c], grid.cells[id].row == r, !grid.cells[id].isEmpty else { return nil }
            return grid.cells[id].text
        }
        // Slot `first + j` and the next are one column.
        func columns(joining j: Int) -> [Range<Int>] {
            (0..<width).map { i in
                i < j ? (first + i)..<(first + i + 1) : i == j ? (first + i)..<(first + i + 2) : (first + i + 1)..<(first + i + 2)
            }
        }
        let pairs = (0..<width).filter { j in
            rows.allSatisfy { r in
                guard let a = text(r, first + j), let b = text(r, first + j + 1) else { return true }
                return a == b || grid.slots[r][first + j] == grid.slots[r][first + j + 1]
            }
        }
        func reading(_ columns: [Range<Int>]) -> [[String?]] {
            rows.map { r in columns.map { range in range.lazy.compactMap { text(r, $0) }.first } }
        }
        guard let j = pairs.first else { return nil }
        let chosen = columns(joining: j)
        let read = reading(chosen)
        return pairs.dropFirst().allSatisfy { reading(columns(joining: $0)) == read } ? chosen : nil
    }
}

extension HTMLTableReader {
    /// The data row of a table printed with every value left blank (the review/litigation
    /// table of a body that had no case: its header, then one row of empty cells): `width`
    /// blanks, or nil when the grid has no header naming `width` value columns, or no row
    /// below it whose cells under every value column are there and empty. `fixedRows` skips
    /// such a row (no label, no value); this says the table was printed, with nothing in it.
    static func blankValueRow(_ grid: TableGrid, width: Int) -> RawRow? {
        guard let columns = headerColumns(grid, width: width),
              let start = columns.first?.lowerBound, let end = columns.last?.upperBound else { return nil }
        let blank = (0..<grid.rowCount).contains { r in
            !isHeaderRow(grid, r, from: start, to: end)
                // Every value column has a cell of this row, and no cell of the row holds text.
                && columns.allSatisfy { range in range.contains { c in grid.slots[r][c].map { grid.cells[$0].row == r } ?? false } }
                && grid.cellsInRow(r).allSatisfy { grid.cells[$0].row != r || grid.cells[$0].isEmpty }
        }
        return blank ? RawRow(label: "", cells: [String?](repeating: nil, count: width)) : nil
    }
}

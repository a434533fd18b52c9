import Foundation

extension HTMLTableReader {
    /// The values of a row whose cells hold numbers stacked one per line (pymupdf4llm's `text`
    /// table strategy writes a row's numbers under one another in one cell: `0<br>3<br>3`):
    /// every line of every filled cell, left to right. Only when the row holds nothing but
    /// values, a cell holds two or more of them, and there are exactly `width` (then every
    /// column has its one number, in print order); nil otherwise. For tables of one value row
    /// (review/litigation), where a cell's lines cannot be two rows' values.
    static func unstackedValues(_ grid: TableGrid, row r: Int, width: Int) -> [String?]? {
        let lines = grid.cellsInRow(r).map { grid.cells[$0] }.filter { $0.row == r && !$0.isEmpty }.map {
            $0.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard lines.contains(where: { $0.count >= 2 }) else { return nil }
        let values = lines.flatMap { $0 }
        guard values.count == width, values.allSatisfy(ValueParser.looksLikeValue) else { return nil }
        return values
    }
}

/// Applications rows a converter wrote into one grid row: the label cell holds two or more
/// rows' labels one under another (`2.没有现成信息需要<br>另行制作<br>3.补正后申请内容仍<br>不明确`)
/// and each value cell its rows' numbers one a line (`2<br>1`); run together they read as one
/// row with wrong numbers (21).
///
/// A value cell with a line per row gives each row its line; with numbers but no such cell,
/// the label cell is one row's that lists items, and the grid row is left as it is. A cell with one
/// line belongs to one of the rows, which the text does not say: of the ways to give each
/// such number to a row, the one under which every row adds up (its values before the total
/// sum to the total) is taken when it is the only one; otherwise the first that fits, or
/// none, and every row's cells are marked (`placementDoubt`).
enum RowsInOneGridRow {
    /// The rows grid row `r` holds, nil when its label cell holds fewer than two lines that
    /// start a row, it has numbers but no value cell stacks one a row, or a value cell's lines
    /// match neither one row nor all. `label`: the row's label as read; `columns`: a value
    /// cell's column (0...6), nil outside the value columns.
    static func rows(_ grid: TableGrid, row r: Int, label: String, valueStart: Int,
                     columns: (TableGrid.Cell) -> Int?) -> [RawRow]? {
        let ids = grid.cellsInRow(r).filter { grid.cells[$0].row == r }
        guard let labelCell = ids.map({ grid.cells[$0] }).last(where: { $0.column < valueStart && !$0.isEmpty }) else { return nil }
        // The cell's lines from each that starts a row to the next; a piece that reads as no
        // template row (a group's name or its pieces: （三）不予公开, （ of （三）) goes with the
        // label after it.
        let starts = labelCell.lines.indices.filter { WrappedLabelRows.startsRow(labelCell.lines[$0]) }
        let bounds = [0] + starts.filter { $0 > 0 } + [labelCell.lines.count]
        var labels: [String] = []
        var before = ""
        for (a, b) in zip(bounds, bounds.dropFirst()) {
            let piece = labelCell.lines[a..<b].joined()
            if CellStream.readsAsRow(piece, table: .applications), !ApplicationRow.groupKeys.contains(TextNormalizer.key(piece)) {
                labels.append(before + piece)
                before = ""
            } else if labels.isEmpty || !before.isEmpty {
                before += piece
            } else {
                labels[labels.count - 1] += piece
            }
        }
        guard labels.count >= 2 else { return nil }
        let count = labels.count
        // Text of the row's other label cells (a group's name) goes with the first label.
        if let own = label.range(of: labelCell.text) { labels[0] = label[..<own.lowerBound] + labels[0] }
        var values = [[String?]](repeating: [String?](repeating: nil, count: 7), count: count)
        var loose: [(column: Int, text: String)] = []
        for id in ids {
            let cell = grid.cells[id]
            guard cell.column >= valueStart, !cell.isEmpty, let column = columns(cell) else { continue }
            let lines = cell.lines.map { $0.trimmingCharacters(in: .whitespaces) }
            guard lines.allSatisfy({ ValueParser.looksLikeValue($0) }) else { return nil }
            if lines.count == count {
                for (k, line) in lines.enumerated() { values[k][column] = line }
            } else if lines.count == 1 {
                loose.append((column, lines[0]))
            } else {
                return nil
            }
        }
        // Numbers but no cell stacking one a row: one row whose label lists items (（六）其他处理
        // printed as one row naming its three cases), not rows run together. Rows with no
        // number at all are rows printed blank.
        guard loose.isEmpty || values.contains(where: { $0.contains { $0 != nil } }) else { return nil }
        // Every way to give each loose number to a row (at most 3^7 of them).
        guard !loose.isEmpty else { return zip(labels, values).map { RawRow(label: $0, cells: $1) } }
        var fits: [[[String?]]] = []
        var tried = 0
        func assign(_ i: Int, _ current: [[String?]]) {
            tried += 1
            guard tried <= 5000, fits.count < 2 else { return }
            guard i < loose.count else {
                if current.allSatisfy(CellStream.addsUp) { fits.append(current) }
                return
            }
            for k in 0..<count where current[k][loose[i].column] == nil {
                var next = current
                next[k][loose[i].column] = loose[i].text
                assign(i + 1, next)
            }
        }
        assign(0, values)
        let sure = fits.count == 1
        let chosen = fits.first ?? {
            var guess = values
            for l in loose { guess[count - 1][l.column] = guess[count - 1][l.column] ?? l.text }
            return guess
        }()
        return zip(labels, chosen).map { label, cells in
            var row = RawRow(label: label, cells: cells)
            if !sure { row.placementDoubt = "rows written in one grid row: which row a number alone in its cell belongs to is a guess" }
            return row
        }
    }
}

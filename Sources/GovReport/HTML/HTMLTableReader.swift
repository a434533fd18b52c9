/// Reads the standard tables from HTML table grids: which table a grid is, and its rows as
/// the `RawRow`s the template mapper takes (the same as the PDF and text readers give).
enum HTMLTableReader {
    enum Kind: Sendable, CaseIterable {
        case active, applications, review

        var part: ReportPart {
            switch self {
            case .active: .activeDisclosure
            case .applications: .applications
            case .review: .reviewLitigation
            }
        }

        init?(part: ReportPart) {
            guard let kind = Self.allCases.first(where: { $0.part == part }) else { return nil }
            self = kind
        }

        /// Words of the table's own headers and row labels.
        var words: [String] {
            switch self {
            case .active: TableVocabulary.identifyingWords(.activeDisclosure)
            case .applications: TableVocabulary.identifyingWords(.applications)
            case .review: TableVocabulary.identifyingWords(.reviewLitigation)
            }
        }
    }

    /// The standard table a grid is, by the most of its kind's words it contains (at least 3).
    /// Link text does not count: a menu of 行政许可/行政处罚/行政强制 links is no table of numbers.
    static func classify(_ grid: TableGrid) -> Kind? {
        let k = TextNormalizer.key(grid.cells.filter { !$0.isLink }.map(\.text).joined(separator: "\n"))
        let scored = Kind.allCases.map { kind in (kind, kind.words.filter { k.contains($0) }.count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 3 else { return nil }
        // A table holding two kinds' words equally is not one of them.
        guard scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    /// A row whose cells are a label naming one of the kind's words, then blank slots only
    /// (行政事业性收费 | (blank): a piece of a table whose only value is left blank).
    static func hasBlankRow(_ grid: TableGrid, _ kind: HTMLTableReader.Kind) -> Bool {
        (0..<grid.rowCount).contains { r in
            let texts = grid.slots[r].map { $0.map { grid.cells[$0].text } ?? "" }
            guard let first = texts.first, !first.isEmpty, texts.count >= 2,
                  texts.dropFirst().allSatisfy(\.isEmpty) else { return false }
            let key = TextNormalizer.key(first)
            return kind.words.contains { key.contains($0) }
        }
    }

    /// Whether a cell's text is a value (number or placeholder) or blank.
    static func isValueOrBlank(_ text: String) -> Bool {
        text.isEmpty || ValueParser.looksLikeValue(text)
    }

    // MARK: fixed-width tables (applications: 7 value columns; review: 15)

    /// Rows of a table with `width` value columns. A row is a header row when a slot in the value
    /// columns holds text that is not a value (自然人, 总计, a title spanning the table); the
    /// others are data rows: label from the cells left of the value columns, one value per value
    /// column. The value columns are the header's lowest cells (`headerColumns`): a value goes
    /// to the column it stands under, whatever its place in the row (Word's HTML gives cells
    /// spanning two grid columns, empty sliver cells and blank grid columns). A table without
    /// such a header takes its last `width` grid columns.
    ///
    /// `inherited`: the value columns of the table this grid continues, counted back from its
    /// last used column (`valueColumnsFromRight`); a continuation printed without a header
    /// takes them when it has room for them (a converter's page piece whose first column
    /// was drawn as two keeps that column's two slots).
    ///
    /// `unstacking`: a row of numbers stacked in cells is read in print order
    /// (`unstackedValues`; tables of one value row only).
    static func fixedRows(_ grid: TableGrid, width: Int, inherited: [Range<Int>]? = nil,
                          unstacking: Bool = false) -> [RawRow] {
        let columns = usedColumnCount(grid)
        let fallback = (max(0, columns - width)..<columns).map { $0..<($0 + 1) }
        let header = headerColumns(grid, width: width)
        let shifted = inherited.map { $0.map { ($0.lowerBound + columns)..<($0.upperBound + columns) } }
        // Only where the last `width` columns cannot be right: values stand in more columns.
        let firstValue = grid.cells.filter { ValueParser.looksLikeValue($0.text) }.map(\.column).min() ?? columns
        let continued = shifted.flatMap { s in
            (s.first?.lowerBound ?? 0) >= 1 && s.count == width && columns - firstValue > width ? s : nil
        }
        // One column drawn as two slots reads the same whichever neighbours it is: no guess.
        let split = header == nil ? splitColumnReading(grid, from: firstValue, to: columns, width: width) : nil
        let valueColumns = header ?? split ?? continued ?? fallback
        // Without a header of its own, values in more slots than columns are placed by a guess.
        let guessed = header == nil && split == nil && columns - firstValue > width
        let valueStart = valueColumns.first?.lowerBound ?? 0
        let valueEnd = max(columns, valueColumns.last?.upperBound ?? 0)
        var rows: [RawRow] = []
        var headerText = ""
        for r in 0..<grid.rowCount {
            if isHeaderRow(grid, r, from: valueStart, to: valueEnd) {
                let texts = grid.cellsInRow(r).map { grid.cells[$0].text }
                headerText = texts.joined(separator: " ")
                // A header repeated below rows (its column names) opens the next page's piece of
                // the table: the row before it may go on there (a page break cut it). Not any
                // text in the value slots: a converter's label lines spill into them.
                if !rows.isEmpty, texts.contains(where: TableVocabulary.isHeader) { rows[rows.count - 1].mayContinue = true }
                continue
            }
            var values = [String?](repeating: nil, count: width)
            // Numbers in slots under no column, or under a column already holding another: not read.
            var unread: [String] = []
            // A value belongs to the row where its cell starts (the slots a merged value cell
            // also covers are blank), and to the column its first slot stands under.
            for id in grid.cellsInRow(r) {
                let cell = grid.cells[id]
                guard cell.row == r, !cell.isEmpty, cell.column >= valueStart else { continue }
                let i = column(of: cell, in: valueColumns)
                guard let i, values[i] == nil else {
                    // (A number its column already holds is the same cell drawn twice.)
                    if case .number = ValueParser.parse(cell.text), i.map({ values[$0] != cell.text }) ?? true {
                        unread.append(cell.text)
                    }
                    continue
                }
                values[i] = cell.text
            }
            let label = rowLabel(grid, row: r, before: valueStart)
            if width == 7, let apart = RowsInOneGridRow.rows(grid, row: r, label: label, valueStart: valueStart,
                                                              columns: { column(of: $0, in: valueColumns) }) {
                rows += apart.map { var row = $0; row.header = headerText; return row }
                continue
            }
            let unstacked = unstacking ? unstackedValues(grid, row: r, width: width) : nil
            if let unstacked { values = unstacked }
            guard !label.isEmpty || values.contains(where: { $0 != nil }) else { continue }
            var row = RawRow(label: label, cells: values, header: headerText)
            row.placementDoubt = guessed && unstacked == nil ? "more value slots than columns" : nil
            // A converter's grid drew a column as two slots and the header names one of them:
            // a number in the other is not read, and the row's cells are in doubt.
            if unstacked == nil, row.placementDoubt == nil, !unread.isEmpty {
                row.placementDoubt = "numbers in slots under no column were not read (\(unread.joined(separator: ", ")))"
            }
            rows.append(row)
        }
        return rows
    }

    /// The value columns a grid's header gives, as offsets back from its last used column
    /// (negative ranges), for a continuation to take; nil without such a header.
    static func valueColumnsFromRight(_ grid: TableGrid, width: Int) -> [Range<Int>]? {
        let columns = usedColumnCount(grid)
        return headerColumns(grid, width: width).map { $0.map { ($0.lowerBound - columns)..<($0.upperBound - columns) } }
    }

    /// A row whose value slots hold text that is not a value.
    static func isHeaderRow(_ grid: TableGrid, _ r: Int, from start: Int, to end: Int) -> Bool {
        (start..<min(end, grid.columnCount)).contains { c in
            grid.slots[r][c].map { !isValueOrBlank(grid.cells[$0].text) } ?? false
        }
    }

    /// The value column a cell stands under: the one holding its first slot, else the first it
    /// overlaps; nil for a cell beside every column (a spacer).
    static func column(of cell: TableGrid.Cell, in columns: [Range<Int>]) -> Int? {
        let span = cell.column..<(cell.column + cell.columnSpan)
        return columns.firstIndex { $0.contains(cell.column) } ?? columns.firstIndex { $0.overlaps(span) }
    }

    /// The grid columns of each value column, from the header: the lowest header cell with text
    /// above each grid column, and the last `width` of these cells left to right. Nil when the
    /// table has no such header (a continuation printed without it) or its cells overlap.
    static func headerColumns(_ grid: TableGrid, width: Int) -> [Range<Int>]? {
        let headerRows = (0..<grid.rowCount).prefix { r in
            grid.slots[r].contains { $0.map { !isValueOrBlank(grid.cells[$0].text) } ?? false }
                && !grid.slots[r].contains { $0.map { ValueParser.looksLikeValue(grid.cells[$0].text) } ?? false }
        }
        guard !headerRows.isEmpty else { return nil }
        // Columns that no cell of a row below the header reaches have a title over them, not a
        // value column (行政诉讼 over the columns of a table that prints the review group only)
        // — unless the header has a column of its own over each of them: then the rows below
        // are cut short (a Word row that leaves out its trailing empty cells).
        let extent = grid.cells.filter { $0.row >= headerRows.upperBound }.map { $0.column + $0.columnSpan }.max()
            ?? grid.columnCount
        func leafCells(upTo end: Int) -> [Int] {
            var leaves: [Int] = []
            for c in 0..<min(end, grid.columnCount) {
                let lowest = headerRows.reversed().lazy.compactMap { grid.slots[$0][c] }
                    .first { !grid.cells[$0].isEmpty }
                if let lowest, leaves.last != lowest, !leaves.contains(lowest) { leaves.append(lowest) }
            }
            return leaves
        }
        func leafRanges(upTo end: Int) -> [Range<Int>] {
            joinedRepeats(leafCells(upTo: end).map { grid.cells[$0].column..<(grid.cells[$0].column + grid.cells[$0].columnSpan) },
                          grid, headerRows: headerRows)
        }
        var leaves = leafRanges(upTo: extent)
        if leaves.count < width { leaves = leafRanges(upTo: grid.columnCount) }
        guard leaves.count >= width else { return nil }
        let ranges = Array(leaves.suffix(width))
        guard zip(ranges, ranges.dropFirst()).allSatisfy({ $0.upperBound <= $1.lowerBound }) else { return nil }
        return ranges
    }

    /// Leaf columns a converter split one column into: pymupdf4llm writes a merged header's
    /// text into every slot it covers, and a column drawn as two (社会公益组织 over two slots,
    /// its values in one or in both) has the same text in every header row of both slots.
    /// Such neighbours are one column; a slot whose header differs in any row (总计 above the
    /// repeated 其他) stays a column of its own.
    static func joinedRepeats(_ ranges: [Range<Int>], _ grid: TableGrid, headerRows: Range<Int>) -> [Range<Int>] {
        func text(_ r: Int, _ c: Int) -> String { grid.slots[r][c].map { grid.cells[$0].text } ?? "" }
        var out: [Range<Int>] = []
        for range in ranges {
            if let last = out.last, last.upperBound == range.lowerBound,
               headerRows.allSatisfy({ text($0, last.lowerBound) == text($0, range.lowerBound) }) {
                out[out.count - 1] = last.lowerBound..<range.upperBound
            } else {
                out.append(range)
            }
        }
        return out
    }

    /// The review/litigation group (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉) of a table
    /// printing one group under its own five-column header: the group named by the header
    /// cells over its five columns (the lowest that names one), else the first one not `taken`
    /// yet. Nil for the whole fifteen-column table.
    static func reviewGroup(_ grid: TableGrid, taken: Set<Int>) -> Int? {
        guard headerColumns(grid, width: 15) == nil, let columns = headerColumns(grid, width: 5),
              let lo = columns.first?.lowerBound, let hi = columns.last?.upperBound else { return nil }
        let valuesPerRow = (0..<grid.rowCount).map { r in
            grid.cellsInRow(r).filter { grid.cells[$0].row == r && ValueParser.looksLikeValue(grid.cells[$0].text) }.count
        }
        guard (valuesPerRow.max() ?? 0) <= 5 else { return nil }
        let over = grid.cells.filter { $0.column <= lo && $0.column + $0.columnSpan >= hi && !isValueOrBlank($0.text) }
            .sorted { $0.row > $1.row }
        for cell in over {
            if let g = groupNamed(by: cell.text, taken: taken) { return g }
        }
        return (0..<3).first { !taken.contains($0) }
    }

    /// The review/litigation group a heading names: 复议后起诉 2, 未经复议/直接起诉 1,
    /// 行政诉讼 alone the first litigation group not `taken`, 行政复议 0.
    static func groupNamed(by text: String, taken: Set<Int>) -> Int? {
        let k = TextNormalizer.key(text)
        if k.contains(TableVocabulary.afterReviewShort) { return 2 }
        if TableVocabulary.directShort.contains(where: k.contains) { return 1 }
        if k.contains(TableVocabulary.litigation) { return taken.contains(1) ? 2 : 1 }
        if k.contains(TableVocabulary.review) { return 0 }
        return nil
    }

    /// The groups of a five-column review table that prints several of them one under another
    /// (a converter's one pipe table for three small tables: each group's heading written into
    /// every slot of a row, its field names, its values): the value row after each group
    /// heading, by the group that heading names; value rows before any heading belong to
    /// `first`. Empty when the table names no group in its rows (one group's table).
    static func stackedReviewGroups(_ grid: TableGrid, first: Int) -> [Int: [String?]] {
        var out: [Int: [String?]] = [:]
        var group = first
        var named = false
        for r in 0..<grid.rowCount {
            let texts = grid.cellsInRow(r).filter { grid.cells[$0].row == r }.map { grid.cells[$0].text }
            let filled = texts.filter { !$0.isEmpty }
            guard !filled.isEmpty else { continue }
            if filled.allSatisfy({ !isValueOrBlank($0) }) {
                // A heading row names its group in every slot it fills, or across them (a
                // converter cut 行政诉讼（未经复议直接起诉） into cells); field-name rows name
                // none; the table's title names both 行政复议 and 行政诉讼, and no group.
                let key = TextNormalizer.key(filled[0])
                let title = key.contains(TableVocabulary.review) && key.contains(TableVocabulary.litigation)
                if !title, let g = groupNamed(by: filled[0], taken: Set(out.keys)),
                   filled.allSatisfy({ groupNamed(by: $0, taken: Set(out.keys)) == g }) {
                    group = g
                    named = true
                } else if let g = headingAcross(filled, taken: Set(out.keys)) {
                    group = g
                    named = true
                }
                continue
            }
            guard filled.allSatisfy(isValueOrBlank) else { continue }
            if let values = unstackedValues(grid, row: r, width: 5) {
                out[group] = values
            } else if texts.count == 5 {
                out[group] = texts.map { $0.isEmpty ? nil : $0 }
            }
        }
        return named ? out : [:]
    }

    /// The group a heading row names when its text is read across its cells (`行政诉讼` |
    /// `（未经复` | `议直接起诉` | `）`): the whole names one group and not both 行政复议 and
    /// 行政诉讼 (the table's title).
    static func headingAcross(_ cells: [String], taken: Set<Int>) -> Int? {
        let key = TextNormalizer.key(cells.joined())
        guard !(key.contains(TableVocabulary.review) && key.contains(TableVocabulary.litigation)) else { return nil }
        return groupNamed(by: cells.joined(), taken: taken)
    }

    /// The columns up to the last one in which a cell with text starts: a colspan running past
    /// the table's real columns, or a stray empty cell at a row's end, adds columns that hold
    /// nothing (the last real column, 总计, always has its header).
    static func usedColumnCount(_ grid: TableGrid) -> Int {
        grid.cells.filter { !$0.isEmpty }.map { $0.column + 1 }.max() ?? 0
    }

    /// A data row's label: the text of its label cells left to right, each merged cell once.
    /// A cell spanning several rows is a group heading (（三）不予公开, 三、本年度办理结果) and is
    /// left out, as the PDF reader leaves it out, unless the row has no label of its own. So is
    /// a group heading written out again on each of its rows (a table with no merged cells,
    /// such as a Markdown pipe table): a label cell, not the row's last, whose text the cell
    /// of its column above or below repeats.
    static func rowLabel(_ grid: TableGrid, row r: Int, before end: Int) -> String {
        var seen = Set<Int>()
        let cells = (0..<end).compactMap { grid.slots[r][$0] }.filter { seen.insert($0).inserted }
            .map { grid.cells[$0] }.filter { !$0.isEmpty }
        let own = cells.enumerated().filter { i, cell in
            cell.rowSpan == 1 && !(i < cells.count - 1 && repeatsVertically(grid, cell))
        }.map(\.element)
        return (own.isEmpty ? cells : own).map(\.text).joined()
    }

    static func repeatsVertically(_ grid: TableGrid, _ cell: TableGrid.Cell) -> Bool {
        [cell.row - 1, cell.row + 1].contains { rr in
            guard rr >= 0, rr < grid.rowCount, let other = grid.cell(rr, cell.column) else { return false }
            return other.starts(at: rr, cell.column) && other.text == cell.text
        }
    }

    // MARK: the review table printed as one small table per group

    // MARK: the active-disclosure table (rows of different widths)

    /// `grid` with each row that holds the next sub-table's heading line under the row's own
    /// line (a converter put two printed lines in one grid row: `行政许可<br>第二十条第（六）` |
    /// `4689<br>项`) as one row a line. A row is taken so when every filled cell has as many
    /// lines, two or more, and its label cell's last line is header text; a grid with cells
    /// spanning rows is left as it is.
    static func headingLinesApart(_ grid: TableGrid) -> TableGrid {
        guard !grid.cells.contains(where: { $0.rowSpan > 1 }) else { return grid }
        var lineCounts = [Int](repeating: 1, count: grid.rowCount)
        for r in 0..<grid.rowCount {
            let filled = grid.cellsInRow(r).map { grid.cells[$0] }.filter { !$0.isEmpty }
            let counts = Set(filled.map(\.lines.count))
            guard counts.count == 1, let k = counts.first, k >= 2, let last = filled.first?.lines.last,
                  TableVocabulary.isActiveHeader(last) || TableVocabulary.isHeader(last) else { continue }
            lineCounts[r] = k
        }
        guard lineCounts.contains(where: { $0 > 1 }) else { return grid }
        var firstRow: [Int] = []
        var rowCount = 0
        for k in lineCounts {
            firstRow.append(rowCount)
            rowCount += k
        }
        let placed = grid.cells.flatMap { cell -> [TableGrid.Cell] in
            (0..<lineCounts[cell.row]).map { i in
                var line = cell
                line.row = firstRow[cell.row] + i
                if lineCounts[cell.row] > 1 { line.lines = cell.isEmpty ? [] : [cell.lines[i]] }
                return line
            }
        }
        return TableGrid(placed: placed, rowCount: rowCount)
    }

    /// Rows of the active-disclosure table: each row's distinct cells are a label (up to its
    /// last text cell) and values (the cells after it). Rows without values, and rows of field
    /// names, are headers; their text tells the two national formats apart.
    static func activeRows(_ grid: TableGrid) -> (rows: [RawRow], header: String) {
        let grid = headingLinesApart(grid)
        var rows: [RawRow] = []
        var header = ""
        var lastHeader = ""
        for r in 0..<grid.rowCount {
            let ids = grid.cellsInRow(r)
            let texts = ids.map { grid.cells[$0].text }
            // A row without any label text has nothing to match a template row with.
            guard let lastText = texts.lastIndex(where: { !isValueOrBlank($0) }) else { continue }
            let valueIDs = Array(ids[(lastText + 1)...])
            let rowText = texts.filter { !$0.isEmpty }.joined(separator: " ")
            let labelCells = ids[...lastText].map { grid.cells[$0] }.filter { !$0.isEmpty }
            let own = labelCells.filter { $0.rowSpan == 1 }
            let label = (own.isEmpty ? labelCells : own).map(\.text).joined()
            // Header words are looked for in the row's own label, not in a group cell beside it
            // (第二十条第（一）项 merged down the left of its rows).
            if valueIDs.isEmpty || TableVocabulary.isActiveHeader(label) || TableVocabulary.isHeader(label) {
                header += rowText + "\n"
                lastHeader = rowText
                continue
            }
            var values: [String?] = valueIDs.map { id in
                let cell = grid.cells[id]
                return cell.row == r && !cell.isEmpty ? cell.text : nil
            }
            let stacked = spreadStacked(valueIDs.map { id in
                let cell = grid.cells[id]
                return cell.row == r && !cell.isEmpty ? cell.lines.map { $0.trimmingCharacters(in: .whitespaces) } : nil
            }, named: namedFields(lastHeader))
            if let stacked { values = stacked }
            // A converter that drew no line between the label and the first value column
            // writes the first number into the label's cell (规章<br>0, 行政许可<br>11643,
            // 行政规范性文件5): it is the row's first value.
            let split = CellStream.split(label)
            var rowLabel = label
            if !split.values.isEmpty, !split.label.isEmpty {
                rowLabel = split.label
                values = split.values + values
            }
            // Numbers ending more than one line of the label's cell (规章<br>0<br>0,
            // 行政规范性文件7<br>1): several columns' numbers were written there and run
            // together, and which column each belongs to is not known.
            let numberLines = labelCells.last?.lines.filter { $0.last.map { $0.isASCII && $0.isNumber } ?? false }.count ?? 0
            var row = RawRow(label: rowLabel, cells: values, header: lastHeader)
            row.placementDoubt = stacked != nil || numberLines >= 2 ? "numbers stacked in one cell: one number wrapped, or several" : nil
            rows.append(row)
        }
        return (rows, header)
    }
}

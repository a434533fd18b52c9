/// An HTML table laid out as the browser lays it out: a rectangular grid of slots in which a
/// merged cell (rowspan/colspan) occupies every slot it covers.
struct TableGrid: Equatable, Sendable {
    struct Cell: Equatable, Sendable {
        /// Top-left slot.
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        /// The cell's lines of text (`<br>` and `<p>` break lines; `&nbsp;` alone is blank).
        var lines: [String]
        /// All its text is link text (a menu laid out as a table).
        var isLink = false

        init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, lines: [String]) {
            self.row = row; self.column = column; self.rowSpan = rowSpan; self.columnSpan = columnSpan
            self.lines = lines
        }

        /// The lines run together: labels and headers are matched without spacing anyway.
        var text: String { lines.joined() }
        var isEmpty: Bool { lines.isEmpty }
        func starts(at row: Int, _ column: Int) -> Bool { self.row == row && self.column == column }
    }

    /// The source cells in document order.
    var cells: [Cell]
    /// `slots[r][c]` is the index in `cells` of the cell covering that slot, nil where a row is
    /// shorter than the table.
    var slots: [[Int?]]
    /// A cell holds a table of its own (the table is page layout, not data).
    var hasNestedTables: Bool

    var rowCount: Int { slots.count }
    var columnCount: Int { slots.first?.count ?? 0 }

    func cell(_ row: Int, _ column: Int) -> Cell? { slots[row][column].map { cells[$0] } }

    /// Lays out `<table>`'s own rows (not those of tables nested in its cells).
    init(_ table: HTMLElement) {
        var specs: [[(lines: [String], rowSpan: Int, columnSpan: Int)]] = []
        var links: [Bool] = []
        var nested = false
        for tr in Self.rowElements(of: table) {
            var row: [(lines: [String], rowSpan: Int, columnSpan: Int)] = []
            for td in tr.elements where td.name == "td" || td.name == "th" {
                nested = nested || td.first("table") != nil
                let blocks = HTMLBlocks.cellBlocks(td)
                links.append(!blocks.isEmpty && blocks.allSatisfy(\.isLink))
                row.append((blocks.compactMap(\.line), Self.span(td["rowspan"], zero: true), Self.span(td["colspan"])))
            }
            specs.append(row)
        }
        self.init(rows: specs)
        // Cells were laid out in document order, one per spec.
        for (i, isLink) in links.enumerated() { cells[i].isLink = isLink }
        hasNestedTables = nested
    }

    /// Lays out rows of (lines, rowspan, colspan): each cell goes to the first free slot of its
    /// row, left to right, skipping slots taken by cells from rows above. A rowspan past the
    /// last row stops there; rowspan="0" spans to the last row, as in browsers.
    init(rows: [[(lines: [String], rowSpan: Int, columnSpan: Int)]]) {
        var cells: [Cell] = []
        var slots: [[Int?]] = Array(repeating: [], count: rows.count)
        func free(_ r: Int, _ c: Int) -> Bool { c >= slots[r].count || slots[r][c] == nil }
        for (r, row) in rows.enumerated() {
            var c = 0
            for spec in row {
                while !free(r, c) { c += 1 }
                let rowSpan = spec.rowSpan == 0 ? rows.count - r : min(spec.rowSpan, rows.count - r)
                let index = cells.count
                cells.append(Cell(row: r, column: c, rowSpan: rowSpan, columnSpan: spec.columnSpan, lines: spec.lines))
                for rr in r..<(r + rowSpan) {
                    for cc in c..<(c + spec.columnSpan) {
                        if slots[rr].count <= cc { slots[rr] += Array(repeating: nil, count: cc + 1 - slots[rr].count) }
                        // Overlapping spans (bad markup): the cell placed first keeps the slot.
                        if slots[rr][cc] == nil { slots[rr][cc] = index }
                    }
                }
                c += spec.columnSpan
            }
        }
        let width = slots.map(\.count).max() ?? 0
        self.cells = cells
        self.slots = slots.map { $0 + Array(repeating: nil, count: width - $0.count) }
        hasNestedTables = false
    }

    /// A grid of cells already placed (a Word table, whose cells name their grid columns and
    /// vertical merges): every slot a cell covers points to it; the cell placed first keeps a
    /// slot two cells claim.
    init(placed: [Cell], rowCount: Int) {
        let width = placed.map { $0.column + $0.columnSpan }.max() ?? 0
        var slots = Array(repeating: [Int?](repeating: nil, count: width), count: rowCount)
        for (index, cell) in placed.enumerated() {
            for r in cell.row..<min(cell.row + cell.rowSpan, rowCount) {
                for c in cell.column..<(cell.column + cell.columnSpan) where slots[r][c] == nil {
                    slots[r][c] = index
                }
            }
        }
        self.cells = placed
        self.slots = slots
        hasNestedTables = false
    }

    /// `<tr>`s of this table: its own, or those of its `<thead>`/`<tbody>`/`<tfoot>`.
    static func rowElements(of table: HTMLElement) -> [HTMLElement] {
        table.elements.flatMap { e -> [HTMLElement] in
            switch e.name {
            case "tr": [e]
            case "thead", "tbody", "tfoot": e.elements.filter { $0.name == "tr" }
            default: []
            }
        }
    }

    /// A span attribute as browsers read it: the digits at its start, clamped to 1…1000;
    /// `zero` keeps 0 (rowspan="0": to the last row).
    static func span(_ value: String?, zero: Bool = false) -> Int {
        guard let value else { return 1 }
        let digits = value.drop { $0.isWhitespace }.prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits) else { return 1 }
        if n == 0 { return zero ? 0 : 1 }
        return min(n, 1000)
    }

    /// The grid's rows `range` as a grid of their own: cells touching them, cut to them.
    func rows(_ range: Range<Int>) -> TableGrid {
        let placed = cells.compactMap { cell -> Cell? in
            let top = max(cell.row, range.lowerBound), bottom = min(cell.row + cell.rowSpan, range.upperBound)
            guard top < bottom else { return nil }
            var cut = cell
            cut.row = top - range.lowerBound
            cut.rowSpan = bottom - top
            return cut
        }
        return TableGrid(placed: placed, rowCount: range.count)
    }

    /// The distinct cells touching row `r`, left to right (a merged cell once).
    func cellsInRow(_ r: Int) -> [Int] {
        var seen = Set<Int>()
        return slots[r].compactMap { $0 }.filter { seen.insert($0).inserted }
    }
}

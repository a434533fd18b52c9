/// One stage of the table finder, as `govreport debug --stage` draws it.
public enum DebugStage: String, Sendable, CaseIterable {
    /// Bands of value words (thin, orange), the rows made of them (blue) and rows printed
    /// blank (violet).
    case rows
    /// Each row's column intervals, coloured by where they came from (`ColumnSource`), and
    /// the left edge of the data part.
    case columns
    /// Numbered label blocks (light green) and each row's label (green).
    case labels
    /// Each row's label and cells, with the column index of every cell.
    case cells
}

extension DebugOverlay.Color {
    static let band = Self(r: 0.95, g: 0.55, b: 0.0, a: 0.8)
    static let blankRow = Self(r: 0.55, g: 0.2, b: 0.75, a: 0.9)
    static let block = Self(r: 0.45, g: 0.8, b: 0.45, a: 0.9)
    static let faintRuling = Self(r: 0.9, g: 0.1, b: 0.1, a: 0.3)

    /// One colour per column source.
    static func columns(_ source: ColumnSource) -> Self {
        switch source {
        case .rulings: Self(r: 0.9, g: 0.1, b: 0.1, a: 0.8)
        case .fullRows: Self(r: 0.1, g: 0.3, b: 0.9, a: 0.8)
        case .header: Self(r: 0.0, g: 0.6, b: 0.6, a: 0.8)
        case .valueAlignment: Self(r: 0.95, g: 0.55, b: 0.0, a: 0.8)
        case .anotherPage: Self(r: 0.55, g: 0.2, b: 0.75, a: 0.8)
        }
    }
}

extension DebugOverlay {
    /// The marks of one stage of the table finder on page `page` (1-based): the stages the
    /// reading of the applications and review/litigation tables kept, as they ran (with
    /// rulings when the reading used them), drawn over the page's rulings.
    public init(stage: DebugStage, page: Int, reading: PositionedReading) {
        self.init(stage: stage, page: page, tables: reading.stages,
                  rulings: reading.layouts.first { $0.number == page }?.rulings ?? [])
    }

    init(stage: DebugStage, page: Int, tables: [TableStages], rulings: [Ruling]) {
        self.init()
        for r in rulings {
            marks.append(r.axis == .horizontal
                ? .line(x0: r.start, y0: r.position, x1: r.end, y1: r.position, color: .faintRuling, width: 0.6)
                : .line(x0: r.position, y0: r.start, x1: r.position, y1: r.end, color: .faintRuling, width: 0.6))
        }
        for table in tables {
            for p in table.pages where p.number == page {
                switch stage {
                case .rows: drawRows(p)
                case .columns: drawColumns(p)
                case .labels: drawLabels(p)
                case .cells: drawCells(p)
                }
            }
        }
    }

    static func box(_ words: [Word]) -> Rect? {
        words.first.map { first in words.map(\.box).reduce(first.box) { $0.union($1) } }
    }

    /// The band of a row across the data part (or its words when the data part is unknown).
    static func band(_ row: DataRow, _ p: TableStages.Page) -> Rect {
        let words = box(row.words)
        let x0 = p.dataLeft.isFinite ? p.dataLeft : words?.x0 ?? 0
        let x1 = p.dataRight.isFinite ? p.dataRight : words?.x1 ?? x0
        return Rect(x0: x0, y0: row.midY - row.height / 2, x1: x1, y1: row.midY + row.height / 2)
    }

    mutating func drawRows(_ p: TableStages.Page) {
        for band in p.bands { if let b = Self.box(band.words) { marks.append(.box(b, color: .band, width: 0.5)) } }
        for (i, row) in p.valueRows.enumerated() {
            let b = Self.band(row, p)
            marks.append(.box(b, color: .cell, width: 1))
            marks.append(.text("row \(i + 1)", x: b.x0, y: b.y0 - 1, size: 4, color: .cell))
        }
        for row in p.blankRows {
            let b = Self.band(row, p)
            marks.append(.box(b, color: .blankRow, width: 1))
            marks.append(.text("blank", x: b.x0, y: b.y0 - 1, size: 4, color: .blankRow))
        }
        if let top = (p.valueRows + p.blankRows).map({ $0.midY - $0.height / 2 }).min(), p.dataLeft.isFinite {
            marks.append(.text(p.ruled ? "rows: ruled" : "rows: unruled", x: p.dataLeft, y: top - 8, size: 5, color: .cell))
        }
    }

    mutating func drawColumns(_ p: TableStages.Page) {
        for (row, placed) in zip(p.valueRows, p.columns) {
            guard let placed else { continue }
            let color = Color.columns(placed.source)
            let (y0, y1) = (row.midY - row.height / 2, row.midY + row.height / 2)
            for interval in placed.model.intervals {
                marks.append(.box(Rect(x0: interval.lowerBound, y0: y0, x1: interval.upperBound, y1: y1), color: color, width: 0.8))
            }
            let moved = placed.offset.map { " moved \(($0 * 10).rounded() / 10) pt" } ?? ""
            marks.append(.text(placed.source.name + moved, x: placed.model.left, y: y0 - 1, size: 4, color: color))
        }
        let rows = p.valueRows + p.blankRows
        if p.dataLeft.isFinite, let top = rows.map({ $0.midY - $0.height }).min(), let bottom = rows.map({ $0.midY + $0.height }).max() {
            marks.append(.line(x0: p.dataLeft, y0: top, x1: p.dataLeft, y1: bottom, color: .label, width: 1))
        }
    }

    mutating func drawLabels(_ p: TableStages.Page) {
        for block in p.labelBlocks { marks.append(.box(block.box, color: .block, width: 0.6)) }
        for (i, row) in p.rows.enumerated() {
            guard let label = row.geometry?.label else { continue }
            marks.append(.box(label, color: .label, width: 1))
            marks.append(.text("row \(i + 1)", x: label.x0, y: label.y0 - 1, size: 4, color: .label))
        }
    }

    mutating func drawCells(_ p: TableStages.Page) {
        for (i, row) in p.rows.enumerated() {
            guard let geometry = row.geometry else { continue }
            if let label = geometry.label {
                marks.append(.box(label, color: .label, width: 1))
                marks.append(.text("row \(i + 1)", x: label.x0, y: label.y0 - 1, size: 4, color: .label))
            }
            for (c, cell) in geometry.cells.enumerated() {
                guard let cell else { continue }
                marks.append(.box(cell, color: .cell, width: 1))
                marks.append(.text("c\(c + 1)", x: cell.x0, y: cell.y1 + 5, size: 4, color: .cell))
            }
        }
    }
}

@testable import GovReport

/// Pages of a table built by hand (no PDF): a label column from x 35 and data columns 40 pt
/// wide centred at x 220, 260, …; glyphs 10 pt high (`Draw`).
enum HandBuiltTable {
    static let centers = (0..<7).map { 220.0 + 40 * Double($0) }
    /// Column borders: the label cell's left edge, then one between every two columns.
    static let columnEdges = [30.0] + (0...7).map { 200.0 + 40 * Double($0) }

    /// Value glyphs of one row, each centred in its column; nil leaves the cell empty.
    static func values(_ cells: [String?], y: Double) -> [Glyph] {
        zip(cells, centers).flatMap { cell, x in cell.map { Draw.centered($0, x: x, y: y) } ?? [] }
    }

    static func page(_ glyphs: [Glyph], rulings: [Ruling] = [], number: Int = 2) -> RegionPage {
        let page = PageLayout(number: number, width: 595, height: 842, glyphs: glyphs, rulings: rulings)
        return RegionPage(page: page, lines: page.lines)
    }

    /// A full grid: horizontal rulings at `ys`, vertical ones at every column edge.
    static func grid(_ ys: [Double]) -> [Ruling] {
        ys.map { Ruling(axis: .horizontal, position: $0, start: 30, end: 480) }
            + columnEdges.map { Ruling(axis: .vertical, position: $0, start: ys.first!, end: ys.last!) }
    }

    static let full: [String?] = ["12", "3", "0", "0", "0", "1", "16"]
    static let partial: [String?] = ["1", nil, nil, nil, nil, nil, "1"]
}

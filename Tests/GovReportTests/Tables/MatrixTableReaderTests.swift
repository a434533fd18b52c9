import Testing
@testable import GovReport

/// The applications matrix drawn by hand: a label column (x 35…195) and seven data columns
/// 40 pt wide centred at x 220, 260, …, 460.
@Suite struct MatrixTableReaderTests {
    static let centers = (0..<7).map { 220.0 + 40 * Double($0) }
    static let known = Template.applicationRows.map(\.label)

    /// Value glyphs of one row, centred in their columns; nil leaves the cell empty.
    static func values(_ cells: [String?], y: Double) -> [Glyph] {
        zip(cells, centers).flatMap { cell, x in cell.map { Draw.centered($0, x: x, y: y) } ?? [] }
    }

    static func region(_ glyphs: [Glyph], rulings: [Ruling] = []) -> [RegionPage] {
        let page = PageLayout(number: 2, width: 595, height: 842, glyphs: glyphs, rulings: rulings)
        return [RegionPage(page: page, lines: page.lines)]
    }

    static func read(_ region: [RegionPage]) -> (rows: [RawRow], diagnostics: [Finding]) {
        var reader = MatrixTableReader(columnCount: 7, table: "applications", knownLabels: known)
        let rows = reader.rows(in: region)
        return (rows, reader.diagnostics)
    }

    static let row1: [String?] = ["12", "3", "0", "0", "0", "1", "16"]
    static let row2: [String?] = ["1", nil, nil, nil, nil, nil, "1"]

    // MARK: ruled

    /// Three ruled rows: row 1 (y 95…115), row 2 whose label wraps over two lines with its
    /// values centred between them (y 115…145), and row 3 printed blank (y 145…165).
    static func ruled() -> [RegionPage] {
        var glyphs = Draw.text("一、本年新收政府信息公开申请数", x: 35, y: 100) + Self.values(Self.row1, y: 100)
        glyphs += Draw.text("二、上年结转政府", x: 35, y: 118) + Draw.text("信息公开申请数量", x: 35, y: 132)
        glyphs += values(row2, y: 125)
        glyphs += Draw.text("四、结转下年度继续办理", x: 35, y: 150)
        let xs = [30.0] + (0...7).map { 200.0 + 40 * Double($0) }
        let ys = [95.0, 115, 145, 165]
        let rulings = ys.map { Ruling(axis: .horizontal, position: $0, start: 30, end: 480) }
            + xs.map { Ruling(axis: .vertical, position: $0, start: 95, end: 165) }
        return region(glyphs, rulings: rulings)
    }

    @Test func aRuledTableReadsValuesIntoTheirColumns() {
        let (rows, diagnostics) = Self.read(Self.ruled())
        #expect(rows.count == 3)
        #expect(rows.map(\.cells) == [Self.row1, Self.row2, [String?](repeating: nil, count: 7)])
        #expect(rows.allSatisfy { $0.page == 2 })
        #expect(!diagnostics.contains { $0.severity != .info })
    }

    @Test func ruledLabelsGoToTheirRows() {
        let (rows, _) = Self.read(Self.ruled())
        #expect(rows.map(\.label) == ["一、本年新收政府信息公开申请数", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"])
    }

    @Test func aBlankRuledRowIsFound() {
        let (rows, _) = Self.read(Self.ruled())
        let blank = rows.last
        #expect(blank?.label == "四、结转下年度继续办理")
        #expect(blank?.cells.count == 7 && blank?.cells.allSatisfy { $0 == nil } == true)
    }

    // MARK: unruled

    /// The same table without any ruling: columns from the full row, labels by band, and a
    /// numbered label without values is a blank row.
    static func unruled() -> [RegionPage] {
        var glyphs = Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100) + Self.values(Self.row1, y: 100)
        glyphs += Draw.text("二、上年结转政府信息公开申请数量", x: 35, y: 125) + Self.values(Self.row2, y: 125)
        glyphs += Draw.text("四、结转下年度继续办理", x: 35, y: 150)
        return region(glyphs)
    }

    @Test func anUnruledTableReadsValuesIntoTheirColumns() {
        let (rows, diagnostics) = Self.read(Self.unruled())
        #expect(rows.map(\.cells) == [Self.row1, Self.row2, [String?](repeating: nil, count: 7)])
        #expect(!diagnostics.contains { $0.code == "table.columns_unknown" })
    }

    @Test func unruledLabelsGoToTheirRows() {
        let (rows, _) = Self.read(Self.unruled())
        #expect(rows.map(\.label) == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"])
    }

    @Test func anUnruledLabelThatIsNoKnownRowIsNotABlankRow() {
        // A numbered line between two value rows that matches no row label (a note).
        var glyphs = Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100) + Self.values(Self.row1, y: 100)
        glyphs += Draw.text("1、番茄炒蛋的做法说明", x: 35, y: 125)
        glyphs += Draw.text("二、上年结转政府信息公开申请数量", x: 35, y: 150) + Self.values(Self.row2, y: 150)
        let (rows, _) = Self.read(Self.region(glyphs))
        #expect(rows.map(\.cells) == [Self.row1, Self.row2])
    }

    @Test func withoutAFullRowOrRulingsColumnsAreUnknown() {
        let glyphs = Draw.text("二、上年结转政府信息公开申请数量", x: 35, y: 125) + Self.values(Self.row2, y: 125)
        let (rows, diagnostics) = Self.read(Self.region(glyphs))
        #expect(diagnostics.contains { $0.code == "table.columns_unknown" })
        #expect(rows.allSatisfy { $0.cells.allSatisfy { $0 == nil } })
    }

    // MARK: across pages

    @Test func aTableOverTwoPagesUsesTheFirstPagesColumnsAndMarksTheCut() {
        let p1 = PageLayout(number: 2, width: 595, height: 842,
                            glyphs: Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100) + Self.values(Self.row1, y: 100))
        let p2 = PageLayout(number: 3, width: 595, height: 842,
                            glyphs: Draw.text("二、上年结转政府信息公开申请数量", x: 35, y: 60) + Self.values(Self.row2, y: 60))
        let (rows, diagnostics) = Self.read([RegionPage(page: p1, lines: p1.lines), RegionPage(page: p2, lines: p2.lines)])
        #expect(rows.map(\.cells) == [Self.row1, Self.row2])
        #expect(rows.map(\.page) == [2, 3])
        #expect(rows.map(\.mayContinue) == [true, false])
        #expect(diagnostics.map(\.code) == ["table.crosses_pages"])
    }

    /// A continued page holding only 四、结转, its label on one line: its numbers wrap in their
    /// narrow cells one label line apart, as the wrapped labels on the page before are (27 pt),
    /// and each reads whole (20, 15, 35), not its first digits.
    @Test func numbersWrappedOnAContinuedPageWhoseLabelsDoNotWrapReadWhole() {
        let p1 = PageLayout(number: 2, width: 595, height: 842,
                            glyphs: Draw.text("一、本年新收政府", x: 35, y: 100) + Draw.text("信息公开申请数量", x: 35, y: 127)
                                + Self.values(Self.row1, y: 100))
        let p2 = PageLayout(number: 3, width: 595, height: 842,
                            glyphs: Draw.text("四、结转下年度继续办理", x: 35, y: 60)
                                + Self.values(["2", "1", nil, nil, nil, nil, "3"], y: 60)
                                + Draw.centered("0", x: Self.centers[0], y: 87) + Draw.centered("5", x: Self.centers[1], y: 87)
                                + Draw.centered("5", x: Self.centers[6], y: 87))
        let (rows, _) = Self.read([RegionPage(page: p1, lines: p1.lines), RegionPage(page: p2, lines: p2.lines)])
        #expect(rows.map(\.cells) == [Self.row1, ["20", "15", nil, nil, nil, nil, "35"]])
    }

    /// `pdftotext -layout` puts the numbers of a cell centred between a wrapped label's two
    /// lines on a line between them, and the label's second line may be lost to the data part:
    /// the numbers on the line just under 2.其他… (which has none) are its row, not a row
    /// without a label; 1.属于国家秘密 above, its end past the data part's edge, is a blank row;
    /// 3.要求… over 4.无正当…, whose numbers stand on its own line, takes none of them.
    @Test func valuesOnTheLineUnderANumberedLabelWithoutValuesAreItsRow() {
        var glyphs = Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 60) + Self.values(Self.row1, y: 60)
        glyphs += Draw.text("1.属于国家秘密", x: 170, y: 89)
        glyphs += Draw.text("2.其他法律行政法规禁止公", x: 35, y: 100)
        glyphs += Self.values([nil, "5", nil, nil, nil, nil, "5"], y: 111)
        glyphs += Draw.text("3.要求提供公开出版物", x: 60, y: 144)
        glyphs += Draw.text("4.无正当理由大量反复申请", x: 40, y: 155) + Self.values([nil, nil, nil, nil, "3", nil, "3"], y: 155)
        let (rows, diagnostics) = Self.read(Self.region(glyphs))
        #expect(rows.map(\.label) == ["一、本年新收政府信息公开申请数量", "1.属于国家秘密", "2.其他法律行政法规禁止公",
                                     "3.要求提供公开出版物", "4.无正当理由大量反复申请"])
        let blank = [String?](repeating: nil, count: 7)
        #expect(rows.map(\.cells) == [Self.row1, blank, [nil, "5", nil, nil, nil, nil, "5"], blank,
                                     [nil, nil, nil, nil, "3", nil, "3"]])
        #expect(!diagnostics.contains { $0.code == "label.unmatched" })
    }

    /// A row's label that reaches into the first data column on the number's own line (a
    /// character grid sets CJK two columns wide, wider than the page did) pushed its first
    /// number right: that number may stand one column left, for the table's sums to decide.
    @Test func aNumberPressedRightByItsLabelMayStandOneColumnLeft() {
        var glyphs = Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 60) + Self.values(Self.row1, y: 60)
        glyphs += Draw.text("4.保护第三方合法权益", x: 120, y: 100) + Self.values([nil, "38", nil, nil, nil, nil, "38"], y: 100)
        var reader = MatrixTableReader(columnCount: 7, table: "applications", knownLabels: Self.known)
        let rows = reader.rows(in: Self.region(glyphs))
        #expect(rows.last?.cells == [nil, "38", nil, nil, nil, nil, "38"])
        #expect(reader.alternatives.map(\.column) == [0])
        // Its label ending left of the columns: the number stands where it reads.
        var apart = MatrixTableReader(columnCount: 7, table: "applications", knownLabels: Self.known)
        _ = apart.rows(in: Self.region(Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 60) + Self.values(Self.row1, y: 60)
            + Draw.text("4.保护第三方合法权益", x: 35, y: 100) + Self.values([nil, "38", nil, nil, nil, nil, "38"], y: 100)))
        #expect(apart.alternatives.isEmpty)
    }
}

import Testing
@testable import GovReport

/// The table finder keeps every stage's intermediates (hand-built pages).
@Suite struct TableStagesTests {
    static let reader = MatrixTableReader(columnCount: 7, table: "applications",
                                          knownLabels: Template.applicationRows.map(\.label))

    /// Page 2: a full row and a row whose label the page break cuts; page 3: the label's end,
    /// then a row with values.
    static func twoPages() -> [RegionPage] {
        let p1 = HandBuiltTable.page(Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100)
                                     + HandBuiltTable.values(HandBuiltTable.full, y: 100)
                                     + Draw.text("二、上年结转政府", x: 35, y: 125)
                                     + HandBuiltTable.values(HandBuiltTable.partial, y: 125), number: 2)
        let p2 = HandBuiltTable.page(Draw.text("信息公开申请数量", x: 35, y: 40)
                                     + Draw.text("四、结转下年度继续办理", x: 35, y: 100)
                                     + HandBuiltTable.values(HandBuiltTable.partial, y: 100), number: 3)
        return [p1, p2]
    }

    @Test func everyStageIsKept() throws {
        let stages = Self.reader.stages(in: Self.twoPages())
        #expect(stages.pages.map(\.number) == [2, 3])
        #expect(stages.pages.map(\.bands.count) == [2, 1])
        #expect(stages.pages.map(\.valueRows.count) == [2, 1])
        #expect(stages.pageColumns.mapValues(\.source) == [2: .fullRows])
        #expect(stages.pages[0].columns.map { $0?.source } == [.fullRows, .fullRows])
        #expect(stages.pages[1].columns.map { $0?.source } == [.anotherPage(2)])
        #expect(stages.pages[0].labelBlocks.count == 2)
        #expect(stages.pages[1].leading == "信息公开申请数量")
        #expect(stages.continued == [.init(row: 1, from: 2, to: 3, joined: "信息公开申请数量")])
        #expect(stages.rows.map(\.label) == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"])
        #expect(stages.diagnostics.map(\.code) == ["table.crosses_pages", "table.row_split_by_page"])
    }

    @Test func rowsAreTheStagesRows() {
        var reader = Self.reader
        let rows = reader.rows(in: Self.twoPages())
        #expect(rows == Self.reader.stages(in: Self.twoPages()).rows)
        #expect(reader.diagnostics.map(\.code) == ["table.crosses_pages", "table.row_split_by_page"])
    }
}

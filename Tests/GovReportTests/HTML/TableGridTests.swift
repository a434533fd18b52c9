import Testing
@testable import GovReport

@Suite struct TableGridTests {
    /// Cell text in each slot, "" where no cell covers it.
    static func texts(_ g: TableGrid) -> [[String]] {
        g.slots.map { row in row.map { $0.map { g.cells[$0].text } ?? "" } }
    }

    @Test func rowspanAndColspanFillEverySlotTheyCover() {
        // The applications header: a 3×3 corner cell, 申请人情况 over 7 columns, 自然人 and 总计
        // over two rows, 法人或其他组织 over five columns.
        let table = H.element(H.table(
            H.tr(H.td("勾稽", rs: 3, cs: 3), H.td("申请人情况", cs: 7)),
            H.tr(H.td("自然人", rs: 2), H.td("法人", cs: 5), H.td("总计", rs: 2)),
            H.tr(H.td("商业"), H.td("科研"), H.td("公益"), H.td("法律"), H.td("其他")),
            H.tr(H.td("一、本年新收", cs: 3), H.td("1"), H.td("2"), H.td("3"), H.td("4"), H.td("5"), H.td("6"), H.td("21"))))
        let g = TableGrid(table)
        #expect(g.rowCount == 4)
        #expect(g.columnCount == 10)
        let t = Self.texts(g)
        #expect(t[0] == ["勾稽", "勾稽", "勾稽"] + Array(repeating: "申请人情况", count: 7))
        #expect(t[1] == ["勾稽", "勾稽", "勾稽", "自然人", "法人", "法人", "法人", "法人", "法人", "总计"])
        #expect(t[2] == ["勾稽", "勾稽", "勾稽", "自然人", "商业", "科研", "公益", "法律", "其他", "总计"])
        #expect(t[3][0...3] == ["一、本年新收", "一、本年新收", "一、本年新收", "1"])
        #expect(t[3][9] == "21")
        // A merged cell is one cell, at its top-left slot.
        #expect(g.cells.count == 18)
        #expect(g.cell(2, 9) == g.cell(1, 9))
        #expect(g.cell(2, 9)?.starts(at: 1, 9) == true)
        #expect(g.cellsInRow(2).count == 8)
    }

    @Test func aGroupCellPushesLaterRowsRight() {
        // （三）不予公开 spans three rows; the rows below it start one column further right.
        let g = TableGrid(rows: [
            [(["（三）不予公开"], 3, 1), (["1.属于国家秘密"], 1, 1), (["0"], 1, 1)],
            [(["2.其他法律行政法规禁止公开"], 1, 1), (["1"], 1, 1)],
            [(["3.危及“三安全一稳定”"], 1, 1), (["2"], 1, 1)],
        ])
        #expect(Self.texts(g) == [
            ["（三）不予公开", "1.属于国家秘密", "0"],
            ["（三）不予公开", "2.其他法律行政法规禁止公开", "1"],
            ["（三）不予公开", "3.危及“三安全一稳定”", "2"],
        ])
    }

    @Test func shortRowsAndSpansPastTheEnd() {
        // rowspan past the last row stops there; a short row leaves empty slots.
        let g = TableGrid(rows: [
            [(["a"], 5, 1), (["b"], 1, 2)],
            [(["c"], 1, 1)],
        ])
        #expect(g.rowCount == 2)
        #expect(g.cells[0].rowSpan == 2)
        #expect(Self.texts(g) == [["a", "b", "b"], ["a", "c", ""]])
    }

    @Test func rowspanZeroSpansToTheLastRow() {
        let g = TableGrid(rows: [[(["x"], 0, 1), (["1"], 1, 1)], [(["2"], 1, 1)], [(["3"], 1, 1)]])
        #expect(Self.texts(g).map { $0[0] } == ["x", "x", "x"])
        #expect(Self.texts(g).map { $0[1] } == ["1", "2", "3"])
    }

    @Test func overlappingSpansKeepTheFirstCell() {
        // Bad markup: the colspan of row 2 runs into the rowspan from row 1.
        let g = TableGrid(rows: [
            [(["a"], 1, 1), (["b"], 2, 1)],
            [(["c"], 1, 2)],
        ])
        #expect(Self.texts(g) == [["a", "b"], ["c", "b"]])
    }

    @Test func spanAttributesAsBrowsersReadThem() {
        #expect(TableGrid.span(nil) == 1)
        #expect(TableGrid.span("3") == 3)
        #expect(TableGrid.span(" 2 ") == 2)
        #expect(TableGrid.span("4px") == 4)
        #expect(TableGrid.span("abc") == 1)
        #expect(TableGrid.span("0") == 1)
        #expect(TableGrid.span("0", zero: true) == 0)
        #expect(TableGrid.span("99999") == 1000)
    }

    @Test func rowsOfTheTableNotOfTablesInsideIt() {
        let inner = H.table(H.tr(H.td("inner")))
        let table = H.element(H.el("table", [:],
            H.el("thead", [:], H.tr(H.td("head"))),
            H.el("tbody", [:], H.tr(.element(HTMLElement("td", [:], [inner]))), H.tr(H.td("x")))))
        let g = TableGrid(table)
        #expect(g.rowCount == 3)
        #expect(g.hasNestedTables)
        #expect(TableGrid.rowElements(of: table).count == 3)
    }

    @Test func cellLinesBreakAtBrAndParagraphsAndNbspIsBlank() {
        let cell = H.element(H.el("td", [:],
            H.t("本年"), H.el("br", [:]), H.t("制发\n  件数"),
            H.el("p", [:], H.el("span", [:], H.t("12"))),
            H.el("p", [:], H.t("\u{00A0}"))))
        #expect(HTMLBlocks.lines(cell) == ["本年", "制发件数", "12"])
        #expect(HTMLBlocks.lines(H.element(H.el("td", [:], H.el("p", [:], H.t("\u{00A0}\u{00A0}"))))) == [])
    }
}

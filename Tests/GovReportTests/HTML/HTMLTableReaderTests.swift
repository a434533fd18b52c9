import Testing
@testable import GovReport

private typealias Spec = (lines: [String], rowSpan: Int, columnSpan: Int)
/// A cell spec: text (none when empty) and spans.
private func c(_ text: String, rs: Int = 1, cs: Int = 1) -> Spec { (text.isEmpty ? [] : [text], rs, cs) }
private func values(_ v: [String]) -> [Spec] { v.map { c($0) } }

@Suite struct HTMLTableReaderTests {
    /// The applications table's header, then rows of a (三) group and (七)总计.
    static let applications = TableGrid(rows: [
        [c("（本列数据的勾稽关系为：…）", rs: 3, cs: 3), c("申请人情况", cs: 7)],
        [c("自然人", rs: 2), c("法人或其他组织", cs: 5), c("总计", rs: 2)],
        [c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
        [c("一、本年新收政府信息公开申请数量", cs: 3)] + values(["5", "1", "", "", "", "", "6"]),
        [c("三、本年度办理结果", rs: 4), c("（一）予以公开", cs: 2)] + values(["3", "1", "", "", "", "", "4"]),
        [c("（三）不予公开", rs: 2), c("1.属于国家秘密")] + values(["", "", "", "", "", "", ""]),
        [c("2.其他法律行政法规禁止公开")] + values(["1", "/", "/", "/", "/", "/", "1"]),
        [c("（七）总计", cs: 2)] + values(["4", "1", "", "", "", "", "5"]),
        [c("四、结转下年度继续办理", cs: 3)] + values(["1", "", "", "", "", "", "1"]),
    ])

    @Test func classifiesTheThreeTablesByTheirWords() {
        #expect(HTMLTableReader.classify(Self.applications) == .applications)
        let review = TableGrid(rows: [[c("行政复议", cs: 5), c("行政诉讼", cs: 10)],
                                      [c("结果维持"), c("结果纠正"), c("其他结果"), c("尚未审结"), c("总计")]])
        #expect(HTMLTableReader.classify(review) == .review)
        let active = TableGrid(rows: [[c("第二十条第（一）项", cs: 4)],
                                      [c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")]])
        #expect(HTMLTableReader.classify(active) == .active)
        let layout = TableGrid(rows: [[c("首页"), c("政务公开"), c("互动交流")]])
        #expect(HTMLTableReader.classify(layout) == nil)
    }

    @Test func applicationRowsTakeTheLastSevenColumnsAndLeaveGroupCellsOutOfLabels() {
        let rows = HTMLTableReader.fixedRows(Self.applications, width: 7)
        #expect(rows.map(\.label) == ["一、本年新收政府信息公开申请数量", "（一）予以公开", "1.属于国家秘密",
                                      "2.其他法律行政法规禁止公开", "（七）总计", "四、结转下年度继续办理"])
        #expect(rows.allSatisfy { $0.cells.count == 7 })
        #expect(rows[0].cells == ["5", "1", nil, nil, nil, nil, "6"])
        // A row printed all blank is still a row (zeros printed as empty cells).
        #expect(rows[2].cells == Array(repeating: nil, count: 7))
        #expect(rows[3].cells[1] == "/")
    }

    @Test func aTrailingEmptyColumnDoesNotShiftTheValues() {
        // Word-made tables sometimes end rows with an empty cell beyond the last column.
        let grid = TableGrid(rows: [
            [c("项目", cs: 3), c("申请人情况", cs: 7), c("")],
            [c("一、本年新收政府信息公开申请数量", cs: 3)] + values(["5", "1", "0", "0", "0", "0", "6", ""]),
        ])
        let rows = HTMLTableReader.fixedRows(grid, width: 7)
        #expect(rows.map(\.cells) == [["5", "1", "0", "0", "0", "0", "6"]])
    }

    @Test func reviewTableIsOneRowOfFifteenValues() {
        let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let grid = TableGrid(rows: [
            [c("行政复议", cs: 5), c("行政诉讼", cs: 10)],
            heads.map { c($0, rs: 2) } + [c("未经复议直接起诉", cs: 5), c("复议后起诉", cs: 5)],
            (heads + heads).map { c($0) },
            values((1...15).map(String.init)),
        ])
        let rows = HTMLTableReader.fixedRows(grid, width: 15)
        #expect(rows.count == 1)
        #expect(rows[0].cells == (1...15).map { String($0) })
    }

    @Test func activeRowsOfBothFormats() {
        let grid = TableGrid(rows: [
            [c("第二十条第（一）项", cs: 4)],
            [c("信息内容"), c("本年新制作数量"), c("本年新公开数量"), c("对外公开总数量")],
            [c("规章"), c("0"), c("0"), c("")],
            [c("第二十条第（八）项", cs: 4)],
            [c("信息内容"), c("上一年项目数量"), c("本年增/减", cs: 2)],
            [c("行政事业性收费"), c("6"), c("-2", cs: 2)],
            [c("第二十条第（九）项", cs: 4)],
            [c("信息内容"), c("采购项目数量"), c("采购总金额（万元）", cs: 2)],
            [c("政府集中采购"), c("27"), c("1856.42", cs: 2)],
        ])
        let read = HTMLTableReader.activeRows(grid)
        #expect(read.rows.map(\.label) == ["规章", "行政事业性收费", "政府集中采购"])
        #expect(read.rows[0].cells == ["0", "0", nil])
        #expect(read.rows[1].cells == ["6", "-2"])
        #expect(read.rows[2].cells == ["27", "1856.42"])
        #expect(read.rows[2].header.contains("万元"))
        #expect(TemplateMapper.detectTemplate(activeHeaderText: read.header, year: 2024) == .v2019)
    }

    @Test func rowsMapOntoTheTemplateLikeAnyInput() {
        var mapper = TemplateMapper(template: .v2021)
        let values = mapper.applications(HTMLTableReader.fixedRows(Self.applications, width: 7))
        #expect(values.rows.map(\.key) == ["new_received", "granted", "denied_state_secret", "denied_prohibited_by_law",
                                           "total_processed", "carried_forward"])
        // This hand-made table prints only some rows: the others are reported missing, nothing else.
        #expect(mapper.diagnostics.filter { !["label.fuzzy_match", "label.row_not_found"].contains($0.code) }.isEmpty)
        #expect(mapper.diagnostics.contains { $0.code == "label.row_not_found" && $0.row == "carried_over" })
    }

    @Test func aSectionCellMergedDownTheLeftIsNotAHeader() {
        // 第二十条第（五）项 as a group cell left of its header and data rows.
        let grid = TableGrid(rows: [
            [c("第二十条第（五）项", rs: 3), c("信息内容"), c("本年处理决定数量", cs: 3)],
            [c("行政许可"), c("12", cs: 3)],
            [c("行政处罚"), c("3", cs: 3)],
        ])
        let read = HTMLTableReader.activeRows(grid)
        #expect(read.rows.map(\.label) == ["行政许可", "行政处罚"])
        #expect(read.rows.map(\.cells) == [["12"], ["3"]])
    }

    @Test func aMenuOfLinksIsNotATable() throws {
        let menu = H.table(H.tr(.element(HTMLElement("td", [:], [H.el("a", ["href": "/1"], H.t("行政许可"))])),
                                .element(HTMLElement("td", [:], [H.el("a", ["href": "/2"], H.t("行政处罚"))])),
                                .element(HTMLElement("td", [:], [H.el("a", ["href": "/3"], H.t("行政强制"))])),
                                .element(HTMLElement("td", [:], [H.el("a", ["href": "/4"], H.t("规章"))]))))
        let grid = TableGrid(H.element(menu))
        #expect(grid.cells.allSatisfy { $0.isLink })
        #expect(HTMLTableReader.classify(grid) == nil)
        // The same words as plain text are the active-disclosure table's.
        let plain = TableGrid(H.element(H.table(H.tr(H.td("行政许可"), H.td("行政处罚"), H.td("行政强制"), H.td("规章")))))
        #expect(HTMLTableReader.classify(plain) == .active)
    }
}

/// Word's HTML export: value columns split over two grid columns, sliver cells, blank grid
/// columns; values go under the header cell they stand under.
@Suite struct WordGridTests {
    @Test func valuesGoUnderTheirHeaderCellNotByTheirOrderInTheRow() {
        let heads = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
        let grid = TableGrid(rows: [
            [c("（本列数据的勾稽关系为：…）", rs: 3, cs: 4), c("申请人情况", cs: 9)],
            [c("自然人", rs: 2, cs: 2), c("法人或其他组织", cs: 5), c("总计", rs: 2, cs: 2)],
            heads.map { c($0) },
            // 自然人 spans its two grid columns; 总计 printed as an empty sliver then the value.
            [c("一、本年新收政府信息公开申请数量", cs: 4), c("5", cs: 2)] + values(["1", "0", "0", "0", "0", "", "6"]),
            [c("二、上年结转政府信息公开申请数量", cs: 4), c(""), c("2")] + values(["0", "0", "0", "0", "1"]) + [c("3", cs: 2)],
        ])
        let rows = HTMLTableReader.fixedRows(grid, width: 7)
        #expect(rows.map(\.cells) == [["5", "1", "0", "0", "0", "0", "6"], ["2", "0", "0", "0", "0", "1", "3"]])
    }
}

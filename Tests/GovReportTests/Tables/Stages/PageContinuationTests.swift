import Testing
@testable import GovReport

/// The page-continuation stage on rows built by hand.
@Suite struct PageContinuationTests {
    static func row(_ label: String, page: Int) -> RawRow { RawRow(label: label, cells: ["1"], page: page) }

    @Test func textAtTheTopOfTheNextPageEndsTheCutLabel() {
        var joining = PageContinuation(table: "applications")
        #expect(joining.crossing(pages: [2, 3])?.code == "table.crosses_pages")
        #expect(joining.add([Self.row("一、本年新收", page: 2), Self.row("二、上年结转政府", page: 2)], leading: "",
                            page: 2, isLastPage: false).isEmpty)
        let findings = joining.add([Self.row("三、本年度办理结果", page: 3)], leading: "信息公开申请数量", page: 3, isLastPage: true)
        #expect(findings.map(\.code) == ["table.row_split_by_page"])
        #expect(joining.rows.map(\.label) == ["一、本年新收", "二、上年结转政府信息公开申请数量", "三、本年度办理结果"])
        #expect(joining.rows.map(\.mayContinue) == [false, true, false])
        #expect(joining.continued == [.init(row: 1, from: 2, to: 3, joined: "信息公开申请数量")])
    }

    @Test func headerTextAtTheTopIsNotALabel() {
        var joining = PageContinuation(table: "applications")
        _ = joining.add([Self.row("二、上年结转", page: 2)], leading: "", page: 2, isLastPage: false)
        let findings = joining.add([Self.row("三、本年度办理结果", page: 3)], leading: "自然人商业企业", page: 3, isLastPage: true)
        #expect(findings.isEmpty)
        #expect(joining.rows[0].label == "二、上年结转")
        #expect(joining.continued == [.init(row: 0, from: 2, to: 3, joined: "")])
    }

    @Test func aTableOnOnePageCrossesNone() {
        var joining = PageContinuation(table: "applications")
        #expect(joining.crossing(pages: [2]) == nil)
        _ = joining.add([Self.row("一", page: 2)], leading: "x", page: 2, isLastPage: true)
        #expect(joining.rows.map(\.label) == ["一"] && joining.continued.isEmpty)
    }
}

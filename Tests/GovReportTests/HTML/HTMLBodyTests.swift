import Testing
@testable import GovReport

@Suite struct HTMLBodyTests {
    static let title = "岚川市人民政府2024年政府信息公开工作年度报告"

    static func reviewTable() -> HTMLNode {
        H.table(H.tr(H.td("行政复议", cs: 5), H.td("行政诉讼", cs: 10)),
                H.tr(H.td("结果维持"), H.td("结果纠正"), H.td("其他结果"), H.td("尚未审结"), H.td("总计")),
                H.tr(H.td("1"), H.td("0"), H.td("0"), H.td("0"), H.td("1")))
    }

    /// A CMS page: navigation whose links name headings and other reports, the title outside
    /// the content div, a date line, a hidden copy of a heading, a footer.
    static func page() -> HTMLElement {
        H.element(H.el("html", [:],
            H.el("head", [:], H.el("title", [:], H.t(title + "_岚川市人民政府网"))),
            H.el("body", [:],
                H.el("ul", ["class": "nav"],
                     H.el("li", [:], H.el("a", ["href": "/"], H.t("一、总体情况"))),
                     H.el("li", [:], H.el("a", ["href": "/2023"], H.t("岚川市人民政府2023年政府信息公开工作年度报告")))),
                H.el("div", ["class": "article"],
                     H.el("h1", [:], H.t(title)),
                     H.el("div", ["class": "info"], H.t("发布时间：2025-01-20")),
                     H.el("div", ["id": "zoom"],
                          H.el("p", [:], H.t("一、总体情况")),
                          H.el("p", [:], H.t("全年主动公开信息"), H.el("br", [:]), H.t("第二段。")),
                          H.el("p", [:], H.el("strong", [:], H.t("四、政府信息公开行政复议、行政诉讼情况"))),
                          reviewTable(),
                          H.el("p", [:], H.t("五、存在的主要问题及改进情况")),
                          H.el("p", [:], H.t("无。")))),
                H.el("div", ["style": "display: none"], H.t("三、收到和处理政府信息公开申请情况")),
                H.el("div", ["class": "footer"], H.t("版权所有：岚川市人民政府")))))
    }

    @Test func theBodyIsTheContentNotTheNavigation() throws {
        let body = try #require(HTMLBody.blocks(HTMLBlocks.blocks(Self.page())))
        let lines = body.compactMap(\.line)
        // The title just above the content comes first; the date line, nav and footer are out.
        #expect(lines == [Self.title, "一、总体情况", "全年主动公开信息", "第二段。", "四、政府信息公开行政复议、行政诉讼情况",
                          "五、存在的主要问题及改进情况", "无。"])
        #expect(body.compactMap(\.table).count == 1)
    }

    @Test func linkLinesAreNeitherHeadingsNorTitles() {
        let blocks = HTMLBlocks.blocks(Self.page())
        let nav = blocks.filter(\.isLink).compactMap(\.line)
        #expect(nav == ["一、总体情况", "岚川市人民政府2023年政府信息公开工作年度报告"])
        #expect(!blocks.filter(\.isLink).contains(where: HTMLBody.isPartHeading))
        #expect(!blocks.filter(\.isLink).contains(where: HTMLBody.isTitleBlock))
    }

    @Test func aTitleInsideTheBodyDropsTheFurnitureBeforeIt() throws {
        let root = H.element(H.el("div", [:],
            H.el("p", [:], H.t("发布日期：2025-01-20")),
            H.el("p", ["align": "center"], H.el("strong", [:], H.t(Self.title))),
            H.el("p", [:], H.t("一、总体情况")),
            Self.reviewTable()))
        let body = try #require(HTMLBody.blocks(HTMLBlocks.blocks(root)))
        #expect(body.first?.line == Self.title)
    }

    @Test func aPageWithoutTablesOrHeadingsHasNoBody() {
        let root = H.element(H.el("div", [:], H.el("p", [:], H.t("通知公告"))))
        #expect(HTMLBody.blocks(HTMLBlocks.blocks(root)) == nil)
    }

    @Test func pageTitleWithoutTheSiteName() {
        #expect(HTMLBody.pageTitle(Self.page()) == Self.title)
        let other = H.element(H.el("html", [:], H.el("head", [:], H.el("title", [:], H.t("岚川市人民政府网")))))
        #expect(HTMLBody.pageTitle(other) == "岚川市人民政府网")
    }

    @Test func reportFromTheValueTree() {
        let report = HTMLReport(root: Self.page())
        #expect(report.tables.review?.first?.cells == ["1", "0", "0", "0", "1", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil])
        #expect(report.lines.first?.text == Self.title)
        let sections = SectionReader.sections(in: report.lines)
        #expect(sections.overview == "全年主动公开信息\n第二段。")
        #expect(sections.problemsAndImprovements == "无。")
    }

    @Test func aLayoutTableIsWalkedAsContainers() {
        let root = H.element(H.el("body", [:],
            H.table(H.tr(.element(HTMLElement("td", [:], [H.el("p", [:], H.t(Self.title))]))),
                    H.tr(.element(HTMLElement("td", [:], [H.el("p", [:], H.t("四、政府信息公开行政复议、行政诉讼情况")),
                                                          Self.reviewTable()]))))))
        let blocks = HTMLBlocks.blocks(root)
        #expect(blocks.compactMap(\.line) == [Self.title, "四、政府信息公开行政复议、行政诉讼情况"])
        #expect(blocks.compactMap(\.table).count == 1)
    }

    @Test func aTitleBrokenAfterTheOrganization() throws {
        // <h1>岚川市人民政府<br>2024年…报告</h1>: the organization is the line above.
        let root = H.element(H.el("div", [:],
            H.el("h1", [:], H.t("岚川市人民政府"), H.el("br", [:]), H.t("2024年政府信息公开工作年度报告")),
            H.el("div", [:], H.el("p", [:], H.t("一、总体情况")), Self.reviewTable())))
        let report = HTMLReport(root: root)
        let title = ReportInfoReader.title(in: report.lines)
        #expect(title == Self.title)
        #expect(ReportInfoReader.organization(title: title) == "岚川市人民政府")
    }

    @Test func aTitleThatNamesItsOrganizationStandsAlone() throws {
        let title = "关于岚川市人民政府2024年政府信息公开工作年度报告"
        let root = H.element(H.el("div", [:],
            H.el("div", [:], H.t("岚川市人民政府门户网站")), H.el("h1", [:], H.t(title)),
            H.el("div", [:], H.el("p", [:], H.t("一、总体情况")), Self.reviewTable())))
        let body = try #require(HTMLBody.blocks(HTMLBlocks.blocks(root)))
        #expect(body.first?.line == title)
    }

    @Test func aLineWithALinkIsNotTheTitle() throws {
        // 上一篇：<a>…2023年…报告</a> above the content, and no title of its own.
        let root = H.element(H.el("div", [:],
            H.el("p", [:], H.t("上一篇："), H.el("a", ["href": "/2023"], H.t("岚川市人民政府2023年政府信息公开工作年度报告"))),
            H.el("div", [:], H.el("p", [:], H.t("一、总体情况")), Self.reviewTable())))
        let body = try #require(HTMLBody.blocks(HTMLBlocks.blocks(root)))
        #expect(body.first?.line == "一、总体情况")
    }

    @Test func aHeadingPrintedAsTheTablesFirstRowOrCaption() {
        let review = H.table(H.tr(H.td("四、政府信息公开行政复议、行政诉讼情况", cs: 15)),
                             H.tr(H.td("行政复议", cs: 5), H.td("行政诉讼", cs: 10)),
                             H.tr(H.td("结果维持"), H.td("结果纠正"), H.td("其他结果"), H.td("尚未审结"), H.td("总计")),
                             H.tr(H.td("1"), H.td("0"), H.td("0"), H.td("0"), H.td("1")))
        let root = H.element(H.el("div", [:],
            H.el("p", [:], H.t("一、总体情况")), H.el("p", [:], H.t("概述。")), review,
            H.el("p", [:], H.t("注：本表不含转办件。"))))
        let report = HTMLReport(root: root)
        #expect(report.lines.map(\.text) == ["一、总体情况", "概述。", "四、政府信息公开行政复议、行政诉讼情况", "注：本表不含转办件。"])
        #expect(SectionReader.sections(in: report.lines).overview == "概述。")
        #expect(report.tables.review?.first?.cells.prefix(5) == ["1", "0", "0", "0", "1"])

        let captioned = H.element(H.el("div", [:], H.el("table", [:],
            H.el("caption", [:], H.t("四、政府信息公开行政复议、行政诉讼情况")),
            H.tr(H.td("行政复议", cs: 5), H.td("行政诉讼", cs: 10)),
            H.tr(H.td("结果维持"), H.td("结果纠正"), H.td("其他结果"), H.td("尚未审结"), H.td("总计")),
            H.tr(H.td("1"), H.td("0"), H.td("0"), H.td("0"), H.td("1")))))
        #expect(HTMLReport(root: captioned).lines.map(\.text) == ["四、政府信息公开行政复议、行政诉讼情况"])
    }

    @Test func aTablePrintedAsTwoTablesContinues() {
        // The applications table cut in two; the second part has no header and few words.
        let first = H.table(H.tr(H.td("项目", rs: 3, cs: 3), H.td("申请人情况", cs: 7)),
                            H.tr(H.td("自然人", rs: 2), H.td("法人或其他组织", cs: 5), H.td("总计", rs: 2)),
                            H.tr(H.td("商业企业"), H.td("科研机构"), H.td("社会公益组织"), H.td("法律服务机构"), H.td("其他")),
                            H.tr(H.td("一、本年新收政府信息公开申请数量", cs: 3), H.td("2"), H.td("0"), H.td("0"), H.td("0"),
                                 H.td("0"), H.td("0"), H.td("2")))
        let second = H.table(H.tr(H.td("（七）总计", cs: 2), H.td("2"), H.td("0"), H.td("0"), H.td("0"), H.td("0"),
                                  H.td("0"), H.td("2")))
        let root = H.element(H.el("div", [:],
            H.el("p", [:], H.t("三、收到和处理政府信息公开申请情况")), first, second,
            H.el("p", [:], H.t("五、存在的主要问题及改进情况"))))
        let rows = HTMLReport(root: root).tables.applications ?? []
        #expect(rows.map(\.label) == ["一、本年新收政府信息公开申请数量", "（七）总计"])
        #expect(rows.last?.cells.first == "2")
    }
}

import Testing
@testable import GovReport

@Suite struct ReportInfoReaderTests {
    static func lines(_ texts: [String], size: Double? = nil) -> [DocumentLine] {
        texts.map { DocumentLine(text: $0, size: size) }
    }

    @Test func titleOverTwoLinesInTheSamePrintSize() {
        let lines = [DocumentLine(text: "凤溪县人民政府2020年", size: 22), DocumentLine(text: "政府信息公开工作年度报告", size: 22),
                     DocumentLine(text: "本报告根据《中华人民共和国政府信息公开条例》编制。", size: 16)]
        let title = ReportInfoReader.title(in: lines)
        #expect(title == "凤溪县人民政府2020年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: title) == "凤溪县人民政府")
        #expect(ReportInfoReader.year(title: title, lines: lines) == 2020)
    }

    @Test func titleAfterWebNavigationWithABracketedNote() {
        // A web page printed to PDF: navigation and a breadcrumb before the article's title.
        let lines = Self.lines(["首页 政务公开 政府信息公开年报", "当前位置：首页 > 政务公开 > 滨江区人民政府2023年政府信息公开工作年度报告",
                                "滨江区人民政府2023年政府信息公开工作年度报告（全文）", "一、总体情况"])
        let title = ReportInfoReader.title(in: lines)
        #expect(title == "滨江区人民政府2023年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: title) == "滨江区人民政府")
        #expect(ReportInfoReader.endsTitle("某局2023年政府信息公开年报"))
        #expect(!ReportInfoReader.endsTitle("本报告由办公室编制。"))
    }

    @Test func titleBrokenAfterTheOrganization() {
        let lines = [DocumentLine(text: "澄州市生态环境局", size: 20), DocumentLine(text: "2021年政府信息公开工作年度报告", size: 20),
                     DocumentLine(text: "一、总体情况", size: 16)]
        let title = ReportInfoReader.title(in: lines)
        #expect(title == "澄州市生态环境局2021年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: title) == "澄州市生态环境局")
    }

    @Test func titleInPiecesFarApart() {
        // Text laid out at a fixed pitch narrower than a large title's characters
        // (`pdftotext -layout -fixed 3`): its pieces stand columns apart, joined by tabs.
        let lines = Self.lines(["当前位置：首页\t>\t政务公开\t>\t政府信息公开年报", "泗阳县卫生健康委员会\t2021\t年政府信息公开工作年度报告",
                                "本报告由泗阳县卫生健康委员会办公室编制。", "一、总体情况"])
        let title = ReportInfoReader.title(in: lines)
        #expect(ReportInfoReader.organization(title: title) == "泗阳县卫生健康委员会")
        #expect(ReportInfoReader.year(title: title, lines: lines) == 2021)
        // A side menu beside the article's title still gives way to the title alone.
        let menu = Self.lines(["首页\t滨江区人民政府2023年政府信息公开工作年度报告", "一、总体情况"])
        #expect(ReportInfoReader.title(in: menu) == "滨江区人民政府2023年政府信息公开工作年度报告")
    }

    @Test func titleLineOfText() {
        // Text input: no print sizes. The title ends at the line that ends with 报告.
        let lines = Self.lines(["三门峡市科学技术局 2024 年政府信息公开工作年度报告", "一、总体情况", "（一）主动公开情况"])
        let title = ReportInfoReader.title(in: lines)
        #expect(title == "三门峡市科学技术局 2024 年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: title) == "三门峡市科学技术局")
        #expect(ReportInfoReader.year(title: title, lines: lines) == 2024)
    }

    @Test func yearFirstTitle() {
        let t = "2020年云宁县花园镇人民政府政府信息公开工作年度报告"
        let lines = Self.lines([t, "一、总体情况"])
        let title = ReportInfoReader.title(in: lines)
        #expect(title == t)
        #expect(ReportInfoReader.organization(title: title) == "云宁县花园镇人民政府")
        #expect(ReportInfoReader.year(title: title, lines: lines) == 2020)
        #expect(ReportInfoReader.organization(title: "2023年度岚川市审计局政府信息公开工作年度报告") == "岚川市审计局")
    }

    @Test func organizationWithGuanYu() {
        #expect(ReportInfoReader.organization(title: "关于岚川市人民政府2022年政府信息公开工作年度报告")
                == "岚川市人民政府")
        #expect(ReportInfoReader.organization(title: "岚川市教育局关于2022年度政府信息公开工作年度报告的")
                == "岚川市教育局")
        #expect(ReportInfoReader.organization(title: nil) == nil)
        #expect(ReportInfoReader.organization(title: "政府信息公开工作年度报告") == nil)
    }

    @Test func titleFoundFurtherDownAndFallback() {
        // Body text first (no title at the top): the title line is found in the opening lines.
        let lines = [DocumentLine(text: "索引号：11410000-2021-00012", size: 9),
                     DocumentLine(text: "岚川市审计局2021年政府信息公开工作年度报告", size: 18),
                     DocumentLine(text: "根据条例要求，现公布本年度报告。", size: 12)]
        #expect(ReportInfoReader.title(in: lines) == "岚川市审计局2021年政府信息公开工作年度报告")
        // Nothing in the text names the report: the PDF's own title is used.
        let none = Self.lines(["会议通知", "各单位："])
        #expect(ReportInfoReader.title(in: none, fallback: "岚川市审计局 2023年  年报") == "岚川市审计局 2023年年报")
        #expect(ReportInfoReader.title(in: none) == nil)
    }

    @Test func titleIgnoresAPreambleLineOfTheSameSize() {
        // A web page saved as text: a date line above the title, no print sizes to tell them apart.
        let lines = Self.lines(["发布日期：2021-01-15", "云宁县人民政府2020年政府信息公开工作年度报告", "一、总体情况"])
        #expect(ReportInfoReader.title(in: lines) == "云宁县人民政府2020年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: ReportInfoReader.title(in: lines)) == "云宁县人民政府")
    }

    @Test func yearIsTheFirstYearFollowedByNian() {
        #expect(ReportInfoReader.firstYear(in: "国办公开办函〔2021〕30号 2022年") == 2022)
        #expect(ReportInfoReader.firstYear(in: "２０２３年") == 2023)
        #expect(ReportInfoReader.firstYear(in: "20240年") == nil)
        #expect(ReportInfoReader.firstYear(in: "1850年") == nil)
        // Without a year in the title, the opening text has it.
        let lines = Self.lines(["某局政府信息公开工作年度报告", "本报告说明2019年1月1日至12月31日的情况。"])
        #expect(ReportInfoReader.year(title: "某局政府信息公开工作年度报告", lines: lines) == 2019)
        #expect(ReportInfoReader.year(title: nil, lines: Self.lines(["没有年份"])) == nil)
    }
}

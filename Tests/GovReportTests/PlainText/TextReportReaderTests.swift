import Foundation
import Testing
@testable import GovReport

@Suite struct TextReportReaderTests {
    static func row(_ label: String, _ values: [String]) -> String { ([label] + values).joined(separator: "\t") }

    @Test func tabCellsMakeRowsOfValues() {
        let (rows, _) = TextReportReader.rows([
            Self.row("一、本年新收政府信息公开申请数量", ["12", "3", "0", "0", "0", "1", "16"]),
        ], width: 7)
        #expect(rows == [RawRow(label: "一、本年新收政府信息公开申请数量", cells: ["12", "3", "0", "0", "0", "1", "16"])])
    }

    @Test func blankCellsAreNil() {
        let (rows, _) = TextReportReader.rows([
            Self.row("二、上年结转政府信息公开申请数量", ["1", "", " ", "", "", "", "1"]),
            Self.row("四、结转下年度继续办理", ["", "", "", "", "", "", ""]),
        ], width: 7)
        #expect(rows.count == 2)
        #expect(rows[0].cells == ["1", nil, nil, nil, nil, nil, "1"])
        #expect(rows[1].label == "四、结转下年度继续办理")
        #expect(rows[1].cells == [String?](repeating: nil, count: 7))
    }

    @Test func trailingTabsAreDropped() {
        let (rows, _) = TextReportReader.rows([
            Self.row("（一）予以公开", ["5", "0", "0", "0", "0", "0", "5", "", ""]),
        ], width: 7)
        #expect(rows.first?.cells == ["5", "0", "0", "0", "0", "0", "5"])
    }

    @Test func aMergedGroupCellPrecedesTheLabel() {
        let (rows, _) = TextReportReader.rows([
            "三、本年度办理结果\t（三）不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
            "\t\t2. 其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1",
        ], width: 7)
        #expect(rows.map(\.label) == ["三、本年度办理结果（三）不予公开1. 属于国家秘密", "2. 其他法律行政法规禁止公开"])
        #expect(rows[1].cells.first == "1")
    }

    @Test func aLabelSplitOverLinesIsJoined() {
        let (rows, _) = TextReportReader.rows([
            "（二）部分公开（区分处理的，只计这一情形，",
            Self.row("不计其他情形）", ["2", "0", "0", "0", "0", "0", "2"]),
            "2. 申请人逾期未按收费通知要求缴纳费用、",
            "行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
        ], width: 7)
        #expect(rows.map(\.label) == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                                      "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"])
        #expect(rows[0].cells.first == "2")
    }

    @Test func headerLinesAreNotRows() {
        let (rows, header) = TextReportReader.rows([
            "第二十条第（一）项\t\t\t",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            Self.row("规章", ["0", "0", "3"]),
            "第二十条第（八）项\t\t\t",
            "信息内容\t本年收费金额（单位：万元）",
            Self.row("行政事业性收费", ["12.5"]),
        ], width: nil)
        #expect(rows.map(\.label) == ["规章", "行政事业性收费"])
        #expect(rows.map(\.cells) == [["0", "0", "3"], ["12.5"]])
        #expect(rows[1].header == "信息内容 本年收费金额（单位：万元）")
        #expect(header.contains("本年制发件数") && header.contains("本年收费金额"))
    }

    @Test func aRowOfValuesOnlyIsTheReviewRow() {
        let (rows, _) = TextReportReader.rows([
            "行政复议\t行政诉讼",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
            "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t1\t0\t0\t1",
        ], width: 15)
        #expect(rows.count == 1)
        #expect(rows.first?.cells.count == 15)
        #expect(rows.first?.cells.first == "1" && rows.first?.cells.last == "1")
    }

    // MARK: a whole small report

    static let report = """
        岚川市审计局2022年政府信息公开工作年度报告

        一、总体情况
        本局认真贯彻落实条例。
        全年主动公开信息88条。

        二、主动公开政府信息情况
        第二十条第（一）项\t\t\t
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t0
        行政规范性文件\t1\t0\t4
        第二十条第（五）项
        信息内容\t本年处理决定数量
        行政许可\t１２
        第二十条第（六）项
        信息内容\t本年处理决定数量
        行政处罚\t3
        行政强制\t—
        第二十条第（八）项
        信息内容\t本年收费金额（单位：万元）
        行政事业性收费\t1,234.5

        三、收到和处理政府信息公开申请情况
        \t申请人情况
        \t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计
        一、本年新收政府信息公开申请数量\t2\t1\t0\t0\t0\t0\t3\t
        二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t
        三、本年度办理结果\t（一）予以公开\t2\t1\t0\t0\t0\t0\t3
        （七）总计\t2\t1\t0\t0\t0\t0\t3
        四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0

        四、政府信息公开行政复议、行政诉讼情况
        行政复议\t行政诉讼
        结果维持\t结果纠正\t其他结果\t尚未审结\t总计
        0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0

        五、存在的主要问题及改进情况
        公开内容不够全面。
        六、其他需要报告的事项
        无。
        """

    @Test func readsTheTablesOfASmallReport() throws {
        let tables = TextReportReader(text: Self.report.replacingOccurrences(of: "\n", with: "\r\n")).tables
        let active = try #require(tables.active)
        #expect(active.map(\.label) == ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"])
        #expect(active.map(\.cells) == [["0", "0", "0"], ["1", "0", "4"], ["１２"], ["3"], ["—"], ["1,234.5"]])
        #expect(tables.activeHeaderText.contains("本年制发件数"))
        let apps = try #require(tables.applications)
        #expect(apps.map(\.label) == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
                                      "三、本年度办理结果（一）予以公开", "（七）总计", "四、结转下年度继续办理"])
        #expect(apps[1].cells == [String?](repeating: nil, count: 7))
        #expect(tables.review?.first?.cells.count == 15)
    }

    @Test func extractsASmallReportEndToEnd() throws {
        let r = try ReportExtractor.extract(data: Data(Self.report.utf8), name: "small.txt")
        #expect(r.source.kind == .text && r.source.path == "small.txt" && r.source.pages == nil)
        #expect(r.report.organization == "岚川市审计局" && r.report.year == 2022 && r.report.template == .v2021)
        #expect(r.activeDisclosure["licensing"]?["decisions"] == 12)
        #expect(r.activeDisclosure["coercion"]?["decisions"] == nil)
        #expect(r.activeDisclosure["fees"]?["amount"] == dec("1234.5"))
        #expect(r.applications["new_received"]?.values == [2, 1, 0, 0, 0, 0, 3])
        #expect(r.applications["carried_over"]?.values == [nil, nil, nil, nil, nil, nil, nil])
        #expect(r.applications["granted"]?["total"] == 3)
        #expect(r.applications["denied_state_secret"] == nil)
        #expect(r.reviewLitigation["review"]?.values == [0, 0, 0, 0, 0])
        #expect(r.sections.overview == "本局认真贯彻落实条例。\n全年主动公开信息88条。")
        #expect(r.sections.problemsAndImprovements == "公开内容不够全面。")
        #expect(r.sections.otherMatters == "无。")
        // The rows it does not print are reported missing; the arithmetic holds.
        #expect(Set(r.findings.map(\.code)) == ["structure.missing_row"])
    }

    @Test func textInOtherEncodings() throws {
        let utf16 = try #require(Self.report.data(using: .utf16))   // with a BOM
        let r = try ReportExtractor.extract(data: utf16, name: "small.txt")
        #expect(r.report.organization == "岚川市审计局")
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(Self.report.utf8)
        #expect(try ReportExtractor.extract(data: bom, name: "small.txt").report.year == 2022)
    }

    @Test func textThatIsNotAReport() {
        #expect(throws: InputError.notAReport) {
            try ReportExtractor.extract(data: Data("番茄炒蛋\n1. 打蛋\t2个\n".utf8), name: "recipe.txt")
        }
        #expect(throws: InputError.empty) { try ReportExtractor.extract(data: Data(), name: "x.txt") }
        // A web page is read as HTML; an empty one is no report.
        #expect(throws: InputError.notAReport) {
            try ReportExtractor.extract(data: Data("<html></html>".utf8), name: "x.html")
        }
    }
}

import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

@Suite struct CheckWritersTests {
    /// An inconsistent report (四、结转 商业企业 overstated), a clean one, and one whose prose
    /// disagrees with its table, with a name that needs escaping in HTML.
    static func harvest() -> [CheckedReport] {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        let bad = CheckingBuild.report(organization: "岚川市财政局", year: 2024,
                                       applications: CheckingBuild.paged(apps, page: 3))
        let clean = CheckingBuild.report(organization: "岚川市人民政府", year: 2024)
        let prose = CheckingBuild.report(organization: "<b>岚川</b>市教育局", year: 2023,
                                         overview: "全年共收到政府信息公开申请99件。")
        return ReportChecker.check([clean, bad, prose].map { CheckingBuild.entry($0) })
    }

    // MARK: text

    @Test func textPutsTheMostSeriousReportFirstWithCellsAndQuotes() {
        let reports = Self.harvest()
        let text = TextCheckWriter().write(reports, summary: HarvestSummary(reports))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("岚川市财政局-2024.txt (岚川市财政局 2024): 2 finding(s): 2 errors"))
        #expect(lines[1].contains("ERROR applications.balance applications.total_processed.commercial p.3"))
        #expect(lines[1].hasSuffix("[expected 2, actual 4]"))
        #expect(lines[2] == "      cells: new_received.commercial=2 p.3, carried_over.commercial=0 p.3, total_processed.commercial=2 p.3, carried_forward.commercial=2 p.3")
        #expect(text.contains("WARNING prose.table_mismatch applications.new_received.total"))
        #expect(text.contains("      正文：全年共收到政府信息公开申请99件。"))
        #expect(text.contains("岚川市人民政府-2024.txt (岚川市人民政府 2024): OK, every rule holds"))
        #expect(text.contains("3 reports: 1 with errors, 1 with warnings only, 1 clean"))
        #expect(text.contains("error    applications.balance  2 in 1 report"))
        #expect(!text.contains("\u{1B}["))
        #expect(TextCheckWriter(color: true).write(reports, summary: HarvestSummary(reports)).contains("\u{1B}[1;31mERROR"))
    }

    @Test func oneReportHasNoSummary() {
        let one = [Self.harvest()[0]]
        #expect(TextCheckWriter().write(one, summary: HarvestSummary(one)) == "岚川市人民政府-2024.txt (岚川市人民政府 2024): OK, every rule holds")
    }

    // MARK: JSON

    @Test func jsonKeepsInputOrderAndGivesCellsAndFacts() throws {
        let json = CheckJSONWriter().json(Self.harvest())
        let items = try #require(json.array)
        #expect(items.map { $0["path"]?.string } == ["岚川市人民政府-2024.txt", "岚川市财政局-2024.txt", "<b>岚川</b>市教育局-2023.txt"])
        let balance = try #require(items[1]["findings"]?.array?.first)
        #expect(balance["code"]?.string == "applications.balance" && balance["page"] == .number(3))
        #expect(balance["cells"]?.array?.count == 4)
        #expect(balance["cells"]?.array?.first?["box"] == nil)
        let stated = try #require(items[2]["stated"]?.array?.first)
        #expect(stated["fact"]?.string == "new_received" && stated["value"] == .number(99))
        #expect(items[2]["findings"]?.array?.first?["quotes"]?.array?.count == 2)
        #expect(items[0]["report"]?["year"] == .number(2024) && items[2]["report"]?["year"] == .number(2023))
    }

    @Test func jsonProvenanceAddsBoxes() throws {
        var r = Self.harvest()[1]
        let box = Rect(x0: 1, y0: 2, x1: 3, y1: 4)
        r.findings[0].cells[0].box = box
        let with = CheckJSONWriter(provenance: true).json([r])
        #expect(with.array?.first?["findings"]?.array?.first?["cells"]?.array?.first?["box"]
                == .array([.number(1), .number(2), .number(3), .number(4)]))
    }

    // MARK: HTML

    @Test func htmlHighlightsTheCellsOfEachFinding() throws {
        let html = HTMLReportWriter().html(Self.harvest())
        for row in ["new_received", "carried_over", "total_processed", "carried_forward"] {
            for column in ["commercial", "total"] {
                #expect(html.contains("cell-error\" data-cell=\"applications.\(row).\(column)\""), "\(row).\(column)")
            }
        }
        #expect(html.components(separatedBy: "cell-error\" data-cell=").count - 1 == 8)
        #expect(html.contains("cell-warning\" data-cell=\"applications.new_received.total\""))
        #expect(html.contains(RuleText.explanation("applications.balance")))
        #expect(html.contains("本年新收与上年结转之和应等于办理结果总计与结转下年度之和"))
        #expect(html.contains("应为 2，实为 4"))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let html = HTMLReportWriter().html(Self.harvest(), failures: [.init(path: "bad.pdf", reason: "is empty")])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<b>岚川</b>"))
        #expect(html.contains("&lt;b&gt;岚川&lt;/b&gt;市教育局"))
        #expect(!html.contains("src="))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<style>") && html.contains("<script>"))
        #expect(html.contains("id=\"report-list\" class=\"sortable\""))
        #expect(html.contains("<td>bad.pdf</td><td>is empty</td>"))
        #expect(html.contains("共 <b>3</b> 份报告"))
    }

    @Test func htmlIsDeterministic() {
        #expect(HTMLReportWriter().html(Self.harvest()) == HTMLReportWriter().html(Self.harvest()))
    }

    @Test func everyRuleHasAChineseExplanation() {
        let codes = ["applications.balance", "applications.total_processed", "applications.row_total",
                     "review_litigation.group_total", "value.negative", "value.not_integer", "structure.missing_row",
                     "structure.missing_table", "cross.carry_over", "cross.duplicate", "cross.missing_year",
                     "prose.table_mismatch", "prose.fee_mismatch"]
        for code in codes {
            #expect(!RuleText.explanation(code).isEmpty && RuleText.name(code) != code, "\(code)")
        }
    }
}

import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

@Suite struct ProseCheckerTests {
    /// Build.consistentApplications: 一、本年新收 总计 12, 二 1, （七） 13, 四 0.
    static func check(_ overview: String, applications: TableValues? = nil) -> [CheckFinding] {
        let apps = CheckingBuild.paged(applications ?? Build.consistentApplications(), page: 3)
        let r = CheckingBuild.report(applications: apps, overview: overview)
        return ProseChecker.findings(for: r, facts: ProseFacts.facts(in: r.sections, year: r.report.year))
    }

    @Test func agreeingProseSaysNothing() {
        #expect(Self.check("全年共收到政府信息公开申请12件，上年结转1件，共办结13件，结转下年度继续办理0件。").isEmpty)
    }

    @Test func disagreementIsAWarningQuotingBothSides() throws {
        let f = Self.check("全年共收到政府信息公开申请15件，上年结转1件。")
        let w = try #require(f.first)
        #expect(f.count == 1)
        #expect(w.code == "prose.table_mismatch" && w.severity == .warning)
        #expect(w.finding.table == "applications" && w.finding.row == "new_received" && w.finding.column == "total")
        #expect(w.finding.expected == 12 && w.finding.actual == 15 && w.finding.page == 3)
        #expect(w.quotes.count == 2)
        #expect(w.quotes[0].contains("全年共收到政府信息公开申请15件"))
        #expect(w.quotes[1].contains("一、本年新收政府信息公开申请数量") && w.quotes[1].contains("12") && w.quotes[1].contains("第3页"))
        #expect(w.cells.map(\.key) == ["applications.new_received.total"])
    }

    @Test func aSumOfRowsIsComparedAsASum() {
        // 予以公开 7 + 部分公开 0 = 7.
        #expect(Self.check("其中予以公开和部分公开7件。").isEmpty)
        let f = Self.check("其中予以公开和部分公开9件。")
        #expect(f.first?.cells.map(\.row) == ["granted", "partially_granted"])
        #expect(f.first?.finding.expected == 7)
    }

    @Test func blanksCountAsZero() {
        var apps = Build.consistentApplications()
        for c in Template.applicationColumns { apps.set("carried_forward", c, nil) }
        #expect(Self.check("结转下年度继续办理0件。", applications: apps).isEmpty)
    }

    @Test func noTableCellNoFinding() {
        var apps = Build.consistentApplications()
        apps.remove("carried_over")
        #expect(Self.check("上年结转5件。", applications: apps).isEmpty)
        // 信息处理费 is in no table: alone it is never compared.
        #expect(Self.check("收取信息处理费300元。").isEmpty)
    }

    @Test func feeStatedTwoWaysIsAWarning() throws {
        let f = Self.check("本年度未收取信息处理费。\n本年度收取信息处理费200元。")
        let w = try #require(f.first)
        #expect(f.map(\.code) == ["prose.fee_mismatch"] && w.severity == .warning)
        #expect(w.quotes.count == 2 && w.quotes[1].contains("200元"))
        #expect(Self.check("本年度未收取信息处理费。\n全年收取信息处理费0元。").isEmpty)
    }

    @Test func theSameSentenceTwiceIsOneFinding() {
        #expect(Self.check("全年共收到政府信息公开申请15件。\n全年共收到政府信息公开申请15件。").count == 1)
    }
}

import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

/// The acceptance fixture: two reports of one organization whose carried numbers disagree.
@Suite struct YearPairFixtureTests {
    static func check(_ names: [String]) throws -> [CheckedReport] {
        let entries = try names.map { HarvestChecker.Entry(path: $0, report: try CheckingFixtures.extract($0)) }
        return ReportChecker.check(entries)
    }

    @Test func eachReportAddsUpOnItsOwn() throws {
        for name in ["year-pair/lanxi-kjj-2023.txt", "year-pair/lanxi-kjj-2024.txt", "lanxi-kjj-2026.txt"] {
            let r = try CheckingFixtures.extract(name)
            #expect(r.findings.isEmpty, "\(name): \(r.findings.map(\.code))")
            #expect(r.report.organization == "岚溪县科学技术局")
        }
    }

    @Test func theCarriedNumbersDisagree() throws {
        let checked = try Self.check(["year-pair/lanxi-kjj-2024.txt", "year-pair/lanxi-kjj-2023.txt"])
        #expect(checked[1].findings.isEmpty)
        // Besides, 2024's 一、总体情况 is 2023's text with the numbers changed.
        #expect(checked[0].findings.map(\.code) == ["cross.carry_over", "cross.carry_over", "cross.prose_reused"])
        let f = checked[0].findings.filter { $0.code == "cross.carry_over" }
        #expect(f.map { $0.finding.column } == ["natural_person", "total"])
        #expect(f.allSatisfy { $0.severity == .error && $0.finding.expected == 2 && $0.finding.actual == 1 })
        #expect(f[0].otherReports == ["year-pair/lanxi-kjj-2023.txt"])
        #expect(f[0].cells.map(\.value) == [1, 2])
    }

    @Test func theGapYearAndTheProse() throws {
        let checked = try Self.check(["year-pair/lanxi-kjj-2023.txt", "year-pair/lanxi-kjj-2024.txt", "lanxi-kjj-2026.txt"])
        let f = checked[2].findings
        #expect(f.map(\.code) == ["cross.missing_year", "prose.table_mismatch", "prose.fee_mismatch"])
        #expect(f.allSatisfy { $0.severity == .warning })
        #expect(f[1].quotes.first == "正文：全年共收到政府信息公开申请15件，均在法定期限内答复。")
        // 行政复议1件 and 未发生行政诉讼 agree with the table: stated, not flagged.
        #expect(checked[2].facts.map(\.kind).contains(.review))
        #expect(checked[2].facts.map(\.kind).contains(.litigation))
    }
}

import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

/// `check` lists and highlights the cells the validator says each finding involves.
@Suite struct CheckCellsTests {
    static func checked(_ apps: TableValues, review: TableValues? = nil) -> CheckedReport {
        let r = Build.report(applications: CheckingBuild.paged(apps, page: 3), review: review)
        return ReportChecker.check([.init(path: "x.txt", report: r)])[0]
    }

    @Test func balanceNamesItsFourCellsAndThePage() throws {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        let f = try #require(Self.checked(apps).findings.first)
        #expect(f.code == "applications.balance" && f.finding.page == 3)
        #expect(f.cells.map(\.row) == ["new_received", "carried_over", "total_processed", "carried_forward"])
        #expect(f.cells.map(\.value) == [2, 0, 2, 2])
        #expect(f.cells.allSatisfy { $0.page == 3 && $0.column == "commercial" })
    }

    @Test func aFindingTheExtractorRecordedAsADoubtStaysAWarning() throws {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        var r = Build.report(applications: CheckingBuild.paged(apps, page: 3))
        r.diagnostics.append(Finding(code: "cell.uncertain", severity: .warning, message: "unsure", table: "applications",
                                     row: "carried_forward", column: "commercial", page: 3))
        r.findings = DoubtedFindings.findings(for: r)
        let f = try #require(ReportChecker.check([.init(path: "x.txt", report: r)])[0].findings.first {
            $0.code == "applications.balance" && $0.finding.column == "commercial"
        })
        #expect(f.severity == .warning && f.finding.message.contains("may be misread"))
        #expect(f.cells.count == 4)
    }

    @Test func totalProcessedNamesTheResultRowsThenTheTotal() throws {
        var apps = Build.consistentApplications()
        apps.set("granted", "natural_person", 7)
        apps.set("granted", "total", 8)
        let f = try #require(Self.checked(apps).findings.first { $0.code == "applications.total_processed" })
        #expect(f.cells.count == 22)   // （一）…（六）'s 21 rows with the three （六） sub-rows, then （七）
        #expect(f.cells.last?.row == "total_processed")
        #expect(!f.cells.contains { $0.row == "other_processing" })
        #expect(f.finding.page == 3)
    }

    @Test func rowAndGroupTotalsNameTheirRow() throws {
        var apps = Build.consistentApplications()
        apps.set("denied_state_secret", "total", 3)
        apps.set("total_processed", "total", 14)
        apps.set("carried_forward", "total", -1)
        let row = try #require(Self.checked(apps).findings.first { $0.code == "applications.row_total" })
        #expect(Set(row.cells.map(\.row)).count == 1 && row.cells.count == 7)

        let review = Build.review([[1, 0, 0, 1, 3], [0, 1, 0, 0, 1], [0, 0, 0, 0, 0]])
        let g = try #require(Self.checked(Build.consistentApplications(), review: review).findings.first)
        #expect(g.code == "review_litigation.group_total")
        #expect(g.cells.map(\.column) == Template.reviewFields && g.cells.allSatisfy { $0.row == "review" })
    }

    @Test func theCellsAreTheValidatorsWithTheirValuesAndPages() {
        var apps = Build.consistentApplications()
        apps.set("granted", "natural_person", 7)
        apps.set("carried_forward", "commercial", 2)
        let r = Build.report(applications: CheckingBuild.paged(apps, page: 3))
        let checked = ReportChecker.check([.init(path: "x.txt", report: r)])[0]
        let rules = Validator.check(r)
        #expect(checked.findings.map(\.cells.count) == rules.map(\.cells.count))
        for (c, rule) in zip(checked.findings, rules) {
            #expect(c.cells.map(\.key) == rule.cells.map(\.key))
            #expect(c.cells.allSatisfy { $0.page == 3 })
        }
    }

    @Test func findingsComeMostSeriousFirst() {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        let r = Build.report(applications: apps)
        var withProse = r
        withProse.sections.overview = "全年共收到政府信息公开申请99件。"
        let c = ReportChecker.check([.init(path: "x.txt", report: withProse)])[0]
        #expect(c.findings.map(\.severity) == [.error, .error, .warning])
        #expect(c.worst == .error && c.errors == 2 && c.warnings == 1)
    }

    @Test func canonicalJSONWithoutProvenanceKeepsTheRecordedFindingsPage() throws {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        var r = Build.report(applications: CheckingBuild.paged(apps, page: 3))
        r.findings = Validator.findings(for: r)
        let back = try #require(CanonicalReport(json: try JSONValue.parse(Data(r.json.serialized().utf8))))
        #expect(back.applications["total_processed"]?.page == nil)
        let c = ReportChecker.check([.init(path: "x.json", report: back)])[0]
        #expect(c.findings.map(\.finding.page) == [3, 3])
        #expect(c.findings[0].cells.allSatisfy { $0.page == nil })
    }

    @Test func cellsCarryTheBoxWhenTheRowHasGeometry() {
        let box = Rect(x0: 10, y0: 20, x1: 30, y1: 32)
        let row = RowValues(key: "review", fields: Template.reviewFields, values: [1, 0, 0, 0, 1], page: 4,
                            geometry: RowGeometry(label: nil, cells: [box, nil, nil, nil, nil]))
        var r = Build.report()
        r.reviewLitigation.rows[0] = row
        let c = CellRef.of(r, .review(.review, .upheld))
        #expect(c?.box == box && c?.page == 4 && c?.value == 1)
        #expect(CellRef.of(r, .review(.review, .corrected))?.box == nil)
    }
}

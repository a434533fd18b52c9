import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

@Suite struct HarvestCheckerTests {
    typealias B = CheckingBuild

    /// Build.consistentApplications with 二、上年结转 set (its 四、结转 is 0 in every column, so
    /// a year carrying 0 over follows it). Only the cross-report rules are under test here.
    static func nextYear(carriedOver: [Decimal?] = Array(repeating: 0, count: 7)) -> TableValues {
        var apps = Build.consistentApplications()
        for (c, v) in zip(Template.applicationColumns, carriedOver) { apps.set("carried_over", c, v) }
        return apps
    }

    @Test func carriedNumbersThatAgreeSayNothing() {
        let a = B.report(year: 2023, applications: Self.nextYear()), b = B.report(year: 2024, applications: Self.nextYear())
        #expect(HarvestChecker.findings([B.entry(a), B.entry(b)]).allSatisfy { $0.isEmpty })
    }

    @Test func carriedNumbersThatDisagreeAreAnErrorPerColumnOnTheLaterReport() throws {
        let a = B.report(year: 2023)
        // Not internally consistent any more, but only the cross-report rule is under test here.
        let b = B.report(year: 2024, applications: Self.nextYear(carriedOver: [1, 0, 0, 0, 0, 0, 1]))
        let f = HarvestChecker.findings([B.entry(b), B.entry(a)])   // order of input does not matter
        #expect(f[1].isEmpty)
        #expect(f[0].map(\.code) == ["cross.carry_over", "cross.carry_over"])
        #expect(f[0].map { $0.finding.column } == ["natural_person", "total"])
        let first = try #require(f[0].first)
        #expect(first.severity == .error)
        #expect(first.finding.expected == 0 && first.finding.actual == 1)
        #expect(first.otherReports == [a.source.path])
        #expect(first.cells.map(\.row) == ["carried_over", "carried_forward"])
        #expect(first.cells.map(\.report) == [nil, a.source.path])
    }

    @Test func blanksCountAsZeroAndMissingRowsAreNotCompared() {
        let a = B.report(year: 2023)
        let blank = B.report(year: 2024, applications: Self.nextYear(carriedOver: Array(repeating: nil, count: 7)))
        #expect(HarvestChecker.findings([B.entry(a), B.entry(blank)]).allSatisfy { $0.isEmpty })

        var apps = Build.consistentApplications()
        apps.remove("carried_over")
        let missing = B.report(year: 2024, applications: apps)
        #expect(HarvestChecker.findings([B.entry(a), B.entry(missing)]).allSatisfy { $0.isEmpty })
    }

    @Test func onlyTheSameOrganizationAndTheNextYear() {
        let a = B.report(year: 2023)
        let wrong = Self.nextYear(carriedOver: [1, 0, 0, 0, 0, 0, 1])
        let other = B.report(organization: "岚川市财政局", year: 2024, applications: wrong)
        let later = B.report(year: 2025, applications: wrong)
        let f = HarvestChecker.findings([B.entry(a), B.entry(other), B.entry(later)])
        #expect(!f.joined().contains { $0.code == "cross.carry_over" })
    }

    @Test func organizationNamesMatchAfterNormalization() {
        let a = B.report(organization: "岚川市 人民政府", year: 2023)
        let b = B.report(organization: "岚川市人民政府", year: 2024, applications: Self.nextYear(carriedOver: [1, 0, 0, 0, 0, 0, 1]))
        #expect(HarvestChecker.findings([B.entry(a), B.entry(b)])[1].count == 2)
    }

    @Test func theSameFileUnderTwoNamesIsADuplicate() throws {
        let a = B.report(year: 2024, sha: "abc")
        let f = HarvestChecker.findings([B.entry(a, path: "a/report.pdf"), B.entry(a, path: "b/copy.pdf")])
        #expect(f[0].isEmpty)
        let d = try #require(f[1].first)
        #expect(d.code == "cross.duplicate" && d.severity == .warning && d.otherReports == ["a/report.pdf"])
        #expect(d.finding.message.contains("same file"))
    }

    @Test func theSameNumbersAreADuplicateForTheSameReportOrWhenInformative() {
        // Same organization and year, different files (a re-export), same numbers.
        let a = B.report(year: 2024, sha: "1"), b = B.report(year: 2024, sha: "2")
        #expect(HarvestChecker.findings([B.entry(a, path: "x.pdf"), B.entry(b, path: "y.pdf")])[1].map(\.code) == ["cross.duplicate"])
        // Another organization with every number the same: the sample tables have enough
        // non-zero cells to make that no coincidence.
        let c = B.report(organization: "岚川市财政局", year: 2024, sha: "3")
        #expect(HarvestChecker.nonZeroCells(c) >= HarvestChecker.informativeCells)
        #expect(HarvestChecker.findings([B.entry(a), B.entry(c)])[1].map(\.code) == ["cross.duplicate"])
        // Two small bodies with all-zero tables are not duplicates of each other.
        let zeros = TableValues(rows: Build.consistentApplications().rows.map {
            RowValues(key: $0.key, fields: $0.fields, values: $0.values.map { _ in 0 })
        })
        var z1 = B.report(organization: "甲镇人民政府", year: 2024, applications: zeros)
        var z2 = B.report(organization: "乙镇人民政府", year: 2024, applications: zeros)
        for r in [\CanonicalReport.activeDisclosure, \CanonicalReport.reviewLitigation] {
            z1[keyPath: r] = TableValues(rows: z1[keyPath: r].rows.map { RowValues(key: $0.key, fields: $0.fields, values: $0.values.map { _ in 0 }) })
            z2[keyPath: r] = z1[keyPath: r]
        }
        #expect(HarvestChecker.findings([B.entry(z1), B.entry(z2)]).allSatisfy { $0.isEmpty })
    }

    @Test func aMissingYearInARunIsAWarningOnTheReportAfterTheGap() throws {
        let years = [2020, 2021, 2024]
        let f = HarvestChecker.findings(years.map { B.entry(B.report(year: $0, applications: Self.nextYear())) })
        #expect(f[0].isEmpty && f[1].isEmpty)
        let m = try #require(f[2].first)
        #expect(f[2].map(\.code) == ["cross.missing_year"])
        #expect(m.severity == .warning && m.finding.message.contains("2022–2023"))
        #expect(m.otherReports == [B.report(year: 2021).source.path])
    }

    @Test func aDuplicateDoesNotCountTwiceInTheYearRules() {
        let a = B.report(year: 2023, sha: "same")
        let b = B.report(year: 2024, applications: Self.nextYear(carriedOver: [1, 0, 0, 0, 0, 0, 1]))
        let f = HarvestChecker.findings([B.entry(a, path: "a.pdf"), B.entry(a, path: "a-copy.pdf"), B.entry(b)])
        #expect(f[2].filter { $0.code == "cross.carry_over" }.count == 2)
    }
}

extension HarvestCheckerTests {
    @Test func anotherYearsNumbersRepeatedAreFlaggedButStillCountAsThatYear() {
        let a = B.report(year: 2023, applications: Self.nextYear())
        var b = B.report(year: 2024, applications: Self.nextYear())
        b.activeDisclosure.set("licensing", "decisions", 2023)   // every number as in 2023
        let c = B.report(year: 2025, applications: Self.nextYear())
        let f = HarvestChecker.findings([a, b, c].map { B.entry($0) })
        #expect(f[1].map(\.code) == ["cross.duplicate"])
        #expect(f[1].first?.finding.message.contains("same numbers") == true)
        #expect(f[2].isEmpty)   // 2024 is there: no missing year
    }
}

import Foundation
import Testing
@testable import GovReport

/// The validator says which template cells each finding involves, so that nothing after it
/// (check's cell lists, the HTML report's highlighting, OCR's uncertain cells) re-derives a rule.
@Suite struct ValidatorCellsTests {
    static func rules(_ r: CanonicalReport) -> [RuleFinding] { Validator.check(r) }

    @Test func findingsAreTheRulesFindingsInOrder() {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        let r = Build.report(applications: apps)
        #expect(Self.rules(r).map(\.finding) == Validator.findings(for: r))
    }

    @Test func balanceInvolvesItsFourCellsInTheColumn() throws {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        let f = try #require(Self.rules(Build.report(applications: apps)).first)
        #expect(f.finding.code == "applications.balance")
        #expect(f.cells == [.application(.newReceived, .commercial), .application(.carriedOver, .commercial),
                            .application(.totalProcessed, .commercial), .application(.carriedForward, .commercial)])
    }

    @Test func totalProcessedInvolvesTheSubRowsPrintedThenTheTotal() throws {
        var apps = Build.consistentApplications()
        apps.set("granted", "natural_person", 7)
        apps.set("granted", "total", 8)
        let f = try #require(Self.rules(Build.report(applications: apps)).first {
            $0.finding.code == "applications.total_processed"
        })
        let rows = f.cells.map(\.row)
        #expect(rows.count == 22 && rows.last == ApplicationRow.totalProcessed.rawValue)
        #expect(Array(rows.suffix(4).prefix(3)) == ApplicationRow.otherSubRows.map(\.rawValue))
        #expect(!rows.contains(ApplicationRow.otherProcessing.rawValue))
        #expect(f.cells.allSatisfy { $0.column == ApplicationColumn.naturalPerson.rawValue })
    }

    @Test func totalProcessedInvolvesTheOneRowFormWhenNoSubRowIsPrinted() throws {
        var apps = Build.consistentApplications(oneRowOther: true)
        apps.set("other_processing", "research", 1)
        apps.set("other_processing", "total", 5)
        let f = try #require(Self.rules(Build.report(applications: apps)).first {
            $0.finding.code == "applications.total_processed"
        })
        #expect(f.cells.contains(.application(.otherProcessing, .research)))
        #expect(!f.cells.contains { ApplicationRow.otherSubRows.map(\.rawValue).contains($0.row) })
        #expect(f.cells.count == 20)
    }

    @Test func rowAndGroupTotalsInvolveEveryCellOfTheirRow() throws {
        var apps = Build.consistentApplications()
        apps.set("denied_state_secret", "total", 3)
        let row = try #require(Self.rules(Build.report(applications: apps)).first {
            $0.finding.code == "applications.row_total"
        })
        #expect(row.cells == ApplicationColumn.allCases.map { .application(.deniedStateSecret, $0) })

        let review = Build.review([[1, 0, 0, 1, 3], [0, 1, 0, 0, 1], [0, 0, 0, 0, 0]])
        let g = try #require(Self.rules(Build.report(review: review)).first)
        #expect(g.finding.code == "review_litigation.group_total")
        #expect(g.cells == ReviewColumn.allCases.map { .review(.review, $0) })
    }

    @Test func valueRulesInvolveTheOneCell() throws {
        var review = Build.review()
        review.set("litigation_direct", "pending", -1)
        review.set("litigation_direct", "total", 0)
        let f = try #require(Self.rules(Build.report(review: review)).first { $0.finding.code == "value.negative" })
        #expect(f.cells == [.review(.litigationDirect, .pending)])

        var active = Build.active2021()
        active.set("licensing", "decisions", Decimal(string: "2.5")!)
        let d = try #require(Self.rules(Build.report(active: active)).first { $0.finding.code == "value.not_integer" })
        #expect(d.cells == [.active(.licensing, .decisions)])
        // Money may hold a decimal.
        #expect(!Self.rules(Build.report(active: active)).contains { $0.cells.contains(.active(.fees, .amount)) })
    }

    @Test func structureFindingsInvolveNoCell() {
        var apps = Build.consistentApplications()
        apps.remove("granted")
        let r = Build.report(applications: apps, review: TableValues())
        let structure = Self.rules(r).filter { $0.finding.code.hasPrefix("structure.") }
        #expect(structure.map(\.finding.code) == ["structure.missing_table", "structure.missing_row"])
        #expect(structure.allSatisfy { $0.cells.isEmpty })
    }

    @Test func everyCellNamedIsPrintedByTheReport() {
        var apps = Build.consistentApplications()
        apps.set("granted", "natural_person", 7)
        apps.set("carried_forward", "commercial", 2)
        let r = Build.report(applications: apps)
        for f in Self.rules(r) { for c in f.cells { #expect(r.row(of: c) != nil, "\(c.key)") } }
    }
}

import Foundation
import Testing
@testable import GovReport

@Suite struct ValidatorTests {
    static func findings(_ r: CanonicalReport) -> [Finding] { Validator.findings(for: r) }

    @Test(arguments: TemplateVersion.allCases)
    func aConsistentReportHasNoFindings(template: TemplateVersion) {
        #expect(Self.findings(Build.report(template: template)) == [])
    }

    @Test func consistentWithTheOneRowOtherProcessingToo() {
        let r = Build.report(template: .v2021, applications: Build.consistentApplications(oneRowOther: true))
        #expect(Self.findings(r) == [])
    }

    // MARK: applications.balance

    @Test func balanceFiresPerColumnWithExpectedAndActual() {
        var apps = Build.consistentApplications()
        // 四、结转 for 商业企业 overstated by 2, and its row total with it (row totals still add up).
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        let f = Self.findings(Build.report(applications: apps))
        #expect(f.map(\.code) == ["applications.balance", "applications.balance"])
        #expect(f.map(\.column) == ["commercial", "total"])
        #expect(f.allSatisfy { $0.severity == .error && $0.table == "applications" })
        // commercial: 一 2 + 二 0 = 2 expected; （七） 2 + 四 2 = 4 actual.
        #expect(f[0].expected == 2 && f[0].actual == 4)
        #expect(f[1].expected == 13 && f[1].actual == 15)
    }

    @Test func blanksCountAsZeroInTheBalance() {
        var apps = Build.consistentApplications()
        // 二、上年结转 printed blank where it is 0: still balances.
        for c in ["commercial", "research", "social_welfare", "legal_services", "other_org"] {
            apps.set("carried_over", c, nil)
            apps.set("carried_forward", c, nil)
        }
        #expect(Self.findings(Build.report(applications: apps)) == [])

        // A blank where a number was needed: the finding counts it as 0 and says so.
        apps.set("carried_over", "natural_person", nil)
        let f = Self.findings(Build.report(applications: apps)).filter { $0.code == "applications.balance" }
        #expect(f.count == 1)
        #expect(f.first?.column == "natural_person")
        #expect(f.first?.expected == 10 && f.first?.actual == 11)
        #expect(f.first?.message.contains("blank") == true)
    }

    // MARK: applications.total_processed

    @Test func totalProcessedFiresWhenTheResultsDoNotAddUp() {
        var apps = Build.consistentApplications()
        apps.set("granted", "natural_person", 7)   // results now 12, （七） still 11
        apps.set("granted", "total", 8)
        let f = Self.findings(Build.report(applications: apps))
        let tp = f.filter { $0.code == "applications.total_processed" }
        #expect(tp.map(\.column) == ["natural_person", "total"])
        #expect(tp[0].expected == 12 && tp[0].actual == 11)
        #expect(tp[0].row == "total_processed")
        #expect(!f.contains { $0.code == "applications.row_total" })
    }

    @Test func totalProcessedCountsSubRowsOrTheOneRowNeverBoth() {
        // The sub-rows form: other_processing is not there; with the one-row form the three
        // sub-rows are not there. Each adds up on its own (see the consistent tests); here a
        // sub-row's number matters, so a change to it must fire.
        var apps = Build.consistentApplications()
        apps.set("other_overdue_fee", "natural_person", 1)
        apps.set("other_overdue_fee", "total", 1)
        #expect(Self.findings(Build.report(applications: apps)).map(\.code).contains("applications.total_processed"))

        var one = Build.consistentApplications(oneRowOther: true)
        one.set("other_processing", "natural_person", 4)
        one.set("other_processing", "total", 5)
        let f = Self.findings(Build.report(applications: one)).filter { $0.code == "applications.total_processed" }
        #expect(f.first?.column == "natural_person" && f.first?.expected == 12 && f.first?.actual == 11)
    }

    // MARK: applications.row_total

    @Test func rowTotalFiresOnTheRowWithExpectedAndActual() {
        var apps = Build.consistentApplications()
        apps.set("denied_state_secret", "total", 3)          // 2 + 0 + … = 2
        apps.set("total_processed", "total", 14)            // keep the column arithmetic apart:
        apps.set("carried_forward", "total", -1)            // 13 = 14 + (-1)
        let f = Self.findings(Build.report(applications: apps))
        let rt = f.filter { $0.code == "applications.row_total" }
        #expect(Set(rt.map(\.row)) == ["denied_state_secret", "total_processed", "carried_forward"])
        let secret = rt.first { $0.row == "denied_state_secret" }
        #expect(secret?.expected == 2 && secret?.actual == 3 && secret?.column == "total")
    }

    @Test func rowTotalCountsBlanksAsZero() {
        var apps = Build.consistentApplications()
        apps.set("granted", "research", nil)
        apps.set("granted", "social_welfare", nil)
        #expect(Self.findings(Build.report(applications: apps)) == [])
        apps.set("granted", "total", nil)   // 7 printed blank
        let f = Self.findings(Build.report(applications: apps)).filter { $0.code == "applications.row_total" }
        #expect(f.count == 1 && f[0].expected == 7 && f[0].actual == 0)
    }

    // MARK: review_litigation.group_total

    @Test func groupTotalFires() {
        let r = Build.report(review: Build.review([[1, 0, 0, 1, 2], [0, 1, 0, 0, 3], [nil, nil, nil, nil, nil]]))
        let f = Self.findings(r)
        #expect(f.map(\.code) == ["review_litigation.group_total"])
        #expect(f[0].row == "litigation_direct" && f[0].expected == 1 && f[0].actual == 3)
        #expect(f[0].table == "review_litigation" && f[0].severity == .error)
    }

    // MARK: value rules

    @Test func negativeCountsFire() {
        var apps = Build.consistentApplications()
        apps.set("new_received", "research", -1)
        apps.set("new_received", "other_org", 1)   // row total still adds up
        let f = Self.findings(Build.report(applications: apps)).filter { $0.code == "value.negative" }
        #expect(f.count == 1)
        #expect(f.first?.row == "new_received" && f.first?.column == "research" && f.first?.actual == -1)
    }

    @Test func changeMayBeNegativeIn2019ActiveTable() {
        let r = Build.report(template: .v2019)
        #expect(r.activeDisclosure["licensing"]?["change"] == -2)
        #expect(r.activeDisclosure["fees"]?["change"] == -2)
        #expect(Self.findings(r) == [])
    }

    @Test func otherActiveFieldsMayNotBeNegative() {
        var active = Build.active2019()
        active.set("penalty", "decisions", -5)
        let f = Self.findings(Build.report(template: .v2019, active: active))
        #expect(f.map(\.code) == ["value.negative"])
        #expect(f.first?.table == "active_disclosure" && f.first?.column == "decisions")
    }

    @Test func amountsMayBeDecimalCountsMayNot() {
        #expect(Build.report().activeDisclosure["fees"]?["amount"] == dec("2356.8"))
        #expect(Self.findings(Build.report(template: .v2021)) == [])
        #expect(Build.report(template: .v2019).activeDisclosure["procurement"]?["amount"] == dec("1856.42"))

        var active = Build.active2021()
        active.set("licensing", "decisions", dec("2.5"))
        let f = Self.findings(Build.report(active: active))
        #expect(f.map(\.code) == ["value.not_integer"])
        #expect(f.first?.actual == dec("2.5") && f.first?.row == "licensing")

        var review = Build.review()
        review.set("review", "upheld", dec("0.5"))
        review.set("review", "total", dec("1.5"))
        let rf = Self.findings(Build.report(review: review))
        #expect(rf.map(\.code) == ["value.not_integer", "value.not_integer"])
        #expect(rf.map(\.column) == ["upheld", "total"])
    }

    // MARK: structure

    @Test func missingTablesAreErrors() {
        let r = Build.report(applications: TableValues(), active: TableValues(), review: TableValues())
        let f = Self.findings(r)
        #expect(f.map(\.code) == Array(repeating: "structure.missing_table", count: 3))
        #expect(f.map(\.table) == ["active_disclosure", "applications", "review_litigation"])
    }

    @Test func missingRowsAreErrors() {
        var apps = Build.consistentApplications()
        apps.remove("denied_query_matters")   // all zeros: the arithmetic still holds
        var review = Build.review()
        review.remove("litigation_after_review")
        var active = Build.active2021()
        active.remove("coercion")
        let f = Self.findings(Build.report(applications: apps, active: active, review: review))
        #expect(f.allSatisfy { $0.code == "structure.missing_row" && $0.severity == .error })
        #expect(Set(f.map { "\($0.table!).\($0.row!)" })
                == ["applications.denied_query_matters", "review_litigation.litigation_after_review",
                    "active_disclosure.coercion"])
    }

    @Test func otherGroupNeedsTheSubRowsOrTheOneRow() {
        var apps = Build.consistentApplications()
        apps.remove("other_overdue_fee")
        #expect(Self.findings(Build.report(applications: apps)).map(\.row) == ["other_overdue_fee"])

        var neither = Build.consistentApplications()
        for k in ["other_overdue_correction", "other_overdue_fee", "other_misc"] { neither.remove(k) }
        neither.set("granted", "natural_person", 9)     // keep the sums right without （六）
        neither.set("granted", "commercial", 2)
        neither.set("granted", "total", 11)
        let f = Self.findings(Build.report(applications: neither))
        #expect(f.map(\.code) == ["structure.missing_row"])
        #expect(f.first?.row == "other_processing")
    }

    @Test func the2019ActiveTableNeedsItsOwnRows() {
        // A 2021-format active table in a report read as 2019: the 2019-only rows are missing.
        let f = Self.findings(Build.report(template: .v2019, active: Build.active2021()))
        #expect(Set(f.filter { $0.code == "structure.missing_row" }.compactMap(\.row)) == ["other_services", "procurement"])
    }
}

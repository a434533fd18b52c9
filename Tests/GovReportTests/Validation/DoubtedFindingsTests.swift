import Foundation
import Testing
@testable import GovReport

/// A sum that fails over a number the reader doubts is a warning, not an error of the report;
/// a mark made only because that sum fails does not make it one.
@Suite struct DoubtedFindingsTests {
    static func mark(_ row: String, _ column: String) -> Finding {
        Finding(code: "cell.uncertain", severity: .warning, message: "test", table: "applications", row: row, column: column)
    }

    /// A report whose column `commercial` does not balance (carried_forward +2, and its total).
    static func unbalanced() -> CanonicalReport {
        var apps = Build.consistentApplications()
        apps.set("carried_forward", "commercial", 2)
        apps.set("carried_forward", "total", 2)
        return Build.report(applications: apps)
    }

    @Test func aSumOverNoDoubtedCellStaysAnError() {
        let r = Self.unbalanced()
        let f = DoubtedFindings.findings(for: r)
        #expect(f == Validator.findings(for: r))
        #expect(f.contains { $0.code == "applications.balance" && $0.severity == .error })
    }

    @Test func aSumOverADoubtedCellIsAWarningThatNamesIt() throws {
        var r = Self.unbalanced()
        r.diagnostics.append(Self.mark("carried_forward", "commercial"))
        let f = try #require(DoubtedFindings.findings(for: r).first { $0.code == "applications.balance" })
        #expect(f.severity == .warning)
        #expect(f.message.contains("applications.carried_forward.commercial"))
        #expect(f.expected != nil && f.actual != nil && f.column == "commercial")
    }

    @Test func aMarkOnACellTheSumDoesNotReadChangesNothing() {
        var r = Self.unbalanced()
        r.diagnostics.append(Self.mark("granted", "research"))
        #expect(DoubtedFindings.findings(for: r) == Validator.findings(for: r))
    }

    @Test func aMarkMadeOnlyBecauseTheSumFailsChangesNothing() {
        var r = Self.unbalanced()
        r.diagnostics.append(Self.mark("carried_forward", "commercial"))
        let sumOnly: Set<TemplateCell> = [.application(.carriedForward, .commercial)]
        #expect(DoubtedFindings.findings(for: r, sumOnly: sumOnly) == Validator.findings(for: r))
    }

    @Test func structureFindingsStayErrors() {
        var apps = Build.consistentApplications()
        apps.rows.removeAll { $0.key == ApplicationRow.deniedStateSecret.rawValue }
        var r = Build.report(applications: apps)
        r.diagnostics += ApplicationColumn.allCases.map { Self.mark("granted", $0.rawValue) }
        #expect(DoubtedFindings.findings(for: r).contains { $0.code == "structure.missing_row" && $0.severity == .error })
    }

    /// A column sum over a row not found, its cells marked as not known, is the reader's doubt:
    /// the row's numbers may be what is missing from the sum.
    @Test func aSumOverARowNotFoundIsAWarning() throws {
        var apps = Build.consistentApplications()
        apps.rows.removeAll { $0.key == ApplicationRow.granted.rawValue }
        var r = Build.report(applications: apps)
        #expect(Validator.findings(for: r).contains { $0.code == "applications.total_processed" && $0.severity == .error })
        r.diagnostics += ApplicationColumn.allCases.map { Self.mark("granted", $0.rawValue) }
        let f = try #require(DoubtedFindings.findings(for: r).first { $0.code == "applications.total_processed" })
        #expect(f.severity == .warning)
        #expect(f.message.contains("applications.granted."))
    }

    /// A row not found in a table where the reader left printed rows unplaced (a label that
    /// matched no template row, a row whose numbers' columns are not known) may be one of them:
    /// the finding is a warning that says so. In another table it stays an error.
    @Test func aMissingRowBesideUnplacedRowsIsTheReadersDoubt() throws {
        var apps = Build.consistentApplications()
        apps.rows.removeAll { $0.key == ApplicationRow.deniedStateSecret.rawValue }
        var r = Build.report(applications: apps)
        r.diagnostics.append(Finding(code: "label.unmatched", severity: .warning,
                                     message: "row \"（三1.属于国\" matches no template row; its numbers were not used", table: "applications"))
        let f = try #require(DoubtedFindings.findings(for: r).first { $0.code == "structure.missing_row" })
        #expect(f.severity == .warning)
        #expect(f.message.contains("label.unmatched"))
        r.diagnostics = [Finding(code: "table.row_ambiguous", severity: .warning, message: "test", table: "review_litigation")]
        #expect(DoubtedFindings.findings(for: r).contains { $0.code == "structure.missing_row" && $0.severity == .error })
    }
}

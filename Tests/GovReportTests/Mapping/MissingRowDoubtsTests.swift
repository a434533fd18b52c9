import Foundation
import Testing
@testable import GovReport

/// A template row missing from a table that was found: its cells are absent, so each is marked
/// `cell.uncertain` beside the `structure.missing_row` finding (the value is not known, not empty).
@Suite struct MissingRowDoubtsTests {
    /// The Markdown sample with the 2.重复申请 row taken out, read as a converter's output would be.
    static func reportWithoutDuplicateRow() throws -> CanonicalReport {
        let text = try String(contentsOf: Samples.url("sample-markdown-2021.md"), encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("2.重复申请") }
        #expect(kept.count < text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let data = Data(kept.joined(separator: "\n").utf8)
        return try ReportExtractor.extract(data: data, name: "sample-without-row.md")
    }

    @Test func everyCellOfAMissingRowIsMarked() throws {
        let report = try Self.reportWithoutDuplicateRow()
        #expect(report.findings.contains { $0.code == "structure.missing_row" && $0.row == "rejected_duplicate" })
        let marked = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "rejected_duplicate" }
        #expect(marked.map(\.column) == Template.applicationColumns.map { Optional($0) })
        #expect(marked.allSatisfy { $0.table == "applications" && $0.severity == .warning })
        // The other rows are untouched.
        #expect(report.diagnostics.filter { $0.code == "cell.uncertain" }.count == Template.applicationColumns.count)
    }

    @Test func aCompleteReportGetsNoMarks() throws {
        let data = try Data(contentsOf: Samples.url("sample-markdown-2021.md"))
        let report = try ReportExtractor.extract(data: data, name: "sample-markdown-2021.md")
        #expect(!report.diagnostics.contains { $0.code == "cell.uncertain" })
    }
}

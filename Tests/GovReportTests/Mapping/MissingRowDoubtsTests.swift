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

/// A whole table missing (a converter left it out or wrote it as running text): every cell the
/// template gives it is marked, not left silently absent.
@Suite struct MissingTableDoubtsTests {
    @Test func everyCellOfAMissingTableIsMarked() throws {
        let text = try String(contentsOf: Samples.url("sample-markdown-2021.md"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("## 四、") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("## 五、") })
        lines.removeSubrange((start + 1)..<end)
        let report = try ReportExtractor.extract(data: Data(lines.joined(separator: "\n").utf8), name: "no-review.md")
        #expect(report.findings.contains { $0.code == "structure.missing_table" && $0.table == "review_litigation" })
        let marked = report.diagnostics.filter { $0.code == "cell.uncertain" }
        #expect(marked.count == 15)
        #expect(marked.allSatisfy { $0.table == "review_litigation" && $0.severity == .warning })
        #expect(Set(marked.map { "\($0.row ?? "").\($0.column ?? "")" }).count == 15)
    }
}

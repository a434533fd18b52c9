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

    /// 政府集中采购's amount is printed with its unit (万元): the row missing, the unit is not
    /// known either.
    @Test func aMissingProcurementRowMarksItsAmountsUnitToo() throws {
        let url = TextKindFixtureTests.root.appendingPathComponent("markdown/sample-2019.pipes.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("政府集中采购") }
        let report = try ReportExtractor.extract(data: Data(kept.joined(separator: "\n").utf8), name: "no-procurement.md")
        #expect(report.findings.contains { $0.code == "structure.missing_row" && $0.row == "procurement" })
        let marked = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "procurement" }.compactMap(\.column)
        #expect(Set(marked) == ["items", "amount", "amount_unit"])
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

/// The applications table missing: （六）其他处理 is marked with its sub-rows, since which form
/// the table printed is not known and the report carries both.
@Suite struct MissingApplicationsTableDoubtsTests {
    @Test func otherProcessingIsMarkedWithItsSubRows() throws {
        let text = try String(contentsOf: Samples.url("sample-markdown-2021.md"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("## 三、") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("## 四、") })
        lines.removeSubrange((start + 1)..<end)
        let report = try ReportExtractor.extract(data: Data(lines.joined(separator: "\n").utf8), name: "no-applications.md")
        let marked = Set(report.diagnostics.filter { $0.code == "cell.uncertain" && $0.table == "applications" }
            .map { "\($0.row ?? "").\($0.column ?? "")" })
        for row in ApplicationRow.allCases {
            for column in Template.applicationColumns { #expect(marked.contains("\(row.rawValue).\(column)")) }
        }
    }
}

/// Text whose table rows lost cells (`pdftotext` without `-layout` writes a cell a line; a
/// tab-separated row cut short): where the row's values belong is a guess, so its cells are
/// marked, as in Markdown.
@Suite struct TextRowCellCountDoubtsTests {
    @Test func aTextRowWithTooFewCellsIsMarked() throws {
        let text = try String(contentsOf: Samples.url("smx-kjj-2024.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = try #require(lines.firstIndex { $0.hasPrefix("规章\t") })
        lines[i] = "规章\t0"
        let report = try ReportExtractor.extract(data: Data(lines.joined(separator: "\n").utf8), name: "cut-row.txt")
        #expect(report.diagnostics.contains { $0.code == "table.cell_count" && $0.row == "regulations" })
        let marked = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "regulations" }
        #expect(marked.count == 3)
        // The seed as printed gets no mark.
        let whole = try ReportExtractor.extract(data: Data(text.utf8), name: "smx-kjj-2024.txt")
        #expect(!whole.diagnostics.contains { $0.code == "cell.uncertain" })
    }
}

import Foundation
import Testing
@testable import GovReport

/// pymupdf4llm's `text` strategy on a LibreOffice print writes each printed line of a table as a
/// grid row: a label wrapped over lines becomes label-only rows around an unlabelled row holding
/// the numbers (printed centred in their cell). Built from
/// Fixtures/markdown/sample-bordered-2021.pipes.md with rows so printed, so the right values are
/// known.
@Suite struct WrappedLabelRowsTests {
    static func row(_ label: [String], _ values: [String]) -> String {
        "| " + (label + values).joined(separator: " | ") + " |"
    }

    static let blank = [String](repeating: "", count: 7)

    /// The fixture's applications row `old` (its numbers `numbers`) printed as label lines
    /// `before`, a line of numbers alone, and label lines `after`.
    static func wrapped(_ text: String, old: String, before: [[String]], numbers: [String], after: [[String]]) -> String {
        #expect(text.contains(old))
        let lines = before.map { row($0, blank) } + [row(["", "", ""], numbers)] + after.map { row($0, blank) }
        return text.replacingOccurrences(of: old, with: lines.joined(separator: "\n"))
    }

    @Test func aLabelWrappedAroundItsNumbersIsOneRow() throws {
        var text = ConvertedTableDoubtsTests.text
        text = Self.wrapped(
            text, old: "| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |",
            before: [["", "", "2.其他法律行政法规禁止"]], numbers: ["0", "0", "0", "0", "1", "0", "1"],
            after: [["", "", "公开"]])
        text = Self.wrapped(
            text, old: "| 三、本年度办理结果 | （四）无法提供 | 2.没有现成信息需要另行制作 | 7 | 2 | 0 | 0 | 1 | 0 | 10 |",
            before: [["", "）无", "2.没有现成信息需要另行"]], numbers: ["7", "2", "0", "0", "1", "0", "10"],
            after: [["", "法提", "制作"], ["", "供", ""]])
        text = Self.wrapped(
            text, old: "| 三、本年度办理结果 | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 1 | 1 | 1 | 0 | 1 | 4 |",
            before: [["", "（六", "1.申请人无正当理由逾"], ["", "）其", "期不补正、行政机关不"]],
            numbers: ["0", "1", "1", "1", "0", "1", "4"],
            after: [["", "他处", "再处理其政府信息公开"], ["", "理", "申请"]])
        let report = try ConvertedTableDoubtsTests.read(text)
        let t = report.applications
        #expect(t[.deniedProhibitedByLaw]?.values == [0, 0, 0, 0, 1, 0, 1])
        #expect(t[.unableNeedsCreation]?.values == [7, 2, 0, 0, 1, 0, 10])
        #expect(t[.otherOverdueCorrection]?.values == [0, 1, 1, 1, 0, 1, 4])
        #expect(!report.diagnostics.contains { $0.code == "label.unmatched" })
        #expect(ConvertedTableDoubtsTests.marked(report).isEmpty)
        #expect(!report.findings.contains { $0.severity == .error })
    }

    /// A row whose label ends on its line of numbers keeps its label; label lines above an
    /// unlabelled row are not taken across a labelled row.
    @Test func labelledRowsAreLeftAlone() {
        let rows = [
            RawRow(label: "1.本机关不掌握相关", cells: [nil, nil]),
            RawRow(label: "政府信息", cells: ["1", "1"]),
            RawRow(label: "", cells: ["2", "2"]),
        ]
        #expect(WrappedLabelRows.joined(rows) == rows)
    }
}

import Foundation
import Testing
@testable import GovReport

/// Tables a PDF-to-Markdown converter broke (Scripts/stress/md_converters.py, pymupdf4llm's
/// `lines` strategy): a review table printed with every value blank, and the applications
/// table cut into a header piece and a piece whose 社会公益组织 column is drawn as two slots.
/// Built from Fixtures/markdown/sample-bordered-2021.pipes.md with one change each, so the
/// right values are known.
@Suite struct BrokenConverterTableTests {
    static func numbers() -> [String: Any] {
        let url = TextKindFixtureTests.root.appendingPathComponent("markdown/sample-bordered-2021.pipes.numbers.json")
        guard let data = try? Data(contentsOf: url) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    static func cells(_ line: String) -> [String] {
        var parts = line.components(separatedBy: "|")
        parts.removeFirst()
        parts.removeLast()
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func pipeRow(_ cells: [String]) -> String { "|" + cells.joined(separator: "|") + "|" }

    /// 行政复议 and 行政诉讼 with no case: the header, then one row of fifteen empty cells. The
    /// table was printed: its fifteen cells are blank (null), not "table not found".
    @Test func aReviewTableWithEveryValueBlankIsReadBlank() throws {
        let text = ConvertedTableDoubtsTests.text
        let values = "| 2 | 2 | 0 | 0 | 4 | 0 | 1 | 2 | 1 | 4 | 1 | 1 | 0 | 0 | 2 |"
        #expect(text.contains(values))
        let blank = "|" + String(repeating: "  |", count: 15)
        let report = try ConvertedTableDoubtsTests.read(text.replacingOccurrences(of: values, with: blank))
        #expect(report.reviewLitigation.rows.map(\.key) == Template.reviewGroups)
        #expect(report.reviewLitigation.rows.allSatisfy { $0.values.count == 5 && $0.values.allSatisfy { $0 == nil } })
        #expect(!report.diagnostics.contains { $0.table == TemplateTable.reviewLitigation.rawValue && $0.code == "cell.uncertain" })
        #expect(!report.findings.contains { $0.code.hasPrefix("structure.") })
    }

    /// The applications table cut after its header; the rows follow in a table of their own
    /// under placeholder names, with 社会公益组织 over two slots (its value in the first, the
    /// second, or both). The pair is found from the rows: every value in its column.
    @Test func aPieceWithAColumnDrawnAsTwoSlotsReadsEveryColumn() throws {
        let text = ConvertedTableDoubtsTests.text
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| 申请人情况") }) else {
            Issue.record("no applications header"); return
        }
        var end = start + 2
        while end < lines.count, lines[end].hasPrefix("|") { end += 1 }
        var piece = [Self.pipeRow((1...11).map { "Col\($0)" }), Self.pipeRow([String](repeating: "---", count: 11))]
        for (i, line) in lines[(start + 2)..<end].enumerated() {
            var c = Self.cells(line)
            let v = c[6]
            let slots = [[v, ""], ["", v], [v, v]][i % 3]
            c.replaceSubrange(6...6, with: slots)
            piece.append(Self.pipeRow(c))
        }
        lines.replaceSubrange((start + 2)..<end, with: [""] + piece)
        let report = try ConvertedTableDoubtsTests.read(lines.joined(separator: "\n"))
        let want = Self.numbers()["applications"] as? [String: [String: Any]] ?? [:]
        #expect(!want.isEmpty)
        for (row, fields) in want {
            guard let got = report.applications[row] else { Issue.record("no row \(row)"); continue }
            for (field, value) in fields {
                let read = got.fields.firstIndex(of: field).flatMap { got.values[$0] }
                #expect(read == (value as? Int).map { Decimal($0) }, "\(row).\(field)")
            }
        }
        #expect(!report.diagnostics.contains { $0.table == TemplateTable.applications.rawValue && $0.code == "cell.uncertain" })
    }

    /// pymupdf4llm's `text` strategy writes the review row's numbers stacked in a few cells
    /// (`2<br>2 | 0<br>0<br>4 | …`), blank slots between: fifteen numbers for fifteen
    /// columns are read in print order.
    @Test func aReviewRowOfStackedNumbersIsReadInOrder() throws {
        let text = ConvertedTableDoubtsTests.text
        let values = "| 2 | 2 | 0 | 0 | 4 | 0 | 1 | 2 | 1 | 4 | 1 | 1 | 0 | 0 | 2 |"
        #expect(text.contains(values))
        let stacked = "| 2<br>2 | 0<br>0<br>4 | 0 | 1<br>2<br>1 | 4 |  | 1<br>1<br>0 | 0<br>2 |  |  |  |  |  |  |  |"
        let report = try ConvertedTableDoubtsTests.read(text.replacingOccurrences(of: values, with: stacked))
        let read = report.reviewLitigation.rows.flatMap(\.values)
        #expect(read == [2, 2, 0, 0, 4, 0, 1, 2, 1, 4, 1, 1, 0, 0, 2].map { Decimal($0) })
        #expect(!report.diagnostics.contains { $0.table == TemplateTable.reviewLitigation.rawValue && $0.code == "cell.uncertain" })
    }

    /// A group's own table (行政复议 | 总计 over two slots) with its four numbers stacked.
    @Test func aReviewGroupOfStackedNumbersIsReadInOrder() {
        func cell(_ lines: [String]) -> (lines: [String], rowSpan: Int, columnSpan: Int) { (lines, 1, 1) }
        let rows = TableGrid(rows: [[cell(["行政诉讼（复议后起诉）"]), cell([])],
                                    [cell(["结果维持 结果纠正 其他结果 尚未审结"]), cell(["总计"])],
                                    [cell(["0", "1", "0", "0"]), cell(["1"])]])
        #expect(HTMLTableReader.unstackedValues(rows, row: 2, width: 5) == ["0", "1", "0", "0", "1"])
        // Four numbers for five columns: not known which is missing.
        #expect(HTMLTableReader.unstackedValues(rows, row: 2, width: 6) == nil)
    }
}

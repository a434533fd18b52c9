import Foundation
import Testing
@testable import GovReport

/// A sparse row's total set past the last column: `pdftotext -layout` lays a continued page
/// out by a scale of its own, so a one-digit total stands right of the column measured on the
/// page's wide totals. It is the row's total when the row adds up with it. Made from a fixture
/// of Scripts/make-text-samples.py (3.其他 prints 0 2 1 1 0 1 5).
@Suite struct TotalBeyondColumnsTests {
    /// The fixture's 3.其他 line with its numbers printed at `placed` (offset in columns from
    /// where the row's first number stood: each column is ten apart, the total at 60).
    static func text(_ placed: [(offset: Int, text: String)]) throws -> String {
        let text = try String(contentsOf: LaidOutDoubtsTests.fixture, encoding: .utf8)
        let values = "0         2         1         1         0         1         5"
        let line = try #require(text.split(separator: "\n").first { $0.contains("3.其他") && $0.hasSuffix(values) })
        var cells = [Character](repeating: " ", count: 80)
        for p in placed { for (i, c) in p.text.enumerated() { cells[p.offset + i] = c } }
        let printed = String(line.dropLast(values.count)) + String(String(cells).reversed().drop { $0 == " " }.reversed())
        return text.replacingOccurrences(of: String(line), with: printed)
    }

    static func read(_ text: String) throws -> CanonicalReport {
        try LaidOutTextReader.extract(text: text, name: "t.txt", sha256: "")
    }

    @Test func aTotalPastTheLastColumnIsTheRowsTotalWhenTheRowAddsUp() throws {
        let report = try Self.read(try Self.text([(10, "2"), (20, "1"), (30, "1"), (50, "1"), (73, "5")]))
        let row = try #require(report.applications[.otherMisc])
        #expect(row.values == [nil, 2, 1, 1, nil, 1, 5])
        // The sum confirms the total, not the other numbers' columns: the row is in doubt.
        let marks = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "other_misc" }
        #expect(marks.count == ApplicationColumn.allCases.count)
    }

    @Test func theNumberInTheTotalColumnThenStandsInTheColumnBeforeIt() throws {
        // The other-organisation 1 pressed into the total column by the same scale.
        let report = try Self.read(try Self.text([(10, "2"), (20, "1"), (30, "1"), (60, "1"), (73, "5")]))
        let row = try #require(report.applications[.otherMisc])
        #expect(row.values == [nil, 2, 1, 1, nil, 1, 5])
    }

    @Test func aRowThatAddsUpAsReadTakesTheTotalPastTheColumnsWhenItIsTheSumOfAll() throws {
        // 1 in research, the other organisations' 1 pressed into the total column and the
        // total 2 past the columns: as read, 1 = 1 adds up, yet 2 is the sum of all it printed.
        let report = try Self.read(try Self.text([(20, "1"), (60, "1"), (73, "2")]))
        let row = try #require(report.applications[.otherMisc])
        #expect(row.values == [nil, nil, 1, nil, nil, 1, 2])
        let marks = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "other_misc" }
        #expect(marks.count == ApplicationColumn.allCases.count)
    }

    @Test func aNumberPastTheColumnsThatTheRowDoesNotAddUpToIsNotItsTotal() throws {
        let report = try Self.read(try Self.text([(10, "2"), (20, "1"), (30, "1"), (50, "1"), (73, "7")]))
        let row = try #require(report.applications[.otherMisc])
        #expect(row[ApplicationColumn.total] == nil)
    }
}

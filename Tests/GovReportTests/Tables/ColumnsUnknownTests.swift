import Foundation
import Testing
@testable import GovReport

/// A table whose columns could not be told leaves its numbers unread: its cells read blank,
/// and a blank is a reading ("nothing printed"), so each such cell is marked
/// `cell.uncertain`. Made from a fixture of Scripts/make-text-samples.py whose review row
/// prints 2 2 0 0 4 0 1 2 1 4 1 1 0 0 2, with some of its digits as an OCR tool misreads them
/// (0 as O, 1 as 工): too few numbers are left to tell the fifteen columns by.
@Suite struct ColumnsUnknownTests {
    static let printed = "     2     2     0     0     4     0     1     2     1     4     1     1     0     0     2"
    static let misread = "     2     2     O     O     4     O     工    2     工    4     工    工    O     O     2"

    @Test func aReviewRowWhoseColumnsAreUnknownIsMarkedNotReadBlank() throws {
        let text = try String(contentsOf: LaidOutDoubtsTests.fixture, encoding: .utf8)
        #expect(text.contains(Self.printed))
        let report = try LaidOutTextReader.extract(text: text.replacingOccurrences(of: Self.printed, with: Self.misread),
                                                   name: "t.txt", sha256: "")
        #expect(report.diagnostics.contains { $0.code == "table.columns_unknown" && $0.table == "review_litigation" })
        let marked = Set(report.diagnostics.filter { $0.code == "cell.uncertain" && $0.table == "review_litigation" }
            .compactMap { d in d.row.flatMap { r in d.column.map { "\(r).\($0)" } } })
        #expect(marked.count == 15)
    }

    @Test func theSameRowPrintedWholeIsReadAndUnmarked() throws {
        let report = try LaidOutTextReader.extract(text: try String(contentsOf: LaidOutDoubtsTests.fixture, encoding: .utf8),
                                                   name: "t.txt", sha256: "")
        #expect(report.reviewLitigation.rows.first?.values.first == 2)
        #expect(!report.diagnostics.contains { $0.code == "cell.uncertain" && $0.table == "review_litigation" })
    }
}

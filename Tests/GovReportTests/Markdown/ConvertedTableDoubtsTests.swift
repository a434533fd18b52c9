import Foundation
import Testing
@testable import GovReport

/// Marks for Markdown tables a converter rebuilt from a page (pymupdf4llm's `text` strategy
/// splits labels over cells, stacks two numbers in one cell and leaves rows blank): a failing
/// sum puts its cells in doubt, a row read blank in a table whose sums fail may have lost its
/// numbers, and （六） not found in either form leaves its sub-rows unknown too. A report
/// whose sums hold gets no mark. Built from Fixtures/markdown/sample-bordered-2021.pipes.md
/// with one change each, so the right values are known.
@Suite struct ConvertedTableDoubtsTests {
    static let text: String = {
        let url = TextKindFixtureTests.root.appendingPathComponent("markdown/sample-bordered-2021.pipes.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static func read(_ text: String) throws -> CanonicalReport {
        try MarkdownReportReader.extract(text: text, name: "t.md", sha256: "")
    }

    static func marked(_ report: CanonicalReport) -> Set<String> {
        Set(report.diagnostics.filter { $0.code == "cell.uncertain" }.map { "\($0.table!).\($0.row!).\($0.column!)" })
    }

    /// The cells marked when the fixture's line `old` is printed as `new`.
    static func marks(printing old: String, as new: String) throws -> Set<String> {
        #expect(text.contains(old))
        return marked(try read(text.replacingOccurrences(of: old, with: new)))
    }

    /// A review table whose grid gave another count of value cells than fifteen (pymupdf4llm's
    /// `text` strategy: the heading's pieces and stacked numbers over extra columns) is cut or
    /// padded to fifteen: where that can have moved or lost a value, each cell is in doubt;
    /// blank cells past fifteen move nothing.
    @Test func aReviewTableOfAnotherCellCountIsInDoubt() {
        var cut = TemplateMapper(template: .v2021)
        cut.marksUnplacedCells = true
        _ = cut.review([RawRow(label: "", cells: [String?](repeating: nil, count: 15) + ["1", "4"])])
        #expect(cut.diagnostics.filter { $0.code == "cell.uncertain" }.count == 15)
        var blankTail = TemplateMapper(template: .v2021)
        blankTail.marksUnplacedCells = true
        _ = blankTail.review([RawRow(label: "", cells: [String?](repeating: "0", count: 15) + [nil, nil])])
        #expect(!blankTail.diagnostics.contains { $0.code == "cell.uncertain" })
    }

    /// A piece of a label (`予公` of a group's vertical name) taken for （一）予以公开 reads the
    /// row blank while its numbers stand on another line: each cell is in doubt. A row whose
    /// label is the template's, read blank, is not marked here.
    @Test func aRowReadBlankFromAPieceOfItsLabelIsInDoubt() {
        let blank = [String?](repeating: nil, count: 7)
        var mapper = TemplateMapper(template: .v2021)
        mapper.marksUnplacedCells = true
        _ = mapper.applications([RawRow(label: "予公", cells: blank)])
        let marked = Set(mapper.diagnostics.filter { $0.code == "cell.uncertain" }.compactMap(\.row))
        #expect(marked == ["granted"])
        var whole = TemplateMapper(template: .v2021)
        whole.marksUnplacedCells = true
        _ = whole.applications([RawRow(label: "（一）予以公开", cells: blank)])
        #expect(!whole.diagnostics.contains { $0.code == "cell.uncertain" })
    }

    /// An active-disclosure row read blank from a cut label (行政规范性文, its numbers on a row
    /// of their own) is in doubt: no sum would say so. With its whole label it is not.
    @Test func anActiveRowReadBlankFromACutLabelIsInDoubt() {
        var mapper = TemplateMapper(template: .v2021)
        mapper.marksUnplacedCells = true
        _ = mapper.active([RawRow(label: "规章", cells: ["0", "0", "2"]), RawRow(label: "行政规范性文", cells: [nil, nil, nil])])
        let marked = Set(mapper.diagnostics.filter { $0.code == "cell.uncertain" }.compactMap(\.row))
        #expect(marked == ["normative_documents"])
        var whole = TemplateMapper(template: .v2021)
        whole.marksUnplacedCells = true
        _ = whole.active([RawRow(label: "行政规范性文件", cells: [nil, nil, nil])])
        #expect(!whole.diagnostics.contains { $0.code == "cell.uncertain" })
    }

    @Test func aReportWhoseSumsHoldGetsNoMark() throws {
        #expect(!Self.text.isEmpty)
        #expect(Self.marked(try Self.read(Self.text)).isEmpty)
    }

    /// 行政复议's 总计 read as 41 (a stacked `4` and `1` joined): only its group's sum fails,
    /// and nothing narrows it further, so each of the group's cells is in doubt.
    @Test func aFailingSumThatNothingNarrowsMarksItsCells() throws {
        let marks = try Self.marks(printing: "| 2 | 2 | 0 | 0 | 4 | 0 | 1 | 2 | 1 | 4 |", as: "| 2 | 2 | 0 | 0 | 41 | 0 | 1 | 2 | 1 | 4 |")
        for field in Template.reviewFields { #expect(marks.contains("review_litigation.review.\(field)"), "\(field)") }
        #expect(!marks.contains { $0.hasPrefix("review_litigation.litigation_direct") })
        #expect(!marks.contains { $0.hasPrefix("applications.") })
    }

    /// （一）予以公开 read blank throughout: the table's sums fail, and the blank row is marked.
    @Test func aBlankRowInATableWhoseSumsFailIsMarked() throws {
        let marks = try Self.marks(printing: "| （一）予以公开 |  | 89 | 30 | 4 | 6 | 10 | 5 | 144 |", as: "| （一）予以公开 |  |  |  |  |  |  |  |  |")
        for column in Template.applicationColumns { #expect(marks.contains("applications.granted.\(column)"), "\(column)") }
    }

    /// （六）其他处理 lost with its three sub-rows: which form was printed is not known, so the
    /// one-row form and each sub-row are marked.
    @Test func otherProcessingNotFoundMarksItsSubRowsToo() throws {
        let lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("（六）其他处理") }
        let report = try Self.read(lines.joined(separator: "\n"))
        let marks = Self.marked(report)
        for row in [ApplicationRow.otherProcessing] + ApplicationRow.otherSubRows {
            #expect(marks.contains("applications.\(row.rawValue).total"), "\(row)")
        }
    }
}

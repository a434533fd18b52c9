import Foundation
import Testing
@testable import GovReport

/// `debug --stage` draws the stages of the reading that made the report, not of a second search.
@Suite struct DebugStagesOfTheRunTests {
    static let realKinds = Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/real-kinds")

    /// Review and litigation printed as three five-column tables is read by the five-column
    /// split reader: the stages kept are that reader's, whose three rows are the review row.
    @Test func aSplitReviewTableKeepsTheSplitReadersStages() throws {
        let reading = try #require(try ReportExtractor.inspect(path: Self.realKinds.appendingPathComponent("review_split_print.pdf").path).reading)
        #expect(reading.report.diagnostics.contains { $0.code == "table.review_split" })
        let review = try #require(reading.stages.first { $0.table == TemplateTable.reviewLitigation.rawValue })
        let rows = review.rows.filter { $0.cells.contains { $0 != nil } }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.cells.count == 5 })
        #expect(reading.report.reviewLitigation.rows.map(\.page).contains(rows[0].page))
    }

    /// The cells stage draws the boxes the report's rows carry.
    @Test func theCellsDrawnAreTheReportsCells() throws {
        let reading = try #require(try ReportExtractor.inspect(path: Paths.samples.appendingPathComponent("sample-bordered-2021.pdf").path).reading)
        let applications = try #require(reading.stages.first { $0.table == TemplateTable.applications.rawValue })
        let drawn = Set(applications.pages.flatMap(\.rows).compactMap(\.geometry).flatMap(\.cells).compactMap { $0 }.map { "\($0)" })
        let reported = Set(reading.report.applications.rows.compactMap(\.geometry).flatMap(\.cells).compactMap { $0 }.map { "\($0)" })
        #expect(!reported.isEmpty)
        #expect(reported.isSubset(of: drawn))
    }

    /// Tables read again with rulings take their stages from that reading; the others keep the
    /// stages of the reading they were kept from.
    @Test func aTableNotReadAgainKeepsItsStages() {
        let base = TableReading(tables: RawTables(), stages: [TableStages(table: TemplateTable.applications.rawValue),
                                                              TableStages(table: TemplateTable.reviewLitigation.rawValue)])
        let again = PositionedPages([]).read(only: [TemplateTable.reviewLitigation.rawValue], keeping: base)
        #expect(again.stages.map(\.table) == [TemplateTable.applications.rawValue])
    }
}

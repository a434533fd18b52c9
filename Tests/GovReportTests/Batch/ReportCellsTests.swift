import Foundation
import Testing
@testable import GovReport
@testable import GovReportBatch

@Suite struct ReportCellsTests {
    @Test func cellsFollowTheDocumentOrder() {
        var apps = Build.consistentApplications()
        apps.set("granted", "research", nil)
        let cells = ReportCells.cells(of: Build.report(applications: apps))
        #expect(cells.first == ReportCell(table: "active_disclosure", row: "regulations", column: "issued", value: .number(3)))
        #expect(cells.last == ReportCell(table: "review_litigation", row: "litigation_after_review", column: "total",
                                         value: .number(0)))
        #expect(cells.contains(ReportCell(table: "applications", row: "granted", column: "research", value: .blank)))
        // 2021 active table: 2 rows × 3 + 4 rows × 1; applications 25 rows × 7; review 3 × 5.
        #expect(cells.count == 10 + 25 * 7 + 15)
    }

    @Test func procurementCarriesItsUnitAsATextCell() {
        let cells = ReportCells.cells(of: Build.report(template: .v2019)).filter { $0.row == "procurement" }
        #expect(cells.map(\.column) == ["items", "amount", "amount_unit"])
        #expect(cells.map(\.text) == ["27", "1856.42", "万元"])
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSV.field("plain 年") == "plain 年")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.record(["a", "", "b,c"]) == "a,,\"b,c\"\n")
    }

    @Test func cellsCSVRecords() {
        let report = Build.report(template: .v2019).at("h/报告, 2020.pdf")
        let lines = CellsCSV.records(for: report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let sha = String(repeating: "0", count: 64)
        #expect(lines.first == "\"h/报告, 2020.pdf\",\(sha),岚川市人民政府,2020,2019,active_disclosure,regulations,new_made,4")
        #expect(lines.contains("\"h/报告, 2020.pdf\",\(sha),岚川市人民政府,2020,2019,active_disclosure,licensing,change,-2"))
        #expect(CellsCSV.header.joined(separator: ",")
                == "source,sha256,organization,year,template,table,row,column,value")
    }

    @Test func failuresCSVRecord() {
        let entry = ManifestEntry(path: "x.pdf", status: .failed, error: "crash", message: "crash: signal 11 (SIGSEGV)")
        #expect(FailuresCSV.record(for: entry) == "x.pdf,,crash,crash: signal 11 (SIGSEGV)\n")
    }
}

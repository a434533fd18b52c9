import Foundation
import Testing
@testable import GovReport

/// Whole rows of a scanned table: a row placed by the number its label kept when the scan lost
/// a row beside it, and every cell of a row that was not found, or whose cells do not line up
/// with the template's columns, marked as doubtful rather than left as a silent gap.
@Suite struct ScanRowsTests {
    static let keys = ["denied_query_matters", "unable_not_held", "unable_needs_creation", "unable_unclear"]
    static let labels = ["8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]

    /// The blank row 1.本机关不掌握… was lost and 2.没有… read as `2.没`: one printed row where the
    /// template has two, placed by its number.
    @Test func aRowKeepsItsNumberWhenTheScanLostItsNeighbour() {
        let printed = ["8.属于", "2.没", "3补请内容"]
        let placed = PositionalRows.fill([0, nil, 3], pages: [4, 4, 4], ocrPages: [4], keys: Self.keys,
                                         printed: printed, labels: Self.labels)
        #expect(placed.assignment == [0, 2, 3])
        #expect(placed.filled == [1])
        // No number, or a number the gap does not hold: left alone.
        #expect(PositionalRows.fill([0, nil, 3], pages: [4, 4, 4], ocrPages: [4], keys: Self.keys,
                                    printed: ["8.属于", "没有", "3补"], labels: Self.labels).assignment == [0, nil, 3])
        #expect(PositionalRows.fill([0, nil, 3], pages: [4, 4, 4], ocrPages: [4], keys: Self.keys,
                                    printed: ["8.属于", "5.没有", "3补"], labels: Self.labels).assignment == [0, nil, 3])
        // A text layer's rows stay as the label matcher placed them.
        #expect(PositionalRows.fill([0, nil, 3], pages: [4, 4, 4], ocrPages: [], keys: Self.keys,
                                    printed: printed, labels: Self.labels).assignment == [0, nil, 3])
        // The count agrees but a number says otherwise (the blank row lost, a heading read as a
        // row): placed by number, the heading left unmatched.
        let shifted = PositionalRows.fill([0, nil, nil, 3], pages: [4, 4, 4, 4], ocrPages: [4], keys: Self.keys,
                                          printed: ["8.属于", "2.没有", "(四)无法提供", "3补"], labels: Self.labels)
        #expect(shifted.assignment == [0, 2, nil, 3])
        #expect(PositionalRows.number("2.没有") == 2 && PositionalRows.number("12、x") == 12)
        #expect(PositionalRows.number("(四)无法提供") == nil && PositionalRows.number("2021年") == nil)
    }

    /// The mapper places the row by its number through the label matcher's alignment.
    @Test func theMapperPlacesANumberedRowOnAScan() {
        var mapper = TemplateMapper(template: .v2021)
        mapper.ocrPages = [4]
        let cells: [String?] = ["37", "5", nil, nil, nil, "2", "44"]
        let rows = [RawRow(label: "8.属于行政查询事项", cells: ["1", nil, nil, nil, nil, nil, "1"], page: 4),
                    RawRow(label: "2.没", cells: cells, page: 4),
                    RawRow(label: "3.补正后申请内容仍不明确", cells: ["4", nil, nil, nil, nil, nil, "4"], page: 4)]
        let table = mapper.applications(rows)
        let row = table.rows.first { $0.key == "unable_needs_creation" }
        #expect(row?.values == [37, 5, nil, nil, nil, 2, 44])
        #expect(!table.rows.contains { $0.key == "unable_not_held" })
    }

    /// A row not found on the scan: each of its cells gets `cell.uncertain` (page of the row
    /// before it); a row with more cells than the template's columns: each of its cells too.
    @Test func aRowNotFoundOrMisalignedIsMarkedWhole() {
        var applications = Build.consistentApplications()
        for i in applications.rows.indices { applications.rows[i].page = 4 }
        applications.remove("unable_not_held")
        var report = Build.report(applications: applications)
        for i in report.activeDisclosure.rows.indices { report.activeDisclosure.rows[i].page = 3 }
        report.diagnostics = [
            Finding(code: "label.row_not_found", severity: .warning, message: "", table: "applications", row: "unable_not_held"),
            Finding(code: "table.cell_count", severity: .warning, message: "", table: "active_disclosure",
                    row: "regulations", page: 3),
        ]
        let marks = UncertainCells.diagnostics(for: report, doubts: [], ocrPages: [3, 4])
        let missing = marks.filter { $0.row == "unable_not_held" }
        #expect(Set(missing.compactMap(\.column)) == Set(Template.applicationColumns))
        #expect(missing.allSatisfy { $0.page == 4 && $0.message.contains("row not found on the scan") })
        let regulations = report.activeDisclosure.rows.first { $0.key == "regulations" }!
        #expect(Set(marks.filter { $0.row == "regulations" }.compactMap(\.column)) == Set(regulations.fields))
        #expect(marks.count == missing.count + regulations.fields.count)
        // Pages with a text layer: nothing.
        #expect(UncertainCells.diagnostics(for: report, doubts: [], ocrPages: []).isEmpty)
    }

    /// A whole table not found on a report read by OCR (its grid missed on a scan): every cell
    /// of it, in the layout of the report's format, is marked, with no page (it is not known);
    /// with a text layer only, a missing table stays a finding alone.
    @Test func aTableNotFoundOnAScanIsMarkedWhole() {
        var report = Build.report(template: .v2019, review: TableValues())
        report.applications = TableValues()
        let marks = UncertainCells.diagnostics(for: report, doubts: [], ocrPages: [1, 2, 3])
        let review = marks.filter { $0.table == "review_litigation" }
        #expect(review.count == 15)
        #expect(Set(review.compactMap(\.row)) == Set(Template.reviewGroups))
        #expect(review.allSatisfy { $0.page == nil && $0.message.contains("table not found") })
        let applications = marks.filter { $0.table == "applications" }
        let rows = ApplicationRow.layout(splitOther: false).map(\.rawValue)
        #expect(applications.count == rows.count * 7)
        #expect(Set(applications.compactMap(\.row)) == Set(rows))
        #expect(!marks.contains { $0.table == "active_disclosure" })
        #expect(UncertainCells.diagnostics(for: report, doubts: [], ocrPages: []).isEmpty)
        // 2021: (六) as its three sub-rows.
        var r2021 = Build.report(template: .v2021)
        r2021.applications = TableValues()
        let split = Set(UncertainCells.diagnostics(for: r2021, doubts: [], ocrPages: [2]).compactMap(\.row))
        #expect(split == Set(ApplicationRow.layout(splitOther: true).map(\.rawValue)))
    }

    /// A row whose total fails beside a cell OCR could not read: the row may have been read a
    /// column off, so every cell of it is marked, not only the doubtful one.
    @Test func aFailingRowWithADoubtfulCellIsMarkedWhole() {
        var applications = Build.consistentApplications()
        for i in applications.rows.indices { applications.rows[i].page = 4 }
        let r = applications.rows.firstIndex { $0.key == "rejected_duplicate" }!
        applications.rows[r].values = [1, nil, 0, 0, 0, 0, 0]
        let boxes = (0..<7).map { Rect(x0: 200 + Double($0) * 50, y0: 500, x1: 240 + Double($0) * 50, y1: 512) }
        applications.rows[r].geometry = RowGeometry(label: Rect(x0: 60, y0: 500, x1: 190, y1: 512), cells: boxes)
        // The column's total disagrees by another amount: no single slip explains both rules.
        let t = applications.rows.firstIndex { $0.key == "total_processed" }!
        applications.rows[t].values[0] = 13
        let report = Build.report(applications: applications)
        let doubt = OCRDoubt(page: 4, box: boxes[0], reason: "characters outside the expected set: 1请")
        let marks = UncertainCells.diagnostics(for: report, doubts: [doubt], ocrPages: [4])
        let row = Set(marks.filter { $0.row == "rejected_duplicate" }.compactMap(\.column))
        #expect(row == Set(Template.applicationColumns))
    }

    /// A number read into a column whose sums want none there (a row's values placed a column
    /// off): the rules it breaks point at that cell alone, not at every cell of its row or column.
    @Test func aNumberWhereTheSumsWantNoneIsMarkedAlone() {
        var applications = Build.consistentApplications()
        for i in applications.rows.indices { applications.rows[i].page = 4 }
        let r = applications.rows.firstIndex { $0.key == "rejected_duplicate" }!
        let research = applications.rows[r].fields.firstIndex(of: "research")!
        applications.rows[r].values[research] = 52
        let report = Build.report(applications: applications)
        let marks = UncertainCells.diagnostics(for: report, doubts: [], ocrPages: [4])
        #expect(marks.contains { $0.row == "rejected_duplicate" && $0.column == "research" })
        #expect(!marks.contains { $0.row == "rejected_duplicate" && $0.column == "natural_person" })
        #expect(!marks.contains { $0.row == "granted" })
    }
}

/// The title of a scan printed over two lines (the body, then year and report name): OCR
/// estimates each line's size from its boxes, a quarter apart here, and the lines still join.
@Suite struct ScanTitleTests {
    static func page(ocr: Bool) -> PageLayout {
        var glyphs = Draw.centered("云山区人民政府", x: 298, y: 80, size: 22) + Draw.centered("2020年政府信息公开工作年度报告", x: 298, y: 110, size: 17)
        glyphs += Draw.text("本报告由云山区人民政府办公室依据条例编制。", x: 70, y: 160, size: 12)
        glyphs += Draw.text("一、总体情况", x: 70, y: 190, size: 12)
        glyphs += Draw.text("本年度情况良好。", x: 94, y: 215, size: 12)
        if ocr { glyphs = glyphs.map { var g = $0; g.fontName = Glyph.ocrFontName; return g } }
        return PageLayout(number: 1, width: 595, height: 842, glyphs: glyphs)
    }

    @Test func aTwoLineTitleReadByOCRJoins() {
        let lines = PositionedPages([Self.page(ocr: true)]).runningText()
        let title = ReportInfoReader.title(in: lines)
        #expect(title == "云山区人民政府2020年政府信息公开工作年度报告")
        #expect(ReportInfoReader.organization(title: title) == "云山区人民政府")
        // A text layer's sizes are print sizes: lines of different sizes are not one title.
        #expect(ReportInfoReader.title(in: PositionedPages([Self.page(ocr: false)]).runningText()) == "2020年政府信息公开工作年度报告")
    }
}

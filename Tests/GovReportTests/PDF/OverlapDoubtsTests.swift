import Testing
@testable import GovReport

/// An overlap that visibility could not decide marks the cell it lies in with the table, row,
/// column and page (spec: doubtful cells).
@Suite struct OverlapDoubtsTests {
    static func report() -> CanonicalReport {
        var report = Build.report()
        // The granted row printed on page 2: label, then seven cells 40 pt apart.
        let i = report.applications.rows.firstIndex { $0.key == "granted" }!
        let cells: [Rect?] = (0..<7).map { Rect(x0: 200 + Double($0) * 40, y0: 300, x1: 230 + Double($0) * 40, y1: 312) }
        report.applications.rows[i].page = 2
        report.applications.rows[i].geometry = RowGeometry(label: Rect(x0: 60, y0: 300, x1: 190, y1: 312), cells: cells)
        return report
    }

    @Test func theUndecidedPlaceNamesItsCell() {
        let place = Rect(x0: 242, y0: 301, x1: 249, y1: 311)   // inside the second cell (legal_person… column 1)
        let found = OverlapDoubts.diagnostics(for: Self.report(), places: [2: [place]])
        #expect(found.count == 1)
        let f = try! #require(found.first)
        #expect(f.code == "cell.uncertain")
        #expect(f.table == "applications")
        #expect(f.row == "granted")
        #expect(f.column == Template.applicationColumns[1])
        #expect(f.page == 2)
        #expect(f.message.contains("kept 1"))
    }

    @Test func aPlaceOnAnotherPageOrOutsideEveryCellMarksNothing() {
        let place = Rect(x0: 242, y0: 301, x1: 249, y1: 311)
        #expect(OverlapDoubts.diagnostics(for: Self.report(), places: [1: [place]]).isEmpty)
        #expect(OverlapDoubts.diagnostics(for: Self.report(), places: [2: [Rect(x0: 242, y0: 500, x1: 249, y1: 510)]]).isEmpty)
    }
}

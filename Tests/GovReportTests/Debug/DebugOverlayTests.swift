import Foundation
import Testing
@testable import GovReport

/// The debug view names each row by its table's and row's JSON keys, as the document does.
@Suite struct DebugOverlayTests {
    @Test func rowsAreNamedByTheirJSONKeys() {
        var r = Build.report()
        let label = Rect(x0: 10, y0: 20, x1: 60, y1: 30), cell = Rect(x0: 100, y0: 20, x1: 120, y1: 30)
        r.reviewLitigation.rows[0] = RowValues(key: "review", fields: Template.reviewFields, values: [1, 0, 0, 0, 1],
                                               page: 1, geometry: RowGeometry(label: label, cells: [cell, nil, nil, nil, nil]))
        let page = PageLayout(number: 1, width: 595, height: 842, glyphs: [])
        let texts = DebugOverlay(page: page, report: r).marks.compactMap { mark -> String? in
            if case .text(let s, _, _, _, _) = mark { return s }
            return nil
        }
        #expect(texts == ["review_litigation.review", "upheld"])
    }
}

import Testing
@testable import GovReport

/// The cells stage on hand-built pages.
@Suite struct CellReaderTests {
    static let reader = CellReader(columnCount: 7, table: "applications", settings: .standard)
    static let columns = PlacedColumns(model: ColumnModel.fromCenters(HandBuiltTable.centers)!, source: .fullRows)

    static func read(_ glyphs: [Glyph]) -> CellReader.Result {
        let page = HandBuiltTable.page(glyphs)
        let rows = RowFinder(columnCount: 7, settings: .standard).rows(in: page).rows
        return reader.read(page, rows: rows) { _ in columns }
    }

    @Test func valuesGoToTheColumnTheyStandIn() {
        let result = Self.read(HandBuiltTable.values(HandBuiltTable.partial, y: 100))
        #expect(result.cells[105] == HandBuiltTable.partial)
        #expect(result.boxes[105]?.compactMap { $0?.midX } == [220, 460])
        #expect(result.columns == [Self.columns])
        #expect(result.dataLeft == 216.5 && result.dataRight == 480)
        #expect(result.diagnostics.isEmpty)
    }

    /// Two numbers side by side in one column: the line is placed again in order, one number
    /// a column, and as the row prints fewer numbers than columns, both cells are doubts.
    @Test func numbersCrowdedIntoOneColumnArePlacedInOrderAsDoubts() {
        let glyphs = Draw.text("1", x: 207, y: 100) + Draw.text("2", x: 227, y: 100)
        let result = Self.read(glyphs)
        #expect(result.cells[105]?.prefix(2) == ["1", "2"])
        #expect(result.doubts.count == 2 && result.doubts.allSatisfy { $0.table == "applications" && $0.page == 2 })
        #expect(result.diagnostics.isEmpty)
    }

    /// More numbers on a line than columns cannot be placed one a column: two side by side in
    /// one column are joined, and said.
    @Test func moreNumbersThanColumnsAreJoinedAndSaid() {
        let glyphs = Draw.text("9", x: 207, y: 100) + Draw.text("8", x: 227, y: 100)
            + HandBuiltTable.values([nil, "1", "2", "3", "4", "5", "6"], y: 100)
        let result = Self.read(glyphs)
        #expect(result.cells[105]?[0] == "98")
        #expect(result.diagnostics.map(\.code) == ["table.cell_joined"])
    }

    @Test func aRowWhoseValuesAllLieOutsideTheColumnsIsDropped() {
        let result = Self.read(Draw.text("无", x: 40, y: 100))
        #expect(result.rows.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["table.columns_unknown"])
    }

    @Test func withoutColumnsTheRowIsKeptAndSaid() {
        let page = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.partial, y: 100))
        let rows = RowFinder(columnCount: 7, settings: .standard).rows(in: page).rows
        let result = Self.reader.read(page, rows: rows) { _ in nil }
        #expect(result.rows.count == 1 && result.columns == [nil])
        #expect(result.cells.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["table.columns_unknown"])
        // Its numbers were not read: the row's cells are doubts, not blanks.
        #expect(result.placementDoubts[105]?.contains("1, 1") == true)
    }
}

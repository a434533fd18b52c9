import Testing
@testable import GovReport

/// The rows stage on hand-built pages.
@Suite struct RowFinderTests {
    let finder = RowFinder(columnCount: 7, settings: .standard)

    @Test func valuesOnOneBaselineAreOneRow() {
        let page = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.full, y: 100)
                                       + HandBuiltTable.values(HandBuiltTable.partial, y: 125))
        let found = finder.rows(in: page)
        #expect(found.bands.count == 2)
        #expect(found.rows.map { $0.words.map(\.text) } == [["12", "3", "0", "0", "0", "1", "16"], ["1", "1"]])
        #expect(!found.ruled)
    }

    /// A three-line table (a rule on top, one under the header, one at the bottom): the rules
    /// separate no rows, so they are set aside and every band is a row.
    @Test func aThreeLineTablesRulesAreSetAside() {
        let glyphs = [100.0, 125, 150].flatMap { HandBuiltTable.values(HandBuiltTable.full, y: $0) }
        let rules = [80.0, 92, 170].map { Ruling(axis: .horizontal, position: $0, start: 30, end: 480) }
        let found = finder.rows(in: HandBuiltTable.page(glyphs, rulings: rules))
        #expect(!found.ruled)
        #expect(found.part.page.horizontalRulings.isEmpty)
        #expect(found.rows.count == 3)
    }

    /// In a grid, a number wrapped in its cell (12 / 34) and the row's other values centred
    /// between its lines are several bands but one row.
    @Test func bandsInsideOneRuledRowAreOneRow() {
        var glyphs = HandBuiltTable.values(HandBuiltTable.full, y: 100)
        glyphs += Draw.centered("12", x: 220, y: 117) + Draw.centered("34", x: 220, y: 131)
        glyphs += HandBuiltTable.values([nil, "5", "0", "0", "0", "0", "1246"], y: 124)
        glyphs += HandBuiltTable.values(HandBuiltTable.full, y: 150) + HandBuiltTable.values(HandBuiltTable.full, y: 170)
        let found = finder.rows(in: HandBuiltTable.page(glyphs, rulings: HandBuiltTable.grid([95, 115, 145, 165, 185])))
        #expect(found.ruled)
        #expect(found.bands.count > 4)
        #expect(found.rows.count == 4)
        #expect(found.rows[1].words.filter { abs($0.box.midX - 220) < 5 }.map(\.text) == ["12", "34"])
    }

    /// A ruled band with a label and nothing in the data columns is a blank row; without
    /// rulings, a numbered label matching a known row with no values beside it is one.
    @Test func blankRowsRuledAndUnruled() {
        let known = Template.applicationRows.map(\.label).map(LabelMatcher.core)
        let blank = BlankRows(knownLabels: known, settings: .standard)
        var glyphs = HandBuiltTable.values(HandBuiltTable.full, y: 100) + Draw.text("四、结转下年度继续办理", x: 35, y: 120)
        let ruled = HandBuiltTable.page(glyphs, rulings: HandBuiltTable.grid([95, 115, 135]))
        let valueRows = finder.rows(in: ruled).rows
        let rows = blank.rows(ruled, valueRows: valueRows, dataLeft: 200, dataRight: 480)
        #expect(rows.map(\.midY) == [125])

        glyphs = HandBuiltTable.values(HandBuiltTable.full, y: 100) + Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100)
            + Draw.text("四、结转下年度继续办理", x: 35, y: 125)
        let unruled = HandBuiltTable.page(glyphs)
        let found = blank.rows(unruled, valueRows: finder.rows(in: unruled).rows, dataLeft: 200, dataRight: 480)
        #expect(found.map(\.midY) == [130])
    }
}

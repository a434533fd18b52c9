import Testing
@testable import GovReport

/// Bands of values joined into the ruled rows they lie in.
@Suite struct DataRowsTests {
    static func words(_ text: String, x: Double, y: Double) -> [Word] {
        LineBuilder.lines(Draw.text(text, x: x, y: y, size: 11)).flatMap(\.words)
    }

    /// 无 of a vertical group label (无法提供) reads like a placeholder value and stands left of
    /// where the row rules begin: two rows with a rule between them stay two rows.
    @Test func aLabelCharacterLeftOfTheRulesDoesNotJoinTwoRows() {
        let values = Self.words("无", x: 107, y: 64) + Self.words("10", x: 234, y: 72) + Self.words("13", x: 472, y: 72)
            + Self.words("0", x: 237, y: 162) + Self.words("0", x: 475, y: 162)
        let bands = DataRow.rows(of: values, page: 5)
        let rules = [63.0, 154, 217].map { Ruling(axis: .horizontal, position: $0, start: 126.7, end: 496.7) }
        let rows = DataRow.mergedWithinRuledRows(bands, rulings: rules)
        #expect(rows.count == 2)
        #expect(rows.last?.words.map(\.text) == ["0", "0"])
    }
}

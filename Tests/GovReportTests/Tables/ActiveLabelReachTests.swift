import Testing
@testable import GovReport

/// Which lines hold a 主动公开 row's label when its values' boxes are shorter than the labels'.
@Suite struct ActiveLabelReachTests {
    static func lines(_ parts: [(String, Double, Double, Double)]) -> [TextLine] {
        LineBuilder.lines(parts.flatMap { Draw.text($0.0, x: $0.1, y: $0.2, size: $0.3) })
    }

    static func reach(_ lines: [TextLine]) -> (rows: [DataRow], reaches: (TextLine, DataRow) -> Bool) {
        let values = lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
        let rows = DataRow.rows(of: values, page: 1)
        let height = ActiveTableReader.medianLabelHeight(lines)
        return (rows, { ActiveTableReader.reaches($0, row: $1, rows: rows, labelHeight: height, band: 1) })
    }

    /// Digits in a Latin font (boxes 0.64 of the ideographs') centred between the two lines of
    /// a wrapped label (行政规范性文 / 件): both lines are the row's, though neither lies within
    /// the values' own height.
    @Test func aWrappedLabelAroundShortValuesIsTheRows() {
        let lines = Self.lines([("行政规范性文", 40, 35.8, 11.3), ("8", 200, 52.2, 7.2), ("0", 260, 52.2, 7.2),
                                ("28", 320, 52.2, 7.2), ("件", 40, 63.1, 11.3)])
        let (rows, reaches) = Self.reach(lines)
        #expect(rows.count == 1)
        let label = lines.filter { reaches($0, rows[0]) }.flatMap(\.words).filter { !ValueParser.looksLikeValue($0.text) }
        #expect(label.map(\.text).joined() == "行政规范性文件")
    }

    /// OCR'd digits are shorter than the ideographs too; the next row's line, which holds that
    /// row's values, stays that row's, and so does a label line nearer to the next row's values.
    @Test func theNextRowsLinesStayTheirs() {
        let lines = Self.lines([("规章", 40, 59.3, 11.7), ("0", 200, 59.8, 9.5), ("0", 260, 59.8, 9.5), ("0", 320, 59.8, 9.5),
                                ("行政规范性文件", 40, 75, 11.7), ("0", 200, 75.5, 9.5), ("0", 260, 75.5, 9.5), ("48", 320, 75.5, 9.5)])
        let (rows, reaches) = Self.reach(lines)
        #expect(rows.count == 2)
        #expect(lines.filter { reaches($0, rows[0]) }.map(\.text) == ["规章 0 0 0"])
        let wrapped = Self.lines([("规章", 40, 50, 11.3), ("0", 200, 52, 7.2), ("行政规范性文", 40, 63.5, 11.3),
                                  ("8", 200, 70, 7.2), ("件", 40, 80, 11.3)])
        let (rows2, reaches2) = Self.reach(wrapped)
        #expect(rows2.count == 2)
        #expect(!wrapped.contains { $0.text == "行政规范性文" && reaches2($0, rows2[0]) })
        #expect(wrapped.contains { $0.text == "行政规范性文" && reaches2($0, rows2[1]) })
    }
}

import Testing
@testable import GovReport

/// Rows whose numbers lost their cells (narrow cells of a reportlab Word/WPS export: wide
/// numbers touch or stand one space apart, a first number pressed left of the columns by an
/// overflowing label), read again where the row's own sum says how (`SummedRows`). Unruled
/// tables drawn by hand: labels at x 35, seven data columns centred at x 220, 260, …, 460.
@Suite struct SummedRowsTests {
    typealias M = MatrixTableReaderTests
    typealias C = ColumnPlacementTests

    static let sums = [RowSum(parts: Array(0..<6), total: 6)]

    static func read(_ row: [Glyph], label: String = "（一）予以公开") -> [String?]? {
        let glyphs = C.header() + Draw.text(label, x: 35, y: 140) + row
        var reader = MatrixTableReader(columnCount: 7, table: "applications", knownLabels: M.known, rowSums: sums)
        let rows = reader.rows(in: [C.page(2, glyphs)])
        return rows.first { $0.label.contains(label.prefix(4)) }?.cells
    }

    @Test func twoNumbersRunTogetherAreCutWhereTheRowsSumHolds() throws {
        // 3292 and 2077 touching across the first two columns: one run of digits.
        let row = Draw.centered("32922077", x: 240, y: 140) + C.values(Array(zip(["425", "282", "505", "358", "6939"], M.centers.dropFirst(2))), y: 140)
        #expect(Self.read(row) == ["3292", "2077", "425", "282", "505", "358", "6939"])
    }

    @Test func oneRunHoldingFourNumbersIsCutThreeTimes() throws {
        let row = C.values([("2136", M.centers[0])], y: 140) + Draw.centered("634277124289", x: 320, y: 140)
            + C.values([("167", M.centers[5]), ("3627", M.centers[6])], y: 140)
        #expect(Self.read(row) == ["2136", "634", "277", "124", "289", "167", "3627"])
    }

    @Test func twoNumbersASpaceApartInOneColumnAreTwoWhenTheSumSaysSo() throws {
        // 239 113 reads like a number with a space as thousands separator.
        let row = Draw.centered("239 113", x: M.centers[0], y: 140)
            + C.values(Array(zip(["15", "14", "13", "16", "410"], M.centers.dropFirst(2))), y: 140)
        #expect(Self.read(row) == ["239", "113", "15", "14", "13", "16", "410"])
    }

    @Test func aNumberWithASpaceAsThousandsSeparatorStaysOne() throws {
        let row = Draw.centered("1 234", x: M.centers[0], y: 140) + M.values([nil, "0", "0", "0", "0", "0", "1234"], y: 140)
        #expect(Self.read(row) == ["1234", "0", "0", "0", "0", "0", "1234"])
    }

    @Test func aFirstNumberLeftOfEveryColumnIsTheFirstColumnsWhenTheSumSaysSo() throws {
        // The label overflows its cell; the row's first number stands left of the columns.
        let row = C.values([("7", 160)], y: 140) + M.values([nil, "2", "0", "0", "1", "0", "10"], y: 140)
        #expect(Self.read(row, label: "（二）部分公开") == ["7", "2", "0", "0", "1", "0", "10"])
    }

    @Test func aRowWhoseSumFailsAsPrintedIsLeftAsPlaced() throws {
        // The report's own arithmetic slip: nothing to read again.
        let row = M.values(["5", "1", "1", "1", "1", "1", "11"], y: 140)
        #expect(Self.read(row) == ["5", "1", "1", "1", "1", "1", "11"])
    }

    @Test func twoCutsThatBothHoldLeaveTheRunAsPlaced() throws {
        // 1111 could be 1 and 111 or 111 and 1: the sum cannot tell.
        let row = Draw.centered("1111", x: 240, y: 140) + M.values([nil, nil, "0", "0", "0", "0", "112"], y: 140)
        let cells = try #require(Self.read(row))
        #expect(cells.contains("1111"))
    }

    @Test func aRowWithBlanksIsNotReadAgain() throws {
        // 34 read as 3 and 4 would meet the sum, but which part columns they take is not the
        // sum's to say.
        let row = M.values(["34", nil, nil, nil, nil, nil, "7"], y: 140)
        #expect(Self.read(row) == ["34", nil, nil, nil, nil, nil, "7"])
    }

    @Test func aLaidOutRowSqueezedLeftWithItsNumbersRunTogetherIsReadBySum() throws {
        // `pdftotext -layout` of a reportlab print: 3292 and 2077 touching, the row squeezed
        // left (425 282 in one column's reach); the next row's label overflowing its cell,
        // its first number abutting the label's closing bracket.
        let text = """
            三、收到和处理政府信息公开申请情况
            一、本年新收政府信息公开申请数量                          13     8     1     7    23     5    57
            二、上年结转政府信息公开申请数量                           0     0     0     0     0     0     0
                （一）予以公开                        32922077 425 282 505 358   6939
                （二）部分公开（区分处理的，只计这一情形，不计其他情形）149             0     6     0    15     6   176
            
            四、政府信息公开行政复议、行政诉讼情况
            """
        let rows = try #require(PositionedPages(LaidOutText(text: text).layouts).tables().applications)
        let granted = try #require(rows.first { $0.label.contains("予以公开") })
        #expect(granted.cells == ["3292", "2077", "425", "282", "505", "358", "6939"])
        let partial = try #require(rows.first { $0.label.contains("部分公开") })
        #expect(partial.cells == ["149", "0", "6", "0", "15", "6", "176"])
        #expect(!partial.label.contains("149"))
    }

    /// A label justified to fill its cell (Chromium's print of a narrow label column) leaves
    /// only the padding, a third of an em, before the next cell's 0: split off when the 0 lines
    /// up with the numbers of its column, kept with the label when nothing stands above it.
    @Test func aNumberInAColumnOfValuesIsSplitOffANarrowGap() {
        let label = Draw.text("行政机关不再处理其政府信", x: 50, y: 200)
        let glued = label + Draw.text("0", x: 173.5, y: 200)
        let column = Draw.text("12", x: 173.5, y: 170) + Draw.text("0", x: 173.5, y: 230)
        let settings = TableFinderSettings.standard.labels
        func words(_ glyphs: [Glyph]) -> [String] {
            GluedValues.split(HandBuiltTable.page(glyphs), settings: settings).lines.flatMap(\.words).map(\.text)
        }
        #expect(words(glued + column).contains("0"))
        #expect(words(glued + column).contains("行政机关不再处理其政府信"))
        #expect(words(glued).contains("行政机关不再处理其政府信0"))
    }

    @Test func aNumberAbuttingALabelsClosingBracketIsSplitOff() {
        let gap = TableFinderSettings.standard.labels.gluedValueGap
        let abutting = Draw.text("不计其他情形）149", x: 35, y: 100)
        #expect(GluedValues.split(LineBuilder.word(abutting), gap: gap).map(\.text) == ["不计其他情形）", "149"])
        // A narrow gap that is no abutting (a PDF's number drawn near the bracket) stays.
        let near = Draw.text("不计其他情形）", x: 35, y: 100) + Draw.text("49", x: 108, y: 100)
        #expect(GluedValues.split(LineBuilder.word(near), gap: gap).count == 1)
    }

    /// 470, 222 and 39 centred on their columns and touching (47022239), 38 and 846 too
    /// (38846): 470|222|39 and 470|22|239 both make the row add up; the columns' centres say
    /// which, and without them neither is taken.
    @Test func whereTwoReadingsAddUpTheColumnsDecide() throws {
        let run = Draw.text("470", x: 100, y: 100) + Draw.text("222", x: 115, y: 100) + Draw.text("39", x: 130, y: 100)
        let tail = Draw.text("38", x: 190, y: 100) + Draw.text("846", x: 200, y: 100)
        let words = [LineBuilder.word(run), LineBuilder.word(Draw.text("30", x: 150, y: 100)),
                     LineBuilder.word(Draw.text("47", x: 170, y: 100)), LineBuilder.word(tail)]
        let model = try #require(ColumnModel.fromCenters([107.5, 122.5, 135, 155, 175, 195, 207.5]))
        let read = SummedRows.reading(words, columnCount: 7, sums: Self.sums, settings: .standard, model: model)
        #expect(read?.map(\.text) == ["470", "222", "39", "30", "47", "38", "846"])
        #expect(SummedRows.reading(words, columnCount: 7, sums: Self.sums, settings: .standard) == nil)
    }

    /// A total row run together into 16 and 6 digits (2949646100142265 854187): thousands of
    /// ways to cut it, several adding up; every one is tried and the columns decide.
    @Test func aLongRunOfATotalRowIsCutByItsSumAndColumns() throws {
        let parts = [("2949", 100.0), ("646", 120), ("100", 135), ("142", 150), ("265", 165)]
        let run = parts.flatMap { Draw.text($0.0, x: $0.1, y: 100) }
        let tail = Draw.text("85", x: 190, y: 100) + Draw.text("4187", x: 200, y: 100)
        let model = try #require(ColumnModel.fromCenters([110, 127.5, 142.5, 157.5, 172.5, 195, 210]))
        let read = SummedRows.reading([LineBuilder.word(run), LineBuilder.word(tail)], columnCount: 7, sums: Self.sums,
                                      settings: .standard, model: model)
        #expect(read?.map(\.text) == ["2949", "646", "100", "142", "265", "85", "4187"])
    }

    @Test func theCutsOfARun() {
        #expect(SummedRows.cuts(4, 2) == [[1], [2], [3]])
        #expect(SummedRows.cuts(4, 3) == [[1, 2], [1, 3], [2, 3]])
        // No piece longer than a number of the table: a long run is not cut every way.
        #expect(SummedRows.cuts(16, 2).isEmpty)
        #expect(SummedRows.cuts(10, 2) == [[3], [4], [5], [6], [7]])
        #expect(SummedRows.cuts(40, 3).isEmpty)
        // No piece but a lone 0 opens with 0.
        let words = [LineBuilder.word(Draw.text("105", x: 0, y: 0))]
        #expect(SummedRows.splits(words, count: 1).map { $0.map(\.text) } == [["10", "5"]])
    }
}

import Testing
@testable import GovReport

/// Numbers wrapped a digit or two a line in the narrow cells of a table without rulings.
@Suite struct StackedPiecesTests {
    static func words(_ text: String, x: Double, y: Double) -> [Word] { DataRowsTests.words(text, x: x, y: y) }

    /// 125 printed 1 over 2 over 5 and 74 as 7 over 4, under the row's line (two lines of
    /// text apart, as LibreOffice prints a Word cell): one row, each cell one number.
    @Test func digitsStackedInTheirCellsAreOneNumber() {
        let values = Self.words("2573", x: 100, y: 100) + Self.words("7", x: 150, y: 100) + Self.words("1", x: 180, y: 100)
            + Self.words("4", x: 150, y: 122) + Self.words("2", x: 180, y: 122)
            + Self.words("5", x: 180, y: 144)
        let bands = DataRow.rows(of: values, page: 1)
        #expect(bands.count == 3)
        let rows = StackedPieces.joined(bands, labels: Self.words("一、本年新收", x: 10, y: 100))
        #expect(rows.count == 1)
        #expect(rows.first?.words.map(\.text) == ["2573", "74", "125"])
    }

    /// The next row's numbers under this one's, two lines down: its row number (（二） even
    /// after a group's name, 4.) says it is a row of its own.
    @Test func theNextRowsNumbersAreNotPieces() {
        let values = Self.words("5", x: 150, y: 100) + Self.words("3", x: 180, y: 100)
            + Self.words("2", x: 150, y: 122) + Self.words("1", x: 180, y: 122)
        let bands = DataRow.rows(of: values, page: 1)
        for label in ["办理结果（二）部分公开", "4.保护第三方"] {
            let labels = Self.words("（一）予以公开", x: 10, y: 100) + Self.words(label, x: 10, y: 122)
            #expect(StackedPieces.joined(bands, labels: labels).count == 2, "\(label)")
        }
        // A wrapped label's next line opens no row: these are pieces.
        let wrapped = Self.words("（一）予以公开", x: 10, y: 100) + Self.words("的情形", x: 16, y: 122)
        #expect(StackedPieces.joined(bands, labels: wrapped).count == 1)
    }

    /// A number narrower than the widest its column prints on one line had room and did not
    /// wrap; a number starting with 0 is no number's first digits; a digit far below is not
    /// in the cell.
    @Test func numbersThatDidNotWrapStayApart() {
        let wide = Self.words("14", x: 150, y: 30) + Self.words("5", x: 150, y: 100) + Self.words("2", x: 150, y: 122)
        #expect(StackedPieces.joined(DataRow.rows(of: wide, page: 1), labels: []).count == 3)
        let zero = Self.words("0", x: 150, y: 100) + Self.words("2", x: 150, y: 122)
        #expect(StackedPieces.joined(DataRow.rows(of: zero, page: 1), labels: []).count == 2)
        let far = Self.words("5", x: 150, y: 100) + Self.words("2", x: 150, y: 144)
        #expect(StackedPieces.joined(DataRow.rows(of: far, page: 1), labels: []).count == 2)
    }

    /// A page that sets its lines loosely (LibreOffice's print of a Word-made page: 2.7 em
    /// from line to line) sets a wrapped number's lines as loosely as its labels': 74 as 7 over
    /// 4 one label line apart is one number; the same digits that far apart beside labels that
    /// do not wrap are two rows.
    @Test func piecesOneLabelLineApartOnALoosePage() {
        let values = Self.words("2573", x: 100, y: 100) + Self.words("7", x: 150, y: 100) + Self.words("1", x: 180, y: 100)
            + Self.words("4", x: 150, y: 127) + Self.words("2", x: 180, y: 127)
            + Self.words("5", x: 180, y: 154)
        let bands = DataRow.rows(of: values, page: 1)
        let wrapped = Self.words("一、本年新收政府", x: 10, y: 100) + Self.words("信息公开申请数量", x: 10, y: 127)
            + Self.words("二、上年结转政府", x: 10, y: 200) + Self.words("信息公开申请数量", x: 10, y: 227)
        let rows = StackedPieces.joined(bands, labels: wrapped)
        #expect(rows.map { $0.words.map(\.text) } == [["2573", "74", "125"]])
        #expect(StackedPieces.joined(bands, labels: Self.words("一、本年新收", x: 10, y: 100)).count == 3)
    }

    /// A continuation page holding only 总计 and 四、结转, whose labels fit one line each: its
    /// numbers wrap as the table's do, one label line of the table apart (27 pt here, from the
    /// pages before), and read whole with the table's pitch; without it they stay apart.
    @Test func piecesOneLabelLineApartOnAPageWhoseLabelsDoNotWrap() {
        let values = Self.words("403", x: 100, y: 100) + Self.words("2", x: 150, y: 100) + Self.words("1", x: 180, y: 100)
            + Self.words("0", x: 150, y: 127) + Self.words("5", x: 180, y: 127)
        let bands = DataRow.rows(of: values, page: 2)
        let labels = Self.words("总计", x: 10, y: 100) + Self.words("四、结转下年度继续办理", x: 10, y: 200)
        #expect(StackedPieces.joined(bands, labels: labels).count == 2)
        let earlier = Self.words("一、本年新收政府", x: 10, y: 100) + Self.words("信息公开申请数量", x: 10, y: 127)
        let pitch = StackedPieces.tableLabelLinePitch(pages: [earlier, labels], settings: TableFinderSettings.standard.rows)
        #expect(pitch == 27)
        let rows = StackedPieces.joined(bands, labels: labels, tablePitch: pitch)
        #expect(rows.map { $0.words.map(\.text) } == [["403", "20", "15"]])
    }
}

import Testing
@testable import GovReport

/// Numbers wrapped a digit or two a line in a Word table's narrow cells, as `pdftotext -layout`
/// lays out LibreOffice's print: the rest joined where the row's sum says so.
@Suite struct SummedPiecesTests {
    /// A line of text with each word at its column (every character one column, as pdftotext
    /// counts them).
    static func line(_ words: [(Int, String)]) -> String {
        var out = ""
        for (column, text) in words {
            out += String(repeating: " ", count: max(column - out.count, out.isEmpty ? 0 : 1)) + text
        }
        return out
    }

    /// Every number of a row with its pieces: each number cut after `first` digits, the rest a
    /// digit a line (or all of it on one line), every other line, under the number's first
    /// digit shifted by `shift` columns; the row's line carries the first parts and its total.
    static func wrappedRow(label: String, numbers: [Int], columns: [Int], first: [Int], shift: [Int],
                           digitALine: Bool) -> [String] {
        var lines = [[(Int, String)]](repeating: [], count: 7)
        lines[0] = [(0, label)]
        lines[2] = [(0, "本年")]
        lines[4] = [(0, "度办")]
        for (k, n) in numbers.enumerated() {
            let text = Array(String(n))
            lines[0].append((columns[k], String(text.prefix(first[k]))))
            let rest = Array(text.dropFirst(first[k]))
            let pieces = digitALine ? rest.map { String($0) } : (rest.isEmpty ? [] : [String(rest)])
            for (j, piece) in pieces.enumerated() where 2 + 2 * j < lines.count {
                lines[2 + 2 * j].append((columns[k] + shift[k], piece))
            }
        }
        return lines.map { line($0.sorted { $0.0 < $1.0 }) }
    }

    /// The row's digits on its line, left to right, after the layout stage.
    static func rowDigits(_ lines: [String]) throws -> String {
        let text = LaidOutText(text: lines.joined(separator: "\n"))
        let page = try #require(text.layouts.first)
        let row = try #require(page.glyphs.first { $0.text == "（" }).box.y0
        return page.glyphs.filter { $0.box.y0 == row && $0.text.allSatisfy { $0.isASCII && $0.isNumber } }
            .sorted { $0.box.x0 < $1.box.x0 }.map(\.text).joined()
    }

    static let next = line([(5, "（二）部分公开"), (24, "482"), (30, "40"), (35, "39"), (40, "153"), (51, "714")])

    /// 148 printed 1 / 4 / 8 down its cell (the column prints 39 on one line), beside 176, 233
    /// and 1863 wrapped after two or three digits: every number whole on the row's line.
    @Test func aNumberWrappedADigitALineIsWholeWhereTheRowAddsUp() throws {
        let parts = [890, 176, 148, 416, 233]
        let numbers = parts + [parts.reduce(0, +)]
        let lines = Self.wrappedRow(label: "三、 （一）予以公开", numbers: numbers, columns: [24, 30, 35, 40, 46, 51],
                                    first: [3, 2, 1, 3, 2, 3], shift: [0, 0, 0, 0, 0, 1], digitALine: true) + [Self.next]
        #expect(try Self.rowDigits(lines) == numbers.map(String.init).joined())
    }

    /// `-fixed 3`: the rests stand up to two columns past their numbers' ends, or one left of
    /// their starts.
    @Test func piecesOffTheirNumbersColumnsAreWholeWhereTheRowAddsUp() throws {
        let parts = [1134, 275, 58, 7, 111, 48]
        let numbers = parts + [parts.reduce(0, +)]
        let lines = Self.wrappedRow(label: "一、 （一）予以公开", numbers: numbers, columns: [20, 30, 40, 46, 52, 60, 68],
                                    first: [3, 3, 1, 1, 3, 1, 2], shift: [5, 0, 2, 0, 0, -1, 0], digitALine: false)
            + [Self.line([(5, "（二）部分公开"), (20, "2"), (30, "3"), (40, "1"), (46, "0"), (52, "0"), (60, "0"), (68, "6")])]
        #expect(try Self.rowDigits(lines) == numbers.map(String.init).joined())
    }

    /// A row that adds up as printed keeps the digit under it apart; so does a row the digits
    /// under it would not make add up, a row they would make add up in two ways (1 + 1 + 1 ≠ 12:
    /// 10 + 1 + 1 = 12, and 100 + 10 + 10 = 120 too), and the next row's numbers under a row number.
    @Test func digitsThatDoNotMakeTheRowAddUpStayApart() {
        func pieces(_ rows: [[(Int, String)]]) -> [LaidOutText.SummedPiece] {
            LaidOutText.summedPieces(rows.map(Self.line), .characters, joined: [:], parts: [:])
        }
        let label = (0, "（一）予以公开")
        #expect(pieces([[label, (18, "1"), (23, "4"), (28, "5")], [], [(0, "本年"), (18, "2")]]).isEmpty)
        #expect(pieces([[label, (18, "1"), (23, "4"), (28, "6")], [], [(0, "本年"), (18, "2")]]).isEmpty)
        // (The same digits that make it add up in one way are joined.)
        #expect(pieces([[label, (18, "1"), (23, "4"), (28, "14")], [], [(0, "本年"), (18, "0")]]).map(\.whole) == ["10"])
        #expect(pieces([[label, (18, "1"), (23, "1"), (28, "1"), (33, "12")], [], [(0, "本年"), (18, "0")], [],
                        [(18, "0"), (23, "0"), (28, "0"), (33, "0")]]).isEmpty)
        #expect(pieces([[label, (18, "1"), (23, "4"), (28, "14")], [(0, "（二）部分公开"), (18, "0")]]).isEmpty)
    }
}

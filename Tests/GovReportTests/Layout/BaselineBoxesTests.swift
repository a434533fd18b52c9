import Testing
@testable import GovReport

/// Glyph boxes of a font with odd metrics (Type 3 digits) on a line set in another font: the
/// line is what poppler's baselines say, not what the boxes claim.
@Suite struct BaselineBoxesTests {
    static func font(_ glyphs: [Glyph], _ name: String) -> [Glyph] {
        glyphs.map { var g = $0; g.fontName = name; return g }
    }

    /// 泗洪县交通运输局 in a TrueType font, 2023 in a Type 3 font whose boxes are `top`…`bottom`,
    /// 年; then the title's second line.
    static func title(digitsTop top: Double, bottom: Double) -> (glyphs: [Glyph], lines: [Int]) {
        let head = font(Draw.text("泗洪县交通运输局", x: 100, y: 94, size: 20), "TT")
        var digits = font(Draw.text("2023", x: 260, y: 94, size: 20), "T3")
        for i in digits.indices {
            digits[i].box = Rect(x0: digits[i].box.x0, y0: top, x1: digits[i].box.x1, y1: bottom)
            digits[i].fontSize = bottom - top
        }
        let year = font(Draw.text("年", x: 300, y: 94, size: 20), "TT")
        let second = font(Draw.text("政府信息公开工作年度报告", x: 100, y: 124, size: 20), "TT")
        let first = head + digits + year
        return (first + second, Array(repeating: 0, count: first.count) + Array(repeating: 1, count: second.count))
    }

    @Test(arguments: [(52.8, 149.6), (106.7, 117.7), (90.2, 162.8)])
    func oddDigitBoxesStayOnTheirLine(top: Double, bottom: Double) {
        let (glyphs, lines) = Self.title(digitsTop: top, bottom: bottom)
        // Grouped by the boxes as claimed, the line falls apart (the test's premise).
        #expect(LineBuilder.lines(glyphs).map(\.text) != ["泗洪县交通运输局2023年", "政府信息公开工作年度报告"]
            || LineBuilder.lines(glyphs).first.map { $0.box.height > 30 } == true)
        let fixed = BaselineBoxes.normalized(glyphs, lines: lines)
        let built = LineBuilder.lines(fixed)
        #expect(built.map(\.text) == ["泗洪县交通运输局2023年", "政府信息公开工作年度报告"])
        #expect(built.map(\.box.height) == [20, 20])
        #expect(fixed.filter { $0.fontName == "T3" }.allSatisfy { $0.fontSize == 20 })
    }

    @Test func aSmallerFontOfNearlyTheLineHeightIsLeftAlone() {
        // Digits in a second font 15 pt high beside 20 pt text: believable, kept as drawn.
        let (glyphs, lines) = Self.title(digitsTop: 99, bottom: 114)
        #expect(BaselineBoxes.normalized(glyphs, lines: lines) == glyphs)
    }

    @Test func digitsOutsideAWordOfTheMainFontAreLeftAlone() {
        // One poppler line across table cells: 1. opening a label, and a number in the next
        // cell, both in a Latin font whose boxes are twice the ideographs'.
        var glyphs = Self.font(Draw.text("1.", x: 100, y: 95, size: 20), "Latin")
        glyphs += Self.font(Draw.text("本机关不掌握", x: 120, y: 100, size: 10), "CJK")
        glyphs += Self.font(Draw.text("31", x: 300, y: 95, size: 20), "Latin")
        #expect(BaselineBoxes.normalized(glyphs, lines: Array(repeating: 0, count: glyphs.count)) == glyphs)
    }

    @Test func verticalTextIsLeftAlone() {
        // A column of glyphs (one poppler line running down the page) with a digit in another
        // font: not a horizontal line, nothing to measure against.
        var glyphs = Self.font((0..<4).flatMap { Draw.text("字", x: 100, y: 100 + Double($0) * 20, size: 20) }, "TT")
        glyphs += Self.font(Draw.text("1", x: 100, y: 180, size: 8), "T3")
        #expect(BaselineBoxes.normalized(glyphs, lines: Array(repeating: 0, count: glyphs.count)) == glyphs)
    }
}

import Testing
@testable import GovReport

@Suite struct LineBuilderTests {
    @Test func aWideGapOnOneBaselineMakesTwoWords() {
        let glyphs = Draw.text("行政许可", x: 50, y: 100) + Draw.text("12", x: 200, y: 100)
        let lines = LineBuilder.lines(glyphs)
        #expect(lines.count == 1)
        #expect(lines.first?.words.map(\.text) == ["行政许可", "12"])
        #expect(lines.first?.text == "行政许可 12")
        #expect(lines.first?.box == Rect(x0: 50, y0: 100, x1: 210, y1: 110))
    }

    @Test func aNarrowGapStaysOneWord() {
        // A space in a spaced-out CJK label (narrower than the glyphs) does not split it.
        let glyphs = Draw.text("总", x: 50, y: 100) + Draw.text("计", x: 65, y: 100)
        #expect(LineBuilder.lines(glyphs).first?.words.map(\.text) == ["总计"])
    }

    @Test func glyphsAreOrderedLeftToRightWhateverTheInputOrder() {
        let glyphs = Array(Draw.text("予以公开", x: 50, y: 100).reversed())
        #expect(LineBuilder.lines(glyphs).first?.text == "予以公开")
    }

    @Test func differentBaselinesMakeLinesTopToBottom() {
        let glyphs = Draw.text("第二行", x: 50, y: 130) + Draw.text("第一行", x: 50, y: 100)
            + Draw.text("稍低", x: 100, y: 102)   // 2 pt lower: same line
        let lines = LineBuilder.lines(glyphs)
        #expect(lines.map(\.text) == ["第一行 稍低", "第二行"])
    }

    @Test func aVerticalRulingSplitsWords() {
        let glyphs = Draw.text("12", x: 50, y: 100) + Draw.text("34", x: 62, y: 100)
        #expect(LineBuilder.lines(glyphs).first?.words.map(\.text) == ["1234"])
        let rule = Ruling(axis: .vertical, position: 61, start: 90, end: 120)
        #expect(LineBuilder.lines(glyphs, rulings: [rule]).first?.words.map(\.text) == ["12", "34"])
        // A ruling that does not reach the line does not split it.
        let short = Ruling(axis: .vertical, position: 61, start: 130, end: 160)
        #expect(LineBuilder.lines(glyphs, rulings: [short]).first?.words.map(\.text) == ["1234"])
    }

    @Test func noGlyphsNoLines() {
        #expect(LineBuilder.lines([]).isEmpty)
    }

    /// A number in a font whose boxes are not believed (a Type 3 font: boxes from its FontBBox,
    /// four times the line's height) in the cell after a label: the gap is measured in the
    /// label's glyph height, so the 0 is a word of its own and not the end of the label's word.
    @Test func aGapBesideAnOddlyTallBoxIsMeasuredInTheOtherGlyphsHeight() {
        let label = Draw.text("5.属于三类内部事务信息", x: 50, y: 100, size: 11)
        let zero = Glyph(text: "0", box: Rect(x0: label.last!.box.x1 + 20, y0: 86, x1: label.last!.box.x1 + 26, y1: 128),
                         fontSize: 11)
        #expect(LineBuilder.lines(label + [zero]).first?.words.map(\.text) == ["5.属于三类内部事务信息", "0"])
        // Boxes of believable heights keep the taller one's scale: a Latin digit after a CJK one.
        let year = Draw.text("2023", x: 50, y: 100, size: 11) + Draw.text("年", x: 73, y: 99, size: 12)
        #expect(LineBuilder.lines(year).first?.words.map(\.text) == ["2023年"])
    }
}

import Testing
@testable import GovReport

/// A sideways page (/Rotate 90 or 270) is rendered in the page's frame and read in its text's:
/// its table area is turned back for the rendering and its rulings turned like its glyphs.
@Suite struct RotatedRulingsTests {
    static let w = 842.0, h = 595.0

    @Test(arguments: [RotatedText.Turn.counterClockwise, .clockwise])
    func aRulingTurnsWithTheGlyphsBesideIt(turn: RotatedText.Turn) {
        // A glyph just above a horizontal ruling, and one just right of a vertical ruling.
        let above = Rect(x0: 100, y0: 188, x1: 110, y1: 198), ruleH = Ruling(axis: .horizontal, position: 200, start: 90, end: 300)
        let right = Rect(x0: 402, y0: 150, x1: 412, y1: 160), ruleV = Ruling(axis: .vertical, position: 400, start: 100, end: 250)
        let g1 = RotatedText.upright(above, turn, width: Self.w, height: Self.h)
        let r1 = RotatedText.upright(ruleH, turn, width: Self.w, height: Self.h)
        #expect(r1.axis == .vertical && abs(r1.length - 210) < 1e-9)
        #expect(r1.covers(g1.midY))
        #expect(min(abs(g1.x0 - r1.position), abs(g1.x1 - r1.position)) == 2, "\(g1) \(r1)")
        let g2 = RotatedText.upright(right, turn, width: Self.w, height: Self.h)
        let r2 = RotatedText.upright(ruleV, turn, width: Self.w, height: Self.h)
        #expect(r2.axis == .horizontal && abs(r2.length - 150) < 1e-9)
        #expect(r2.covers(g2.midX))
        #expect(min(abs(g2.y0 - r2.position), abs(g2.y1 - r2.position)) == 2, "\(g2) \(r2)")
    }

    @Test(arguments: [RotatedText.Turn.counterClockwise, .clockwise])
    func anAreaTurnedBackIsWhereItWasOnThePage(turn: RotatedText.Turn) {
        let area = Rect(x0: 30, y0: 40, x1: 300, y1: 500)
        let up = RotatedText.upright(area, turn, width: Self.w, height: Self.h)
        #expect(RotatedText.onPage(up, turn, width: Self.w, height: Self.h) == area)
    }
}

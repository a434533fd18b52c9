import Testing
@testable import GovReport

/// A sideways page (/Rotate 90 or 270) is rendered in the page's frame and read in its text's:
/// its table area is turned back for the rendering (the raster is then turned, see
/// SidewaysRenderingTests).
@Suite struct RotatedRulingsTests {
    static let w = 842.0, h = 595.0

    @Test(arguments: [RotatedText.Turn.counterClockwise, .clockwise])
    func anAreaTurnedBackIsWhereItWasOnThePage(turn: RotatedText.Turn) {
        let area = Rect(x0: 30, y0: 40, x1: 300, y1: 500)
        let up = RotatedText.upright(area, turn, width: Self.w, height: Self.h)
        #expect(RotatedText.onPage(up, turn, width: Self.w, height: Self.h) == area)
    }
}

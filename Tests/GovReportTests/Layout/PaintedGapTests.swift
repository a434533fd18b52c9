import Testing
@testable import GovReport

/// A diagonal watermark's light ink painted over a ruling: inside the band the slanted text
/// covers, a gap of painted pixels is joined; a gap of white paper, one outside the band, a
/// stroke of text and a crossing line's end are not.
@Suite struct PaintedGapTests {
    typealias Canvas = RulingDetectorTests.Canvas
    static let scale = 2.0
    /// The watermark's grey (wild.py's 0.85).
    static let paint: UInt8 = 217
    /// A 45° band over the middle of the 400 × 200 px canvas (points: 200 × 100).
    static let band = SlantedStrip(from: (70, 20), to: (130, 80), halfWidth: 25)

    /// A horizontal ruling at y 100 px from x 20 to 380, its pixels 180…219 replaced by `gap`.
    static func ruling(gap: UInt8) -> GrayImage {
        var c = Canvas(width: 400, height: 200)
        c.fill(x: 20...380, y: 100...100, gray: 0)
        c.fill(x: 180...219, y: 100...100, gray: gap)
        return c.image(scale: scale)
    }

    static func horizontal(_ image: GrayImage, strips: [SlantedStrip] = [band], glyphs: [Rect] = []) -> [Ruling] {
        RulingDetector().rulings(in: image, paintedOver: strips, glyphs: glyphs).filter { $0.axis == .horizontal }
    }

    @Test func aPaintedGapInTheBandIsJoined() {
        let found = Self.horizontal(Self.ruling(gap: Self.paint))
        #expect(found.count == 1, "\(found)")
        #expect(abs((found.first?.start ?? 0) - 10) <= 0.5 && abs((found.first?.end ?? 0) - 190.5) <= 0.5, "\(found)")
    }

    @Test func aWhiteGapIsKept() {
        let found = Self.horizontal(Self.ruling(gap: 255))
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.end <= 90.5 || $0.start >= 110 }, "\(found)")
    }

    @Test func aPaintedGapOutsideTheBandIsKept() {
        let away = SlantedStrip(from: (10, 10), to: (40, 40), halfWidth: 10)
        #expect(Self.horizontal(Self.ruling(gap: Self.paint), strips: [away]).count == 2)
        #expect(Self.horizontal(Self.ruling(gap: Self.paint), strips: []).count == 2)
    }

    @Test func aVerticalRulingIsJoinedToo() {
        var c = Canvas(width: 400, height: 200)
        c.fill(x: 200...200, y: 10...190, gray: 0)
        c.fill(x: 200...200, y: 90...115, gray: Self.paint)
        let found = RulingDetector().rulings(in: c.image(scale: Self.scale), paintedOver: [Self.band])
            .filter { $0.axis == .vertical }
        #expect(found.count == 1, "\(found)")
        #expect(abs((found.first?.length ?? 0) - 90.5) <= 0.5, "\(found)")
    }

    /// Two strokes of text on one line, paint between them: each is shorter than a ruling,
    /// and joined they would read as one.
    @Test func strokesOfTextAreNotJoined() {
        var c = Canvas(width: 400, height: 200)
        c.fill(x: 100...130, y: 150...150, gray: 0)
        c.fill(x: 131...170, y: 150...150, gray: Self.paint)
        c.fill(x: 171...200, y: 150...150, gray: 0)
        let strip = SlantedStrip(from: (60, 60), to: (90, 90), halfWidth: 20)
        let glyphs = [Rect(x0: 48, y0: 68, x1: 67, y1: 82), Rect(x0: 84, y0: 68, x1: 102, y1: 82)]
        #expect(Self.horizontal(c.image(scale: Self.scale), strips: [strip], glyphs: glyphs).isEmpty)
        // The same ink with no text there is a ruling under paint.
        #expect(Self.horizontal(c.image(scale: Self.scale), strips: [strip]).count == 1)
    }

    /// A ruling that ends in the paint, then a dot of ink on its line past it (a crossing
    /// line's end): the ruling ends where the paint begins.
    @Test func aDotPastThePaintDoesNotCarryTheRulingOn() {
        var c = Canvas(width: 400, height: 200)
        c.fill(x: 20...179, y: 100...100, gray: 0)
        c.fill(x: 180...219, y: 100...100, gray: Self.paint)
        c.fill(x: 220...221, y: 100...100, gray: 0)
        let found = Self.horizontal(c.image(scale: Self.scale))
        #expect(found.count == 1, "\(found)")
        #expect(abs((found.first?.end ?? 0) - 90) <= 0.5, "\(found)")
    }

    /// A watermark dark enough to read as ink: its straight strokes inside its band are no
    /// rulings; a black line there is.
    @Test func aStrokeOfTheSlantedTextIsNoRuling() {
        var c = Canvas(width: 400, height: 200)
        c.fill(x: 150...250, y: 100...102, gray: 191)
        c.fill(x: 200...202, y: 60...140, gray: 0)
        let band = SlantedStrip(from: (70, 20), to: (130, 80), halfWidth: 25, gray: 191)
        let found = RulingDetector().rulings(in: c.image(scale: Self.scale), paintedOver: [band])
        #expect(found.count == 1 && found.first?.axis == .vertical, "\(found)")
        // Without the band's colour nothing is dropped.
        #expect(RulingDetector().rulings(in: c.image(scale: Self.scale), paintedOver: [Self.band]).count == 2)
    }
}

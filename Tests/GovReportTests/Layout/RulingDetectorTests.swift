import Testing
@testable import GovReport

@Suite struct RulingDetectorTests {
    /// A white raster with dark pixels set by `paint`.
    struct Canvas {
        var width: Int, height: Int
        var pixels: [UInt8]
        init(width: Int, height: Int) {
            self.width = width; self.height = height
            pixels = [UInt8](repeating: 255, count: width * height)
        }
        mutating func fill(x: ClosedRange<Int>, y: ClosedRange<Int>, gray: UInt8) {
            for yy in y { for xx in x { pixels[yy * width + xx] = gray } }
        }
        func image(scale: Double) -> GrayImage { GrayImage(width: width, height: height, scale: scale, pixels: pixels) }
    }

    static let scale = 2.0
    // Grid (pixels): rows at y 40, 100, 160, 220; columns at x 30, 150, 270, 390.
    static let gridYs = [40, 100, 160, 220], gridXs = [30, 150, 270, 390]
    // Shaded cell: gray fill, no border of its own.
    static let shade = (x: 450...570, y: 60...200)

    static func page() -> GrayImage {
        var c = Canvas(width: 620, height: 300)
        for y in gridYs { c.fill(x: gridXs.first!...gridXs.last!, y: y...y, gray: 0) }
        for x in gridXs { c.fill(x: x...x, y: gridYs.first!...gridYs.last!, gray: 0) }
        c.fill(x: shade.x, y: shade.y, gray: 190)
        // A short dash (a text stroke), shorter than any ruling.
        c.fill(x: 450...460, y: 250...250, gray: 0)
        return c.image(scale: scale)
    }

    /// Pixel row/column p's centre in points.
    static func pt(_ p: Int) -> Double { (Double(p) + 0.5) / scale }

    @Test func gridLinesAreFoundAtTheirPositions() {
        let rulings = RulingDetector().rulings(in: Self.page())
        let gridH = rulings.filter { $0.axis == .horizontal && $0.start < Self.pt(Self.shade.x.lowerBound) - 5 }
        let gridV = rulings.filter { $0.axis == .vertical && $0.position < Self.pt(Self.shade.x.lowerBound) - 5 }
        #expect(gridH.count == Self.gridYs.count)
        #expect(gridV.count == Self.gridXs.count)
        for (r, y) in zip(gridH.sorted { $0.position < $1.position }, Self.gridYs) {
            #expect(abs(r.position - Self.pt(y)) < 0.3, "horizontal at \(r.position), drawn at \(Self.pt(y))")
            #expect(abs(r.start - Double(Self.gridXs.first!) / Self.scale) <= 1)
            #expect(abs(r.end - Double(Self.gridXs.last! + 1) / Self.scale) <= 1)
        }
        for (r, x) in zip(gridV.sorted { $0.position < $1.position }, Self.gridXs) {
            #expect(abs(r.position - Self.pt(x)) < 0.3, "vertical at \(r.position), drawn at \(Self.pt(x))")
            #expect(abs(r.start - Double(Self.gridYs.first!) / Self.scale) <= 1)
            #expect(abs(r.end - Double(Self.gridYs.last! + 1) / Self.scale) <= 1)
        }
    }

    @Test func aFilledAreaIsNotManyLines() {
        let rulings = RulingDetector().rulings(in: Self.page())
        let x0 = Double(Self.shade.x.lowerBound) / Self.scale, x1 = Double(Self.shade.x.upperBound + 1) / Self.scale
        let y0 = Double(Self.shade.y.lowerBound) / Self.scale, y1 = Double(Self.shade.y.upperBound + 1) / Self.scale
        let inShade = rulings.filter { r in
            r.axis == .horizontal ? r.start >= x0 - 1 && r.position >= y0 - 1 && r.position <= y1 + 1
                : r.position >= x0 - 1 && r.position <= x1 + 1
        }
        // At most its four edges, and nothing inside.
        #expect(inShade.filter { $0.axis == .horizontal }.count <= 2)
        #expect(inShade.filter { $0.axis == .vertical }.count <= 2)
        let inside = inShade.filter { r in
            r.axis == .horizontal ? r.position > y0 + 2 && r.position < y1 - 2 : r.position > x0 + 2 && r.position < x1 - 2
        }
        #expect(inside.isEmpty, "rulings inside the shaded area: \(inside)")
    }

    @Test func shortStrokesAreNotRulings() {
        let rulings = RulingDetector().rulings(in: Self.page())
        #expect(!rulings.contains { abs($0.position - Self.pt(250)) < 1 })
    }

    @Test func thickLinesAreOneRuling() {
        var c = Canvas(width: 200, height: 100)
        c.fill(x: 10...190, y: 49...51, gray: 30)   // 3 px thick
        let rulings = RulingDetector().rulings(in: c.image(scale: 1))
        #expect(rulings.count == 1)
        #expect(rulings.first?.axis == .horizontal)
        #expect(abs((rulings.first?.position ?? 0) - 50.5) < 0.01)
    }

    @Test func aBlankPageHasNoRulings() {
        #expect(RulingDetector().rulings(in: Canvas(width: 100, height: 100).image(scale: 1.5)).isEmpty)
    }
}

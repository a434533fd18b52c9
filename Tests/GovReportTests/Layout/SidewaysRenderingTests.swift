import Foundation
import Testing
@testable import GovReport

/// A sideways page's rendering turned into its text's frame (`GrayImage.turned`): a mark at a
/// page point lands where `RotatedText.upright` puts a glyph box at that point, so rulings
/// found on the turned raster line up with the turned text.
@Suite struct SidewaysRenderingTests {
    static let (pageWidth, pageHeight) = (300.0, 200.0)
    static let scale = 2.0

    /// A white raster of part of the page (origin in points) with one dark pixel at `point`.
    static func raster(origin: (x: Double, y: Double), width: Int, height: Int, dot point: (x: Double, y: Double)) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        let i = Int((point.x - origin.x) * scale), j = Int((point.y - origin.y) * scale)
        pixels[j * width + i] = 0
        return GrayImage(width: width, height: height, scale: scale, origin: origin, pixels: pixels)
    }

    /// Where the dark pixel is, in the raster's frame (points, the pixel's centre).
    static func dot(in image: GrayImage) -> (x: Double, y: Double)? {
        guard let k = image.pixels.firstIndex(of: 0) else { return nil }
        return (image.origin.x + (Double(k % image.width) + 0.5) / image.scale,
                image.origin.y + (Double(k / image.width) + 0.5) / image.scale)
    }

    @Test(arguments: [RotatedText.Turn.counterClockwise, .clockwise])
    func aMarkLandsWhereTheTurnedTextIs(turn: RotatedText.Turn) throws {
        let point = (x: 120.0, y: 70.0)
        // A clip of the page (40…240 × 20…170 pt).
        let image = Self.raster(origin: (40, 20), width: 400, height: 300, dot: point)
        let turned = image.turned(turn, pageWidth: Self.pageWidth, pageHeight: Self.pageHeight)
        #expect(turned.width == image.height && turned.height == image.width)
        // The same point as a one-pixel glyph box, turned as text is.
        let box = Rect(x0: point.x, y0: point.y, x1: point.x + 0.5, y1: point.y + 0.5)
        let text = PageText(number: 1, width: Self.pageWidth, height: Self.pageHeight,
                            glyphs: [Glyph(text: "1", box: box, fontSize: 1)])
        let glyph = RotatedText.upright(text, turn).glyphs[0].box
        let found = try #require(Self.dot(in: turned))
        #expect(abs(found.x - glyph.midX) <= 0.5 && abs(found.y - glyph.midY) <= 0.5, "\(found) vs \(glyph)")
    }
}

/// `debug` draws a sideways page in its text's frame, where the overlay's boxes are.
@Suite(.tags(.cli)) struct SidewaysDebugTests {
    @Test func aSidewaysPageIsDrawnUpright() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let pdf = RealKindsTests.folder.appendingPathComponent("lo_word_wrap_pages_sideways.pdf").path
        let png = dir.url.appendingPathComponent("page.png")
        let r = try CLI.run(["debug", pdf, "--page", "2", "--scale", "1", "--png", png.path])
        #expect(r.status == 0, "\(r.stderr)")
        // The page is landscape; its text, and so the picture, portrait (PNG IHDR: width, height).
        let bytes = [UInt8](try Data(contentsOf: png))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width < height, "\(width)×\(height)")
    }
}

import Foundation
import Testing
@testable import GovReport

/// Digits in a font whose boxes poppler makes far too short or too low are given boxes from
/// their ink (Fixtures/real-kinds/lo_web_type3_short_wrapped_label, …_low_…).
@Suite struct InkBoxesTests {
    static func glyph(_ t: String, _ x: Double, _ y0: Double, _ y1: Double, font: String) -> Glyph {
        Glyph(text: t, box: Rect(x0: x, y0: y0, x1: x + 6, y1: y1), fontSize: 10, fontName: font)
    }

    /// A page of labels (boxes one em high) and two numbers in a font whose boxes are `y0…y1`
    /// when their ink is 12…19 (first) and 42…49 (second, 30 pt lower); the raster shows only
    /// the numbers' ink, with a ruling across the page at y 30.
    static func page(digitBox y0: Double, _ y1: Double) -> (PageText, (Rect) -> GrayImage?) {
        var glyphs = (0..<12).map { glyph("字", 200 + Double($0) * 10, 10, 20, font: "Song") }
        glyphs += [glyph("1", 100, y0, y1, font: "T3"), glyph("2", 106, y0, y1, font: "T3"),
                   glyph("7", 100, y0 + 30, y1 + 30, font: "T3")]
        let scale = 2.0
        let render: (Rect) -> GrayImage? = { _ in
            let w = 600, h = 200
            var pixels = [UInt8](repeating: 255, count: w * h)
            for (x0, x1, top, bottom) in [(101.0, 111.0, 12.0, 19.0), (101.0, 105.0, 42.0, 49.0)] {
                for y in Int(top * scale)..<Int(bottom * scale) {
                    for x in Int(x0 * scale)..<Int(x1 * scale) { pixels[y * w + x] = 0 }
                }
            }
            for x in 0..<w { pixels[60 * w + x] = 0 }
            return GrayImage(width: w, height: h, scale: scale, pixels: pixels)
        }
        return (PageText(number: 1, width: 300, height: 100, glyphs: glyphs), render)
    }

    @Test(arguments: [(18.5, 21.5), (10.5, 43.5)])
    func shortAndLowBoxesStandOnTheInksBaseline(box: (Double, Double)) {
        let (text, render) = Self.page(digitBox: box.0, box.1)
        let out = InkBoxes.measured(text, render: render)
        let digits = out.glyphs.filter { $0.fontName == "T3" }
        // Ink 7 pt high is 0.7 em: an em of 10 pt, 8.5 above the baseline at 19, 1.5 below.
        for (d, base) in zip(digits, [19.0, 19.0, 49.0]) {
            #expect(abs(d.box.y1 - (base + 1.5)) < 0.6, "\(d.text) \(d.box)")
            #expect(abs(d.box.y0 - (base - 8.5)) < 0.6, "\(d.text) \(d.box)")
        }
        #expect(out.glyphs.filter { $0.fontName == "Song" } == text.glyphs.filter { $0.fontName == "Song" })
    }

    @Test func believedBoxesAreLeftAloneAndNothingIsRendered() {
        let (text, _) = Self.page(digitBox: 10, 20)
        var rendered = false
        let out = InkBoxes.measured(text) { _ in rendered = true; return nil }
        #expect(!rendered)
        #expect(out.glyphs == text.glyphs)
    }
}

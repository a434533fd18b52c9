import Testing
@testable import GovReport

/// Text set on a slant is taken out of the text layer and kept as the band it covers.
@Suite struct DiagonalTextTests {
    /// 仅供参考 at 45°, 72 pt, in the boxes poppler gives it (wild.py's watermark on an A4
    /// page), and a line of body text across the band.
    static func page() -> PageText {
        let boxes = [(79.56, 622.60), (130.47, 571.69), (181.38, 520.78), (232.30, 469.86)]
        var glyphs = zip("仅供参考", boxes).map { c, b in
            Glyph(text: String(c), box: Rect(x0: b.0, y0: b.1, x1: b.0 + 90.58, y1: b.1 + 50.91),
                  fontSize: 72, fontName: "wqy", color: 0xD9D9D9)
        }
        for (k, c) in "本年新收政府信息公开申请".enumerated() {
            let x = 150 + 12 * Double(k)
            glyphs.append(Glyph(text: String(c), box: Rect(x0: x, y0: 560, x1: x + 12, y1: 572), fontSize: 12, fontName: "song"))
        }
        return PageText(number: 1, width: 595, height: 842, glyphs: glyphs)
    }

    @Test func theSlantedRunIsTakenOutAndItsBandKept() {
        let out = DiagonalText.removed(Self.page())
        #expect(out.glyphs.map(\.text).joined() == "本年新收政府信息公开申请")
        #expect(out.slanted.count == 1, "\(out.slanted)")
        guard let band = out.slanted.first else { return }
        // The ink: each glyph's em square turned 45° about its origin on the baseline (仅 at
        // (149, 674) … 考 at (302, 521)); its corners and centres are inside the band.
        for origin in [(149.0, 674.0), (200.0, 623.0), (251.0, 572.0), (302.0, 521.0)] {
            let s = 72 / 2.0.squareRoot()
            for (x, y) in [origin, (origin.0 + s, origin.1 - s), (origin.0 - s, origin.1 - s),
                           (origin.0, origin.1 - 2 * s), (origin.0, origin.1 - s)] {
                #expect(band.contains(x: x, y: y), "(\(x), \(y)) outside \(band)")
            }
        }
        // Not the page's corners, nor a point two ems off the run.
        #expect(!band.contains(x: 20, y: 20) && !band.contains(x: 560, y: 800) && !band.contains(x: 420, y: 566))
    }

    @Test func aPageWithoutSlantedTextHasNoBand() {
        var page = Self.page()
        page.glyphs.removeFirst(4)
        let out = DiagonalText.removed(page)
        #expect(out.slanted.isEmpty)
        #expect(out.glyphs.count == page.glyphs.count)
    }
}

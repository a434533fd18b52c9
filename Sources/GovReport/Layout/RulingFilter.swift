/// Drops "rulings" that are strokes of large text: a line that runs mostly through the
/// inside of glyph boxes is part of a character (一, 丨, a dash), not a table border.
enum RulingFilter {
    /// Fraction of a glyph box's width (height) kept clear at each side: borders may touch
    /// the edge of a glyph box in tight cells, strokes run through its middle.
    static let inset = 0.15

    static func withoutTextStrokes(_ rulings: [Ruling], glyphs: [Glyph]) -> [Ruling] {
        guard !rulings.isEmpty else { return [] }
        return rulings.filter { r in
            var covered = 0.0
            for g in glyphs {
                let b = g.box
                switch r.axis {
                case .vertical:
                    let m = b.width * inset
                    guard r.position > b.x0 + m, r.position < b.x1 - m else { continue }
                    covered += max(0, min(r.end, b.y1) - max(r.start, b.y0))
                case .horizontal:
                    let m = b.height * inset
                    guard r.position > b.y0 + m, r.position < b.y1 - m else { continue }
                    covered += max(0, min(r.end, b.x1) - max(r.start, b.x0))
                }
            }
            return covered < 0.5 * r.length
        }
    }
}

/// Drops "rulings" that are strokes of text: a line that runs mostly through the inside of
/// glyph boxes, or one no longer than a character that lies within a glyph box, is part of
/// a character (一, 丨, a dash), not a table border.
enum RulingFilter {
    /// Fraction of a glyph box's width (height) kept clear at each side: borders may touch
    /// the edge of a glyph box in tight cells, strokes run through its middle.
    static let inset = 0.15
    /// A line shorter than this many font sizes can be a stroke of one character.
    static let strokeLength = 1.5

    static func withoutTextStrokes(_ rulings: [Ruling], glyphs: [Glyph]) -> [Ruling] {
        guard !rulings.isEmpty else { return [] }
        return rulings.filter { r in
            var covered = 0.0
            for g in glyphs {
                let b = g.box
                let size = g.fontSize > 0 ? min(g.fontSize, b.height) : b.height
                let (across, lo, hi, alongLo, alongHi, m): (Double, Double, Double, Double, Double, Double) =
                    r.axis == .vertical
                    ? (r.position, b.x0, b.x1, b.y0, b.y1, b.width * inset)
                    : (r.position, b.y0, b.y1, b.x0, b.x1, b.height * inset)
                guard across > lo, across < hi else { continue }
                let overlap = max(0, min(r.end, alongHi) - max(r.start, alongLo))
                if overlap > 0, r.length < strokeLength * size { return false }
                if across > lo + m, across < hi - m { covered += overlap }
            }
            return covered < 0.5 * r.length
        }
    }
}

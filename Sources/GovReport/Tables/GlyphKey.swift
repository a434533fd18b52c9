/// Identity of a glyph by position, to tell glyphs already used as values.
struct GlyphKey: Hashable {
    var x: Double, y: Double, text: String
    init(_ g: Glyph) { x = g.box.x0; y = g.box.y0; text = g.text }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

extension Ruling {
    /// Positions sorted, each closer than `within` to the last kept one dropped: rulings so
    /// close are one line (a double border, a line found twice on a rendering).
    static func distinct(_ positions: [Double], within: Double) -> [Double] {
        positions.sorted().reduce(into: [Double]()) { acc, y in
            if acc.last.map({ y - $0 >= within }) ?? true { acc.append(y) }
        }
    }
}

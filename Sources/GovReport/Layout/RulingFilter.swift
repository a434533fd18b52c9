/// Drops "rulings" that are strokes of text.
///
/// A line that runs through the inside of glyph boxes for most of its length is text. So is
/// a short line (a few characters long) lying along glyph boxes, edges included: strokes of
/// neighbouring characters on one baseline join into one run (the bottoms of 无法提). A
/// table border that merely grazes the text of a tight row is longer than that.
/// Tolerances: `TableFinderSettings.Rulings` (slack, inset, coverage, stroke run).
enum RulingFilter {
    static func withoutTextStrokes(_ rulings: [Ruling], glyphs: [Glyph], settings: TableFinderSettings.Rulings) -> [Ruling] {
        guard !rulings.isEmpty else { return [] }
        let slack = settings.glyphSlack, inset = settings.inset
        let maxCoverage = settings.maxCoverage, strokeRun = settings.strokeRun
        return rulings.filter { r in
            var touching: [(Double, Double)] = [], inside: [(Double, Double)] = []
            var heights: [Double] = []
            for g in glyphs {
                let b = g.box
                let (lo, hi, alongLo, alongHi) = r.axis == .vertical ? (b.x0, b.x1, b.y0, b.y1) : (b.y0, b.y1, b.x0, b.x1)
                guard r.position >= lo - slack, r.position <= hi + slack else { continue }
                let a = max(r.start, alongLo), z = min(r.end, alongHi)
                guard z > a else { continue }
                touching.append((a, z))
                heights.append(b.height)
                let m = (hi - lo) * inset
                if r.position > lo + m, r.position < hi - m { inside.append((a, z)) }
            }
            if covered(inside) >= maxCoverage * r.length { return false }
            let size = heights.isEmpty ? 0 : heights.sorted()[heights.count / 2]
            return !(r.length <= strokeRun * size && covered(touching) >= maxCoverage * r.length)
        }
    }

    /// Total length of the union of intervals.
    static func covered(_ spans: [(Double, Double)]) -> Double {
        var total = 0.0, end = -Double.infinity
        for (a, z) in spans.sorted(by: { $0.0 < $1.0 }) {
            if a > end { total += z - a; end = z } else if z > end { total += z - end; end = z }
        }
        return total
    }
}

/// Glyph boxes measured by the line they sit on, not by what their font claims. Poppler makes
/// a glyph's box from its font's ascent and descent (for a Type 3 font, from a size it guesses
/// from the font's own bounding box), so a font with odd metrics — Type 3 digits in a title set
/// in a TrueType font — gets boxes much taller, shorter or lower than the glyphs beside it on
/// the same baseline, and the line falls apart when grouped by boxes. Poppler's own lines are
/// built from baselines: within one, a run in a font whose boxes are far from the line's main
/// font, written on in a word of it, takes the main font's vertical extent and size.
enum BaselineBoxes {
    /// A box this many times taller or shorter than the line's main font is not believed (a
    /// Latin font's digits beside ideographs stay within about 1.55).
    static let ratio = 1.7

    /// `glyphs` with the boxes of odd fonts replaced; `lines[i]` is the number of poppler's
    /// line that holds glyph `i`.
    static func normalized(_ glyphs: [Glyph], lines: [Int]) -> [Glyph] {
        guard glyphs.count == lines.count else { return glyphs }
        var out = glyphs
        var start = 0
        while start < glyphs.count {
            var end = start
            while end < glyphs.count, lines[end] == lines[start] { end += 1 }
            normalize(&out, start..<end)
            start = end
        }
        return out
    }

    static func normalize(_ glyphs: inout [Glyph], _ range: Range<Int>) {
        let line = range.filter { !glyphs[$0].text.allSatisfy(\.isWhitespace) }
        var counts: [String: Int] = [:]
        for i in line { counts[glyphs[i].fontName, default: 0] += 1 }
        guard counts.count > 1,
              let main = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return }
        let mains = line.filter { glyphs[$0].fontName == main }.map { glyphs[$0] }
        guard mains.count >= 2 else { return }
        let top = median(mains.map(\.box.y0)), bottom = median(mains.map(\.box.y1))
        let height = bottom - top
        // Horizontal text only: the main font's glyphs stand side by side on one level.
        guard height > 0, mains.allSatisfy({ abs($0.box.y0 - top) < 0.2 * height }),
              let left = mains.map(\.box.x0).min(), let right = mains.map(\.box.x1).max(),
              right - left > 1.5 * height else { return }
        let size = median(mains.map(\.fontSize))
        // Runs of other fonts, left to right; a run is re-measured only inside a word of the
        // main font (no gap at either end: the year inside a title), not when it stands apart
        // (a number in the next table cell, which the line only happens to share) or opens a
        // label (the 1. of 1.本机关…, whose Latin font only has other metrics).
        let order = line.sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        var k = 0
        while k < order.count {
            guard glyphs[order[k]].fontName != main else { k += 1; continue }
            var end = k
            while end + 1 < order.count, glyphs[order[end + 1]].fontName != main { end += 1 }
            let run = order[k...end]
            let first = glyphs[order[k]].box, last = glyphs[order[end]].box
            let touchesBefore = k > 0 && first.x0 - glyphs[order[k - 1]].box.x1 < 0.5 * height
            let touchesAfter = end + 1 < order.count && glyphs[order[end + 1]].box.x0 - last.x1 < 0.5 * height
            k = end + 1
            guard touchesBefore && touchesAfter else { continue }
            for i in run {
                let box = glyphs[i].box
                guard box.height > ratio * height || box.height * ratio < height,
                      box.y0 < bottom, box.y1 > top else { continue }
                glyphs[i].box = Rect(x0: box.x0, y0: top, x1: box.x1, y1: bottom)
                glyphs[i].fontSize = size
            }
        }
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s[s.count / 2]
    }
}

/// Glyphs that sit on one baseline, split into words at wide gaps and at vertical rulings.
public struct TextLine: Sendable {
    public var words: [Word]
    public var box: Rect

    public var text: String { words.map(\.text).joined(separator: " ") }
    public var glyphs: [Glyph] { words.flatMap(\.glyphs) }
}

/// A run of glyphs with no wide gap and no ruling between them.
public struct Word: Sendable {
    public var glyphs: [Glyph]
    public var box: Rect
    public var text: String { glyphs.map(\.text).joined() }
    public var fontSize: Double { glyphs.map(\.fontSize).max() ?? 0 }
}

/// Groups a page's glyphs into lines and words. Tolerances (`TableFinderSettings.Lines`) are
/// fractions of glyph height.
public enum LineBuilder {
    static func isDigit(_ g: Glyph) -> Bool {
        g.text.count == 1 && g.text.first!.isASCII && g.text.first!.isNumber
    }

    /// Lines of `glyphs`, top to bottom, split into words at gaps wider than `wordGap` (em;
    /// default `settings.wordGap`) and at the vertical `rulings` between glyphs.
    public static func lines(_ glyphs: [Glyph], rulings: [Ruling] = [],
                             settings: TableFinderSettings.Lines = TableFinderSettings.standard.lines,
                             wordGap: Double? = nil) -> [TextLine] {
        let sameLine = settings.sameLine, numberGap = settings.numberGap
        let wordGap = wordGap ?? settings.wordGap
        let verticals = rulings.filter { $0.axis == .vertical }
        let sorted = glyphs.sorted { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }
        var groups: [[Glyph]] = []
        var anchor = 0.0, anchorHeight = 0.0
        for g in sorted {
            if let _ = groups.last, abs(g.box.midY - anchor) < sameLine * min(anchorHeight, g.box.height) {
                groups[groups.count - 1].append(g)
            } else {
                groups.append([g])
                anchor = g.box.midY
                anchorHeight = g.box.height
            }
        }
        return groups.map { group in
            let row = group.sorted { $0.box.x0 < $1.box.x0 }
            var words: [Word] = []
            var current: [Glyph] = []
            for g in row {
                if let prev = current.last {
                    let gap = g.box.x0 - prev.box.x1
                    let h = gapScale(prev.box, g.box)
                    let ruled = verticals.contains { v in
                        v.position > prev.box.midX && v.position < g.box.midX && v.covers(g.box.midY)
                    }
                    // Between two digits even a narrow gap separates numbers in adjacent cells
                    // (the digits of one number touch).
                    let numeric = Self.isDigit(prev) && Self.isDigit(g)
                    if gap > wordGap * h || ruled || (numeric && gap > numberGap * h) {
                        words.append(word(current))
                        current = []
                    }
                }
                current.append(g)
            }
            if !current.isEmpty { words.append(word(current)) }
            return TextLine(words: words, box: words.map(\.box).reduce(words[0].box) { $0.union($1) })
        }
    }

    /// The glyph height that gaps between two glyphs are measured in: the taller one's, unless
    /// one box is not believed (`BaselineBoxes.ratio` times taller or shorter than the other: a
    /// number in a font with odd metrics, such as a Type 3 font whose boxes come from its
    /// FontBBox). Then the other one's, so that a 0 in the cell next to a label is not taken
    /// into the label's word because its box is four times too tall.
    static func gapScale(_ a: Rect, _ b: Rect) -> Double {
        let (lo, hi) = (min(a.height, b.height), max(a.height, b.height))
        return hi > BaselineBoxes.ratio * lo ? lo : hi
    }

    static func word(_ glyphs: [Glyph]) -> Word {
        Word(glyphs: glyphs, box: glyphs.map(\.box).reduce(glyphs[0].box) { $0.union($1) })
    }
}

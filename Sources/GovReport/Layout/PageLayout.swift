/// A page as the table stages see it: normalized glyphs, the lines they form, and the
/// ruling lines drawn on it (empty when the page was not rendered or has none).
public struct PageLayout: Sendable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var glyphs: [Glyph]
    public var lines: [TextLine]
    public var rulings: [Ruling]
    /// Places where two texts overlap and which one a reader sees could not be told for sure.
    public var uncertain: [Rect] = []

    public init(number: Int, width: Double, height: Double, glyphs: [Glyph], rulings: [Ruling] = [],
                settings: TableFinderSettings = .standard) {
        self.number = number; self.width = width; self.height = height
        self.glyphs = glyphs
        self.rulings = RulingFilter.withoutTextStrokes(rulings, glyphs: glyphs, settings: settings.rulings)
        self.lines = LineBuilder.lines(glyphs, rulings: self.rulings, settings: settings.lines)
    }

    /// Builds a layout from poppler's text layer: folds every character once (Kangxi radicals,
    /// full-width digits) and drops whitespace and control codes, whose role the geometry already plays.
    public init(text: PageText, rulings: [Ruling] = [], settings: TableFinderSettings = .standard) {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.glyphs.count)
        for g in text.glyphs {
            let folded = TextNormalizer.fold(g.text)
            // Control codes (undecodable glyphs) never reach the output.
            guard !folded.allSatisfy(\.isWhitespace), g.box.width >= 0, g.box.height > 0,
                  !folded.unicodeScalars.contains(where: PageTextJudgement.isControl) else { continue }
            var n = g
            n.text = folded
            glyphs.append(n)
        }
        self.init(number: text.number, width: text.width, height: text.height,
                  glyphs: Self.tightened(glyphs, settings: settings.lines), rulings: rulings, settings: settings)
        uncertain = text.uncertain
    }

    /// Some producers (browsers) report the whole line height as every glyph's box. CJK
    /// ideographs are square, so when their boxes are much taller than wide the page's boxes
    /// are shrunk about their centres by that ratio, and no longer overlap table borders.
    static func tightened(_ glyphs: [Glyph], settings: TableFinderSettings.Lines) -> [Glyph] {
        let ratios = glyphs.filter { $0.text.count == 1 && TextNormalizer.isCJK($0.text.first!) && $0.box.width > 0 }
            .map { $0.box.height / $0.box.width }
        guard ratios.count >= settings.tallBoxSample else { return glyphs }
        let ratio = median(ratios)
        guard ratio > settings.tallBoxRatio else { return glyphs }
        return glyphs.map { g in
            var n = g
            let h = g.box.height / ratio, mid = g.box.midY
            n.box = Rect(x0: g.box.x0, y0: mid - h / 2, x1: g.box.x1, y1: mid + h / 2)
            return n
        }
    }

    public var horizontalRulings: [Ruling] { rulings.filter { $0.axis == .horizontal } }
    public var verticalRulings: [Ruling] { rulings.filter { $0.axis == .vertical } }
}

/// Whether a page's text layer can be read, and why not: the value a later stage (OCR) uses
/// to choose the pages it must read from their pictures.
public struct PageTextJudgement: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// The text layer holds the page's text.
        case usable
        /// Next to no text on the page.
        case noText
        /// Text whose glyphs have no way back to Unicode (control codes, private use, U+FFFD).
        case undecodable
    }

    public var page: Int
    public var verdict: Verdict
    /// In words, for messages: what was found.
    public var reason: String

    /// Judges one page's glyphs (as poppler gives them, before normalization).
    public static func judge(_ text: PageText) -> PageTextJudgement {
        var total = 0, control = 0, privateUse = 0
        var fonts: [String: Int] = [:]
        for g in text.glyphs {
            guard let s = g.text.unicodeScalars.first, !g.text.allSatisfy(\.isWhitespace) else { continue }
            total += 1
            if isControl(s) {
                control += 1
                fonts[g.fontName.isEmpty ? "an unnamed font" : g.fontName, default: 0] += 1
            } else if isPrivateUse(s) {
                privateUse += 1
                fonts[g.fontName.isEmpty ? "an unnamed font" : g.fontName, default: 0] += 1
            }
        }
        // A few private-use glyphs are bullets from symbol fonts; control codes never are text.
        let undecodable = control >= 3 || privateUse >= 10 && privateUse * 20 >= total
        if undecodable {
            let names = fonts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key).prefix(3)
            let what = control >= 3 ? "\(control) glyph(s) map to control codes" : "\(privateUse) glyph(s) map to private-use code points"
            return PageTextJudgement(page: text.number, verdict: .undecodable,
                                     reason: "\(what) (font \(names.joined(separator: ", ")) has no Unicode mapping for them)")
        }
        if total < 10 {
            return PageTextJudgement(page: text.number, verdict: .noText, reason: "\(total) character(s) of text")
        }
        return PageTextJudgement(page: text.number, verdict: .usable, reason: "")
    }

    /// C0 and C1 control characters (line breaks and tabs are spacing, not glyphs), U+FFFD.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFD: true
        default: false
        }
    }

    static func isPrivateUse(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xE000...0xF8FF, 0xF0000...0x10FFFF: true
        default: false
        }
    }
}

/// Glyphs a reader cannot see, taken out of a page's text layer before layout.
enum HiddenText {
    /// Render scale for judging a light glyph's background: its box's mean grey is all it needs.
    static let renderScale = 1.0

    /// The page without glyphs a reader cannot see: glyphs filled in white on a light ground
    /// (a stale number under the visible one, a 0 in a cell printed blank; white text on a
    /// dark fill stays) and, when `checkInk` (the file draws invisible text, render mode 3),
    /// glyphs with no ink at all under them. Pages with no light glyph and no ink check are
    /// returned as they are, at no cost; the others render only the area of the glyphs in doubt.
    static func visible(_ text: PageText, checkInk: Bool = false, render: (Rect) -> GrayImage?) -> PageText {
        let inDoubt = text.glyphs.indices.filter {
            (checkInk || text.glyphs[$0].isLight) && !text.glyphs[$0].text.allSatisfy(\.isWhitespace)
        }
        guard !inDoubt.isEmpty else { return text }
        let area = inDoubt.map { text.glyphs[$0].box }.reduce(text.glyphs[inDoubt[0]].box) { $0.union($1) }
        guard let image = render(area) else { return text }
        let dark = text.glyphs.filter { !$0.isLight }
        var hidden = Set<Int>()
        for i in inDoubt {
            let box = text.glyphs[i].box
            if !text.glyphs[i].isLight {
                // Invisible text leaves no ink; a visible glyph always does.
                if image.darkShare(in: box, below: 200) == 0 { hidden.insert(i) }
                continue
            }
            guard image.meanGray(in: box) >= 128 else { continue }
            // Ink in the box that no visible glyph accounts for is this glyph's visible twin,
            // which poppler merged into it (a stale number equal to the new one): it stays.
            let covered = dark.contains { d in
                d.box.horizontalOverlap(box) * d.box.verticalOverlap(box) > 0.3 * box.width * box.height
            }
            if covered || image.darkShare(in: box) < 0.03 { hidden.insert(i) }
        }
        guard !hidden.isEmpty else { return text }
        var out = text
        out.glyphs = text.glyphs.indices.filter { !hidden.contains($0) }.map { text.glyphs[$0] }
        return out
    }
}

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
        if let (font, count) = wrongCharset(text) {
            return PageTextJudgement(page: text.number, verdict: .undecodable,
                                     reason: "\(count) glyph(s) of font \(font) come out as Latin-1 symbols and accented letters (€, ‚, ƒ, Š, …): its character map was not read")
        }
        if total < 10 {
            return PageTextJudgement(page: text.number, verdict: .noText, reason: "\(total) character(s) of text")
        }
        return PageTextJudgement(page: text.number, verdict: .usable, reason: "")
    }

    /// A font whose glyphs come out, a third of them or more (and at least 20), as the Latin-1
    /// and Windows-1252 symbols and accented letters no Chinese report is set in (`€‚ƒ„†‡ˆ‰Š‹Œ`,
    /// `ÀÁÂ…ÿ`): the font's own 8-bit codes read without its character map (a ToUnicode map
    /// damaged so that Poppler skips it without a word). The marks such text does use (`·`, `×`,
    /// `°`, `§`, dashes, quotes, `…`) do not count. The font and its count, or nil.
    static func wrongCharset(_ text: PageText) -> (font: String, count: Int)? {
        var total: [String: Int] = [:], wrong: [String: Int] = [:]
        for g in text.glyphs {
            guard let s = g.text.unicodeScalars.first, !g.text.allSatisfy(\.isWhitespace) else { continue }
            let font = g.fontName.isEmpty ? "an unnamed font" : g.fontName
            total[font, default: 0] += 1
            if isWrongCharset(s) { wrong[font, default: 0] += 1 }
        }
        return wrong.filter { $0.value >= 20 && $0.value * 3 >= total[$0.key]! }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }
            .map { ($0.key, $0.value) }
    }

    /// Latin-1 letters and symbols, and Windows-1252's additions, but for the marks Chinese text
    /// uses (no-break space, ¥ § © ® ° ± ² ³ · × ÷, and the dashes, quotes and … of 1252).
    static func isWrongCharset(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xA0, 0xA5, 0xA7, 0xA9, 0xAE, 0xB0, 0xB1, 0xB2, 0xB3, 0xB7, 0xD7, 0xF7: false
        case 0xA1...0xFF: true
        case 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC,
             0x201A, 0x201E, 0x2020, 0x2021, 0x2022, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122: true
        default: false
        }
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

/// Two different texts drawn over each other (a stale number covered by a white box, the new
/// one drawn on top): only the one a reader sees is kept, never the two glued digit by digit.
enum OverlappingText {
    /// Render scale for comparing glyph shapes: a 10 pt digit is about 40 pixels high.
    static let renderScale = 4.0

    /// What was decided on a page: the glyphs a reader sees, and the places where two texts
    /// overlap and which one shows could not be told apart for sure (the likelier one is kept).
    struct Outcome {
        var text: PageText
        var uncertain: [Rect]
    }

    /// The page with, in each overlap of different glyphs, only those whose shape shows in the
    /// rendered page. A glyph's shape is taken from a glyph of the same text, font and size
    /// elsewhere on the page that nothing overlaps. Pages without overlapping glyphs are
    /// returned as they are, at no cost; the others render the area of the overlaps and shapes.
    /// `elsewhere` finds a clean sample of a glyph (text, font, size) on another page and
    /// renders it, for pages where every such glyph is overlapped.
    static func resolve(_ text: PageText, render: (Rect) -> GrayImage?,
                        elsewhere: (Glyph) -> (box: Rect, image: GrayImage)? = { _ in nil }) -> Outcome {
        let glyphs = text.glyphs
        let solid = glyphs.indices.filter { !glyphs[$0].text.allSatisfy(\.isWhitespace) }
            .sorted { glyphs[$0].box.x0 < glyphs[$1].box.x0 }
        var pairs: [(Int, Int)] = [], same: [(Int, Int)] = []
        for (n, i) in solid.enumerated() {
            let a = glyphs[i].box
            for j in solid[(n + 1)...] {
                let b = glyphs[j].box
                if b.x0 >= a.x1 { break }
                // The same character drawn twice in one place is one glyph (poppler's own
                // fake-bold case); shifted by more than a fifth of its width it is two texts.
                guard glyphs[i].text != glyphs[j].text || abs(a.x0 - b.x0) > 0.2 * min(a.width, b.width) else {
                    if a.verticalOverlap(b) > 0.5 * min(a.height, b.height) { same.append((i, j)) }
                    continue
                }
                let minArea = min(a.width * a.height, b.width * b.height)
                guard minArea > 0, a.verticalOverlap(b) > 0.5 * min(a.height, b.height),
                      a.horizontalOverlap(b) * a.verticalOverlap(b) > 0.3 * minArea else { continue }
                pairs.append((i, j))
            }
        }
        guard !pairs.isEmpty else { return Outcome(text: text, uncertain: []) }
        // Where two texts overlap, the same character drawn twice in one place reads once.
        var twice = Set<Int>()
        for (i, j) in same where !twice.contains(i) && !twice.contains(j) { twice.insert(max(i, j)) }
        pairs = pairs.filter { !twice.contains($0.0) && !twice.contains($0.1) }
        guard let first = pairs.first else {
            var out = text
            out.glyphs = glyphs.indices.filter { !twice.contains($0) }.map { glyphs[$0] }
            return Outcome(text: out, uncertain: [])
        }
        let involved = Set(pairs.flatMap { [$0.0, $0.1] })
        func key(_ g: Glyph) -> String { "\(g.text)|\(g.fontName)" }
        // A clean sample of each glyph in doubt: same text and font, the nearest size, overlapped
        // by nothing.
        var samples: [String: [Int]] = [:]
        let wanted = Set(involved.map { key(glyphs[$0]) })
        for i in solid where !involved.contains(i) && !glyphs[i].isLight && wanted.contains(key(glyphs[i])) {
            samples[key(glyphs[i]), default: []].append(i)
        }
        var sample: [Int: Int] = [:]
        for i in involved {
            sample[i] = samples[key(glyphs[i])]?.min { abs(glyphs[$0].fontSize - glyphs[i].fontSize) < abs(glyphs[$1].fontSize - glyphs[i].fontSize) }
        }
        var area = glyphs[first.0].box
        for i in involved { area = area.union(glyphs[i].box) }
        for i in sample.values { area = area.union(glyphs[i].box) }
        guard let image = render(area) else { return Outcome(text: text, uncertain: []) }
        // How much of the sample's ink shows in the glyph's place (nil: no sample).
        var shows: [Int: Double] = [:]
        var away: [String: (box: Rect, image: GrayImage)?] = [:]
        for i in involved {
            if let s = sample[i] {
                shows[i] = coverage(of: glyphs[s].box, in: image, at: glyphs[i].box, in: image)
                continue
            }
            let k = key(glyphs[i])
            if away[k] == nil { away[k] = .some(elsewhere(glyphs[i])) }
            if let found = away[k] ?? nil {
                shows[i] = coverage(of: found.box, in: found.image, at: glyphs[i].box, in: image)
            }
        }
        var hidden = Set(involved.filter { (shows[$0] ?? 1) < 0.8 }).union(twice)
        var uncertain: [Rect] = []
        for (i, j) in pairs where !hidden.contains(i) && !hidden.contains(j) {
            // A label running over into the number beside it (a long label in a narrow
            // borderless cell): a digit and a character of words both show, and a reader
            // reads both; no number was drawn over another.
            if shows[i] != nil, shows[j] != nil, isDigit(glyphs[i]) != isDigit(glyphs[j]) { continue }
            // Both seem to show (or cannot be told): keep the likelier one and say so.
            let (si, sj) = (shows[i] ?? -1, shows[j] ?? -1)
            hidden.insert(si >= sj ? j : i)
            uncertain.append(glyphs[i].box.union(glyphs[j].box))
        }
        var out = text
        out.glyphs = glyphs.indices.filter { !hidden.contains($0) }.map { glyphs[$0] }
        return Outcome(text: out, uncertain: uncertain)
    }

    static func isDigit(_ g: Glyph) -> Bool {
        !g.text.isEmpty && g.text.allSatisfy { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    /// Share of the sample's ink (pixels darker than 100) that is ink (darker than 160) in the
    /// place of `target`, at the best of the shifts of up to one pixel.
    static func coverage(of sampleBox: Rect, in source: GrayImage, at target: Rect, in image: GrayImage) -> Double {
        // Boxes come from the file: a coordinate no page can hold (a damaged box) cannot be
        // judged, and the glyph is taken as showing (kept) rather than trapping.
        func pixel(_ v: Double) -> Int? { v.isFinite && abs(v) < 1e7 ? Int(v.rounded()) : nil }
        guard let sx = pixel((sampleBox.x0 - source.origin.x) * image.scale),
              let sy = pixel((sampleBox.y0 - source.origin.y) * image.scale),
              let tx = pixel((target.x0 - image.origin.x) * image.scale),
              let ty = pixel((target.y0 - image.origin.y) * image.scale),
              let fullWidth = pixel(sampleBox.width * image.scale), let fullHeight = pixel(sampleBox.height * image.scale)
        else { return 1 }
        let w = min(fullWidth, source.width), h = min(fullHeight, source.height)
        // A sample of another size is scaled to the target's.
        let r = sampleBox.height > 0 ? target.height / sampleBox.height : 1
        guard r.isFinite, r > 0, r < 100 else { return 1 }
        var ink: [(Int, Int)] = []
        for y in 0..<max(0, h) {
            for x in 0..<max(0, w) {
                let (X, Y) = (sx + x, sy + y)
                if X >= 0, Y >= 0, X < source.width, Y < source.height, source[X, Y] < 100 { ink.append((x, y)) }
            }
        }
        guard !ink.isEmpty else { return 1 }
        var best = 0
        for dy in -1...1 {
            for dx in -1...1 {
                var hit = 0
                for (x, y) in ink {
                    let (X, Y) = (tx + Int((Double(x) * r).rounded()) + dx, ty + Int((Double(y) * r).rounded()) + dy)
                    if X >= 0, Y >= 0, X < image.width, Y < image.height, image[X, Y] < 160 { hit += 1 }
                }
                best = max(best, hit)
            }
        }
        return Double(best) / Double(ink.count)
    }
}

extension OverlappingText {
    /// A glyph of the same text and font as `glyph`, the nearest size, that no other glyph
    /// overlaps, among `pages`.
    static func cleanSample(of glyph: Glyph, in pages: [PageText]) -> (page: Int, box: Rect)? {
        var best: (page: Int, box: Rect, gap: Double)?
        for (p, page) in pages.enumerated() {
            for g in page.glyphs where g.text == glyph.text && g.fontName == glyph.fontName && !g.isLight {
                let gap = abs(g.fontSize - glyph.fontSize)
                if let b = best, b.gap <= gap { continue }
                let alone = !page.glyphs.contains { o in
                    o.box != g.box && !o.text.allSatisfy(\.isWhitespace)
                        && o.box.horizontalOverlap(g.box) * o.box.verticalOverlap(g.box) > 0.1 * g.box.width * g.box.height
                }
                if alone { best = (p, g.box, gap) }
            }
        }
        return best.map { ($0.page, $0.box) }
    }
}

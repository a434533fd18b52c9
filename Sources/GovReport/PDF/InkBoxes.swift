/// Digit boxes taken from the ink when the font's metrics are not believed. Poppler makes a
/// glyph's box from its font's ascent and descent (a Type 3 font's from its FontBBox or its
/// descriptor, and a size guessed from its widths), so a number in such a font can get a box
/// far shorter, taller or lower than the glyph it draws: a value between the two lines of a
/// wrapped label then seems to sit on the label's second line, or reaches into the next row.
/// What poppler keeps is the baseline, always inside the box (it forces ascent ≥ 0 ≥ descent),
/// and digits stand on it; every glyph of one font and size has its baseline at the same
/// place in its box. So the page is rendered where such digits are, the ink runs in each
/// digit's own columns are found, the bottom offset most digits of the font agree on is the
/// baseline, and each digit gets an em box standing on it, as tall as its ink says.
enum InkBoxes {
    /// Pixels per point: a 10 pt digit is about 20 pixels high.
    static let renderScale = 2.0
    /// A font whose boxes are this many times taller or shorter, for their size, than the
    /// page's other glyphs' is not believed (as `BaselineBoxes.ratio`).
    static let ratio = BaselineBoxes.ratio
    /// A digit's ink is about this share of its em (cap height).
    static let inkShare = 0.7
    /// An em box's part below the baseline.
    static let descent = 0.15

    static func isDigit(_ g: Glyph) -> Bool {
        g.text.count == 1 && g.text.first!.isASCII && g.text.first!.isNumber
    }

    /// A run of inked pixel rows in a number's columns (page points), and whether its ink
    /// stays in those columns (a digit's does; a label or header word above is wider).
    struct Run {
        var top: Double
        var bottom: Double
        var confined: Bool
    }

    /// A number in an odd font: its digits (indices), their box and the ink runs found there.
    struct Member {
        var glyphs: [Int]
        var box: Rect
        var runs: [Run]
    }

    /// The page with the boxes of digits in fonts whose metrics are not believed measured from
    /// the ink. Pages without such digits are returned as they are, at no cost.
    static func measured(_ text: PageText, render: (Rect) -> GrayImage?) -> PageText {
        let words = numbers(oddDigits(text.glyphs), text.glyphs)
        guard !words.isEmpty else { return text }
        let boxes = words.map { search($0.box, em: text.glyphs[$0.glyphs[0]].fontSize) }
        let area = boxes.reduce(boxes[0]) { $0.union($1) }
        guard let image = render(area) else { return text }
        // Numbers grouped by font and size: their baselines sit at one place in their boxes.
        var groups: [String: [Member]] = [:]
        for (k, w) in words.enumerated() {
            let g = text.glyphs[w.glyphs[0]]
            groups["\(g.fontName)|\(g.fontSize)", default: []]
                .append(Member(glyphs: w.glyphs, box: w.box, runs: runs(in: w.box, area: boxes[k], em: g.fontSize, image: image)))
        }
        var out = text
        for key in groups.keys.sorted() {
            let members = groups[key]!
            let tolerance = 0.1 * text.glyphs[members[0].glyphs[0]].fontSize
            let confinedOnly = members.contains { $0.runs.contains(where: \.confined) }
            func usable(_ m: Member) -> [Run] { confinedOnly ? m.runs.filter(\.confined) : m.runs }
            func support(_ offset: Double) -> Int {
                members.filter { m in usable(m).contains { abs($0.bottom - m.box.y0 - offset) <= tolerance } }.count
            }
            // The offset of the baseline in the box that most numbers agree on.
            let offsets = members.flatMap { m in usable(m).map { $0.bottom - m.box.y0 } }
            guard let best = offsets.max(by: { support($0) < support($1) }), support(best) * 2 > members.count
            else { continue }
            for m in members {
                let near = { (r: Run) in abs(r.bottom - m.box.y0 - best) }
                guard let run = (usable(m).filter { near($0) <= tolerance }.min { near($0) < near($1) })
                    ?? (m.runs.filter { near($0) <= tolerance }.min { near($0) < near($1) }) else { continue }
                let em = (run.bottom - run.top) / inkShare
                for i in m.glyphs {
                    let b = text.glyphs[i].box
                    out.glyphs[i].box = Rect(x0: b.x0, y0: run.bottom - (1 - descent) * em, x1: b.x1, y1: run.bottom + descent * em)
                }
            }
        }
        return out
    }

    /// Odd digits side by side in one font and size, on one level: the numbers they write.
    static func numbers(_ odd: [Int], _ glyphs: [Glyph]) -> [(glyphs: [Int], box: Rect)] {
        let sorted = odd.sorted { (glyphs[$0].box.y0, glyphs[$0].box.x0) < (glyphs[$1].box.y0, glyphs[$1].box.x0) }
        var out: [(glyphs: [Int], box: Rect)] = []
        for i in sorted {
            let g = glyphs[i]
            if let last = out.last?.glyphs.last {
                let p = glyphs[last]
                if p.fontName == g.fontName, p.fontSize == g.fontSize, abs(p.box.y0 - g.box.y0) < 0.01 * g.fontSize,
                   g.box.x0 - p.box.x1 < 0.3 * p.box.width, g.box.x0 >= p.box.x0 {
                    out[out.count - 1].glyphs.append(i)
                    out[out.count - 1].box = out[out.count - 1].box.union(g.box)
                    continue
                }
            }
            out.append(([i], g.box))
        }
        return out
    }

    /// Digits whose font's boxes, for its size, are `ratio` times taller or shorter than the
    /// page's other glyphs' (median box height over font size).
    static func oddDigits(_ glyphs: [Glyph]) -> [Int] {
        let solid = glyphs.indices.filter { glyphs[$0].fontSize > 0 && glyphs[$0].box.height > 0
            && !glyphs[$0].text.allSatisfy(\.isWhitespace) }
        var byFont: [String: [Int]] = [:]
        for i in solid { byFont[glyphs[i].fontName, default: []].append(i) }
        guard byFont.count > 1 else { return [] }
        var out: [Int] = []
        for (font, members) in byFont where members.contains(where: { isDigit(glyphs[$0]) }) {
            let others = solid.filter { glyphs[$0].fontName != font }.map { glyphs[$0].box.height / glyphs[$0].fontSize }
            guard others.count >= 10 else { continue }
            let reference = BaselineBoxes.median(others)
            let own = BaselineBoxes.median(members.map { glyphs[$0].box.height / glyphs[$0].fontSize })
            guard own > ratio * reference || own * ratio < reference else { continue }
            out += members.filter { isDigit(glyphs[$0]) }
        }
        return out.sorted()
    }

    /// Where a number's ink may be: its columns (and more each side, to tell rulings and wider
    /// words from its strokes), from an em and a half above its box to a little below it.
    static func search(_ box: Rect, em: Double) -> Rect {
        Rect(x0: box.x0 - em, y0: box.y0 - 1.5 * em, x1: box.x1 + em, y1: box.y1 + 0.2 * em)
    }

    /// Runs of inked pixel rows in the number's own columns whose bottom lies in its box; rows
    /// inked across nine tenths of the search width are rulings.
    static func runs(in box: Rect, area: Rect, em: Double, image: GrayImage) -> [Run] {
        let s = image.scale
        func px(_ x: Double) -> Int { Int(((x - image.origin.x) * s).rounded()) }
        func py(_ y: Double) -> Int { Int(((y - image.origin.y) * s).rounded()) }
        let inset = min(0.15 * em, 0.2 * box.width)
        let cx0 = max(0, px(box.x0 + inset)), cx1 = min(image.width - 1, px(box.x1 - inset))
        let wx0 = max(0, px(area.x0)), wx1 = min(image.width - 1, px(area.x1))
        // Side bands: ink there, beside the number's rows, belongs to something wider.
        let lx1 = px(box.x0 - 0.2 * em), rx0 = px(box.x1 + 0.2 * em)
        let top = max(0, py(area.y0)), bottom = min(image.height - 1, py(area.y1))
        guard cx0 <= cx1, top < bottom, wx0 <= wx1 else { return [] }
        var inked: [Bool] = [], beside: [Bool] = []
        for y in top...bottom {
            var own = false
            for x in cx0...cx1 where image[x, y] < 128 { own = true; break }
            var side = false
            if own {
                var dark = 0
                for x in wx0...wx1 where image[x, y] < 128 { dark += 1 }
                if Double(dark) >= 0.9 * Double(wx1 - wx0 + 1) { own = false }
                for x in wx0...wx1 where (x < lx1 || x > rx0) && image[x, y] < 128 { side = true; break }
            }
            inked.append(own)
            beside.append(own && side)
        }
        let gap = max(1, Int(0.1 * em * s))
        var spans: [(Int, Int)] = []
        var start: Int?, last = 0
        for (k, on) in inked.enumerated() where on {
            if let s0 = start, k - last > gap {
                spans.append((s0, last))
                start = k
            } else if start == nil {
                start = k
            }
            last = k
        }
        if let s0 = start { spans.append((s0, last)) }
        return spans.compactMap { a, b -> Run? in
            // A run cut by the search area's top edge has no known height.
            guard a > 0 else { return nil }
            let y0 = image.origin.y + Double(top + a) / s, y1 = image.origin.y + Double(top + b + 1) / s
            guard y1 >= box.y0 - 0.1 * em, y1 <= box.y1 + 0.1 * em else { return nil }
            let rows = (a...b).filter { inked[$0] }.count
            let wide = (a...b).filter { beside[$0] }.count
            return Run(top: y0, bottom: y1, confined: Double(wide) <= 0.2 * Double(rows))
        }
    }
}

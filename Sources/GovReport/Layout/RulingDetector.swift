/// Finds ruling lines in a rendered page: long, thin runs of dark pixels.
///
/// A pixel belongs to a line when it is dark and at least one neighbour two pixels across
/// the line is clearly lighter, so filled (shaded) cells do not read as stacks of lines
/// but their borders do. Runs shorter than the minimum lengths (longer than any stroke of
/// a table's text) are ignored.
///
/// Light ink painted over a ruling (a diagonal watermark drawn after the table) leaves a gap
/// in its dark pixels. Inside the bands such text covers (`SlantedStrip`, from the text
/// layer), a gap whose every pixel is painted (`paintedLevel` or darker) rather than white
/// paper is joined, so the ruling stays one line; a gap of white paper never is, nor one
/// that would carry a stroke of text (ink inside a glyph's box) on through the paint.
public struct RulingDetector: Sendable, Equatable, Codable {
    /// Darkest gray a line pixel may have (0 black … 255 white).
    public var darkLevel: UInt8 = 200
    /// How much lighter the neighbour across the line must be.
    public var contrast: Int = 30
    /// Minimum length of a horizontal line, points.
    public var minHorizontal: Double = 20
    /// Minimum length of a vertical line, points (about one table row).
    public var minVertical: Double = 11
    /// Gap, in pixels, that still counts as the same line (dashes, anti-aliasing).
    public var maxGap: Int = 2
    /// Lightest gray that is painted ink rather than paper: a gap in a ruling inside a slanted
    /// text's band is joined only when all its pixels are this dark or darker.
    public var paintedLevel: UInt8 = 250
    /// Shortest piece of a line, points, that a painted gap joins to: a crossing ruling's
    /// width or a dot of text on the far side of the paint is shorter.
    public var paintedPiece: Double = 3
    /// How much darker than a slanted text's ink a line inside its band must be somewhere to
    /// be a ruling, gray levels (anti-aliased edges of the text's strokes are a little darker).
    public var slantedInkMargin: Int = 24

    public init() {}

    /// The rulings of `image`. `strips` (page points) are where slanted text is painted over
    /// the page, and the only places a painted gap is joined; `glyphs` are the boxes (page
    /// points) of the page's other text, whose strokes are never joined.
    public func rulings(in image: GrayImage, paintedOver strips: [SlantedStrip] = [], glyphs: [Rect] = []) -> [Ruling] {
        let found = horizontal(image, paintedOver: strips, glyphs: glyphs) + vertical(image, paintedOver: strips, glyphs: glyphs)
        return strips.isEmpty ? found : found.filter { !isSlantedInk($0, image, strips) }
    }

    /// Whether a ruling lies inside a slanted text's band and none of its ink is darker than
    /// that text's: a straight stroke of a watermark dark enough to read as a line.
    func isSlantedInk(_ r: Ruling, _ img: GrayImage, _ strips: [SlantedStrip]) -> Bool {
        let (a, b) = r.axis == .horizontal ? ((r.start, r.position), (r.end, r.position)) : ((r.position, r.start), (r.position, r.end))
        guard let strip = strips.first(where: { $0.gray != nil && $0.contains(x: a.0, y: a.1) && $0.contains(x: b.0, y: b.1) }),
              let gray = strip.gray else { return false }
        // The darkest pixel across the line at each step along it.
        let across = Int(((r.position - (r.axis == .horizontal ? img.origin.y : img.origin.x)) * img.scale).rounded(.down))
        let from = Int(((r.start - (r.axis == .horizontal ? img.origin.x : img.origin.y)) * img.scale).rounded(.down))
        let to = Int(((r.end - (r.axis == .horizontal ? img.origin.x : img.origin.y)) * img.scale).rounded(.up))
        var darkest: [Int] = []
        for t in max(0, from)..<max(max(0, from), to) {
            var m = 255
            for d in -1...1 {
                let (x, y) = r.axis == .horizontal ? (t, across + d) : (across + d, t)
                guard x >= 0, x < img.width, y >= 0, y < img.height else { continue }
                m = min(m, Int(img[x, y]))
            }
            darkest.append(m)
        }
        guard !darkest.isEmpty else { return false }
        // A black ruling shows black somewhere, however much paint lies over it.
        return darkest.sorted()[darkest.count / 10] >= Int(gray) - slantedInkMargin
    }

    func horizontal(_ img: GrayImage, paintedOver strips: [SlantedStrip] = [], glyphs: [Rect] = []) -> [Ruling] {
        scan(img, axis: .horizontal, paintedOver: strips, glyphs: glyphs)
    }
    func vertical(_ img: GrayImage, paintedOver strips: [SlantedStrip] = [], glyphs: [Rect] = []) -> [Ruling] {
        scan(img, axis: .vertical, paintedOver: strips, glyphs: glyphs)
    }

    /// Runs of line pixels along `axis`. Pixels are visited row by row in memory order for both
    /// axes (a vertical scan keeps one open run per column), with the neighbours two pixels
    /// across the line as the contrast test.
    func scan(_ img: GrayImage, axis: Ruling.Axis, paintedOver strips: [SlantedStrip] = [], glyphs: [Rect] = []) -> [Ruling] {
        let w = img.width, h = img.height
        let horizontal = axis == .horizontal
        let minLen = Int((horizontal ? minHorizontal : minVertical) * img.scale)
        let gap = maxGap + 1
        // Only the strips that reach the raster are looked at.
        let raster = Rect(x0: img.origin.x, y0: img.origin.y,
                          x1: img.origin.x + Double(w) / img.scale, y1: img.origin.y + Double(h) / img.scale)
        let strips = strips.filter { b in
            let s = b.bounds
            return s.x1 >= raster.x0 && s.x0 <= raster.x1 && s.y1 >= raster.y0 && s.y0 <= raster.y1
        }
        // Only the glyphs the strips reach can hold a piece next to a painted gap.
        let glyphs = strips.isEmpty ? [] : glyphs.filter { g in
            strips.contains { b in
                let s = b.bounds
                return g.x1 >= s.x0 && g.x0 <= s.x1 && g.y1 >= s.y0 && g.y0 <= s.y1
            }
        }
        func page(_ along: Int, _ across: Int) -> (x: Double, y: Double) {
            let (x, y) = horizontal ? (along, across) : (across, along)
            return (img.origin.x + (Double(x) + 0.5) / img.scale, img.origin.y + (Double(y) + 0.5) / img.scale)
        }
        // Whether the ink from `a` to `b` along the line at `across` lies in glyphs' boxes all
        // along (strokes of neighbouring characters run together into one piece).
        func inText(_ a: Int, _ b: Int, across: Int) -> Bool {
            let p = page(a, across), q = page(b, across)
            let (lo, hi, at) = horizontal ? (p.x, q.x, p.y) : (p.y, q.y, p.x)
            let spans = glyphs.compactMap { g -> (Double, Double)? in
                let (gLo, gHi, aLo, aHi) = horizontal ? (g.x0, g.x1, g.y0, g.y1) : (g.y0, g.y1, g.x0, g.x1)
                guard at >= aLo, at <= aHi, gHi > lo, gLo < hi else { return nil }
                return (max(gLo, lo), min(gHi, hi))
            }
            return !spans.isEmpty && RulingFilter.covered(spans) >= hi - lo - 1 / img.scale
        }
        let minPiece = Int((paintedPiece * img.scale).rounded(.up))
        var runs: [(Int, Int, Int)] = []
        // Open run per column (vertical) or for the current row (horizontal): start, last; the
        // start of its piece after the last painted gap joined, and where the run ended before it.
        let open = horizontal ? 1 : w
        var start = [Int](repeating: -1, count: open), last = [Int](repeating: -1, count: open)
        var piece = [Int](repeating: -1, count: open), beforeJoin = [Int](repeating: -1, count: open)
        func close(_ k: Int, at across: Int) {
            // A short last piece past a painted gap is the end of a crossing line, and one in a
            // glyph's box a stroke of text: not this line going on.
            if beforeJoin[k] >= 0, last[k] - piece[k] + 1 < minPiece || inText(piece[k], last[k], across: across) {
                last[k] = beforeJoin[k]
            }
            if start[k] >= 0, last[k] - start[k] + 1 >= minLen { runs.append((across, start[k], last[k])) }
            start[k] = -1
            beforeJoin[k] = -1
        }
        img.pixels.withUnsafeBufferPointer { px in
            // Whether the pixels strictly between `a` and `b` along the line at `across` are all
            // painted and inside one slanted strip.
            func paintedGap(_ a: Int, _ b: Int, across: Int) -> Bool {
                guard !strips.isEmpty else { return false }
                let first = page(a + 1, across), last = page(b - 1, across)
                guard strips.contains(where: { $0.contains(x: first.x, y: first.y) && $0.contains(x: last.x, y: last.y) }) else {
                    return false
                }
                for t in (a + 1)..<b {
                    let p = horizontal ? px[across * w + t] : px[t * w + across]
                    if p > paintedLevel { return false }
                }
                return true
            }
            for y in 0..<h {
                let row = y * w
                for x in 0..<w {
                    let p = Int(px[row + x])
                    guard p <= Int(darkLevel) else { continue }
                    let (a, b): (Int, Int) = horizontal
                        ? (y >= 2 ? Int(px[row - 2 * w + x]) : 255, y + 2 < h ? Int(px[row + 2 * w + x]) : 255)
                        : (x >= 2 ? Int(px[row + x - 2]) : 255, x + 2 < w ? Int(px[row + x + 2]) : 255)
                    guard max(a, b) - p >= contrast else { continue }
                    let (k, along, across) = horizontal ? (0, x, y) : (x, y, x)
                    if start[k] < 0 {
                        start[k] = along; piece[k] = along
                    } else if along - last[k] > gap {
                        // Only a line already longer than a crossing line's width goes on
                        // through paint.
                        if last[k] - start[k] + 1 >= minPiece, paintedGap(last[k], along, across: across),
                           !inText(start[k], last[k], across: across) {
                            beforeJoin[k] = last[k]
                        } else {
                            close(k, at: across)
                            start[k] = along
                        }
                        piece[k] = along
                    }
                    last[k] = along
                }
                if horizontal { close(0, at: y) }
            }
            if !horizontal { for x in 0..<w { close(x, at: x) } }
        }
        return merge(runs, axis: axis, image: img)
    }

    /// Joins runs on neighbouring pixel rows (a line drawn two or three pixels thick) into one
    /// ruling at their mean position.
    func merge(_ runs: [(Int, Int, Int)], axis: Ruling.Axis, image: GrayImage) -> [Ruling] {
        let scale = image.scale
        let (across, along) = axis == .horizontal ? (image.origin.y, image.origin.x) : (image.origin.x, image.origin.y)
        var groups: [(positions: [Int], lo: Int, hi: Int, lastPos: Int)] = []
        for (pos, lo, hi) in runs.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            if let i = groups.lastIndex(where: { pos - $0.lastPos <= 2 && lo <= $0.hi && hi >= $0.lo }) {
                groups[i].positions.append(pos)
                groups[i].lo = min(groups[i].lo, lo)
                groups[i].hi = max(groups[i].hi, hi)
                groups[i].lastPos = pos
            } else {
                groups.append(([pos], lo, hi, pos))
            }
        }
        return groups.map { g in
            let mean = Double(g.positions.reduce(0, +)) / Double(g.positions.count) + 0.5
            return Ruling(axis: axis, position: across + mean / scale, start: along + Double(g.lo) / scale,
                          end: along + Double(g.hi + 1) / scale)
        }
    }
}

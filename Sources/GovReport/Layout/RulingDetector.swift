/// Finds ruling lines in a rendered page: long, thin runs of dark pixels.
///
/// A pixel belongs to a line when it is dark and at least one neighbour two pixels across
/// the line is clearly lighter, so filled (shaded) cells do not read as stacks of lines
/// but their borders do. Runs shorter than the minimum lengths (longer than any stroke of
/// a table's text) are ignored.
public struct RulingDetector: Sendable {
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

    public init() {}

    public func rulings(in image: GrayImage) -> [Ruling] {
        horizontal(image) + vertical(image)
    }

    private func isLine(_ p: Int, _ a: Int, _ b: Int) -> Bool {
        p <= Int(darkLevel) && max(a, b) - p >= contrast
    }

    func horizontal(_ img: GrayImage) -> [Ruling] { scan(img, axis: .horizontal) }
    func vertical(_ img: GrayImage) -> [Ruling] { scan(img, axis: .vertical) }

    /// Runs of line pixels along `axis`: for a horizontal scan each pixel row is walked left to
    /// right and compared with the rows two pixels above and below; a vertical scan is the same
    /// on columns.
    func scan(_ img: GrayImage, axis: Ruling.Axis) -> [Ruling] {
        let w = img.width
        let horizontal = axis == .horizontal
        let (alongCount, acrossCount) = horizontal ? (img.width, img.height) : (img.height, img.width)
        let minLen = Int((horizontal ? minHorizontal : minVertical) * img.scale)
        var runs: [(Int, Int, Int)] = []
        // Index of pixel (along, across) = along * alongStride + across * acrossStride.
        let (alongStride, acrossStride) = horizontal ? (1, w) : (w, 1)
        img.pixels.withUnsafeBufferPointer { px in
            for across in 0..<acrossCount {
                var start = -1, last = -1
                let hasBefore = across >= 2, hasAfter = across + 2 < acrossCount
                for along in 0..<alongCount {
                    let i = along * alongStride + across * acrossStride
                    let before = hasBefore ? Int(px[i - 2 * acrossStride]) : 255
                    let after = hasAfter ? Int(px[i + 2 * acrossStride]) : 255
                    guard isLine(Int(px[i]), before, after) else { continue }
                    if start < 0 || along - last > maxGap + 1 {
                        if start >= 0, last - start + 1 >= minLen { runs.append((across, start, last)) }
                        start = along
                    }
                    last = along
                }
                if start >= 0, last - start + 1 >= minLen { runs.append((across, start, last)) }
            }
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

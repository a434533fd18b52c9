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

    func horizontal(_ img: GrayImage) -> [Ruling] {
        let w = img.width, h = img.height
        let minLen = Int(minHorizontal * img.scale)
        var runs: [(y: Int, x0: Int, x1: Int)] = []
        img.pixels.withUnsafeBufferPointer { px in
            for y in 0..<h {
                var start = -1, last = -1
                for x in 0..<w {
                    let p = Int(px[y * w + x])
                    let above = y >= 2 ? Int(px[(y - 2) * w + x]) : 255
                    let below = y + 2 < h ? Int(px[(y + 2) * w + x]) : 255
                    if isLine(p, above, below) {
                        if start < 0 || x - last > maxGap + 1 {
                            if start >= 0, last - start + 1 >= minLen { runs.append((y, start, last)) }
                            start = x
                        }
                        last = x
                    }
                }
                if start >= 0, last - start + 1 >= minLen { runs.append((y, start, last)) }
            }
        }
        return merge(runs.map { ($0.y, $0.x0, $0.x1) }, axis: .horizontal, image: img)
    }

    func vertical(_ img: GrayImage) -> [Ruling] {
        let w = img.width, h = img.height
        let minLen = Int(minVertical * img.scale)
        var runs: [(Int, Int, Int)] = []
        img.pixels.withUnsafeBufferPointer { px in
            for x in 0..<w {
                var start = -1, last = -1
                for y in 0..<h {
                    let p = Int(px[y * w + x])
                    let left = x >= 2 ? Int(px[y * w + x - 2]) : 255
                    let right = x + 2 < w ? Int(px[y * w + x + 2]) : 255
                    if isLine(p, left, right) {
                        if start < 0 || y - last > maxGap + 1 {
                            if start >= 0, last - start + 1 >= minLen { runs.append((x, start, last)) }
                            start = y
                        }
                        last = y
                    }
                }
                if start >= 0, last - start + 1 >= minLen { runs.append((x, start, last)) }
            }
        }
        return merge(runs, axis: .vertical, image: img)
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

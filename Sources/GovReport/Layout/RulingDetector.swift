/// Finds ruling lines in a rendered page: long, thin runs of dark pixels.
///
/// A pixel belongs to a line when it is dark and at least one neighbour two pixels across
/// the line is clearly lighter, so filled (shaded) cells do not read as stacks of lines
/// but their borders do. Runs shorter than the minimum lengths (longer than any stroke of
/// a table's text) are ignored.
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

    public init() {}

    public func rulings(in image: GrayImage) -> [Ruling] {
        horizontal(image) + vertical(image)
    }

    func horizontal(_ img: GrayImage) -> [Ruling] { scan(img, axis: .horizontal) }
    func vertical(_ img: GrayImage) -> [Ruling] { scan(img, axis: .vertical) }

    /// Runs of line pixels along `axis`. Pixels are visited row by row in memory order for both
    /// axes (a vertical scan keeps one open run per column), with the neighbours two pixels
    /// across the line as the contrast test.
    func scan(_ img: GrayImage, axis: Ruling.Axis) -> [Ruling] {
        let w = img.width, h = img.height
        let horizontal = axis == .horizontal
        let minLen = Int((horizontal ? minHorizontal : minVertical) * img.scale)
        let gap = maxGap + 1
        var runs: [(Int, Int, Int)] = []
        // Open run per column (vertical) or for the current row (horizontal): start, last.
        var start = [Int](repeating: -1, count: horizontal ? 1 : w)
        var last = [Int](repeating: -1, count: horizontal ? 1 : w)
        func close(_ k: Int, at across: Int) {
            if start[k] >= 0, last[k] - start[k] + 1 >= minLen { runs.append((across, start[k], last[k])) }
            start[k] = -1
        }
        img.pixels.withUnsafeBufferPointer { px in
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
                    if start[k] < 0 || along - last[k] > gap {
                        close(k, at: across)
                        start[k] = along
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

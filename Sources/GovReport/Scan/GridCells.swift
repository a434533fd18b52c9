/// The cells of a scanned page's ruled tables: the regions the ruling lines enclose, merged
/// cells included (a region is whatever the lines leave connected, so a cell spanning rows or
/// columns is one region).
enum GridCells {
    /// Resolution of the region map, points per map cell.
    static let resolution = 1.0
    /// Gap along a ruling (points) that is still the same line: scanning breaks thin lines.
    static let joinGap = 8.0
    /// How far each ruling is drawn past its ends (points), to close corners it stopped short of.
    static let overshoot = 3.0
    /// Smallest cell (points): smaller regions are the slivers between doubled lines.
    static let minSide = 5.0

    /// Ruling pieces on one line joined across small gaps.
    static func joined(_ rulings: [Ruling]) -> [Ruling] {
        var out: [Ruling] = []
        for axis in [Ruling.Axis.horizontal, .vertical] {
            let sorted = rulings.filter { $0.axis == axis }.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
            var lines: [Ruling] = []
            for r in sorted {
                if let i = lines.lastIndex(where: { abs($0.position - r.position) <= 1.5 && r.start - $0.end <= joinGap
                                                    && r.end >= $0.start - joinGap }) {
                    let l = lines[i]
                    lines[i] = Ruling(axis: axis, position: (l.position * l.length + r.position * r.length) / (l.length + r.length),
                                      start: min(l.start, r.start), end: max(l.end, r.end))
                } else {
                    lines.append(r)
                }
            }
            out += lines
        }
        return out
    }

    /// The enclosed regions of a `width` × `height` point page cut by `rulings`, as boxes in
    /// points, top to bottom, then left to right. Regions larger than `maxArea` are not cells
    /// (a frame around the whole page).
    static func cells(rulings: [Ruling], width: Double, height: Double, maxArea: Double) -> [Rect] {
        let lines = joined(rulings)
        guard lines.contains(where: { $0.axis == .horizontal }), lines.contains(where: { $0.axis == .vertical }) else {
            return []
        }
        let w = Int((width / resolution).rounded(.up)) + 2, h = Int((height / resolution).rounded(.up)) + 2
        // 0 free, -1 line, >0 region label.
        var map = [Int32](repeating: 0, count: w * h)
        func cell(_ v: Double, _ limit: Int) -> Int { min(limit - 1, max(0, Int(v / resolution) + 1)) }
        for r in lines {
            let a = cell(r.start - overshoot, r.axis == .horizontal ? w : h)
            let b = cell(r.end + overshoot, r.axis == .horizontal ? w : h)
            let p = cell(r.position, r.axis == .horizontal ? h : w)
            for t in a...max(a, b) {
                if r.axis == .horizontal { map[p * w + t] = -1 } else { map[t * w + p] = -1 }
            }
        }
        // Label the free regions (4-connected); the one touching the border is the outside.
        var boxes: [(x0: Int, y0: Int, x1: Int, y1: Int, area: Int, outside: Bool)] = []
        var stack: [Int] = []
        for start in 0..<(w * h) where map[start] == 0 {
            let label = Int32(boxes.count + 1)
            var box = (x0: Int.max, y0: Int.max, x1: -1, y1: -1, area: 0, outside: false)
            map[start] = label
            stack.append(start)
            while let i = stack.popLast() {
                let x = i % w, y = i / w
                box.x0 = min(box.x0, x); box.x1 = max(box.x1, x); box.y0 = min(box.y0, y); box.y1 = max(box.y1, y)
                box.area += 1
                if x == 0 || y == 0 || x == w - 1 || y == h - 1 { box.outside = true }
                for n in [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]
                where n >= 0 && map[n] == 0 {
                    map[n] = label
                    stack.append(n)
                }
            }
            boxes.append(box)
        }
        return boxes.filter { !$0.outside }.compactMap { b -> Rect? in
            // Map cell k covers points (k-1)…k; the region's box, out to the lines around it.
            let r = Rect(x0: Double(b.x0 - 1) * resolution, y0: Double(b.y0 - 1) * resolution,
                         x1: Double(b.x1) * resolution, y1: Double(b.y1) * resolution)
            guard r.width >= minSide, r.height >= minSide, r.width * r.height <= maxArea else { return nil }
            return r
        }.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }
}

/// A band of the page that text set on a slant (a diagonal watermark) is painted over: the
/// segment from `from` to `to` (page points, y down) widened by `halfWidth` on each side.
/// Ink inside it may hide what lies under it (a ruling's stretch drawn over in light grey).
public struct SlantedStrip: Sendable, Hashable, Codable {
    /// The segment's ends.
    public var x0: Double, y0: Double, x1: Double, y1: Double
    /// Distance from the segment that is still inside, points.
    public var halfWidth: Double
    /// The slanted text's ink as gray (0 black … 255 white), when its colour is known.
    public var gray: UInt8?

    public init(from: (x: Double, y: Double), to: (x: Double, y: Double), halfWidth: Double, gray: UInt8? = nil) {
        x0 = from.x; y0 = from.y; x1 = to.x; y1 = to.y
        self.halfWidth = halfWidth
        self.gray = gray
    }

    /// Whether the page point (x, y) lies inside the band (a capsule around the segment).
    public func contains(x: Double, y: Double) -> Bool {
        let dx = x1 - x0, dy = y1 - y0
        let len2 = dx * dx + dy * dy
        let t = len2 > 0 ? min(1, max(0, ((x - x0) * dx + (y - y0) * dy) / len2)) : 0
        let px = x0 + t * dx - x, py = y0 + t * dy - y
        return px * px + py * py <= halfWidth * halfWidth
    }

    /// The axis-aligned box around the band.
    public var bounds: Rect {
        Rect(x0: min(x0, x1) - halfWidth, y0: min(y0, y1) - halfWidth,
             x1: max(x0, x1) + halfWidth, y1: max(y0, y1) + halfWidth)
    }
}

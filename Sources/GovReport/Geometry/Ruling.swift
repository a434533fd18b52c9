/// A ruling line found on a page: a horizontal or vertical stroke, in page points.
public struct Ruling: Sendable, Hashable, Codable {
    public enum Axis: String, Sendable, Codable { case horizontal, vertical }
    public var axis: Axis
    /// y of a horizontal line, x of a vertical one.
    public var position: Double
    /// Extent along the line: x-range of a horizontal line, y-range of a vertical one.
    public var start: Double
    public var end: Double

    public init(axis: Axis, position: Double, start: Double, end: Double) {
        self.axis = axis; self.position = position
        self.start = min(start, end); self.end = max(start, end)
    }

    public var length: Double { end - start }

    /// Whether the line spans the coordinate `t` along its length, with slack `tolerance`.
    public func covers(_ t: Double, tolerance: Double = 0) -> Bool {
        t >= start - tolerance && t <= end + tolerance
    }
}

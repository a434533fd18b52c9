/// An axis-aligned box in page space: points, origin at the page's top-left, y growing down.
public struct Rect: Sendable, Hashable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1); self.x1 = max(x0, x1)
        self.y0 = min(y0, y1); self.y1 = max(y0, y1)
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    public func union(_ o: Rect) -> Rect {
        Rect(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1))
    }

    /// Length of the overlap of the two boxes' vertical extents (0 when apart).
    public func verticalOverlap(_ o: Rect) -> Double { max(0, min(y1, o.y1) - max(y0, o.y0)) }
    public func horizontalOverlap(_ o: Rect) -> Double { max(0, min(x1, o.x1) - max(x0, o.x0)) }
}

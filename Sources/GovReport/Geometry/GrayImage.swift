/// An 8-bit grayscale raster of a rendered page (0 = black, 255 = white).
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    /// Pixels per PDF point.
    public let scale: Double
    /// Page position (points) of the raster's top-left pixel, when only part of a page was rendered.
    public let origin: (x: Double, y: Double)
    public var pixels: [UInt8]

    public init(width: Int, height: Int, scale: Double, origin: (x: Double, y: Double) = (0, 0), pixels: [UInt8]) {
        precondition(pixels.count == width * height, "raster size does not match its dimensions")
        self.width = width; self.height = height; self.scale = scale; self.origin = origin; self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}

extension GrayImage {
    /// Mean grey of the pixels inside `box` (page points); 255 when the box is outside the raster.
    public func meanGray(in box: Rect) -> Double {
        let (sum, count, _) = stats(in: box)
        return count == 0 ? 255 : Double(sum) / Double(count)
    }

    /// Share of the pixels inside `box` that are dark (< 128); 0 outside the raster.
    public func darkShare(in box: Rect, below threshold: Int = 128) -> Double {
        let (_, count, dark) = stats(in: box, threshold: threshold)
        return count == 0 ? 0 : Double(dark) / Double(count)
    }

    private func stats(in box: Rect, threshold: Int = 128) -> (sum: Int, count: Int, dark: Int) {
        let x0 = max(0, Int(((box.x0 - origin.x) * scale).rounded(.down)))
        let x1 = min(width, Int(((box.x1 - origin.x) * scale).rounded(.up)))
        let y0 = max(0, Int(((box.y0 - origin.y) * scale).rounded(.down)))
        let y1 = min(height, Int(((box.y1 - origin.y) * scale).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return (0, 0, 0) }
        var sum = 0, dark = 0
        for y in y0..<y1 {
            for x in x0..<x1 {
                let p = Int(pixels[y * width + x])
                sum += p
                if p < threshold { dark += 1 }
            }
        }
        return (sum, (x1 - x0) * (y1 - y0), dark)
    }
}

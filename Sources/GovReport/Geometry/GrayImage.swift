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

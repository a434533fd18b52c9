/// An 8-bit grayscale raster of a rendered page (0 = black, 255 = white).
public struct GrayImage: Sendable {
    public let width: Int
    public let height: Int
    /// Pixels per PDF point.
    public let scale: Double
    public var pixels: [UInt8]

    public init(width: Int, height: Int, scale: Double, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "raster size does not match its dimensions")
        self.width = width; self.height = height; self.scale = scale; self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}

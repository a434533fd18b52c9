import Foundation

/// Skew of a scanned page and its correction. A page fed through a scanner sits up to a degree
/// or two askew; ruling lines are then found only in pieces and text lines lean across cells.
enum Deskew {
    /// Largest skew looked for, degrees.
    static let maxAngle = 2.5

    /// The page's skew in degrees (positive: lines fall to the right, in image coordinates with
    /// y down). The angle whose projection of the dark pixels onto the y axis is sharpest
    /// (greatest sum of squared row counts): text lines and rulings then fall on few rows.
    static func angle(of image: GrayImage) -> Double {
        // Dark pixels on a grid of every `step`-th pixel.
        let step = max(1, Int((image.scale * 72 / 150).rounded()))
        var xs: [Double] = [], ys: [Double] = []
        image.pixels.withUnsafeBufferPointer { px in
            for y in stride(from: 0, to: image.height, by: step) {
                let row = y * image.width
                for x in stride(from: 0, to: image.width, by: step) where px[row + x] < 128 {
                    xs.append(Double(x)); ys.append(Double(y))
                }
            }
        }
        guard xs.count >= 100 else { return 0 }
        let cx = Double(image.width) / 2
        let bin = Double(step)
        let bins = image.height / step + image.width / step + 4
        var counts = [Int](repeating: 0, count: bins)
        func score(_ degrees: Double) -> Double {
            let t = tan(degrees * .pi / 180)
            for i in counts.indices { counts[i] = 0 }
            let offset = Double(bins / 2) - Double(image.height) / bin / 2
            for i in xs.indices {
                let b = Int((ys[i] - (xs[i] - cx) * t) / bin + offset)
                if b >= 0, b < bins { counts[b] += 1 }
            }
            return counts.reduce(0.0) { $0 + Double($1) * Double($1) }
        }
        func best(_ angles: [Double]) -> Double {
            angles.max { score($0) < score($1) } ?? 0
        }
        let coarse = best(stride(from: -maxAngle, through: maxAngle, by: 0.1).map { $0 })
        let fine = best(stride(from: coarse - 0.1, through: coarse + 0.1, by: 0.02).map { $0 })
        return abs(fine) < 0.03 ? 0 : fine
    }

    /// The image turned by `-degrees` about its centre (bilinear), so that lines that fell at
    /// `degrees` are level. Uncovered corners are white.
    static func rotate(_ image: GrayImage, by degrees: Double) -> GrayImage {
        guard degrees != 0 else { return image }
        let w = image.width, h = image.height
        let t = degrees * .pi / 180
        let c = cos(t), s = sin(t)
        let cx = Double(w) / 2, cy = Double(h) / 2
        var out = [UInt8](repeating: 255, count: w * h)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let dy = Double(y) - cy
                    // Source position of (0, y), and its step per output pixel.
                    var sx = cx + (0 - cx) * c - dy * s
                    var sy = cy + (0 - cx) * s + dy * c
                    let row = y * w
                    for x in 0..<w {
                        defer { sx += c; sy += s }
                        guard sx >= 0, sy >= 0, sx < Double(w - 1), sy < Double(h - 1) else { continue }
                        let x0 = Int(sx), y0 = Int(sy)
                        let fx = sx - Double(x0), fy = sy - Double(y0)
                        let i = y0 * w + x0
                        let top = Double(src[i]) * (1 - fx) + Double(src[i + 1]) * fx
                        let bottom = Double(src[i + w]) * (1 - fx) + Double(src[i + w + 1]) * fx
                        dst[row + x] = UInt8(top * (1 - fy) + bottom * fy + 0.5)
                    }
                }
            }
        }
        return GrayImage(width: w, height: h, scale: image.scale, origin: image.origin, pixels: out)
    }
}

/// Text turned 90° by its text matrix on a page that is not itself rotated (a wide table
/// printed sideways on a portrait page). Such a page is read in its text's own frame, as a
/// page with /Rotate is: every glyph box is turned so that the text runs left to right.
public enum RotatedText {
    public enum Turn: Sendable, Equatable {
        /// Text reads bottom to top (the page must be turned clockwise to read it).
        case counterClockwise
        /// Text reads top to bottom.
        case clockwise
    }

    /// Fewest glyph steps along a direction for a page to count as sideways.
    static let minimumSteps = 20

    /// The way most of a page's text is turned, from the steps between consecutive glyphs in
    /// poppler's reading order; nil when most of it runs left to right (or is vertical
    /// writing, whose fonts are marked `-Identity-V`).
    public static func turn(of text: PageText) -> Turn? {
        var right = 0, up = 0, down = 0
        let glyphs = text.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }
        guard glyphs.count >= 2 else { return nil }
        for (a, b) in zip(glyphs, glyphs.dropFirst()) {
            let dx = b.box.midX - a.box.midX, dy = b.box.midY - a.box.midY
            let size = max(a.box.width, a.box.height, b.box.width, b.box.height)
            guard abs(dx) + abs(dy) < 2 * size else { continue }   // a line break
            if abs(dx) > 2 * abs(dy), dx > 0 { right += 1 }
            else if abs(dy) > 2 * abs(dx) { if dy < 0 { up += 1 } else { down += 1 } }
        }
        if up >= minimumSteps, up > 2 * right, up > down { return .counterClockwise }
        let vertical = glyphs.contains { $0.fontName.hasSuffix("-Identity-V") }
        if !vertical, down >= minimumSteps, down > 2 * right, down > up { return .clockwise }
        return nil
    }

    /// The page in its text's frame: boxes turned, width and height swapped.
    public static func upright(_ text: PageText, _ turn: Turn) -> PageText {
        let w = text.width, h = text.height
        var out = text
        out.width = h
        out.height = w
        out.glyphs = text.glyphs.map { g in
            var n = g
            n.box = upright(g.box, turn, width: w, height: h)
            return n
        }
        // The strips are for the rendered page, which is not in this frame.
        out.slanted = []
        return out
    }

    /// A box of a page `width` × `height` (the page's frame) in the text's upright frame.
    public static func upright(_ b: Rect, _ turn: Turn, width w: Double, height h: Double) -> Rect {
        switch turn {
        case .counterClockwise: Rect(x0: h - b.y1, y0: b.x0, x1: h - b.y0, y1: b.x1)
        case .clockwise: Rect(x0: b.y0, y0: w - b.x1, x1: b.y1, y1: w - b.x0)
        }
    }

    /// The page-frame box of a box in the upright frame (the inverse of `upright`).
    public static func onPage(_ b: Rect, _ turn: Turn, width w: Double, height h: Double) -> Rect {
        switch turn {
        case .counterClockwise: Rect(x0: b.y0, y0: h - b.x1, x1: b.y1, y1: h - b.x0)
        case .clockwise: Rect(x0: w - b.y1, y0: b.x0, x1: w - b.y0, y1: b.x1)
        }
    }
}

extension GrayImage {
    /// The raster turned by 90° into the frame `RotatedText.upright` puts a sideways page's
    /// text in, with its origin in that frame: rulings found on it line up with the text.
    /// `pageWidth` and `pageHeight` are the page's own (unturned) size in points.
    public func turned(_ turn: RotatedText.Turn, pageWidth w: Double, pageHeight h: Double) -> GrayImage {
        var out = [UInt8](repeating: 255, count: pixels.count)
        // The turned raster is `height` pixels wide and `width` pixels high.
        let newWidth = height
        for v in 0..<width {
            for u in 0..<height {
                let (i, j) = switch turn {
                case .counterClockwise: (v, height - 1 - u)
                case .clockwise: (width - 1 - v, u)
                }
                out[v * newWidth + u] = pixels[j * width + i]
            }
        }
        let bottom = origin.y + Double(height) / scale, right = origin.x + Double(width) / scale
        let newOrigin = switch turn {
        case .counterClockwise: (x: h - bottom, y: origin.x)
        case .clockwise: (x: origin.y, y: w - right)
        }
        return GrayImage(width: height, height: width, scale: scale, origin: newOrigin, pixels: out)
    }
}

import CPoppler

extension PopplerDocument {
    /// Renders page `index` (or only the part `clip` of it, in page points) to a white-backed
    /// grayscale raster at `scale` pixels per point. Ruling lines come from here: poppler-glib
    /// has no API for vector paths. Nil when the page cannot be rendered, or when the area at
    /// that scale is more pixels than `RasterSize` allows (a page box of absurd size). With
    /// `dropColour`, strongly coloured pixels (a red seal, a blue stamp: channels far apart)
    /// become white, so only black and gray ink is left.
    public func render(page index: Int, scale: Double, clip: Rect? = nil, dropColour: Bool = false) -> GrayImage? {
        withPage(index) { page -> GrayImage? in
            var w = 0.0, h = 0.0
            poppler_page_get_size(page, &w, &h)
            let area = clip.map { Rect(x0: max(0, $0.x0), y0: max(0, $0.y0), x1: min(w, $0.x1), y1: min(h, $0.y1)) }
                ?? Rect(x0: 0, y0: 0, x1: w, y1: h)
            guard let (width, height) = RasterSize.pixels(width: area.width * scale, height: area.height * scale),
                  let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
                return nil
            }
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
                return nil
            }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            cairo_translate(cr, -area.x0, -area.y0)
            poppler_page_render(page, cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)

            guard let data = cairo_image_surface_get_data(surface) else { return nil }
            let stride = Int(cairo_image_surface_get_stride(surface))
            let pixels = [UInt8](unsafeUninitializedCapacity: width * height) { buf, count in
                for y in 0..<height {
                    // RGB24 is stored as native-endian 32-bit 0x00RRGGBB; rows are 4-byte aligned.
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    let out = y * width
                    for x in 0..<width {
                        let px = row[x]
                        if px == 0x00FF_FFFF || px == 0xFFFF_FFFF { buf[out + x] = 255; continue }
                        let r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF
                        if dropColour, max(r, g, b) - min(r, g, b) >= Self.colourChroma { buf[out + x] = 255; continue }
                        buf[out + x] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
                    }
                }
                count = width * height
            }
            return GrayImage(width: width, height: height, scale: scale, origin: (area.x0, area.y0), pixels: pixels)
        } ?? nil
    }
}

extension PopplerDocument {
    /// Spread between the strongest and weakest colour channel (0…255) from which a pixel is
    /// coloured ink rather than black or gray ink.
    static let colourChroma: UInt32 = 64

    /// Renders page `index` for OCR: at `dpi` (pixels per inch), lowered when the raster would
    /// exceed `maxPixels`, with coloured ink dropped. Nil when the page cannot be rendered.
    public func renderForOCR(page index: Int, dpi: Double, maxPixels: Int) -> GrayImage? {
        guard let size = withPage(index, { page -> (Double, Double) in
            var w = 0.0, h = 0.0
            poppler_page_get_size(page, &w, &h)
            return (w, h)
        }), size.0 > 0, size.1 > 0 else { return nil }
        var scale = dpi / 72
        let pixels = size.0 * size.1 * scale * scale
        if pixels > Double(maxPixels) { scale *= (Double(maxPixels) / pixels).squareRoot() }
        return render(page: index, scale: scale, dropColour: true)
    }
}

/// Why a debug image could not be written.
public enum PNGWriteError: Error, Sendable {
    case noSuchPage(Int)
    case cairo(String)
}

extension PopplerDocument {
    /// Renders page `index` at `scale` with `overlay` drawn over it and writes a PNG to `path`.
    /// A page whose text is turned (`turn`) is drawn in its text's frame, where the overlay's
    /// boxes are (as `RotatedText.upright` puts them).
    public func writeDebugPNG(page index: Int, scale: Double, overlay: DebugOverlay, turn: RotatedText.Turn? = nil,
                              to path: String) throws(PNGWriteError) {
        let status: cairo_status_t? = withPage(index) { page -> cairo_status_t in
            var w = 0.0, h = 0.0
            poppler_page_get_size(page, &w, &h)
            let (frameWidth, frameHeight) = turn == nil ? (w, h) : (h, w)
            return DebugPNG.write(width: frameWidth, height: frameHeight, scale: scale, overlay: overlay, to: path) { cr in
                guard let turn else { return poppler_page_render(page, cr) }
                // Page (x, y) to the text's frame: (h − y, x) or (y, w − x).
                var m = cairo_matrix_t()
                switch turn {
                case .counterClockwise: cairo_matrix_init(&m, 0, 1, -1, 0, h, 0)
                case .clockwise: cairo_matrix_init(&m, 0, -1, 1, 0, 0, w)
                }
                cairo_save(cr)
                cairo_transform(cr, &m)
                poppler_page_render(page, cr)
                cairo_restore(cr)
            }
        }
        guard let status else { throw PNGWriteError.noSuchPage(index + 1) }
        try DebugPNG.check(status)
    }
}

/// Debug images: a white canvas in points at a scale, what the caller paints on it, the
/// overlay's marks over that, written as a PNG. The surface and its context are freed before
/// returning, whatever happened.
public enum DebugPNG {
    /// A blank page of `width` × `height` points with `overlay` drawn on it, written to `path`:
    /// for pages with nothing to render (laid-out text, whose words the overlay draws).
    public static func writeBlank(width: Double, height: Double, scale: Double, overlay: DebugOverlay,
                                  to path: String) throws(PNGWriteError) {
        try check(write(width: width, height: height, scale: scale, overlay: overlay, to: path) { _ in })
    }

    static func check(_ status: cairo_status_t) throws(PNGWriteError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PNGWriteError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    /// Cairo's status of writing the image; `paint` draws the page under the marks, in points.
    static func write(width: Double, height: Double, scale: Double, overlay: DebugOverlay, to path: String,
                      paint: (OpaquePointer) -> Void) -> cairo_status_t {
        guard let (pixelsWide, pixelsHigh) = RasterSize.pixels(width: width * scale, height: height * scale) else {
            return CAIRO_STATUS_INVALID_SIZE
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelsWide), Int32(pixelsHigh)) else {
            return CAIRO_STATUS_NO_MEMORY
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return CAIRO_STATUS_NO_MEMORY }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        paint(cr)
        draw(overlay, on: cr)
        cairo_destroy(cr)
        return cairo_surface_write_to_png(surface, path)
    }

    static func draw(_ overlay: DebugOverlay, on cr: OpaquePointer) {
        for mark in overlay.marks {
            switch mark {
            case .line(let x0, let y0, let x1, let y1, let c, let width):
                cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, x0, y0)
                cairo_line_to(cr, x1, y1)
                cairo_stroke(cr)
            case .box(let r, let c, let width):
                cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
                cairo_set_line_width(cr, width)
                cairo_rectangle(cr, r.x0, r.y0, r.width, r.height)
                cairo_stroke(cr)
            case .text(let s, let x, let y, let size, let c):
                cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
                cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
                cairo_set_font_size(cr, size)
                cairo_move_to(cr, x, y)
                cairo_show_text(cr, s)
            }
        }
    }
}

/// The raster sizes govreport agrees to allocate. A page's box comes from the file, and a
/// damaged or hostile file can declare 10⁹ points: the size is checked before it becomes a
/// fixed-width integer or an allocation.
public enum RasterSize {
    /// Cairo's own limit on a side.
    public static let maxSide = 32_767
    /// 40 M pixels: 160 MB of RGB surface plus 40 MB of gray, well inside a worker's memory cap.
    public static let maxPixels = 40_000_000

    /// Whole pixels (at least 1) for a raster of `width` × `height`, or nil when either is not
    /// finite or the raster would be larger than allowed.
    public static func pixels(width: Double, height: Double) -> (Int, Int)? {
        guard width.isFinite, height.isFinite,
              width <= Double(maxSide), height <= Double(maxSide) else { return nil }
        let w = max(1, Int(width.rounded(.up))), h = max(1, Int(height.rounded(.up)))
        return w * h <= maxPixels ? (w, h) : nil
    }
}

import CPoppler
import Foundation

/// Why poppler could not open a PDF.
public enum PDFOpenError: Error, Sendable, Equatable {
    /// The document needs a password.
    case encrypted
    /// Poppler found the bytes unreadable (not a PDF, truncated, damaged).
    case damaged(String)
}

/// Document-level facts from the PDF's info dictionary.
public struct PDFMetadata: Sendable, Equatable {
    public var title: String?
    public var author: String?
    public var creator: String?
    public var producer: String?
    public var pageCount: Int
}

/// One character of a page's text layer with its box (page points, top-left origin).
public struct Glyph: Sendable, Equatable {
    /// The text of the character as poppler reports it (not yet normalized).
    public var text: String
    public var box: Rect
    public var fontSize: Double
    /// Font name as embedded; an "-Identity-V" suffix marks vertical writing.
    public var fontName: String
    /// Fill colour as 0xRRGGBB (8 bits a channel), as poppler reports the text run's colour.
    public var color: UInt32

    public init(text: String, box: Rect, fontSize: Double, fontName: String = "", color: UInt32 = 0) {
        self.text = text; self.box = box; self.fontSize = fontSize; self.fontName = fontName; self.color = color
    }

    /// Whether the glyph is filled in white or nearly so: visible only on a dark background.
    public var isLight: Bool {
        (color >> 16) & 0xFF >= 0xF0 && (color >> 8) & 0xFF >= 0xF0 && color & 0xFF >= 0xF0
    }
}

/// A page's text layer: every glyph in poppler's reading order, line breaks dropped.
public struct PageText: Sendable {
    public var number: Int
    public var width: Double
    public var height: Double
    public var glyphs: [Glyph]
    /// Places where two texts overlap and which one a reader sees could not be told for sure.
    public var uncertain: [Rect] = []
    /// Bands that text set on a slant (a diagonal watermark, taken out of `glyphs` by
    /// `DiagonalText`) is painted over: where its light ink may cover a ruling.
    public var slanted: [SlantedStrip] = []
}

/// The single owner of a `PopplerDocument*`. Every poppler-glib call in the project goes
/// through this file or `PopplerRender.swift`; no C pointer leaves them.
public final class PopplerDocument {
    private let handle: OpaquePointer
    /// The file's bytes, for what poppler-glib does not expose (ToUnicode maps it misread).
    private let data: Data
    /// Code points poppler read from a ToUnicode map's 5- or 6-digit values cut to 4 digits,
    /// mapped back to the value the map wrote; built once, when a page shows a sign of it.
    private var repairs: [UInt32: Unicode.Scalar]?

    /// Whether any content stream draws text in render mode 3 (invisible): read from the
    /// file's bytes once, on request.
    public lazy var drawsInvisibleText: Bool = PDFStreams.decoded(data, inflate: inflate)
        .contains(where: PDFStreams.setsInvisibleText)

    /// Opens a PDF held in memory. Throws `PDFOpenError`.
    public init(data: Data) throws {
        self.data = data
        installPopplerLogHandlers()
        let bytes = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_bytes(bytes, nil, &error) else {
            throw Self.openError(consuming: error)
        }
        handle = doc
    }

    deinit { g_object_unref(gpointer(handle)) }

    private static func openError(consuming error: UnsafeMutablePointer<GError>?) -> PDFOpenError {
        guard let error else { return .damaged("poppler gave no reason") }
        defer { g_error_free(error) }
        let message = error.pointee.message.map { String(cString: $0) } ?? ""
        if error.pointee.domain == poppler_error_quark(),
           error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return .encrypted
        }
        return .damaged(message)
    }

    public var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    public var metadata: PDFMetadata {
        PDFMetadata(
            title: takeString(poppler_document_get_title(handle)),
            author: takeString(poppler_document_get_author(handle)),
            creator: takeString(poppler_document_get_creator(handle)),
            producer: takeString(poppler_document_get_producer(handle)),
            pageCount: pageCount)
    }

    /// Calls `body` with a page handle that is released when `body` returns.
    func withPage<T>(_ index: Int, _ body: (OpaquePointer) throws -> T) rethrows -> T? {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(handle, Int32(index)) else {
            return nil
        }
        defer { g_object_unref(gpointer(page)) }
        return try body(page)
    }

    /// The largest page side read, in points (about 350 m): a larger box is damage or hostility,
    /// and its coordinates would not survive the arithmetic of the layout.
    public static let maxPageSide = 1_000_000.0

    /// The text layer of page `index` (0-based): characters, their boxes and font sizes. Nil
    /// when Poppler cannot load the page or its box is absurd (not finite, not positive, or
    /// beyond `maxPageSide`).
    public func text(ofPage index: Int) -> PageText? {
        withPage(index) { page -> PageText? in
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            guard width.isFinite, height.isFinite, width > 0, height > 0,
                  width <= Self.maxPageSide, height <= Self.maxPageSide else { return nil }
            var glyphs = Self.glyphs(page)
            if glyphs.contains(where: { $0.text.unicodeScalars.contains(where: ToUnicodeRepair.isSuspect) }) {
                if repairs == nil { repairs = ToUnicodeRepair.truncatedValues(in: data, inflate: inflate) }
                if let repairs, !repairs.isEmpty {
                    for i in glyphs.indices {
                        if let s = glyphs[i].text.unicodeScalars.first, glyphs[i].text.unicodeScalars.count == 1,
                           let fixed = repairs[s.value] {
                            glyphs[i].text = String(fixed)
                        }
                    }
                }
            }
            return PageText(number: index + 1, width: width, height: height, glyphs: glyphs)
        } ?? nil
    }

    private static func glyphs(_ page: OpaquePointer) -> [Glyph] {
        guard let cText = poppler_page_get_text(page) else { return [] }
        let text = String(cString: cText)
        g_free(cText)

        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &count) != 0, let rects else { return [] }
        defer { g_free(rects) }

        // Font runs, indexed by character offset into `text`.
        var runs: [(start: Int, end: Int, size: Double, name: String, color: UInt32)] = []
        if let list = poppler_page_get_text_attributes(page) {
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                if let attr = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self) {
                    runs.append((Int(attr.pointee.start_index), Int(attr.pointee.end_index),
                                 attr.pointee.font_size,
                                 attr.pointee.font_name.map { String(cString: $0) } ?? "",
                                 UInt32(attr.pointee.color.red >> 8) << 16 | UInt32(attr.pointee.color.green >> 8) << 8
                                     | UInt32(attr.pointee.color.blue >> 8)))
                }
                node = n.pointee.next
            }
            poppler_page_free_text_attributes(list)
        }

        var out: [Glyph] = []
        out.reserveCapacity(Int(count))
        // Poppler's line of each glyph (its lines follow baselines).
        var lines: [Int] = []
        var line = 0
        var run = 0
        for (i, scalar) in text.unicodeScalars.enumerated() where i < Int(count) {
            if scalar == "\n" || scalar == "\r" { line += 1; continue }
            lines.append(line)
            while run < runs.count, runs[run].end < i { run += 1 }
            let r = rects[i]
            let (size, name, color) = run < runs.count && runs[run].start <= i
                ? (runs[run].size, runs[run].name, runs[run].color) : (0, "", 0)
            out.append(Glyph(text: String(scalar),
                             box: Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2),
                             fontSize: size, fontName: name, color: color))
        }
        return BaselineBoxes.normalized(out, lines: lines)
    }
}

extension PopplerDocument {
    /// The boxes of the raster images drawn on page `index` (a scanned page is one big image).
    public func imageBoxes(ofPage index: Int) -> [Rect] {
        withPage(index) { page in
            guard let list = poppler_page_get_image_mapping(page) else { return [] }
            defer { poppler_page_free_image_mapping(list) }
            var out: [Rect] = []
            var node: UnsafeMutablePointer<GList>? = list
            while let n = node {
                if let m = n.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self) {
                    let a = m.pointee.area
                    out.append(Rect(x0: a.x1, y0: a.y1, x1: a.x2, y1: a.y2))
                }
                node = n.pointee.next
            }
            return out
        } ?? []
    }
}

/// Takes ownership of a g_malloc'ed C string.
func takeString(_ c: UnsafeMutablePointer<gchar>?) -> String? {
    guard let c else { return nil }
    defer { g_free(c) }
    let s = String(cString: c)
    return s.isEmpty ? nil : s
}
/// A font the document uses, as poppler's font scan reports it.
public struct PDFFont: Sendable, Equatable {
    public var name: String
    /// The encoding: a predefined CMap name for CID fonts (`UniGB-UCS2-H`), else poppler's word.
    public var encoding: String
    public var isEmbedded: Bool
    public var isType3: Bool
}

extension PopplerDocument {
    /// Every font of the document (each once).
    public var fonts: [PDFFont] {
        guard let info = poppler_font_info_new(handle) else { return [] }
        defer { poppler_font_info_free(info) }
        var out: [PDFFont] = []
        var iter: OpaquePointer?
        while poppler_font_info_scan(info, Int32(pageCount), &iter) != 0 {
            guard let it = iter else { continue }
            repeat {
                out.append(PDFFont(name: poppler_fonts_iter_get_name(it).map { String(cString: $0) } ?? "",
                                   encoding: poppler_fonts_iter_get_encoding(it).map { String(cString: $0) } ?? "",
                                   isEmbedded: poppler_fonts_iter_is_embedded(it) != 0,
                                   isType3: poppler_fonts_iter_get_font_type(it) == POPPLER_FONT_TYPE_TYPE3))
            } while poppler_fonts_iter_next(it) != 0
            poppler_fonts_iter_free(it)
            iter = nil
        }
        return out
    }
}

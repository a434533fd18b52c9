extension Glyph {
    /// The font name glyphs read by OCR carry (`ScanPageReader`).
    static let ocrFontName = "OCR"

    /// Whether OCR read the glyph: its size is estimated from the recognizer's boxes, which
    /// differ by a quarter from one line of a title to the next, so it is no print size.
    var isOCR: Bool { fontName == Self.ocrFontName }
}

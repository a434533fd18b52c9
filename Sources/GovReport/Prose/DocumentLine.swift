/// A line of running text (tables and page furniture already taken out), in reading order.
public struct DocumentLine: Sendable, Equatable {
    public var text: String
    public var page: Int?
    /// Whether the line begins a paragraph (indented, or after a short line or a heading).
    public var startsParagraph: Bool
    /// Height of the line's glyphs in points, when the input has geometry.
    public var size: Double?

    public init(text: String, page: Int? = nil, startsParagraph: Bool = true, size: Double? = nil) {
        self.text = text; self.page = page; self.startsParagraph = startsParagraph; self.size = size
    }
}

/// An HTML document as plain values: what the libxml2 layer hands to the rest of the HTML
/// reader, so that everything above it can be built and tested without libxml2.
public enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    /// Character data with entities resolved (`&nbsp;` is U+00A0).
    case text(String)
}

public struct HTMLElement: Sendable, Equatable {
    /// Lowercased tag name.
    public var name: String
    /// Attribute names lowercased; values as written.
    public var attributes: [String: String]
    public var children: [HTMLNode]

    public init(_ name: String, _ attributes: [String: String] = [:], _ children: [HTMLNode] = []) {
        self.name = name.lowercased()
        self.attributes = attributes
        self.children = children
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// Child elements, in order.
    public var elements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The first element named `name` at or below this one.
    public func first(_ name: String) -> HTMLElement? {
        if self.name == name { return self }
        for c in elements { if let f = c.first(name) { return f } }
        return nil
    }

    /// All character data below this element, concatenated.
    public var textContent: String {
        children.map { node in
            switch node {
            case .text(let t): t
            case .element(let e): e.textContent
            }
        }.joined()
    }

    /// Whether a style attribute hides the element (pages keep hidden copies and templates).
    var isHidden: Bool {
        if attributes["hidden"] != nil { return true }
        guard let style = attributes["style"]?.lowercased().filter({ !$0.isWhitespace }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }
}

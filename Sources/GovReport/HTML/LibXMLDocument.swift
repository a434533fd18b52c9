import CLibXML2

/// The only code that touches libxml2: parses HTML text with libxml2's error-tolerant HTML
/// parser (and XML, for Word's document part, with its XML parser) and copies the DOM into
/// `HTMLElement` values. The xmlDoc lives only inside `parse`/`parseXML` and is freed before
/// it returns; no libxml2 pointer leaves this file.
enum LibXMLDocument {
    /// Parses already-decoded text. The text is handed over as UTF-8 with the encoding named,
    /// so a `<meta charset>` in the page cannot make libxml2 decode it a second time.
    /// Returns the root element (`<html>`, implied when the page has none), or nil when
    /// libxml2 builds no document at all.
    static func parse(_ text: String) -> HTMLElement? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), "page.html", "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return element(root)
    }

    /// Parses an XML document (bytes in the encoding its declaration names, UTF-8 by default)
    /// into element values named by their local names (`w:tc` is `tc`, `w:val` is `val`).
    /// Nothing is fetched and no entity is expanded; libxml2 refuses nesting deeper than 256
    /// elements. Nil when the bytes are not well-formed XML.
    static func parseXML(_ bytes: [UInt8]) -> HTMLElement? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                xmlReadMemory(p, Int32(buf.count), "part.xml", nil, options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        return element(root)
    }

    private static func element(_ node: xmlNodePtr) -> HTMLElement {
        var attributes: [String: String] = [:]
        var attr = node.pointee.properties
        while let a = attr {
            if let name = string(a.pointee.name) {
                attributes[name.lowercased()] = textOfChildren(a.pointee.children)
            }
            attr = a.pointee.next
        }
        var children: [HTMLNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let t = string(c.pointee.content) { children.append(.text(t)) }
            default:
                break  // comments, processing instructions, entity references (already resolved)
            }
            child = c.pointee.next
        }
        return HTMLElement(string(node.pointee.name) ?? "", attributes, children)
    }

    /// An attribute's value: the text nodes under the attribute node.
    private static func textOfChildren(_ first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let n = node {
            if let t = string(n.pointee.content) { out += t }
            node = n.pointee.next
        }
        return out
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    private static func string(_ p: UnsafeMutablePointer<xmlChar>?) -> String? {
        p.map { String(cString: $0) }
    }
}

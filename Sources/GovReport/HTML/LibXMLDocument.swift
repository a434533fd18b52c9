import CLibXML2

/// The only code that touches libxml2: parses HTML text with libxml2's error-tolerant HTML
/// parser (and XML, for Word's document part, with its XML parser) and copies the DOM into
/// `HTMLElement` values. The xmlDoc lives only inside `parse`/`parseXML` and is freed before
/// it returns; no libxml2 pointer leaves this file.
enum LibXMLDocument {
    /// How deep elements may nest. libxml2's own default (256) loses real pages built of
    /// nested layout tables; every reader above is recursive, so a limit stays, ours.
    static let maxDepth = 1000

    /// Why a page could not be parsed.
    enum ParseError: Error {
        /// libxml2 built no document at all.
        case noDocument
        /// Elements nest deeper than `maxDepth` (libxml2 stopped there).
        case tooDeep
    }

    /// libxml2's depth cap is a process-wide setting; it is set once, before the first parse.
    private static let depthCapSet: Void = { govreport_set_xml_max_depth(UInt32(maxDepth)) }()

    /// HTML's void elements: they never have content. A bare `<embed src=…>` (not closed, as
    /// HTML allows) makes libxml2 put the rest of the page inside it; that content is moved
    /// back out to follow the element, as a browser shows it.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Parses already-decoded text. The text is handed over as UTF-8 with the encoding named,
    /// so a `<meta charset>` in the page cannot make libxml2 decode it a second time.
    /// Returns the root element (`<html>`, implied when the page has none), or nil when there
    /// is no document (see `read` for why).
    static func parse(_ text: String) -> HTMLElement? {
        try? read(text)
    }

    /// `parse`, saying why there is no document.
    static func read(_ text: String) throws(ParseError) -> HTMLElement {
        _ = depthCapSet
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = Array("<html></html>".utf8) }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(buf.count), "page.html", "UTF-8", options)
            }
        }
        guard let doc else { throw .noDocument }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw .noDocument }
        var reachedCap = false
        let tree = element(root, depth: 1, reachedCap: &reachedCap)
        if reachedCap { throw .tooDeep }
        return tree
    }

    /// Parses an XML document (bytes in the encoding its declaration names, UTF-8 by default)
    /// into element values named by their local names (`w:tc` is `tc`, `w:val` is `val`).
    /// Nothing is fetched and no entity is expanded. Nil when the bytes are not well-formed XML
    /// or nest deeper than `maxDepth`.
    static func parseXML(_ bytes: [UInt8]) -> HTMLElement? {
        _ = depthCapSet
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
        var reachedCap = false
        let tree = element(root, depth: 1, reachedCap: &reachedCap)
        return reachedCap ? nil : tree
    }

    private static func element(_ node: xmlNodePtr, depth: Int, reachedCap: inout Bool) -> HTMLElement {
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
                guard depth < maxDepth else {
                    reachedCap = true
                    break
                }
                var e = element(c, depth: depth + 1, reachedCap: &reachedCap)
                if voidElements.contains(e.name), !e.children.isEmpty {
                    let content = e.children
                    e.children = []
                    children.append(.element(e))
                    children += content
                } else {
                    children.append(.element(e))
                }
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

import Foundation

/// The page's own `<style>` rules that hide elements (`display:none`, `visibility:hidden`),
/// applied to the value DOM: a hidden digit beside a number (`<span class="x">9</span>` with
/// `.x{display:none}`) is not what a reader sees. Only simple selectors are understood —
/// element, `.class`, `#id` and their combinations (`span.x`, `td .x`, `div > span#y`);
/// a selector with anything else (attributes, pseudo-classes, sibling combinators) is left
/// out rather than guessed. External stylesheets are never fetched.
enum StyleSheetHiding {
    /// One compound selector: `span.a.b#c` (every part optional, at least one present).
    struct Compound: Equatable {
        var element: String?
        var classes: [String] = []
        var id: String?

        func matches(_ e: HTMLElement) -> Bool {
            if let element, element != "*", element != e.name { return false }
            if let id, e["id"] != id { return false }
            if !classes.isEmpty {
                let have = Set((e["class"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
                if !classes.allSatisfy(have.contains) { return false }
            }
            return true
        }
    }

    /// A selector: compounds from left to right, each with whether it must be the next one's
    /// parent (`>`) rather than any ancestor.
    struct Selector: Equatable {
        var parts: [(compound: Compound, child: Bool)]

        static func == (a: Selector, b: Selector) -> Bool {
            a.parts.count == b.parts.count && zip(a.parts, b.parts).allSatisfy { $0.compound == $1.compound && $0.child == $1.child }
        }

        /// Whether the element (last of `ancestors`, which run from the root) matches.
        func matches(_ path: [HTMLElement]) -> Bool {
            guard let last = parts.last, let e = path.last, last.compound.matches(e) else { return false }
            return Self.match(parts.dropLast(), in: path.dropLast(), child: last.child)
        }

        private static func match(_ parts: ArraySlice<(compound: Compound, child: Bool)>,
                                  in path: ArraySlice<HTMLElement>, child: Bool) -> Bool {
            guard let part = parts.last else { return true }
            var path = path
            while let e = path.last {
                path = path.dropLast()
                if part.compound.matches(e), match(parts.dropLast(), in: path, child: part.child) { return true }
                if child { return false }
            }
            return false
        }
    }

    /// Selectors of the rules in `css` whose declarations hide what they match.
    static func hidingSelectors(_ css: String) -> [Selector] {
        var out: [Selector] = []
        for (selectors, body) in rules(withoutComments(css)) {
            let decl = body.lowercased().filter { !$0.isWhitespace }
            let hides = decl.split(separator: ";").contains { d in
                let v = d.replacingOccurrences(of: "!important", with: "")
                return v == "display:none" || v == "visibility:hidden"
            }
            guard hides else { continue }
            out += selectors.split(separator: ",").compactMap { selector(String($0)) }
        }
        return out
    }

    static func withoutComments(_ css: String) -> String {
        var out = "", rest = Substring(css)
        while let open = rest.range(of: "/*") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Top-level `selectors { body }` rules; at-rules (`@media …{…}`, `@import …;`) are
    /// skipped whole: a rule that hides only in print or on narrow screens is not applied.
    static func rules(_ css: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var prelude = "", body = "", depth = 0, atRule = false
        for c in css {
            switch c {
            case "{":
                depth += 1
                if depth == 1 { atRule = prelude.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("@") }
                else { body.append(c) }
            case "}":
                guard depth > 0 else { continue }
                depth -= 1
                if depth == 0 {
                    if !atRule { out.append((prelude, body)) }
                    prelude = ""; body = ""
                } else { body.append(c) }
            case ";" where depth == 0:
                prelude = ""   // `@import url(…);`, `@charset "…";`
            default:
                if depth == 0 { prelude.append(c) } else { body.append(c) }
            }
        }
        return out
    }

    /// Parses one selector; nil for anything beyond element/class/id compounds joined by
    /// descendant or child combinators.
    static func selector(_ text: String) -> Selector? {
        let spaced = text.replacingOccurrences(of: ">", with: " > ")
        var parts: [(compound: Compound, child: Bool)] = []
        var child = false
        for token in spaced.split(whereSeparator: \.isWhitespace) {
            if token == ">" {
                guard !parts.isEmpty, !child else { return nil }
                child = true
                continue
            }
            guard let c = compound(String(token)) else { return nil }
            parts.append((c, child))
            child = false
        }
        guard !parts.isEmpty, !child else { return nil }
        return Selector(parts: parts)
    }

    static func compound(_ token: String) -> Compound? {
        var c = Compound()
        var kind: Character = "e", name = ""
        func flush() -> Bool {
            switch kind {
            case "e": if !name.isEmpty { c.element = name.lowercased() }
            case ".": guard !name.isEmpty else { return false }; c.classes.append(name)
            default: guard !name.isEmpty, c.id == nil else { return false }; c.id = name
            }
            name = ""
            return true
        }
        for ch in token {
            if ch == "." || ch == "#" {
                guard flush() else { return nil }
                kind = ch
            } else if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" || (ch == "*" && kind == "e") {
                name.append(ch)
            } else {
                return nil
            }
        }
        guard flush(), c.element != nil || !c.classes.isEmpty || c.id != nil else { return nil }
        return c
    }

    /// The page with every element its own stylesheet hides marked `hidden` (which the
    /// readers already leave out, as they do inline `display:none`).
    static func apply(to root: HTMLElement) -> HTMLElement {
        let css = styles(root).joined(separator: "\n")
        let selectors = hidingSelectors(css)
        guard !selectors.isEmpty else { return root }
        var path: [HTMLElement] = []
        return mark(root, selectors, &path)
    }

    private static func styles(_ e: HTMLElement) -> [String] {
        if e.name == "style" { return [e.textContent] }
        return e.elements.flatMap(styles)
    }

    private static func mark(_ e: HTMLElement, _ selectors: [Selector], _ path: inout [HTMLElement]) -> HTMLElement {
        path.append(e)
        defer { path.removeLast() }
        var out = e
        if selectors.contains(where: { $0.matches(path) }) {
            out.attributes["hidden"] = ""
            return out
        }
        out.children = e.children.map { node in
            if case .element(let c) = node { return .element(mark(c, selectors, &path)) }
            return node
        }
        return out
    }
}

/// A page in reading order as a flat list of blocks: lines of text (one per block element or
/// `<br>`) and data tables. Each block remembers the elements it sits in, so the report's
/// body can be told from the navigation around it afterwards.
struct HTMLBlock: Equatable, Sendable {
    enum Content: Equatable, Sendable {
        case line(String)
        /// A table without tables inside it (layout tables are walked as containers).
        case table(TableGrid)
    }

    var content: Content
    /// Pre-order numbers of the enclosing elements, outermost first.
    var path: [Int]
    /// The whole line is link text (menus, breadcrumbs, lists of other reports).
    var isLink: Bool = false
    /// Some of the line is link text (上一篇：<a>…</a>, 相关链接：<a>…</a>).
    var hasLink: Bool = false

    var line: String? { if case .line(let s) = content { s } else { nil } }
    var table: TableGrid? { if case .table(let t) = content { t } else { nil } }
}

enum HTMLBlocks {
    /// Elements whose content is never page text.
    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "select", "option",
        "button", "input", "textarea", "svg", "math", "map", "audio", "video", "canvas",
    ]

    /// Elements that start and end a line.
    static let blockNames: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// The blocks of the page below `root`, in document order.
    static func blocks(_ root: HTMLElement) -> [HTMLBlock] {
        var walker = Walker()
        walker.walk(root)
        walker.flush()
        return walker.blocks
    }

    /// The lines of text inside an element (a table cell): `<br>` and block elements break
    /// lines, `&nbsp;` and whitespace runs are spaces, empty lines are dropped. Tables nested
    /// in it are read as lines too.
    static func lines(_ element: HTMLElement) -> [String] {
        cellBlocks(element).compactMap(\.line)
    }

    /// The lines of `lines(_:)` as blocks (which of them are link text).
    static func cellBlocks(_ element: HTMLElement) -> [HTMLBlock] {
        var walker = Walker()
        walker.flattenTables = true
        walker.walk(element)
        walker.flush()
        return walker.blocks
    }

    private struct Walker {
        var blocks: [HTMLBlock] = []
        var flattenTables = false
        private var nextID = 0
        private var path: [Int] = []
        private var pending = ""
        private var pendingPath: [Int] = []
        private var pendingLinkOnly = true
        private var pendingHasLink = false
        private var linkDepth = 0

        mutating func walk(_ e: HTMLElement) {
            guard !Self.isSkipped(e) else { return }
            let id = nextID
            nextID += 1
            path.append(id)
            defer { path.removeLast() }
            if e.name == "br" {
                flush()
                return
            }
            if e.name == "table", !flattenTables {
                flush()
                table(e)
                flush()
                return
            }
            let isBlock = HTMLBlocks.blockNames.contains(e.name)
            if isBlock { flush() }
            if e.name == "a" { linkDepth += 1 }
            for child in e.children {
                switch child {
                case .element(let c): walk(c)
                case .text(let t): text(t)
                }
            }
            if e.name == "a" { linkDepth -= 1 }
            if isBlock { flush() }
        }

        static func isSkipped(_ e: HTMLElement) -> Bool { HTMLBlocks.skipped.contains(e.name) || e.isHidden }

        /// A table of a standard kind, one holding numbers, or one with a standard row whose
        /// value is left blank (a piece split off a table), is data. Other tables are page
        /// layout (tables nested in their cells, or text alone): their cells are walked as
        /// containers, so a title or heading in a layout cell is a line like any other.
        private mutating func table(_ e: HTMLElement) {
            let grid = TableGrid(e)
            let isData = !grid.hasNestedTables
                && (HTMLTableReader.classify(grid) != nil || grid.cells.contains { ValueParser.looksLikeValue($0.text) }
                    || HTMLTableReader.Kind.allCases.contains { HTMLTableReader.hasBlankRow(grid, $0) })
            for caption in e.elements where caption.name == "caption" { walk(caption) }
            if isData {
                blocks.append(HTMLBlock(content: .table(grid), path: path))
                return
            }
            for row in TableGrid.rowElements(of: e) {
                for cell in row.elements where cell.name == "td" || cell.name == "th" {
                    walk(cell)
                }
            }
        }

        private mutating func text(_ t: String) {
            // Source line breaks and tabs are spacing; TextNormalizer folds runs (and &nbsp;).
            let s = t.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\t", with: " ")
            guard !s.isEmpty else { return }
            if pending.isEmpty { pendingPath = path }
            if !s.allSatisfy({ $0.isWhitespace }) {
                if linkDepth == 0 { pendingLinkOnly = false } else { pendingHasLink = true }
            }
            pending += s
        }

        mutating func flush() {
            let text = TextNormalizer.display(pending)
            if !text.isEmpty {
                blocks.append(HTMLBlock(content: .line(text), path: pendingPath, isLink: pendingLinkOnly,
                                        hasLink: pendingHasLink))
            }
            pending = ""
            pendingLinkOnly = true
            pendingHasLink = false
        }
    }
}

import Foundation

/// HTML input: bytes → text in the page's encoding → libxml2's DOM as values → the report
/// body's running text and tables → the common assembler.
enum HTMLReportReader {
    /// File name extensions of saved web pages.
    static let extensions: Set<String> = ["html", "htm", "shtml", "xhtml"]

    static func extract(data: Data, name: String, sha256: String) throws(InputError) -> CanonicalReport {
        var bytes = [UInt8](data), declared: TextDecoding.Charset?
        // A web archive (.mht): its page, in the charset its part header names.
        if WebArchive.isArchive(Array(bytes.prefix(4096))), let page = WebArchive.page(data) {
            (bytes, declared) = (page.html, page.charset)
        }
        guard let text = TextDecoding.decode(bytes, declared: declared ?? HTMLDecoding.declaredCharset(bytes)) else {
            throw .badEncoding
        }
        let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .html, pages: nil)
        return try report(html: text, source: source)
    }

    /// The report a page's markup holds (a saved web page, or Markdown turned into HTML).
    static func report(html: String, source: CanonicalReport.Source) throws(InputError) -> CanonicalReport {
        let root: HTMLElement
        do throws(LibXMLDocument.ParseError) { root = try LibXMLDocument.read(html) } catch {
            switch error {
            case .noDocument: throw .notAReport
            case .tooDeep: throw .tooDeeplyNested(limit: LibXMLDocument.maxDepth)
            }
        }
        let page = HTMLReport(root: StyleSheetHiding.apply(to: root))
        let tables = page.tables
        // A page (or Markdown) that only mentions the tables, with no row of them, is no report.
        guard [tables.applications, tables.active, tables.review].contains(where: { !($0 ?? []).isEmpty })
        else { throw .notAReport }
        return ReportAssembler.assemble(source: source, lines: page.lines, tables: tables,
                                        titleFallback: page.pageTitle)
    }

    /// Whether bytes look like a web page whatever the file is called: markup first.
    static func looksLikeHTML(_ data: Data) -> Bool {
        var head = [UInt8](data.prefix(512))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let text = String(decoding: head, as: UTF8.self).drop { $0.isWhitespace }.lowercased()
        return text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<head")
            || text.hasPrefix("<meta") || text.hasPrefix("<?xml") && text.contains("<html")
    }
}

/// A web page read as a report (pure Swift over the value DOM): the body's lines of text and
/// the three standard tables as raw rows.
struct HTMLReport {
    var lines: [DocumentLine] = []
    var tables = RawTables()
    /// The page's `<title>`: the report's title when the body prints none.
    var pageTitle: String?
    /// Review/litigation groups printed as tables of their own (five values each), by group.
    var reviewGroups: [Int: [String?]] = [:]
    /// The applications table's value columns from its last header (`valueColumnsFromRight`),
    /// for a piece printed after it without one.
    var applicationColumns: [Range<Int>]?
    /// The review/litigation table was printed with every value blank (`blankValueRow`): its
    /// row, taken when no other reading of the table is found.
    var blankReview: RawRow?

    init(root: HTMLElement) {
        self.init(blocks: HTMLBlocks.blocks(root), pageTitle: HTMLBody.pageTitle(root))
    }

    /// A document read as blocks of lines and table grids (a web page's, or a Word
    /// document's): its report body, from the title on, read part by part.
    init(blocks: [HTMLBlock], pageTitle: String? = nil) {
        self.pageTitle = pageTitle
        guard let body = HTMLBody.blocks(blocks) else { return }
        var part: ReportPart?
        // Each table part's lines of text, for a table written as paragraphs (`CellStream`).
        var partLines: [ReportPart: [String]] = [:]
        for block in body {
            switch block.content {
            case .line(let text):
                if !block.isLink, let h = ReportPart.heading(text), h.rawValue > (part?.rawValue ?? 0) {
                    part = h
                } else if !block.isLink, let part {
                    partLines[part, default: []].append(text)
                }
                lines.append(DocumentLine(text: text))
            case .table(let grid):
                if let kind = HTMLTableReader.classify(grid) ?? Self.kindByPosition(grid, part: part) {
                    // A part heading printed as the table's first row is still a heading.
                    for id in grid.slots.first.map({ Set($0.compactMap { $0 }).sorted() }) ?? [] {
                        let text = grid.cells[id].text
                        if let h = ReportPart.heading(text), h.rawValue > (part?.rawValue ?? 0) {
                            part = h
                            lines.append(DocumentLine(text: text))
                        }
                    }
                    add(grid, as: kind)
                } else {
                    // Numbers outside the standard tables (statistics in part 一): text, like prose.
                    for r in 0..<grid.rowCount {
                        for id in grid.cellsInRow(r) where grid.cells[id].row == r {
                            lines += grid.cells[id].lines.map { DocumentLine(text: $0) }
                        }
                    }
                }
            }
        }
        readStreams(partLines)
        if tables.review == nil, reviewGroups.isEmpty, let blankReview { tables.review = [blankReview] }
        if !reviewGroups.isEmpty {
            let cells = (0..<3).flatMap { reviewGroups[$0] ?? [String?](repeating: nil, count: 5) }
            tables.review = (tables.review ?? []) + [RawRow(label: "", cells: cells)]
        }
    }

    /// A standard table found as no grid, in a part whose text holds rows: the table a
    /// converter wrote as paragraphs, read by `CellStream`.
    mutating func readStreams(_ partLines: [ReportPart: [String]]) {
        for kind in HTMLTableReader.Kind.allCases {
            guard let lines = partLines[kind.part], !lines.isEmpty else { continue }
            switch kind {
            case .active:
                guard tables.active == nil else { continue }
                let read = CellStream.read(lines, width: nil, table: .activeDisclosure)
                guard !read.rows.isEmpty else { continue }
                tables.active = read.rows
                tables.activeHeaderText += read.header
                tables.diagnostics += read.diagnostics
            case .applications:
                guard tables.applications == nil else { continue }
                let read = CellStream.read(lines, width: 7, table: .applications)
                guard !read.rows.isEmpty else { continue }
                tables.applications = read.rows
                tables.diagnostics += read.diagnostics
            case .review:
                guard tables.review == nil, reviewGroups.isEmpty else { continue }
                let read = CellStream.read(lines, width: 15, table: .reviewLitigation)
                guard !read.rows.isEmpty else { continue }
                tables.review = read.rows
                tables.diagnostics += read.diagnostics
            }
        }
    }

    /// A table with numbers under a table part's heading is that part's table, even when its
    /// own words do not say which (a table split in two, its header rows in the first). So is
    /// a piece with no number but a row of the part's table with its value left blank (the
    /// fees row 行政事业性收费 | (blank) split off onto the next page).
    static func kindByPosition(_ grid: TableGrid, part: ReportPart?) -> HTMLTableReader.Kind? {
        guard let part, let kind = HTMLTableReader.Kind(part: part) else { return nil }
        let hasValue = grid.cells.contains { ValueParser.looksLikeValue($0.text) }
        return hasValue || HTMLTableReader.hasBlankRow(grid, kind) ? kind : nil
    }

    /// Adds a grid's rows to its table; a table printed as several HTML tables continues.
    mutating func add(_ grid: TableGrid, as kind: HTMLTableReader.Kind) {
        switch kind {
        case .active:
            let read = HTMLTableReader.activeRows(grid)
            tables.active = (tables.active ?? []) + read.rows
            tables.activeHeaderText += read.header
        case .applications:
            // A piece after another may open with the rest of its last row (a page break cut
            // the row; a converter writes each page's table apart): the mapper joins them.
            if let last = tables.applications?.indices.last { tables.applications?[last].mayContinue = true }
            tables.applications = (tables.applications ?? [])
                + WrappedLabelRows.joined(HTMLTableReader.fixedRows(grid, width: 7, inherited: applicationColumns))
            applicationColumns = HTMLTableReader.valueColumnsFromRight(grid, width: 7) ?? applicationColumns
        case .review:
            if let group = HTMLTableReader.reviewGroup(grid, taken: Set(reviewGroups.keys)) {
                let stacked = HTMLTableReader.stackedReviewGroups(grid, first: group)
                if !stacked.isEmpty {
                    reviewGroups.merge(stacked) { _, new in new }
                    return
                }
                let rows = HTMLTableReader.fixedRows(grid, width: 5, unstacking: true)
                if let row = rows.last(where: { $0.cells.contains { $0 != nil } }) ?? rows.last {
                    reviewGroups[group] = row.cells
                }
                return
            }
            let rows = HTMLTableReader.fixedRows(grid, width: 15, unstacking: true)
            if !rows.isEmpty { tables.review = (tables.review ?? []) + rows }
            else { blankReview = blankReview ?? HTMLTableReader.blankValueRow(grid, width: 15) }
        }
    }
}

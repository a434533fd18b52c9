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
        // Each table part's lines of text, for a table written as paragraphs (`CellStream`),
        // and apart between its grids, for a table written partly as grids and partly so.
        var partLines: [ReportPart: [String]] = [:]
        var between: [TextBetweenGrids] = []
        var gridSince = true
        for block in body.flatMap(Self.cutAtHeadings) {
            switch block.content {
            case .line(let text):
                if !block.isLink, let h = ReportPart.heading(text), h.rawValue > (part?.rawValue ?? 0) {
                    part = h
                } else if !block.isLink, let part {
                    partLines[part, default: []].append(text)
                    if !gridSince, let last = between.last, last.part == part {
                        between[between.count - 1].lines.append(text)
                    } else if let kind = HTMLTableReader.Kind(part: part) {
                        between.append(TextBetweenGrids(part: part, at: tables.rows(kind)?.count ?? 0, lines: [text]))
                    }
                    gridSince = false
                }
                lines.append(DocumentLine(text: text))
            case .table(let grid):
                gridSince = true
                // A part heading printed as the table's first row is still a heading, also
                // when a converter cut it into cells (|三、收到和处理政府信|息公开申请情况|).
                var headingRow = false
                if let (h, text) = Self.headingRow(grid), h.rawValue > (part?.rawValue ?? 0) {
                    part = h
                    lines.append(DocumentLine(text: text))
                    headingRow = true
                }
                if let kind = HTMLTableReader.classify(grid) ?? Self.kindByPosition(grid, part: part) {
                    add(grid, as: kind)
                } else {
                    // Numbers outside the standard tables (statistics in part 一): text, like prose.
                    for r in (headingRow ? 1 : 0)..<grid.rowCount {
                        for id in grid.cellsInRow(r) where grid.cells[id].row == r {
                            lines += grid.cells[id].lines.map { DocumentLine(text: $0) }
                        }
                    }
                }
            }
        }
        readBesideGrids(between)
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
        var partLines = partLines
        // A converter that lost the heading 二、主动公开政府信息情况 leaves the table's text in
        // part 一: from its first sub-table's heading (第二十条第（一）项) on.
        if partLines[.activeDisclosure] == nil, let overview = partLines[.overview],
           let first = overview.firstIndex(where: { TextNormalizer.key($0).hasPrefix(TableVocabulary.activeArticle) }) {
            partLines[.activeDisclosure] = Array(overview[first...])
        }
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
                if read.rows.isEmpty, let groups = Self.reviewGroupsInTurn(lines) {
                    tables.review = [groups]
                    continue
                }
                guard !read.rows.isEmpty else { continue }
                tables.review = read.rows
                tables.diagnostics += read.diagnostics
            }
        }
    }

    /// Rows of a table read as grids that a converter wrote as paragraphs between or after
    /// them (pymupdf4llm's layout mode writes a table's first rows as a pipe table and the rest,
    /// or the active-disclosure table's later sub-tables, as running text): read by `CellStream`
    /// and put where the text stood. Only rows whose labels read as the table's template rows
    /// are taken, so prose and notes in the part add nothing.
    mutating func readBesideGrids(_ between: [TextBetweenGrids]) {
        for text in between.reversed() {
            guard let kind = HTMLTableReader.Kind(part: text.part), kind != .review, let rows = tables.rows(kind) else { continue }
            let read = CellStream.read(text.lines, width: kind == .applications ? 7 : nil,
                                       table: kind == .applications ? .applications : .activeDisclosure)
            let found = read.rows.filter { CellStream.readsAsRow($0.label, table: kind == .applications ? .applications : .activeDisclosure) }
            guard !found.isEmpty else { continue }
            let at = min(text.at, rows.count)
            switch kind {
            case .active:
                tables.active?.insert(contentsOf: found, at: at)
                tables.activeHeaderText += read.header
            case .applications: tables.applications?.insert(contentsOf: found, at: at)
            case .review: break
            }
            tables.diagnostics += read.diagnostics
        }
    }

    /// A grid with a part heading as a row below its first (a converter ran a table's last
    /// rows and the next part's heading together: `|三、收到和处理政府信|息公开申请情况|||`
    /// under the active-disclosure table's rows) as the grid above it, the heading as a line,
    /// and the grid below it. A heading row holds no number and no cell reaching another row.
    static func cutAtHeadings(_ block: HTMLBlock) -> [HTMLBlock] {
        guard case .table(let grid) = block.content, grid.rowCount > 1 else { return [block] }
        for r in 1..<grid.rowCount {
            let ids = grid.cellsInRow(r)
            guard ids.allSatisfy({ grid.cells[$0].row == r && grid.cells[$0].rowSpan == 1 }),
                  !ids.contains(where: { ValueParser.looksLikeValue(grid.cells[$0].text) }) else { continue }
            let text = ids.map { grid.cells[$0].text }.joined()
            guard ReportPart.heading(text) != nil else { continue }
            var above = block, heading = block, below = block
            above.content = .table(grid.rows(0..<r))
            heading.content = .line(text)
            below.content = .table(grid.rows((r + 1)..<grid.rowCount))
            return [above, heading] + (r + 1 < grid.rowCount ? cutAtHeadings(below) : [])
        }
        return [block]
    }

    /// The part heading a grid's first row prints: in one of its cells, or across them.
    static func headingRow(_ grid: TableGrid) -> (ReportPart, String)? {
        let ids = grid.slots.first.map { Set($0.compactMap { $0 }).sorted() } ?? []
        let texts = ids.map { grid.cells[$0].text }
        for text in texts + [texts.joined()] {
            if let h = ReportPart.heading(text) { return (h, text) }
        }
        return nil
    }

    /// The review table written as its three groups in turn, each its heading, its five
    /// fields' names and its five numbers (行政复议 / 结果维持…总计 / 0 0 3 2 5 / 行政诉讼（未经复议直接起诉）
    /// / …): one row of fifteen, when exactly three lines of five numbers are read.
    static func reviewGroupsInTurn(_ lines: [String]) -> RawRow? {
        let read = CellStream.read(lines, width: 5, table: .reviewLitigation)
        guard read.rows.count == 3, read.rows.allSatisfy({ $0.cells.count == 5 }),
              read.diagnostics.isEmpty else { return nil }
        return RawRow(label: "", cells: read.rows.flatMap(\.cells))
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
                + WrappedLabelRows.withRests(WrappedLabelRows.joined(HTMLTableReader.fixedRows(grid, width: 7, inherited: applicationColumns)))
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

/// Lines of text in a table's part after one of its grids or before the next: where they
/// stood, as the number of the table's rows read before them.
struct TextBetweenGrids {
    var part: ReportPart
    var at: Int
    var lines: [String]
}

extension RawTables {
    /// The rows read so far of a table kind.
    func rows(_ kind: HTMLTableReader.Kind) -> [RawRow]? {
        switch kind {
        case .active: active
        case .applications: applications
        case .review: review
        }
    }
}

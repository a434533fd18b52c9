import Foundation

/// PDF input: poppler text layer → page layouts → parts → raw tables and running text →
/// the common assembler.
///
/// Rendering (for ruling lines) costs several times the text extraction, so tables are first
/// read from text alignment alone; only when that reading is not clean (see
/// `ExtractionQuality`) are the table pages rendered and read again with their rulings.
enum PDFReportReader {
    /// Render scale for ruling detection: 1.5 px/pt shows a 0.5 pt rule as a pixel row.
    static let renderScale = 1.5

    static func extract(data: Data, name: String, sha256: String,
                        strategy: TableStrategy) throws(InputError) -> CanonicalReport {
        try read(data: data, name: name, sha256: sha256, strategy: strategy).report
    }

    /// The report and the page layouts its tables were read from (with rulings when used).
    static func read(data: Data, name: String, sha256: String,
                     strategy: TableStrategy) throws(InputError) -> (report: CanonicalReport, layouts: [PageLayout]) {
        let doc: PopplerDocument
        do { doc = try PopplerDocument(data: data) } catch {
            switch error as? PDFOpenError {
            case .encrypted: throw .encryptedPDF
            case .damaged(let why): throw .damagedPDF(why.isEmpty ? "poppler could not parse it" : why)
            case nil: throw .damagedPDF("\(error)")
            }
        }
        let count = doc.pageCount
        guard count > 0 else { throw .damagedPDF("it has no pages") }
        let texts = (0..<count).compactMap { doc.text(ofPage: $0) }
        let glyphCount = texts.reduce(0) { $0 + $1.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }.count }
        guard glyphCount >= 10 else { throw .noTextLayer(pages: count) }

        let plain = PDFPages(texts.map { PageLayout(text: $0) })
        guard plain.hasTables else {
            throw isScan(doc, texts: texts) ? .noTextLayer(pages: count) : .notAReport
        }
        let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .pdf, pages: count)
        let lines = plain.runningText()
        func report(_ tables: RawTables) -> CanonicalReport {
            ReportAssembler.assemble(source: source, lines: lines, tables: tables, titleFallback: doc.metadata.title)
        }

        let plainTables = plain.tables()
        let textOnly = report(plainTables)
        let textQuality = ExtractionQuality(textOnly)
        if strategy == .text || strategy == .auto && textQuality.isClean { return (textOnly, plain.layouts) }

        // Read the table pages again with the ruling lines drawn on them.
        var ruledLayouts = plain.layouts
        let detector = RulingDetector()
        let doubtful = strategy == .ruled ? ExtractionQuality.allTables : textQuality.doubtfulTables
        let areas = plain.tableAreas(of: doubtful)
        for (p, area) in areas {
            guard let image = doc.render(page: p, scale: renderScale, clip: area) else { continue }
            ruledLayouts[p] = PageLayout(text: texts[p], rulings: detector.rulings(in: image))
        }
        // Only the tables in doubt are read again; the clean ones keep their reading.
        var ruled = report(PDFPages(ruledLayouts).tables(only: doubtful, keeping: plainTables))
        if strategy == .auto, ExtractionQuality(ruled).problems > textQuality.problems {
            return (textOnly, plain.layouts)
        }
        ruled.diagnostics.insert(Finding(code: "layout.rulings_used", severity: .info,
                                         message: "tables read with the ruling lines of pages "
                                             + areas.map { String($0.page + 1) }.joined(separator: ", ")),
                                 at: 0)
        return (ruled, ruledLayouts)
    }
}

extension PDFReportReader {
    /// Whether a PDF whose text holds no report is a scan: most pages are covered by an image
    /// and carry little text (a page number, a stamp, a few OCR'd words).
    static func isScan(_ doc: PopplerDocument, texts: [PageText]) -> Bool {
        var scanned = 0
        for text in texts {
            let area = text.width * text.height
            let imageArea = doc.imageBoxes(ofPage: text.number - 1).reduce(0) { $0 + $1.width * $1.height }
            let glyphs = text.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }.count
            if area > 0, imageArea >= 0.5 * area, glyphs < 200 { scanned += 1 }
        }
        return scanned * 2 >= texts.count
    }
}

/// A document's page layouts with its furniture and part headings located.
struct PDFPages {
    var layouts: [PageLayout]
    var furniture: Set<PartLocator.LineID>
    var headings: [ReportPart: PartLocator.LineID]

    static let tableParts: [ReportPart] = [.activeDisclosure, .applications, .reviewLitigation]

    init(_ layouts: [PageLayout]) {
        self.layouts = layouts
        furniture = PartLocator.furniture(layouts)
        headings = PartLocator.headings(layouts, skipping: furniture)
    }

    var hasTables: Bool { Self.tableParts.contains { headings[$0] != nil } }

    func region(_ part: ReportPart) -> [RegionPage]? {
        PartLocator.region(of: part, in: layouts, headings: headings, furniture: furniture)
    }

    /// The part of each page (0-based index) that holds tables: the span of the tables'
    /// lines across the page's width, with a margin for the borders around them.
    func tableAreas(of tables: Set<String>) -> [(page: Int, area: Rect)] {
        var areas: [Int: Rect] = [:]
        let names: [ReportPart: String] = [.activeDisclosure: "active_disclosure", .applications: "applications",
                                           .reviewLitigation: "review_litigation"]
        for part in Self.tableParts where tables.contains(names[part]!) {
            for r in region(part) ?? [] {
                let box = r.lines.map(\.box).reduce(r.lines[0].box) { $0.union($1) }
                let p = r.page.number - 1
                areas[p] = areas[p].map { $0.union(box) } ?? box
            }
        }
        let margin = 12.0
        return areas.keys.sorted().map { p in
            let a = areas[p]!
            return (p, Rect(x0: 0, y0: a.y0 - margin, x1: layouts[p].width, y1: a.y1 + margin))
        }
    }

    func runningText() -> [DocumentLine] {
        RunningText.lines(layouts, headings: headings, furniture: furniture, tableParts: Self.tableParts)
    }

    /// Reads `only` these tables (by JSON name) and takes the others, with their
    /// diagnostics, from `base`.
    func tables(only: Set<String>, keeping base: RawTables) -> RawTables {
        var tables = tables(reading: only)
        if !only.contains("active_disclosure") {
            tables.active = base.active
            tables.activeHeaderText = base.activeHeaderText
        }
        if !only.contains("applications") { tables.applications = base.applications }
        if !only.contains("review_litigation") { tables.review = base.review }
        tables.diagnostics = base.diagnostics.filter { $0.table.map { !only.contains($0) } ?? false }
            + tables.diagnostics
        return tables
    }

    func tables(reading parts: Set<String> = ExtractionQuality.allTables) -> RawTables {
        var tables = RawTables()
        if parts.contains("active_disclosure"), let r = region(.activeDisclosure) {
            var reader = ActiveTableReader()
            let result = reader.read(r)
            tables.active = result.rows
            tables.activeHeaderText = result.headerText
            tables.diagnostics += reader.diagnostics
        }
        if parts.contains("applications"), let r = region(.applications) {
            var reader = MatrixTableReader(columnCount: 7, table: "applications",
                                           knownLabels: Template.applicationRows.map(\.label),
                                           columnNames: Template.applicationColumnLabels)
            tables.applications = reader.rows(in: r)
            tables.diagnostics += reader.diagnostics
        }
        if parts.contains("review_litigation"), let r = region(.reviewLitigation) {
            var reader = MatrixTableReader(columnCount: 15, table: "review_litigation",
                                           columnNames: Template.reviewColumnLabels)
            let rows = reader.rows(in: r)
            // The data row is the one that prints the most values.
            if let best = rows.max(by: { $0.cells.compactMap { $0 }.count < $1.cells.compactMap { $0 }.count }) {
                tables.review = [best]
            }
            tables.diagnostics += reader.diagnostics
        }
        return tables
    }
}

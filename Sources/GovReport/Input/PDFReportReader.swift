import Foundation

/// PDF input: poppler text layer → page layouts (with rulings on table pages) → parts →
/// raw tables and running text → the common assembler.
enum PDFReportReader {
    /// Render scale for ruling detection: 1.5 px/pt shows a 0.5 pt rule as a pixel row.
    static let renderScale = 1.5

    static func extract(data: Data, name: String, sha256: String) throws(InputError) -> CanonicalReport {
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

        var pages = texts.map { PageLayout(text: $0) }
        var furniture = PartLocator.furniture(pages)
        var headings = PartLocator.headings(pages, skipping: furniture)
        let tableParts: [ReportPart] = [.activeDisclosure, .applications, .reviewLitigation]
        guard tableParts.contains(where: { headings[$0] != nil }) else { throw .notAReport }

        // Render only the pages that hold tables, and rebuild their lines with the rulings.
        var tablePages = Set<Int>()
        for part in tableParts {
            for r in PartLocator.region(of: part, in: pages, headings: headings, furniture: furniture) ?? [] {
                tablePages.insert(r.page.number - 1)
            }
        }
        let detector = RulingDetector()
        for p in tablePages.sorted() {
            guard let image = doc.render(page: p, scale: renderScale) else { continue }
            pages[p] = PageLayout(text: texts[p], rulings: detector.rulings(in: image))
        }
        furniture = PartLocator.furniture(pages)
        headings = PartLocator.headings(pages, skipping: furniture)

        func region(_ part: ReportPart) -> [RegionPage]? {
            PartLocator.region(of: part, in: pages, headings: headings, furniture: furniture)
        }
        var tables = RawTables()
        if let r = region(.activeDisclosure) {
            var reader = ActiveTableReader()
            let result = reader.read(r)
            tables.active = result.rows
            tables.activeHeaderText = result.headerText
            tables.diagnostics += reader.diagnostics
        }
        if let r = region(.applications) {
            var reader = MatrixTableReader(columnCount: 7, table: "applications",
                                           knownLabels: Template.applicationRows.map(\.label))
            tables.applications = reader.rows(in: r)
            tables.diagnostics += reader.diagnostics
        }
        if let r = region(.reviewLitigation) {
            var reader = MatrixTableReader(columnCount: 15, table: "review_litigation")
            let rows = reader.rows(in: r)
            // The data row is the one that prints the most values.
            if let best = rows.max(by: { $0.cells.compactMap { $0 }.count < $1.cells.compactMap { $0 }.count }) {
                tables.review = [best]
            }
            tables.diagnostics += reader.diagnostics
        }
        let lines = RunningText.lines(pages, headings: headings, furniture: furniture, tableParts: tableParts)
        let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .pdf, pages: count)
        return ReportAssembler.assemble(source: source, lines: lines, tables: tables,
                                        titleFallback: doc.metadata.title)
    }
}

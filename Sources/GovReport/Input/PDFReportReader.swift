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
                        strategy: TableStrategy, ocr: OCRMode = .auto) throws(InputError) -> CanonicalReport {
        try read(data: data, name: name, sha256: sha256, strategy: strategy, ocr: ocr).report
    }

    /// The report and the page layouts its tables were read from (with rulings when used).
    static func read(data: Data, name: String, sha256: String,
                     strategy: TableStrategy, ocr: OCRMode = .auto) throws(InputError)
        -> (report: CanonicalReport, layouts: [PageLayout]) {
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
        // Pages without a usable text layer (scans) are read by OCR; a PDF with text on every
        // page goes on exactly as without OCR.
        let ocrPages = OCRPageSelection.pages(doc, texts: texts, mode: ocr)
        if !ocrPages.isEmpty,
           let scanned = try ScannedReportReader.read(doc: doc, texts: texts, ocrPages: ocrPages,
                                                      source: .init(path: name, sha256: sha256, kind: .pdf, pages: count)) {
            return scanned
        }
        let glyphCount = texts.reduce(0) { $0 + $1.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }.count }
        guard glyphCount >= 10 else { throw .noTextLayer(pages: count) }

        let plain = PositionedPages(texts.map { PageLayout(text: $0) })
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
        var ruled = report(PositionedPages(ruledLayouts).tables(only: doubtful, keeping: plainTables))
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

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
                        strategy: TableStrategy, ocr: OCRMode = .never) throws(InputError) -> CanonicalReport {
        try read(data: data, name: name, sha256: sha256, strategy: strategy, ocr: ocr).report
    }

    /// The report, the page layouts its tables were read from (with rulings when used) and
    /// the table finder's stages.
    static func read(data: Data, name: String, sha256: String,
                     strategy: TableStrategy, ocr: OCRMode = .never) throws(InputError) -> PositionedReading {
        PopplerDocument.messagePage(nil)
        _ = PopplerDocument.takeMessages()
        do {
            var read = try readDocument(data: data, name: name, sha256: sha256, strategy: strategy, ocr: ocr)
            let said = PopplerDocument.takeMessages()
            read.report.diagnostics += popplerDiagnostics(said.messages, dropped: said.dropped)
            return read
        } catch {
            // Damage Poppler itself reports, and that leaves no report (or text that cannot be
            // decoded): the file is damaged, not a scan or some other document.
            let said = PopplerDocument.takeMessages()
            switch error {
            case .noTextLayer, .textAsOutlines, .notAReport, .undecodableText:
                if let damage = said.messages.first(where: \.isDamage) ?? said.droppedDamage {
                    let count = said.messages.filter(\.isDamage).count + said.dropped
                    throw .damagedPDF("Poppler: " + damage.text
                                      + (count > 1 ? " (and \(count - 1) more error(s))" : ""))
                }
                // A character map Poppler could not read garbles the text: a report it hides is
                // hidden by damage, not absent.
                if let map = said.messages.first(where: \.isBrokenTextMap) {
                    let count = said.messages.filter(\.isBrokenTextMap).count
                    throw .damagedPDF("Poppler: " + map.text + (count > 1 ? " (and \(count - 1) more)" : "")
                                      + "; the text of its fonts cannot be decoded")
                }
                throw error
            default:
                throw error
            }
        }
    }

    /// What Poppler said about a document that was read anyway: one diagnostic per page it
    /// spoke on (the first message, and how many more).
    static func popplerDiagnostics(_ messages: [PopplerMessage], dropped: Int) -> [Finding] {
        var pages: [Int?] = []
        var byPage: [Int?: [PopplerMessage]] = [:]
        for m in messages {
            if byPage[m.page] == nil { pages.append(m.page) }
            byPage[m.page, default: []].append(m)
        }
        return pages.enumerated().map { k, page in
            let said = byPage[page]!
            let more = said.count - 1 + (k == pages.count - 1 ? dropped : 0)
            return Finding(code: said.contains(where: \.isDamage) ? "pdf.damaged" : "pdf.library_message",
                           severity: said.contains(where: \.isDamage) ? .warning : .info,
                           message: "Poppler: " + said[0].text + (more > 0 ? " (and \(more) more)" : ""),
                           page: page)
        }
    }

    private static func readDocument(data: Data, name: String, sha256: String,
                                     strategy: TableStrategy, ocr: OCRMode) throws(InputError) -> PositionedReading {
        let doc: PopplerDocument
        do { doc = try PopplerDocument(data: data) } catch {
            switch error as? PDFOpenError {
            case .encrypted: throw .encryptedPDF
            case .damaged(let why):
                // What Poppler said while it tried (`Couldn't read xref table`) says more than
                // its summary (`PDF document is damaged`).
                let said = PopplerDocument.takeMessages()
                let summary = why.isEmpty ? "poppler could not parse it" : why
                guard let damage = said.messages.first(where: \.isDamage) ?? said.droppedDamage else {
                    throw .damagedPDF(summary)
                }
                throw .damagedPDF(summary + "; Poppler: " + damage.text)
            case nil: throw .damagedPDF("\(error)")
            }
        }
        let count = doc.pageCount
        guard count > 0 else { throw .damagedPDF("it has no pages") }
        // A page Poppler cannot load keeps its number (an empty page), so later pages do not shift.
        // Invisible text (render mode 3) is looked for only in files that draw some, and not on
        // scanned pages, whose invisible text is the OCR layer a reader relies on.
        let invisible = doc.drawsInvisibleText
        var unreadable: [Int] = []
        var texts = (0..<count).map { i -> PageText in
            PopplerDocument.messagePage(i + 1)
            defer { PopplerDocument.messagePage(nil) }
            if var text = doc.text(ofPage: i) {
                // Text set on a slant (a diagonal watermark) is no part of the report.
                text = DiagonalText.removed(text)
                let checkInk = invisible && !isScannedPage(doc, text)
                return HiddenText.visible(text, checkInk: checkInk) {
                    doc.render(page: i, scale: HiddenText.renderScale, clip: $0)
                }
            }
            unreadable.append(i + 1)
            return PageText(number: i + 1, width: 0, height: 0, glyphs: [])
        }
        guard unreadable.count < count else {
            throw .damagedPDF("none of its \(count) page(s) can be loaded")
        }
        // Two texts drawn over each other: only the one a reader sees is kept.
        let seen = texts
        for i in texts.indices {
            let outcome = OverlappingText.resolve(seen[i], render: {
                doc.render(page: i, scale: OverlappingText.renderScale, clip: $0)
            }, elsewhere: { glyph in
                guard let (p, box) = OverlappingText.cleanSample(of: glyph, in: seen),
                      let image = doc.render(page: p, scale: OverlappingText.renderScale, clip: box) else { return nil }
                return (box, image)
            })
            texts[i] = outcome.text
            texts[i].uncertain = outcome.uncertain
        }
        // Pages whose text is turned sideways are read in the text's own frame.
        var turns: [Int: RotatedText.Turn] = [:]
        for i in texts.indices {
            guard let turn = RotatedText.turn(of: texts[i]) else { continue }
            texts[i] = RotatedText.upright(texts[i], turn)
            turns[i] = turn
        }
        let sideways = turns.keys.sorted()
        /// Part of page `i` rendered in its text's frame (`clip` in that frame).
        func render(page i: Int, scale: Double, clip: Rect) -> GrayImage? {
            guard let turn = turns[i] else { return doc.render(page: i, scale: scale, clip: clip) }
            let (w, h) = (texts[i].height, texts[i].width)
            return doc.render(page: i, scale: scale, clip: RotatedText.onPage(clip, turn, width: w, height: h))?
                .turned(turn, pageWidth: w, pageHeight: h)
        }
        // Digits in a font whose boxes are not believed get boxes measured from their ink.
        for i in texts.indices {
            texts[i] = InkBoxes.measured(texts[i]) { render(page: i, scale: InkBoxes.renderScale, clip: $0) }
        }
        // Pages without a usable text layer (scans) are read by OCR; a PDF with text on every
        // page goes on exactly as without OCR.
        let ocrPages = OCRPageSelection.pages(doc, texts: texts, mode: ocr)
        if !ocrPages.isEmpty {
            do {
                if let scanned = try ScannedReportReader.read(doc: doc, texts: texts, ocrPages: ocrPages,
                                                              source: .init(path: name, sha256: sha256, kind: .pdf, pages: count)) {
                    return PositionedReading(report: scanned.report, layouts: scanned.layouts, stages: scanned.stages)
                }
            } catch .noTextLayer {
                // OCR found no report: said as without OCR (images or outlines), and that OCR ran.
                throw noText(doc, texts: texts, readByOCR: true)
            }
        }
        let glyphCount = texts.reduce(0) { $0 + $1.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }.count }
        guard glyphCount >= 10 else { throw noText(doc, texts: texts) }
        let judgements = texts.map(PageTextJudgement.judge)
        let undecodable = judgements.filter { $0.verdict == .undecodable }
        if let first = undecodable.first {
            throw .undecodableText(pages: undecodable.map(\.page), why: first.reason)
        }

        let plain = PositionedPages(texts.map { PageLayout(text: $0) })
        guard plain.hasTables else {
            if let missing = missingFontData(doc) { throw missing }
            throw isScan(doc, texts: texts) ? .noTextLayer(pages: count) : .notAReport
        }
        let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .pdf, pages: count)
        let lines = plain.runningText()
        let overlapPlaces = Dictionary(texts.map { ($0.number, $0.uncertain) }, uniquingKeysWith: +)
        let unreadableDiagnostics = unreadable.map {
            Finding(code: "page.unreadable", severity: .warning,
                    message: "page \($0) cannot be loaded (damaged, or its page box is absurd); it was read as empty",
                    page: $0)
        }
        func report(_ tables: RawTables) -> CanonicalReport {
            var r = ReportAssembler.assemble(source: source, lines: lines, tables: tables,
                                             titleFallback: doc.metadata.title)
            r.diagnostics += unreadableDiagnostics
            r.diagnostics += OverlapDoubts.diagnostics(for: r, places: overlapPlaces)
            return DoubtedFindings.settled(r)
        }
        func noted(_ r: PositionedReading) -> PositionedReading {
            guard let first = sideways.first else { return r }
            var out = r
            out.turns = Dictionary(uniqueKeysWithValues: turns.map { ($0.key + 1, $0.value) })
            out.report.diagnostics.append(Finding(
                code: "layout.rotated_text", severity: .info,
                message: "text printed sideways (turned 90°) on page(s) \(sideways.map { String($0 + 1) }.joined(separator: ", ")) was read in its own frame",
                page: first + 1))
            return out
        }

        let plainTables = plain.read()
        let textOnly = report(plainTables.tables)
        let textQuality = ExtractionQuality(textOnly)
        let textReading = PositionedReading(report: textOnly, layouts: plain.layouts, stages: plainTables.stages)
        if strategy == .text || strategy == .auto && textQuality.isClean { return noted(textReading) }

        // Read the table pages again with the ruling lines drawn on them.
        var ruledLayouts = plain.layouts
        let detector = plain.settings.rulingDetection
        let doubtful = strategy == .ruled ? ExtractionQuality.allTables : textQuality.doubtfulTables
        let areas = plain.tableAreas(of: doubtful)
        guard !areas.isEmpty else { return noted(textReading) }
        for (p, area) in areas {
            PopplerDocument.messagePage(p + 1)
            defer { PopplerDocument.messagePage(nil) }
            // A sideways page is rendered in its own frame and turned into its text's.
            guard let image = render(page: p, scale: renderScale, clip: area) else { continue }
            // A diagonal watermark's light ink over a ruling is no gap in it (its strips are in
            // the page's own frame: an upright page's).
            let strips = turns[p] == nil ? texts[p].slanted : []
            ruledLayouts[p] = PageLayout(text: texts[p], rulings: detector.rulings(in: image, paintedOver: strips,
                                                                             glyphs: texts[p].glyphs.map(\.box)))
        }
        // Only the tables in doubt are read again; the clean ones keep their reading.
        let ruledTables = PositionedPages(ruledLayouts).read(only: doubtful, keeping: plainTables)
        var ruled = report(ruledTables.tables)
        if strategy == .auto, ExtractionQuality(ruled).problems > textQuality.problems {
            return noted(textReading)
        }
        ruled.diagnostics.insert(Finding(code: "layout.rulings_used", severity: .info,
                                         message: "tables read with the ruling lines of pages "
                                             + areas.map { String($0.page + 1) }.joined(separator: ", ")),
                                 at: 0)
        return noted(PositionedReading(report: ruled, layouts: ruledLayouts, stages: ruledTables.stages))
    }
}

extension PDFReportReader {
    /// Why a PDF gives next to no text: fonts whose data is not installed, words drawn as
    /// outlines (no images either), or pictures of pages (a scan).
    static func noText(_ doc: PopplerDocument, texts: [PageText], readByOCR: Bool = false) -> InputError {
        if let missing = missingFontData(doc) { return missing }
        let images = texts.contains { !doc.imageBoxes(ofPage: $0.number - 1).isEmpty }
        return images ? .noTextLayer(pages: texts.count, readByOCR: readByOCR) : .textAsOutlines(pages: texts.count)
    }

    /// Fonts set in a predefined CJK CMap (a CID font with no ToUnicode, `UniGB-UCS2-H`) whose
    /// CMap file poppler does not have: Debian's poppler-data brings them.
    static func missingFontData(_ doc: PopplerDocument) -> InputError? {
        let missing = doc.fonts.filter { font in
            guard let collection = CMapCollection.of(encoding: font.encoding) else { return false }
            return !CMapCollection.installed(collection, encoding: font.encoding)
        }
        guard !missing.isEmpty else { return nil }
        let names = Set(missing.map { "\($0.name.isEmpty ? "unnamed" : $0.name) (\($0.encoding))" }).sorted()
        return .fontNotLoaded(fonts: names, package: "poppler-data")
    }

    /// Whether a PDF whose text holds no report is a scan: most pages are covered by an image
    /// and carry little text (a page number, a stamp, a few OCR'd words).
    static func isScan(_ doc: PopplerDocument, texts: [PageText]) -> Bool {
        let scanned = texts.filter { text in
            text.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }.count < 200 && isScannedPage(doc, text)
        }.count
        return scanned * 2 >= texts.count
    }

    /// Whether images cover at least half of a page.
    static func isScannedPage(_ doc: PopplerDocument, _ text: PageText) -> Bool {
        let area = text.width * text.height
        let imageArea = doc.imageBoxes(ofPage: text.number - 1).reduce(0) { $0 + $1.width * $1.height }
        return area > 0 && imageArea >= 0.5 * area
    }
}

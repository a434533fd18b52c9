import Foundation

/// Whether pages without a usable text layer are read by OCR: `auto` (the default) reads
/// exactly those pages, `always` reads every page by OCR (its text layer ignored), `never`
/// reads none (such a PDF is `no_text_layer`, as without OCR).
public enum OCRMode: String, Sendable, CaseIterable {
    case auto, always, never
}

extension PageText {
    /// Whether the page has a text layer worth reading (at least `OCRPageSelection.minGlyphs`
    /// visible characters); a page without one is a scan or text drawn as outlines.
    public var hasUsableText: Bool { OCRPageSelection.hasUsableText(self) }
}

/// Which pages of a PDF need OCR. Decided from the text layer already read and, only for a
/// page with (almost) no text, its images: a PDF with text costs nothing more.
enum OCRPageSelection {
    /// Fewest visible characters a page's text layer needs to be read as text.
    static let minGlyphs = 10

    /// Whether a page's text layer can be read as it is. A page whose text layer is an
    /// invisible OCR layer over a scan is read from that layer.
    ///
    /// Hook for the text-fidelity work (issue 10): a page whose glyphs cannot be decoded back
    /// to Unicode, or whose text is drawn as outlines, has no usable text either; that check
    /// belongs here, so that such pages are read by OCR in `auto` mode.
    static func hasUsableText(_ text: PageText) -> Bool {
        text.glyphs.lazy.filter { !$0.text.allSatisfy(\.isWhitespace) }.prefix(minGlyphs).count >= minGlyphs
    }

    /// 0-based indices of the pages to read by OCR.
    static func pages(_ doc: PopplerDocument, texts: [PageText], mode: OCRMode) -> [Int] {
        switch mode {
        case .never: return []
        case .always: return texts.map { $0.number - 1 }
        case .auto: return texts.filter { !hasUsableText($0) && hasInk(doc, page: $0) }.map { $0.number - 1 }
        }
    }

    /// Whether a page without text shows anything: an image over a fifth of it, or ink when
    /// rendered small (text drawn as outlines). A blank page is not worth an OCR start-up.
    static func hasInk(_ doc: PopplerDocument, page: PageText) -> Bool {
        let area = page.width * page.height
        let images = doc.imageBoxes(ofPage: page.number - 1).reduce(0) { $0 + $1.width * $1.height }
        if area > 0, images >= 0.2 * area { return true }
        guard let thumb = doc.render(page: page.number - 1, scale: 0.25) else { return false }
        return thumb.pixels.lazy.filter { $0 < 128 }.count >= 20
    }
}

/// A PDF some of whose pages are read by OCR: those pages' words (from `ScanPageReader`) join
/// the text pages as positioned text for the one table finder, and the readings OCR is not
/// sure of become `cell.uncertain` diagnostics.
enum ScannedReportReader {
    /// Nil when OCR cannot run here (Tesseract or its language data not installed).
    static func read(doc: PopplerDocument, texts: [PageText], ocrPages: [Int], source: CanonicalReport.Source)
        throws(InputError) -> (report: CanonicalReport, layouts: [PageLayout], stages: [TableStages])? {
        // Said before the engines load (a second or more): the time limit grows first.
        OCRProgress.starting(pages: ocrPages.count)
        guard let reader = try? ScanPageReader() else { return nil }
        var layouts = texts.map { PageLayout(text: $0) }
        var doubts: [OCRDoubt] = []
        var read: [Int] = []
        for p in ocrPages {
            guard let page = reader.read(page: p, of: doc) else { continue }
            layouts[p] = PageLayout(text: page.text, rulings: page.rulings)
            doubts += page.doubts
            read.append(p + 1)
        }
        let pages = PositionedPages(layouts)
        // No report found: a PDF of images only stays what it was without OCR (no text layer),
        // one with text pages is not a report.
        guard pages.hasTables else {
            throw ocrPages.count == texts.count && !texts.contains(where: OCRPageSelection.hasUsableText)
                ? .noTextLayer(pages: texts.count, readByOCR: !read.isEmpty) : .notAReport
        }
        var source = source
        source.ocr = CanonicalReport.OCRInfo(engine: "tesseract", version: ScanPageReader.version ?? "",
                                             languages: ScanPageReader.languages, dpi: Int(ScanPageReader.dpi),
                                             pages: read)
        // The stages are kept so that `debug` draws a scan as OCR read it.
        let reading = pages.read()
        var report = ReportAssembler.assemble(source: source, lines: pages.runningText(), tables: reading.tables,
                                              titleFallback: doc.metadata.title)
        let marks = UncertainCells.marks(for: report, doubts: doubts, ocrPages: Set(read))
        report.diagnostics += marks.diagnostics
        return (DoubtedFindings.settled(report, sumOnly: marks.sumOnly), layouts, reading.stages)
    }
}

/// The prose of a PDF: lines outside the tables and page furniture, with paragraph starts
/// told from indentation and short lines.
enum RunningText {
    static func lines(_ pages: [PageLayout], headings: [ReportPart: PartLocator.LineID],
                      furniture: Set<PartLocator.LineID>, tableParts: [ReportPart]) -> [DocumentLine] {
        // Where each table part starts and ends, to leave its lines out.
        let starts = headings.sorted { $0.value < $1.value }
        func inTable(_ id: PartLocator.LineID) -> Bool {
            guard let part = starts.last(where: { $0.value <= id })?.key else { return false }
            return tableParts.contains(part)
        }
        var out: [DocumentLine] = []
        // Carried across pages: a paragraph that runs on to the next page stays one.
        var previousShort = true
        for (p, page) in pages.enumerated() {
            let body = page.lines.enumerated().filter { i, _ in
                let id = PartLocator.LineID(page: p, line: i)
                return !furniture.contains(id)
            }
            let left = body.map(\.element.box.x0).min() ?? 0
            let right = body.map(\.element.box.x1).max() ?? page.width
            for (i, line) in body {
                let id = PartLocator.LineID(page: p, line: i)
                let isHeading = headings.values.contains(id)
                if !isHeading && inTable(id) { continue }
                let size = line.box.height
                let indented = line.box.x0 > left + 1.2 * size
                let text = joined(line.words)
                // An OCR'd line's height is no print size (see `Glyph.isOCR`): none is given.
                let ocr = line.words.allSatisfy { $0.glyphs.allSatisfy(\.isOCR) }
                out.append(DocumentLine(text: text, page: page.number,
                                        startsParagraph: isHeading || indented || previousShort, size: ocr ? nil : size))
                previousShort = isHeading || line.box.x1 < right - 2 * size
            }
        }
        return out
    }

    /// A line's words, with a tab where the gap is wide enough to be a column break (a web
    /// page's side menu printed beside the article), a space otherwise.
    static func joined(_ words: [Word]) -> String {
        var out = ""
        for (i, w) in words.enumerated() {
            if i > 0 {
                let gap = w.box.x0 - words[i - 1].box.x1
                out += gap > 3 * max(w.box.height, words[i - 1].box.height) ? "\t" : " "
            }
            out += w.text
        }
        return out
    }
}

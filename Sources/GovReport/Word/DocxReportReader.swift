import Foundation

/// Word input: the `.docx` package → its document part's XML as values → the body's lines and
/// table grids → the same reading as a web page's (`HTMLReport`) → the common assembler.
enum DocxReportReader {
    static func extract(data: Data, name: String, sha256: String,
                        kind: CanonicalReport.Source.Kind = .docx,
                        convertedBy: String? = nil) throws(InputError) -> CanonicalReport {
        let parts = try DocxPackage.parts(data)
        guard let document = LibXMLDocument.parseXML(parts.document) else {
            throw .damagedDocument("its document part is not well-formed XML, or nests deeper than 256 elements")
        }
        let numbering = parts.numbering.flatMap(LibXMLDocument.parseXML).map(WordNumbering.init)
        // The core properties' title stands in for a web page's <title> (a page saved as Word
        // keeps it there): the report's title when the text prints none.
        let title = parts.core.flatMap(DocxPackage.coreTitle).flatMap(HTMLBody.withoutSiteName)
        var blocks = WordBody.blocks(document, numbering: numbering)
        // Lines that are links, before part 一 (a saved page's menus and lists of other
        // reports), are not the report's text.
        let firstPart = blocks.firstIndex(where: HTMLBody.isPartHeading) ?? 0
        blocks = blocks.enumerated().filter { !($0.element.isLink && $0.offset < firstPart) }.map(\.element)
        let page = HTMLReport(blocks: blocks, pageTitle: title)
        let tables = page.tables
        guard !tables.holdsNoTable else {
            let pictures = DocxPackage.pictureCount(parts.document)
            throw blocks.contains(where: HTMLBody.isPartHeading) && pictures > 0 ? .tablesAsPictures(pictures: pictures) : .notAReport
        }
        var source = CanonicalReport.Source(path: name, sha256: sha256, kind: kind, pages: nil)
        source.convertedBy = convertedBy
        return ReportAssembler.assemble(source: source, lines: page.lines, tables: tables, titleFallback: page.pageTitle)
    }
}

import Ink

/// Markdown input (`.md`, `.markdown`, or text whose content is Markdown): the text made ready
/// (`MarkdownText`), turned into HTML by Ink (the only code that imports it), and read by the
/// web-page path: `#` headings and paragraphs are lines, a pipe table is a grid like an HTML
/// table, and the `<table>` blocks converters write for merged cells are HTML tables.
enum MarkdownReportReader {
    static let extensions: Set<String> = ["md", "markdown"]

    static func extract(text: String, name: String, sha256: String) throws(InputError) -> CanonicalReport {
        let html = MarkdownParser().html(from: MarkdownText.prepared(text))
        let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .markdown, pages: nil)
        var report = try HTMLReportReader.report(html: "<html><body>\(html)</body></html>", source: source)
        // A converter's grid can split, merge or shift a page's cells: where a sum fails, its
        // cells are in doubt (a report whose sums hold gets no mark).
        let doubts = LaidOutDoubts.marks(for: report, reading: "Markdown table", wholeSums: true)
        report.diagnostics += doubts.diagnostics
        return DoubtedFindings.settled(report, sumOnly: doubts.sumOnly)
    }
}

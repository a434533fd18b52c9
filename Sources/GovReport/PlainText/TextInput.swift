/// A report saved as text, read by what its content is: Markdown (pipe tables, `#` headings;
/// or a `.md`/`.markdown` file), cells separated by tabs, text whose tabs became runs of
/// spaces (turned back into tabs), or text laid out with spaces on a character grid.
enum TextInput {
    /// How a text report is read.
    enum Form {
        case markdown
        /// Laid out with spaces on a character grid (`LaidOutTextReader`).
        case laidOut
        /// Cells between tabs: the text as given, or with its runs of spaces turned back into tabs.
        case tabbed(String)
    }

    /// Which reader `text` goes to. Lists nested hundreds of levels deep are no report, whatever
    /// the text is read as: told first, in one pass, as the ways of telling the text's kind
    /// below take far longer on them.
    static func form(of text: String, ext: String) throws(InputError) -> Form {
        try MarkdownNesting.requireBounded(text)
        // The name says Markdown unless the content is a text report's: cells between tabs, or
        // laid out with spaces (a text report saved as .md).
        let markdownByName = MarkdownReportReader.extensions.contains(ext) && !isTextReport(text)
        if markdownByName || MarkdownText.looksLikeMarkdown(text) { return .markdown }
        guard LaidOutText.isLaidOut(text) else { return .tabbed(text) }
        return LaidOutText.tabsRestored(text).map(Form.tabbed) ?? .laidOut
    }

    static func extract(text: String, name: String, ext: String, sha256: String) throws(InputError) -> CanonicalReport {
        switch try form(of: text, ext: ext) {
        case .markdown:
            return try MarkdownReportReader.extract(text: text, name: name, sha256: sha256)
        case .laidOut:
            return try LaidOutTextReader.extract(text: text, name: name, sha256: sha256)
        case .tabbed(let text):
            let reader = TextReportReader(text: text)
            let tables = reader.tables
            guard !tables.holdsNoTable else { throw .notAReport }
            let source = CanonicalReport.Source(path: name, sha256: sha256, kind: .text, pages: nil)
            return ReportAssembler.assemble(source: source, lines: reader.documentLines, tables: tables)
        }
    }

    /// Text that is no Markdown and has the shape of a text report: ten lines with tab-separated
    /// cells, or columns laid out with spaces.
    static func isTextReport(_ text: String) -> Bool {
        guard !MarkdownText.looksLikeMarkdown(text) else { return false }
        var tabbed = 0
        for line in text.split(whereSeparator: \.isNewline) where line.contains("\t") {
            tabbed += 1
            if tabbed >= 10 { return true }
        }
        return LaidOutText.isLaidOut(text)
    }
}

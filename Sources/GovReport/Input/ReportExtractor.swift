import Foundation

/// How PDF tables are read: from text alignment, from ruling lines (rendering the table
/// pages), or text first and rulings only when the text reading is not clean.
public enum TableStrategy: String, Sendable, CaseIterable {
    case auto, text, ruled
}

/// Entry point of the library: a file's bytes in, a canonical report (or a clear error) out.
public enum ReportExtractor {
    /// Reads and extracts the file at `path`. `displayPath` is what `source.path` records.
    public static func extract(path: String, displayPath: String? = nil,
                               tables: TableStrategy = .auto, ocr: OCRMode = .never) throws(InputError) -> CanonicalReport {
        try extract(data: readFile(path), name: displayPath ?? path, tables: tables, ocr: ocr)
    }

    /// The bytes of the report file at `path` (a name as govreport writes it, see `RawPath`):
    /// `notFound`, `isDirectory`, `notRegularFile` or `unreadable` when there are none.
    public static func readFile(_ path: String) throws(InputError) -> Data {
        guard let status = RawPath.status(path) else { throw .cannotOpen(path) }
        if status.isDirectory { throw .isDirectory }
        try requireRegularFile(status)
        do { return try RawPath.contents(of: path) } catch {
            throw .cannotOpen(path)
        }
    }

    /// Throws `notRegularFile` for a device, FIFO or socket (reading `/dev/zero` would never
    /// end, and a FIFO would wait for a writer); a regular file or a link to one passes.
    static func requireRegularFile(_ status: FileStatus) throws(InputError) {
        switch status.kind {
        case .regular, .directory: return
        case .characterDevice: throw .notRegularFile("a character device")
        case .blockDevice: throw .notRegularFile("a block device")
        case .fifo: throw .notRegularFile("a FIFO (named pipe)")
        case .socket: throw .notRegularFile("a socket")
        case .symbolicLink, .unknown: throw .notRegularFile("an unknown kind of file")
        }
    }

    /// Extracts a report held in memory; `name` (a file name) chooses nothing but `source.path`
    /// and, when the bytes are ambiguous, the kind.
    public static func extract(data: Data, name: String,
                               tables: TableStrategy = .auto, ocr: OCRMode = .never) throws(InputError) -> CanonicalReport {
        AmountUnitDoubts.marked(try read(data: data, name: name, tables: tables, ocr: ocr))
    }

    static func read(data: Data, name: String, tables: TableStrategy, ocr: OCRMode) throws(InputError) -> CanonicalReport {
        guard !data.isEmpty else { throw .empty }
        let sha = sha256Hex([UInt8](data))
        switch InputKind.sniff(data, name: name) {
        case .pdf:
            return try PDFReportReader.extract(data: data, name: name, sha256: sha, strategy: tables, ocr: ocr)
        case .html:
            return try HTMLReportReader.extract(data: data, name: name, sha256: sha)
        case .docx:
            return try DocxReportReader.extract(data: data, name: name, sha256: sha)
        case .office(let format):
            let converted = try OfficeConverter.convert(data, format: format)
            return try DocxReportReader.extract(data: converted.docx, name: name, sha256: sha,
                                                kind: format.sourceKind, convertedBy: converted.convertedBy)
        case .unsupported(let format, let advice):
            throw .unsupportedFormat(format: format, advice: advice)
        case .binary:
            throw binaryData(name: name)
        case .text:
            return try extractText(data: data, name: name, sha256: sha)
        }
    }

    /// Bytes of no known format: named .pdf, a download that went wrong (no PDF); else data
    /// govreport does not read.
    static func binaryData(name: String) -> InputError {
        if (name as NSString).pathExtension.lowercased() == "pdf" { return .notPDF }
        return .unsupportedFormat(format: "binary data of an unknown format",
                                  advice: "check what was saved under this name; pass the report as PDF, Word, a web page or text")
    }

    /// A text report: tab-separated or laid out with spaces.
    static func extractText(data: Data, name: String, sha256 sha: String) throws(InputError) -> CanonicalReport {
        guard let text = TextDecoding.decode(data) else { throw .badEncoding }
        return try TextInput.extract(text: text, name: name, ext: (name as NSString).pathExtension.lowercased(), sha256: sha)
    }
}

/// A report file as the debug view sees it: the reading of a report of positioned text (pages
/// of words with boxes) with what that reading saw, or what else the file is.
public enum Inspection: Sendable {
    /// A PDF: its pages are rendered under the marks.
    case pdf(PositionedReading)
    /// Laid-out text (as `pdftotext -layout` writes it): its pages are the character grid's
    /// (form feeds end them), with nothing to render but its words.
    case laidOutText(PositionedReading)
    /// A report with no pages of positioned text (a web page, a Word document, Markdown,
    /// tab-separated text): what it is, in words.
    case unpositioned(kind: String)

    /// The reading of a PDF or laid-out text; nil for other kinds.
    public var reading: PositionedReading? {
        switch self {
        case .pdf(let reading), .laidOutText(let reading): reading
        case .unpositioned: nil
        }
    }
}

extension ReportExtractor {
    /// The report at `path` together with the page layouts (glyphs, lines, rulings) its tables
    /// were read from and the table finder's stages as they ran, when it is a PDF or laid-out
    /// text: for the debug view. Other kinds of report are named, not read; a file that is no
    /// report of any kind throws as `extract` does.
    public static func inspect(path: String, tables: TableStrategy = .auto, ocr: OCRMode = .never) throws(InputError)
        -> Inspection {
        let data = try readFile(path)
        guard !data.isEmpty else { throw .empty }
        let sha = sha256Hex([UInt8](data))
        switch InputKind.sniff(data, name: path) {
        case .pdf:
            return .pdf(try PDFReportReader.read(data: data, name: path, sha256: sha, strategy: tables, ocr: ocr))
        case .html: return .unpositioned(kind: "a web page")
        case .docx: return .unpositioned(kind: "a Word document (.docx)")
        case .office(let format): return .unpositioned(kind: format.description)
        case .unsupported(let format, let advice): throw .unsupportedFormat(format: format, advice: advice)
        case .binary: throw binaryData(name: path)
        case .text:
            guard let text = TextDecoding.decode(data) else { throw .badEncoding }
            switch try TextInput.form(of: text, ext: (path as NSString).pathExtension.lowercased()) {
            case .markdown: return .unpositioned(kind: "Markdown")
            case .tabbed(let tabbed):
                // As `extract` reads it: text with no table is no report (prose, blank pages).
                let tables = TextReportReader(text: tabbed).tables
                guard !tables.holdsNoTable else { throw .notAReport }
                return .unpositioned(kind: "text with its cells between tabs")
            case .laidOut: return .laidOutText(try LaidOutTextReader.read(text: text, name: path, sha256: sha))
            }
        }
    }
}

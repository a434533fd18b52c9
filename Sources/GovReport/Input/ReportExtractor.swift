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
            // Named .pdf, it is a download that went wrong: say it is no PDF.
            if (name as NSString).pathExtension.lowercased() == "pdf" { throw .notPDF }
            throw .unsupportedFormat(format: "binary data of an unknown format",
                                     advice: "check what was saved under this name; pass the report as PDF, Word, a web page or text")
        case .text:
            return try extractText(data: data, name: name, sha256: sha)
        }
    }

    /// A text report: tab-separated or laid out with spaces.
    static func extractText(data: Data, name: String, sha256 sha: String) throws(InputError) -> CanonicalReport {
        guard let text = TextDecoding.decode(data) else { throw .badEncoding }
        return try TextInput.extract(text: text, name: name, ext: (name as NSString).pathExtension.lowercased(), sha256: sha)
    }
}

extension ReportExtractor {
    /// A PDF report together with the page layouts (glyphs, lines, rulings) its tables were
    /// read from and the table finder's stages as they ran: for the debug view.
    public static func inspectPDF(path: String, tables: TableStrategy = .auto, ocr: OCRMode = .never) throws(InputError)
        -> PositionedReading {
        let data = try readFile(path)
        guard !data.isEmpty else { throw .empty }
        guard InputKind.isPDF(data) else { throw .notPDF }
        return try PDFReportReader.read(data: data, name: path, sha256: sha256Hex([UInt8](data)), strategy: tables, ocr: ocr)
    }
}

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
                               tables: TableStrategy = .auto) throws(InputError) -> CanonicalReport {
        try extract(data: readFile(path), name: displayPath ?? path, tables: tables)
    }

    /// The bytes of the report file at `path` (a name as govreport writes it, see `RawPath`):
    /// `notFound`, `isDirectory`, `notRegularFile` or `unreadable` when there are none.
    public static func readFile(_ path: String) throws(InputError) -> Data {
        guard let st = RawPath.status(path) else { throw .notFound }
        if st.st_mode & S_IFMT == S_IFDIR { throw .isDirectory }
        try requireRegularFile(st)
        do { return try RawPath.contents(of: path) } catch {
            throw .unreadable(error.localizedDescription)
        }
    }

    /// Throws `notRegularFile` for a device, FIFO or socket (reading `/dev/zero` would never
    /// end, and a FIFO would wait for a writer); a regular file or a link to one passes.
    static func requireRegularFile(_ st: stat) throws(InputError) {
        switch st.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return
        case S_IFCHR: throw .notRegularFile("a character device")
        case S_IFBLK: throw .notRegularFile("a block device")
        case S_IFIFO: throw .notRegularFile("a FIFO (named pipe)")
        case S_IFSOCK: throw .notRegularFile("a socket")
        default: throw .notRegularFile("an unknown kind of file")
        }
    }

    /// Extracts a report held in memory; `name` (a file name) chooses nothing but `source.path`
    /// and, when the bytes are ambiguous, the kind.
    public static func extract(data: Data, name: String,
                               tables: TableStrategy = .auto) throws(InputError) -> CanonicalReport {
        guard !data.isEmpty else { throw .empty }
        let sha = sha256Hex([UInt8](data))
        let ext = (name as NSString).pathExtension.lowercased()
        if data.starts(with: Array("%PDF".utf8)) || ext == "pdf" {
            guard data.prefix(1024).range(of: Data("%PDF".utf8)) != nil else { throw .notPDF }
            return try PDFReportReader.extract(data: data, name: name, sha256: sha, strategy: tables)
        }
        if HTMLReportReader.extensions.contains(ext) || HTMLReportReader.looksLikeHTML(data) {
            return try HTMLReportReader.extract(data: data, name: name, sha256: sha)
        }
        guard let text = TextDecoding.decode(data) else { throw .badEncoding }
        let reader = TextReportReader(text: text)
        let tables = reader.tables
        guard tables.applications != nil || tables.active != nil || tables.review != nil else { throw .notAReport }
        let source = CanonicalReport.Source(path: name, sha256: sha, kind: .text, pages: nil)
        return ReportAssembler.assemble(source: source, lines: reader.documentLines, tables: tables)
    }
}

extension ReportExtractor {
    /// A PDF report together with the page layouts (glyphs, lines, rulings) its tables were
    /// read from: for the debug view.
    public static func inspectPDF(path: String, tables: TableStrategy = .auto) throws(InputError)
        -> (report: CanonicalReport, layouts: [PageLayout]) {
        let data = try readFile(path)
        guard !data.isEmpty else { throw .empty }
        guard data.prefix(1024).range(of: Data("%PDF".utf8)) != nil else { throw .notPDF }
        return try PDFReportReader.read(data: data, name: path, sha256: sha256Hex([UInt8](data)), strategy: tables)
    }
}

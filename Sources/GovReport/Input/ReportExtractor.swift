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
                               tables: TableStrategy = .auto, ocr: OCRMode = .auto) throws(InputError) -> CanonicalReport {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw .notFound }
        if isDir.boolValue { throw .isDirectory }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(error.localizedDescription)
        }
        return try extract(data: data, name: displayPath ?? path, tables: tables, ocr: ocr)
    }

    /// Extracts a report held in memory; `name` (a file name) chooses nothing but `source.path`
    /// and, when the bytes are ambiguous, the kind.
    public static func extract(data: Data, name: String,
                               tables: TableStrategy = .auto, ocr: OCRMode = .auto) throws(InputError) -> CanonicalReport {
        guard !data.isEmpty else { throw .empty }
        let sha = sha256Hex([UInt8](data))
        let ext = (name as NSString).pathExtension.lowercased()
        if data.starts(with: Array("%PDF".utf8)) || ext == "pdf" {
            guard data.prefix(1024).range(of: Data("%PDF".utf8)) != nil else { throw .notPDF }
            return try PDFReportReader.extract(data: data, name: name, sha256: sha, strategy: tables, ocr: ocr)
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
    public static func inspectPDF(path: String, tables: TableStrategy = .auto, ocr: OCRMode = .auto) throws(InputError)
        -> (report: CanonicalReport, layouts: [PageLayout]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notFound }
        guard !data.isEmpty else { throw .empty }
        guard data.prefix(1024).range(of: Data("%PDF".utf8)) != nil else { throw .notPDF }
        return try PDFReportReader.read(data: data, name: path, sha256: sha256Hex([UInt8](data)), strategy: tables, ocr: ocr)
    }
}

import Foundation

/// What a file holds, told from its bytes (its name's extension only tells apart formats whose
/// bytes are the same: a web page fragment, a WPS document among Word binaries). A report
/// saved under the wrong extension is read as what it is; a format that holds no readable
/// report gets its own answer.
public enum InputKind: Equatable, Sendable {
    case pdf
    case html
    /// Plain text (tab-separated or laid out with spaces).
    case text
    /// A Word `.docx` package.
    case docx
    /// A word-processor file read after converting it to `.docx` (LibreOffice).
    case office(OfficeFormat)
    /// A format govreport does not read: what it is, and what to do.
    case unsupported(format: String, advice: String)
    /// Bytes of no format known here and no text.
    case binary

    public enum OfficeFormat: String, Sendable, CaseIterable {
        case doc, wps, rtf, odt

        var sourceKind: CanonicalReport.Source.Kind {
            switch self {
            case .doc: .doc
            case .wps: .wps
            case .rtf: .rtf
            case .odt: .odt
            }
        }
    }

    /// Extensions a folder walk takes: every kind govreport reads, and the formats it answers
    /// with an error of their own (so that `check` and `batch` can say what they skipped).
    public static let readableExtensions: Set<String> = [
        "pdf", "html", "htm", "shtml", "xhtml", "mht", "mhtml", "txt", "md", "markdown", "docx", "doc", "wps", "rtf", "odt",
    ]

    /// Tells what `data` is; `name` (a file name) only breaks ties between formats whose bytes
    /// are alike.
    public static func sniff(_ data: Data, name: String) -> InputKind {
        let ext = (name as NSString).pathExtension.lowercased()
        let head = [UInt8](data.prefix(4096))
        if isPDF(data) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return zip(data)
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return ole2(data, ext: ext) }
        if head.starts(with: Array("{\\rtf".utf8)) { return .office(.rtf) }
        if let image = imageFormat(head) {
            return .unsupported(format: "an image (\(image))",
                                advice: "a scanned report needs OCR first; pass the PDF or the text it was made from")
        }
        if let other = binaryFormat(head) { return .unsupported(format: other.format, advice: other.advice) }
        if HTMLReportReader.looksLikeHTML(data) || WebArchive.isArchive(head) { return .html }
        if let xml = officeXML(head) { return xml }
        if isBinary(head) { return .binary }
        // A web page fragment is told by its name; text with no markup in its head (Markdown or
        // a text report saved as .html) is text.
        if HTMLReportReader.extensions.contains(ext), hasMarkup(head) { return .html }
        return .text
    }

    // MARK: PDF

    /// Whether the bytes are a PDF: `%PDF` within the first KiB (it may follow a few bytes of
    /// junk, a BOM or a mail header), or a PDF whose header is damaged (see `hasDamagedPDFHeader`
    /// and `hasPDFObjects`), which Poppler is still asked to read, or to say what is wrong.
    public static func isPDF(_ data: Data) -> Bool {
        if data.prefix(1024).range(of: Data("%PDF".utf8)) != nil { return true }
        return hasDamagedPDFHeader([UInt8](data.prefix(64))) || hasPDFObjects(data)
    }

    /// A `%PDF-1.x` header with a byte flipped, lost or doubled near the start of the file:
    /// `%PDX-1.4`, `%DF-1.3`, `PDF-1.7` without its `%`. (Text reports do not begin so.)
    static func hasDamagedPDFHeader(_ head: [UInt8]) -> Bool {
        func isVersion(_ k: Int) -> Bool {
            k + 3 < head.count && head[k] == UInt8(ascii: "-") && (head[k + 1] == UInt8(ascii: "1") || head[k + 1] == UInt8(ascii: "2"))
                && head[k + 2] == UInt8(ascii: ".") && (48...57).contains(head[k + 3])
        }
        for k in head.indices where isVersion(k) {
            // `PDF` before the version, or `%` at most four bytes before it (`%PDF` with a byte
            // changed or lost in between).
            if k >= 3, head[(k - 3)..<k].elementsEqual("PDF".utf8) { return true }
            if head[max(0, k - 4)..<k].contains(UInt8(ascii: "%")) { return true }
        }
        return false
    }

    /// PDF object syntax (`12 0 obj` … `endobj`) in the first MiB: the body of a PDF whose head
    /// was lost (a download that kept only a later part of the file).
    static func hasPDFObjects(_ data: Data) -> Bool {
        let part = data.prefix(1 << 20)
        guard part.range(of: Data("endobj".utf8)) != nil else { return false }
        let bytes = [UInt8](part)
        let obj = Array(" obj".utf8)
        var k = 0
        while k + obj.count <= bytes.count {
            if bytes[k] == obj[0], bytes[k..<k + obj.count].elementsEqual(obj) {
                // `<number> <number> obj`
                var j = k - 1
                var digits = 0
                while j >= 0, (48...57).contains(bytes[j]) { j -= 1; digits += 1 }
                if digits > 0, j >= 1, bytes[j] == UInt8(ascii: " "), (48...57).contains(bytes[j - 1]) { return true }
            }
            k += 1
        }
        return false
    }

    // MARK: ZIP packages

    private static func zip(_ data: Data) -> InputKind {
        guard let names = DocxPackage.entryNames(data) else {
            return .unsupported(format: "a damaged ZIP archive", advice: "download it again")
        }
        let set = Set(names)
        if set.contains("word/document.xml") || set.contains(DocxPackage.contentTypes) && names.contains(where: { $0.hasPrefix("word/") }) {
            return .docx
        }
        if set.contains("mimetype"), let mime = try? DocxPackage.entry("mimetype", in: data) {
            let type = String(decoding: mime.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if type == "application/vnd.oasis.opendocument.text" { return .office(.odt) }
            if type.hasPrefix("application/vnd.oasis.opendocument.") {
                return .unsupported(format: "an OpenDocument file that is not a text document (\(type))",
                                    advice: "export the report as PDF or Word")
            }
        }
        if set.contains("OFD.xml") || names.contains(where: { $0.hasSuffix("/OFD.xml") }) {
            return .unsupported(format: "an OFD document (GB/T 33190)", advice: "export it to PDF")
        }
        if names.contains(where: { $0.hasPrefix("xl/") }) {
            return .unsupported(format: "an Excel workbook (.xlsx)", advice: "pass the report itself (PDF, Word, web page or text)")
        }
        if names.contains(where: { $0.hasPrefix("ppt/") }) {
            return .unsupported(format: "a PowerPoint presentation (.pptx)", advice: "pass the report itself (PDF, Word, web page or text)")
        }
        return .unsupported(format: "a ZIP archive", advice: "unpack it and pass the reports inside")
    }

    // MARK: OLE2 compound files (Word 97–2003, WPS, Excel, …)

    /// An OLE2 file's kind by the names of the streams in its directory (stored as UTF-16LE):
    /// a Word binary has a `WordDocument` stream (WPS writes the same format).
    private static func ole2(_ data: Data, ext: String) -> InputKind {
        func has(_ stream: String) -> Bool {
            let pattern = Data(stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return data.range(of: pattern) != nil
        }
        if has("WordDocument") { return .office(ext == "wps" ? .wps : .doc) }
        if has("EncryptedPackage") {
            return .unsupported(format: "a password-protected Office document",
                                advice: "remove the password (save it again without one) first")
        }
        if has("Workbook") || has("Book") {
            return .unsupported(format: "an Excel workbook (.xls)", advice: "pass the report itself (PDF, Word, web page or text)")
        }
        if has("PowerPoint Document") {
            return .unsupported(format: "a PowerPoint presentation (.ppt)", advice: "pass the report itself (PDF, Word, web page or text)")
        }
        if has("CONTENTS") || has("MatOST") {
            return .office(.wps)  // a Microsoft Works document: LibreOffice reads it too
        }
        return .unsupported(format: "an OLE2 compound file that is not a Word document",
                            advice: "open it in the program that wrote it and export the report as PDF or Word")
    }

    // MARK: other binaries

    private static func imageFormat(_ h: [UInt8]) -> String? {
        if h.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "PNG" }
        if h.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG" }
        if h.starts(with: Array("GIF87a".utf8)) || h.starts(with: Array("GIF89a".utf8)) { return "GIF" }
        if h.starts(with: [0x49, 0x49, 0x2A, 0x00]) || h.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "TIFF" }
        if h.count >= 26, h.starts(with: Array("BM".utf8)), h[6...9].allSatisfy({ $0 == 0 }),
           [12, 40, 52, 56, 64, 108, 124].contains(Int(h[14]) | Int(h[15]) << 8) { return "BMP" }
        if h.count >= 12, h.starts(with: Array("RIFF".utf8)), Array(h[8..<12]) == Array("WEBP".utf8) { return "WebP" }
        return nil
    }

    private static func binaryFormat(_ h: [UInt8]) -> (format: String, advice: String)? {
        let unpack = "unpack it and pass the reports inside"
        if h.starts(with: [0x1F, 0x8B]) { return ("a gzip-compressed file", unpack) }
        if h.starts(with: Array("Rar!".utf8)) { return ("a RAR archive", unpack) }
        if h.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return ("a 7z archive", unpack) }
        if h.starts(with: Array("BZh".utf8)), h.count > 3, (0x31...0x39).contains(h[3]) { return ("a bzip2-compressed file", unpack) }
        if h.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return ("an xz-compressed file", unpack) }
        return nil
    }

    /// Word's and Excel's single-file XML (Word 2003 XML, Word's flat XML; what many sites'
    /// "Word" downloads are), told by their processing instruction or root element: LibreOffice
    /// converts a Word one; a spreadsheet is no report.
    private static func officeXML(_ head: [UInt8]) -> InputKind? {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        guard text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<?xml") else { return nil }
        if text.contains("progid=\"word.document\"") || text.contains("<w:worddocument") { return .office(.doc) }
        if text.contains("progid=\"excel.sheet\"") {
            return .unsupported(format: "an Excel XML spreadsheet", advice: "pass the report itself (PDF, Word, web page or text)")
        }
        return nil
    }

    /// Whether text holds a tag (`<` and a letter, `</`, `<!`); in UTF-16 too.
    static func hasMarkup(_ bytes: [UInt8]) -> Bool {
        let h = bytes.filter { $0 != 0 }
        return Swift.zip(h, h.dropFirst()).contains { a, b in
            a == UInt8(ascii: "<") && (b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        }
    }

    /// Bytes no text report holds: NULs (outside UTF-16 text, which has a byte-order mark or
    /// a NUL in every other byte) or many control characters.
    static func isBinary(_ h: [UInt8]) -> Bool {
        guard !h.isEmpty else { return false }
        if h.starts(with: [0xFF, 0xFE]) || h.starts(with: [0xFE, 0xFF]) { return false }
        let even = stride(from: 0, to: h.count, by: 2).filter { h[$0] == 0 }.count
        let odd = stride(from: 1, to: h.count, by: 2).filter { h[$0] == 0 }.count
        let half = h.count / 2
        if half > 0, max(even, odd) * 10 >= half * 9, min(even, odd) == 0 { return false }  // UTF-16 without BOM
        let control = h.filter { $0 < 0x09 || (0x0E...0x1A).contains($0) || (0x1C...0x1F).contains($0) }.count
        return control * 20 > h.count
    }
}

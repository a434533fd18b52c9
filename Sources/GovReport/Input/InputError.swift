/// Why an input could not be turned into a report. Each case is a distinct, documented
/// failure with its own exit status in the CLI.
public enum InputError: Error, Sendable, Equatable {
    case notFound
    case isDirectory
    case unreadable(String)
    case empty
    case notPDF
    case damagedPDF(String)
    case encryptedPDF
    /// `readByOCR`: OCR read the pages and found no report tables on them.
    case noTextLayer(pages: Int, readByOCR: Bool = false)
    /// No text and no images: the words are drawn as vector outlines.
    case textAsOutlines(pages: Int)
    /// Fonts whose data poppler could not load (a CID font's CMap not installed): each with
    /// the Debian package that brings what it needs.
    case fontNotLoaded(fonts: [String], package: String)
    /// Glyphs with no way back to Unicode (a Type 3 or opaque font): the pages and why.
    case undecodableText(pages: [Int], why: String)
    case notAReport
    /// A Word document with the report's headings and pictures where its tables should be
    /// (the tables pasted as images): no numbers to read. Reported as `not_a_report`.
    case tablesAsPictures(pictures: Int)
    case badEncoding
    /// Elements (or JSON arrays and objects) nested deeper than the readers' limit.
    case tooDeeplyNested(limit: Int)
    /// A device, a FIFO or a socket, not a file.
    case notRegularFile(String)
    /// `extract`/`check`: the document took longer than `--timeout` and was stopped.
    case timeout(seconds: Double)
    /// `extract`/`check`: the document needed more memory than `--max-memory` allows.
    case memoryLimit(mebibytes: Int)
    /// The process reading the document died (a bug in govreport or a C library it uses).
    case crashed(String)
    /// A format govreport does not read (OFD, an archive, an image, …): what it is, what to do.
    case unsupportedFormat(format: String, advice: String)
    /// A word-processor file that needs LibreOffice to be converted, and it is not installed.
    case needsConverter(String)
    /// A Word package that cannot be read: a damaged ZIP, a part that unpacks past the cap, XML
    /// that is not well-formed or nests too deep.
    case damagedDocument(String)
    /// LibreOffice was there but did not convert the file.
    case conversionFailed(String)

    /// A short code for scripts and the batch manifest.
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .isDirectory: "is_directory"
        case .unreadable: "unreadable"
        case .empty: "empty_file"
        case .notPDF: "not_pdf"
        case .damagedPDF: "damaged_pdf"
        case .encryptedPDF: "encrypted_pdf"
        case .noTextLayer: "no_text_layer"
        case .textAsOutlines: "text_as_outlines"
        case .fontNotLoaded: "font_not_loaded"
        case .undecodableText: "undecodable_text"
        case .notAReport, .tablesAsPictures: "not_a_report"
        case .badEncoding: "bad_encoding"
        case .tooDeeplyNested: "too_deeply_nested"
        case .notRegularFile: "not_regular_file"
        case .timeout: "timeout"
        case .memoryLimit: "memory_limit"
        case .crashed: "crash"
        case .unsupportedFormat: "unsupported_format"
        case .needsConverter: "needs_converter"
        case .damagedDocument: "damaged_document"
        case .conversionFailed: "conversion_failed"
        }
    }

    /// What is wrong and what to do about it.
    public var explanation: String {
        switch self {
        case .notFound: "no such file; check the path"
        case .isDirectory: "is a directory; name the report files in it (or use a shell glob)"
        case .unreadable(let why): "cannot be read (\(why)); check its permissions"
        case .empty: "is empty (0 bytes); the download probably failed, fetch it again"
        case .notPDF: "is not a PDF (no %PDF header) and not a web page or text report; check what was saved under this name"
        case .damagedPDF(let why):
            "is a damaged or truncated PDF (\(why)); download it again or repair it (e.g. qpdf) first"
        case .encryptedPDF: "is password-protected; decrypt it first (e.g. qpdf --decrypt --password=…)"
        case .noTextLayer(let pages, let readByOCR):
            readByOCR
                ? "has no usable text layer: its \(pages) page(s) are images, and OCR found no report tables on them (a scan of something else, or too faint or coarse to read); check it by eye or get a better copy"
                : "has no usable text layer: its \(pages) page(s) are images (a scan or image-only PDF); read it with --ocr auto (needs Tesseract: libtesseract5, tesseract-ocr-chi-sim, tesseract-ocr-eng) or run OCR on it first"
        case .textAsOutlines(let pages):
            "has no text and no images on its \(pages) page(s): the words are drawn as vector outlines (a PDF printed with text converted to paths); run OCR on its rendered pages, or get the original document"
        case .fontNotLoaded(let fonts, let package):
            "has text in font(s) that could not be loaded (\(fonts.joined(separator: ", "))), so no text could be read; install the Debian package \(package) (apt-get install \(package)) and run again"
        case .undecodableText(let pages, let why):
            "has text that cannot be decoded on page(s) \(pages.map(String.init).joined(separator: ", ")): \(why); its numbers cannot be read from the text layer, run OCR on those pages"
        case .notAReport:
            "does not look like a government information-disclosure annual report (none of its standard tables or headings were found)"
        case .tablesAsPictures(let pictures):
            "has the report's headings but none of its tables as text: it holds \(pictures) picture(s), most likely the tables pasted as images; get a copy with real tables, or print it to PDF and read that with --ocr auto"
        case .badEncoding: "is text in an unknown encoding (not UTF-8, UTF-16, GB18030 or the charset a web page declares)"
        case .tooDeeplyNested(let limit):
            "nests its elements more than \(limit) levels deep; no report is built that way, check what was saved under this name"
        case .notRegularFile(let kind):
            "is \(kind), not a regular file; save the report to a file and name that"
        case .timeout(let seconds):
            "took longer than \(Self.seconds(seconds)) and was stopped; a larger --timeout tries it again"
        case .memoryLimit(let mib):
            "needed more than \(mib) MiB of memory and was stopped; a larger --max-memory tries it again"
        case .crashed(let how):
            "made the reading process crash (\(how)); please report it with the file"
        case .unsupportedFormat(let format, let advice): "is \(format); \(advice)"
        case .needsConverter(let format):
            "is \(format); reading it needs LibreOffice to convert it: install the Debian package "
                + "\(OfficeConverter.package) (or run Scripts/setup.sh --with-office)"
        case .damagedDocument(let why):
            "is a damaged or malformed Word document (\(why)); open it in Word, WPS or LibreOffice and save it again"
        case .conversionFailed(let why): "could not be converted to .docx: \(why)"
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() && s < 1e15 ? "\(Int(s)) s" : "\(s) s"
    }
}

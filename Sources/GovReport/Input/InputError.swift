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
    case noTextLayer(pages: Int)
    case notAReport
    case badEncoding

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
        case .notAReport: "not_a_report"
        case .badEncoding: "bad_encoding"
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
        case .noTextLayer(let pages):
            "has no usable text layer: its \(pages) page(s) are images (a scan or image-only PDF); read it with --ocr auto (needs Tesseract: libtesseract5, tesseract-ocr-chi-sim, tesseract-ocr-eng) or run OCR on it first"
        case .notAReport:
            "does not look like a government information-disclosure annual report (none of its standard tables or headings were found)"
        case .badEncoding: "is text in an unknown encoding (not UTF-8, UTF-16, GB18030 or the charset a web page declares)"
        }
    }
}

import Foundation

/// PDF input: poppler text layer → page layouts → tables and running text.
enum PDFReportReader {
    static func extract(data: Data, name: String, sha256: String) throws(InputError) -> CanonicalReport {
        throw .notAReport
    }
}

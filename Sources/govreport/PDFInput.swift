import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

/// The input of `debug` and `layout`, which look at PDF pages: any other file (a text report, a
/// web page) is said to be the wrong kind, with the command that reads it.
enum PDFInput {
    static func read(_ file: String, command: String) throws -> Data {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw fail(file, .cannotOpen(file))
        }
        guard !data.isEmpty else { throw fail(file, .empty) }
        guard InputKind.isPDF(data) else {
            let head = String(decoding: data.prefix(512), as: UTF8.self)
                .drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            let ext = (file as NSString).pathExtension.lowercased()
            let kind = head.hasPrefix("<") || ["html", "htm", "shtml", "xhtml"].contains(ext)
                ? "a web page" : "not a PDF"
            Stderr.line("govreport: \(file): is \(kind), and `govreport \(command)` shows PDF pages only; "
                        + "read its tables with `govreport extract` [not_pdf]")
            throw ExitCode(ExitStatus.unreadable)
        }
        return data
    }

    /// Opens the PDF, saying on stderr why it cannot be opened.
    static func open(_ file: String, data: Data) throws -> PopplerDocument {
        do { return try PopplerDocument(data: data) } catch {
            let e: InputError = switch error as? PDFOpenError {
            case .encrypted: .encryptedPDF
            case .damaged(let why): .damagedPDF(why)
            case nil: .damagedPDF(SystemError.reason(error))
            }
            throw fail(file, e)
        }
    }

    static func fail(_ file: String, _ error: InputError) -> ExitCode {
        Stderr.line("govreport: \(file): \(error.explanation) [\(error.code)]")
        return ExitCode(ExitStatus.status(for: error))
    }
}

import Foundation
import GovReport

/// The documented exit statuses (see `govreport --help` and the README's table).
public enum ExitStatus {
    public static let findings: Int32 = 1
    public static let usage: Int32 = 2
    public static let unreadable: Int32 = 3
    public static let encrypted: Int32 = 4
    public static let noTextLayer: Int32 = 5
    public static let notAReport: Int32 = 6
    /// `batch`: one or more inputs could not be extracted.
    public static let batchFailures: Int32 = 7
    /// `batch`, `merge`: the output cannot be written (or another batch holds the folder, or the
    /// workers cannot start).
    public static let outputUnusable: Int32 = 8
    /// Text whose glyphs cannot be decoded (`undecodable_text`).
    public static let undecodableText: Int32 = 9
    /// A `.doc`/`.wps`/`.rtf`/`.odt` input needs LibreOffice, which is not installed.
    public static let needsConverter: Int32 = 10
    /// `extract`, `check`: a document was stopped at its `--timeout` or `--max-memory`.
    public static let overLimit: Int32 = 11

    public static func status(for error: InputError) -> Int32 {
        switch error {
        case .encryptedPDF: encrypted
        case .noTextLayer, .textAsOutlines, .fontNotLoaded: noTextLayer
        case .undecodableText: undecodableText
        case .notAReport, .tablesAsPictures: notAReport
        case .needsConverter: needsConverter
        case .timeout, .memoryLimit: overLimit
        default: unreadable
        }
    }

    /// The status of an error code a worker answered (the codes of `InputError`, and those the
    /// other statuses are assigned to); any other code is an unreadable input.
    public static func status(forCode code: String) -> Int32 {
        switch code {
        case "encrypted_pdf": encrypted
        case "no_text_layer", "text_as_outlines", "font_not_loaded": noTextLayer
        case "not_a_report": notAReport
        case "undecodable_text": undecodableText
        case "needs_converter": needsConverter
        case "timeout", "memory_limit": overLimit
        default: unreadable
        }
    }
}

/// A command ends with `status`, its reason already said on stderr (the executable exits with it).
public struct CommandFailure: Error, Equatable {
    public let status: Int32

    public init(_ status: Int32) { self.status = status }
}

import Foundation
import ArgumentParser
import GovReport

/// The documented exit statuses (see `govreport --help`).
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 2
    static let unreadable: Int32 = 3
    static let encrypted: Int32 = 4
    static let noTextLayer: Int32 = 5
    static let notAReport: Int32 = 6
    /// `batch`: one or more inputs could not be extracted.
    static let batchFailures: Int32 = 7
    /// `batch`, `merge`: the output cannot be written (or another batch holds the folder, or the
    /// workers cannot start).
    static let outputUnusable: Int32 = 8

    static func status(for error: InputError) -> Int32 {
        switch error {
        case .encryptedPDF: encrypted
        case .noTextLayer: noTextLayer
        case .notAReport: notAReport
        default: unreadable
        }
    }
}

/// Diagnostics go to stderr, data to stdout.
enum Stderr {
    static func line(_ s: String) {
        var s = s
        if !s.hasSuffix("\n") { s += "\n" }
        FileHandle.standardError.write(s.data(using: .utf8)!)
    }
}

/// Runs extraction over inputs, reporting failures on stderr and carrying on.
struct InputRunner {
    var tables: TableStrategy = .auto
    var ocr: OCRMode = .auto
    private(set) var firstFailure: Int32?

    mutating func extract(_ path: String) -> CanonicalReport? {
        do {
            return try ReportExtractor.extract(path: path, tables: tables, ocr: ocr)
        } catch {
            fail(path, error)
            return nil
        }
    }

    /// Reports an input that could not be read, and remembers the first failure's status.
    mutating func fail(_ path: String, _ error: InputError) {
        Stderr.line("govreport: \(path): \(error.explanation) [\(error.code)]")
        if firstFailure == nil { firstFailure = ExitStatus.status(for: error) }
    }

    mutating func fail(_ path: String, message: String) {
        Stderr.line("govreport: \(path): \(message)")
        if firstFailure == nil { firstFailure = ExitStatus.unreadable }
    }
}


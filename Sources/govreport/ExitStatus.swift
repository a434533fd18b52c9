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
    /// `extract`, `check`: a document was stopped at its `--timeout` or `--max-memory`.
    static let overLimit: Int32 = 11
    /// A `.doc`/`.wps`/`.rtf`/`.odt` input needs LibreOffice, which is not installed.
    static let needsConverter: Int32 = 10
    /// Text whose glyphs cannot be decoded (`undecodable_text`).
    static let undecodableText: Int32 = 9

    static func status(for error: InputError) -> Int32 {
        switch error {
        case .encryptedPDF: encrypted
        case .noTextLayer, .textAsOutlines, .fontNotLoaded: noTextLayer
        case .undecodableText: undecodableText
        case .notAReport: notAReport
        case .needsConverter: needsConverter
        case .timeout, .memoryLimit: overLimit
        default: unreadable
        }
    }

    /// The status of an error code a worker answered (the codes of `InputError`, and those the
    /// other statuses are assigned to); any other code is an unreadable input.
    static func status(forCode code: String) -> Int32 {
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

/// Diagnostics go to stderr, data to stdout.
enum Stderr {
    /// A progress bar is on the terminal's last line: a message first clears it (the bar is
    /// drawn again at its next tick).
    nonisolated(unsafe) static var overBar = false

    static func line(_ s: String) {
        var s = s
        if !s.hasSuffix("\n") { s += "\n" }
        if overBar { s = "\r\u{1B}[K" + s }
        LibraryNoise.write(Array(s.utf8))
    }
}

/// Runs extraction over inputs, reporting failures on stderr and carrying on. With limits,
/// each document is read in a worker process that can be stopped (`IsolatedReader`).
struct InputRunner {
    var tables: TableStrategy = .auto
    var ocr: OCRMode = .never
    var reader: IsolatedReader?
    private(set) var firstFailure: Int32?

    init(tables: TableStrategy = .auto, ocr: OCRMode = .never, limits: DocumentLimits? = nil, provenance: Bool = false) {
        self.tables = tables
        self.ocr = ocr
        if let limits, limits.isolated {
            reader = IsolatedReader(limits: limits, tables: tables, ocr: ocr, provenance: provenance)
        }
    }

    /// The canonical document of `path` (with provenance when the runner was made with it), or
    /// nil after saying why there is none.
    mutating func document(_ path: String, provenance: Bool) -> JSONValue? {
        switch read(path, provenance: provenance) {
        case .success(let json): return json
        case .failure(let failure):
            fail(path, failure)
            return nil
        }
    }

    /// The document of `path` as read (in a worker when limited), or why there is none.
    /// `-` is one report on standard input (a pipe or a redirected file), read in this process.
    func read(_ path: String, provenance: Bool = true) -> Result<JSONValue, DocumentFailure> {
        if let reader, path != "-" { return reader.read(path) }
        return LibraryNoise.quieted { readHere(path, provenance: provenance) }
    }

    /// `read` in this process.
    private func readHere(_ path: String, provenance: Bool) -> Result<JSONValue, DocumentFailure> {
        FaultInjection.noise(path)
        if path == "-" {
            do {
                return .success(try ReportExtractor.extract(data: FileHandle.standardInput.readDataToEndOfFile(),
                                                            name: "-", tables: tables).json(provenance: provenance))
            } catch {
                return .failure(DocumentFailure(error))
            }
        }
        do {
            return .success(try ReportExtractor.extract(path: path, tables: tables, ocr: ocr).json(provenance: provenance))
        } catch {
            return .failure(DocumentFailure(error))
        }
    }

    /// Stops the worker and removes its temporary folder (before the command exits).
    mutating func finish() { reader = nil }

    /// Reports an input that could not be read, and remembers the first failure's status.
    mutating func fail(_ path: String, _ error: InputError) {
        fail(path, DocumentFailure(error))
    }

    mutating func fail(_ path: String, _ failure: DocumentFailure) {
        Stderr.line("govreport: \(path): \(failure.explanation) [\(failure.code)]")
        if firstFailure == nil { firstFailure = failure.status }
    }

    mutating func fail(_ path: String, message: String) {
        Stderr.line("govreport: \(path): \(message)")
        if firstFailure == nil { firstFailure = ExitStatus.unreadable }
    }
}


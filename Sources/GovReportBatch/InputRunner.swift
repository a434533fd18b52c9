import Foundation
import GovReport

/// Runs extraction over inputs, reporting failures on stderr and carrying on. With limits,
/// each document is read in a worker process that can be stopped (`IsolatedReader`).
public struct InputRunner {
    public var tables: TableStrategy = .auto
    public var ocr: OCRMode = .never
    var reader: IsolatedReader?
    /// The exit status of the first input that could not be read.
    public private(set) var firstFailure: Int32?

    public init(tables: TableStrategy = .auto, ocr: OCRMode = .never, limits: DocumentLimits? = nil, provenance: Bool = false) {
        self.tables = tables
        self.ocr = ocr
        if let limits, limits.isolated {
            reader = IsolatedReader(limits: limits, tables: tables, ocr: ocr, provenance: provenance)
        }
    }

    /// The canonical document of `path` (with provenance when the runner was made with it), or
    /// nil after saying why there is none.
    public mutating func document(_ path: String, provenance: Bool) -> JSONValue? {
        switch read(path, provenance: provenance) {
        case .success(let json): return json
        case .failure(let failure):
            fail(path, failure)
            return nil
        }
    }

    /// The document of `path` as read (in a worker when limited), or why there is none.
    /// `-` is one report on standard input (a pipe or a redirected file); with limits, it is
    /// copied to a file the worker reads, so it is bounded like any other document.
    public func read(_ path: String, provenance: Bool = true) -> Result<JSONValue, DocumentFailure> {
        if let reader { return reader.read(path) }
        return LibraryNoise.quieted { readHere(path, provenance: provenance) }
    }

    /// A document already read from standard input (`check` looks at it first for JSON),
    /// in a worker when limited.
    public func read(data: Data, name: String, provenance: Bool = true) -> Result<JSONValue, DocumentFailure> {
        if let reader { return reader.read(data: data, name: name) }
        return LibraryNoise.quieted { extractHere(data: data, name: name, provenance: provenance) }
    }

    private func extractHere(data: Data, name: String, provenance: Bool) -> Result<JSONValue, DocumentFailure> {
        do {
            return .success(try ReportExtractor.extract(data: data, name: name, tables: tables, ocr: ocr).json(provenance: provenance))
        } catch {
            return .failure(DocumentFailure(error))
        }
    }

    /// `read` in this process.
    private func readHere(_ path: String, provenance: Bool) -> Result<JSONValue, DocumentFailure> {
        FaultInjection.noise(path)
        if path == "-" {
            do {
                return .success(try ReportExtractor.extract(data: FileHandle.standardInput.readDataToEndOfFile(),
                                                            name: "-", tables: tables, ocr: ocr).json(provenance: provenance))
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
    public mutating func finish() { reader = nil }

    /// Reports an input that could not be read, and remembers the first failure's status.
    public mutating func fail(_ path: String, _ error: InputError) {
        fail(path, DocumentFailure(error))
    }

    public mutating func fail(_ path: String, _ failure: DocumentFailure) {
        Stderr.line("govreport: \(path): \(failure.explanation) [\(failure.code)]")
        if firstFailure == nil { firstFailure = failure.status }
    }

    public mutating func fail(_ path: String, message: String) {
        Stderr.line("govreport: \(path): \(message)")
        if firstFailure == nil { firstFailure = ExitStatus.unreadable }
    }
}


import Foundation
import GovReport

/// The bounds on reading one document: seconds (0: none) and the reading process's address
/// space in MiB (0: none).
public struct DocumentLimits: Sendable, Equatable {
    public var timeout: Double
    public var maxMemory: Int

    public init(timeout: Double, maxMemory: Int) {
        self.timeout = timeout; self.maxMemory = maxMemory
    }

    /// With neither bound, documents are read in this process.
    public var isolated: Bool { timeout > 0 || maxMemory > 0 }
}

/// Reads documents for `extract` and `check` in a `govreport worker` subprocess (the batch's
/// worker, one document at a time), so that a document that loops or eats memory is stopped
/// (Poppler cannot be interrupted mid-page) and fails alone with `timeout` or `memory_limit`
/// while the next one is read. What the C libraries print on the worker's stderr is kept out
/// of ours. The worker is started on first use and replaced after it is stopped or dies.
final class IsolatedReader {
    let limits: DocumentLimits
    let tables: TableStrategy
    let ocr: OCRMode
    let provenance: Bool
    private var worker: WorkerProcess?
    private var requestID = 0
    private lazy var directory: URL? = Posix.makeTemporaryDirectory(NSTemporaryDirectory() + "/govreport-XXXXXX")
        .map { URL(fileURLWithPath: $0) }

    init(limits: DocumentLimits, tables: TableStrategy, ocr: OCRMode, provenance: Bool) {
        self.limits = limits; self.tables = tables; self.ocr = ocr; self.provenance = provenance
    }

    deinit {
        if let worker {
            worker.closeInput()
            _ = worker.reap()
        }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// The canonical JSON document of `path` (with provenance when asked), or why there is none.
    /// `-` is standard input, copied to a file the worker reads (at most the memory cap).
    func read(_ path: String) -> Result<JSONValue, DocumentFailure> {
        guard path == "-" else { return run(path, name: nil) }
        guard let directory else { return .failure(Self.noDirectory) }
        let copy = directory.appendingPathComponent("standard-input")
        defer { try? FileManager.default.removeItem(at: copy) }
        let cap = limits.maxMemory > 0 ? limits.maxMemory : StandardInputCopy.defaultMaxMiB
        if let failure = StandardInputCopy.write(to: copy, maxMiB: cap) { return .failure(failure) }
        return run(copy.path, name: "-")
    }

    /// The document held in `data` (read from standard input already), named `name`.
    func read(data: Data, name: String) -> Result<JSONValue, DocumentFailure> {
        guard let directory else { return .failure(Self.noDirectory) }
        let copy = directory.appendingPathComponent("standard-input")
        defer { try? FileManager.default.removeItem(at: copy) }
        guard FileManager.default.createFile(atPath: copy.path, contents: data) else {
            return .failure(DocumentFailure(code: "output_error", explanation: "standard input cannot be copied to \(copy.path); check TMPDIR"))
        }
        return run(copy.path, name: name)
    }

    private static let noDirectory = DocumentFailure(code: "output_error", explanation: "cannot create a temporary folder in "
                                                     + NSTemporaryDirectory() + "; check TMPDIR")

    /// `path` read by the worker within the limits; `name` is what `source.path` records.
    private func run(_ path: String, name: String?) -> Result<JSONValue, DocumentFailure> {
        guard let directory else { return .failure(Self.noDirectory) }
        let output = directory.appendingPathComponent("document.json")
        requestID += 1
        let request = WorkRequest(id: requestID, path: path, output: output.path, name: name)
        let w: WorkerProcess
        do { w = try currentWorker(directory) } catch {
            return .failure(DocumentFailure(code: "output_error", explanation: "cannot start a worker: \(error)"))
        }
        w.clearStderr()
        let started = Posix.monotonicSeconds()
        w.send(request, stat: nil, now: started)
        // The time limit, longer once the worker says it reads pages by OCR.
        var allowed = limits.timeout
        while true {
            let fds = w.stderrFD >= 0 ? [w.stdoutFD, w.stderrFD] : [w.stdoutFD]
            let left = limits.timeout > 0 ? max(0, started + allowed - Posix.monotonicSeconds()) : 3600
            guard let ready = Posix.poll(fds, seconds: min(left, 3600) + 0.001) else { break }
            if fds.count > 1, ready[1] { w.drainStderr() }
            if ready[0] {
                guard let lines = w.readResults() else { return .failure(ended(w)) }
                for line in lines where line != WorkerReady.line {
                    if let p = WorkProgress(line: line), p.id == request.id {
                        allowed += p.allowance
                        continue
                    }
                    guard let result = WorkResult(line: line), result.id == request.id else { continue }
                    w.inFlight = nil
                    return answer(result, output: output)
                }
            }
            if limits.timeout > 0, Posix.monotonicSeconds() - started >= allowed {
                w.kill()
                _ = w.reap()
                worker = nil
                try? FileManager.default.removeItem(at: output)
                return .failure(DocumentFailure(.timeout(seconds: allowed)))
            }
        }
        w.kill()
        _ = w.reap()
        worker = nil
        return .failure(DocumentFailure(code: "crash", explanation: "the worker could not be waited for"))
    }

    private func currentWorker(_ directory: URL) throws -> WorkerProcess {
        if let worker { return worker }
        let args = WorkerArguments(tables: tables, ocr: ocr, temporaryDirectory: directory.path,
                                   parentPID: Posix.processID, maxMemoryMiB: limits.maxMemory,
                                   provenance: provenance).list
        let w = try WorkerProcess.spawn(executable: WorkerProcess.currentExecutable, arguments: args)
        worker = w
        return w
    }

    private func answer(_ result: WorkResult, output: URL) -> Result<JSONValue, DocumentFailure> {
        defer { try? FileManager.default.removeItem(at: output) }
        guard result.status == .ok else {
            return .failure(DocumentFailure(code: result.error ?? "crash", explanation: result.message ?? ""))
        }
        guard let data = FileManager.default.contents(atPath: output.path), let json = try? JSONValue.parse(data) else {
            return .failure(DocumentFailure(code: "output_error",
                                            explanation: "its document could not be read back from \(output.path)"))
        }
        return .success(json)
    }

    /// The worker ended while on the document: it ran out of memory, or crashed.
    private func ended(_ w: WorkerProcess) -> DocumentFailure {
        worker = nil
        let termination = w.reap()
        let cause = w.deathCause()
        if cause.outOfMemory, limits.maxMemory > 0 { return DocumentFailure(.memoryLimit(mebibytes: limits.maxMemory)) }
        return DocumentFailure(.crashed(termination.description + (cause.lastWords.map { "; last said: \($0)" } ?? "")))
    }
}

/// Standard input copied to a file a chunk at a time, so that a worker can read it: at most
/// the memory cap (a document larger than that could not be read within it; a pipe has no
/// size to check first, and `/dev/zero` never ends).
enum StandardInputCopy {
    /// The bound when `--max-memory 0` lifts the memory cap.
    static let defaultMaxMiB = 1024
    static let chunk = 1 << 20

    /// Nil when copied; else why not.
    static func write(to url: URL, maxMiB: Int) -> DocumentFailure? {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let file = try? FileHandle(forWritingTo: url) else {
            return DocumentFailure(code: "output_error", explanation: "standard input cannot be copied to \(url.path); check TMPDIR")
        }
        defer { try? file.close() }
        var total = 0
        while true {
            let data = FileHandle.standardInput.readData(ofLength: chunk)
            if data.isEmpty { return nil }
            total += data.count
            guard total <= maxMiB << 20 else { return DocumentFailure(.memoryLimit(mebibytes: maxMiB)) }
            do { try file.write(contentsOf: data) } catch {
                return DocumentFailure(code: "output_error",
                                       explanation: "standard input cannot be copied to \(url.path) (\(ErrorText.describe(error))); check TMPDIR")
            }
        }
    }
}

/// A document that could not be read: its error code, what is wrong and what to do, and the
/// exit status it sets.
public struct DocumentFailure: Error {
    public var code: String
    public var explanation: String

    public init(code: String, explanation: String) {
        self.code = code; self.explanation = explanation
    }

    public init(_ error: InputError) {
        self.init(code: error.code, explanation: error.explanation)
    }

    public var status: Int32 { ExitStatus.status(forCode: code) }
}

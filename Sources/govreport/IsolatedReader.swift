import ArgumentParser
import Foundation
import GovReport
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// `--timeout` and `--max-memory` of `extract` and `check`.
struct DocumentLimits: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds one document may take before it is stopped (0: no limit).",
                               valueName: "seconds"))
    var timeout: Double = 50

    @Option(help: ArgumentHelp("Memory cap of the process reading each document, in MiB (0: none).",
                               valueName: "MiB"))
    var maxMemory: Int = 1024

    func validate() throws {
        guard timeout >= 0, timeout.isFinite else { throw ValidationError("--timeout must be 0 (no limit) or a number of seconds") }
        guard maxMemory >= 0 else { throw ValidationError("--max-memory must be 0 (no cap) or a size in MiB") }
    }

    /// With neither bound, documents are read in this process.
    var isolated: Bool { timeout > 0 || maxMemory > 0 }
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
    private lazy var directory: URL? = {
        var template = Array((NSTemporaryDirectory() + "/govreport-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        return URL(fileURLWithPath: String(cString: made))
    }()

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
    func read(_ path: String) -> Result<JSONValue, DocumentFailure> {
        guard let directory else {
            return .failure(DocumentFailure(code: "output_error", explanation: "cannot create a temporary folder in "
                                                + NSTemporaryDirectory() + "; check TMPDIR"))
        }
        let output = directory.appendingPathComponent("document.json")
        requestID += 1
        let request = WorkRequest(id: requestID, path: path, output: output.path)
        let w: WorkerProcess
        do { w = try currentWorker(directory) } catch {
            return .failure(DocumentFailure(code: "output_error", explanation: "cannot start a worker: \(error)"))
        }
        w.clearStderr()
        let started = BatchRunner.now()
        _ = w.send(request, stat: nil, now: started)
        // The time limit, longer once the worker says it reads pages by OCR.
        var allowed = limits.timeout
        while true {
            var fds = [pollfd(fd: w.stdoutFD, events: Int16(POLLIN), revents: 0)]
            if w.stderrFD >= 0 { fds.append(pollfd(fd: w.stderrFD, events: Int16(POLLIN), revents: 0)) }
            let left = limits.timeout > 0 ? max(0, started + allowed - BatchRunner.now()) : 3600
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left, 3600) * 1000 + 1))
            if ready < 0, errno != EINTR { break }
            if fds.count > 1, fds[1].revents != 0 { w.drainStderr() }
            if fds[0].revents != 0 {
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
            if limits.timeout > 0, BatchRunner.now() - started >= allowed {
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
        var args = ["worker", "--tables", tables.rawValue, "--ocr", ocr.rawValue, "--temporary-directory", directory.path,
                    "--parent-pid", String(getpid())]
        if limits.maxMemory > 0 { args += ["--max-memory", String(limits.maxMemory)] }
        if provenance { args.append("--provenance") }
        let w = try WorkerProcess.spawn(executable: GovReportCommand.Batch.executablePath, arguments: args)
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

/// A document that could not be read: its error code, what is wrong and what to do, and the
/// exit status it sets.
struct DocumentFailure: Error {
    var code: String
    var explanation: String

    init(code: String, explanation: String) {
        self.code = code; self.explanation = explanation
    }

    init(_ error: InputError) {
        self.init(code: error.code, explanation: error.explanation)
    }

    var status: Int32 { ExitStatus.status(forCode: code) }
}

extension WorkerProcess {
    /// Why a worker that ended on a document ended: what it said last, and whether that says it
    /// ran out of memory (its address-space cap makes an allocation fail, and the Swift runtime
    /// or the C library then stops the process).
    func deathCause() -> (outOfMemory: Bool, lastWords: String?) {
        let said = stderrText
        let lastWords = said.split(separator: "\n").last.map { String($0.prefix(300)) }
        let lower = said.lowercased()
        let outOfMemory = ["alloc", "out of memory", "memory exhausted"].contains { lower.contains($0) }
        return (outOfMemory, lastWords)
    }
}

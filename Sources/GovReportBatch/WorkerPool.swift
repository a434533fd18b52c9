import Foundation
import GovReport

/// Runs a batch's documents through a pool of `govreport worker` subprocesses, one document in
/// flight per worker, so that a document that crashes Poppler, loops or eats memory costs only
/// itself: its worker is killed (timeout) or dies (signal, memory cap), the document is
/// recorded as failed with the reason, and a new worker takes over. Each result goes to the
/// manifest as it comes, so an interrupted batch loses at most the documents in flight.
final class WorkerPool {
    struct Settings {
        var jobs: Int
        var timeout: Double
        var maxMemoryMiB: Int
        var documentsPerWorker: Int
        var tables: TableStrategy
        var ocr: OCRMode = .never
        var executable: String
    }

    /// One input to extract, with the stat it had when the run was planned.
    struct Job: Equatable {
        var input: BatchInput
        var stat: FileStat?
    }

    let settings: Settings
    let layout: BatchLayout
    let manifest: ManifestLog
    let progress: BatchProgress
    private var workers: [WorkerProcess?]
    private var nextRequestID = 0
    private var queue = WorkQueue([])

    init(settings: Settings, layout: BatchLayout, manifest: ManifestLog, progress: BatchProgress) {
        self.settings = settings
        self.layout = layout
        self.manifest = manifest
        self.progress = progress
        workers = Array(repeating: nil, count: max(1, settings.jobs))
    }

    private var workerArguments: [String] {
        WorkerArguments(tables: settings.tables, ocr: settings.ocr, temporaryDirectory: layout.temporaryDirectory.path,
                        parentPID: Posix.processID, maxMemoryMiB: settings.maxMemoryMiB,
                        convertTimeout: WorkerArguments.convertTimeout(forDocumentTimeout: settings.timeout)).list
    }

    func run(_ jobs: [Job]) throws {
        // A worker that dies while we write to it is seen at its stdout's end, not as a signal here.
        Posix.ignoreBrokenPipe()
        // Interrupted (Ctrl-C, a scheduler's SIGTERM): the manifest has every result so far.
        Posix.onInterruptEndBatch()
        queue = WorkQueue(jobs)
        defer { shutDown() }
        while queue.hasWaiting || workers.contains(where: { $0?.inFlight != nil }) {
            // Hand out documents to idle workers, starting (or renewing) workers as needed.
            for i in workers.indices where queue.hasWaiting {
                if let w = workers[i], w.inFlight == nil, w.documentsDone >= settings.documentsPerWorker {
                    _ = w.reap()
                    workers[i] = nil
                }
                if workers[i] == nil {
                    workers[i] = try WorkerProcess.spawn(executable: settings.executable, arguments: workerArguments)
                }
                guard let w = workers[i], w.inFlight == nil, let job = queue.take() else { continue }
                nextRequestID += 1
                w.clearStderr()
                let request = WorkRequest(id: nextRequestID, path: job.input.path,
                                          output: layout.documentURL(for: job.input.path).path)
                // A worker that is gone shows as end of file on its stdout, handled below.
                w.send(request, stat: job.stat, now: Posix.monotonicSeconds())
            }
            try waitForWorkers()
            progress.tick()
        }
    }

    /// Waits (up to the nearest deadline, or a progress tick) for results, then handles what
    /// came: results, ended workers, documents past their time.
    private func waitForWorkers() throws {
        var fds: [Int32] = []
        var owners: [(index: Int, isStdout: Bool)] = []
        let now = Posix.monotonicSeconds()
        var wait = 0.25
        for (i, w) in workers.enumerated() {
            guard let w else { continue }
            if w.stdoutFD >= 0 {
                fds.append(w.stdoutFD)
                owners.append((i, true))
            }
            if w.stderrFD >= 0 {
                fds.append(w.stderrFD)
                owners.append((i, false))
            }
            if let f = w.inFlight { wait = min(wait, max(0, f.started + settings.timeout + f.extra - now)) }
        }
        guard let ready = Posix.poll(fds, seconds: wait) else { throw BatchIOError("wait for", "the workers") }
        // stderr first, so that a crash's last words are in the tail when its end of file is seen.
        for (k, owner) in owners.enumerated() where !owner.isStdout && ready[k] {
            workers[owner.index]?.drainStderr()
        }
        for (k, owner) in owners.enumerated() where owner.isStdout && ready[k] {
            guard let w = workers[owner.index] else { continue }
            if let lines = w.readResults() {
                for line in lines { try handle(line, from: w) }
            } else {
                try ended(owner.index)
            }
        }
        let later = Posix.monotonicSeconds()
        for (i, w) in workers.enumerated() {
            guard let w, let f = w.inFlight, later - f.started >= settings.timeout + f.extra else { continue }
            w.kill()
            _ = w.reap()
            try record(f, now: later, result: nil, error: "timeout",
                       message: WorkerFailure.timeoutMessage(settings.timeout + f.extra))
            workers[i] = nil
        }
    }

    private func handle(_ line: String, from w: WorkerProcess) throws {
        if line == WorkerReady.line {
            w.ready = true
            return
        }
        if let p = WorkProgress(line: line), w.inFlight?.request.id == p.id {
            w.inFlight?.extra += p.allowance
            return
        }
        guard let result = WorkResult(line: line), let f = w.inFlight, f.request.id == result.id else { return }
        w.inFlight = nil
        w.documentsDone += 1
        try record(f, now: Posix.monotonicSeconds(), result: result, error: result.error, message: result.message)
    }

    /// A worker's stdout ended: it exited or died. The document it was on (if any) is failed.
    private func ended(_ index: Int) throws {
        guard let w = workers[index] else { return }
        workers[index] = nil
        let termination = w.reap()
        let said = w.stderrText
        guard w.ready else {
            throw BatchIOError("start", "a worker (\(settings.executable) worker)",
                               reason: "it ended with \(termination.description) before it was ready"
                                   + (said.isEmpty ? "" : ": \(said.prefix(500))"))
        }
        guard let f = w.inFlight else { return }
        if termination.killed, queue.retryOnce(Job(input: BatchInput(path: f.request.path), stat: f.stat)) {
            Stderr.line("govreport: \(f.request.path): its worker was killed from outside (SIGKILL); trying it once more")
            return
        }
        let failure = WorkerFailure(termination: termination, cause: w.deathCause(), maxMemoryMiB: settings.maxMemoryMiB,
                                    retried: queue.wasRetried(f.request.path))
        try record(f, now: Posix.monotonicSeconds(), result: nil, error: failure.error, message: failure.message)
    }

    private func record(_ f: WorkerProcess.InFlight, now: Double, result: WorkResult?, error: String?,
                        message: String?) throws {
        var sha = result?.sha256
        var size = result?.size ?? f.stat?.size
        if result == nil {
            // The worker died before it could say: the manifest still identifies the content, and
            // a document from an earlier run of this input must not outlive this failure.
            if let data = try? RawPath.contents(of: f.request.path) {
                sha = sha256Hex([UInt8](data))
                size = Int64(data.count)
            }
            try? FileManager.default.removeItem(atPath: f.request.output)
        }
        let entry = ManifestEntry(path: f.request.path, sha256: sha, size: size,
                                  mtimeNanoseconds: f.stat?.mtimeNanoseconds,
                                  status: result?.status ?? .failed, error: error, message: message,
                                  seconds: now - f.started, findings: result?.findings ?? 0,
                                  finished: ManifestEntry.timestamp())
        try manifest.append(entry)
        progress.record(entry, ocrPages: result?.ocrPages ?? 0)
    }

    /// Lets the workers finish and exit (or kills those still on a document, after an error).
    private func shutDown() {
        for w in workers.compactMap({ $0 }) {
            if w.inFlight != nil { w.kill() }
            _ = w.reap()
        }
        workers = workers.map { _ in nil }
    }
}

/// The pool's bookkeeping of what is left to hand out: the planned jobs in order, and the
/// documents whose worker was killed from outside (SIGKILL: the OOM killer, an operator), which
/// are tried once more, before the rest.
struct WorkQueue {
    private let jobs: [WorkerPool.Job]
    private var next = 0
    private var retries: [WorkerPool.Job] = []
    /// The paths already tried again.
    private var retried = Set<String>()

    init(_ jobs: [WorkerPool.Job]) { self.jobs = jobs }

    /// Whether a job is waiting for a worker.
    var hasWaiting: Bool { next < jobs.count || !retries.isEmpty }

    /// The next job to hand out: a retry first, else the next planned one.
    mutating func take() -> WorkerPool.Job? {
        if !retries.isEmpty { return retries.removeFirst() }
        guard next < jobs.count else { return nil }
        next += 1
        return jobs[next - 1]
    }

    /// Queues `job` again after its worker was killed from outside, unless it was tried again
    /// already; whether it was queued.
    mutating func retryOnce(_ job: WorkerPool.Job) -> Bool {
        guard retried.insert(job.input.path).inserted else { return false }
        retries.append(job)
        return true
    }

    func wasRetried(_ path: String) -> Bool { retried.contains(path) }
}

/// The error code and message a document gets when its worker ended without answering.
struct WorkerFailure: Equatable {
    var error: String
    var message: String

    init(termination: Termination, cause: DeathCause, maxMemoryMiB: Int, retried: Bool) {
        if cause.outOfMemory {
            error = "memory_limit"
            message = "ran out of memory (--max-memory \(maxMemoryMiB) MiB): \(termination.description)"
        } else {
            error = "crash"
            message = "crash: \(termination.description)" + (retried ? " (again, after one retry)" : "")
        }
        if let lastWords = cause.lastWords { message += "; last said: \(lastWords)" }
    }

    static func timeoutMessage(_ timeout: Double) -> String {
        "took longer than \(ProgressFormat.duration(timeout)) and was stopped"
            + " (a larger --timeout and --retry-failed try it again)"
    }
}

/// The command line of a `govreport worker` (see `WorkerLoop`).
struct WorkerArguments: Equatable {
    var tables: TableStrategy
    var ocr: OCRMode
    var temporaryDirectory: String
    var parentPID: Int32
    var maxMemoryMiB: Int
    var convertTimeout: Double?
    var provenance = false

    var list: [String] {
        var args = ["worker", "--tables", tables.rawValue, "--ocr", ocr.rawValue,
                    "--temporary-directory", temporaryDirectory, "--parent-pid", String(parentPID)]
        if maxMemoryMiB > 0 { args += ["--max-memory", String(maxMemoryMiB)] }
        if let convertTimeout { args += ["--convert-timeout", String(convertTimeout)] }
        if provenance { args.append("--provenance") }
        return args
    }

    /// A conversion (.doc → .docx) ends, with its own error, before the document's time is up.
    static func convertTimeout(forDocumentTimeout timeout: Double) -> Double {
        max(1, (timeout * 0.8).rounded(.down))
    }
}

import Foundation
import GovReport
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs a batch's documents through a pool of `govreport worker` subprocesses, one document in
/// flight per worker, so that a document that crashes Poppler, loops or eats memory costs only
/// itself: its worker is killed (timeout) or dies (signal, memory cap), the document is
/// recorded as failed with the reason, and a new worker takes over. Each result goes to the
/// manifest as it comes, so an interrupted batch loses at most the documents in flight.
final class BatchRunner {
    struct Settings {
        var jobs: Int
        var timeout: Double
        var maxMemoryMiB: Int
        var documentsPerWorker: Int
        var tables: TableStrategy
        var ocr: OCRMode = .never
        var executable: String
    }

    struct Job {
        var input: BatchInput
        var stat: FileStat?
    }

    let settings: Settings
    let layout: BatchLayout
    let manifest: ManifestLog
    let progress: BatchProgress
    private var workers: [WorkerProcess?]
    private var nextRequestID = 0
    /// Documents whose worker was killed from outside (SIGKILL: the OOM killer, an operator),
    /// to be tried once more; and the paths already tried again.
    private var retries: [Job] = []
    private var retried = Set<String>()

    init(settings: Settings, layout: BatchLayout, manifest: ManifestLog, progress: BatchProgress) {
        self.settings = settings
        self.layout = layout
        self.manifest = manifest
        self.progress = progress
        workers = Array(repeating: nil, count: max(1, settings.jobs))
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private var workerArguments: [String] {
        var args = ["worker", "--tables", settings.tables.rawValue, "--ocr", settings.ocr.rawValue,
                    "--temporary-directory", layout.temporaryDirectory.path,
                    "--parent-pid", String(getpid())]
        if settings.maxMemoryMiB > 0 { args += ["--max-memory", String(settings.maxMemoryMiB)] }
        // A conversion (.doc → .docx) ends, with its own error, before the document's time is up.
        args += ["--convert-timeout", String(max(1, (settings.timeout * 0.8).rounded(.down)))]
        return args
    }

    func run(_ jobs: [Job]) throws {
        // A worker that dies while we write to it is seen at its stdout's end, not as a signal here.
        signal(SIGPIPE, SIG_IGN)
        // Interrupted (Ctrl-C, a scheduler's SIGTERM): the manifest has every result so far.
        signal(SIGINT, batchInterrupted)
        signal(SIGTERM, batchInterrupted)
        var next = 0
        defer { shutDown() }
        while next < jobs.count || !retries.isEmpty || workers.contains(where: { $0?.inFlight != nil }) {
            // Hand out documents to idle workers, starting (or renewing) workers as needed.
            for i in workers.indices where next < jobs.count || !retries.isEmpty {
                if let w = workers[i], w.inFlight == nil, w.documentsDone >= settings.documentsPerWorker {
                    _ = w.reap()
                    workers[i] = nil
                }
                if workers[i] == nil {
                    workers[i] = try WorkerProcess.spawn(executable: settings.executable, arguments: workerArguments)
                }
                guard let w = workers[i], w.inFlight == nil else { continue }
                let job: Job
                if retries.isEmpty {
                    job = jobs[next]
                    next += 1
                } else {
                    job = retries.removeFirst()
                }
                nextRequestID += 1
                w.clearStderr()
                let request = WorkRequest(id: nextRequestID, path: job.input.path,
                                          output: layout.documentURL(for: job.input.path).path)
                // A worker that is gone shows as end of file on its stdout, handled below.
                _ = w.send(request, stat: job.stat, now: Self.now())
            }
            try waitForWorkers()
            progress.tick()
        }
    }

    /// Waits (up to the nearest deadline, or a progress tick) for results, then handles what
    /// came: results, ended workers, documents past their time.
    private func waitForWorkers() throws {
        var fds: [pollfd] = []
        var owners: [(index: Int, isStdout: Bool)] = []
        let now = Self.now()
        var wait = 0.25
        for (i, w) in workers.enumerated() {
            guard let w else { continue }
            if w.stdoutFD >= 0 {
                fds.append(pollfd(fd: w.stdoutFD, events: Int16(POLLIN), revents: 0))
                owners.append((i, true))
            }
            if w.stderrFD >= 0 {
                fds.append(pollfd(fd: w.stderrFD, events: Int16(POLLIN), revents: 0))
                owners.append((i, false))
            }
            if let f = w.inFlight { wait = min(wait, max(0, f.started + settings.timeout + f.extra - now)) }
        }
        let ready = poll(&fds, nfds_t(fds.count), Int32((wait * 1000).rounded(.up)))
        if ready < 0, errno != EINTR { throw BatchIOError("wait for", "the workers") }
        if ready > 0 {
            // stderr first, so that a crash's last words are in the tail when its end of file is seen.
            for (k, owner) in owners.enumerated() where !owner.isStdout && fds[k].revents != 0 {
                workers[owner.index]?.drainStderr()
            }
            for (k, owner) in owners.enumerated() where owner.isStdout && fds[k].revents != 0 {
                guard let w = workers[owner.index] else { continue }
                if let lines = w.readResults() {
                    for line in lines { try handle(line, from: w) }
                } else {
                    try ended(owner.index)
                }
            }
        }
        let later = Self.now()
        for (i, w) in workers.enumerated() {
            guard let w, let f = w.inFlight, later - f.started >= settings.timeout + f.extra else { continue }
            w.kill()
            _ = w.reap()
            try record(f, now: later, result: nil, error: "timeout",
                       message: "took longer than \(ProgressFormat.duration(settings.timeout + f.extra)) and was stopped"
                           + " (a larger --timeout and --retry-failed try it again)")
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
        try record(f, now: Self.now(), result: result, error: result.error, message: result.message)
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
        if termination == .signal(SIGKILL), retried.insert(f.request.path).inserted {
            Stderr.line("govreport: \(f.request.path): its worker was killed from outside (SIGKILL); trying it once more")
            retries.append(Job(input: BatchInput(path: f.request.path), stat: f.stat))
            return
        }
        let (outOfMemory, lastWords) = w.deathCause()
        var message: String
        let error: String
        if outOfMemory {
            error = "memory_limit"
            message = "ran out of memory (--max-memory \(settings.maxMemoryMiB) MiB): \(termination.description)"
        } else {
            error = "crash"
            message = "crash: \(termination.description)"
                + (retried.contains(f.request.path) ? " (again, after one retry)" : "")
        }
        if let lastWords { message += "; last said: \(lastWords)" }
        try record(f, now: Self.now(), result: nil, error: error, message: message)
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

/// Ends an interrupted batch with a word on how to go on (only async-signal-safe calls). The
/// workers end with it: on a terminal they get the same SIGINT, otherwise they see their
/// parent gone.
private func batchInterrupted(_ signal: Int32) {
    let message = "\ngovreport: batch interrupted; run the same command again to go on where it stopped\n"
    _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    _exit(128 + signal)
}

import Foundation
import GovReport

/// A `govreport worker` subprocess, seen from its parent (the batch's pool, or `IsolatedReader`):
/// its pipes, the document it is on, and what it said on stderr lately (kept to tell a crash's
/// cause).
final class WorkerProcess {
    struct InFlight {
        var request: WorkRequest
        var stat: FileStat?
        var started: Double
        /// Seconds added to the time limit: the worker said it is reading pages by OCR.
        var extra = 0.0
    }

    let pid: Int32
    private(set) var stdinFD: Int32
    private(set) var stdoutFD: Int32
    private(set) var stderrFD: Int32
    var inFlight: InFlight?
    var documentsDone = 0
    /// Whether the worker said it is ready (it started and applied its limits).
    var ready = false
    private var pendingOut = LineBuffer()
    private(set) var stderrTail = TailBuffer(keep: 4096)

    private init(_ child: Posix.Child) {
        pid = child.pid; stdinFD = child.stdin; stdoutFD = child.stdout; stderrFD = child.stderr
    }

    deinit {
        for fd in [stdinFD, stdoutFD, stderrFD] { Posix.close(fd) }
    }

    /// Starts `executable` with `arguments`, its stdin, stdout and stderr piped to us.
    static func spawn(executable: String, arguments: [String]) throws -> WorkerProcess {
        WorkerProcess(try Posix.spawn(executable, arguments: arguments, environment: environment))
    }

    /// This program, to run as the workers.
    static var currentExecutable: String { Posix.executablePath }

    /// The workers' environment: ours, with the Swift runtime's crash backtraces off unless
    /// SWIFT_BACKTRACE asks for them (a crash is expected of some PDFs; its report is slow and
    /// only its last line is kept).
    static let environment: [String] = workerEnvironment(ProcessInfo.processInfo.environment)

    static func workerEnvironment(_ parent: [String: String]) -> [String] {
        var env = parent
        if env["SWIFT_BACKTRACE"] == nil { env["SWIFT_BACKTRACE"] = "enable=no" }
        return env.map { "\($0.key)=\($0.value)" }.sorted()
    }

    /// Hands the worker a document. False when the worker is gone (its stdin is closed).
    @discardableResult
    func send(_ request: WorkRequest, stat: FileStat?, now: Double) -> Bool {
        inFlight = InFlight(request: request, stat: stat, started: now)
        return (try? Posix.writeAll(stdinFD, Array((request.line + "\n").utf8), path: "a worker's stdin")) != nil
    }

    /// Reads what stdout has; returns the complete lines, or nil at end of file (the worker ended).
    func readResults() -> [String]? {
        switch Posix.read(stdoutFD, upTo: 65536) {
        case .end: return nil
        case .nothing: return []
        case .bytes(let bytes): return pendingOut.append(bytes)
        }
    }

    /// Reads what stderr has into the tail; false at end of file.
    @discardableResult
    func drainStderr() -> Bool {
        guard stderrFD >= 0 else { return false }
        switch Posix.read(stderrFD, upTo: 16384) {
        case .nothing: return true
        case .end:
            Posix.close(stderrFD)
            stderrFD = -1
            return false
        case .bytes(let bytes):
            stderrTail.append(bytes)
            return true
        }
    }

    /// Forgets what stderr said (at the start of each document).
    func clearStderr() { stderrTail.clear() }

    var stderrText: String { stderrTail.text }

    /// Tells the worker no more documents are coming: it finishes and exits.
    func closeInput() {
        Posix.close(stdinFD)
        stdinFD = -1
    }

    func kill() { Posix.kill(pid) }

    /// Waits for the worker to end (after it closed stdout, or was killed) and reads the rest of
    /// its stderr. Returns how it ended.
    func reap() -> Termination {
        closeInput()
        let termination = Posix.wait(pid)
        while drainStderr() {}
        Posix.close(stdoutFD)
        stdoutFD = -1
        return termination
    }

    /// Why a worker that ended on a document ended (see `DeathCause`).
    func deathCause() -> DeathCause { DeathCause(stderr: stderrText) }
}

/// Why a worker that ended on a document ended: what it said last, and whether that says it
/// ran out of memory (its address-space cap makes an allocation fail, and the Swift runtime
/// or the C library then stops the process).
struct DeathCause: Equatable {
    var outOfMemory: Bool
    var lastWords: String?

    init(stderr said: String) {
        lastWords = said.split(separator: "\n").last.map { String($0.prefix(300)) }
        let lower = said.lowercased()
        outOfMemory = ["alloc", "out of memory", "memory exhausted"].contains { lower.contains($0) }
    }
}

/// Bytes from a pipe cut into complete lines; a part line waits for the rest.
struct LineBuffer {
    private var pending: [UInt8] = []

    /// Adds `bytes`; the lines they complete (without their newlines).
    mutating func append(_ bytes: [UInt8]) -> [String] {
        pending.append(contentsOf: bytes)
        var lines: [String] = []
        while let nl = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[..<nl], as: UTF8.self))
            pending.removeSubrange(...nl)
        }
        return lines
    }
}

/// The last `keep` bytes of a stream (a worker's stderr).
struct TailBuffer {
    let keep: Int
    private(set) var bytes: [UInt8] = []

    init(keep: Int) { self.keep = keep }

    mutating func append(_ more: [UInt8]) {
        bytes.append(contentsOf: more)
        if bytes.count > keep { bytes.removeFirst(bytes.count - keep) }
    }

    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

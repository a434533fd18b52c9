import Foundation
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// A `govreport worker` subprocess, seen from the batch: its pipes, the document it is on, and
/// what it said on stderr lately (kept to tell a crash's cause).
final class WorkerProcess {
    struct InFlight {
        var request: WorkRequest
        var stat: FileStat?
        var started: Double
        /// Seconds added to the time limit: the worker said it is reading pages by OCR.
        var extra = 0.0
    }

    let pid: pid_t
    private(set) var stdinFD: Int32
    private(set) var stdoutFD: Int32
    private(set) var stderrFD: Int32
    var inFlight: InFlight?
    var documentsDone = 0
    /// Whether the worker said it is ready (it started and applied its limits).
    var ready = false
    private var pendingOut: [UInt8] = []
    private(set) var stderrTail: [UInt8] = []
    private static let stderrKeep = 4096

    private init(pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) {
        self.pid = pid; stdinFD = stdin; stdoutFD = stdout; stderrFD = stderr
    }

    deinit {
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
    }

    /// Starts `executable` with `arguments`, its stdin, stdout and stderr piped to us.
    static func spawn(executable: String, arguments: [String]) throws -> WorkerProcess {
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { throw BatchIOError("create a pipe for", "a worker") }
            // Not inherited by later workers (only the dup2'ed copies reach the child).
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            pipes.append(fds)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(pipes[0][0]); close(pipes[1][1]); close(pipes[2][1])
        guard rc == 0 else {
            close(pipes[0][1]); close(pipes[1][0]); close(pipes[2][0])
            throw BatchIOError("start a worker,", executable, errno: rc)
        }
        return WorkerProcess(pid: pid, stdin: pipes[0][1], stdout: pipes[1][0], stderr: pipes[2][0])
    }

    /// The workers' environment: ours, with the Swift runtime's crash backtraces off unless
    /// SWIFT_BACKTRACE asks for them (a crash is expected of some PDFs; its report is slow and
    /// only its last line is kept).
    static let environment: [String] = {
        var env = ProcessInfo.processInfo.environment
        if env["SWIFT_BACKTRACE"] == nil { env["SWIFT_BACKTRACE"] = "enable=no" }
        return env.map { "\($0.key)=\($0.value)" }.sorted()
    }()

    /// Hands the worker a document. False when the worker is gone (its stdin is closed).
    func send(_ request: WorkRequest, stat: FileStat?, now: Double) -> Bool {
        inFlight = InFlight(request: request, stat: stat, started: now)
        return (try? Posix.writeAll(stdinFD, Array((request.line + "\n").utf8), path: "a worker's stdin")) != nil
    }

    /// Reads what stdout has; returns the complete lines, or nil at end of file (the worker ended).
    func readResults() -> [String]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { read(stdoutFD, $0.baseAddress!, $0.count) }
        if n < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if n == 0 { return nil }
        pendingOut.append(contentsOf: chunk[0..<n])
        var lines: [String] = []
        while let nl = pendingOut.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pendingOut[..<nl], as: UTF8.self))
            pendingOut.removeSubrange(...nl)
        }
        return lines
    }

    /// Reads what stderr has into the tail; false at end of file.
    @discardableResult
    func drainStderr() -> Bool {
        guard stderrFD >= 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 16384)
        let n = chunk.withUnsafeMutableBytes { read(stderrFD, $0.baseAddress!, $0.count) }
        if n < 0, errno == EINTR || errno == EAGAIN { return true }
        if n <= 0 {
            close(stderrFD)
            stderrFD = -1
            return false
        }
        stderrTail.append(contentsOf: chunk[0..<n])
        if stderrTail.count > Self.stderrKeep { stderrTail.removeFirst(stderrTail.count - Self.stderrKeep) }
        return true
    }

    /// Forgets what stderr said (at the start of each document).
    func clearStderr() { stderrTail.removeAll(keepingCapacity: true) }

    var stderrText: String { String(decoding: stderrTail, as: UTF8.self) }

    /// Tells the worker no more documents are coming: it finishes and exits.
    func closeInput() {
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
    }

    func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits for the worker to end (after it closed stdout, or was killed) and reads the rest of
    /// its stderr. Returns how it ended.
    func reap() -> Termination {
        closeInput()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        while drainStderr() {}
        if stdoutFD >= 0 { close(stdoutFD); stdoutFD = -1 }
        let signal = status & 0x7f
        if signal != 0 { return .signal(signal) }
        return .exit((status >> 8) & 0xff)
    }

    enum Termination: Equatable {
        case exit(Int32)
        case signal(Int32)
    }
}

extension WorkerProcess.Termination {
    /// `signal 11 (SIGSEGV)`, `exit status 3`.
    var description: String {
        switch self {
        case .exit(let code): return "exit status \(code)"
        case .signal(let s):
            let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGBUS: "SIGBUS",
                                          SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGFPE: "SIGFPE", SIGTERM: "SIGTERM"]
            return "signal \(s)" + (names[s].map { " (\($0))" } ?? "")
        }
    }
}

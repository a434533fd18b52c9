import Foundation
import Glibc

// Every system call of the batch machinery and the command-line tool goes through this file
// (files and locks, pipes and worker processes, signals, limits, clocks), so that the rest reads
// as Swift and a port to another system has one file to change. It is written for Linux (Glibc):
// see the README's "Building".

/// An I/O failure on one of the batch's own files, naming the file and the system's reason.
public struct BatchIOError: Error, CustomStringConvertible {
    public var path: String
    public var action: String
    public var reason: String
    /// The errno behind it (0 when there is none).
    public var code: Int32 = 0

    public init(_ action: String, _ path: String, errno code: Int32 = Posix.lastError) {
        self.action = action
        self.path = path
        self.reason = Posix.reason(code)
        self.code = code
    }

    public init(_ action: String, _ path: String, reason: String) {
        self.action = action; self.path = path; self.reason = reason
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }
}

/// The system calls, each with its error as `BatchIOError` or a plain answer.
public enum Posix {
    static let standardOutput: Int32 = STDOUT_FILENO
    static let standardError: Int32 = STDERR_FILENO

    /// The errno of the last failed call.
    public static var lastError: Int32 { errno }

    /// The system's words for an errno (`No space left on device`).
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Whether `code` is the errno of a reader that went away (EPIPE).
    static func isBrokenPipe(_ code: Int32) -> Bool { code == EPIPE }

    // MARK: Files

    /// How a file is opened (always close-on-exec).
    enum OpenMode {
        /// For appending, created when missing (the manifest).
        case append
        /// Created or emptied (a temporary file).
        case truncate
        /// For writing, created (empty) when missing, its contents left as they are.
        case create
        /// For writing, only if it is there (a device, a FIFO).
        case existing
        /// For reading and writing, created when missing (a lock file).
        case lock
        /// For reading only.
        case read

        var flags: Int32 {
            switch self {
            case .append: O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC
            case .truncate: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
            case .create: O_WRONLY | O_CREAT | O_CLOEXEC
            case .existing: O_WRONLY | O_CLOEXEC
            case .lock: O_RDWR | O_CREAT | O_CLOEXEC
            case .read: O_RDONLY | O_CLOEXEC
            }
        }
    }

    /// Opens `path`; throws `BatchIOError(action, path)` with the system's reason.
    static func open(_ path: String, _ mode: OpenMode, action: String = "open") throws -> Int32 {
        let fd = Glibc.open(path, mode.flags, 0o644)
        guard fd >= 0 else { throw BatchIOError(action, path) }
        return fd
    }

    static func close(_ fd: Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    /// Writes all of `bytes` to `fd` (retrying short writes and EINTR).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BatchIOError("write", path)
            }
            offset += n
        }
    }

    /// What one `read(2)` of `fd` gives.
    enum ReadResult: Equatable {
        case bytes([UInt8])
        /// Nothing now (EINTR, EAGAIN): try again.
        case nothing
        /// End of file, or an error that ends the stream.
        case end
    }

    /// Reads up to `count` bytes of `fd`.
    static func read(_ fd: Int32, upTo count: Int) -> ReadResult {
        var chunk = [UInt8](repeating: 0, count: count)
        let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
        if n < 0 { return errno == EINTR || errno == EAGAIN ? .nothing : .end }
        if n == 0 { return .end }
        return .bytes(Array(chunk[0..<n]))
    }

    /// Flushes `fd` to the disk; false when the system says it could not.
    static func sync(_ fd: Int32) -> Bool { fsync(fd) == 0 }

    /// Flushes the file at `path` to the disk, as far as it can be opened (best effort).
    static func sync(path: String) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); _ = Glibc.close(fd) }
    }

    /// Renames `from` over `to`; throws `BatchIOError("rename into", to)`.
    static func rename(_ from: String, to: String) throws {
        if Glibc.rename(from, to) != 0 { throw BatchIOError("rename into", to) }
    }

    static func unlink(_ path: String) { _ = Glibc.unlink(path) }

    /// Removes a folder only if it is empty (rmdir(2)); a folder still holding files stays.
    static func removeIfEmpty(folder path: String) { _ = Glibc.rmdir(path) }

    /// Whether `path` names something that is there and is not a regular file (a device, a FIFO).
    /// The file `path` names (device and inode, links followed); nil when there is none.
    static func fileIdentity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG
    }

    /// Whether this process may read `path`.
    public static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// Why `path` cannot be read (the system's words: `No such file or directory`, `Is a
    /// directory`), or nil when it can.
    public static func whyUnreadable(_ path: String) -> String? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return reason(errno) }
        defer { Glibc.close(fd) }
        var byte: UInt8 = 0
        return Glibc.read(fd, &byte, 1) < 0 ? reason(errno) : nil
    }

    /// A new folder from a `mkdtemp(3)` template (`…XXXXXX`); nil when it cannot be made.
    static func makeTemporaryDirectory(_ template: String) -> String? {
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { return nil }
        return String(cString: made)
    }

    /// Takes an exclusive lock on `fd` without waiting; false when another process holds it.
    static func tryLock(_ fd: Int32) -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Flushes every C stdio stream (what a C library buffered for stderr).
    static func flushStdio() { fflush(nil) }

    /// A new descriptor (3 or above, close-on-exec) for what `fd` refers to; nil when none can be made.
    static func duplicate(_ fd: Int32) -> Int32? {
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        return copy >= 0 ? copy : nil
    }

    /// Makes `target` refer to what `fd` refers to; false when it cannot.
    static func redirect(_ target: Int32, to fd: Int32) -> Bool { dup2(fd, target) >= 0 }

    /// /dev/null opened for writing; nil when it cannot be.
    static func openNullDevice() -> Int32? {
        let fd = Glibc.open("/dev/null", O_WRONLY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// Writes as much of `bytes` to `fd` as it takes (retrying short writes and EINTR); stops
    /// silently at an error (for diagnostics, which have nowhere else to go).
    static func writeQuietly(_ fd: Int32, _ bytes: [UInt8]) {
        var at = 0
        while at < bytes.count {
            let n = bytes[at...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            at += n
        }
    }

    // MARK: This process

    /// This process's resident memory in MiB (from /proc/self/statm; 0 where unknown).
    static func residentMiB() -> Int {
        let fd = Glibc.open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { _ = Glibc.close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
        guard n > 0 else { return 0 }
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }

    /// Gives freed memory back to the system (glibc's `malloc_trim`).
    static func releaseFreeMemory() { _ = malloc_trim(0) }

    static var processID: Int32 { getpid() }

    /// Seconds on a clock that only goes forward (for timeouts and rates).
    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Whether `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// This program's own file, to run as the workers.
    static var executablePath: String {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return exe }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// Caps this process's address space at `mebibytes` MiB; the system's reason when it cannot.
    static func limitAddressSpace(mebibytes: Int) -> String? {
        var limit = rlimit(rlim_cur: rlim_t(mebibytes) << 20, rlim_max: rlim_t(mebibytes) << 20)
        return setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 ? nil : reason(errno)
    }

    static func setEnvironment(_ name: String, _ value: String) { setenv(name, value, 1) }

    /// Ends this process at once (no atexit handlers, no buffers flushed).
    static func exitNow(_ status: Int32) -> Never { _exit(status) }

    static func exit(_ status: Int32) -> Never { Glibc.exit(status) }

    /// A watch thread ends this process (status 70) when it is handed to another parent than
    /// `parent`: a worker whose batch was killed must not go on.
    static func exitWhenOrphaned(parent: Int32) {
        let thread = Thread {
            while true {
                if getppid() != parent { _exit(70) }
                Glibc.sleep(1)
            }
        }
        thread.start()
    }

    // MARK: Signals

    /// SIGPIPE ignored: a write to a pipe whose reader is gone fails with EPIPE instead.
    static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

    /// SIGPIPE, SIGINT and SIGTERM back to their default action (end the process).
    static func restoreDefaultSignals() {
        signal(SIGPIPE, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// SIGINT and SIGTERM end the batch with a word on how to go on (see `batchInterrupted`).
    static func onInterruptEndBatch() {
        signal(SIGINT, batchInterrupted)
        signal(SIGTERM, batchInterrupted)
    }

    /// Ends this process the way a filter killed by SIGPIPE ends (status 8 if it survives that).
    static func dieOfBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        Glibc.exit(8)
    }

    // MARK: Worker processes

    /// A started child process and our ends of its stdin, stdout and stderr.
    struct Child {
        var pid: pid_t
        var stdin: Int32
        var stdout: Int32
        var stderr: Int32
    }

    /// Starts `executable` with `arguments` and `environment` (`NAME=value`), its stdin, stdout
    /// and stderr piped to us.
    static func spawn(_ executable: String, arguments: [String], environment: [String]) throws -> Child {
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
        _ = Glibc.close(pipes[0][0]); _ = Glibc.close(pipes[1][1]); _ = Glibc.close(pipes[2][1])
        guard rc == 0 else {
            _ = Glibc.close(pipes[0][1]); _ = Glibc.close(pipes[1][0]); _ = Glibc.close(pipes[2][0])
            throw BatchIOError("start a worker,", executable, errno: rc)
        }
        return Child(pid: pid, stdin: pipes[0][1], stdout: pipes[1][0], stderr: pipes[2][0])
    }

    /// Kills `pid` (SIGKILL).
    static func kill(_ pid: pid_t) { _ = Glibc.kill(pid, SIGKILL) }

    /// Kills this process as the OOM killer would (SIGKILL).
    static func killSelf() { _ = Glibc.kill(getpid(), SIGKILL) }

    /// Waits for `pid` to end; how it ended.
    static func wait(_ pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        if signal != 0 { return .signal(signal) }
        return .exit((status >> 8) & 0xff)
    }

    /// Waits up to `seconds` until one of `fds` has something to read (or its end); which ones
    /// have. Nil when the wait itself failed (not when a signal interrupted it: then none is ready).
    static func poll(_ fds: [Int32], seconds: Double) -> [Bool]? {
        var entries = fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let milliseconds = Int32(min(seconds * 1000, Double(Int32.max)).rounded(.up))
        let ready = Glibc.poll(&entries, nfds_t(entries.count), milliseconds)
        if ready < 0 { return errno == EINTR ? fds.map { _ in false } : nil }
        return entries.map { $0.revents != 0 }
    }

    // MARK: Test hooks (`FaultInjection`)

    static func sleep(seconds: UInt32) { Glibc.sleep(seconds) }

    /// Allocates `bytes` and writes to every byte of them; false when the allocation fails.
    static func allocateAndTouch(_ bytes: Int) -> Bool {
        guard let p = malloc(bytes) else { return false }
        memset(p, 1, bytes)
        return true
    }

    static func abort() -> Never { Glibc.abort() }

    /// A real invalid access, as a Poppler bug would make (the process dies of SIGSEGV).
    static func crash() { UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1 }
}

/// How a worker process ended.
public enum Termination: Equatable, Sendable {
    case exit(Int32)
    case signal(Int32)

    /// Whether it was killed by SIGKILL (the OOM killer, an operator, our own timeout).
    var killed: Bool { self == .signal(SIGKILL) }

    /// `signal 11 (SIGSEGV)`, `exit status 3`.
    public var description: String {
        switch self {
        case .exit(let code): return "exit status \(code)"
        case .signal(let s):
            let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGBUS: "SIGBUS",
                                          SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGFPE: "SIGFPE", SIGTERM: "SIGTERM"]
            return "signal \(s)" + (names[s].map { " (\($0))" } ?? "")
        }
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

/// glibc's `malloc_trim`: gives freed memory back to the system.
@_silgen_name("malloc_trim") private func malloc_trim(_ pad: Int) -> Int32

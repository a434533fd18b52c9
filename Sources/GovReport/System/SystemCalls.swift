import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every system call of the GovReport library goes through this file (file status, reading
// files and folders by their bytes, the system's words for an errno, running a converter in a
// process group of its own), so that the rest reads as Swift over values and a port to another
// system has one file to change. The C libraries have their own wrappers: Poppler/, OCR/
// (libtesseract, opened with dlopen), HTML/LibXMLDocument (libxml2), Text/CharsetConversion
// (iconv).

/// A failed system call: the errno and the system's words for it (`Permission denied`).
public struct SystemCallError: Error, Equatable, Sendable {
    public var code: Int32
    public var reason: String { SystemCalls.reason(code) }

    init(_ code: Int32) { self.code = code }

    /// The error of the last failed call.
    static var last: SystemCallError { SystemCallError(errno) }

    /// Nothing is there (ENOENT).
    public var isNotFound: Bool { code == ENOENT }
}

enum SystemCalls {
    /// The system's words for an errno (`No space left on device`).
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The errnos `SystemError` names Foundation's file errors by.
    static let noSuchFile = ENOENT, noPermission = EACCES, noSpace = ENOSPC, readOnly = EROFS,
               exists = EEXIST, inputOutput = EIO

    // MARK: Files, by their bytes

    /// Calls `body` with the bytes as a NUL-terminated C string.
    static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { body($0) }
        }
    }

    /// What is at `path`: following links, or (`followingLinks: false`) the link itself.
    static func status(_ path: [UInt8], followingLinks: Bool = true) throws(SystemCallError) -> FileStatus {
        var st = stat()
        let rc = withCString(path) { followingLinks ? stat($0, &st) : lstat($0, &st) }
        guard rc == 0 else { throw .last }
        #if canImport(Darwin)
        let modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
        return FileStatus(kind: kind(st.st_mode), size: Int64(st.st_size), modifiedNanoseconds: modified)
    }

    private static func kind(_ mode: mode_t) -> FileStatus.Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        default: .unknown
        }
    }

    /// Whether this process may read `path`; the reason when it may not.
    static func checkReadable(_ path: [UInt8]) throws(SystemCallError) {
        guard withCString(path, { access($0, R_OK) }) == 0 else { throw .last }
    }

    /// Opens `path` for reading (close-on-exec).
    static func openForReading(_ path: [UInt8]) throws(SystemCallError) -> Int32 {
        let fd = withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw .last }
        return fd
    }

    /// Reads up to `buffer.count` bytes into `buffer` (again when interrupted); 0 at the end.
    static func readChunk(_ fd: Int32, into buffer: inout [UInt8]) throws(SystemCallError) -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n >= 0 { return n }
            if errno != EINTR { throw .last }
        }
    }

    static func closeFile(_ fd: Int32) { _ = close(fd) }

    /// The names in the folder `path` (without `.` and `..`), as bytes; throws when it cannot
    /// be listed.
    static func folderEntries(_ path: [UInt8]) throws(SystemCallError) -> [[UInt8]] {
        guard let dir = withCString(path, { opendir($0) }) else { throw .last }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names
    }

    // MARK: Processes

    /// Whether `path` is a file this process may run.
    static func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// How a program run by `runInOwnGroup` ended.
    enum Outcome: Equatable { case exited(Int32), timedOut, failedToStart(String) }

    /// Runs `args` in a new process group with stdin from /dev/null and its output to `log`,
    /// and kills the whole group (soffice starts soffice.bin) when it ends or times out.
    static func runInOwnGroup(_ args: [String], log: String, timeLimit: Double) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let cArgs = args.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, args[0], &actions, &attributes, cArgs, environ)
        guard rc == 0 else { return .failedToStart(reason(rc)) }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                kill(-pid, SIGKILL)  // anything it left running in its group
                let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                return .exited(code)
            }
            if r < 0, errno != EINTR { return .exited(-1) }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            usleep(20_000)
        }
    }
}

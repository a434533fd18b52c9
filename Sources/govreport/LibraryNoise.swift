import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the C libraries print straight to stderr while a document is read (Poppler's
/// `some font thing failed`, cairo, fontconfig, libjpeg warnings: `fprintf(stderr, …)`, which no
/// log handler sees). A worker's stderr is a pipe its parent keeps to itself (its tail tells a
/// crash's cause, `WorkerProcess.stderrTail`); a document read in this process (`--timeout 0
/// --max-memory 0`, `-`) runs with file descriptor 2 pointed at /dev/null instead, and
/// govreport's own messages go to a copy of the real stderr, so that in every mode stderr
/// carries only govreport's messages. (What Poppler says through GLib is in the document's
/// diagnostics either way.)
enum LibraryNoise {
    /// The real stderr: 2 until the first `quieted`, a duplicate of it after.
    nonisolated(unsafe) private(set) static var ownStderr: Int32 = STDERR_FILENO
    nonisolated(unsafe) private static var sink: Int32 = -1

    /// Runs `body` with file descriptor 2 pointed at /dev/null.
    static func quieted<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        fflush(nil)
        if ownStderr == STDERR_FILENO {
            let copy = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
            guard copy >= 0 else { return try body() }
            ownStderr = copy
        }
        if sink < 0 { sink = open("/dev/null", O_WRONLY | O_CLOEXEC) }
        guard sink >= 0, dup2(sink, STDERR_FILENO) >= 0 else { return try body() }
        defer {
            fflush(nil)
            dup2(ownStderr, STDERR_FILENO)
        }
        return try body()
    }

    /// Writes to the real stderr (whether or not a document is being read).
    static func write(_ bytes: [UInt8]) {
        var at = 0
        while at < bytes.count {
            let n = bytes[at...].withUnsafeBytes { Glibc.write(ownStderr, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            at += n
        }
    }
}

import ArgumentParser
import Foundation
import GovReport
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// Data on standard output, every write checked: a full disk or a failing device is an error
/// message and exit status 8 (as jq and sqlite3 do), never a silently cut document; a reader
/// that went away (`| head`) ends the program quietly, as it ends any Unix filter.
enum Stdout {
    /// Writes `text` and a newline.
    static func line(_ text: String) throws {
        try write(text.hasSuffix("\n") ? text : text + "\n")
    }

    static func write(_ text: String) throws {
        do {
            try Posix.writeAll(STDOUT_FILENO, Array(text.utf8), path: "standard output")
        } catch let failure as BatchIOError {
            if failure.code == EPIPE { closedPipe() }
            Stderr.line("govreport: standard output cannot be written (\(failure.reason)); the output is incomplete")
            throw ExitCode(ExitStatus.outputUnusable)
        }
    }

    /// The reader closed the pipe: stop without a word, the way a filter killed by SIGPIPE stops.
    static func closedPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(ExitStatus.outputUnusable)
    }
}

/// A file the user named for output (`check --out`, `debug --png`).
enum OutputFile {
    /// Whether `path` can be opened for writing (creating it, as an empty file, when it is not
    /// there); if not, says why on stderr, naming the file, and throws exit status 8.
    static func checkWritable(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            Stderr.line("govreport: \(path): cannot be written (\(SystemError.reason(errno: errno))); "
                        + "choose another output file")
            throw ExitCode(ExitStatus.outputUnusable)
        }
        close(fd)
    }

    /// Writes `bytes` to `path`: a regular file (or a new one) under a temporary name in its
    /// folder, renamed into place; anything else (a device, a FIFO) directly. A failure is said
    /// on stderr, naming the file and why, and is exit status 8.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            var st = stat()
            if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw BatchIOError("open", path) }
                defer { close(fd) }
                try Posix.writeAll(fd, bytes, path: path)
            } else {
                let url = URL(fileURLWithPath: path)
                try AtomicFile.write(bytes, to: url, temporaryDirectory: url.deletingLastPathComponent())
            }
        } catch let failure as BatchIOError {
            Stderr.line("govreport: \(path): cannot be written (\(failure.reason)); choose another output file")
            throw ExitCode(ExitStatus.outputUnusable)
        }
    }
}

import Foundation

/// Diagnostics go to stderr, data to stdout.
public enum Stderr {
    /// A progress bar is on the terminal's last line: a message first clears it (the bar is
    /// drawn again at its next tick).
    nonisolated(unsafe) static var overBar = false

    /// Writes `s` and a newline (clearing a progress bar first).
    public static func line(_ s: String) {
        var s = s
        if !s.hasSuffix("\n") { s += "\n" }
        if overBar { s = "\r\u{1B}[K" + s }
        LibraryNoise.write(Array(s.utf8))
    }

    /// Writes text to stderr as it is (no newline added).
    static func write(_ s: String) {
        LibraryNoise.write(Array(s.utf8))
    }
}

/// Data on standard output, every write checked: a full disk or a failing device is an error
/// message and exit status 8 (as jq and sqlite3 do), never a silently cut document; a reader
/// that went away (`| head`) ends the program quietly, as it ends any Unix filter.
public enum Stdout {
    /// Writes `text` and a newline.
    public static func line(_ text: String) throws {
        try write(text.hasSuffix("\n") ? text : text + "\n")
    }

    public static func write(_ text: String) throws {
        do {
            try Posix.writeAll(Posix.standardOutput, Array(text.utf8), path: "standard output")
        } catch let failure as BatchIOError {
            // The reader closed the pipe: stop without a word, the way a filter killed by SIGPIPE stops.
            if Posix.isBrokenPipe(failure.code) { Posix.dieOfBrokenPipe() }
            Stderr.line("govreport: standard output cannot be written (\(failure.reason)); the output is incomplete")
            throw CommandFailure(ExitStatus.outputUnusable)
        }
    }

    /// Whether standard output is a terminal that takes colour (and NO_COLOR is not set).
    public static var colorTerminal: Bool {
        Posix.isTerminal(Posix.standardOutput) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// A file the user named for output (`check --out`, `debug --png`).
public enum OutputFile {
    /// Whether `path` can be opened for writing (creating it, as an empty file, when it is not
    /// there); if not, says why on stderr, naming the file, and throws exit status 8.
    public static func checkWritable(_ path: String) throws {
        do {
            Posix.close(try Posix.open(path, .create))
        } catch let failure as BatchIOError {
            Stderr.line("govreport: \(path): cannot be written (\(failure.reason)); choose another output file")
            throw CommandFailure(ExitStatus.outputUnusable)
        }
    }

    /// Says so on stderr and throws exit status 2 when `path` is one of `inputs` (the same
    /// file, through a link too): writing it would destroy the input.
    public static func refuseInput(_ path: String, inputs: [String]) throws {
        guard let output = Posix.fileIdentity(path) else { return }
        for input in inputs where Posix.fileIdentity(input) == output {
            Stderr.line("govreport: \(path): is the input \(input); writing it would destroy the input; choose another output file")
            throw CommandFailure(ExitStatus.usage)
        }
    }

    /// Writes `bytes` to `path`: a regular file (or a new one) under a temporary name in its
    /// folder, renamed into place; anything else (a device, a FIFO) directly. A failure is said
    /// on stderr, naming the file and why, and is exit status 8.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            if Posix.isSpecialFile(path) {
                let fd = try Posix.open(path, .existing)
                defer { Posix.close(fd) }
                try Posix.writeAll(fd, bytes, path: path)
            } else {
                let url = URL(fileURLWithPath: path)
                try AtomicFile.write(bytes, to: url, temporaryDirectory: url.deletingLastPathComponent())
            }
        } catch let failure as BatchIOError {
            Stderr.line("govreport: \(path): cannot be written (\(failure.reason)); choose another output file")
            throw CommandFailure(ExitStatus.outputUnusable)
        }
    }
}

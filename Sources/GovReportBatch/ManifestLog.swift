import Foundation

/// The manifest: an append-only log of `ManifestEntry` lines, the last line for a path winning.
///
/// Opening it replays the log (a last line cut by a kill is ignored) and rewrites it compacted,
/// one line per path in path order, under a temporary name renamed into place; results are then
/// appended a line at a time with one `write(2)` each, which a killed process cannot leave half
/// done. So after any kill the manifest says exactly which inputs were finished.
public final class ManifestLog {
    public let url: URL
    public private(set) var entries: [String: ManifestEntry] = [:]
    /// Lines that were not manifest entries when the log was replayed (a line cut by a kill).
    public private(set) var skippedLines = 0
    private var fd: Int32 = -1

    /// Replays and compacts the log at `url` (a missing file is an empty manifest), then opens it
    /// for appending.
    public init(url: URL, temporaryDirectory: URL) throws {
        self.url = url
        if let data = FileManager.default.contents(atPath: url.path) {
            let replay = Self.replay(data)
            entries = replay.entries
            skippedLines = replay.skipped
        }
        try rewrite(temporaryDirectory: temporaryDirectory)
        fd = try Posix.open(url.path, .append)
    }

    deinit { Posix.close(fd) }

    /// The entries of a log's text, the last line for each path winning.
    public static func replay(_ data: Data) -> (entries: [String: ManifestEntry], skipped: Int) {
        var entries: [String: ManifestEntry] = [:]
        var skipped = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if let entry = ManifestEntry(line: String(decoding: line, as: UTF8.self)) {
                entries[entry.path] = entry
            } else {
                skipped += 1
            }
        }
        return (entries, skipped)
    }

    /// Records a result: in memory, and as one appended line.
    public func append(_ entry: ManifestEntry) throws {
        entries[entry.path] = entry
        try Posix.writeAll(fd, Array((entry.line + "\n").utf8), path: url.path)
    }

    /// Forgets the entries of `paths` and rewrites the log without them.
    public func remove(_ paths: [String], temporaryDirectory: URL) throws {
        for path in paths { entries[path] = nil }
        try rewrite(temporaryDirectory: temporaryDirectory)
    }

    /// Rewrites the log with one line per path, in path order (atomically).
    public func rewrite(temporaryDirectory: URL) throws {
        let file = try AtomicFile(url, temporaryDirectory: temporaryDirectory)
        for path in entries.keys.sorted(by: InputListing.pathPrecedes) {
            try file.write(entries[path]!.line + "\n")
        }
        try file.commit()
        if fd >= 0 {
            Posix.close(fd)
            fd = -1
            fd = try Posix.open(url.path, .append)
        }
    }
}

import Foundation
import GovReport

/// A file written under a temporary name and renamed over its destination when complete, so
/// that a reader, or a rerun after `kill -9`, sees the old file or the new one and never half
/// of one. The temporary name is in `temporaryDirectory`, which must be on the destination's
/// file system (the batch keeps it inside its output folder and empties it at start).
public final class AtomicFile {
    public let destination: URL
    public let temporary: URL
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var done = false
    private let durable: Bool
    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    /// `durable`: fsync before the rename (survives a power cut, not only a killed process).
    public init(_ destination: URL, temporaryDirectory: URL, durable: Bool = true) throws {
        self.destination = destination
        self.durable = durable
        let n = Self.counterLock.withLock { () -> Int in Self.counter += 1; return Self.counter }
        temporary = temporaryDirectory.appendingPathComponent("\(Posix.processID)-\(n)-\(destination.lastPathComponent)")
        fd = try Posix.open(temporary.path, .truncate, action: "create")
        buffer.reserveCapacity(1 << 16)
    }

    deinit { if !done { discard() } }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        try Posix.writeAll(fd, buffer, path: temporary.path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place (creating the destination's folder).
    public func commit() throws {
        try flush()
        if durable, !Posix.sync(fd) { throw BatchIOError("sync", temporary.path) }
        Posix.close(fd)
        fd = -1
        let folder = destination.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw BatchIOError("create", folder.path, reason: SystemError.reason(error))
            }
        }
        try Posix.rename(temporary.path, to: destination.path)
        done = true
    }

    /// Drops the temporary file; the destination is left as it was.
    public func discard() {
        Posix.close(fd)
        fd = -1
        Posix.unlink(temporary.path)
        done = true
    }

    /// Writes `bytes` to `destination` atomically in one go.
    public static func write(_ bytes: [UInt8], to destination: URL, temporaryDirectory: URL,
                             durable: Bool = true) throws {
        let file = try AtomicFile(destination, temporaryDirectory: temporaryDirectory, durable: durable)
        try file.write(bytes)
        try file.commit()
    }
}

import Foundation

/// Reads a file a line at a time in fixed-size chunks, so that a file of any size (a batch's
/// JSON Lines of a whole harvest) costs at most one line and one chunk of memory. A line
/// longer than `maxLength` bytes is not kept: it is given as `.tooLong` (its bytes skipped up
/// to the next newline) and the lines after it are read as usual.
public final class LineReader {
    public enum Line: Equatable {
        /// The line's bytes, without its newline (a carriage return before it is kept).
        case text([UInt8])
        /// A line longer than `maxLength` bytes; `length` is how long it was.
        case tooLong(length: Int)
    }

    public let maxLength: Int
    /// The 1-based number of the line `next()` gave last.
    public private(set) var lineNumber = 0
    private let fd: Int32
    private var chunk: [UInt8]
    private var start = 0, end = 0
    private var atEnd = false

    /// Opens `path` (a name govreport writes, see `RawPath`); nil when it cannot be opened.
    public init?(path: String, maxLength: Int, chunkSize: Int = 1 << 20) {
        guard let fd = try? SystemCalls.openForReading(RawPath.bytes(of: path)) else { return nil }
        self.fd = fd
        self.maxLength = maxLength
        chunk = [UInt8](repeating: 0, count: max(chunkSize, 16))
    }

    deinit { SystemCalls.closeFile(fd) }

    /// The next line, nil at the end of the file (or on a read error).
    public func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end {
                guard fill() else {
                    if length == 0 { return nil }
                    lineNumber += 1
                    return length > maxLength ? .tooLong(length: length) : .text(line)
                }
            }
            let newline = chunk[start..<end].firstIndex(of: UInt8(ascii: "\n"))
            let stop = newline ?? end
            let piece = stop - start
            if length + piece <= maxLength {
                line.append(contentsOf: chunk[start..<stop])
            } else if length <= maxLength {
                line = []
            }
            length += piece
            start = newline.map { $0 + 1 } ?? end
            if newline != nil {
                lineNumber += 1
                return length > maxLength ? .tooLong(length: length) : .text(line)
            }
        }
    }

    private func fill() -> Bool {
        guard !atEnd else { return false }
        guard let n = try? SystemCalls.readChunk(fd, into: &chunk), n > 0 else {
            atEnd = true
            return false
        }
        start = 0
        end = n
        return true
    }
}

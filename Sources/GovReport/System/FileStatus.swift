/// What is at a path, as `RawPath.status` tells it: the kind of file, its size and when it was
/// last changed.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket, unknown
    }

    public var kind: Kind
    /// Bytes.
    public var size: Int64
    /// The last change of its contents, in nanoseconds since 1970.
    public var modifiedNanoseconds: Int64

    public var isDirectory: Bool { kind == .directory }
    public var isRegularFile: Bool { kind == .regular }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a failed file operation says to a user: the system's own words for the cause (`Permission
/// denied`, `No space left on device`), never the name of the error type that carried it.
public enum SystemError {
    public static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(errno: posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return reason(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return reason(underlying) }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return reason(errno: ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return reason(errno: EACCES)
        case .fileWriteOutOfSpace: return reason(errno: ENOSPC)
        case .fileWriteVolumeReadOnly: return reason(errno: EROFS)
        case .fileWriteFileExists: return reason(errno: EEXIST)
        default: return "input/output error"
        }
    }

    public static func reason(errno code: Int32) -> String { String(cString: strerror(code)) }
}

extension InputError {
    /// Why the file at `path` could not be opened: `notFound` only when it is not there; a
    /// permission problem (or any other) says so.
    public static func cannotOpen(_ path: String) -> InputError {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return .isDirectory }
            let code = access(path, R_OK) == 0 ? EIO : errno
            return .unreadable(SystemError.reason(errno: code))
        }
        return errno == ENOENT ? .notFound : .unreadable(SystemError.reason(errno: errno))
    }
}

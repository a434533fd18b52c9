import Foundation

/// What a failed file operation says to a user: the system's own words for the cause (`Permission
/// denied`, `No space left on device`), never the name of the error type that carried it.
public enum SystemError {
    public static func reason(_ error: any Error) -> String {
        if let call = error as? SystemCallError { return call.reason }
        if let posix = error as? POSIXError { return reason(errno: posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return reason(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return reason(underlying) }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return reason(errno: SystemCalls.noSuchFile)
        case .fileReadNoPermission, .fileWriteNoPermission: return reason(errno: SystemCalls.noPermission)
        case .fileWriteOutOfSpace: return reason(errno: SystemCalls.noSpace)
        case .fileWriteVolumeReadOnly: return reason(errno: SystemCalls.readOnly)
        case .fileWriteFileExists: return reason(errno: SystemCalls.exists)
        default: return "input/output error"
        }
    }

    public static func reason(errno code: Int32) -> String { SystemCalls.reason(code) }
}

extension InputError {
    /// Why the file at `path` could not be opened: `notFound` only when it is not there; a
    /// permission problem (or any other) says so.
    public static func cannotOpen(_ path: String) -> InputError {
        let bytes = Array(path.utf8)
        do throws(SystemCallError) {
            if try SystemCalls.status(bytes).isDirectory { return .isDirectory }
            do throws(SystemCallError) {
                try SystemCalls.checkReadable(bytes)
                return .unreadable(SystemError.reason(errno: SystemCalls.inputOutput))
            } catch {
                return .unreadable(error.reason)
            }
        } catch {
            return error.isNotFound ? .notFound : .unreadable(error.reason)
        }
    }
}

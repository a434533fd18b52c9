import Foundation
import GovReport
import GRDB

/// An error in words for a message: what the batch's own errors say, SQLite's message, the
/// system's reason — never the name of a Swift or Foundation type.
public enum ErrorText {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let e as BatchIOError: return e.description
        case let e as DatabaseError: return "SQLite: " + (e.message ?? "result code \(e.resultCode.rawValue)")
        case is CocoaError, is POSIXError: return SystemError.reason(error)
        case let e as any CustomStringConvertible where !((error as NSError).domain.hasPrefix("NS")):
            return e.description
        default: return SystemError.reason(error)
        }
    }
}

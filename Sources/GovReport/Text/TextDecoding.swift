import Foundation

/// Decodes report text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.
enum TextDecoding {
    static func decode(_ data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return String(data: data.dropFirst(3), encoding: .utf8) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        if let s = String(data: data, encoding: .utf8) { return s.contains("\0") ? nil : s }
        if let s = decodeText([UInt8](data), charset: "GB18030"), !s.contains("\0") { return s }
        return nil
    }
}

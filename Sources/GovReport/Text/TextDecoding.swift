import Foundation

/// Bytes to text, for every reader of text: plain-text and Markdown reports (`decode(_:)`), web
/// pages (`decode(_:declared:)`, the charset their `<meta>` names found by `HTMLDecoding`).
/// Named charsets other than the Unicode ones go through iconv (`CharsetConversion`).
enum TextDecoding {
    enum Charset: Equatable, Sendable {
        case utf8, utf16LE, utf16BE
        /// GB2312, GBK and GB18030 text alike: GB18030 decodes all three.
        case gb18030
        /// Any other label, handed to iconv as written (big5, iso-8859-1, …).
        case other(String)
    }

    /// A text report: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; nil when none
    /// fits (or the text holds NUL characters: a binary file, or a wrong guess).
    static func decode(_ data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return String(data: data.dropFirst(3), encoding: .utf8) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        if let s = String(data: data, encoding: .utf8) { return s.contains("\0") ? nil : s }
        if let s = CharsetConversion.string([UInt8](data), charset: "GB18030"), !s.contains("\0") { return s }
        return nil
    }

    /// A saved web page: a byte-order mark, else the charset it `declared`, else UTF-8, else
    /// GB18030 (a superset of GBK and GB2312, which is what Chinese government sites without a
    /// declaration use); nil when no candidate fits its bytes.
    static func decode(_ bytes: [UInt8], declared: @autoclosure () -> Charset?) -> String? {
        if let (charset, skip) = byteOrderMark(bytes) { return decode(Array(bytes.dropFirst(skip)), as: charset) }
        if let declared = declared() {
            // A page re-saved as UTF-8 often keeps its old gb2312 declaration; GBK text is
            // practically never valid UTF-8, so valid UTF-8 with non-ASCII bytes wins.
            if declared == .gb18030, bytes.contains(where: { $0 >= 0x80 }), let s = decode(bytes, as: .utf8) {
                return s
            }
            if let s = decode(bytes, as: declared) { return s }
        }
        return decode(bytes, as: .utf8) ?? decode(bytes, as: .gb18030)
    }

    /// `bytes` in `charset`; nil when they are not valid in it or hold NUL characters (UTF-16
    /// read as a byte encoding).
    static func decode(_ bytes: [UInt8], as charset: Charset) -> String? {
        let text: String?
        switch charset {
        case .utf8: text = String(validating: bytes, as: UTF8.self)
        case .utf16LE: text = utf16(bytes, bigEndian: false)
        case .utf16BE: text = utf16(bytes, bigEndian: true)
        case .gb18030: text = CharsetConversion.string(bytes, charset: "GB18030")
        case .other(let name): text = CharsetConversion.string(bytes, charset: name)
        }
        guard let text, !text.contains("\0") else { return nil }
        return text
    }

    static func byteOrderMark(_ b: [UInt8]) -> (Charset, Int)? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if b.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if b.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    private static func utf16(_ b: [UInt8], bigEndian: Bool) -> String? {
        guard b.count % 2 == 0 else { return nil }
        let units = stride(from: 0, to: b.count, by: 2).map { i -> UInt16 in
            let (high, low) = bigEndian ? (b[i], b[i + 1]) : (b[i + 1], b[i])
            return UInt16(high) << 8 | UInt16(low)
        }
        return String(validating: units, as: UTF16.self)
    }

    /// Maps an encoding label as pages write it to the decoder to use.
    static func charset(named label: String) -> Charset {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            return .utf8
        // A meta tag cannot truthfully declare UTF-16 (it would not be readable as ASCII).
        case "utf-16", "utf-16le", "utf-16be", "unicode":
            return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "chinese", "csgb2312",
             "euc-cn", "gb_2312-80", "iso-ir-58", "csiso58gb231280":
            return .gb18030
        default:
            return .other(label)
        }
    }
}

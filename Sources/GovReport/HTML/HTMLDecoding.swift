/// Finds a saved web page's character encoding and decodes it: a byte-order mark, else the
/// charset the page declares in `<meta>`, else UTF-8, else GB18030 (a superset of GBK and
/// GB2312, which is what Chinese government sites without a declaration use).
enum HTMLDecoding {
    enum Charset: Equatable, Sendable {
        case utf8, utf16LE, utf16BE
        /// GB2312, GBK and GB18030 pages alike: GB18030 decodes all three.
        case gb18030
        /// Any other label, handed to iconv as written (big5, iso-8859-1, …).
        case other(String)
    }

    /// Decodes the page; nil when no candidate encoding fits its bytes.
    static func decode(_ bytes: [UInt8]) -> String? {
        if let (charset, skip) = byteOrderMark(bytes) { return decode(Array(bytes.dropFirst(skip)), as: charset) }
        if let declared = declaredCharset(bytes) {
            // A page re-saved as UTF-8 often keeps its old gb2312 declaration; GBK text is
            // practically never valid UTF-8, so valid UTF-8 with non-ASCII bytes wins.
            if declared == .gb18030, bytes.contains(where: { $0 >= 0x80 }), let s = decode(bytes, as: .utf8) {
                return s
            }
            if let s = decode(bytes, as: declared) { return s }
        }
        return decode(bytes, as: .utf8) ?? decode(bytes, as: .gb18030)
    }

    static func decode(_ bytes: [UInt8], as charset: Charset) -> String? {
        let text: String?
        switch charset {
        case .utf8: text = String(validating: bytes, as: UTF8.self)
        case .utf16LE: text = utf16(bytes, bigEndian: false)
        case .utf16BE: text = utf16(bytes, bigEndian: true)
        case .gb18030: text = decodeText(bytes, charset: "GB18030")
        case .other(let name): text = decodeText(bytes, charset: name)
        }
        // NUL characters mean the guess was wrong (UTF-16 read as a byte encoding).
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

    /// The charset named by a `<meta charset=…>` or `<meta http-equiv="Content-Type"
    /// content="…; charset=…">` in the first 4 KiB: the HTML standard's pre-parse scan,
    /// done on bytes because the text cannot be decoded before the encoding is known.
    static func declaredCharset(_ bytes: [UInt8]) -> Charset? {
        // Latin-1 maps each byte to one character, so offsets stay byte offsets.
        let head = String(bytes.prefix(4096).map { Character(Unicode.Scalar($0)) }).lowercased()
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[meta.upperBound..<tagEnd]
            if let value = charsetValue(in: tag) { return charset(named: value) }
            rest = rest[tagEnd...]
        }
        return nil
    }

    /// The token after `charset=` in a meta tag's text, quotes and spaces stripped.
    private static func charsetValue(in tag: Substring) -> String? {
        guard let r = tag.range(of: "charset") else { return nil }
        var s = tag[r.upperBound...].drop { $0 == " " }
        guard s.first == "=" else { return nil }
        s = s.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let value = s.prefix { !"\"'; />\t\n\r".contains($0) }
        return value.isEmpty ? nil : String(value)
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

/// A saved web page's text: the charset it declares in `<meta>` (found on its bytes), decoded
/// by `TextDecoding` (a byte-order mark first; UTF-8, then GB18030 when nothing fits).
enum HTMLDecoding {
    /// Decodes the page; nil when no candidate encoding fits its bytes.
    static func decode(_ bytes: [UInt8]) -> String? {
        TextDecoding.decode(bytes, declared: declaredCharset(bytes))
    }

    /// The charset named by a `<meta charset=…>` or `<meta http-equiv="Content-Type"
    /// content="…; charset=…">` in the first 4 KiB: the HTML standard's pre-parse scan,
    /// done on bytes because the text cannot be decoded before the encoding is known.
    static func declaredCharset(_ bytes: [UInt8]) -> TextDecoding.Charset? {
        // Latin-1 maps each byte to one character, so offsets stay byte offsets.
        let head = String(bytes.prefix(4096).map { Character(Unicode.Scalar($0)) }).lowercased()
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[meta.upperBound..<tagEnd]
            if let value = charsetValue(in: tag) { return TextDecoding.charset(named: value) }
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
}

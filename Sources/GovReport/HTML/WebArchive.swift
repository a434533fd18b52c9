import Foundation

/// A web page saved as one file (MHTML, "single file web page", `.mht`): a MIME message whose
/// parts are the page and its images. Word saves documents this way, and many sites publish
/// such files under `.doc`. The page is its first `text/html` part, decoded from quoted-printable
/// or base64, with the charset its part header names.
enum WebArchive {
    /// Whether the head of a file is a MIME message of several parts (MHTML).
    static func isArchive(_ head: [UInt8]) -> Bool {
        let text = latin1(head.prefix(4096)).lowercased()
        let start = text.drop { $0.isWhitespace }
        let headerFirst = ["mime-version:", "from:", "subject:", "date:", "content-type:", "content-location:", "x-"]
            .contains { start.hasPrefix($0) }
        return headerFirst && text.contains("multipart/") && text.contains("boundary")
    }

    /// The page of an archive: its HTML bytes and the charset its part header declares.
    static func page(_ data: Data) -> (html: [UInt8], charset: TextDecoding.Charset?)? {
        let text = latin1(data)
        guard let (headers, body) = split(text[...]), let boundary = parameter("boundary", in: headers["content-type"] ?? "")
        else { return nil }
        for part in body.components(separatedBy: "--" + boundary).dropFirst() {
            guard let (h, content) = split(Substring(part)) else { continue }
            let type = h["content-type"] ?? ""
            guard type.lowercased().contains("text/html") else { continue }
            let bytes: [UInt8]
            switch (h["content-transfer-encoding"] ?? "").lowercased().trimmingCharacters(in: .whitespaces) {
            case "quoted-printable": bytes = quotedPrintable(content)
            case "base64": bytes = [UInt8](Data(base64Encoded: content.filter { !$0.isWhitespace }) ?? Data())
            default: bytes = content.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
            }
            return (bytes, parameter("charset", in: type).map(TextDecoding.charset(named:)))
        }
        return nil
    }

    /// Bytes as Latin-1 text: one character per byte, so that nothing is lost before decoding.
    private static func latin1<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// A part's headers (names lower-cased, folded lines joined) and its content.
    private static func split(_ part: Substring) -> ([String: String], String)? {
        let lines = part.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        var headers: [String: String] = [:]
        var last: String?
        while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
            let line = lines[i]
            if let first = line.first, first == " " || first == "\t", let key = last {
                headers[key, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
                headers[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = key
            } else {
                break  // no header: text before the first part
            }
            i += 1
        }
        guard !headers.isEmpty else { return nil }
        return (headers, lines[min(i + 1, lines.count)...].joined(separator: "\n"))
    }

    /// A header's `name=value` parameter, quotes taken off.
    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let kv = piece.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            let value = kv[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next.
    static func quotedPrintable(_ text: String) -> [UInt8] {
        let s = Array(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x41...0x46: b - 0x37
            case 0x61...0x66: b - 0x57
            default: nil
            }
        }
        while i < s.count {
            if s[i] == UInt8(ascii: "="), i + 1 < s.count {
                if s[i + 1] == 0x0A { i += 2; continue }
                if s[i + 1] == 0x0D, i + 2 < s.count, s[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < s.count, let hi = hex(s[i + 1]), let lo = hex(s[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}

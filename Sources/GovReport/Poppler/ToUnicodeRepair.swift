import CPoppler
import Foundation

/// Some PDF writers put a supplementary-plane code point into a ToUnicode map as its bare hex
/// value (`<2F8B2>` for 成 U+2F8B2, a CJK Compatibility Ideograph) instead of its UTF-16 pair.
/// Poppler reads the first four digits (U+2F8B, the Kangxi radical ⾋ 艸), so the reader sees
/// a different character than the page prints. The map's own values are read here, and each
/// cut-off value that stands for exactly one written value is mapped back to it.
enum ToUnicodeRepair {
    /// A character that may be such a cut-off value: a Kangxi radical (U+2F00–U+2FDF, where
    /// U+2F800–U+2FA1F cut to four digits fall) — radicals are rare in running text.
    static func isSuspect(_ s: Unicode.Scalar) -> Bool { (0x2F00...0x2FDF).contains(s.value) }

    /// Cut-off value → the code point the ToUnicode maps of `pdf` wrote, for values written
    /// as 5 or 6 hex digits. Values two written code points share are left out.
    static func truncatedValues(in pdf: Data, inflate: (Data) -> Data?) -> [UInt32: Unicode.Scalar] {
        var found: [UInt32: Set<UInt32>] = [:]
        for stream in cmapStreams(pdf, inflate: inflate) {
            for (cut, value) in longValues(inCMap: stream) { found[cut, default: []].insert(value) }
        }
        var out: [UInt32: Unicode.Scalar] = [:]
        for (cut, values) in found where values.count == 1 {
            if let s = Unicode.Scalar(values.first!) { out[cut] = s }
        }
        return out
    }

    /// The decoded content of every stream that is a CMap (holds `beginbfchar`/`beginbfrange`).
    static func cmapStreams(_ pdf: Data, inflate: (Data) -> Data?) -> [String] {
        PDFStreams.decoded(pdf, inflate: inflate)
            .filter { $0.contains("beginbfchar") || $0.contains("beginbfrange") }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == needle[0] {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// (cut-off value, written value) for each destination of 5 or 6 hex digits in a CMap's
    /// `bfchar` and `bfrange` sections (a range's codes follow on from its first value).
    static func longValues(inCMap text: String) -> [(UInt32, UInt32)] {
        var out: [(UInt32, UInt32)] = []
        var section = ""
        var tokens: [String] = []
        func flushRange() {
            // <lo> <hi> <dst>
            guard tokens.count == 3, let lo = UInt32(tokens[0], radix: 16), let hi = UInt32(tokens[1], radix: 16),
                  hi >= lo, hi - lo < 0x10000 else { return }
            let dst = tokens[2]
            guard dst.count == 5 || dst.count == 6, let v = UInt32(dst, radix: 16), v >= 0x10000 else { return }
            let cut = UInt32(dst.prefix(4), radix: 16)!
            for n in 0...(hi - lo) { out.append((cut + n, v + n)) }
        }
        var scanner = Substring(text)
        while !scanner.isEmpty {
            let c = scanner.first!
            if c == "<" {
                guard let close = scanner.firstIndex(of: ">") else { break }
                let hex = String(scanner[scanner.index(after: scanner.startIndex)..<close]).filter { !$0.isWhitespace }
                tokens.append(hex)
                scanner = scanner[scanner.index(after: close)...]
                if section == "char", tokens.count == 2 {
                    let dst = tokens[1]
                    if dst.count == 5 || dst.count == 6, let v = UInt32(dst, radix: 16), v >= 0x10000 {
                        out.append((UInt32(dst.prefix(4), radix: 16)!, v))
                    }
                    tokens = []
                } else if section == "range", tokens.count == 3 {
                    flushRange()
                    tokens = []
                }
            } else if c == "[" {
                // A range mapped to an array of values: skip it.
                guard let close = scanner.firstIndex(of: "]") else { break }
                scanner = scanner[scanner.index(after: close)...]
                tokens = []
            } else if c.isLetter {
                let word = scanner.prefix { $0.isLetter }
                switch word {
                case "beginbfchar": section = "char"
                case "beginbfrange": section = "range"
                default: section = word.hasPrefix("end") ? "" : section
                }
                tokens = []
                scanner = scanner.dropFirst(word.count)
            } else {
                scanner = scanner.dropFirst()
            }
        }
        return out
    }
}

/// The streams of a PDF read straight from its bytes, for what poppler-glib does not expose.
enum PDFStreams {
    /// The decoded content of every unfiltered or Flate stream that is not an image or an
    /// embedded font file.
    static func decoded(_ pdf: Data, inflate: (Data) -> Data?) -> [String] {
        let bytes = [UInt8](pdf)
        let keyword = Array("stream".utf8), end = Array("endstream".utf8)
        var out: [String] = []
        var i = 0, dictStart = 0
        while let k = ToUnicodeRepair.find(keyword, in: bytes, from: i) {
            // "endstream" also contains "stream": skip it.
            if k >= 3, bytes[k - 3] == UInt8(ascii: "e"), bytes[k - 2] == UInt8(ascii: "n"), bytes[k - 1] == UInt8(ascii: "d") {
                i = k + keyword.count
                dictStart = i
                continue
            }
            var start = k + keyword.count
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            guard let stop = ToUnicodeRepair.find(end, in: bytes, from: start) else { break }
            // The stream's own dictionary: what follows the last "obj" before it.
            let window = String(decoding: bytes[max(dictStart, k - 600)..<k], as: UTF8.self)
            let dict = window.range(of: "obj", options: .backwards).map { String(window[$0.upperBound...]) } ?? window
            i = stop + end.count
            dictStart = i
            let compact = dict.replacingOccurrences(of: " ", with: "")
            let fontFile = dict.range(of: "/Length[123][^0-9]", options: .regularExpression) != nil
            let skipped = compact.contains("/Subtype/Image") || fontFile || compact.contains("/Subtype/Type1C")
                || compact.contains("/Subtype/CIDFontType0C") || compact.contains("/Subtype/OpenType")
            guard !skipped, stop - start < 1 << 22 else { continue }
            var raw: Data? = Data(bytes[start..<stop])
            if dict.contains("/ASCII85Decode") { raw = raw.flatMap(ascii85) }
            let content: Data?
            if dict.contains("/FlateDecode") { content = raw.flatMap(inflate) }
            else if !dict.contains("/Filter") || dict.contains("/ASCII85Decode") && !dict.contains("Decode /")
                        && !dict.contains("Decode/") { content = raw }
            else { content = nil }
            if let content { out.append(String(decoding: content, as: UTF8.self)) }
        }
        return out
    }

    /// Decodes ASCII base-85 (`<~ … ~>` optional, `z` for four zero bytes); nil when malformed.
    static func ascii85(_ data: Data) -> Data? {
        var out = [UInt8](), group = [UInt32]()
        out.reserveCapacity(data.count * 4 / 5)
        func flush(_ n: Int) {
            var value: UInt32 = 0
            for d in group + Array(repeating: 84, count: 5 - group.count) { value = value &* 85 &+ d }
            let bytes = [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            out += bytes.prefix(n)
            group = []
        }
        var body = [UInt8](data)
        if body.starts(with: Array("<~".utf8)) { body.removeFirst(2) }
        for b in body {
            switch b {
            case UInt8(ascii: "~"):
                if !group.isEmpty { flush(group.count - 1) }
                return Data(out)
            case UInt8(ascii: "z") where group.isEmpty: out += [0, 0, 0, 0]
            case 33...117:
                group.append(UInt32(b - 33))
                if group.count == 5 { flush(4) }
            case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00: continue
            default: return nil
            }
        }
        if !group.isEmpty { flush(group.count - 1) }
        return Data(out)
    }

    /// Whether a content stream sets text render mode 3 (invisible): `3 Tr`.
    static func setsInvisibleText(_ content: String) -> Bool {
        var rest = Substring(content)
        while let r = rest.range(of: "Tr") {
            let before = rest[..<r.lowerBound].reversed().drop { $0 == " " || $0 == "\n" || $0 == "\r" }
            let after = rest[r.upperBound...].first
            if before.first == "3", after.map({ !$0.isLetter }) ?? true {
                let prior = before.dropFirst().first
                if prior.map({ !$0.isNumber && $0 != "." }) ?? true { return true }
            }
            rest = rest[r.upperBound...]
        }
        return false
    }
}

/// Inflates zlib (FlateDecode) data through GIO's decompressor; nil when it is not zlib data.
func inflate(_ data: Data) -> Data? {
    guard let converter = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB) else { return nil }
    defer { g_object_unref(gpointer(converter)) }
    let input = [UInt8](data)
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var offset = 0
    while true {
        var read: gsize = 0, written: gsize = 0
        var error: UnsafeMutablePointer<GError>?
        let result = input.withUnsafeBufferPointer { inp in
            buffer.withUnsafeMutableBufferPointer { out in
                g_converter_convert(converter, inp.baseAddress.map { UnsafeRawPointer($0 + offset) },
                                    gsize(input.count - offset), out.baseAddress, gsize(out.count),
                                    G_CONVERTER_INPUT_AT_END, &read, &written, &error)
            }
        }
        if let error { g_error_free(error); return output.isEmpty ? nil : Data(output) }
        offset += Int(read)
        output += buffer[0..<Int(written)]
        if result == G_CONVERTER_FINISHED { return Data(output) }
        if result == G_CONVERTER_ERROR || (read == 0 && written == 0) { return output.isEmpty ? nil : Data(output) }
        if output.count > 1 << 24 { return nil }
    }
}

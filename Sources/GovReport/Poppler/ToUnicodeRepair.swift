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

    /// The decoded content of every stream that is a CMap (holds `beginbfchar`/`beginbfrange`):
    /// unfiltered or Flate streams, images skipped.
    static func cmapStreams(_ pdf: Data, inflate: (Data) -> Data?) -> [String] {
        let bytes = [UInt8](pdf)
        let keyword = Array("stream".utf8), end = Array("endstream".utf8)
        var out: [String] = []
        var i = 0, dictStart = 0
        while let k = find(keyword, in: bytes, from: i) {
            // "endstream" also contains "stream": skip it.
            if k >= 3, bytes[k - 3] == UInt8(ascii: "e"), bytes[k - 2] == UInt8(ascii: "n"), bytes[k - 1] == UInt8(ascii: "d") {
                i = k + keyword.count
                dictStart = i
                continue
            }
            var start = k + keyword.count
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            guard let stop = find(end, in: bytes, from: start) else { break }
            // The stream's own dictionary: what follows the last "obj" before it.
            let window = String(decoding: bytes[max(dictStart, k - 600)..<k], as: UTF8.self)
            let dict = window.range(of: "obj", options: .backwards).map { String(window[$0.upperBound...]) } ?? window
            i = stop + end.count
            dictStart = i
            let image = dict.replacingOccurrences(of: " ", with: "").contains("/Subtype/Image")
            guard !image, stop - start < 1 << 20 else { continue }
            let raw = Data(bytes[start..<stop])
            let content: Data?
            if dict.contains("/FlateDecode") { content = inflate(raw) }
            else if !dict.contains("/Filter") { content = raw }
            else { content = nil }
            guard let content else { continue }
            let text = String(decoding: content, as: UTF8.self)
            if text.contains("beginbfchar") || text.contains("beginbfrange") { out.append(text) }
        }
        return out
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
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

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The C library's iconv, behind one call: text in a named charset (GB18030, Big5, ISO-8859-1 …)
/// to a String. The only iconv user; every decoder goes through `TextDecoding`.
enum CharsetConversion {
    /// `bytes` in `charset` as a String; nil when iconv does not know the charset or the bytes
    /// are not valid in it (an illegal sequence, or one cut off at the end).
    static func string(_ bytes: [UInt8], charset: String) -> String? {
        let cd = iconv_open("UTF-8", charset)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 16)
        var inLeft = input.count
        var written = 0
        let ok = input.withUnsafeMutableBufferPointer { inBuf -> Bool in
            var inPtr = inBuf.baseAddress
            while true {
                var outLeft = output.count - written
                let result = output.withUnsafeMutableBufferPointer { outBuf -> Int in
                    var outPtr = outBuf.baseAddress.map { $0 + written }
                    defer { written = outBuf.count - outLeft }
                    // Converts what is left, then (with no input) writes any pending shift state.
                    let converted = inLeft > 0 ? iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) : 0
                    guard converted != -1 else { return -1 }
                    return iconv(cd, nil, nil, &outPtr, &outLeft)
                }
                if result != -1 { return true }
                // Only a full output buffer is worth another try: with more room.
                guard errno == E2BIG else { return false }
                output += [CChar](repeating: 0, count: output.count)
            }
        }
        guard ok else { return nil }
        return output.prefix(written).withUnsafeBufferPointer { buf in
            String(decoding: UnsafeRawBufferPointer(buf), as: UTF8.self)
        }
    }
}

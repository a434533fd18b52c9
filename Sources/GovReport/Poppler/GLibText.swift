import CPoppler

/// Converts text in `charset` (e.g. "GB18030") to a String through GLib's iconv wrapper.
/// Returns nil when the bytes are not valid in that charset.
public func decodeText(_ bytes: [UInt8], charset: String) -> String? {
    var error: UnsafeMutablePointer<GError>?
    var written: gsize = 0
    let out = bytes.withUnsafeBufferPointer { buf in
        buf.baseAddress?.withMemoryRebound(to: gchar.self, capacity: buf.count) { p in
            g_convert(p, gssize(buf.count), "UTF-8", charset, nil, &written, &error)
        }
    }
    if let error { g_error_free(error) }
    guard let out else { return nil }
    defer { g_free(out) }
    let utf8 = UnsafeBufferPointer(start: UnsafeRawPointer(out).assumingMemoryBound(to: UInt8.self), count: Int(written))
    return String(decoding: utf8, as: UTF8.self)
}

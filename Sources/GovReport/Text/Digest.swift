import Crypto

/// SHA-256 of a byte buffer, as lowercase hex (swift-crypto; several times faster than
/// GLib's GChecksum, which showed as 5% of a whole extraction).
public func sha256Hex(_ bytes: [UInt8]) -> String {
    let hex: [Character] = Array("0123456789abcdef")
    var out = ""
    out.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
    }
    return out
}

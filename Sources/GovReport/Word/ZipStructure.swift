import Foundation

/// Checks that a ZIP file's directory stays inside the file before ZIPFoundation reads it:
/// its in-memory reader traps on an offset past the end (a damaged or hostile package), so
/// every offset and size it will follow — the end record, the central directory and each
/// entry's local header and data, ZIP64 fields included — is bounded here first.
/// Layout: PKWARE APPNOTE 6.3.10, sections 4.3.6–4.3.16.
enum ZipStructure {
    /// Whether every record the archive points to lies within `data`.
    static func isSound(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        guard let directory = centralDirectory(bytes) else { return false }
        var p = directory.offset
        let end = directory.offset + directory.size
        for _ in 0..<directory.entries {
            guard p + 46 <= end, u32(bytes, p) == 0x0201_4b50 else { return false }
            var compressed = UInt64(u32(bytes, p + 20))
            var uncompressed = UInt64(u32(bytes, p + 24))
            let nameLength = Int(u16(bytes, p + 28)), extraLength = Int(u16(bytes, p + 30))
            let commentLength = Int(u16(bytes, p + 32))
            var local = UInt64(u32(bytes, p + 42))
            let extra = p + 46 + nameLength
            guard extra + extraLength + commentLength <= end else { return false }
            // ZIP64: the fields set to all ones follow in the extra field's 0x0001 block, in order.
            if uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                guard let block = zip64Block(bytes, from: extra, length: extraLength) else { return false }
                var q = block.start
                func next() -> UInt64? {
                    guard q + 8 <= block.end else { return nil }
                    defer { q += 8 }
                    return u64(bytes, q)
                }
                if uncompressed == 0xFFFF_FFFF { guard let v = next() else { return false }; uncompressed = v }
                if compressed == 0xFFFF_FFFF { guard let v = next() else { return false }; compressed = v }
                if local == 0xFFFF_FFFF { guard let v = next() else { return false }; local = v }
            }
            guard local <= UInt64(bytes.count), Int(local) + 30 <= bytes.count,
                  u32(bytes, Int(local)) == 0x0403_4b50 else { return false }
            let header = Int(local) + 30 + Int(u16(bytes, Int(local) + 26)) + Int(u16(bytes, Int(local) + 28))
            guard header <= bytes.count, compressed <= UInt64(bytes.count - header) else { return false }
            p = extra + extraLength + commentLength
        }
        return true
    }

    /// The central directory's entry count, offset and size, from the end record (and the ZIP64
    /// end record when the end record says so); nil when any of them points outside the file.
    static func centralDirectory(_ bytes: [UInt8]) -> (entries: Int, offset: Int, size: Int)? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var e = bytes.count - 22
        while e >= lowest, u32(bytes, e) != 0x0605_4b50 { e -= 1 }
        guard e >= lowest else { return nil }
        var entries = UInt64(u16(bytes, e + 10))
        var size = UInt64(u32(bytes, e + 12))
        var offset = UInt64(u32(bytes, e + 16))
        if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64 end-of-central-directory locator, just before the end record.
            guard e >= 20, u32(bytes, e - 20) == 0x0706_4b50 else { return nil }
            let record = u64(bytes, e - 20 + 8)
            guard record <= UInt64(bytes.count), Int(record) + 56 <= bytes.count,
                  u32(bytes, Int(record)) == 0x0606_4b50 else { return nil }
            entries = u64(bytes, Int(record) + 32)
            size = u64(bytes, Int(record) + 40)
            offset = u64(bytes, Int(record) + 48)
        }
        // Each central directory entry takes at least 46 bytes.
        guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset,
              entries <= size / 46 else { return nil }
        return (Int(entries), Int(offset), Int(size))
    }

    private static func zip64Block(_ bytes: [UInt8], from start: Int, length: Int) -> (start: Int, end: Int)? {
        var q = start
        let end = start + length
        while q + 4 <= end {
            let id = u16(bytes, q), size = Int(u16(bytes, q + 2))
            guard q + 4 + size <= end else { return nil }
            if id == 0x0001 { return (q + 4, q + 4 + size) }
            q += 4 + size
        }
        return nil
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    private static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}

import Foundation

/// File names are bytes; Swift strings are Unicode. A name that is not UTF-8 (a GBK name from
/// an archive unpacked on Linux) is written, wherever govreport shows or records it, with each
/// byte that is not part of valid UTF-8 as `%XX` (two upper-case hex digits) and every `%` of
/// that name as `%25`; a UTF-8 name is written as it is. `bytes(of:)` undoes it, so such a
/// name can be given back on the command line, in `source.path` or in a batch's outputs and
/// opens the same file.
public enum RawPath {
    /// The name as govreport writes it.
    public static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let s = String(validating: Array(bytes), as: UTF8.self) { return s }
        var out = ""
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            // The longest valid UTF-8 prefix is kept as text; the next byte is escaped.
            var n = 0
            var decoder = UTF8()
            var iterator = rest.makeIterator()
            var valid = ""
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s):
                    valid.unicodeScalars.append(s)
                    n += String(s).utf8.count
                case .emptyInput, .error:
                    break loop
                }
            }
            out += valid.replacingOccurrences(of: "%", with: "%25")
            rest = rest.dropFirst(n)
            if let bad = rest.first {
                out += "%" + String(bad, radix: 16, uppercase: true).leftPadded(to: 2)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// The bytes to open for a name govreport wrote: the name itself when a file of that name
    /// exists, else the name with its `%XX` escapes decoded (when it has any).
    public static func bytes(of path: String) -> [UInt8] {
        let plain = Array(path.utf8)
        guard path.contains("%"), !exists(plain), let decoded = unescape(path) else { return plain }
        return decoded
    }

    static func unescape(_ path: String) -> [UInt8]? {
        var out: [UInt8] = []
        let utf8 = Array(path.utf8)
        var i = 0
        var escaped = false
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let b = UInt8(String(decoding: utf8[i + 1...i + 2], as: UTF8.self), radix: 16) {
                out.append(b)
                i += 3
                escaped = true
            } else {
                out.append(utf8[i])
                i += 1
            }
        }
        return escaped ? out : nil
    }

    private static func exists(_ bytes: [UInt8]) -> Bool {
        (try? SystemCalls.status(bytes, followingLinks: false)) != nil
    }

    /// What is at a name govreport wrote (following links); nil when there is nothing there.
    public static func status(_ path: String) -> FileStatus? {
        try? SystemCalls.status(bytes(of: path))
    }

    /// The contents of the regular file at `path` (a name govreport wrote), read through its
    /// bytes. Throws the system's reason.
    public static func contents(of path: String) throws(SystemCallError) -> Data {
        let fd = try SystemCalls.openForReading(bytes(of: path))
        defer { SystemCalls.closeFile(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try SystemCalls.readChunk(fd, into: &chunk)
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    /// The entries of the folder `path` (a name govreport wrote): each name as govreport writes
    /// it and whether it is a folder (a link to a folder is not entered: it could loop). Nil
    /// when the folder cannot be listed.
    public static func entries(of path: String) -> [(name: String, isDirectory: Bool)]? {
        let dirBytes = bytes(of: path)
        guard let names = try? SystemCalls.folderEntries(dirBytes) else { return nil }
        return names.map { nameBytes in
            let full = dirBytes + (dirBytes.last == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]) + nameBytes
            let isDir = (try? SystemCalls.status(full, followingLinks: false))?.isDirectory ?? false
            return (string(nameBytes), isDir)
        }
    }

    /// Every file under the folder `root`, as paths relative to it (names as govreport writes
    /// them), in no particular order. `enter` says whether to go into a folder (given its
    /// relative path and name), `take` whether to keep a file. Walks without recursion, so a
    /// deep tree cannot exhaust the stack. Throws nothing: a folder that cannot be listed is
    /// passed to `unlistable` (the root's failure makes the result nil).
    public static func walk(_ root: String, enter: (_ relative: String, _ name: String) -> Bool,
                            take: (_ relative: String, _ name: String) -> Bool,
                            unlistable: (String) -> Void = { _ in }) -> [String]? {
        guard entries(of: root) != nil else { return nil }
        var files: [String] = []
        var pending: [String] = [""]
        while let rel = pending.popLast() {
            let dir = rel.isEmpty ? root : (root.hasSuffix("/") ? root + rel : root + "/" + rel)
            guard let list = entries(of: dir) else {
                unlistable(dir)
                continue
            }
            for (name, isDir) in list {
                let child = rel.isEmpty ? name : rel + "/" + name
                if isDir {
                    if enter(child, name) { pending.append(child) }
                } else if take(child, name) {
                    files.append(child)
                }
            }
        }
        return files
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

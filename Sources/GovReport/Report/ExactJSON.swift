import Foundation

/// Reads JSON text into a `JSONValue` exactly: numbers become `Decimal` from their digits (not
/// through `Double`) and objects keep their key order. `check` and the batch read canonical
/// documents back, and they must hold the numbers the report printed.
public enum ExactJSON {
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var offset: Int
        /// The text nests arrays and objects deeper than `maxDepth` (valid JSON perhaps, but
        /// not a document govreport writes, and deep enough to exhaust a stack).
        public var tooDeep = false
        public var description: String {
            tooDeep ? "JSON nested deeper than \(ExactJSON.maxDepth) levels at byte \(offset)"
                : "invalid JSON at byte \(offset)"
        }
    }

    /// How deep arrays and objects may nest. A canonical document nests 6 levels; the reader
    /// is recursive, so the limit is what keeps hostile input from overflowing the stack.
    public static let maxDepth = 512

    public static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        try parse(Array(data))
    }

    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes)
        let value = try reader.value()
        reader.skipSpace()
        guard reader.at == bytes.count else { throw SyntaxError(offset: reader.at) }
        return value
    }

    /// The JSON text with every space outside strings removed: the pretty canonical document
    /// becomes exactly its one-line form (`serialized(pretty: false)`), without a round trip
    /// through values.
    public static func compact(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for b in bytes {
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true }
                else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
                out.append(b)
            } else if b != 0x20, b != 0x0A, b != 0x0D, b != 0x09 {
                out.append(b)
            }
        }
        return out
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0
        var depth = 0

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
        }

        func fail() -> SyntaxError { SyntaxError(offset: at) }

        mutating func expect(_ literal: String) throws(SyntaxError) {
            for b in literal.utf8 {
                guard at < bytes.count, bytes[at] == b else { throw fail() }
                at += 1
            }
        }

        mutating func value() throws(SyntaxError) -> JSONValue {
            skipSpace()
            guard at < bytes.count else { throw fail() }
            switch bytes[at] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < ExactJSON.maxDepth else { throw SyntaxError(offset: at, tooDeep: true) }
                depth += 1
                defer { depth -= 1 }
                return bytes[at] == UInt8(ascii: "{") ? try object() : try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func object() throws(SyntaxError) -> JSONValue {
            at += 1
            var members: [JSONMember] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail() }
                let key = try string()
                skipSpace()
                try expect(":")
                members.append(JSONMember(key, try value()))
                skipSpace()
                guard at < bytes.count else { throw fail() }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                throw fail()
            }
        }

        mutating func array() throws(SyntaxError) -> JSONValue {
            at += 1
            var items: [JSONValue] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard at < bytes.count else { throw fail() }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                throw fail()
            }
        }

        mutating func number() throws(SyntaxError) -> Decimal {
            let start = at
            while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
            guard at > start, let text = String(bytes: bytes[start..<at], encoding: .ascii),
                  let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                at = start
                throw fail()
            }
            return d
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard at + 4 <= bytes.count, let text = String(bytes: bytes[at..<at + 4], encoding: .ascii),
                  let v = UInt32(text, radix: 16) else { throw fail() }
            at += 4
            return v
        }

        mutating func string() throws(SyntaxError) -> String {
            at += 1
            var out: [UInt8] = []
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                switch b {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw fail() }
                    let e = bytes[at]
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), at + 6 <= bytes.count,
                           bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") {
                            at += 2
                            let low = try hex4()
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + ((low &- 0xDC00) & 0x3FF)
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
                    default: throw fail()
                    }
                default:
                    out.append(b)
                }
            }
            throw fail()
        }
    }
}

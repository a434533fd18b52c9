import Foundation

/// A JSON value whose objects keep their keys in the order they were built, so the
/// canonical output follows the spec's order byte for byte.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var decimal: Decimal? { if case .number(let d) = self { return d }; return nil }

    /// The largest page number read back from JSON (PDF itself allows fewer pages).
    public static let maxPage = 10_000_000

    /// A number that is a whole number within `range`, as an `Int`; nil otherwise. Numbers read
    /// from a file are checked before they become fixed-width integers (a year of 2⁶³ must not
    /// trap the arithmetic that follows).
    public func integer(in range: ClosedRange<Int>) -> Int? {
        guard let d = decimal, d >= Decimal(range.lowerBound), d <= Decimal(range.upperBound) else { return nil }
        let n = NSDecimalNumber(decimal: d).intValue
        return Decimal(n) == d ? n : nil
    }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var members: [JSONMember]? { if case .object(let m) = self { return m }; return nil }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) { self.key = key; self.value = value }
}

extension JSONValue {
    /// Serializes with two-space indentation (or on one line), non-ASCII text kept as UTF-8.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += JSONValue.format(d)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, into: &out, indent: indent) { i, out, inner in
                items[i].write(into: &out, indent: inner)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, into: &out, indent: indent) { i, out, inner in
                JSONValue.writeString(members[i].key, into: &out)
                out += inner == nil ? ":" : ": "
                members[i].value.write(into: &out, indent: inner)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, into out: inout String, indent: Int?,
                                element: (Int, inout String, Int?) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        let inner = indent.map { $0 + 2 }
        for i in 0..<count {
            if i > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            element(i, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    static func format(_ d: Decimal) -> String {
        var d = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &d, 6, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Parses JSON text exactly: numbers as decimals from their digits, key order kept
    /// (see `ExactJSON`).
    public static func parse(_ data: Data) throws -> JSONValue {
        try ExactJSON.parse(data)
    }
}

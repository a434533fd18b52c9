import Foundation

/// A table cell's text read as a value.
public enum CellValue: Sendable, Equatable {
    /// Nothing printed in the cell.
    case blank
    /// A non-number placeholder: —, -, /, 无.
    case placeholder(String)
    /// A number, with the unit printed beside it (元, 万元) if any.
    case number(Decimal, unit: String?)
    /// Text that is neither a number nor a known placeholder.
    case text(String)

    public var number: Decimal? {
        if case .number(let d, _) = self { return d }
        return nil
    }
}

public enum ValueParser {
    static let placeholders: Set<String> = ["-", "/", "无", "\\", "--", "---", "—", "——", "×", "x", "X", "空", "-/-"]
    static let units = ["万元", "元", "件", "条", "项", "个"]

    /// Reads a cell's text: `０`, `1,234`, `1 234`, `12.50万元`, `-3` are numbers;
    /// `—`, `/`, `无` are placeholders; an empty cell is blank.
    public static func parse(_ raw: String) -> CellValue {
        var s = TextNormalizer.key(raw)
        if s.isEmpty { return .blank }
        if placeholders.contains(s) || s.allSatisfy({ "-/\\".contains($0) }) { return .placeholder(s) }
        var unit: String?
        for u in units where s.hasSuffix(u) && s.count > u.count {
            unit = u
            s.removeLast(u.count)
            break
        }
        s.removeAll { $0 == "," || $0 == "，" }
        if s.hasPrefix("+") { s.removeFirst() }
        guard let d = decimal(s) else { return .text(raw) }
        return .number(d, unit: unit)
    }

    /// `-?digits(.digits)?` as an exact decimal, without going through a locale.
    static func decimal(_ s: String) -> Decimal? {
        guard isNumberLiteral(s) else { return nil }
        var negative = false
        var significand: UInt64 = 0
        var exponent = 0
        var seenDot = false
        var digits = 0
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): seenDot = true
            default:
                digits += 1
                guard digits <= 18 else { return Decimal(string: s) }
                significand = significand * 10 + UInt64(c - UInt8(ascii: "0"))
                if seenDot { exponent -= 1 }
            }
        }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: exponent,
                       significand: Decimal(significand))
    }

    /// `-?digits(.digits)?` and nothing else.
    static func isNumberLiteral(_ s: String) -> Bool {
        var body = Substring(s)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let intPart = parts.first, !intPart.isEmpty,
              intPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber } }
        return true
    }

    /// Whether a word printed in a table looks like a cell value rather than label text.
    public static func looksLikeValue(_ raw: String) -> Bool {
        switch parse(raw) {
        case .number, .placeholder: return true
        case .blank, .text: return false
        }
    }
}

import Foundation

/// Text normalization, applied once as text enters the pipeline.
///
/// `display` is what the JSON shows: compatibility forms folded (Kangxi radicals such as ⼀,
/// full-width digits and letters, ideographic spaces), CJK punctuation kept as printed, and
/// the stray spaces that PDF exporters put between CJK characters removed.
/// `key` is what label matching compares: `display` with all spacing and punctuation
/// variants folded to one form.
public enum TextNormalizer {
    /// Whether a scalar is CJK punctuation that must stay as printed (NFKC would turn
    /// （，：；！？ into ASCII).
    static func keepsFullWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        case 0x3001...0x303F: return true
        case 0x2018...0x201F, 0x2014, 0x2026: return true
        default: return false
        }
    }

    public static func isCJK(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return isCJK(s)
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// Unified ideographs, which NFKC leaves alone (compatibility ideographs U+F900…, U+2F800…
    /// are not among them: they fold to unified ones).
    static func isUnifiedCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2EBEF, 0x30000...0x3134F: return true
        default: return false
        }
    }

    /// Whether a scalar is white space of any width (ASCII, no-break, the en/em spaces and
    /// zero-width space, the ideographic space U+3000, BOM).
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Folds compatibility forms (used per glyph, before layout). ASCII, ideographs and CJK
    /// punctuation pass through; only other characters go through NFKC.
    public static func fold(_ text: String) -> String {
        // Most text needs no change: return it as is rather than rebuilding it.
        if text.unicodeScalars.allSatisfy({ ($0.value < 0x80 && !isSpace($0)) || $0 == " " || isUnifiedCJK($0)
            || keepsFullWidth($0) }) {
            return text
        }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value < 0x80 || isUnifiedCJK(s) || keepsFullWidth(s) {
                out.append(s)
            } else if isSpace(s) {
                out.append(" ")
            } else if let c = radicalSupplement[s] {
                out.append(contentsOf: c.unicodeScalars)
            } else {
                out.append(contentsOf: String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// Display form: folded, whitespace runs collapsed, spaces between CJK characters removed.
    public static func display(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var last: Unicode.Scalar?
        for s in fold(text).unicodeScalars {
            if isSpace(s) {
                pendingSpace = last != nil
                continue
            }
            if pendingSpace, let l = last, !(spaceless(l) && spaceless(s)) { out.append(" ") }
            pendingSpace = false
            out.append(s)
            last = s
        }
        return String(out)
    }

    /// A character around which a space is page furniture, not content (CJK and CJK punctuation).
    static func spaceless(_ s: Unicode.Scalar) -> Bool {
        isCJK(s) || keepsFullWidth(s) || s == "(" || s == ")" || s == "\""
    }

    /// Matching key: display form without any spacing, punctuation variants folded.
    public static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in fold(text).unicodeScalars where !isSpace(s) {
            switch s.value {
            case 0xFF08, 0x3014, 0x5B, 0x3010: out.append("(")            // （〔[【
            case 0xFF09, 0x3015, 0x5D, 0x3011: out.append(")")            // ）〕]】
            case 0xFF0C: out.append(",")                                  // ，
            case 0xFF1A: out.append(":")                                  // ：
            case 0xFF1B: out.append(";")                                  // ；
            case 0xFF0E, 0x3002: out.append(".")                          // ．。
            case 0x201C, 0x201D, 0x22, 0x300C, 0x300D, 0x2018, 0x2019, 0x27: out.append("\"")
            case 0xFF0D, 0x2014, 0x2013, 0x2015, 0x2212, 0x2010, 0x2011: out.append("-")  // －—–―−‐‑
            case 0xFF0F: out.append("/")                                  // ／
            default: out.append(s)
            }
        }
        return String(out)
    }
}

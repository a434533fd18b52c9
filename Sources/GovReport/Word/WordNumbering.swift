/// Word's automatic numbering (`word/numbering.xml`): the number a numbered paragraph prints
/// before its text (`一、`, `（二）`, `3.`), which is not in the paragraph's runs. Counts as the
/// document is read, paragraph by paragraph; a level restarts when a level above it counts.
/// Bullets print nothing that matters and are left out.
final class WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    /// abstractNumId → level → its definition.
    private var levels: [String: [Int: Level]] = [:]
    /// numId → abstractNumId.
    private var abstractOf: [String: String] = [:]
    /// abstractNumId → the current count of each level (0: not counted yet).
    private var counters: [String: [Int]] = [:]

    init(_ root: HTMLElement) {
        for e in root.elements {
            switch e.name {
            case "abstractnum":
                guard let id = e["abstractnumid"] else { continue }
                var defs: [Int: Level] = [:]
                for lvl in e.elements where lvl.name == "lvl" {
                    guard let ilvl = lvl["ilvl"].flatMap({ Int($0) }), (0..<9).contains(ilvl) else { continue }
                    var level = Level()
                    for p in lvl.elements {
                        switch p.name {
                        case "start": level.start = p["val"].flatMap { Int($0) } ?? 1
                        case "numfmt": level.format = p["val"] ?? "decimal"
                        case "lvltext": level.text = p["val"] ?? ""
                        default: break
                        }
                    }
                    defs[ilvl] = level
                }
                levels[id] = defs
            case "num":
                if let id = e["numid"], let abstract = e.elements.first(where: { $0.name == "abstractnumid" })?["val"] {
                    abstractOf[id] = abstract
                }
            default:
                break
            }
        }
    }

    /// Counts a paragraph numbered (`numId`, `level`) and returns what its number prints, or
    /// nil for no number (numId 0, a bullet, an unknown list).
    func next(numID: String, level: Int) -> String? {
        guard numID != "0", let abstract = abstractOf[numID], let defs = levels[abstract],
              let def = defs[level], (0..<9).contains(level) else { return nil }
        var count = counters[abstract] ?? Array(repeating: 0, count: 9)
        count[level] = count[level] == 0 ? def.start : count[level] + 1
        for deeper in (level + 1)..<9 { count[deeper] = 0 }
        counters[abstract] = count
        guard def.format != "bullet", def.format != "none" else { return nil }
        var text = def.text
        for l in 0...level {
            let value = count[l] == 0 ? (defs[l]?.start ?? 1) : count[l]
            text = text.replacingOccurrences(of: "%\(l + 1)", with: Self.format(value, defs[l]?.format ?? "decimal"))
        }
        return text
    }

    /// A count written in a numbering format.
    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographDigital", "taiwaneseCounting",
             "taiwaneseCountingThousand", "japaneseCounting":
            return chinese(n)
        case "chineseLegalSimplified":
            let legal: [Character: Character] = ["一": "壹", "二": "贰", "三": "叁", "四": "肆", "五": "伍", "六": "陆",
                                                  "七": "柒", "八": "捌", "九": "玖", "十": "拾"]
            return String(chinese(n).map { legal[$0] ?? $0 })
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...stems.count).contains(n) ? String(stems[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(UnicodeScalar(0x2460 + n - 1)!) : String(n)
        case "decimalEnclosedParen":
            return (1...20).contains(n) ? String(UnicodeScalar(0x2474 + n - 1)!) : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).map { Character(UnicodeScalar(0xFF10 + Int($0.asciiValue! - 48))!) })
        case "decimalZero":
            return n < 10 ? "0\(n)" : String(n)
        case "lowerLetter", "upperLetter":
            let letter = String(UnicodeScalar(UInt8(97 + (n - 1) % 26)))
            let s = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? s.uppercased() : s
        case "lowerRoman", "upperRoman":
            let s = roman(n)
            return format == "lowerRoman" ? s.lowercased() : s
        default:
            return String(n)
        }
    }

    /// 1…99 in Chinese numerals (一, 十, 十一, 二十, 九十九); larger counts in digits.
    static func chinese(_ n: Int) -> String {
        let digits = Array("〇一二三四五六七八九")
        switch n {
        case 0..<10: return String(digits[n])
        case 10..<20: return "十" + (n == 10 ? "" : String(digits[n - 10]))
        case 20..<100: return String(digits[n / 10]) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10]))
        default: return String(n)
        }
    }

    static func roman(_ n: Int) -> String {
        guard (1..<4000).contains(n) else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, letters) in table { while n >= value { out += letters; n -= value } }
        return out
    }
}

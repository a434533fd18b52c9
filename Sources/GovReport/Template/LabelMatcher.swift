/// Tolerant matching of printed row labels to template labels: numbering markers are
/// ignored and similarity is the longest common subsequence, so typos, dropped characters,
/// old wordings and stray text from neighbouring merged cells still match.
public enum LabelMatcher {
    /// The label's content: matching key without numbering such as 一、 （三） 1. 2、.
    public static func core(_ label: String) -> [Character] {
        // Works on scalars: Character comparison of CJK text takes a slow, normalizing path.
        let k = Array(TextNormalizer.key(label).unicodeScalars)
        var out: [Character] = []
        out.reserveCapacity(k.count)
        var i = 0
        func isNumeral(_ s: Unicode.Scalar) -> Bool { numeralScalars.contains(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        while i < k.count {
            // (一) … (十)
            if k[i] == "(", i + 2 < k.count, isNumeral(k[i + 1]) {
                var j = i + 1
                while j < k.count, isNumeral(k[j]) { j += 1 }
                if j < k.count, k[j] == ")" { i = j + 1; continue }
            }
            // 一、 … 十、 (only as a marker: followed by 、)
            if isNumeral(k[i]) {
                var j = i
                while j < k.count, isNumeral(k[j]) { j += 1 }
                if j < k.count, k[j] == "、" { i = j + 1; continue }
            }
            // 1. 2、 3)
            if isDigit(k[i]) {
                var j = i
                while j < k.count, isDigit(k[j]) { j += 1 }
                if j < k.count, k[j] == "." || k[j] == "、" || k[j] == ")" { i = j + 1; continue }
                if j == k.count || k[j].value >= 0x80 { i = j; continue }
            }
            if !markerPunctuation.contains(k[i]) { out.append(Character(k[i])) }
            i += 1
        }
        return out
    }

    static let numeralScalars: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    static let markerPunctuation: Set<Unicode.Scalar> = [".", ",", "、", "(", ")", "\"", ":", ";", "-"]

    /// Whether text begins with a row number: 1. 1、 （一） 一、.
    /// The label from its item number on when a few characters of text stand before it
    /// (`申请5.要求行政`, `获取信息（六）其他处理`): a wrapped label's last line read into the
    /// next row's label belongs to the row above. A label opening with its item number, or
    /// without one, is returned as it is. Folded as `TextNormalizer.key` folds text.
    public static func fromItemMarker(_ label: String) -> String {
        let k = Array(TextNormalizer.key(label))
        guard !startsWithMarker(label) else { return label }
        // A wrapped line's tail: a few characters, CJK before the item number.
        for i in k.indices.dropFirst().prefix(maximumTailLength) where TextNormalizer.isCJK(k[i - 1]) {
            let rest = String(k[i...])
            if startsWithMarker(rest) { return rest }
        }
        return label
    }

    /// Characters of the row above's label that may stand before an item number.
    static let maximumTailLength = 8

    public static func startsWithMarker(_ text: String) -> Bool {
        let k = Array(TextNormalizer.key(text))
        guard let first = k.first else { return false }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        if isDigit(first) {
            // 1. 1、 1) — or a circled ① (folded to 1) straight before the label's text.
            let digits = k.prefix { isDigit($0) }.count
            guard digits < k.count else { return false }
            let next = k[digits]
            return [".", "、", ")"].contains(next) || (digits <= 2 && TextNormalizer.isCJK(next))
        }
        // (三 alone: a group number whose ) wrapped onto the next line.
        if first == "(", k.count == 2 { return numerals.contains(k[1]) }
        if first == "(", k.count >= 3 {
            if numerals.contains(k[1]) { return k[2] == ")" || numerals.contains(k[2]) }
            // (1) …
            let digits = k.dropFirst().prefix { isDigit($0) }.count
            return digits > 0 && digits + 1 < k.count && k[digits + 1] == ")"
        }
        if numerals.contains(first), k.count >= 2 { return k[1] == "、" }
        return false
    }

    static func lcs(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        // Compare scalar values: Character equality of CJK text takes a slow, normalizing path.
        let x = a.map(Self.code), y = b.map(Self.code)
        var prev = [Int](repeating: 0, count: y.count + 1)
        var cur = prev
        for u in x {
            for (j, v) in y.enumerated() {
                cur[j + 1] = u == v ? prev[j] + 1 : max(prev[j + 1], cur[j])
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// A character as one number (its first scalar, and the count for rare clusters).
    static func code(_ c: Character) -> UInt64 {
        let scalars = c.unicodeScalars
        return UInt64(scalars.first!.value) | UInt64(scalars.count - 1) << 32
    }

    /// How well printed text matches a template label, 0…1: how much of the template label is
    /// present, and how much of the printed text it accounts for (so a short label such as
    /// 3.其他 inside a longer printed one does not score as high as the right row).
    public static func score(printed: [Character], template: [Character]) -> Double {
        guard !template.isEmpty, !printed.isEmpty else { return 0 }
        let common = Double(lcs(printed, template))
        return 0.6 * common / Double(template.count) + 0.4 * common / Double(printed.count)
    }

    /// Whether the template label occurs in the printed text unchanged.
    public static func isExact(printed: [Character], template: [Character]) -> Bool {
        guard template.count <= printed.count else { return false }
        return String(printed).contains(String(template))
    }

    /// Order-preserving alignment of printed rows to template rows that maximizes total
    /// similarity; a printed row may stay unmatched and a template row may be absent.
    /// Returns, for each printed row, the index of its template row (or nil).
    public static func align(printed: [[Character]], templates: [[Character]], minimum: Double = 0.5) -> [Int?] {
        let n = printed.count, m = templates.count
        var scores = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n { for j in 0..<m { scores[i][j] = score(printed: printed[i], template: templates[j]) } }
        // best[i][j]: best total using printed rows i… and template rows j…
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        var choice = [[UInt8]](repeating: [UInt8](repeating: 0, count: m + 1), count: n + 1)
        let unmatchedRowCost = 0.05
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) {
                if i == n { best[i][j] = 0; continue }
                var b = best[i + 1][j] - unmatchedRowCost, c: UInt8 = 1   // leave row i unmatched
                if j < m, best[i][j + 1] > b { b = best[i][j + 1]; c = 2 }  // template row j absent
                if j < m, scores[i][j] >= minimum, scores[i][j] + best[i + 1][j + 1] > b {
                    b = scores[i][j] + best[i + 1][j + 1]; c = 3
                }
                best[i][j] = b; choice[i][j] = c
            }
        }
        var out = [Int?](repeating: nil, count: n)
        var i = 0, j = 0
        while i < n {
            switch choice[i][j] {
            case 3: out[i] = j; i += 1; j += 1
            case 2: j += 1
            default: i += 1
            }
        }
        return out
    }
}

/// Rows read by OCR whose label matched no template row take their template row from their
/// place: the national template prints its rows in a fixed order, so an unmatched run of rows
/// between two matched ones (or a table's ends) holding exactly as many rows as the template
/// has between them is those rows, in order. A label OCR read only in part (a wrapped label's
/// first line, `国通计` for a letter-spaced （七）总计) thus still places its numbers. When the
/// run holds fewer or more rows than the template has there (a blank row the scan lost), a
/// row whose label kept its number (`2.没` for 2.没有现成信息需要另行制作) takes the one
/// template row there with that number. Rows of pages with a text layer are left as the label
/// matcher placed them.
enum PositionalRows {
    /// `assignment[i]`: the template row (index into `keys`) of printed row i, nil when
    /// unmatched; `pages[i]`: its page; `printed[i]` its label and `labels[j]` template row j's
    /// (both optional: without them no row is placed by its number). Returns the assignment
    /// with runs filled, and the filled rows.
    /// `positional[i]`: row i lost its label otherwise (`RawRow.placedByPosition`), and may be
    /// placed the same way.
    static func fill(_ assignment: [Int?], pages: [Int?], ocrPages: Set<Int>, keys: [String],
                     printed: [String] = [], labels: [String] = [], positional: [Bool] = [])
        -> (assignment: [Int?], filled: [Int]) {
        guard !ocrPages.isEmpty || positional.contains(true) else { return (assignment, []) }
        func mayPlace(_ r: Int) -> Bool {
            (pages[r].map(ocrPages.contains) ?? false) || (positional.indices.contains(r) && positional[r])
        }
        var out = assignment
        var filled: [Int] = []
        let orders = variants(keys)
        var i = 0
        while i < assignment.count {
            guard assignment[i] == nil else { i += 1; continue }
            var end = i
            while end < assignment.count, assignment[end] == nil { end += 1 }
            defer { i = end }
            guard (i..<end).allSatisfy(mayPlace) else { continue }
            let before = i > 0 ? assignment[i - 1] : nil
            let after = end < assignment.count ? assignment[end] : nil
            // The template rows between the neighbours, in each order the template can be printed in.
            let gaps: [[Int]] = orders.compactMap { order in
                let lo = before.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? (i == 0 ? 0 : nil)
                let hi = after.flatMap { order.firstIndex(of: $0) } ?? (end == assignment.count ? order.count : nil)
                guard let lo, let hi, lo <= hi else { return nil }
                return Array(order[lo..<hi])
            }
            let used = Set(assignment.compactMap { $0 })
            let candidates = gaps.filter { $0.count == end - i && !$0.contains(where: used.contains) }
            let numbered = printed.count == assignment.count && labels.count == keys.count
            // By place, unless a row's number says it is another row (a row lost and a heading
            // read as one: the count agrees, the rows are one apart).
            if let rows = candidates.first, candidates.allSatisfy({ $0 == rows }),
               !numbered || zip(i..<end, rows).allSatisfy({ r, j in
                   guard let n = number(printed[r]), let m = number(labels[j]) else { return true }
                   return n == m
               }) {
                for (k, r) in (i..<end).enumerated() {
                    out[r] = rows[k]
                    filled.append(r)
                }
                continue
            }
            guard numbered else { continue }
            for (r, j) in byNumber(Array(i..<end), gaps: gaps, printed: printed, labels: labels,
                                   used: Set(out.compactMap { $0 })) {
                out[r] = j
                filled.append(r)
            }
        }
        return (out, filled)
    }

    /// Printed rows `run` placed by the number their label starts with: each takes the one
    /// template row of the gap (in every order the gap can be printed in) numbered alike, when
    /// the rows so placed keep the template's order and no two take the same row.
    static func byNumber(_ run: [Int], gaps: [[Int]], printed: [String], labels: [String], used: Set<Int>) -> [(Int, Int)] {
        guard !gaps.isEmpty else { return [] }
        var out: [(Int, Int)] = []
        for r in run {
            guard let n = number(printed[r]) else { continue }
            let picks = gaps.map { gap in gap.filter { number(labels[$0]) == n } }
            guard let pick = picks.first, pick.count == 1, picks.allSatisfy({ $0 == pick }), !used.contains(pick[0]) else {
                continue
            }
            out.append((r, pick[0]))
        }
        let js = out.map(\.1)
        guard zip(js, js.dropFirst()).allSatisfy({ $0 < $1 }) else { return [] }
        return out
    }

    /// The sub-row number a label starts with: `2` for 2.没有现成信息… or `2、…`; nil for none.
    static func number(_ label: String) -> Int? {
        let k = Array(TextNormalizer.key(label))
        var digits = ""
        for c in k {
            guard c.isASCII, c.isNumber else { break }
            digits.append(c)
        }
        guard !digits.isEmpty, digits.count <= 2, k.count > digits.count, ".、".contains(k[digits.count]) else { return nil }
        return Int(digits)
    }

    /// The orders the template's rows can be printed in: （六）其他处理 either as one row or as
    /// its three sub-rows, never both.
    static func variants(_ keys: [String]) -> [[Int]] {
        guard let one = keys.firstIndex(of: "other_processing") else { return [Array(keys.indices)] }
        let subs = keys.indices.filter { keys[$0].hasPrefix("other_") && $0 != one }
        return [keys.indices.filter { $0 != one }, keys.indices.filter { !subs.contains($0) }]
    }
}

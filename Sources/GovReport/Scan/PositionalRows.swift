/// Rows read by OCR whose label matched no template row take their template row from their
/// place: the national template prints its rows in a fixed order, so an unmatched run of rows
/// between two matched ones (or a table's ends) holding exactly as many rows as the template
/// has between them is those rows, in order. A label OCR read only in part (a wrapped label's
/// first line, `国通计` for a letter-spaced （七）总计) thus still places its numbers. Rows of
/// pages with a text layer are left as the label matcher placed them.
enum PositionalRows {
    /// `assignment[i]`: the template row (index into `keys`) of printed row i, nil when
    /// unmatched; `pages[i]`: its page. Returns the assignment with runs filled, and the
    /// filled rows.
    static func fill(_ assignment: [Int?], pages: [Int?], ocrPages: Set<Int>, keys: [String])
        -> (assignment: [Int?], filled: [Int]) {
        guard !ocrPages.isEmpty else { return (assignment, []) }
        var out = assignment
        var filled: [Int] = []
        let orders = variants(keys)
        var i = 0
        while i < assignment.count {
            guard assignment[i] == nil else { i += 1; continue }
            var end = i
            while end < assignment.count, assignment[end] == nil { end += 1 }
            defer { i = end }
            guard (i..<end).allSatisfy({ pages[$0].map(ocrPages.contains) ?? false }) else { continue }
            let before = i > 0 ? assignment[i - 1] : nil
            let after = end < assignment.count ? assignment[end] : nil
            // The template rows between the neighbours, in each order the template can be printed in.
            let candidates: [[Int]] = orders.compactMap { order in
                let lo = before.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? (i == 0 ? 0 : nil)
                let hi = after.flatMap { order.firstIndex(of: $0) } ?? (end == assignment.count ? order.count : nil)
                guard let lo, let hi, hi - lo == end - i else { return nil }
                let used = Set(assignment.compactMap { $0 })
                let rows = Array(order[lo..<hi])
                return rows.contains(where: used.contains) ? nil : rows
            }
            guard let rows = candidates.first, candidates.allSatisfy({ $0 == rows }) else { continue }
            for (k, r) in (i..<end).enumerated() {
                out[r] = rows[k]
                filled.append(r)
            }
        }
        return (out, filled)
    }

    /// The orders the template's rows can be printed in: （六）其他处理 either as one row or as
    /// its three sub-rows, never both.
    static func variants(_ keys: [String]) -> [[Int]] {
        guard let one = keys.firstIndex(of: "other_processing") else { return [Array(keys.indices)] }
        let subs = keys.indices.filter { keys[$0].hasPrefix("other_") && $0 != one }
        return [keys.indices.filter { $0 != one }, keys.indices.filter { !subs.contains($0) }]
    }
}

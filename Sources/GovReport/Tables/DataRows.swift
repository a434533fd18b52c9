/// A band of a page in which value words share a baseline: one printed table row.
public struct DataRow: Sendable {
    public var words: [Word]
    public var midY: Double
    public var height: Double
    public var page: Int

    /// Value words grouped into rows by their vertical centres, top to bottom.
    public static func rows(of valueWords: [Word], page: Int,
                            settings: TableFinderSettings.Rows = TableFinderSettings.standard.rows) -> [DataRow] {
        var rows: [DataRow] = []
        for w in valueWords.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = rows.last, abs(w.box.midY - last.midY) < settings.sameBand * max(last.height, w.box.height) {
                rows[rows.count - 1].words.append(w)
            } else {
                rows.append(DataRow(words: [w], midY: w.box.midY, height: w.box.height, page: page))
            }
        }
        for i in rows.indices { rows[i].words.sort { $0.box.x0 < $1.box.x0 } }
        return rows
    }

    /// Whether horizontal rulings run between most neighbouring bands of values, as in a
    /// grid; a number wrapped in its cell leaves a few bands unseparated, a three-line table
    /// leaves almost all. When most numbers wrap (two or three bands in every ruled row),
    /// the grid still shows in its count of rules among the bands: a three-line table has
    /// none or one there, a grid one per row.
    public static func rulingsSeparate(_ rows: [DataRow], _ rulings: [Ruling],
                                       settings: TableFinderSettings = .standard) -> Bool {
        guard rows.count > 2, !rulings.isEmpty else { return !rulings.isEmpty }
        let s = settings.rows
        let pairs = zip(rows, rows.dropFirst())
        let separated = pairs.filter { a, b in rulings.contains { $0.position > a.midY && $0.position < b.midY } }.count
        if Double(separated) >= s.separatedShare * Double(rows.count - 1) { return true }
        let (top, bottom) = (rows[0].midY, rows[rows.count - 1].midY)
        let inside = Ruling.distinct(rulings.map(\.position).filter { $0 > top && $0 < bottom },
                                     within: settings.rulings.sameRuling)
        return inside.count >= s.wrappedGridMinimumRules
            && Double(inside.count) >= s.wrappedGridRuleShare * Double(rows.count - 1)
    }

    /// Joins bands of values that no horizontal ruling separates: a number too wide for its
    /// cell wraps onto a second line (12 / 34), and other cells of the row may centre between
    /// the two. Only ruled tables: without rulings the bands are rows.
    public static func mergedWithinRuledRows(_ rows: [DataRow], rulings: [Ruling],
                                             settings: TableFinderSettings.Rulings = TableFinderSettings.standard.rulings)
        -> [DataRow] {
        guard rows.count > 1, !rulings.isEmpty else { return rows }
        let reach = settings.reach
        var out: [DataRow] = [rows[0]]
        for row in rows.dropFirst() {
            let last = out[out.count - 1]
            // Where the numbers stand: a placeholder-like character of a label column beside
            // them (无 of a vertical group label 无法提供) does not widen the span a ruling must cross.
            let words = last.words + row.words
            let digits = words.filter { $0.text.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) } }
            let xs = (digits.isEmpty ? words : digits).map(\.box.midX)
            let (lo, hi) = (xs.min()!, xs.max()!)
            let separated = rulings.contains { r in
                r.position > last.midY && r.position < row.midY && r.start <= lo + reach && r.end >= hi - reach
            }
            // Only when the ruling grid is present around them: a ruling above and below.
            let framed = rulings.contains { $0.position < last.midY && $0.start <= lo + reach && $0.end >= hi - reach }
                && rulings.contains { $0.position > row.midY && $0.start <= lo + reach && $0.end >= hi - reach }
            if !separated && framed {
                var merged = last
                merged.words = (last.words + row.words).sorted { ($0.box.x0, $0.box.y0) < ($1.box.x0, $1.box.y0) }
                merged.midY = (last.midY + row.midY) / 2
                out[out.count - 1] = merged
            } else {
                out.append(row)
            }
        }
        return out
    }
}

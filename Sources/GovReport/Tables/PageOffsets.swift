/// A table continued on another page whose columns stand somewhere else: the page was placed
/// with other margins (a PDF printed for both sides of the paper), or a converter laid it out
/// by its own scale (`pdftotext -layout` moves a continued page's numbers several columns
/// right). The columns found on one page then miss the other's numbers.
///
/// For a page without columns of its own, the horizontal offset that lays its numbers onto the
/// numbers of the page the columns come from (by their common alignment edge), when the
/// columns as they are miss most of them and the offset fits clearly better; nil otherwise.
///
/// Tolerances: `TableFinderSettings.Columns` (page offset tolerance, gain and share).
enum PageOffsets {
    static func offset(of words: [Word], onto reference: [Word],
                       settings: TableFinderSettings.Columns = TableFinderSettings.standard.columns) -> Double? {
        guard words.count >= 2, reference.count >= 3 else { return nil }
        let tolerance = settings.pageOffsetTolerance * median(words.map(\.box.height))
        let edges: [(Word) -> Double] = [{ $0.box.x1 }, { $0.box.midX }, { $0.box.x0 }]
        var zero = 0
        var best: (offset: Double, score: Int)?
        for edge in edges {
            // Distinct edges (to the point) with their counts keep the search small.
            let ref = Array(Set(reference.map { edge($0).rounded() }))
            var xs: [Double: Int] = [:]
            for w in words { xs[edge(w).rounded(), default: 0] += 1 }
            func score(_ d: Double) -> Int {
                xs.reduce(0) { sum, x in sum + (ref.contains { abs(x.key + d - $0) <= tolerance } ? x.value : 0) }
            }
            zero = max(zero, score(0))
            for d in Set(ref.flatMap { r in xs.keys.map { r - $0 } }).sorted(by: { (abs($0), $0) < (abs($1), $1) }) {
                let s = score(d)
                if s > best?.score ?? 0 { best = (d, s) }
            }
        }
        guard let best, abs(best.offset) > tolerance, zero * 2 < words.count,
              best.score >= zero + settings.pageOffsetGain,
              Double(best.score) >= settings.pageOffsetShare * Double(words.count) else { return nil }
        return best.offset
    }

    /// The columns moved by `offset`.
    static func shifted(_ model: ColumnModel, by offset: Double) -> ColumnModel {
        ColumnModel(intervals: model.intervals.map { ($0.lowerBound + offset)...($0.upperBound + offset) })
    }
}

import Foundation

/// A table continued on a page that prints neither its header nor a row filling every column,
/// laid out by its own scale: `pdftotext -layout` places a page's text on a character grid
/// whose spacing it sets from that page's own text, so the same PDF columns stand at other
/// character positions, nearer together or farther apart, than on the page with the header.
/// Neither the reference page's columns as they are nor moved by one offset (`PageOffsets`)
/// then fit the page's numbers, and they land a column left or right of their own.
///
/// The page's own numbers still line up in their columns (a column prints at one character
/// position throughout a page). Its value columns (clusters of one alignment edge) are laid in
/// order onto the reference page's, scaled and moved: the rightmost onto the total column —
/// every row with a value prints its total, the rightmost column — and the scale is the one
/// that lays the others nearest to the reference page's value columns. Each of the page's
/// value columns then takes the column of the one it lies on.
///
/// Tolerances: `TableFinderSettings.Columns` (page offset tolerance, continued scale limit,
/// total share and fit).
enum ContinuedColumns {
    /// A value column: where its numbers' alignment edge stands and the words in it.
    struct Cluster: Sendable {
        var edge: Double
        var words: [Word]
    }

    /// The columns of `rows` (a page without columns of its own) found from the `reference`
    /// page's words and columns; nil when the page's numbers give no clear fit.
    static func model(rows: [DataRow], labels: [Word], reference: [Word], columns: ColumnModel, columnCount: Int, offset: Double = 0,
                      settings: TableFinderSettings.Columns = TableFinderSettings.standard.columns) -> ColumnModel? {
        // A value word standing left of where most of the page's label words end is in the
        // label column (无 of a group's name printed down the column), not a value column.
        let labelEnd = labels.isEmpty ? -Double.infinity : median(labels.map(\.box.x1))
        let rows = rows.map { r in var r = r; r.words.removeAll { $0.box.x1 <= labelEnd }; return r }.filter { !$0.words.isEmpty }
        let words = rows.flatMap(\.words)
        // One row (a wrapped number's last digits carried over the break) is too little to fit.
        guard rows.count >= 2, words.count >= 3, reference.count >= columnCount, columns.intervals.count == columnCount else { return nil }
        // Laid-out text rounds each number to a character column: a column's edges jitter by
        // one character, as much as `PageOffsets` allows between pages.
        let tolerance = settings.pageOffsetTolerance * median((words + reference).map(\.box.height))
        // The alignment both pages share is the one giving the fewest value columns on them.
        let edges: [(Word) -> Double] = [{ $0.box.x1 }, { $0.box.midX }, { $0.box.x0 }]
        let (edge, own, printedRef) = edges.map { edge in
            (edge, clusters(words, by: edge, tolerance: tolerance), clusters(reference, by: edge, tolerance: tolerance))
        }.min { $0.1.count + $0.2.count < $1.1.count + $1.2.count }!
        // Each reference value column's column: where most of its words stand. Value columns
        // of one column (a centred column's edges jitter into two) are one.
        func column(_ c: Cluster) -> Int? {
            let cols = c.words.compactMap { columns.column(of: $0.box.midX, reach: 0) }
            return Dictionary(grouping: cols, by: { $0 }).max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }?.key
        }
        var ref: [Cluster] = []
        for c in printedRef {
            if let last = ref.last, let k = column(c), column(last) == k {
                let ws = last.words + c.words
                ref[ref.count - 1] = Cluster(edge: ws.map(edge).reduce(0, +) / Double(ws.count), words: ws)
            } else {
                ref.append(c)
            }
        }
        let refColumns = ref.map(column)
        guard let last = own.last, let total = ref.last, refColumns.last == columnCount - 1, own.count >= 2, ref.count >= 2
        else { return nil }
        // The rightmost value column is the totals' only when most rows with values print one there.
        let withTotal = rows.filter { r in r.words.contains { abs(edge($0) - last.edge) <= tolerance } }.count
        guard Double(withTotal) >= settings.continuedTotalShare * Double(rows.count) else { return nil }
        let cap = median(zip(ref, ref.dropFirst()).map { $1.edge - $0.edge }) / 2
        // Fewer value columns than the reference's, and its columns as they are (or moved by
        // the page's offset) fit: they hold (a centred column's edges jitter into two).
        let asIs = own.reduce(0.0) { sum, c in
            sum + Double(c.words.count) * min(cap, ref.map { abs($0.edge - c.edge - offset) }.min()!)
        }
        // As they are, the columns must also put the page's totals in the total column.
        let totalsAsIs = ref.indices.min { abs(ref[$0].edge - last.edge - offset) < abs(ref[$1].edge - last.edge - offset) }!
        let totalsFit = refColumns[totalsAsIs] == columnCount - 1
        guard own.count >= ref.count || !totalsFit || asIs > settings.continuedFit * cap * Double(words.count) else { return nil }
        let fit: (a: Double, b: Double, assigned: [Int])
        if own.count <= ref.count {
            guard let f = orderedFit(own, ref, cap: cap, exact: own.count == ref.count, settings: settings) else { return nil }
            fit = (f.a, f.b, f.pairs.map { refColumns[$0] ?? -1 })
        } else {
            guard let f = nearestFit(own, ref, cap: cap, tolerance: tolerance, settings: settings) else { return nil }
            fit = (f.a, f.b, f.pairs.map { refColumns[$0] ?? -1 })
        }
        let assigned = fit.assigned
        guard !assigned.contains(-1), zip(assigned, assigned.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        // Centres: the page's own numbers where it prints the column, else the reference's moved.
        var centers = (0..<columnCount).map { (columns.center($0) - fit.b) / fit.a }
        for col in Set(assigned) {
            let ws = zip(own, assigned).filter { $0.1 == col }.flatMap(\.0.words)
            centers[col] = ws.map(\.box.midX).reduce(0, +) / Double(ws.count)
        }
        guard zip(centers, centers.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return ColumnModel.fromCenters(centers, settings: settings)
    }

    /// No more value columns on the page than on the reference: each laid on its own reference
    /// value column, in order, the rightmost on the totals; of the ways to choose them, the one
    /// a scale and a move fit best. As many as the reference has: the order alone decides
    /// (`pdftotext` widens a page's grid where its text needs room, so the scale varies along
    /// the row); fewer: the fit must lay them near on the whole.
    static func orderedFit(_ own: [Cluster], _ ref: [Cluster], cap: Double, exact: Bool,
                           settings: TableFinderSettings.Columns) -> (a: Double, b: Double, pairs: [Int])? {
        var best: (a: Double, b: Double, pairs: [Int], residual: Double)?
        func visit(_ chosen: [Int]) {
            if chosen.count == own.count - 1 {
                let pairs = chosen + [ref.count - 1]
                let xs = own.map(\.edge), ys = pairs.map { ref[$0].edge }
                let (a, b) = leastSquares(xs, ys)
                guard a > 0, exact || abs(log(a)) <= log(settings.continuedScaleLimit) else { return }
                let residual = zip(xs, ys).map { abs(a * $0 + b - $1) }.reduce(0, +)
                if residual < best?.residual ?? .infinity { best = (a, b, pairs, residual) }
                return
            }
            let from = (chosen.last ?? -1) + 1
            // Leave room for the value columns still to place, and the totals.
            guard from <= ref.count - 1 - (own.count - 1 - chosen.count) else { return }
            for i in from...(ref.count - 1 - (own.count - 1 - chosen.count)) { visit(chosen + [i]) }
        }
        visit([])
        guard let best, exact || best.residual <= settings.continuedFit * cap * Double(own.count) else { return nil }
        return (best.a, best.b, best.pairs)
    }

    /// More value columns on the page than on the reference (a Word grid's sliver cell puts
    /// some numbers of a column one cell right): the rightmost laid on the totals, scaled to lay
    /// the others nearest to the reference's value columns; each takes the nearest.
    static func nearestFit(_ own: [Cluster], _ ref: [Cluster], cap: Double, tolerance: Double,
                           settings: TableFinderSettings.Columns) -> (a: Double, b: Double, pairs: [Int])? {
        let last = own[own.count - 1], total = ref[ref.count - 1]
        func nearest(_ x: Double) -> (index: Int, distance: Double) {
            let i = ref.indices.min { abs(ref[$0].edge - x) < abs(ref[$1].edge - x) }!
            return (i, abs(ref[i].edge - x))
        }
        func cost(_ a: Double) -> Double {
            let b = total.edge - a * last.edge
            return own.reduce(0) { sum, c in sum + Double(c.words.count) * min(cap, nearest(a * c.edge + b).distance) }
        }
        // Scales that lay one more value column exactly onto a reference one.
        var scales: [Double] = [1]
        for c in own.dropLast() where last.edge - c.edge > tolerance {
            for r in ref.dropLast() where total.edge - r.edge > tolerance {
                let a = (total.edge - r.edge) / (last.edge - c.edge)
                if abs(log(a)) <= log(settings.continuedScaleLimit) { scales.append(a) }
            }
        }
        guard let a = scales.min(by: { (cost($0), abs(log($0))) < (cost($1), abs(log($1))) }) else { return nil }
        let count = Double(own.map(\.words.count).reduce(0, +))
        guard cost(a) <= settings.continuedFit * cap * count else { return nil }
        let b = total.edge - a * last.edge
        return (a, b, own.map { nearest(a * $0.edge + b).index })
    }

    /// The line y = a x + b nearest to the points (least squares); a = 1 for one point.
    static func leastSquares(_ xs: [Double], _ ys: [Double]) -> (a: Double, b: Double) {
        let n = Double(xs.count), mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        guard sxx > 0 else { return (1, my - mx) }
        let a = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / sxx
        return (a, my - a * mx)
    }

    /// Words clustered by an alignment edge, left to right, with the edge's mean.
    static func clusters(_ words: [Word], by edge: (Word) -> Double, tolerance: Double) -> [Cluster] {
        ValueColumns.cluster(words, by: edge, tolerance: tolerance).map { ws in
            Cluster(edge: ws.map(edge).reduce(0, +) / Double(ws.count), words: ws)
        }
    }
}


/// Data columns from where the values themselves stand, for a table in which no row fills
/// every column. Numbers of one column share an alignment edge (right, centre or left), so
/// the values of all rows cluster by that edge; the clusters are the printed columns. When
/// some columns are blank throughout, the header's column centres say which ones the
/// clusters are.
/// Tolerances: `TableFinderSettings.Columns` (alignment tolerance, header shift rounds).
enum ValueColumns {
    static func model(rows: [DataRow], columnCount: Int, header: ColumnModel?,
                      settings: TableFinderSettings.Columns) -> ColumnModel? {
        let words = rows.flatMap(\.words)
        guard !words.isEmpty else { return nil }
        // The alignment that gives the fewest clusters is the one the table uses.
        let edges: [(Word) -> Double] = [{ $0.box.x1 }, { $0.box.midX }, { $0.box.x0 }]
        let tolerance = settings.alignmentTolerance * median(words.map(\.box.height))
        let clusters = edges.map { cluster(words, by: $0, tolerance: tolerance) }
            .min { $0.count < $1.count }!
        let centers = clusters.map { ws in ws.map(\.box.midX).reduce(0, +) / Double(ws.count) }
        if centers.count == columnCount { return ColumnModel.fromCenters(centers, settings: settings) }
        guard centers.count < columnCount, let header, header.intervals.count == columnCount else { return nil }
        // Place each cluster at a header column, in order, as close as possible.
        let headerCenters = header.intervals.indices.map { header.center($0) }
        // Header text and numbers may align differently (text left, numbers right): place,
        // measure the offset between them, and place again with the header shifted by it.
        var shift = 0.0
        var placed: [Int] = []
        for _ in 0..<settings.headerShiftRounds {
            guard let p = orderedNearest(centers, to: headerCenters.map { $0 + shift }) else { return nil }
            placed = p
            shift = zip(placed, centers).map { $1 - headerCenters[$0] }.sorted()[centers.count / 2]
        }
        var all = headerCenters.map { $0 + shift }
        for (i, column) in placed.enumerated() { all[column] = centers[i] }
        guard zip(all, all.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return ColumnModel.fromCenters(all, settings: settings)
    }

    /// Words clustered by an alignment edge: a cluster ends where the next edge lies more
    /// than `tolerance` beyond the last.
    static func cluster(_ words: [Word], by edge: (Word) -> Double, tolerance: Double) -> [[Word]] {
        var out: [[Word]] = []
        var last = -Double.infinity
        for w in words.sorted(by: { edge($0) < edge($1) }) {
            if edge(w) - last > tolerance || out.isEmpty { out.append([w]) } else { out[out.count - 1].append(w) }
            last = edge(w)
        }
        return out
    }

    /// Strictly increasing column indices for `xs` minimizing the total distance to `targets`.
    static func orderedNearest(_ xs: [Double], to targets: [Double]) -> [Int]? {
        let n = xs.count, m = targets.count
        guard n <= m else { return nil }
        // cost[i][j]: best cost placing xs[i...] at targets[j...]
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        for j in 0...m { cost[n][j] = 0 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                cost[i][j] = min(cost[i][j + 1], abs(xs[i] - targets[j]) + cost[i + 1][j + 1])
            }
        }
        var out: [Int] = []
        var j = 0
        for i in 0..<n {
            while j < m, cost[i][j] == cost[i][j + 1] { j += 1 }
            guard j < m else { return nil }
            out.append(j)
            j += 1
        }
        return out
    }
}

/// A band of a page in which value words share a baseline: one printed table row.
public struct DataRow: Sendable {
    public var words: [Word]
    public var midY: Double
    public var height: Double
    public var page: Int

    /// Value words grouped into rows by their vertical centres, top to bottom.
    public static func rows(of valueWords: [Word], page: Int) -> [DataRow] {
        var rows: [DataRow] = []
        for w in valueWords.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = rows.last, abs(w.box.midY - last.midY) < 0.5 * max(last.height, w.box.height) {
                rows[rows.count - 1].words.append(w)
            } else {
                rows.append(DataRow(words: [w], midY: w.box.midY, height: w.box.height, page: page))
            }
        }
        for i in rows.indices { rows[i].words.sort { $0.box.x0 < $1.box.x0 } }
        return rows
    }
}

/// The x-intervals of a table's data columns, left to right.
public struct ColumnModel: Sendable, Equatable {
    public var intervals: [ClosedRange<Double>]

    public var left: Double { intervals.first?.lowerBound ?? 0 }

    /// Columns from the centres of values in rows that fill every column.
    public static func fromCenters(_ centers: [Double]) -> ColumnModel? {
        guard centers.count >= 1 else { return nil }
        if centers.count == 1 { return ColumnModel(intervals: [(centers[0] - 30)...(centers[0] + 30)]) }
        var bounds: [Double] = []
        for i in 0..<(centers.count - 1) { bounds.append((centers[i] + centers[i + 1]) / 2) }
        let firstHalf = bounds[0] - centers[0], lastHalf = centers[centers.count - 1] - bounds[bounds.count - 1]
        let lo = [centers[0] - firstHalf] + bounds
        let hi = bounds + [centers[centers.count - 1] + lastHalf]
        return ColumnModel(intervals: zip(lo, hi).map { $0...$1 })
    }

    /// The column whose interval holds x, or else the nearest one within half a column.
    public func column(of x: Double) -> Int? {
        if let i = intervals.firstIndex(where: { $0.contains(x) }) { return i }
        let best = intervals.indices.min { abs(center($0) - x) < abs(center($1) - x) }
        guard let best else { return nil }
        let width = intervals[best].upperBound - intervals[best].lowerBound
        return abs(center(best) - x) <= width ? best : nil
    }

    func center(_ i: Int) -> Double { (intervals[i].lowerBound + intervals[i].upperBound) / 2 }
}

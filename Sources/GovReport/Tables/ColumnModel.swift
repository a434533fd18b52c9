/// The x-intervals of a table's data columns, left to right.
public struct ColumnModel: Sendable, Equatable {
    public var intervals: [ClosedRange<Double>]

    public var left: Double { intervals.first?.lowerBound ?? 0 }

    /// Columns from the centres of values in rows that fill every column.
    public static func fromCenters(_ centers: [Double],
                                   settings: TableFinderSettings.Columns = TableFinderSettings.standard.columns) -> ColumnModel? {
        guard centers.count >= 1 else { return nil }
        if centers.count == 1 {
            let half = settings.singleColumnHalfWidth
            return ColumnModel(intervals: [(centers[0] - half)...(centers[0] + half)])
        }
        var bounds: [Double] = []
        for i in 0..<(centers.count - 1) { bounds.append((centers[i] + centers[i + 1]) / 2) }
        let firstHalf = bounds[0] - centers[0], lastHalf = centers[centers.count - 1] - bounds[bounds.count - 1]
        let lo = [centers[0] - firstHalf] + bounds
        let hi = bounds + [centers[centers.count - 1] + lastHalf]
        return ColumnModel(intervals: zip(lo, hi).map { $0...$1 })
    }

    /// The column whose interval holds x, or else the nearest one whose centre is within
    /// `reach` of its widths.
    public func column(of x: Double, reach: Double = TableFinderSettings.standard.columns.nearestColumnReach) -> Int? {
        if let i = intervals.firstIndex(where: { $0.contains(x) }) { return i }
        let best = intervals.indices.min { abs(center($0) - x) < abs(center($1) - x) }
        guard let best else { return nil }
        let width = intervals[best].upperBound - intervals[best].lowerBound
        return abs(center(best) - x) <= reach * width ? best : nil
    }

    func center(_ i: Int) -> Double { (intervals[i].lowerBound + intervals[i].upperBound) / 2 }
}

/// Where a column model came from: the columns stage's answer to "why is this number in this
/// column", kept with every row (`TableStages`) and drawn by `debug --stage columns`.
public enum ColumnSource: Sendable, Equatable {
    /// The vertical rulings crossing the row: its last `columnCount` ruled cells.
    case rulings
    /// The centres of the page's rows that print a value in every column.
    case fullRows
    /// The header's column names found above the first row, centred over their columns.
    case header
    /// Where the values of all rows stand (their shared alignment edges), placed under the
    /// header's columns when some columns are blank throughout.
    case valueAlignment
    /// No model on this page: the one found on another page of the table (that page's number).
    case anotherPage(Int)

    /// A short name (`rulings`, `full rows`, `header`, `value alignment`, `page 3`).
    public var name: String {
        switch self {
        case .rulings: "rulings"
        case .fullRows: "full rows"
        case .header: "header"
        case .valueAlignment: "value alignment"
        case .anotherPage(let page): "page \(page)"
        }
    }
}

/// A column model and where it came from.
public struct PlacedColumns: Sendable, Equatable {
    public var model: ColumnModel
    public var source: ColumnSource
    /// How far (pt) another page's columns were moved onto this page's numbers (`PageOffsets`);
    /// nil when they were not.
    public var offset: Double?

    /// Whether the columns were measured on rows that print every column (this page's or,
    /// moved, another page's), rather than guessed from the header or the values' alignment.
    public var measuredFromFullRows: Bool

    public init(model: ColumnModel, source: ColumnSource, offset: Double? = nil, measuredFromFullRows: Bool? = nil) {
        self.model = model; self.source = source; self.offset = offset
        self.measuredFromFullRows = measuredFromFullRows ?? (source == .fullRows)
    }
}

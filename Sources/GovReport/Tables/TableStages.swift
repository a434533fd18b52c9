/// What the table finder found for one table, stage by stage: every intermediate is kept so
/// that `govreport debug --stage` can draw any of them and a test can look at any of them.
struct TableStages: Sendable {
    /// The table (its JSON name).
    var table: String
    /// One page of the table.
    struct Page: Sendable {
        var number: Int
        /// Rows stage: bands of value words, before joining bands within ruled rows.
        var bands: [DataRow]
        /// Whether the page's horizontal rulings were kept as row borders (a grid); false for
        /// an unruled page and for a three-line table, whose rules were set aside.
        var ruled: Bool
        /// Rows of values as read (bands joined within ruled rows; rows whose values all fell
        /// outside the columns dropped), top to bottom.
        var valueRows: [DataRow]
        /// Rows printed with every data cell empty.
        var blankRows: [DataRow]
        /// Columns stage: the columns each value row was read with, and where they came from
        /// (nil: no column model was known for it).
        var columns: [PlacedColumns?]
        /// Left and right edge of the data part (infinite when no row had columns).
        var dataLeft: Double, dataRight: Double
        /// Labels stage: the numbered label blocks, and each row's label (value and blank rows
        /// together, top to bottom, as in `rows`).
        var labelBlocks: [LabelBlock]
        /// Label text above the first row, outside every row's band.
        var leading: String
        /// Cells stage: the page's rows, label and cells, as read before page continuation.
        var rows: [RawRow]
        /// Rows of one number alone under another row, with no label: left out of the table
        /// (`table.stray_value`).
        var stray: [RawRow]
    }

    var pages: [Page] = []
    /// Each page's own column model (by page number): full rows, or header / value alignment;
    /// and the offsets of pages whose numbers stand apart from them.
    var pageColumns: [Int: PlacedColumns] = [:]
    var pageOffsets: [Int: Double] = [:]
    /// Page continuation: the rows continued over a page break.
    var continued: [PageContinuation.ContinuedRow] = []
    /// The table's rows, pages joined.
    var rows: [RawRow] = []
    var diagnostics: [Finding] = []
    /// Cells placed in a column that another placement would fit as well.
    var doubts: [CellDoubt] = []
    /// Cells of sparse rows that could stand in a neighbouring column as well.
    var alternatives: [CellAlternative] = []
}

/// A table row as the layout stage read it: label text and the raw text of each data cell
/// (nil for an empty cell), before any template knowledge is applied.
public struct RawRow: Sendable, Equatable {
    public var label: String
    public var cells: [String?]
    public var page: Int?
    /// Header text printed above the row's values (units such as （万元） live there).
    public var header: String
    /// The row is the last on its page and the table goes on: a page break may have cut it,
    /// the rest of its label (and its values) starting the next page.
    public var mayContinue: Bool
    /// Where the row was printed (PDF input): its label's box and each cell's box.
    public var geometry: RowGeometry?
    /// Why the reader could not tell which column each value stands under (a grid whose values
    /// fill more slots than the table has columns, with no header to say which; numbers stacked
    /// in one cell spread over the blank slots beside it; a laid-out row standing off the
    /// page's columns): the cells keep the reader's best placement and are marked
    /// `cell.uncertain` with this reason. Nil when it could tell.
    public var placementDoubt: String?
    /// The row's label was lost (a converter wrote a page's numbers before their labels): the
    /// mapper may give it its template row by its place among the rows it found.
    public var placedByPosition = false
    /// Numbers printed on the row's line that stood outside every column and were not read:
    /// the mapper marks the row's cells `cell.uncertain` (one of them may be the row's).
    public var unreadNumbers: [String] = []

    public init(label: String, cells: [String?], page: Int? = nil, header: String = "", mayContinue: Bool = false,
                geometry: RowGeometry? = nil) {
        self.label = label; self.cells = cells; self.page = page; self.header = header
        self.mayContinue = mayContinue; self.geometry = geometry
    }
}

/// Page positions of a printed row: kept through the pipeline so a number can be traced
/// back to where it is printed (debug view, provenance).
public struct RowGeometry: Sendable, Equatable {
    public var label: Rect?
    /// One entry per cell; nil for a cell with nothing printed.
    public var cells: [Rect?]

    public init(label: Rect?, cells: [Rect?]) { self.label = label; self.cells = cells }
}

/// The three standard tables as read from one document, plus what the reader noticed.
public struct RawTables: Sendable, Equatable {
    public var active: [RawRow]?
    public var applications: [RawRow]?
    public var review: [RawRow]?
    /// Whether no table was found: such a document is no report.
    public var holdsNoTable: Bool { active == nil && applications == nil && review == nil }
    /// All header text of the active-disclosure table (it tells the two formats apart).
    public var activeHeaderText: String
    public var diagnostics: [Finding]
    /// Cells whose column the reader chose among others that fit as well; the assembler names
    /// each by its row and column in a `cell.uncertain` diagnostic.
    public var doubts: [CellDoubt] = []
    /// Cells of sparse rows that could stand in a neighbouring column as well; the table's
    /// sums may place them (`ColumnSumPlacement`).
    public var alternatives: [CellAlternative] = []

    public init(active: [RawRow]? = nil, applications: [RawRow]? = nil, review: [RawRow]? = nil,
                activeHeaderText: String = "", diagnostics: [Finding] = []) {
        self.active = active; self.applications = applications; self.review = review
        self.activeHeaderText = activeHeaderText; self.diagnostics = diagnostics
    }
}

/// A cell the reader is not sure of: where it is printed and why.
public struct CellDoubt: Sendable, Equatable {
    public var table: String
    public var page: Int
    public var box: Rect
    public var reason: String
}

/// A cell (where it is printed) whose number could stand in another, empty, data column of
/// its row (index, left to right) as well as in the one its position put it in.
public struct CellAlternative: Sendable, Equatable {
    public var table: String
    public var page: Int
    public var box: Rect
    public var column: Int
}

/// Every tolerance the positioned-text stages use: line building, the ruling filter, and the
/// table finder's stages (rows, columns, cells, labels, page continuation), plus the part
/// locator that cuts the table regions out of the pages.
///
/// Units: **em** is a glyph box's height (the font size as printed; the height of the
/// smaller or larger glyph, or of a row's or line's glyphs, as each comment says); **pt** is a
/// PDF point (1/72 inch, y down); **share** is a fraction of a count or of a length; **count**
/// is a number of things. Typographic distances are in em so that a report set in a larger or
/// smaller font reads the same (each em default equals the old point value at the corpus's
/// font sizes: every sample and corpus file reads byte for byte as before); the distances
/// still in points are geometry of drawn lines (a ruling's precision on a rendering), a cell's
/// padding, or floors and cases no table reaches, as each comment says.
///
/// A value type passed down explicitly: `PositionedPages(layouts, settings:)` hands it to
/// every stage; `.standard` is what every reader uses. `govreport settings` prints it.
public struct TableFinderSettings: Sendable, Equatable, Codable {
    public var lines = Lines()
    public var rulings = Rulings()
    public var verticalText = VerticalWriting()
    public var rows = Rows()
    public var columns = Columns()
    public var cells = Cells()
    public var labels = Labels()
    public var activeTable = ActiveTable()
    public var parts = Parts()
    /// Finding ruling lines on a rendered page (PDF and scans).
    public var rulingDetection = RulingDetector()

    public init() {}

    /// The settings every reader uses.
    public static let standard = TableFinderSettings()

    /// Glyphs into lines and words (`LineBuilder`, `PageLayout`).
    public struct Lines: Sendable, Equatable, Codable {
        /// Two glyphs share a line when their centres differ by less than this (em of the
        /// smaller glyph): below half a line, so a subscript stays and the next line does not.
        public var sameLine = 0.45
        /// A gap wider than this (em of the taller glyph) starts a new word: a space in
        /// spaced-out CJK labels is narrower, the gap between table cells wider.
        public var wordGap = 0.9
        /// A gap wider than this between two digits (em) splits them into two numbers: the
        /// digits of one number touch, numbers of neighbouring cells need not be far apart.
        public var numberGap = 0.2
        /// The word gap for label and header text (em): labels of neighbouring columns are
        /// often closer than cells of numbers.
        public var labelWordGap = 0.5
        /// Fewest single CJK glyphs a page needs before its boxes' shape is judged (count):
        /// enough that a few odd boxes do not decide.
        public var tallBoxSample = 20
        /// Glyph boxes this much taller than wide (median height/width of CJK glyphs, which
        /// are square) carry the line height, not the glyph's (browsers); they are shrunk.
        public var tallBoxRatio = 1.3
    }

    /// Ruling lines: which are strokes of text, and how close two count as one (`RulingFilter`).
    public struct Rulings: Sendable, Equatable, Codable {
        /// Slack around a glyph box when testing a ruling against it (pt): a stroke can sit on
        /// the box's edge. In points: it is the precision of a ruling found on a rendering.
        public var glyphSlack = 0.5
        /// Share of a glyph box's thickness kept clear at each side when testing "inside".
        public var inset = 0.15
        /// Share of a ruling's length glyph boxes may cover before it counts as text.
        public var maxCoverage = 0.5
        /// A ruling up to this long (em, median of the glyphs it touches) can be strokes of
        /// neighbouring characters joined into one run.
        public var strokeRun = 4.0
        /// Rulings closer than this are one line (pt): a double border, or one line found
        /// twice on a rendering. In points: line drawing, not type, sets it.
        public var sameRuling = 2.0
        /// A ruling reaches a point when it ends at most this short of it (pt): the precision of
        /// a ruling's ends found on a rendering at 2 pixels a point.
        public var reach = 1.0
        /// A vertical ruling crosses a row when it reaches this far past the row's centre each
        /// way (row heights): a border ending at the row's middle belongs to another row.
        public var crossing = 0.2
    }

    /// Text written top to bottom, one character a line, in a tall merged cell (`VerticalText`).
    public struct VerticalWriting: Sendable, Equatable, Codable {
        /// Fewest stacked characters that are vertical writing (count): a wrapped label can
        /// leave one character alone under its line, rarely two.
        public var minimumRun = 3
        /// A glyph has a neighbour on its line when their boxes overlap vertically by this
        /// share of its height.
        public var neighbourOverlap = 0.5
        /// …and lie closer than this (em of the smaller side: glyph boxes can be taller than
        /// wide) side by side.
        public var neighbourGap = 0.9
        /// Narrowest glyph width counted when measuring by width (pt): a zero-width box must
        /// not make every gap "wide". A floor, not a typographic distance.
        public var minimumWidth = 1.0
        /// Stacked glyphs' centres differ by less than this sideways (share of the wider glyph).
        public var stackAlignment = 0.3
        /// Stacked glyphs lie between these many em apart, centre to centre: one above the
        /// other, not overlapping and not a blank line apart.
        public var stackStepMin = 0.5
        public var stackStepMax = 1.8
    }

    /// Rows: bands of value words (`DataRow`).
    public struct Rows: Sendable, Equatable, Codable {
        /// A value word joins a band when its centre lies within this of the band's (em of the
        /// taller): half a line.
        public var sameBand = 0.5
        /// Horizontal rulings separate the bands (a grid) when they run between at least this
        /// share of neighbouring bands; a number wrapped in its cell leaves some unseparated.
        public var separatedShare = 0.5
        /// …or, when most numbers wrap, when at least this many distinct rulings lie among the
        /// bands (count): a three-line table has none or one there.
        public var wrappedGridMinimumRules = 3
        /// …and at least this many per neighbouring pair of bands (share): one per row.
        public var wrappedGridRuleShare = 0.25
        /// A ruled band at least this tall (em of the tallest label glyph in it) can be a row
        /// printed blank: a thinner band cannot hold a line of its text (a double border).
        public var minimumBlankRowHeight = 0.6
        /// A numbered label with no values beside it is a blank row when it matches a
        /// template row's label this well (share of the label matched).
        public var blankLabelMatch = 0.75
        /// In a table without horizontal rulings, digits under a number of the row above in its
        /// cell continue it (a number wrapped in a narrow cell) when their centres are at most
        /// this far apart (em of the taller): two lines of laid-out text, a blank between (2.1);
        /// rows without labels to tell them apart stand further.
        public var stackedPieceGap = 2.2
        /// …or at most this share of the line pitch of the table's wrapped labels (a page that
        /// sets its lines looser than 2.2 em sets a wrapped number's lines as loosely).
        public var stackedPieceLinePitch = 1.15
        /// …and an edge or the centres of the two line up within this (em).
        public var stackedPieceAlignment = 0.6
        /// …or the piece starts under the number above, or at most this far past its end (em):
        /// a character grid draws each digit one column wide where the page's are wider
        /// (`pdftotext -layout -fixed 3`, a page it squeezed), so a piece centred or
        /// right-aligned under its number stands at or a column past the grid's end of it.
        public var stackedPieceReach = 0.6
        /// …and the number above is as wide as the piece and as the widest number of its column
        /// within this (em): well under a digit.
        public var stackedPieceWidth = 0.25
    }

    /// Columns: the column model and where it came from (`ColumnModel`, `ValueColumns`,
    /// `HeaderColumns`).
    public struct Columns: Sendable, Equatable, Codable {
        /// Half the width of a column known only by one centre (pt). In points: no table the
        /// finder reads has a single data column, so nothing has ever measured it.
        public var singleColumnHalfWidth = 30.0
        /// A value outside every column belongs to the nearest within this many of its widths.
        public var nearestColumnReach = 1.0
        /// Values whose alignment edges (right, centre or left) differ by less than this (em,
        /// median of the values) share a column: well under a digit's width, so neighbouring
        /// columns do not merge, above the jitter of one column's edges.
        public var alignmentTolerance = 0.3
        /// Rounds of placing value clusters under header columns and re-measuring the offset
        /// between the header's and the values' alignment (count): it settles in two.
        public var headerShiftRounds = 3
        /// Header words whose centres differ by less than this (em) are lines of one header cell.
        public var headerCellCentre = 0.6
        /// A header cell names a column when it matches the column's name this well (share).
        public var headerNameMatch = 0.6
        /// A continued page's numbers are laid onto the reference page's when their alignment
        /// edges come within this (em, median of the page's numbers) once moved (`PageOffsets`)…
        public var pageOffsetTolerance = 0.6
        /// …when the move lays at least this many more numbers onto them than none does (count)…
        public var pageOffsetGain = 2
        /// …and lays at least this share of the page's numbers onto them.
        public var pageOffsetShare = 0.75
        /// A continued page laid out by its own scale (`ContinuedColumns`) is scaled onto the
        /// reference page's value columns by at most this ratio either way…
        public var continuedScaleLimit = 1.45
        /// …when at least this share of its rows print a number in its rightmost value column.
        public var continuedTotalShare = 0.7
        /// …and the fit lays its numbers on average within this share of half the reference
        /// page's usual gap between value columns (share).
        public var continuedFit = 0.5
        /// Slack left of a row's first value when it bounds the label text (pt): the value's
        /// box edge is exact, this only keeps the value's own glyphs out of the label.
        public var valueEdgeSlack = 1.0
    }

    /// Cells: values of one row into its columns.
    public struct Cells: Sendable, Equatable, Codable {
        /// Two numbers in one column are side by side (a misjudged column, said as
        /// `table.cell_joined`) when they overlap vertically by this share of a glyph height…
        public var joinedOverlap = 0.5
        /// …and the gap between them is wider than this (em): a space as thousands separator
        /// is narrower.
        public var joinedGap = 0.6
        /// A three-digit word this close (em) after another in its column is the rest of one
        /// number (a space as thousands separator: 1 234), placed with it (`RowPlacement`).
        public var thousandsGap = 0.6
        /// Words share a printed line when they overlap vertically by this share of a glyph's
        /// height: a wrapped number's second line overlaps its first by none.
        public var sameLineOverlap = 0.5
        /// A number of a row that prints fewer numbers than columns could stand in the empty
        /// neighbouring column when it sits at least this share of the way from its column's
        /// centre to that column's (a character grid sets a sparse row's short numbers between
        /// columns): the table's sums may place it (`ColumnSumPlacement`).
        public var neighbourShare = 0.35
    }

    /// Labels: label blocks and which row each belongs to (`LabelAssigner`, `LabelBlock`).
    public struct Labels: Sendable, Equatable, Codable {
        /// Values count as beside a label block within this much above or below it (em of its
        /// first line): a tall block must not reach its neighbours' values.
        public var blockSlack = 0.3
        /// Largest gap between a block's lines (em): web pages printed by LibreOffice keep the
        /// page's line height, 1.8 and more, inside table cells.
        public var blockLineGap = 1.6
        /// A line continues a block when it starts at most this far left of the block's row
        /// number (em of the line): the lines of one label start flush, give or take a stroke;
        /// a centred cell's (Word tables printed by LibreOffice) start up to half a character
        /// left of a longer numbered line (`2.没有现成` over `信息需要另`), which a character
        /// grid rounds to one column (half an em).
        public var blockColumnSlack = 0.6
        /// Words from this far left of a row's rightmost row number on are its label (em of the
        /// numbered word); fragments of group headings further left are dropped. As wide as
        /// `blockColumnSlack`: a centred label's next lines start up to half a character left.
        public var markerColumnSlack = 0.6
        /// Values on a line of their own at most this far under a numbered label block that has
        /// none beside it (em of the block's first line, from its last line's centre) are that
        /// label's: `pdftotext -layout` puts the numbers of a cell centred between a wrapped
        /// label's two lines on a line between them, and the label's second line may stand in
        /// the data part (a narrow label column) and be lost to the block.
        public var valuesBelowReach = 1.2
        /// A block starting at least this far right of another beside it (em of the other's
        /// first line) makes the other a group heading, not a blank row.
        public var besideOffset = 0.2
        /// `LabelFinder.labelsPastEdge`: how far past the data part's left edge a numbered
        /// label wholly past it may start, in glyph heights (a narrow label column's row number,
        /// under the first digits of a number centred on its own line).
        public var pastEdgeReach = 1.0
        /// A row's band reaches half its pitch to each neighbour; a table with one row has no
        /// neighbour and takes this pitch (pt). In points: it is reached only by a single-row
        /// table, whose label is found by its ruled cell or its block first.
        public var singleRowPitch = 20.0
        /// A number glued to the end of a label (行政规范性文件5) is split off when the gap
        /// before it is wider than this (em): CJK-to-digit spacing is about a quarter em, a
        /// cell's padding wider.
        public var gluedValueGap = 0.4
        /// …or wider than this (em) when the number lines up with a number standing alone in
        /// the part above or below it (a column of values): a label justified to fill its cell
        /// leaves only the cells' padding (about a third of an em) before the next cell's number.
        public var alignedValueGap = 0.2
        /// …lining up: an edge or the centre within this (em).
        public var alignedValueSlack = 0.3
    }

    /// The active-disclosure tables (`ActiveTableReader`).
    public struct ActiveTable: Sendable, Equatable, Codable {
        /// Words this close (em) in a row are one number with a space as thousands separator
        /// (1 179): this table's cells are wide.
        public var spacedDigitsGap = 0.6
        /// A line is a row's label line when it overlaps the row's centre ± this (row heights).
        public var labelBand = 1.0
        /// Label words end at most this far right of the row's first value (pt): box-edge
        /// precision, not a distance on the page.
        public var labelEdgeSlack = 1.0
        /// Ruled cells start at most this far left of the row's first value (pt): the ruling
        /// left of a value may sit up to a ruling's own precision beyond its edge.
        public var rulingSlack = 2.0
    }

    /// Parts of the report and page furniture (`PartLocator`, `PositionedPages`).
    public struct Parts: Sendable, Equatable, Codable {
        /// Lines starting below this share of the page's height are in the bottom margin.
        public var bottomMargin = 0.88
        /// Lines ending above this share of the page's height are in the top margin.
        public var topMargin = 0.08
        /// A page number stands apart: no other line within this many of its heights above or below.
        public var pageNumberIsolation = 0.5
        /// Margin text repeated on at least this share of the pages is a running header or footer…
        public var runningShare = 0.5
        /// …and on at least this many pages (count).
        public var runningMinimumPages = 2
        /// Margin around the table lines when a page is rendered to find rulings (pt): room for
        /// the borders around the text, the last row's lower rule included (at 12 pt it was cut
        /// off, so a wrapped tail stayed a row of its own). In points: the border's distance
        /// from the text is the cell's padding, which word processors set in points.
        public var tableAreaMargin = 30.0
        /// A page number is short: narrower than this many of its line heights (digits spread
        /// across the page are the tails of a row's wrapped numbers).
        public var pageNumberMaxWidth = 6.0
        /// Bare digits within this many line heights under or over a number of another line
        /// are the last line of a number wrapped in its cell, not a page number.
        public var stackedDigitsGap = 1.8
    }
}

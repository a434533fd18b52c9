/// Reads a table whose data part is a fixed number of columns to the right of row labels
/// (the applications matrix, 7 columns; the review/litigation row, 15 columns), in stages:
///
/// 1. rows (`RowFinder`): bands of value words, joined within ruled rows;
/// 2. columns (`ColumnFinder`): from the rulings crossing a row, the rows that fill every
///    column, the header and the values' alignment, or another page (`ColumnSource`);
/// 3. cells (`CellReader`): each row's values into its columns; then rows printed blank
///    (`BlankRows`), which only the columns can show;
/// 4. labels (`LabelFinder`): label text left of the data columns to the row whose ruled cell,
///    label block or band holds it;
/// 5. page continuation (`PageContinuation`): the pages joined, a label the break cut mended.
///
/// `stages(in:)` keeps every intermediate (`TableStages`); `rows(in:)` is its rows.
public struct MatrixTableReader: Sendable {
    public var columnCount: Int
    public var table: String
    /// Labels the table's rows may carry; on a page without rulings, a numbered label that
    /// matches one and has no values beside it is a row printed with every cell blank.
    public var knownLabels: [[Character]]
    /// The data columns' header names, left to right, for finding columns from the header.
    public var columnNames: [String]
    public var settings: TableFinderSettings
    public private(set) var diagnostics: [Finding] = []

    public init(columnCount: Int, table: String, knownLabels: [String] = [], columnNames: [String] = [],
                settings: TableFinderSettings = .standard) {
        self.columnCount = columnCount; self.table = table
        self.knownLabels = knownLabels.map(LabelMatcher.core)
        self.columnNames = columnNames
        self.settings = settings
    }

    public mutating func rows(in region: [RegionPage]) -> [RawRow] {
        let stages = stages(in: region)
        diagnostics += stages.diagnostics
        return stages.rows
    }

    /// The table read from its region, with every stage's intermediates.
    func stages(in region: [RegionPage]) -> TableStages {
        var out = TableStages(table: table)
        let rowFinder = RowFinder(columnCount: columnCount, settings: settings)
        let found = region.map(rowFinder.rows).filter { !$0.rows.isEmpty }
        let columnFinder = ColumnFinder(columnCount: columnCount, columnNames: columnNames, settings: settings)
        let (models, fromHeader) = columnFinder.pageModels(found, region: region)
        out.pageColumns = models
        if let page = fromHeader {
            out.diagnostics.append(Finding(code: "table.columns_from_header", severity: .info,
                                           message: "no row prints every column; columns placed by the values' alignment and the header",
                                           table: table, page: page))
        }
        var continuation = PageContinuation(table: table)
        if let crossing = continuation.crossing(pages: found.map(\.part.page.number)) { out.diagnostics.append(crossing) }
        let cellReader = CellReader(columnCount: columnCount, table: table, settings: settings)
        let blankRows = BlankRows(knownLabels: knownLabels, settings: settings)
        let labelFinder = LabelFinder(settings: settings)
        for (i, page) in found.enumerated() {
            let part = page.part
            let cells = cellReader.read(part, rows: page.rows) {
                columnFinder.columns(for: $0, on: part.page, models: models)
            }
            out.diagnostics += cells.diagnostics
            let blank = blankRows.rows(part, valueRows: cells.rows, dataLeft: cells.dataLeft, dataRight: cells.dataRight)
            let rows = (cells.rows + blank).sorted { $0.midY < $1.midY }
            let labels = labelFinder.labels(part, rows: rows, dataLeft: cells.dataLeft)
            let empty = [String?](repeating: nil, count: columnCount), noBoxes = [Rect?](repeating: nil, count: columnCount)
            let pageRows = rows.indices.map {
                let y = rows[$0].midY
                return RawRow(label: labels.rows[$0].text, cells: cells.cells[y] ?? empty, page: part.page.number,
                              geometry: RowGeometry(label: labels.rows[$0].box, cells: cells.boxes[y] ?? noBoxes))
            }
            out.pages.append(TableStages.Page(number: part.page.number, bands: page.bands, ruled: page.ruled,
                                              valueRows: cells.rows, blankRows: blank, columns: cells.columns,
                                              dataLeft: cells.dataLeft, dataRight: cells.dataRight,
                                              labelBlocks: labels.blocks, leading: labels.leading, rows: pageRows))
            out.diagnostics += continuation.add(pageRows, leading: labels.leading, page: part.page.number,
                                                isLastPage: i == found.count - 1)
        }
        out.rows = continuation.rows
        out.continued = continuation.continued
        return out
    }
}

/// Reads a table whose data part is a fixed number of columns to the right of row labels
/// (the applications matrix, 7 columns; the review/litigation row, 15 columns), in stages:
///
/// 1. rows (`RowFinder`): bands of value words, joined within ruled rows;
/// 2. columns (`ColumnFinder`): from the rulings crossing a row, the rows that fill every
///    column, the header and the values' alignment, or another page (`ColumnSource`), moved
///    onto a continued page's numbers when they stand elsewhere (`PageOffsets`);
/// 3. cells (`CellReader`): each row's values into its columns (a full row whose placement
///    breaks the table's row sums read again by them: `SummedRows`); then rows printed blank
///    (`BlankRows`), which only the columns can show; a lone number with no label under
///    another row is left out (`table.stray_value`);
/// 4. labels (`LabelFinder`): label text left of the data columns to the row whose ruled cell,
///    label block or band holds it;
/// 5. page continuation (`PageContinuation`): the pages joined, a label the break cut mended.
///
/// `stages(in:)` keeps every intermediate (`TableStages`); `read(_:)` keeps them too and adds
/// their diagnostics to the reader's; `rows(in:)` is their rows.
public struct MatrixTableReader: Sendable {
    public var columnCount: Int
    public var table: String
    /// Labels the table's rows may carry; on a page without rulings, a numbered label that
    /// matches one and has no values beside it is a row printed with every cell blank.
    public var knownLabels: [[Character]]
    /// The data columns' header names, left to right, for finding columns from the header.
    public var columnNames: [String]
    public var settings: TableFinderSettings
    /// Columns that add up to another in every row (a row whose placement breaks them is
    /// read again: `SummedRows`); none for a table without row totals.
    public var rowSums: [RowSum]
    public private(set) var diagnostics: [Finding] = []
    /// Cells placed in a column that another placement would fit as well.
    public private(set) var doubts: [CellDoubt] = []
    /// Cells of sparse rows that could stand in a neighbouring column as well.
    public private(set) var alternatives: [CellAlternative] = []

    public init(columnCount: Int, table: String, knownLabels: [String] = [], columnNames: [String] = [],
                rowSums: [RowSum] = [], settings: TableFinderSettings = .standard) {
        self.columnCount = columnCount; self.table = table
        self.rowSums = rowSums
        self.knownLabels = knownLabels.map(LabelMatcher.core)
        self.columnNames = columnNames
        self.settings = settings
    }

    public mutating func rows(in region: [RegionPage]) -> [RawRow] {
        read(region).rows
    }

    /// The table read from its region, every stage kept; its diagnostics and doubts are
    /// added to the reader's.
    mutating func read(_ region: [RegionPage]) -> TableStages {
        let stages = stages(in: region)
        diagnostics += stages.diagnostics
        doubts += stages.doubts
        alternatives += stages.alternatives
        return stages
    }

    /// The table read from its region, with every stage's intermediates.
    func stages(in region: [RegionPage]) -> TableStages {
        var out = TableStages(table: table)
        let pitch = StackedPieces.tableLabelLinePitch(pages: region.map(RowFinder.labels), settings: settings.rows)
        let rowFinder = RowFinder(columnCount: columnCount, settings: settings, labelPitch: pitch)
        let found = region.map(rowFinder.rows).filter { !$0.rows.isEmpty }
        let columnFinder = ColumnFinder(columnCount: columnCount, columnNames: columnNames, settings: settings)
        let models = columnFinder.pageModels(found, region: region)
        out.pageColumns = models.models
        out.pageOffsets = models.offsets
        for page in found.map(\.part.page.number) where models.offsets[page] != nil {
            out.diagnostics.append(Finding(code: "table.page_offset", severity: .info,
                                           message: "the table's numbers on page \(page) stand apart from its columns on page \(models.reference ?? 0); read with the columns moved to them",
                                           table: table, page: page))
        }
        for page in found.map(\.part.page.number) where models.continued.contains(page) {
            out.diagnostics.append(Finding(code: "table.page_offset", severity: .info,
                                           message: "the table's numbers on page \(page) stand apart from its columns on page \(models.reference ?? 0), laid out by another scale; read with its own columns of numbers laid onto them in order",
                                           table: table, page: page))
        }
        if let page = models.fromHeader {
            out.diagnostics.append(Finding(code: "table.columns_from_header", severity: .info,
                                           message: "no row prints every column; columns placed by the values' alignment and the header",
                                           table: table, page: page))
        }
        var continuation = PageContinuation(table: table)
        if let crossing = continuation.crossing(pages: found.map(\.part.page.number)) { out.diagnostics.append(crossing) }
        let cellReader = CellReader(columnCount: columnCount, table: table, settings: settings, rowSums: rowSums)
        let blankRows = BlankRows(knownLabels: knownLabels, settings: settings)
        let labelFinder = LabelFinder(settings: settings)
        for (i, page) in found.enumerated() {
            let part = page.part
            let fallback = columnFinder.fallback(for: part.page.number, models)
            let cells = cellReader.read(part, rows: page.rows) {
                columnFinder.columns(for: $0, on: part.page, fallback: fallback)
            }
            out.diagnostics += cells.diagnostics
            out.doubts += cells.doubts
            out.alternatives += cells.alternatives
            let blank = blankRows.rows(part, valueRows: cells.rows, dataLeft: cells.dataLeft, dataRight: cells.dataRight)
            let rows = (cells.rows + blank).sorted { $0.midY < $1.midY }
            let labels = labelFinder.labels(part, rows: rows, dataLeft: cells.dataLeft)
            let empty = [String?](repeating: nil, count: columnCount), noBoxes = [Rect?](repeating: nil, count: columnCount)
            var pageRows: [RawRow] = [], stray: [RawRow] = []
            // Numbers not read go to the row nearest their line (its own, or, when all stood
            // outside the columns and it was dropped, the label's blank row).
            var unread = [[String]](repeating: [], count: rows.count)
            for u in cells.unread {
                if let r = rows.indices.min(by: { abs(rows[$0].midY - u.midY) < abs(rows[$1].midY - u.midY) }) { unread[r] += u.texts }
            }
            for i in rows.indices {
                let y = rows[i].midY
                var row = RawRow(label: labels.rows[i].text, cells: cells.cells[y] ?? empty, page: part.page.number,
                                 geometry: RowGeometry(label: labels.rows[i].box, cells: cells.boxes[y] ?? noBoxes))
                row.unreadNumbers = unread[i]
                row.placementDoubt = cells.placementDoubts[y]
                // Only a table whose rows carry labels (the review row prints none).
                if i > 0, !knownLabels.isEmpty, let value = Self.strayValue(row) {
                    let after = pageRows.last.map { "after “\(TextNormalizer.display($0.label))” " } ?? ""
                    out.diagnostics.append(Finding(code: "table.stray_value", severity: .warning,
                                                   message: "the number \(value) on a line of its own \(after)is in no row's cells; it was left out of the table",
                                                   table: table, page: part.page.number))
                    stray.append(row)
                    continue
                }
                pageRows.append(row)
            }
            out.pages.append(TableStages.Page(number: part.page.number, bands: page.bands, ruled: page.ruled,
                                              valueRows: cells.rows, blankRows: blank, columns: cells.columns,
                                              dataLeft: cells.dataLeft, dataRight: cells.dataRight,
                                              labelBlocks: labels.blocks, leading: labels.leading, rows: pageRows,
                                              stray: stray))
            out.diagnostics += continuation.add(pageRows, leading: labels.leading, page: part.page.number,
                                                isLastPage: i == found.count - 1)
        }
        out.rows = continuation.rows
        out.continued = continuation.continued
        return out
    }

    /// The number of a row that is one number standing alone, with no label text beside it,
    /// below another row of its page (a footnote mark, a converter's leftover under a wrapped
    /// label): its position puts it in no row.
    static func strayValue(_ row: RawRow) -> String? {
        let values = row.cells.compactMap { $0 }
        guard values.count == 1, row.label.allSatisfy(\.isWhitespace), row.geometry?.label == nil else { return nil }
        return values[0]
    }
}

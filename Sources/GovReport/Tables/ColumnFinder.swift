/// The columns stage: where each data column of a table stands, and why (`ColumnSource`).
///
/// A row crossed by vertical rulings takes its last `columnCount` ruled cells, unless the row
/// prints only some columns and its rulings place a value in another column than the page's
/// columns do (a Word grid's sliver cell). Otherwise a page takes its own model — the centres
/// of its rows that fill every column — else the one found on another page, moved onto this
/// page's numbers when they stand elsewhere (`PageOffsets`). When no page has a full row, the
/// columns are where the values of all rows stand (`ValueColumns`), named by the header above
/// the first row (`HeaderColumns`), or the header alone.
struct ColumnFinder {
    var columnCount: Int
    /// The data columns' header names, left to right.
    var columnNames: [String]
    var settings: TableFinderSettings

    /// The pages' own models and what was measured to choose them.
    struct PageModels: Sendable {
        /// Each page's own model, by page number: full rows, or header / value alignment.
        var models: [Int: PlacedColumns] = [:]
        /// Pages without their own model whose numbers stand apart from the reference page's
        /// columns: the offset (pt) that lays them onto its numbers.
        var offsets: [Int: Double] = [:]
        /// The page whose columns the others are measured against.
        var reference: Int?
        /// The page whose model came from the header (said as `table.columns_from_header`).
        var fromHeader: Int?
        /// Pages without full rows that print the header again over columns of their own
        /// (`ownHeader`): their model is theirs alone, never another page's fallback.
        var ownHeader: Set<Int> = []
        /// Pages without header or full rows laid out by their own scale: their value columns
        /// laid onto the reference page's (`ContinuedColumns`); never another page's fallback.
        var continued: Set<Int> = []
    }

    func pageModels(_ pages: [RowFinder.Found], region: [RegionPage]) -> PageModels {
        var out = PageModels()
        for found in pages {
            if let m = fromFullRows(found.rows) { out.models[found.part.page.number] = PlacedColumns(model: m, source: .fullRows) }
        }
        // A continued page whose numbers stand elsewhere than the columns' page: its offset.
        out.reference = out.models.min { ($0.value.model.left, $0.key) < ($1.value.model.left, $1.key) }?.key
            ?? pages.first?.part.page.number
        let reference = pages.first { $0.part.page.number == out.reference }?.rows.flatMap(\.words) ?? []
        for found in pages where found.part.page.number != out.reference && out.models[found.part.page.number] == nil {
            guard let d = PageOffsets.offset(of: found.rows.flatMap(\.words), onto: reference, settings: settings.columns) else { continue }
            out.offsets[found.part.page.number] = d
        }
        // A page printing the header again, laid out by its own scale (a web page printed with
        // its heading rows repeated, read by `pdftotext -layout`): its header, not another
        // page's rows, says where its columns are, when the two disagree.
        if !out.models.isEmpty {
            for found in pages where out.models[found.part.page.number] == nil {
                let n = found.part.page.number
                guard let own = ownHeader(found), let other = fallback(for: n, out),
                      !agree(own.header, other.model) else { continue }
                out.models[n] = own.placed
                out.ownHeader.insert(n)
                out.offsets[n] = nil
            }
        }
        // A page laid out by its own scale, the header not printed again: its own value
        // columns laid onto the reference page's, when the reference page's columns (moved or
        // not) would put its numbers in other columns.
        if let r = out.reference, let ref = out.models[r], !out.ownHeader.contains(r) {
            for found in pages where out.models[found.part.page.number] == nil {
                let n = found.part.page.number
                guard let other = fallback(for: n, out),
                      let own = ContinuedColumns.model(rows: found.rows, labels: labelWords(found), reference: reference, columns: ref.model,
                                                       columnCount: columnCount, offset: out.offsets[n] ?? 0,
                                                       settings: settings.columns),
                      !sameColumns(found.rows.flatMap(\.words), own, other.model) else { continue }
                out.models[n] = PlacedColumns(model: own, source: .anotherPage(r), measuredFromFullRows: ref.measuredFromFullRows)
                out.continued.insert(n)
                out.offsets[n] = nil
            }
        }
        guard out.models.isEmpty, let first = pages.first else { return out }
        let aligned = pages.filter { out.offsets[$0.part.page.number] == nil }.flatMap(\.rows)
        if let placed = fromHeader(first, aligned: aligned, region: region) {
            out.models[first.part.page.number] = placed
            out.fromHeader = first.part.page.number
        }
        return out
    }

    /// The columns of a page's rows without rulings of their own: its own model, else the
    /// leftmost model of another page, moved by the page's offset (nil when no page has one).
    func fallback(for page: Int, _ m: PageModels) -> PlacedColumns? {
        if let own = m.models[page] { return own }
        guard let (number, other) = m.models.filter({ !m.ownHeader.contains($0.key) && !m.continued.contains($0.key) }).min(by: { ($0.value.model.left, $0.key) < ($1.value.model.left, $1.key) })
        else { return nil }
        let measured = other.measuredFromFullRows
        guard let d = m.offsets[page] else {
            return PlacedColumns(model: other.model, source: .anotherPage(number), measuredFromFullRows: measured)
        }
        return PlacedColumns(model: PageOffsets.shifted(other.model, by: -d), source: .anotherPage(number), offset: -d,
                             measuredFromFullRows: measured)
    }

    /// The model for one row: its rulings, else the page's `fallback`.
    func columns(for row: DataRow, on page: PageLayout, fallback: PlacedColumns?) -> PlacedColumns? {
        guard let ruled = fromRulings(row, page: page) else { return fallback }
        // A row with values in only some columns (the tails of wrapped numbers) can sit in
        // cells a ruling splits that is no column boundary elsewhere (a Word grid's sliver
        // cell): where its rulings place a value in another column than the page's full
        // rows do, the full rows' columns hold. Columns guessed from the header or from the
        // values' alignment are weaker evidence than rulings and never overrule them.
        let reach = settings.columns.nearestColumnReach
        if let f = fallback, f.measuredFromFullRows, row.words.count < columnCount,
           row.words.contains(where: { ruled.column(of: $0.box.midX, reach: reach) != f.model.column(of: $0.box.midX, reach: reach) }) {
            return fallback
        }
        return PlacedColumns(model: ruled, source: .rulings)
    }

    /// Column centres from the rows that print a value in every column.
    func fromFullRows(_ rows: [DataRow]) -> ColumnModel? {
        let full = rows.filter { $0.words.count == columnCount }
        guard !full.isEmpty else { return nil }
        let centers = (0..<columnCount).map { i in median(full.map { $0.words[i].box.midX }) }
        return ColumnModel.fromCenters(centers, settings: settings.columns)
    }

    /// Data columns from the vertical rulings that cross a row: the last `columnCount` cells.
    func fromRulings(_ row: DataRow, page: PageLayout) -> ColumnModel? {
        var xs: [Double] = []
        let same = settings.rulings.sameRuling
        let crossing = page.verticalRulings.filter { $0.covers(row.midY, tolerance: -row.height * settings.rulings.crossing) }
        for v in crossing {
            if let last = xs.last, abs(last - v.position) < same { continue }
            xs.append(v.position)
        }
        var dedup = Ruling.distinct(xs, within: same)
        guard dedup.count >= columnCount + 1 else { return nil }
        if let sliver = sliverEdge(dedup, row: row, page: page, crossing: crossing) { dedup.remove(at: sliver) }
        let edges = Array(dedup.suffix(columnCount + 1))
        let model = ColumnModel(intervals: (0..<columnCount).map { edges[$0]...edges[$0 + 1] })
        // The rulings must frame the row's values, else they belong to something else.
        guard row.words.allSatisfy({ $0.box.midX >= edges[0] && $0.box.midX <= edges[columnCount] }) else {
            return nil
        }
        return model
    }

    /// The edge of a sliver cell among a row's last `columnCount` ruled cells (a Word grid
    /// splits a cell by a short ruling that is no column boundary): then the cell left of those
    /// holds no text on the row's line, where a row's label always stands, and one of them is
    /// under half as wide as the others' median. The sliver's shorter ruling is dropped.
    func sliverEdge(_ edges: [Double], row: DataRow, page: PageLayout, crossing: [Ruling]) -> Int? {
        guard edges.count > columnCount + 1 else { return nil }
        let first = edges.count - columnCount - 1
        let band = (row.midY - row.height / 2)...(row.midY + row.height / 2)
        let labelCell = edges[first - 1]...edges[first]
        guard !page.glyphs.contains(where: { labelCell.contains($0.box.midX) && band.contains($0.box.midY)
                                            && !$0.text.allSatisfy(\.isWhitespace) }) else { return nil }
        let widths = (first..<(edges.count - 1)).map { edges[$0 + 1] - edges[$0] }
        guard let k = widths.indices.min(by: { widths[$0] < widths[$1] }),
              widths[k] < 0.5 * median(widths.enumerated().filter { $0.offset != k }.map(\.element)) else { return nil }
        let (left, right) = (first + k, first + k + 1)
        func length(_ x: Double) -> Double {
            crossing.filter { abs($0.position - x) < settings.rulings.sameRuling }.map(\.length).max() ?? 0
        }
        // The table's right border is never the sliver's.
        if right == edges.count - 1 { return left == first ? nil : left }
        return length(edges[left]) < length(edges[right]) ? left : right
    }

    /// The columns a page's own header gives (its glyphs above its first row; every column
    /// name found in order), placed on its values' alignment; nil when it prints no header.
    func ownHeader(_ found: RowFinder.Found) -> (header: ColumnModel, placed: PlacedColumns)? {
        let rows = found.rows
        guard let topRow = rows.map(\.midY).min() else { return nil }
        let top = topRow - rows[0].height
        guard let header = HeaderColumns.model(names: columnNames, header: found.part.glyphs.filter { $0.box.midY < top },
                                               settings: settings) else { return nil }
        if let m = ValueColumns.model(rows: rows, columnCount: columnCount, header: header, settings: settings.columns) {
            return (header, PlacedColumns(model: m, source: .valueAlignment))
        }
        return (header, PlacedColumns(model: header, source: .header))
    }

    /// A page's words that are no values: its row labels.
    func labelWords(_ found: RowFinder.Found) -> [Word] {
        found.part.lines.flatMap(\.words).filter { !ValueParser.looksLikeValue($0.text) }
    }

    /// Whether the two models put every word in the same column.
    func sameColumns(_ words: [Word], _ a: ColumnModel, _ b: ColumnModel) -> Bool {
        let reach = settings.columns.nearestColumnReach
        return words.allSatisfy { a.column(of: $0.box.midX, reach: reach) == b.column(of: $0.box.midX, reach: reach) }
    }

    /// Whether every header column's centre falls in the same column of `model`.
    func agree(_ header: ColumnModel, _ model: ColumnModel) -> Bool {
        header.intervals.indices.allSatisfy { model.column(of: header.center($0), reach: 0) == $0 }
    }

    /// No row fills every column: the columns are where the values of the `aligned` rows
    /// (those of pages not offset) stand, named by the header above the first row. The header
    /// is everything of the table above its first row, on earlier pages too (a header left at
    /// the foot of a page, the rows on the next).
    func fromHeader(_ first: RowFinder.Found, aligned: [DataRow], region: [RegionPage]) -> PlacedColumns? {
        let part = first.part, rows = first.rows
        let top = rows.map(\.midY).min()! - rows[0].height
        let earlier = region.prefix { $0.page.number < part.page.number }.flatMap(\.glyphs)
        let header = HeaderColumns.model(names: columnNames,
                                         header: earlier + part.glyphs.filter { $0.box.midY < top }, settings: settings)
        if let m = ValueColumns.model(rows: aligned, columnCount: columnCount, header: header, settings: settings.columns) {
            return PlacedColumns(model: m, source: .valueAlignment)
        }
        return header.map { PlacedColumns(model: $0, source: .header) }
    }
}

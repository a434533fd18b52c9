/// The columns stage: where each data column of a table stands, and why (`ColumnSource`).
///
/// A row crossed by vertical rulings takes its last `columnCount` ruled cells. Otherwise a
/// page takes its own model — the centres of its rows that fill every column — else the one
/// found on another page. When no page has a full row, the columns are where the values of
/// all rows stand (`ValueColumns`), named by the header above the first row (`HeaderColumns`),
/// or the header alone.
struct ColumnFinder {
    var columnCount: Int
    /// The data columns' header names, left to right.
    var columnNames: [String]
    var settings: TableFinderSettings

    /// Each page's own model (by page number), and whether it came from the header (the
    /// caller says so as `table.columns_from_header` on that page).
    func pageModels(_ pages: [RowFinder.Found], region: [RegionPage]) -> (models: [Int: PlacedColumns], fromHeader: Int?) {
        var models: [Int: PlacedColumns] = [:]
        for found in pages {
            if let m = fromFullRows(found.rows) { models[found.part.page.number] = PlacedColumns(model: m, source: .fullRows) }
        }
        guard models.isEmpty, let first = pages.first, let placed = fromHeader(first, all: pages, region: region) else {
            return (models, nil)
        }
        models[first.part.page.number] = placed
        return (models, first.part.page.number)
    }

    /// The model for one row: its rulings, else its page's model, else the leftmost model of
    /// another page (nil when no page has one).
    func columns(for row: DataRow, on page: PageLayout, models: [Int: PlacedColumns]) -> PlacedColumns? {
        if let ruled = fromRulings(row, page: page) { return PlacedColumns(model: ruled, source: .rulings) }
        if let own = models[page.number] { return own }
        guard let (number, other) = models.min(by: { ($0.value.model.left, $0.key) < ($1.value.model.left, $1.key) })
        else { return nil }
        return PlacedColumns(model: other.model, source: .anotherPage(number))
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
        for v in page.verticalRulings where v.covers(row.midY, tolerance: -row.height * settings.rulings.crossing) {
            if let last = xs.last, abs(last - v.position) < same { continue }
            xs.append(v.position)
        }
        let dedup = Ruling.distinct(xs, within: same)
        guard dedup.count >= columnCount + 1 else { return nil }
        let edges = Array(dedup.suffix(columnCount + 1))
        let model = ColumnModel(intervals: (0..<columnCount).map { edges[$0]...edges[$0 + 1] })
        // The rulings must frame the row's values, else they belong to something else.
        guard row.words.allSatisfy({ $0.box.midX >= edges[0] && $0.box.midX <= edges[columnCount] }) else {
            return nil
        }
        return model
    }

    /// No row fills every column: the columns are where the values of all rows stand, named by
    /// the header above the first row. The header is everything of the table above its first
    /// row, on earlier pages too (a header left at the foot of a page, the rows on the next).
    func fromHeader(_ first: RowFinder.Found, all pages: [RowFinder.Found], region: [RegionPage]) -> PlacedColumns? {
        let part = first.part, rows = first.rows
        let top = rows.map(\.midY).min()! - rows[0].height
        let earlier = region.prefix { $0.page.number < part.page.number }.flatMap(\.glyphs)
        let header = HeaderColumns.model(names: columnNames,
                                         header: earlier + part.glyphs.filter { $0.box.midY < top }, settings: settings)
        if let m = ValueColumns.model(rows: pages.flatMap(\.rows), columnCount: columnCount, header: header,
                                      settings: settings.columns) {
            return PlacedColumns(model: m, source: .valueAlignment)
        }
        return header.map { PlacedColumns(model: $0, source: .header) }
    }
}

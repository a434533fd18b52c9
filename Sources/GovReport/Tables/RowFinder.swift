/// The rows stage: one page of a table's region into rows of values.
///
/// Value words are grouped into bands by their vertical centres (`DataRow.rows`). When the
/// page's horizontal rulings separate the bands, or its vertical rulings cross every band (a
/// grid), bands inside one ruled row are one row (a number wrapped in its cell); otherwise (a
/// three-line table: top, under the header, bottom) the horizontal rulings say nothing about
/// rows and the page is read as unruled: there a band of digits stacked under a row's numbers
/// in their cells is part of that row (`StackedPieces`).
struct RowFinder {
    var columnCount: Int
    var settings: TableFinderSettings
    /// The table's label line pitch (pt, `StackedPieces.tableLabelLinePitch`): how far apart a
    /// wrapped number's lines stand on a page whose own labels do not wrap.
    var labelPitch: Double? = nil

    /// A page's label words: its words that are not values.
    static func labels(of part: RegionPage) -> [Word] {
        part.lines.flatMap(\.words).filter { !ValueParser.looksLikeValue($0.text) }
    }

    /// One page's rows, with what they were made from.
    struct Found: Sendable {
        /// The page, its horizontal rulings set aside when they do not separate rows.
        var part: RegionPage
        /// Bands of value words, top to bottom, before joining bands within ruled rows.
        var bands: [DataRow]
        /// Whether the horizontal rulings were kept as row borders.
        var ruled: Bool
        /// The rows: bands joined within ruled rows.
        var rows: [DataRow]
    }

    func rows(in part: RegionPage) -> Found {
        var part = part
        let values = part.lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
        let bands = DataRow.rows(of: values, page: part.page.number, settings: settings.rows)
        // A grid shows in its vertical rulings crossing every band of values: a page holding
        // a row or two of it, their numbers wrapped (a continuation page's last rows), has
        // few rules among its bands and is still a grid.
        let grid = part.page.verticalRulings.filter { v in
            bands.allSatisfy { v.covers($0.midY) }
        }.count > columnCount
        if !grid, !DataRow.rulingsSeparate(bands, part.page.horizontalRulings, settings: settings) {
            part.page.rulings.removeAll { $0.axis == .horizontal }
        }
        var rows = DataRow.mergedWithinRuledRows(bands, rulings: part.page.horizontalRulings, settings: settings.rulings)
        // Without rulings to bound a row, a number wrapped in a narrow cell shows in its pieces.
        if part.page.horizontalRulings.isEmpty {
            rows = StackedPieces.joined(rows, labels: Self.labels(of: part), tablePitch: labelPitch, settings: settings.rows)
        }
        return Found(part: part, bands: bands, ruled: !part.page.horizontalRulings.isEmpty, rows: rows)
    }
}

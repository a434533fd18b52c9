/// Reads a table whose data part is a fixed number of columns to the right of row labels
/// (the applications matrix, 7 columns; the review/litigation row, 15 columns).
///
/// Rows are bands of value words; columns come from the vertical rulings crossing a row,
/// else from rows that fill every column, else from another page of the same table.
/// Label text left of the data columns goes to the row whose ruled cell (or, without
/// rulings, whose band) holds it; text of a merged cell spanning several rows is a group
/// heading and is left out of the row labels.
public struct MatrixTableReader {
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
        var models: [Int: ColumnModel] = [:]
        var pageRows: [(RegionPage, [DataRow])] = []
        for var part in region {
            let values = part.lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
            let bands = DataRow.rows(of: values, page: part.page.number, settings: settings.rows)
            // Horizontal rules that do not separate the rows (a three-line table: top, under the
            // header, bottom) say nothing about rows; read such a page as unruled.
            // A page holding one row of a grid, its numbers wrapped (a continuation page's last
            // row): its bands lie in one ruled cell, and vertical rulings cross them.
            let oneGridRow = bands.count <= settings.rows.oneGridRowMaxBands && part.page.verticalRulings.filter { v in
                bands.allSatisfy { v.covers($0.midY) }
            }.count > columnCount
            if !oneGridRow, !DataRow.rulingsSeparate(bands, part.page.horizontalRulings, settings: settings) {
                part.page.rulings.removeAll { $0.axis == .horizontal }
            }
            let rows = DataRow.mergedWithinRuledRows(bands, rulings: part.page.horizontalRulings, settings: settings.rulings)
            guard !rows.isEmpty else { continue }
            pageRows.append((part, rows))
            if let m = columnsFromFullRows(rows) { models[part.page.number] = m }
        }
        if models.isEmpty, let (part, rows) = pageRows.first {
            // No row fills every column: the columns are where the values of all rows stand,
            // named by the header above the first row.
            // The header: everything of the table above its first row, on earlier pages too
            // (a header left at the foot of a page, the rows on the next).
            let top = rows.map(\.midY).min()! - rows[0].height
            let earlier = region.prefix { $0.page.number < part.page.number }.flatMap(\.glyphs)
            let header = HeaderColumns.model(names: columnNames,
                                             header: earlier + part.glyphs.filter { $0.box.midY < top }, settings: settings)
            if let m = ValueColumns.model(rows: pageRows.flatMap(\.1), columnCount: columnCount, header: header,
                                          settings: settings.columns) ?? header {
                models[part.page.number] = m
                diagnostics.append(Finding(code: "table.columns_from_header", severity: .info,
                                           message: "no row prints every column; columns placed by the values' alignment and the header",
                                           table: table, page: part.page.number))
            }
        }
        if pageRows.count > 1 {
            diagnostics.append(Finding(code: "table.crosses_pages", severity: .info,
                                       message: "table continues over pages \(pageRows.map { String($0.0.page.number) }.joined(separator: ", "))",
                                       table: table, page: pageRows[0].0.page.number))
        }
        var out: [RawRow] = []
        for (part, rows) in pageRows {
            let fallback = models[part.page.number] ?? models.values.sorted { $0.left < $1.left }.first
            var (pageOut, leading) = read(part, rows: rows, fallback: fallback)
            // Label text above a continuation page's first row ends the label the break cut.
            if !out.isEmpty, !leading.isEmpty, !TableVocabulary.isHeader(leading) {
                out[out.count - 1].label += leading
                diagnostics.append(Finding(code: "table.row_split_by_page", severity: .info,
                                           message: "row \"\(out[out.count - 1].label)\" continues at the top of page \(part.page.number)",
                                           table: table, page: part.page.number))
            }
            if part.page.number != pageRows.last?.0.page.number, !pageOut.isEmpty {
                pageOut[pageOut.count - 1].mayContinue = true
            }
            out += pageOut
        }
        return out
    }

    /// Column centres from the rows that print a value in every column.
    func columnsFromFullRows(_ rows: [DataRow]) -> ColumnModel? {
        let full = rows.filter { $0.words.count == columnCount }
        guard !full.isEmpty else { return nil }
        let centers = (0..<columnCount).map { i in median(full.map { $0.words[i].box.midX }) }
        return ColumnModel.fromCenters(centers, settings: settings.columns)
    }

    /// Data columns from the vertical rulings that cross a row: the last `columnCount` cells.
    func columnsFromRulings(_ row: DataRow, page: PageLayout) -> ColumnModel? {
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

    mutating func read(_ part: RegionPage, rows valueRows: [DataRow], fallback: ColumnModel?)
        -> (rows: [RawRow], leading: String) {
        var cells: [Double: [String?]] = [:]
        var boxes: [Double: [Rect?]] = [:]
        var dataLeft = Double.infinity, dataRight = -Double.infinity
        var kept: [DataRow] = []
        for var row in valueRows {
            let ruled = columnsFromRulings(row, page: part.page)
            guard let model = ruled ?? fallback ?? inferredColumns(row) else { kept.append(row); continue }
            // A "value" outside every column is label text that reads like one (无 in a
            // vertical group heading); a band of nothing else is no data row.
            let reach = settings.columns.nearestColumnReach
            row.words = row.words.filter { model.column(of: $0.box.midX, reach: reach) != nil }
            guard !row.words.isEmpty else { continue }
            kept.append(row)
            // Ruled columns end where the label cell ends; otherwise labels may reach into the
            // first column's nominal interval, so only the values themselves bound them.
            let firstValue = row.words.first.map { $0.box.x0 - settings.columns.valueEdgeSlack } ?? model.left
            dataLeft = min(dataLeft, ruled != nil ? model.left : firstValue)
            dataRight = max(dataRight, model.intervals.last?.upperBound ?? model.left)
            var texts = [String](repeating: "", count: columnCount)
            var rects = [Rect?](repeating: nil, count: columnCount)
            // Top to bottom, so a number wrapped inside its cell reads in order.
            for w in row.words.sorted(by: { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }) {
                guard let c = model.column(of: w.box.midX, reach: reach) else { continue }
                // Two numbers side by side in one column (not one wrapped under the other, not
                // a space as thousands separator) means the columns were misjudged: say so.
                if let r = rects[c], r.verticalOverlap(w.box) > settings.cells.joinedOverlap * w.box.height,
                   w.box.x0 - r.x1 > settings.cells.joinedGap * w.box.height {
                    diagnostics.append(Finding(code: "table.cell_joined", severity: .warning,
                                               message: "two numbers side by side in one column were joined: \(texts[c]) and \(w.text)",
                                               table: table, page: part.page.number))
                }
                texts[c] += w.text
                rects[c] = rects[c].map { $0.union(w.box) } ?? w.box
            }
            for c in rects.indices {
                guard let r = rects[c], part.page.uncertain.contains(where: {
                    $0.horizontalOverlap(r) > 0 && $0.verticalOverlap(r) > 0 }) else { continue }
                diagnostics.append(Finding(code: "cell.uncertain", severity: .warning,
                                           message: "two texts overlap in a cell and which one shows could not be told; kept \(texts[c])",
                                           table: table, page: part.page.number))
            }
            cells[row.midY] = texts.map { $0.isEmpty ? nil : $0 }
            boxes[row.midY] = rects
        }
        if dataLeft == .infinity {
            diagnostics.append(Finding(code: "table.columns_unknown", severity: .warning,
                                       message: "could not tell which column each number is in", table: table,
                                       page: part.page.number))
        }
        let valueRows = kept
        let rows = (valueRows + blankRows(part, valueRows: valueRows, dataLeft: dataLeft, dataRight: dataRight))
            .sorted { $0.midY < $1.midY }
        let (labels, leading) = labelTexts(part, rows: rows, dataLeft: dataLeft)
        let out = rows.indices.map {
            let y = rows[$0].midY
            return RawRow(label: labels[$0].text, cells: cells[y] ?? [String?](repeating: nil, count: columnCount),
                          page: part.page.number,
                          geometry: RowGeometry(label: labels[$0].box,
                                                cells: boxes[y] ?? [Rect?](repeating: nil, count: columnCount)))
        }
        return (out, leading)
    }

    /// Rows printed with every data cell empty: ruled bands across the data columns that hold
    /// label text on the left and nothing at all in the data columns.
    func blankRows(_ part: RegionPage, valueRows: [DataRow], dataLeft: Double, dataRight: Double) -> [DataRow] {
        guard dataLeft < dataRight else { return [] }
        let mid = (dataLeft + dataRight) / 2
        var ys = part.page.horizontalRulings.filter { $0.covers(mid, tolerance: settings.rulings.reach) }.map(\.position)
        if ys.count < 2 { return unruledBlankRows(part, valueRows: valueRows, dataLeft: dataLeft) }
        ys = Ruling.distinct(ys, within: settings.rulings.sameRuling)
        let glyphs = part.glyphs
        var out: [DataRow] = []
        for (a, b) in zip(ys, ys.dropFirst()) where b - a >= settings.rows.minimumBlankRowHeight {
            guard !valueRows.contains(where: { $0.midY > a && $0.midY < b }) else { continue }
            let inBand = glyphs.filter { $0.box.midY > a && $0.box.midY < b }
            guard !inBand.contains(where: { $0.box.midX > dataLeft }),
                  let h = inBand.filter({ $0.box.midX < dataLeft }).map(\.box.height).max() else { continue }
            out.append(DataRow(words: [], midY: (a + b) / 2, height: h, page: part.page.number))
        }
        return out
    }

    /// Blank rows of a table without rulings: a numbered label block (see `LabelBlock`) with
    /// no values beside it, whose label matches a known row label, and with no other block to
    /// its right beside it (that would make it a group heading such as （三）不予公开).
    func unruledBlankRows(_ part: RegionPage, valueRows: [DataRow], dataLeft: Double) -> [DataRow] {
        guard !knownLabels.isEmpty, dataLeft < .infinity else { return [] }
        let valueGlyphs = Set(valueRows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let labelGlyphs = part.glyphs.filter {
            $0.box.midX < dataLeft - settings.columns.valueEdgeSlack && !valueGlyphs.contains(GlyphKey($0))
        }
        let vertical = VerticalText.stacked(labelGlyphs, settings: settings.verticalText)
        let words = LabelBlock.splitAtInnerNumbers(
            LineBuilder.lines(labelGlyphs.enumerated().filter { !vertical.contains($0.offset) }.map(\.element),
                              settings: settings.lines, wordGap: settings.lines.labelWordGap).flatMap(\.words))
        let blocks = LabelBlock.blocks(words, settings: settings.labels).blocks
        let assigner = LabelAssigner(rows: valueRows.map(\.midY), rulings: [], settings: settings)
        var out: [DataRow] = []
        let lastValue = valueRows.map(\.midY).max() ?? .infinity
        for b in blocks where assigner.rowBeside(b.box, lineHeight: b.words[0].box.height) == nil {
            let beside = blocks.contains { o in o.x0 > b.x0 + settings.labels.besideOffset && o.box.verticalOverlap(b.box) > 0 }
            guard !beside else { continue }
            // Below the last values of a page, a label may be the start of a row that a page
            // break cut (the mapper joins it with its continuation).
            let core = LabelMatcher.core(b.words.map(\.text).joined())
            guard b.box.y0 > lastValue
                || knownLabels.contains(where: { LabelMatcher.score(printed: core, template: $0) >= settings.rows.blankLabelMatch }) else { continue }
            out.append(DataRow(words: [], midY: b.box.midY, height: b.words[0].box.height, page: part.page.number))
        }
        return out
    }

    /// Last resort for a page with neither rulings nor a full row: values right-aligned.
    func inferredColumns(_ row: DataRow) -> ColumnModel? {
        guard row.words.count == columnCount else { return nil }
        return ColumnModel.fromCenters(row.words.map(\.box.midX), settings: settings.columns)
    }

    /// Label text of each row: the words left of the data columns (see `LabelAssigner`).
    func labelTexts(_ part: RegionPage, rows: [DataRow], dataLeft: Double)
        -> (rows: [(text: String, box: Rect?)], leading: String) {
        let valueGlyphs = Set(rows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let candidates = part.glyphs.filter { g in
            g.box.midX < dataLeft - settings.columns.valueEdgeSlack && !valueGlyphs.contains(GlyphKey(g))
        }
        let vertical = VerticalText.stacked(candidates, settings: settings.verticalText)
        let glyphs = candidates.enumerated().filter { !vertical.contains($0.offset) }.map(\.element)
        let labels = LabelAssigner(rows: rows.map(\.midY), rulings: part.page.rulings, settings: settings).labels(glyphs)
        return (labels.rows, labels.leading)
    }
}

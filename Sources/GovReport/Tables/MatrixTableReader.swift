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
    public private(set) var diagnostics: [Finding] = []
    /// Cells placed in a column that another placement would fit as well.
    public private(set) var doubts: [CellDoubt] = []

    public init(columnCount: Int, table: String, knownLabels: [String] = [], columnNames: [String] = []) {
        self.columnCount = columnCount; self.table = table
        self.knownLabels = knownLabels.map(LabelMatcher.core)
        self.columnNames = columnNames
    }

    public mutating func rows(in region: [RegionPage]) -> [RawRow] {
        var models: [Int: ColumnModel] = [:]
        var pageRows: [(RegionPage, [DataRow])] = []
        for var part in region {
            let values = part.lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
            let bands = DataRow.rows(of: values, page: part.page.number)
            // Horizontal rules that do not separate the rows (a three-line table: top, under the
            // header, bottom) say nothing about rows; read such a page as unruled.
            // A grid shows in its vertical rulings crossing every band of values: a page holding
            // a row or two of it, their numbers wrapped (a continuation page's last rows), has
            // few rules among its bands and is still a grid.
            let grid = part.page.verticalRulings.filter { v in
                bands.allSatisfy { v.covers($0.midY) }
            }.count > columnCount
            if !grid, !DataRow.rulingsSeparate(bands, part.page.horizontalRulings) {
                part.page.rulings.removeAll { $0.axis == .horizontal }
            }
            let rows = DataRow.mergedWithinRuledRows(bands, rulings: part.page.horizontalRulings)
            guard !rows.isEmpty else { continue }
            pageRows.append((part, rows))
            if let m = columnsFromFullRows(rows) { models[part.page.number] = m }
        }
        // A continued page whose numbers stand elsewhere than the columns' page: its offset.
        var offsets: [Int: Double] = [:]
        let referencePage = models.min { ($0.value.left, $0.key) < ($1.value.left, $1.key) }?.key ?? pageRows.first?.0.page.number
        let reference = pageRows.first { $0.0.page.number == referencePage }?.1.flatMap(\.words) ?? []
        for (part, rows) in pageRows where part.page.number != referencePage && models[part.page.number] == nil {
            guard let d = PageOffsets.offset(of: rows.flatMap(\.words), onto: reference) else { continue }
            offsets[part.page.number] = d
            diagnostics.append(Finding(code: "table.page_offset", severity: .info,
                                       message: "the table's numbers on page \(part.page.number) stand apart from its columns on page \(referencePage ?? 0); read with the columns moved to them",
                                       table: table, page: part.page.number))
        }
        if models.isEmpty, let (part, rows) = pageRows.first {
            // No row fills every column: the columns are where the values of all rows stand,
            // named by the header above the first row.
            // The header: everything of the table above its first row, on earlier pages too
            // (a header left at the foot of a page, the rows on the next).
            let top = rows.map(\.midY).min()! - rows[0].height
            let earlier = region.prefix { $0.page.number < part.page.number }.flatMap(\.glyphs)
            let header = HeaderColumns.model(names: columnNames,
                                             header: earlier + part.glyphs.filter { $0.box.midY < top })
            let aligned = pageRows.filter { offsets[$0.0.page.number] == nil }.flatMap(\.1)
            if let m = ValueColumns.model(rows: aligned, columnCount: columnCount, header: header) ?? header {
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
            var fallback = models[part.page.number] ?? models.values.sorted { $0.left < $1.left }.first
            if models[part.page.number] == nil, let d = offsets[part.page.number], let f = fallback {
                fallback = PageOffsets.shifted(f, by: -d)
            }
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
        return ColumnModel.fromCenters(centers)
    }

    /// Data columns from the vertical rulings that cross a row: the last `columnCount` cells.
    func columnsFromRulings(_ row: DataRow, page: PageLayout) -> ColumnModel? {
        var xs: [Double] = []
        for v in page.verticalRulings where v.covers(row.midY, tolerance: -row.height * 0.2) {
            if let last = xs.last, abs(last - v.position) < 2 { continue }
            xs.append(v.position)
        }
        xs.sort()
        var dedup: [Double] = []
        for x in xs where dedup.last.map({ x - $0 >= 2 }) ?? true { dedup.append(x) }
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
            var ruled = columnsFromRulings(row, page: part.page)
            // A row with values in only some columns (the tails of wrapped numbers) can sit in
            // cells a ruling splits that is no column boundary elsewhere (a Word grid's sliver
            // cell): where its rulings place a value in another column than the page's full
            // rows do, the full rows' columns hold.
            if let r = ruled, let f = fallback, row.words.count < columnCount,
               row.words.contains(where: { r.column(of: $0.box.midX) != f.column(of: $0.box.midX) }) {
                ruled = nil
            }
            guard let model = ruled ?? fallback ?? inferredColumns(row) else { kept.append(row); continue }
            // A "value" outside every column is label text that reads like one (无 in a
            // vertical group heading); a band of nothing else is no data row.
            row.words = row.words.filter { model.column(of: $0.box.midX) != nil }
            guard !row.words.isEmpty else { continue }
            kept.append(row)
            // Ruled columns end where the label cell ends; otherwise labels may reach into the
            // first column's nominal interval, so only the values themselves bound them.
            let firstValue = row.words.first.map { $0.box.x0 - 1 } ?? model.left
            dataLeft = min(dataLeft, ruled != nil ? model.left : firstValue)
            dataRight = max(dataRight, model.intervals.last?.upperBound ?? model.left)
            var texts = [String](repeating: "", count: columnCount)
            var rects = [Rect?](repeating: nil, count: columnCount)
            let placement = RowPlacement.columns(of: row.words, model: model)
            // Top to bottom, so a number wrapped inside its cell reads in order.
            for k in row.words.indices.sorted(by: { (row.words[$0].box.y0, row.words[$0].box.x0)
                                                    < (row.words[$1].box.y0, row.words[$1].box.x0) }) {
                let w = row.words[k]
                guard let c = placement.columns[k] else { continue }
                // Two numbers side by side in one column (not one wrapped under the other, not
                // a space as thousands separator) means the columns were misjudged: say so.
                if let r = rects[c], r.verticalOverlap(w.box) > 0.5 * w.box.height,
                   w.box.x0 - r.x1 > 0.6 * w.box.height {
                    diagnostics.append(Finding(code: "table.cell_joined", severity: .warning,
                                               message: "two numbers side by side in one column were joined: \(texts[c]) and \(w.text)",
                                               table: table, page: part.page.number))
                }
                texts[c] += w.text
                rects[c] = rects[c].map { $0.union(w.box) } ?? w.box
            }
            for c in placement.ambiguous.sorted() {
                guard let r = rects[c] else { continue }
                doubts.append(CellDoubt(table: table, page: part.page.number, box: r,
                                        reason: "numbers of a row stood off their columns and were placed in order; \(texts[c]) may belong to a neighbouring column"))
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
        var out: [RawRow] = []
        for i in rows.indices {
            let y = rows[i].midY
            let row = RawRow(label: labels[i].text, cells: cells[y] ?? [String?](repeating: nil, count: columnCount),
                             page: part.page.number,
                             geometry: RowGeometry(label: labels[i].box,
                                                   cells: boxes[y] ?? [Rect?](repeating: nil, count: columnCount)))
            // Only a table whose rows carry labels (the review row prints none).
            if i > 0, !knownLabels.isEmpty, let value = Self.strayValue(row) {
                let after = out.last.map { "after “\(TextNormalizer.display($0.label))” " } ?? ""
                diagnostics.append(Finding(code: "table.stray_value", severity: .warning,
                                           message: "the number \(value) on a line of its own \(after)is in no row's cells; it was left out of the table",
                                           table: table, page: part.page.number))
                continue
            }
            out.append(row)
        }
        return (out, leading)
    }

    /// The number of a row that is one number standing alone, with no label text beside it,
    /// below another row of its page (a footnote mark, a converter's leftover under a wrapped
    /// label): its position puts it in no row.
    static func strayValue(_ row: RawRow) -> String? {
        let values = row.cells.compactMap { $0 }
        guard values.count == 1, row.label.allSatisfy(\.isWhitespace), row.geometry?.label == nil else { return nil }
        return values[0]
    }

    /// Rows printed with every data cell empty: ruled bands across the data columns that hold
    /// label text on the left and nothing at all in the data columns.
    func blankRows(_ part: RegionPage, valueRows: [DataRow], dataLeft: Double, dataRight: Double) -> [DataRow] {
        guard dataLeft < dataRight else { return [] }
        let mid = (dataLeft + dataRight) / 2
        var ys = part.page.horizontalRulings.filter { $0.covers(mid, tolerance: 1) }.map(\.position).sorted()
        if ys.count < 2 { return unruledBlankRows(part, valueRows: valueRows, dataLeft: dataLeft) }
        ys = ys.reduce(into: [Double]()) { acc, y in if acc.last.map({ y - $0 >= 2 }) ?? true { acc.append(y) } }
        let glyphs = part.glyphs
        var out: [DataRow] = []
        for (a, b) in zip(ys, ys.dropFirst()) where b - a >= 6 {
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
        let labelGlyphs = part.glyphs.filter { $0.box.midX < dataLeft - 1 && !valueGlyphs.contains(GlyphKey($0)) }
        let vertical = VerticalText.stacked(labelGlyphs)
        let words = LabelBlock.splitAtInnerNumbers(
            LineBuilder.lines(labelGlyphs.enumerated().filter { !vertical.contains($0.offset) }.map(\.element),
                              wordGap: LabelAssigner.wordGap).flatMap(\.words))
        let blocks = LabelBlock.blocks(words).blocks
        let assigner = LabelAssigner(rows: valueRows.map(\.midY), rulings: [])
        var out: [DataRow] = []
        let lastValue = valueRows.map(\.midY).max() ?? .infinity
        for b in blocks where assigner.rowBeside(b.box, lineHeight: b.words[0].box.height) == nil {
            let beside = blocks.contains { o in o.x0 > b.x0 + 2 && o.box.verticalOverlap(b.box) > 0 }
            guard !beside else { continue }
            // Below the last values of a page, a label may be the start of a row that a page
            // break cut (the mapper joins it with its continuation).
            let core = LabelMatcher.core(b.words.map(\.text).joined())
            guard b.box.y0 > lastValue
                || knownLabels.contains(where: { LabelMatcher.score(printed: core, template: $0) >= 0.75 }) else { continue }
            out.append(DataRow(words: [], midY: b.box.midY, height: b.words[0].box.height, page: part.page.number))
        }
        return out
    }

    /// Last resort for a page with neither rulings nor a full row: values right-aligned.
    func inferredColumns(_ row: DataRow) -> ColumnModel? {
        guard row.words.count == columnCount else { return nil }
        return ColumnModel.fromCenters(row.words.map(\.box.midX))
    }

    /// Label text of each row: the words left of the data columns (see `LabelAssigner`).
    func labelTexts(_ part: RegionPage, rows: [DataRow], dataLeft: Double)
        -> (rows: [(text: String, box: Rect?)], leading: String) {
        let valueGlyphs = Set(rows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let candidates = part.glyphs.filter { g in
            g.box.midX < dataLeft - 1 && !valueGlyphs.contains(GlyphKey(g))
        }
        let vertical = VerticalText.stacked(candidates)
        let glyphs = candidates.enumerated().filter { !vertical.contains($0.offset) }.map(\.element)
        return LabelAssigner(rows: rows.map(\.midY), rulings: part.page.rulings).labels(glyphs)
    }
}

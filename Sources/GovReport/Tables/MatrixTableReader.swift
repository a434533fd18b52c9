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

    public init(columnCount: Int, table: String, knownLabels: [String] = [], columnNames: [String] = []) {
        self.columnCount = columnCount; self.table = table
        self.knownLabels = knownLabels.map(LabelMatcher.core)
        self.columnNames = columnNames
    }

    public mutating func rows(in region: [RegionPage]) -> [RawRow] {
        var models: [Int: ColumnModel] = [:]
        var pageRows: [(RegionPage, [DataRow])] = []
        for part in region {
            let values = part.lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
            let rows = DataRow.mergedWithinRuledRows(DataRow.rows(of: values, page: part.page.number),
                                                     rulings: part.page.horizontalRulings)
            guard !rows.isEmpty else { continue }
            pageRows.append((part, rows))
            if let m = columnsFromFullRows(rows) { models[part.page.number] = m }
        }
        if models.isEmpty, let (part, rows) = pageRows.first {
            // No row fills every column: read the columns from the header above the first row.
            let top = rows.map(\.midY).min()! - rows[0].height
            if let m = HeaderColumns.model(names: columnNames, header: part.glyphs.filter { $0.box.midY < top }) {
                models[part.page.number] = m
                diagnostics.append(Finding(code: "table.columns_from_header", severity: .info,
                                           message: "no row prints every column; columns placed by the header",
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
        for row in valueRows {
            let ruled = columnsFromRulings(row, page: part.page)
            guard let model = ruled ?? fallback ?? inferredColumns(row) else { continue }
            // Ruled columns end where the label cell ends; otherwise labels may reach into the
            // first column's nominal interval, so only the values themselves bound them.
            let firstValue = row.words.first.map { $0.box.x0 - 1 } ?? model.left
            dataLeft = min(dataLeft, ruled != nil ? model.left : firstValue)
            dataRight = max(dataRight, model.intervals.last?.upperBound ?? model.left)
            var texts = [String](repeating: "", count: columnCount)
            var rects = [Rect?](repeating: nil, count: columnCount)
            // Top to bottom, so a number wrapped inside its cell reads in order.
            for w in row.words.sorted(by: { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }) {
                guard let c = model.column(of: w.box.midX) else { continue }
                texts[c] += w.text
                rects[c] = rects[c].map { $0.union(w.box) } ?? w.box
            }
            cells[row.midY] = texts.map { $0.isEmpty ? nil : $0 }
            boxes[row.midY] = rects
        }
        if dataLeft == .infinity {
            diagnostics.append(Finding(code: "table.columns_unknown", severity: .warning,
                                       message: "could not tell which column each number is in", table: table,
                                       page: part.page.number))
        }
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
        let words = LineBuilder.lines(labelGlyphs.enumerated().filter { !vertical.contains($0.offset) }.map(\.element),
                                      wordGap: LabelAssigner.wordGap).flatMap(\.words)
        let blocks = LabelBlock.blocks(words).blocks
        let assigner = LabelAssigner(rows: valueRows.map(\.midY), rulings: [])
        var out: [DataRow] = []
        let lastValue = valueRows.map(\.midY).max() ?? .infinity
        for b in blocks where assigner.rowBeside(b.box) == nil {
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

/// Identity of a glyph by position, to tell glyphs already used as values.
struct GlyphKey: Hashable {
    var x: Double, y: Double, text: String
    init(_ g: Glyph) { x = g.box.x0; y = g.box.y0; text = g.text }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Text written top to bottom (one character per line, as in a tall merged cell).
enum VerticalText {
    /// Shortest run of stacked characters that counts as vertical writing (a wrapped label
    /// can leave one character alone under the line above it).
    static let minimumRun = 3

    /// Indices of glyphs in runs of horizontally isolated characters stacked in one column.
    static func stacked(_ glyphs: [Glyph]) -> Set<Int> {
        let isolated = glyphs.indices.filter { i in
            let g = glyphs[i].box
            return !glyphs.indices.contains { j in
                let o = glyphs[j].box
                return j != i && o.verticalOverlap(g) > 0.5 * g.height
                    && min(abs(o.x0 - g.x1), abs(g.x0 - o.x1)) < 0.9 * g.height
            }
        }
        // Link isolated glyphs stacked directly one above the other, then keep long chains.
        var parent = Dictionary(uniqueKeysWithValues: isolated.map { ($0, $0) })
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i]! != i { i = parent[i]! }
            return i
        }
        for a in isolated {
            for b in isolated where b > a {
                let ga = glyphs[a].box, gb = glyphs[b].box
                let dy = abs(ga.midY - gb.midY), h = max(ga.height, gb.height)
                if abs(ga.midX - gb.midX) < 0.3 * max(ga.width, gb.width, 1), dy > 0.5 * h, dy < 1.8 * h {
                    parent[root(a)] = root(b)
                }
            }
        }
        var size: [Int: Int] = [:]
        for i in isolated { size[root(i), default: 0] += 1 }
        return Set(isolated.filter { size[root($0)]! >= minimumRun })
    }
}

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
    public private(set) var diagnostics: [Finding] = []

    public init(columnCount: Int, table: String, knownLabels: [String] = []) {
        self.columnCount = columnCount; self.table = table
        self.knownLabels = knownLabels.map(LabelMatcher.core)
    }

    public mutating func rows(in region: [RegionPage]) -> [RawRow] {
        var models: [Int: ColumnModel] = [:]
        var pageRows: [(RegionPage, [DataRow])] = []
        for part in region {
            let values = part.lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
            let rows = DataRow.rows(of: values, page: part.page.number)
            guard !rows.isEmpty else { continue }
            pageRows.append((part, rows))
            if let m = columnsFromFullRows(rows) { models[part.page.number] = m }
        }
        if pageRows.count > 1 {
            diagnostics.append(Finding(code: "table.crosses_pages", severity: .info,
                                       message: "table continues over pages \(pageRows.map { String($0.0.page.number) }.joined(separator: ", "))",
                                       table: table, page: pageRows[0].0.page.number))
        }
        var out: [RawRow] = []
        for (part, rows) in pageRows {
            let fallback = models[part.page.number] ?? models.values.sorted { $0.left < $1.left }.first
            var pageOut = read(part, rows: rows, fallback: fallback)
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

    mutating func read(_ part: RegionPage, rows valueRows: [DataRow], fallback: ColumnModel?) -> [RawRow] {
        var cells: [Double: [String?]] = [:]
        var dataLeft = Double.infinity, dataRight = -Double.infinity
        for row in valueRows {
            let ruled = columnsFromRulings(row, page: part.page)
            guard let model = ruled ?? fallback ?? inferredColumns(row) else { continue }
            // Ruled columns end where the label cell ends; otherwise labels may reach into the
            // first column's nominal interval, so only the values themselves bound them.
            let firstValue = row.words.first.map { $0.box.x0 - 1 } ?? model.left
            dataLeft = min(dataLeft, ruled != nil ? model.left : max(model.left, firstValue))
            dataRight = max(dataRight, model.intervals.last?.upperBound ?? model.left)
            var texts = [String](repeating: "", count: columnCount)
            for w in row.words {
                guard let c = model.column(of: w.box.midX) else { continue }
                texts[c] += w.text
            }
            cells[row.midY] = texts.map { $0.isEmpty ? nil : $0 }
        }
        if dataLeft == .infinity {
            diagnostics.append(Finding(code: "table.columns_unknown", severity: .warning,
                                       message: "could not tell which column each number is in", table: table,
                                       page: part.page.number))
        }
        let rows = (valueRows + blankRows(part, valueRows: valueRows, dataLeft: dataLeft, dataRight: dataRight))
            .sorted { $0.midY < $1.midY }
        let labels = labelTexts(part, rows: rows, dataLeft: dataLeft)
        return rows.indices.map {
            RawRow(label: labels[$0], cells: cells[rows[$0].midY] ?? [String?](repeating: nil, count: columnCount),
                   page: part.page.number)
        }
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

    /// Blank rows of a table without rulings. Each numbered label line (1. 1、 （一） 一、 as the
    /// last label word of its line) starts a segment that runs to the next one; a value row's
    /// label block holds its values' centre, so a segment without values whose label matches a
    /// known row label is a blank row.
    func unruledBlankRows(_ part: RegionPage, valueRows: [DataRow], dataLeft: Double) -> [DataRow] {
        guard !knownLabels.isEmpty, dataLeft < .infinity else { return [] }
        let valueGlyphs = Set(valueRows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let labelGlyphs = part.glyphs.filter { $0.box.midX < dataLeft - 1 && !valueGlyphs.contains(GlyphKey($0)) }
        let vertical = VerticalText.stacked(labelGlyphs)
        let lines = LineBuilder.lines(labelGlyphs.enumerated().filter { !vertical.contains($0.offset) }.map(\.element))
        let starts = lines.indices.filter { i in
            lines[i].words.last.map { LabelMatcher.startsWithMarker($0.text) } ?? false
        }
        var out: [DataRow] = []
        for (n, s) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : lines.count
            let top = lines[s].box.y0
            let bottom = n + 1 < starts.count ? lines[starts[n + 1]].box.y0 : (lines[end - 1].box.y1 + 1)
            guard !valueRows.contains(where: { $0.midY >= top && $0.midY < bottom }) else { continue }
            let block = lines[s..<end]
            let label = block.map { $0.words.map(\.text).joined() }.joined()
            let core = LabelMatcher.core(label)
            guard knownLabels.contains(where: { LabelMatcher.score(printed: core, template: $0) >= 0.75 }) else { continue }
            let y0 = block.map(\.box.y0).min()!, y1 = block.map(\.box.y1).max()!
            out.append(DataRow(words: [], midY: (y0 + y1) / 2, height: lines[s].box.height, page: part.page.number))
        }
        return out
    }

    /// Last resort for a page with neither rulings nor a full row: values right-aligned.
    func inferredColumns(_ row: DataRow) -> ColumnModel? {
        guard row.words.count == columnCount else { return nil }
        return ColumnModel.fromCenters(row.words.map(\.box.midX))
    }

    /// Label text of each row: glyphs left of the data columns, assigned by ruled cell or band.
    func labelTexts(_ part: RegionPage, rows: [DataRow], dataLeft: Double) -> [String] {
        let valueGlyphs = Set(rows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let candidates = part.glyphs.filter { g in
            g.box.midX < dataLeft - 1 && !valueGlyphs.contains(GlyphKey(g))
        }
        let vertical = VerticalText.stacked(candidates)
        let horizontals = part.page.horizontalRulings
        var assigned = [[Glyph]](repeating: [], count: rows.count)
        for (gi, g) in candidates.enumerated() where !vertical.contains(gi) {
            if let target = rowByRuledCell(g, rows: rows, rulings: horizontals) {
                if let target { assigned[target].append(g) }
                continue
            }
            if let target = rowByBand(g.box.midY, rows: rows) { assigned[target].append(g) }
        }
        return assigned.map { glyphs in
            LineBuilder.lines(glyphs).map { $0.words.map(\.text).joined() }.joined()
        }
    }

    /// With rulings above and below the glyph: `.some(row)` when its cell holds exactly one
    /// data row, `.some(nil)` when it holds none or several (header, group heading);
    /// nil when the glyph is not inside a ruled cell.
    func rowByRuledCell(_ g: Glyph, rows: [DataRow], rulings: [Ruling]) -> Int?? {
        let covering = rulings.filter { $0.covers(g.box.midX, tolerance: 1) }
        guard let above = covering.filter({ $0.position <= g.box.midY }).map(\.position).max(),
              let below = covering.filter({ $0.position >= g.box.midY }).map(\.position).min() else { return nil }
        let inside = rows.indices.filter { rows[$0].midY > above && rows[$0].midY < below }
        return .some(inside.count == 1 ? inside[0] : nil)
    }

    /// Without rulings: the row whose band (half-way to its neighbours) holds y.
    func rowByBand(_ y: Double, rows: [DataRow]) -> Int? {
        guard !rows.isEmpty else { return nil }
        for i in rows.indices {
            let up = i > 0 ? (rows[i - 1].midY + rows[i].midY) / 2
                : rows[i].midY - (rows.count > 1 ? (rows[1].midY - rows[0].midY) / 2 : rows[i].height * 1.5)
            let down = i + 1 < rows.count ? (rows[i].midY + rows[i + 1].midY) / 2
                : rows[i].midY + (rows.count > 1 ? (rows[i].midY - rows[i - 1].midY) / 2 : rows[i].height * 1.5)
            if y >= up && y < down { return i }
        }
        return nil
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
    /// Indices of glyphs that have no horizontal neighbour but one stacked right above or below.
    static func stacked(_ glyphs: [Glyph]) -> Set<Int> {
        var out = Set<Int>()
        for (i, g) in glyphs.enumerated() {
            let h = g.box.height
            let hasSide = glyphs.contains { o in
                o.box.verticalOverlap(g.box) > 0.5 * h && o.box.x0 != g.box.x0
                    && min(abs(o.box.x0 - g.box.x1), abs(g.box.x0 - o.box.x1)) < 0.9 * h
            }
            if hasSide { continue }
            let stacked = glyphs.contains { o in
                o.box.x0 != g.box.x0 || o.box.y0 != g.box.y0 ? abs(o.box.midX - g.box.midX) < 0.3 * max(g.box.width, 1)
                    && abs(o.box.midY - g.box.midY) < 1.8 * h && abs(o.box.midY - g.box.midY) > 0.5 * h : false
            }
            if stacked { out.insert(i) }
        }
        return out
    }
}

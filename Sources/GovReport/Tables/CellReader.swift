/// The cells stage: each row's values into its columns.
///
/// A "value" outside every column is label text that reads like one (无 in a vertical group
/// heading); a row of nothing else is no data row. Each word goes to its column
/// (`RowPlacement`: a line whose numbers crowd into one column is placed again in order, and
/// the cells so placed are doubts); words of one column are joined top to bottom (a number
/// wrapped in its cell); two numbers side by side in one column mean the columns were
/// misjudged: said as `table.cell_joined`.
struct CellReader {
    var columnCount: Int
    var table: String
    var settings: TableFinderSettings
    /// The row's sums, for reading again a row whose placement breaks them (`SummedRows`).
    var rowSums: [RowSum] = []

    struct Result: Sendable {
        /// The rows kept (a row of values that all fell outside the columns is dropped), top
        /// to bottom as given, with the columns each was read with (nil: none known).
        var rows: [DataRow] = []
        var columns: [PlacedColumns?] = []
        /// Cell texts and boxes by row centre.
        var cells: [Double: [String?]] = [:]
        var boxes: [Double: [Rect?]] = [:]
        /// Left and right edge of the data part: label text lies left of `dataLeft`
        /// (infinity when no row had columns).
        var dataLeft = Double.infinity
        var dataRight = -Double.infinity
        var diagnostics: [Finding] = []
        /// Cells placed in a column that another placement would fit as well.
        var doubts: [CellDoubt] = []
        /// Cells of sparse rows that could stand in an empty neighbouring column as well.
        var alternatives: [CellAlternative] = []
        /// Numbers of a row that stood outside every column and were not read, by the row's
        /// centre (the row itself may be dropped: all its numbers stood outside).
        var unread: [(midY: Double, texts: [String])] = []
        /// Why a row's columns are a guess, by the row's centre (`RawRow.placementDoubt`).
        var placementDoubts: [Double: String] = [:]
    }

    func read(_ part: RegionPage, rows valueRows: [DataRow], columns: (DataRow) -> PlacedColumns?) -> Result {
        var out = Result()
        let labelWords = part.lines.flatMap(\.words).filter { !ValueParser.looksLikeValue($0.text) }
        for var row in valueRows {
            guard let placed = columns(row) else {
                out.rows.append(row); out.columns.append(nil)
                // Its numbers are not read: the row's cells are doubts, not blanks.
                let numbers = row.words.map(\.text).filter { $0.contains { $0.isNumber } }
                if !numbers.isEmpty {
                    out.placementDoubts[row.midY] = "could not tell which column each number is in; the row's numbers \(numbers.joined(separator: ", ")) were not read"
                }
                continue
            }
            let model = placed.model, reach = settings.columns.nearestColumnReach
            let printed = row.words
            row.words = row.words.filter { model.column(of: $0.box.midX, reach: reach) != nil }
            // A full row whose numbers add up (the others to the last) keeps every number, one
            // per column, even one standing beyond the columns: `pdftotext -layout` presses a
            // row of wide numbers left against its label or past the last column.
            if row.words.count < printed.count, printed.count == columnCount,
               RowPlacement.addsUp(printed.map(\.text)),
               RowPlacement.lines(printed, overlap: settings.cells.sameLineOverlap).count == 1 {
                row.words = printed
            }
            let kept = Set(row.words.map { GlyphKey($0.glyphs[0]) })
            // Numbers only: a placeholder word outside the columns (无 of a group's name 无法提供
            // read as one) loses no number.
            let unread = printed.filter { w in
                !kept.contains(GlyphKey(w.glyphs[0])) && w.text.contains { $0.isNumber }
            }.map(\.text)
            if !unread.isEmpty { out.unread.append((row.midY, unread)) }
            guard !row.words.isEmpty else { continue }
            out.rows.append(row)
            out.columns.append(placed)
            // Ruled columns end where the label cell ends; otherwise labels may reach into the
            // first column's nominal interval, so only the values themselves bound them.
            // (Not a number of a full row pressed past the columns: the labels end where the columns begin.)
            let firstValue = row.words.first { model.column(of: $0.box.midX, reach: reach) != nil }
                .map { $0.box.x0 - settings.columns.valueEdgeSlack } ?? model.left
            out.dataLeft = min(out.dataLeft, placed.source == .rulings ? model.left : firstValue)
            out.dataRight = max(out.dataRight, model.intervals.last?.upperBound ?? model.left)
            var texts = [String](repeating: "", count: columnCount)
            var rects = [Rect?](repeating: nil, count: columnCount)
            var placement = RowPlacement.columns(of: row.words, model: model, settings: settings)
            if !rowSums.isEmpty, let summed = summedReading(printed, kept: row.words, placement: placement.columns, model: model) {
                row.words = summed
                placement = (summed.indices.map(Optional.some), [])
            }
            // The sum confirms the total, not which column each other number stands in: the
            // row stood off the page's columns, so all its cells are doubts.
            var totalBeyond = false
            if !rowSums.isEmpty, placement.columns.count == row.words.count,
               let beyond = totalBeyondColumns(printed, kept: row.words, placement: placement.columns, model: model) {
                row.words = beyond.words
                placement = (beyond.columns, placement.ambiguous)
                totalBeyond = true
            }
            // Top to bottom, so a number wrapped inside its cell reads in order.
            for k in row.words.indices.sorted(by: { (row.words[$0].box.y0, row.words[$0].box.x0)
                                                    < (row.words[$1].box.y0, row.words[$1].box.x0) }) {
                let w = row.words[k]
                guard let c = placement.columns[k] else { continue }
                // Two numbers side by side in one column (not one wrapped under the other, not
                // a space as thousands separator) means the columns were misjudged: say so.
                if let r = rects[c], r.verticalOverlap(w.box) > settings.cells.joinedOverlap * w.box.height,
                   w.box.x0 - r.x1 > settings.cells.joinedGap * w.box.height {
                    out.diagnostics.append(Finding(code: "table.cell_joined", severity: .warning,
                                                   message: "two numbers side by side in one column were joined: \(texts[c]) and \(w.text)",
                                                   table: table, page: part.page.number))
                }
                texts[c] += w.text
                rects[c] = rects[c].map { $0.union(w.box) } ?? w.box
            }
            if totalBeyond {
                out.placementDoubts[row.midY] = "the row's total stood past the last column and was read by the row's sum; its other numbers may stand a column off"
            }
            for c in placement.ambiguous.sorted() {
                guard let r = rects[c] else { continue }
                out.doubts.append(CellDoubt(table: table, page: part.page.number, box: r,
                                            reason: "numbers of a row stood off their columns and were placed in order; \(texts[c]) may belong to a neighbouring column"))
            }
            let filled = Set(placement.columns.compactMap { $0 })
            for c in filled.sorted() where filled.count < columnCount {
                guard let r = rects[c] else { continue }
                let near = Set(row.words.indices.filter { placement.columns[$0] == c }.map {
                    neighbour(of: row.words[$0].box.midX, in: c, model: model)
                })
                if near.count == 1, let n = near.first ?? nil, !filled.contains(n) {
                    out.alternatives.append(CellAlternative(table: table, page: part.page.number, box: r, column: n))
                } else if let first = row.words.indices.min(by: { row.words[$0].box.x0 < row.words[$1].box.x0 }),
                          placement.columns[first] == c,
                          let n = pressedNeighbour(of: row.words[first], in: c, model: model, labels: labelWords), !filled.contains(n) {
                    out.alternatives.append(CellAlternative(table: table, page: part.page.number, box: r, column: n))
                }
            }
            out.cells[row.midY] = texts.map { $0.isEmpty ? nil : $0 }
            out.boxes[row.midY] = rects
        }
        if out.dataLeft == .infinity {
            out.diagnostics.append(Finding(code: "table.columns_unknown", severity: .warning,
                                           message: "could not tell which column each number is in", table: table,
                                           page: part.page.number))
        }
        return out
    }

    /// The neighbouring column a number at `x` placed in column `c` could stand in as well: the
    /// one it leans toward, when it sits `Cells.neighbourShare` of the way to that column's
    /// centre or further (`pdftotext -layout` sets a sparse row's short numbers between columns).
    func neighbour(of x: Double, in c: Int, model: ColumnModel) -> Int? {
        let n = x < model.center(c) ? c - 1 : c + 1
        guard model.intervals.indices.contains(n), model.center(n) != model.center(c) else { return nil }
        let share = (x - model.center(c)) / (model.center(n) - model.center(c))
        return share >= settings.cells.neighbourShare ? n : nil
    }

    /// The column left of `c` when the row's label, on the line of the row's first number
    /// `w`, reaches into it: on the page a label never overlaps the data columns, so the
    /// character grid that widened it (`pdftotext -layout` sets CJK two columns wide) pushed
    /// the numbers after it right, and `w` may stand one column left of where it reads.
    func pressedNeighbour(of w: Word, in c: Int, model: ColumnModel, labels: [Word]) -> Int? {
        guard c > 0, model.intervals.indices.contains(c) else { return nil }
        let h = w.box.height
        let pressing = labels.contains { l in
            l.box.verticalOverlap(w.box) > settings.cells.sameLineOverlap * h && l.box.x1 <= w.box.x0
                && l.box.x1 > model.intervals[c - 1].lowerBound
        }
        return pressing ? c - 1 : nil
    }

    /// Each column's text under `placement` (the column of each word; nil: none), words of
    /// one column joined in order.
    func cellTexts(_ words: [Word], _ placement: [Int?]) -> [String?] {
        var texts = [String?](repeating: nil, count: columnCount)
        for (w, c) in zip(words, placement) {
            guard let c else { continue }
            texts[c] = (texts[c] ?? "") + w.text
        }
        return texts
    }

    /// The row with the one number standing right of the last column read as its total, when
    /// the row adds up so (and not as read, unless the number in the total column moves): `pdftotext -layout` lays a continued page out by a
    /// scale of its own, setting a narrow total past the column measured on the page's wide
    /// totals (and the number before it, if any, in the total column: it moves into the empty
    /// column before). Nil otherwise.
    func totalBeyondColumns(_ printed: [Word], kept: [Word], placement: [Int?], model: ColumnModel)
        -> (words: [Word], columns: [Int?])? {
        let last = columnCount - 1
        guard let edge = model.intervals.last?.upperBound, model.intervals.count == columnCount,
              let rightmost = printed.max(by: { $0.box.x0 < $1.box.x0 }), rightmost.box.x0 > edge,
              rightmost.text.allSatisfy({ ("0"..."9").contains($0) }),
              printed.count == kept.count + 1, !kept.contains(where: { $0.box.x0 > edge }) else { return nil }
        var texts = cellTexts(kept, placement)
        // A row that adds up as read keeps its reading, unless the number past the columns is
        // the sum of all it printed (the number in the total column then is a part).
        let holdsAsRead = SummedRows.holds(texts, rowSums)
        guard !holdsAsRead || texts[last] != nil else { return nil }
        var columns = placement
        if texts[last] != nil {
            // The number in the total column moves one left, into an empty column.
            guard last > 0, texts[last - 1] == nil, columns.filter({ $0 == last }).count == 1 else { return nil }
            texts[last - 1] = texts[last]
            columns = columns.map { $0 == last ? last - 1 : $0 }
        }
        texts[last] = rightmost.text
        guard SummedRows.holds(texts, rowSums) else { return nil }
        return (kept + [rightmost], columns + [last])
    }

    /// The row read again by its sums (`SummedRows`) when the placement by columns breaks
    /// them, or left a run of digits of the line out of every column (a first number pressed
    /// left against its overflowing label).
    func summedReading(_ printed: [Word], kept: [Word], placement: [Int?], model: ColumnModel) -> [Word]? {
        let texts = cellTexts(kept, placement)
        let reach = settings.columns.nearestColumnReach
        let outside = printed.filter {
            model.column(of: $0.box.midX, reach: reach) == nil && $0.text.allSatisfy { ("0"..."9").contains($0) }
        }
        guard !outside.isEmpty || !SummedRows.holds(texts, rowSums) else { return nil }
        return SummedRows.reading(kept + outside, columnCount: columnCount, sums: rowSums, settings: settings, model: model)
    }
}

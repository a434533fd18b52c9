/// Data columns from the table's header, for a table with neither rulings nor a row that
/// prints every column (a small body whose report leaves zeros blank).
///
/// Header cells are centred over their column, so the lines of one cell (商业 / 企业) share a
/// centre: words are grouped by centre, and the groups, read left to right, are aligned in
/// order to the expected column names.
enum HeaderColumns {
    /// Centres of `names` (left to right), or nil unless every name is found in order.
    static func model(names: [String], header glyphs: [Glyph], settings: TableFinderSettings) -> ColumnModel? {
        guard !names.isEmpty, !glyphs.isEmpty else { return nil }
        let words = LineBuilder.lines(glyphs, settings: settings.lines, wordGap: settings.lines.labelWordGap)
            .flatMap(\.words)
            .sorted { $0.box.midX < $1.box.midX }
        var groups: [(mid: Double, words: [Word])] = []
        for w in words {
            if let last = groups.last, abs(w.box.midX - last.mid) < settings.columns.headerCellCentre * w.box.height {
                groups[groups.count - 1].words.append(w)
            } else {
                groups.append((w.box.midX, [w]))
            }
        }
        let texts = groups.map { g in
            g.words.sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }.map(\.text).joined()
        }
        let assignment = LabelMatcher.align(printed: texts.map(LabelMatcher.core),
                                            templates: names.map(LabelMatcher.core),
                                            minimum: settings.columns.headerNameMatch)
        var centers = [Double?](repeating: nil, count: names.count)
        for (g, n) in assignment.enumerated() {
            guard let n, centers[n] == nil else { continue }
            let ws = groups[g].words
            centers[n] = ws.map(\.box.midX).reduce(0, +) / Double(ws.count)
        }
        let found = centers.compactMap { $0 }
        guard found.count == names.count, zip(found, found.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return ColumnModel.fromCenters(found, settings: settings.columns)
    }
}

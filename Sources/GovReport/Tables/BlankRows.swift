/// The rows stage, second half: rows printed with every data cell empty, found once the data
/// columns are known (they hold no values, so the value bands cannot show them).
///
/// Ruled: a band between two horizontal rulings across the data columns with label text on
/// the left and nothing in the data columns. Unruled: a numbered label block with no values
/// beside it nor on a line of their own just under it (`LabelAssigner.rowBelow`) whose label matches a template row (or that starts below the page's last values:
/// a row a page break cut), and with no other block beside it (that would make it a group
/// heading such as （三）不予公开).
struct BlankRows {
    /// Labels the table's rows may carry (cores, see `LabelMatcher.core`).
    var knownLabels: [[Character]]
    var settings: TableFinderSettings

    func rows(_ part: RegionPage, valueRows: [DataRow], dataLeft: Double, dataRight: Double) -> [DataRow] {
        guard dataLeft < dataRight else { return [] }
        let mid = (dataLeft + dataRight) / 2
        var ys = part.page.horizontalRulings.filter { $0.covers(mid, tolerance: settings.rulings.reach) }.map(\.position)
        if ys.count < 2 { return unruled(part, valueRows: valueRows, dataLeft: dataLeft) }
        ys = Ruling.distinct(ys, within: settings.rulings.sameRuling)
        let glyphs = part.glyphs
        var out: [DataRow] = []
        for (a, b) in zip(ys, ys.dropFirst()) {
            guard !valueRows.contains(where: { $0.midY > a && $0.midY < b }) else { continue }
            let inBand = glyphs.filter { $0.box.midY > a && $0.box.midY < b }
            guard !inBand.contains(where: { $0.box.midX > dataLeft }),
                  let h = inBand.filter({ $0.box.midX < dataLeft }).map(\.box.height).max(),
                  b - a >= settings.rows.minimumBlankRowHeight * h else { continue }
            out.append(DataRow(words: [], midY: (a + b) / 2, height: h, page: part.page.number))
        }
        return out
    }

    func unruled(_ part: RegionPage, valueRows: [DataRow], dataLeft: Double) -> [DataRow] {
        guard !knownLabels.isEmpty, dataLeft < .infinity else { return [] }
        // The labels stage's own glyphs: a numbered label running past the data part's edge
        // (a narrow label column) is whole here too.
        let labelGlyphs = LabelFinder(settings: settings).candidates(part, rows: valueRows, dataLeft: dataLeft)
        let words = LabelBlock.splitAtInnerNumbers(
            LineBuilder.lines(labelGlyphs, settings: settings.lines, wordGap: settings.lines.labelWordGap).flatMap(\.words))
        let blocks = LabelBlock.blocks(words, settings: settings.labels).blocks
        let assigner = LabelAssigner(rows: valueRows.map(\.midY), rulings: [], settings: settings,
                                     valueCounts: valueRows.map(\.words.count))
        var out: [DataRow] = []
        let lastValue = valueRows.map(\.midY).max() ?? .infinity
        for b in blocks where assigner.rowBeside(b.box, lineHeight: b.words[0].box.height) == nil
            && assigner.rowBelow(b, among: blocks) == nil {
            let beside = blocks.contains { o in o.x0 > b.x0 + settings.labels.besideOffset * b.words[0].box.height && o.box.verticalOverlap(b.box) > 0 }
            guard !beside else { continue }
            // Below the last values of a page, a label may be the start of a row that a page
            // break cut (the mapper joins it with its continuation).
            let core = LabelMatcher.core(b.words.map(\.text).joined())
            guard b.box.y0 > lastValue
                || knownLabels.contains(where: { LabelMatcher.score(printed: core, template: $0) >= settings.rows.blankLabelMatch })
            else { continue }
            out.append(DataRow(words: [], midY: b.box.midY, height: b.words[0].box.height, page: part.page.number))
        }
        return out
    }
}

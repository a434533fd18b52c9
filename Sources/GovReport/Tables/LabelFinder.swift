/// The labels stage: each row's label from the text left of the data columns.
///
/// Candidates are the glyphs left of the data part that are not values and not vertical
/// writing (a tall merged cell's group heading, one character a line); `LabelAssigner` gives
/// them to rows by ruled cell or by numbered label block.
struct LabelFinder {
    var settings: TableFinderSettings

    func labels(_ part: RegionPage, rows: [DataRow], dataLeft: Double) -> LabelAssigner.Labels {
        let valueGlyphs = Set(rows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let candidates = part.glyphs.filter { g in
            g.box.midX < dataLeft - settings.columns.valueEdgeSlack && !valueGlyphs.contains(GlyphKey(g))
        }
        let vertical = VerticalText.stacked(candidates, settings: settings.verticalText)
        let glyphs = candidates.enumerated().filter { !vertical.contains($0.offset) }.map(\.element)
        return LabelAssigner(rows: rows.map(\.midY), rulings: part.page.rulings, settings: settings).labels(glyphs)
    }
}

/// The labels stage: each row's label from the text left of the data columns.
///
/// Candidates are the glyphs left of the data part that are not values and not vertical
/// writing (a tall merged cell's group heading, one character a line); `LabelAssigner` gives
/// them to rows by ruled cell or by numbered label block.
struct LabelFinder {
    var settings: TableFinderSettings

    func labels(_ part: RegionPage, rows: [DataRow], dataLeft: Double) -> LabelAssigner.Labels {
        LabelAssigner(rows: rows.map(\.midY), rulings: part.page.rulings, settings: settings,
                      valueCounts: rows.map(\.words.count))
            .labels(candidates(part, rows: rows, dataLeft: dataLeft))
    }

    /// The page's label glyphs: left of the data part, or past its edge in a numbered label
    /// that starts left of it; neither values nor vertical writing.
    func candidates(_ part: RegionPage, rows: [DataRow], dataLeft: Double) -> [Glyph] {
        let valueGlyphs = Set(rows.flatMap { $0.words.flatMap { $0.glyphs.map { GlyphKey($0) } } })
        let edge = dataLeft - settings.columns.valueEdgeSlack
        var candidates = part.glyphs.filter { g in g.box.midX < edge && !valueGlyphs.contains(GlyphKey(g)) }
        // A numbered label that runs past the data part's left edge keeps its last characters:
        // a row's first number pressed against its label (`pdftotext -layout`: 1.本机关不掌握
        // 相关政府信息 1221) moves that edge left of where other rows' labels end (2.重复申请).
        let rest = part.glyphs.filter { g in g.box.midX >= edge && !valueGlyphs.contains(GlyphKey(g)) }
        if !rest.isEmpty {
            let words = LineBuilder.lines(candidates + rest, settings: settings.lines, wordGap: settings.lines.labelWordGap)
                .flatMap(\.words)
            for w in words where w.glyphs[0].box.midX < edge && LabelMatcher.startsWithMarker(w.text) {
                candidates += w.glyphs.filter { $0.box.midX >= edge }
            }
            candidates += Self.labelsPastEdge(words.filter { $0.glyphs[0].box.midX >= edge }, dataLeft: dataLeft, settings: settings)
        }
        let vertical = VerticalText.stacked(candidates, settings: settings.verticalText)
        return candidates.enumerated().filter { !vertical.contains($0.offset) }.map(\.element)
    }

    /// A label wrapped in a very narrow cell whose lines stand wholly past the data part's
    /// left edge (Chromium's print of a web page: another row's numbers, on a line of their
    /// own, start further left than this label's first character): a numbered block of the
    /// words past the edge, its row number starting within `Labels.pastEdgeReach` glyph
    /// heights of the edge, and the words under it in its column. Its glyphs.
    static func labelsPastEdge(_ words: [Word], dataLeft: Double, settings: TableFinderSettings) -> [Glyph] {
        let blocks = LabelBlock.blocks(words, settings: settings.labels).blocks
        return blocks.filter { b in
            b.x0 < dataLeft + settings.labels.pastEdgeReach * b.words[0].box.height
        }.flatMap { $0.words.flatMap(\.glyphs) }
    }
}

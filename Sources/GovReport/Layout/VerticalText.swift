/// Text written top to bottom (one character per line, as in a tall merged cell).
/// Tolerances: `TableFinderSettings.VerticalWriting`.
enum VerticalText {
    /// Indices of glyphs in runs of horizontally isolated characters stacked in one column
    /// (runs of at least `settings.minimumRun`: a wrapped label can leave one character alone
    /// under the line above it).
    static func stacked(_ glyphs: [Glyph], settings: TableFinderSettings.VerticalWriting) -> Set<Int> {
        let s = settings
        let isolated = glyphs.indices.filter { i in
            let g = glyphs[i].box
            return !glyphs.indices.contains { j in
                let o = glyphs[j].box
                // Glyph boxes can be taller than wide (LibreOffice): measure by the smaller side.
                return j != i && o.verticalOverlap(g) > s.neighbourOverlap * g.height
                    && min(abs(o.x0 - g.x1), abs(g.x0 - o.x1)) < s.neighbourGap * min(g.height, max(g.width, s.minimumWidth))
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
                if abs(ga.midX - gb.midX) < s.stackAlignment * max(ga.width, gb.width, s.minimumWidth),
                   dy > s.stackStepMin * h, dy < s.stackStepMax * h {
                    parent[root(a)] = root(b)
                }
            }
        }
        var size: [Int: Int] = [:]
        for i in isolated { size[root(i), default: 0] += 1 }
        return Set(isolated.filter { size[root($0)]! >= s.minimumRun })
    }
}

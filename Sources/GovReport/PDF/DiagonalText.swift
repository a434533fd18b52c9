/// Text set on a slant (a watermark such as 仅供参考 drawn at 45° across the page) is no part
/// of the report: its glyphs, in poppler's boxes, land among table lines and break rows and
/// labels. Glyphs of one font and size that follow each other in a steady diagonal step (at
/// least `run` of them, each half an em to an em and a half from the last, moved between
/// 0.4 and 2.5 times as far up or down as across, with no glyph beside it on its own level
/// nor right above or below it) are taken out before layout, wherever
/// poppler's reading order put them. Text on lines never does: its glyphs have neighbours on
/// their line, and a stacked cell steps straight down; text turned 90° steps straight down
/// too and is kept. Each run taken out is kept as a `SlantedStrip` (`PageText.slanted`): its
/// light ink, painted over a table, breaks the table's rulings in the rendered page.
public enum DiagonalText {
    static let run = 3
    /// How far the strip reaches past the first and last glyphs' box centres along the run,
    /// and to each side of it, in ems. Poppler's boxes of turned glyphs are not their ink: the
    /// ink's centre lies about half an em up and right of the box's (along the run when it
    /// rises at 45°, across it when it falls), and the ink reaches half an em around it.
    static let stripReach = 1.25, stripHalfWidth = 1.1

    public static func removed(_ text: PageText) -> PageText {
        let g = text.glyphs
        var groups: [String: [Int]] = [:]
        for i in g.indices where g[i].fontSize > 0 && !g[i].text.allSatisfy(\.isWhitespace) {
            groups["\(g[i].fontName)|\(g[i].fontSize)", default: []].append(i)
        }
        var drop = Set<Int>()
        var chains: [[Int]] = []
        for (_, members) in groups where members.count >= run {
            let byX = members.sorted { g[$0].box.midX < g[$1].box.midX }
            // The next glyph a diagonal step to the right, rising or falling.
            func next(_ k: Int, rising: Bool, like step: (Double, Double)?) -> Int? {
                let a = g[byX[k]], em = a.fontSize
                var best: (Int, Double)?
                for j in (k + 1)..<byX.count {
                    let b = g[byX[j]]
                    let dx = b.box.midX - a.box.midX, dy = b.box.midY - a.box.midY
                    if dx > 2 * em { break }
                    guard dx > 0.2 * em, abs(dy) > 0.2 * em, (dy < 0) == rising else { continue }
                    let r = abs(dy / dx), d = (dx * dx + dy * dy).squareRoot()
                    guard r > 0.4, r < 2.5, d > 0.5 * em, d < 1.5 * em else { continue }
                    if let s = step, ((dx - s.0) * (dx - s.0) + (dy - s.1) * (dy - s.1)).squareRoot() > 0.2 * d { continue }
                    if best == nil || d < best!.1 { best = (j, d) }
                }
                return best?.0
            }
            // A glyph with a neighbour on its own level is on a line (a paragraph's grid has
            // diagonals too).
            func alone(_ k: Int) -> Bool {
                let a = g[byX[k]], em = a.fontSize
                // Nor one right above or below it: text turned 90° (a sideways table) is read.
                for j in byX.indices where j != k {
                    let b = g[byX[j]]
                    if abs(b.box.midX - a.box.midX) < 0.3 * em, abs(b.box.midY - a.box.midY) < 1.5 * em { return false }
                }
                var j = k - 1
                while j >= 0, a.box.midX - g[byX[j]].box.midX < 1.5 * em {
                    if abs(g[byX[j]].box.midY - a.box.midY) < 0.3 * em { return false }
                    j -= 1
                }
                j = k + 1
                while j < byX.count, g[byX[j]].box.midX - a.box.midX < 1.5 * em {
                    if abs(g[byX[j]].box.midY - a.box.midY) < 0.3 * em { return false }
                    j += 1
                }
                return true
            }
            for k in byX.indices where alone(k) {
                for rising in [true, false] {
                    var chain = [k]
                    var step: (Double, Double)?
                    while let j = next(chain.last!, rising: rising, like: step), alone(j) {
                        let a = g[byX[chain.last!]].box, b = g[byX[j]].box
                        step = (b.midX - a.midX, b.midY - a.midY)
                        chain.append(j)
                    }
                    if chain.count >= run {
                        for c in chain { drop.insert(byX[c]) }
                        chains.append(chain.map { byX[$0] })
                    }
                }
            }
        }
        guard !drop.isEmpty else { return text }
        var out = text
        out.glyphs = g.indices.filter { !drop.contains($0) }.map { g[$0] }
        // A run found from each of its glyphs is one strip: only the longest runs are kept.
        let sets = chains.map(Set.init)
        for (k, chain) in chains.enumerated()
        where !sets.indices.contains(where: { $0 != k && sets[k].isSubset(of: sets[$0]) && (sets[$0].count > sets[k].count || $0 < k) }) {
            out.slanted.append(strip(chain.map { g[$0] }))
        }
        return out
    }

    /// The band a run of slanted glyphs (in order along the run) is painted over.
    static func strip(_ run: [Glyph]) -> SlantedStrip {
        let a = run.first!.box, b = run.last!.box
        let dx = b.midX - a.midX, dy = b.midY - a.midY
        let length = (dx * dx + dy * dy).squareRoot()
        // The em: the font size, or the step from glyph to glyph when poppler's size is smaller.
        let em = max(run.map(\.fontSize).max() ?? 0, length / Double(run.count - 1))
        let (ux, uy) = length > 0 ? (dx / length, dy / length) : (0, 0)
        let reach = stripReach * em
        // Gray as the page is rendered (`PopplerDocument.render`'s weights).
        let c = run[0].color, (r, g, bl) = ((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF)
        return SlantedStrip(from: (a.midX - ux * reach, a.midY - uy * reach),
                            to: (b.midX + ux * reach, b.midY + uy * reach),
                            halfWidth: stripHalfWidth * em, gray: UInt8((r * 77 + g * 150 + bl * 29) >> 8))
    }
}

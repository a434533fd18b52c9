/// Which data column each value word of a row stands in.
///
/// Each word goes to the column whose interval holds its centre. A printed row reads left to
/// right, one number per cell: when two numbers side by side on one line fall in the same
/// column (a converter placed some of a row's numbers a column or two off: the row's first
/// numbers pressed left against its label, the middle ones drifted toward their neighbours),
/// the line is placed again in order, each number at a column as near as possible, no two in
/// one. A number wrapped under another in its cell, or digits parted by a space used as a
/// thousands separator, are one value and stay together.
///
/// Tolerances: `TableFinderSettings.Cells` (thousands gap, same-line overlap).
enum RowPlacement {
    /// Each word's column (nil: in no column); `ambiguous` names the columns of a line placed
    /// again while it prints fewer numbers than there are columns (another placement could
    /// fit as well).
    static func columns(of words: [Word], model: ColumnModel,
                        settings: TableFinderSettings = .standard) -> (columns: [Int?], ambiguous: Set<Int>) {
        let joinGap = settings.cells.thousandsGap, reach = settings.columns.nearestColumnReach
        var out = words.map { model.column(of: $0.box.midX, reach: reach) }
        var ambiguous = Set<Int>()
        let count = model.intervals.count
        for line in lines(words, overlap: settings.cells.sameLineOverlap) {
            // A line of one number per column whose numbers add up, the others to the last (a
            // row and its total), is read as printed: two of them a space apart are two cells
            // (`pdftotext -layout` presses a row's wide numbers together: 571 293 6319).
            let cells = line.count == count && addsUp(line.map { words[$0].text })
            // Units: the parts of one value (a space as thousands separator: 1 234) together.
            var units: [[Int]] = []
            for i in line {
                if !cells, let unit = units.last, let last = unit.last, out[last] == out[i], isThousands(words[i].text),
                   leadsThousands(words[unit[0]].text),
                   words[i].box.x0 - words[last].box.x1 <= joinGap * words[i].box.height {
                    units[units.count - 1].append(i)
                } else {
                    units.append([i])
                }
            }
            let placed = units.compactMap { out[$0[0]] }
            // (A number in no column is one of a full row pressed past its columns: `CellReader`.)
            guard units.count > 1, units.count <= count, Set(placed).count < placed.count || placed.count < units.count
            else { continue }
            let xs = units.map { u in u.map { words[$0].box.midX }.reduce(0, +) / Double(u.count) }
            guard let columns = ValueColumns.orderedNearest(xs, to: model.intervals.indices.map(model.center)) else { continue }
            for (u, c) in zip(units, columns) {
                let before = out[u[0]]
                for i in u { out[i] = c }
                // Fewer numbers than columns: the ones moved or crowded might belong elsewhere.
                if units.count < count, before != c || placed.filter({ $0 == before }).count > 1 { ambiguous.insert(c) }
            }
        }
        return (out, ambiguous)
    }

    /// Whether three numbers or more (plain digits) add up: all but the last to the last, not 0.
    static func addsUp(_ texts: [String]) -> Bool {
        let numbers = texts.map { t in t.allSatisfy { $0.isASCII && $0.isNumber } && t.count <= 12 ? Int(t) : nil }
        guard numbers.count >= 3, numbers.allSatisfy({ $0 != nil }) else { return false }
        let n = numbers.map { $0! }
        return n.last! > 0 && n.dropLast().reduce(0, +) == n.last!
    }

    /// One to three digits: what a number with a space as thousands separator opens with
    /// (1102 275 is two numbers side by side).
    static func leadsThousands(_ text: String) -> Bool {
        (1...3).contains(text.count) && text.allSatisfy { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    /// Three digits: what follows a space used as thousands separator.
    static func isThousands(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    /// Indices of words that share a line (overlap vertically by `overlap` of a glyph's
    /// height), each line left to right.
    static func lines(_ words: [Word], overlap: Double) -> [[Int]] {
        var lines: [[Int]] = []
        for i in words.indices.sorted(by: { words[$0].box.midY < words[$1].box.midY }) {
            if let j = lines.last?.first, words[j].box.verticalOverlap(words[i].box) > overlap * words[i].box.height {
                lines[lines.count - 1].append(i)
            } else {
                lines.append([i])
            }
        }
        return lines.map { $0.sorted { words[$0].box.x0 < words[$1].box.x0 } }
    }
}

import Foundation

/// Columns of a table row that add up to another of its columns: the applications table's six
/// applicant columns to its 总计, each review group's four outcomes to the group's 总计.
/// Indices are data columns, left to right.
public struct RowSum: Sendable, Equatable {
    public var parts: [Int]
    public var total: Int

    public init(parts: [Int], total: Int) { self.parts = parts; self.total = total }
}

/// A row whose numbers lost their cells, read again in the one way its own sum confirms.
///
/// A report printed with narrow cells (reportlab's Word/WPS exports) centres wide numbers
/// that fill them: two neighbours touch and come out as one run of digits (3292 and 2077 as
/// `32922077`), or stand one space apart in one column's reach and read as a number with a
/// space as thousands separator (`425 282`); `pdftotext -layout` also squeezes such a row
/// left, and puts the first number of a row whose label overflows its cell left of every
/// column. Positions cannot tell these apart; the row's sum can: when the placement by
/// columns breaks a row's sums, or left a run of digits of the line out of every column, the
/// line's numbers are read again, each word one number — and, to fill every column, runs of
/// digits cut into pieces — one per column in order, and the one reading under which every
/// sum of the row holds, when only one does, is kept. No digit is changed, dropped or added:
/// only where one number ends and which column it is in. A row with blanks is left as placed.
enum SummedRows {
    /// How many more numbers than words a line may be read as (cuts in its runs of digits).
    static let maximumSplits = 5
    /// Readings tried at most for one line; more: none is tried (too many would fit by chance).
    static let maximumReadings = 50000
    /// Digits of one number at most (a run cut into longer pieces is no row of this table's).
    static let longestPiece = 7

    /// Whether the cell texts meet every sum (blank cells count as 0, as the validator
    /// counts them); false when a cell is no number.
    static func holds(_ texts: [String?], _ sums: [RowSum]) -> Bool {
        var values: [Decimal] = []
        for t in texts {
            switch ValueParser.parse(t ?? "") {
            case .blank, .placeholder: values.append(0)
            case .number(let d, _): values.append(d)
            case .text: return false
            }
        }
        return sums.allSatisfy { s in
            s.total < values.count && s.parts.allSatisfy { $0 < values.count }
                && s.parts.reduce(Decimal(0)) { $0 + values[$1] } == values[s.total]
        }
    }

    /// The row's words, one per column left to right, under the one reading of its line
    /// (`words`: every value word of the row, inside the columns or not) that fills every
    /// column and meets every sum; nil when the words are not one line of plain digit runs,
    /// or no reading or several do. Only full rows: in a row with blanks the sum would
    /// confirm the total, not which part column each other number stands in. Where several
    /// readings meet the sums, the columns (`model`) decide when one reading sets its numbers
    /// nearer their columns' centres than every other by at least half a digit's width.
    static func reading(_ words: [Word], columnCount count: Int, sums: [RowSum], settings: TableFinderSettings,
                        model: ColumnModel? = nil) -> [Word]? {
        guard !sums.isEmpty, !words.isEmpty, words.count <= count,
              RowPlacement.lines(words, overlap: settings.cells.sameLineOverlap).count == 1,
              words.allSatisfy({ w in !w.text.isEmpty && w.text.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        let line = words.sorted { $0.box.x0 < $1.box.x0 }
        let missing = count - line.count
        guard missing <= maximumSplits else { return nil }
        let candidates = missing == 0 ? [line] : splits(line, count: missing)
        var found: [[Word]] = []
        for candidate in candidates where holds(candidate.map(\.text), sums) {
            if !found.contains(where: { $0.map(\.text) == candidate.map(\.text) }) { found.append(candidate) }
        }
        guard found.count > 1 else { return found.first }
        guard let model, model.intervals.count == count else { return nil }
        // How far a reading sets its numbers from their columns' centres (pt).
        func distance(_ r: [Word]) -> Double {
            r.enumerated().reduce(0) { $0 + abs($1.element.box.midX - model.center($1.offset)) }
        }
        let ranked = found.map { ($0, distance($0)) }.sorted { $0.1 < $1.1 }
        let digit = line.flatMap(\.glyphs).map(\.box.width).max() ?? 0
        guard ranked[1].1 - ranked[0].1 >= 0.5 * digit else { return nil }
        return ranked[0].0
    }

    /// Every way to cut the line's runs of digits into `count` more pieces (a run may be cut
    /// more than once; no piece but a lone 0 opens with 0), the pieces drawn by their own
    /// glyphs; none when there would be more than `maximumReadings`.
    static func splits(_ line: [Word], count: Int) -> [[Word]] {
        var out: [[Word]] = []
        var tooMany = false
        func walk(_ i: Int, _ left: Int, _ acc: [Word]) {
            guard !tooMany else { return }
            if left == 0 { out.append(acc + line[i...]); tooMany = out.count > maximumReadings; return }
            guard i < line.count else { return }
            walk(i + 1, left, acc + [line[i]])
            let g = line[i].glyphs
            guard g.count >= 2, g.allSatisfy({ $0.text.count == 1 }) else { return }
            for pieces in 2...min(g.count, left + 1) where g.count <= pieces * longestPiece {
                for cut in cuts(g.count, pieces) {
                    let parts = zip([0] + cut, cut + [g.count]).map { Array(g[$0..<$1]) }
                    guard parts.allSatisfy(valid) else { continue }
                    walk(i + 1, left - (pieces - 1), acc + parts.map(LineBuilder.word))
                }
            }
        }
        walk(0, count, [])
        return tooMany ? [] : out
    }

    /// The ways to cut `length` glyphs into `pieces` of at most `longestPiece` digits: the
    /// cut positions, increasing.
    static func cuts(_ length: Int, _ pieces: Int) -> [[Int]] {
        guard pieces > 1 else { return length <= longestPiece ? [[]] : [] }
        var out: [[Int]] = []
        func walk(_ start: Int, _ acc: [Int]) {
            if acc.count == pieces - 1 {
                if length - start <= longestPiece { out.append(acc) }
                return
            }
            let remaining = pieces - 1 - acc.count
            let last = min(length - remaining, start + longestPiece)
            guard start + 1 <= last else { return }
            for c in (start + 1)...last { walk(c, acc + [c]) }
        }
        walk(0, [])
        return out
    }

    static func valid(_ piece: [Glyph]) -> Bool { piece.count == 1 || piece[0].text != "0" }
}

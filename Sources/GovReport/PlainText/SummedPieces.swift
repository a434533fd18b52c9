/// The rest of numbers wrapped in narrow cells, joined where the row's sum says so.
///
/// LibreOffice prints a Word table's narrow cell by wrapping a number that does not fit, a
/// digit or two a line (148 as `1` / `4` / `8`, 5610 as `561` / `0`), while a shorter number
/// of the same column fits on one line; `pdftotext -layout` then sets the pieces on lines of
/// their own under the row's line, each line by its own scale: a piece stands a column left
/// of its number's first digit or up to two past its last (`-fixed 3`). Neither the widths
/// (`StackedPieces`: the column prints wider numbers whole) nor the columns
/// (`wrappedNumbers`: the first part two digits or more, the rest in its column) can tell such
/// a piece from another row's number; the row's sum can. For a line of three numbers or more
/// that does not add up (its numbers before the last to the last), the digits on the lines
/// under it (up to `reach` lines down, before a line that opens a row or holds a number under
/// none of the row's) are joined each to the number it stands under, line by line; the first
/// lines' pieces that make the row add up, when only one such set does, are its numbers'
/// rest. No digit is changed: only which number a piece ends.
extension LaidOutText {
    /// How many lines under a row its numbers' pieces may stand (a digit a line, a blank line
    /// between: 1 / 4 / 8 reaches four lines down).
    static let summedPieceReach = 4

    struct SummedPiece: Equatable, Sendable {
        /// The row's line, and the start column of the number the pieces end.
        var line: Int, start: Int
        /// The number whole.
        var whole: String
        /// The pieces joined: their lines and start columns.
        var pieces: [Pair]

        struct Pair: Equatable, Sendable { var line: Int, start: Int }
    }

    /// Whether numbers (plain digits) add up: all but the last to the last.
    static func addsUp(_ texts: [String]) -> Bool {
        let values = texts.compactMap { $0.count <= 15 ? Int($0) : nil }
        return values.count == texts.count && values.count >= 2 && values.dropLast().reduce(0, +) == values.last
    }

    /// - Parameters:
    ///   - joined: numbers already read whole (by line and start column), read as such.
    ///   - parts: rest parts already used (by line, start columns), no piece of another.
    static func summedPieces(_ lines: [String], _ columns: Columns,
                             joined: [Int: [Int: (text: String, end: Int)]], parts: [Int: Set<Int>]) -> [SummedPiece] {
        func digits(_ t: String) -> Bool { !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } }
        let words = lines.map { Self.words($0, columns) }
        func free(_ l: Int) -> [(text: String, start: Int, end: Int)] {
            words[l].filter { parts[l]?.contains($0.start) != true }
        }
        var used: [Int: Set<Int>] = [:]
        var out: [SummedPiece] = []
        for l in lines.indices {
            let line = free(l)
            // The row's numbers: the line's values after its label, all plain digits.
            let first = (line.lastIndex { !ValueParser.looksLikeValue($0.text) }).map { $0 + 1 } ?? 0
            let numbers = Array(line[first...])
            guard numbers.count >= 3, line.filter({ ValueParser.looksLikeValue($0.text) }).count == numbers.count,
                  numbers.allSatisfy({ digits($0.text) }) else { continue }
            let texts = numbers.map { joined[l]?[$0.start]?.text ?? $0.text }
            guard !addsUp(texts) else { continue }
            // The number a piece stands under: its first digit a column left of the number's
            // up to two past its end, and nearer it than any other.
            func upper(_ p: (text: String, start: Int, end: Int)) -> Int? {
                let near = numbers.indices.filter { i in
                    let u = numbers[i], end = joined[l]?[u.start]?.end ?? u.end
                    return p.start >= u.start - 1 && p.start <= end + 2
                }
                guard near.count == 1 else { return nil }
                return near[0]
            }
            var pieces: [[(line: Int, start: Int, text: String)]] = Array(repeating: [], count: numbers.count)
            var fits: [[[(line: Int, start: Int, text: String)]]] = []
            var b = l + 1
            while b < lines.count, b - l <= summedPieceReach {
                let below = free(b).filter { used[b]?.contains($0.start) != true }
                // A row number, or a number under none of the row's: another row.
                if below.contains(where: { !ValueParser.looksLikeValue($0.text) && StackedPieces.hasMarker($0.text) }) { break }
                let values = below.filter { ValueParser.looksLikeValue($0.text) }
                let placed = values.map(upper)
                guard values.allSatisfy({ digits($0.text) }), placed.allSatisfy({ $0 != nil }),
                      Set(placed.map { $0! }).count == placed.count else { break }
                for (p, i) in zip(values, placed) { pieces[i!].append((b, p.start, p.text)) }
                if !values.isEmpty {
                    let whole = zip(texts, pieces).map { t, ps in t + ps.map(\.text).joined() }
                    if addsUp(whole) { fits.append(pieces) }
                }
                b += 1
            }
            // A number starting with 0 has no rest (0 alone is printed whole).
            guard fits.count == 1, let found = fits.first,
                  !found.indices.contains(where: { !found[$0].isEmpty && texts[$0].hasPrefix("0") }) else { continue }
            for (i, ps) in found.enumerated() where !ps.isEmpty {
                out.append(SummedPiece(line: l, start: numbers[i].start, whole: texts[i] + ps.map(\.text).joined(),
                                       pieces: ps.map { SummedPiece.Pair(line: $0.line, start: $0.start) }))
                for p in ps { used[p.line, default: []].insert(p.start) }
            }
        }
        return out
    }
}

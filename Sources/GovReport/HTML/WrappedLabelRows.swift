/// A label wrapped over lines around its row's numbers, each line a grid row of its own.
///
/// pymupdf4llm's `text` strategy on a LibreOffice print writes each printed line of a table as
/// a grid row; a cell's numbers are printed centred beside its wrapped label, so the row comes
/// out as label-only rows, an unlabelled row of numbers, and more label-only rows. Read apart,
/// the label matches its template row with no numbers (read blank) and the numbers match
/// nothing. Joined, they are the one row that was printed.
enum WrappedLabelRows {
    /// `rows` with each unlabelled row of values joined with the label lines around it: those
    /// above it back to the line that starts a row (a row number: 1. （三） 一、), and those
    /// below it up to the next line that starts one. A labelled row is never joined.
    static func joined(_ rows: [RawRow]) -> [RawRow] {
        func labelOnly(_ r: RawRow) -> Bool { !r.label.isEmpty && r.cells.allSatisfy { $0 == nil } }
        func unlabelled(_ r: RawRow) -> Bool { r.label.isEmpty && r.cells.contains { $0 != nil } }
        var out: [RawRow] = []
        var i = 0
        while i < rows.count {
            guard unlabelled(rows[i]) else { out.append(rows[i]); i += 1; continue }
            // Label lines above, back to the one with a row number.
            var above: [RawRow] = []
            while let last = out.last, labelOnly(last) {
                above.insert(out.removeLast(), at: 0)
                if startsRow(last.label) { break }
            }
            // Lines above none of which has a row number are some other row's rest: left as
            // they were, and so is the row (nothing says which label is its).
            guard let first = above.first, startsRow(first.label) else {
                out += above + [rows[i]]
                i += 1
                continue
            }
            var below: [String] = []
            var j = i + 1
            while j < rows.count, labelOnly(rows[j]), !startsRow(rows[j].label) {
                below.append(rows[j].label)
                j += 1
            }
            var row = rows[i]
            row.label = (above.map(\.label) + below).joined()
            out.append(row)
            i = j
        }
        return out
    }

    /// `rows` with each labelled row of values given the rows under it that are its rest: rows
    /// that start no row, hold no more than the pieces of a label and digits under the row's
    /// numbers (each printed line of the row a grid row of its own).
    /// - Digits are the lower lines of numbers wrapped in narrow cells (`7` over `9` for 79):
    ///   joined only when the row then adds up (its values before the total sum to the total)
    ///   and did not as printed.
    /// - Label pieces are the rest of a label cut short in its cell (`度办理结（二）部分公开（区分处理`,
    ///   then `果的，只计这一情形，不计其`, `他情形）`; pieces of a group's vertical name run into
    ///   the label column): joined when the label then reads more like a template row's.
    /// Rests that fail both are left as they were.
    static func withRests(_ rows: [RawRow]) -> [RawRow] {
        var out: [RawRow] = []
        var i = 0
        while i < rows.count {
            var row = rows[i]
            i += 1
            guard !row.label.isEmpty, row.cells.contains(where: { $0 != nil }), startsRow(row.label) else { out.append(row); continue }
            var j = i
            while j < rows.count, isRest(rows[j], of: row) { j += 1 }
            guard j > i else { out.append(row); continue }
            let rests = rows[i..<j]
            let label = row.label + rests.map(\.label).joined()
            var cells = row.cells
            for rest in rests {
                cells = zip(cells, rest.cells).map { a, b in a.map { $0 + (b ?? "") } }
            }
            let digits = rests.contains { $0.cells.contains { $0 != nil } }
            if digits {
                guard CellStream.addsUp(cells), !CellStream.addsUp(row.cells) else { out.append(row); continue }
                row.cells = cells
                if likeness(label) >= likeness(row.label) { row.label = label }
            } else {
                guard likeness(label) > likeness(row.label) else { out.append(row); continue }
                row.label = label
            }
            i = j
            out.append(row)
        }
        return out
    }

    /// Whether `next` can be a rest of `row`: it starts no row, and each of its values is
    /// digits under a number of `row`'s, fewer of them than `row` has.
    static func isRest(_ next: RawRow, of row: RawRow) -> Bool {
        guard !startsRow(next.label), next.cells.count == row.cells.count else { return false }
        let filled = next.cells.compactMap { $0 }.count
        guard filled < row.cells.compactMap({ $0 }).count, !(filled == 0 && next.label.isEmpty) else { return false }
        return zip(row.cells, next.cells).allSatisfy { a, b in
            guard let b else { return true }
            return a.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? false && !b.isEmpty && b.allSatisfy(\.isNumber)
        }
    }

    /// How like its nearest template row an applications label reads (from its item number on).
    static func likeness(_ label: String) -> Double {
        let core = LabelMatcher.core(LabelMatcher.fromItemMarker(label))
        return CellStream.templateLabels.map { LabelMatcher.score(printed: core, template: $0) }.max() ?? 0
    }

    /// Whether a label line starts a row: a row number at its start or after the pieces of a
    /// group's vertical name written before it (`）无2.没有现成信息…`).
    static func startsRow(_ label: String) -> Bool {
        let chars = Array(label)
        return chars.indices.contains { k in
            (k == 0 || !(chars[k - 1].isASCII && chars[k - 1].isNumber)) && LabelMatcher.startsWithMarker(String(chars[k...]))
        }
    }
}

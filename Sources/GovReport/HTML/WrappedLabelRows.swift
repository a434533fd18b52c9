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

    /// Whether a label line starts a row: a row number at its start or after the pieces of a
    /// group's vertical name written before it (`）无2.没有现成信息…`).
    static func startsRow(_ label: String) -> Bool {
        let chars = Array(label)
        return chars.indices.contains { k in
            (k == 0 || !(chars[k - 1].isASCII && chars[k - 1].isNumber)) && LabelMatcher.startsWithMarker(String(chars[k...]))
        }
    }
}

/// A number wrapped in its table cell and cut by a page break: LibreOffice breaks a row
/// between the lines of a number, so the number's rest stands alone at the top of the next
/// page (beside the pieces of a group's vertical name at most), and the page before ends with
/// the row's line. `pdftotext -layout` lays each page out on its own, so the rest's column says
/// nothing of which number it ends; the row's sum does: the rest ends the one number whose
/// joining makes the row add up (its numbers before the last sum to the last), when the row as
/// printed does not and just one number does.
extension LaidOutText {
    struct PageBreakTail: Equatable, Sendable {
        /// The page (index into `pages`) and line of the row, and the columns of the number cut.
        var page: Int, line: Int, start: Int, end: Int
        /// The number whole.
        var whole: String
        /// The line on the next page holding the rest, and the rest's start column.
        var restLine: Int, restStart: Int
    }

    static func pageBreakTails(_ pages: [[String]], _ columns: Columns) -> [PageBreakTail] {
        func digits(_ t: String) -> Bool { !t.isEmpty && t.count <= 15 && t.allSatisfy { $0.isASCII && $0.isNumber } }
        var out: [PageBreakTail] = []
        for p in pages.indices.dropLast() {
            let lines = pages[p], next = pages[p + 1]
            guard let l = lines.lastIndex(where: { !$0.allSatisfy(\.isWhitespace) && !isPageEnd($0) }),
                  let n = next.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else { continue }
            let top = words(next[n], columns)
            let pieces = top.filter { ValueParser.looksLikeValue($0.text) }
            // Label text there is a label's next piece, left of the numbers (not a paragraph
            // opening with a year).
            guard pieces.count == 1, let rest = pieces.first, digits(rest.text),
                  !top.contains(where: { LabelMatcher.startsWithMarker($0.text) || $0.start > rest.start }) else { continue }
            let row = words(lines[l], columns).filter { ValueParser.looksLikeValue($0.text) }
            let texts = row.map(\.text)
            guard row.count >= 3, texts.allSatisfy(digits), !addsUp(texts) else { continue }
            // The first part fills its cell's line: as long as the rest at least.
            let fits = row.indices.filter { i in
                var joined = texts
                joined[i] += rest.text
                return !texts[i].hasPrefix("0") && texts[i].count >= rest.text.count && addsUp(joined)
            }
            guard fits.count == 1, let i = fits.first else { continue }
            out.append(PageBreakTail(page: p, line: l, start: row[i].start, end: row[i].end,
                                     whole: texts[i] + rest.text, restLine: n, restStart: rest.start))
        }
        return out
    }
}

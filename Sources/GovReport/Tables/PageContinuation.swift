/// The page-continuation stage: a table's pages joined into one list of rows.
///
/// Label text above a continuation page's first row (outside every row's band) ends the label
/// that the page break cut: it is added to the last row of the page before. The last row of
/// every page but the last may continue on the next page (`RawRow.mayContinue`: the template
/// mapper may join it with the first row there).
struct PageContinuation {
    var table: String

    /// A row continued over a page break.
    struct ContinuedRow: Sendable, Equatable {
        /// Its index in `rows`.
        var row: Int
        /// The page it starts on and the page it continues on.
        var from: Int, to: Int
        /// The label text found at the top of `to` and joined to it; empty when the row is
        /// only marked as possibly continued (the last row of a page, the table going on).
        var joined: String
    }

    private(set) var rows: [RawRow] = []
    private(set) var continued: [ContinuedRow] = []

    /// `table.crosses_pages` when the table has rows on more than one page.
    func crossing(pages: [Int]) -> Finding? {
        guard pages.count > 1 else { return nil }
        return Finding(code: "table.crosses_pages", severity: .info,
                       message: "table continues over pages \(pages.map(String.init).joined(separator: ", "))",
                       table: table, page: pages[0])
    }

    /// Adds one page's rows (pages in order) with the label text above its first row; says
    /// `table.row_split_by_page` when that text ends the previous page's last row.
    mutating func add(_ pageRows: [RawRow], leading: String, page: Int, isLastPage: Bool) -> [Finding] {
        var pageRows = pageRows
        var findings: [Finding] = []
        // The previous page's last row goes on here.
        if let i = continued.indices.last, continued[i].row == rows.count - 1 { continued[i].to = page }
        if !rows.isEmpty, !leading.isEmpty, !TableVocabulary.isHeader(leading) {
            rows[rows.count - 1].label += leading
            if let i = continued.indices.last, continued[i].row == rows.count - 1 {
                continued[i].joined = leading
            } else {
                continued.append(ContinuedRow(row: rows.count - 1, from: rows[rows.count - 1].page ?? page, to: page,
                                              joined: leading))
            }
            findings.append(Finding(code: "table.row_split_by_page", severity: .info,
                                    message: "row \"\(rows[rows.count - 1].label)\" continues at the top of page \(page)",
                                    table: table, page: page))
        }
        if !isLastPage, !pageRows.isEmpty {
            pageRows[pageRows.count - 1].mayContinue = true
            // `to` is set when the next page is added.
            continued.append(ContinuedRow(row: rows.count + pageRows.count - 1, from: page, to: page, joined: ""))
        }
        rows += pageRows
        return findings
    }
}

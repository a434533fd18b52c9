/// Places where two texts were drawn over each other and which one a reader sees could not be
/// told (`OverlappingText`): the value kept there is the likelier one, and the cell it lands in
/// is marked `cell.uncertain` with its table, row, column and page, as the spec asks.
enum OverlapDoubts {
    /// `places` holds each page's (1-based) undecided places.
    static func diagnostics(for report: CanonicalReport, places: [Int: [Rect]]) -> [Finding] {
        guard places.values.contains(where: { !$0.isEmpty }) else { return [] }
        var out: [Finding] = []
        for table in TemplateTable.allCases {
            let name = table.rawValue
            for (row, boxes) in UncertainCells.cellBoxes(report[table]) {
                guard let page = row.page, let here = places[page] else { continue }
                for (i, field) in row.fields.enumerated() {
                    guard let box = boxes[i],
                          here.contains(where: { $0.horizontalOverlap(box) > 0 && $0.verticalOverlap(box) > 0 })
                    else { continue }
                    let kept = row.values[i].map { "\($0)" } ?? "blank"
                    out.append(Finding(code: "cell.uncertain", severity: .warning,
                                       message: "two texts overlap in this cell and which one shows could not be told; kept \(kept)",
                                       table: name, row: row.key, column: field, page: page))
                }
            }
        }
        return out
    }
}

/// How trustworthy an extraction looks, judged from what it says about itself and from the
/// report's own arithmetic (the national template's totals are an oracle: a number read into
/// the wrong row or column rarely keeps them true).
struct ExtractionQuality {
    /// Weighted count of signs that something was read uncertainly.
    let problems: Double
    let isClean: Bool
    /// The tables the problems are in (`applications`, …); a problem that names no table
    /// puts every table in doubt.
    let doubtfulTables: Set<String>

    static let allTables = Set(TemplateTable.allCases.map(\.rawValue))

    init(_ report: CanonicalReport) {
        var p = 0.0
        var tables = Set<String>()
        func doubt(_ f: Finding) { if let t = f.table { tables.insert(t) } else { tables = Self.allTables } }
        for f in report.findings where f.severity == .error { p += 1; doubt(f) }
        for d in report.diagnostics {
            let before = p
            defer { if p > before { doubt(d) } }
            switch d.code {
            // A label that differs a little from the template's is a typo or an old wording
            // in the report itself; reading the rulings would not change it.
            case "label.fuzzy_match", "table.crosses_pages", "table.row_split_by_page": break
            default: p += d.severity == .info ? 0.1 : 1
            }
        }
        problems = p
        isClean = p == 0
        doubtfulTables = tables
    }
}

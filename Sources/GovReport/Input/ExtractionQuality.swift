/// How trustworthy an extraction looks, judged from what it says about itself and from the
/// report's own arithmetic (the national template's totals are an oracle: a number read into
/// the wrong row or column rarely keeps them true).
struct ExtractionQuality {
    /// Weighted count of signs that something was read uncertainly.
    let problems: Double
    let isClean: Bool

    init(_ report: CanonicalReport) {
        var p = 0.0
        for f in report.findings where f.severity == .error { p += 1 }
        for d in report.diagnostics {
            switch d.code {
            // A label that differs a little from the template's is a typo or an old wording
            // in the report itself; reading the rulings would not change it.
            case "label.fuzzy_match", "table.crosses_pages", "table.row_split_by_page": break
            default: p += d.severity == .info ? 0.1 : 1
            }
        }
        problems = p
        isClean = p == 0
    }
}

import GovReport

/// One report as `check` sees it: where it came from, the document, the numbers its prose
/// states, and every finding about it, most serious first.
public struct CheckedReport: Sendable {
    /// The report's path (as given, or as the canonical JSON records it).
    public var path: String
    /// The JSON file the report was read from, when it was read from one.
    public var input: String?
    /// The canonical document, as extracted or as read from canonical JSON.
    public var report: CanonicalReport
    /// The numbers the prose sections state, in reading order.
    public var facts: [ProseFact]
    /// The validator's, the cross-report and the prose findings, most serious first.
    public var findings: [CheckFinding]

    /// How many findings are errors.
    public var errors: Int { findings.filter { $0.severity == .error }.count }
    /// How many findings are warnings.
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    /// The most serious severity among the findings (nil: every rule holds).
    public var worst: Finding.Severity? { findings.map(\.severity).min() }
}

/// Runs every rule over a harvest: the spec's rules on each report (with the cells involved),
/// the prose against the tables, and the cross-report rules.
public enum ReportChecker {
    /// Checks each entry, in the entries' order: the spec's rules (with the template cells each
    /// finding involves, as the validator gives them), the cross-report rules over all entries,
    /// and the prose against the tables. `inputs` gives, per entry, the JSON file it was read from
    /// (nil: read from the report itself). Never fails: what cannot be judged is not a finding.
    public static func check(_ entries: [HarvestChecker.Entry], inputs: [String?]? = nil) -> [CheckedReport] {
        let cross = HarvestChecker.findings(entries)
        return entries.enumerated().map { i, e in
            let validator = Validator.check(e.report).map {
                CheckFinding(withRecordedPage($0.finding, e.report),
                             cells: $0.cells.compactMap { CellRef.of(e.report, $0) })
            }
            let facts = ProseFacts.facts(in: e.report.sections, year: e.report.report.year)
            let prose = ProseChecker.findings(for: e.report, facts: facts)
            return CheckedReport(path: e.path, input: inputs?[i], report: e.report, facts: facts,
                                 findings: mostSeriousFirst(validator + cross[i] + prose))
        }
    }

    /// A finding as the document's own recorded finding for the same rule and cell has it: a
    /// finding without a page (canonical JSON read without `provenance` has no row pages)
    /// takes the recorded page, and one the extractor recorded as a warning (a sum over a
    /// number it doubted, `DoubtedFindings`) stays a warning with the recorded message.
    static func withRecordedPage(_ f: Finding, _ report: CanonicalReport) -> Finding {
        let same = report.findings.filter {
            $0.code == f.code && $0.table == f.table && $0.row == f.row && $0.column == f.column
        }
        var f = f
        if f.page == nil, let page = same.lazy.compactMap(\.page).first { f.page = page }
        if f.severity == .error, let doubted = same.first(where: { $0.severity == .warning }) {
            f.severity = .warning
            f.message = doubted.message
        }
        return f
    }

    /// Orders by severity, keeping the rules' own order within one severity.
    static func mostSeriousFirst(_ findings: [CheckFinding]) -> [CheckFinding] {
        findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
    }
}

/// Counts over a checked harvest: findings by rule and severity, reports by their worst finding.
public struct HarvestSummary: Sendable, Equatable {
    /// One rule's count over a harvest.
    public struct RuleCount: Sendable, Equatable {
        /// The rule's code (`applications.balance`, `cross.carry_over`, …).
        public var code: String
        /// The findings' severity.
        public var severity: Finding.Severity
        /// How many findings the rule gave over all reports.
        public var count: Int
        /// Reports with at least one such finding.
        public var reports: Int
    }

    public var reports: Int
    /// Reports with at least one error.
    public var withErrors: Int
    /// Reports whose worst finding is a warning.
    public var withWarningsOnly: Int
    /// Reports with no error and no warning.
    public var clean: Int
    /// Inputs that could not be read (reported by the caller).
    public var unreadable: Int
    /// By severity, then by code.
    public var rules: [RuleCount]

    public init(_ checked: [CheckedReport], unreadable: Int = 0) {
        reports = checked.count
        withErrors = checked.filter { $0.worst == .error }.count
        withWarningsOnly = checked.filter { $0.worst == .warning }.count
        clean = checked.filter { $0.worst == nil }.count
        self.unreadable = unreadable
        var counts: [String: RuleCount] = [:]
        for r in checked {
            var seen = Set<String>()
            for f in r.findings {
                let k = "\(f.severity.rawValue) \(f.code)"
                var c = counts[k] ?? RuleCount(code: f.code, severity: f.severity, count: 0, reports: 0)
                c.count += 1
                if seen.insert(k).inserted { c.reports += 1 }
                counts[k] = c
            }
        }
        rules = counts.values.sorted { ($0.severity, $0.code) < ($1.severity, $1.code) }
    }

    /// Error findings over all reports.
    public var errorCount: Int { rules.filter { $0.severity == .error }.reduce(0) { $0 + $1.count } }
    /// Warning findings over all reports.
    public var warningCount: Int { rules.filter { $0.severity == .warning }.reduce(0) { $0 + $1.count } }
}

import Foundation
import GovReport
import GovReportChecking

/// `check --sqlite FILE`: the checked reports in the batch archive's schema, with check's
/// findings (the spec's rules, prose against tables, and the cross-report rules) in `findings`,
/// each with its `scope`.
public enum CheckArchive {
    public static func write(_ checked: [CheckedReport], to destination: URL) throws {
        var sources = Set<String>()
        try ArchiveWriter.build(destination, temporaryDirectory: destination.deletingLastPathComponent(),
                                findingsScope: true) { archive in
            for c in checked {
                var report = c.report
                // One row per report: the same source read with two different contents is kept twice.
                var source = c.path, n = 1
                while !sources.insert(source).inserted {
                    n += 1
                    source = "\(c.path) (\(n))"
                }
                report.source.path = source
                let findings = c.findings.map { (finding: $0.finding, scope: scope(of: $0.code)) }
                try archive.add(report, document: c.report.json.serialized(pretty: false), findings: findings)
            }
        }
    }

    /// `report`, `prose` or `cross_report`, from the rule's code.
    public static func scope(of code: String) -> String {
        code.hasPrefix("cross.") ? "cross_report" : code.hasPrefix("prose.") ? "prose" : "report"
    }
}

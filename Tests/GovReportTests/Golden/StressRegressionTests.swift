import Foundation
import Testing
@testable import GovReport

/// Reports from the stress corpus (Fixtures/stress, made by Scripts/stress/build.py) that
/// once broke the table reader: borderless tables with blank rows and columns, (1)/①
/// numbering, group headings run up against items, tight or space-separated numbers, headers
/// left at the foot of a page, three-line tables, radical-supplement look-alikes.
@Suite struct StressRegressionTests {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/stress")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".pdf") }.sorted()
    }()

    @Test func theFixturesAreThere() {
        #expect(Self.files.count >= 10, "\(Self.files)")
    }

    @Test(arguments: files)
    func numbersMatchTheKnownAnswers(file: String) throws {
        _ = try Self.check(Self.folder.appendingPathComponent(file))
    }

    /// Extracts a fixture and compares it with `NAME.numbers.json` beside it: every number, the
    /// report info and the error findings.
    static func check(_ url: URL) throws -> CanonicalReport {
        let file = url.lastPathComponent
        let truth = try JSONDecoder().decode(TruthJSON.self,
                                             from: Data(contentsOf: url.deletingPathExtension().appendingPathExtension("numbers.json")))
        let report = try ReportExtractor.extract(path: url.path)
        let json = report.json
        var diffs: [String] = []
        for part in ["active_disclosure", "applications", "review_litigation"] {
            diffs += truth[part]?.differences(from: json[part], at: part) ?? ["\(part): not in the truth"]
        }
        for key in ["organization", "year", "template"] {
            diffs += truth["report"]?[key]?.differences(from: json["report"]?[key], at: "report.\(key)") ?? []
        }
        #expect(diffs.isEmpty, "\(file):\n\(diffs.joined(separator: "\n"))")
        guard case .array(let expected)? = truth["expected_findings"] else { return report }
        let codes = Set(expected.compactMap { if case .string(let s) = $0 { return s }; return nil })
        #expect(Set(report.findings.filter { $0.severity == .error }.map(\.code)) == codes, "\(file)")
        return report
    }
}

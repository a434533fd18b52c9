import Foundation
import Testing
@testable import GovReport

/// Laid-out text and Markdown fixtures (Fixtures/layout-text, Fixtures/markdown, made by
/// Scripts/make-text-samples.py): `pdftotext -layout` of the stress PDFs, reports laid out by
/// display width, tabs turned into spaces, and Markdown as converters write it. Every number,
/// the report info and the error findings must match `NAME.numbers.json`.
@Suite struct TextKindFixtureTests {
    static let root = Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures")

    static func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { !$0.hasSuffix(".json") }.map { "\(folder)/\($0)" }.sorted()
    }

    static let layoutFiles = files("layout-text")
    static let markdownFiles = files("markdown")

    @Test func theFixturesAreThere() {
        #expect(Self.layoutFiles.count >= 20, "\(Self.layoutFiles)")
        #expect(Self.markdownFiles.count >= 12, "\(Self.markdownFiles)")
    }

    static func check(_ file: String) throws -> CanonicalReport {
        let url = root.appendingPathComponent(file)
        let stem = url.deletingPathExtension().path
        let truth = try JSONDecoder().decode(TruthJSON.self, from: Data(contentsOf: URL(fileURLWithPath: stem + ".numbers.json")))
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
        if case .array(let expected)? = truth["expected_findings"] {
            let codes = Set(expected.compactMap { if case .string(let s) = $0 { return s }; return nil })
            #expect(Set(report.findings.filter { $0.severity == .error }.map(\.code)) == codes, "\(file)")
        }
        return report
    }

    @Test(arguments: layoutFiles)
    func laidOutTextMatchesTheKnownAnswers(file: String) throws {
        let report = try Self.check(file)
        #expect(report.source.kind == .text)
    }

    @Test(arguments: markdownFiles)
    func markdownMatchesTheKnownAnswers(file: String) throws {
        let report = try Self.check(file)
        #expect(report.source.kind == .markdown)
        // `#` marks a heading; it is never part of the title or the organization.
        #expect(report.report.title.map { !$0.contains("#") } ?? false)
        #expect(report.report.organization.map { !$0.contains("#") } ?? false)
    }
}

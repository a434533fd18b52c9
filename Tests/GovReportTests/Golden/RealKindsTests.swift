import Foundation
import Testing
@testable import GovReport

/// The kinds of real reports that came out wrong (Fixtures/real-kinds, made by
/// Scripts/stress/real_kinds.py with numbers known by construction): Word-made web grids,
/// CMS information boxes above a body without a title, review/litigation as three tables,
/// numbers wrapped inside narrow ruled cells under a header left on the previous page, a
/// number standing alone after a wrapped label in text converted from a PDF.
@Suite struct RealKindsTests {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/real-kinds")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { [".pdf", ".html", ".txt"].contains(where: $0.hasSuffix) }.sorted()
    }()

    @Test func theFixturesAreThere() {
        #expect(Self.files.count >= 8, "\(Self.files)")
    }

    @Test(arguments: files)
    func everyCellTitleAndFindingIsRight(file: String) throws {
        let stem = (file as NSString).deletingPathExtension
        let truth = try JSONDecoder().decode(TruthJSON.self,
                                             from: Data(contentsOf: Self.folder.appendingPathComponent(stem + ".numbers.json")))
        let report = try ReportExtractor.extract(path: Self.folder.appendingPathComponent(file).path)
        let json = report.json
        var diffs: [String] = []
        for part in ["active_disclosure", "applications", "review_litigation"] {
            diffs += truth[part]?.differences(from: json[part], at: part) ?? ["\(part): not in the truth"]
        }
        for key in ["organization", "year", "template", "title"] {
            diffs += truth["report"]?[key]?.differences(from: json["report"]?[key], at: "report.\(key)") ?? []
        }
        #expect(diffs.isEmpty, "\(file):\n\(diffs.joined(separator: "\n"))")
        func codes(_ key: String) -> Set<String> {
            guard case .array(let a)? = truth[key] else { return [] }
            return Set(a.compactMap { if case .string(let s) = $0 { return s }; return nil })
        }
        #expect(Set(report.findings.filter { $0.severity == .error }.map(\.code)) == codes("expected_findings"), "\(file)")
        let diagnostics = Set(report.diagnostics.map(\.code))
        #expect(codes("expected_diagnostics").isSubset(of: diagnostics), "\(file): \(diagnostics.sorted())")
        #expect(!diagnostics.contains("label.unmatched"), "\(file): \(report.diagnostics.map(\.message))")
    }
}

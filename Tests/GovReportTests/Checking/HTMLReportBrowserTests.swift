import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

/// The HTML report in a real browser: headless Chromium loads the page, its scripts run, and
/// the test reads the DOM back (the offending cells highlighted, the list sorted) and saves a
/// screenshot in .build/check-html/.
@Suite(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.skipReason), .serialized)
struct HTMLReportBrowserTests {
    /// Each report's expected highlighted cells: the cells of its error findings, and of other
    /// reports' cross-report errors that name its cells.
    static func expectedErrorCells(_ checked: [CheckedReport]) -> [String: Set<String>] {
        var byPath: [String: Set<String>] = [:]
        for r in checked {
            for f in r.findings where f.severity == .error {
                for c in f.cells { byPath[c.report ?? r.path, default: []].insert(c.key) }
            }
        }
        var out: [String: Set<String>] = [:]
        for (i, r) in checked.enumerated() { out["r\(i + 1)"] = byPath[r.path] ?? [] }
        return out
    }

    static func write(_ checked: [CheckedReport], name: String) throws -> URL {
        let url = HeadlessChromium.outputFolder.appendingPathComponent(name)
        try Data(HTMLReportWriter().html(checked).utf8).write(to: url)
        return url
    }

    @Test func samplesAndTheYearPairRenderWithTheOffendingCellsHighlighted() throws {
        var entries: [HarvestChecker.Entry] = []
        for name in ["sample-inconsistent-2021.pdf", "sample-bordered-2021.pdf"] {
            let url = Paths.samples.appendingPathComponent(name)
            entries.append(.init(path: name, report: try ReportExtractor.extract(path: url.path, displayPath: name)))
        }
        for name in ["year-pair/lanxi-kjj-2023.txt", "year-pair/lanxi-kjj-2024.txt"] {
            entries.append(.init(path: name, report: try CheckingFixtures.extract(name)))
        }
        let checked = ReportChecker.check(entries)
        let page = try Self.write(checked, name: "samples.html")

        let dom = try HeadlessChromium.dom(page, fragment: "sort=errors:desc")
        #expect(ReportDOM.attribute("data-ready", ofBodyIn: dom) == "1", "the page's script did not run")
        let cells = ReportDOM.highlighted(dom)
        // sample-inconsistent: the 勾稽关系 fails in 商业企业 and 总计, four cells each.
        #expect(Set(cells["r1"] ?? []) == Set(["new_received", "carried_over", "total_processed", "carried_forward"]
            .flatMap { row in ["commercial", "total"].map { "applications.\(row).\($0)" } }))
        #expect(cells["r2"] == [])
        // The year pair: 2023's 四、结转 and 2024's 二、上年结转 in 自然人 and 总计.
        #expect(Set(cells["r3"] ?? []) == ["applications.carried_forward.natural_person", "applications.carried_forward.total"])
        #expect(Set(cells["r4"] ?? []) == ["applications.carried_over.natural_person", "applications.carried_over.total"])
        #expect(cells.mapValues(Set.init) == Self.expectedErrorCells(checked))
        #expect(ReportDOM.attribute("data-error-cells", ofBodyIn: dom) == "12")
        // Sorted by the address's #sort=errors:desc: reports with errors first, input order kept among equals.
        #expect(ReportDOM.listOrder(dom) == ["r1", "r4", "r2", "r3"])
        #expect(ReportDOM.listOrder(try HeadlessChromium.dom(page)) == ["r1", "r2", "r3", "r4"])

        let png = HeadlessChromium.outputFolder.appendingPathComponent("samples.png")
        try HeadlessChromium.screenshot(page, to: png)
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 20_000, "screenshot at \(png.path)")
    }

    static let corpus = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared/corpus is not here"))
    func theWholeCorpusRendersWithTheOffendingCellsHighlighted() throws {
        var entries: [HarvestChecker.Entry] = []
        for set in ["real", "synthetic"] {
            let dir = Self.corpus.appendingPathComponent(set)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".txt") }.sorted()
            for name in names {
                let path = dir.appendingPathComponent(name).path
                entries.append(.init(path: "\(set)/\(name)", report: try ReportExtractor.extract(path: path, displayPath: "\(set)/\(name)")))
            }
        }
        let checked = ReportChecker.check(entries)
        #expect(checked.count >= 12)
        let page = try Self.write(checked, name: "corpus.html")
        let dom = try HeadlessChromium.dom(page)
        #expect(ReportDOM.attribute("data-ready", ofBodyIn: dom) == "1")
        let expected = Self.expectedErrorCells(checked)
        let total = expected.values.reduce(0) { $0 + $1.count }
        #expect(total > 0, "the corpus has inconsistent reports: some cells must be highlighted")
        #expect(ReportDOM.highlighted(dom).mapValues(Set.init) == expected)
        #expect(ReportDOM.attribute("data-error-cells", ofBodyIn: dom) == "\(total)")

        let png = HeadlessChromium.outputFolder.appendingPathComponent("corpus.png")
        try HeadlessChromium.screenshot(page, to: png, height: 3200)
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 20_000, "screenshot at \(png.path)")
    }
}

import Foundation
import Testing
@testable import GovReport
@testable import GovReportChecking

/// The comparison page in headless Chromium: its script runs, the changed cells and the
/// reused paragraphs are marked as the comparisons say, and a screenshot is saved in
/// .build/check-html/compare.png.
@Suite(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.skipReason), .serialized)
struct CompareHTMLBrowserTests {
    @Test func theYearPairsRenderWithChangesAndReusedParagraphsMarked() throws {
        let comparisons = try ComparePairs.names.map { try ComparePairs.load($0).comparison }
        let page = HeadlessChromium.outputFolder.appendingPathComponent("compare.html")
        try Data(CompareHTMLWriter().html(comparisons).utf8).write(to: page)

        let dom = try HeadlessChromium.dom(page)
        #expect(ReportDOM.attribute("data-ready", ofBodyIn: dom) == "1", "the page's script did not run")
        #expect(ReportDOM.attribute("data-comparisons", ofBodyIn: dom) == "3")
        let changed = comparisons.reduce(0) { $0 + $1.biggestChangesFirst.count }
        #expect(ReportDOM.attribute("data-changed-cells", ofBodyIn: dom) == "\(changed)")
        let reused = comparisons.reduce(0) { $0 + ($1.prose?.reused.count ?? 0) }
        #expect(ReportDOM.attribute("data-reused-paragraphs", ofBodyIn: dom) == "\(reused)")
        // A reused paragraph sits beside its source: planted ¶4 of 一 repeats 2022's ¶5.
        #expect(dom.contains("<tr class=\"reused\" data-to=\"4\" data-from=\"5\">"))
        // A changed cell shows its change.
        let first = try #require(comparisons[0].biggestChangesFirst.first)
        let sign = first.change > 0 ? "+" : ""
        #expect(dom.contains("data-cell=\"\(first.key)\""))
        #expect(dom.contains(">\(sign)\(first.change)</span>"))

        let png = HeadlessChromium.outputFolder.appendingPathComponent("compare.png")
        try HeadlessChromium.screenshot(page, to: png)
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 20_000, "screenshot at \(png.path)")
    }
}

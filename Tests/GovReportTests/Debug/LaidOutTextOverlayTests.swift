import Foundation
import Testing
@testable import GovReport

/// `govreport debug` on laid-out text: the page is drawn from its words (there is nothing to
/// render), under the same marks as a PDF's.
@Suite struct LaidOutTextOverlayTests {
    /// An applications table as `pdftotext -layout` writes it: three rows of seven numbers.
    static let text = """
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量                          13     8     1     7    23     5    57
        二、上年结转政府信息公开申请数量                           0     0     0     0     0     0     0
            （一）予以公开                                        32     2     4     2     5     3    48

        四、政府信息公开行政复议、行政诉讼情况
        """

    static func reading() throws -> PositionedReading {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-laid-out-\(UUID().uuidString).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        guard case .laidOutText(let reading) = try ReportExtractor.inspect(path: file.path) else {
            Issue.record("laid-out text not inspected as laid-out text")
            throw CancellationError()
        }
        return reading
    }

    static func boxes(_ overlay: DebugOverlay) -> [Rect] {
        overlay.marks.compactMap { if case .box(let r, _, _) = $0 { r } else { nil } }
    }

    static func ink(_ overlay: DebugOverlay) -> [String] {
        overlay.marks.compactMap { if case .text(let s, _, _, _, .ink) = $0 { s } else { nil } }
    }

    @Test func theCellsStageDrawsTheWordsAndEveryRowsCells() throws {
        let reading = try Self.reading()
        let page = try #require(reading.layouts.first)
        let overlay = DebugOverlay(unrenderedPage: page, reading: reading, stage: .cells)
        let drawn = Self.boxes(overlay)
        let words = page.lines.flatMap(\.words).map(\.box)
        #expect(words.count > 20)
        #expect(words.allSatisfy { w in drawn.contains(w) })
        let cells = reading.stages.flatMap(\.pages).flatMap(\.rows).compactMap(\.geometry).flatMap(\.cells).compactMap { $0 }
        #expect(cells.count == 3 * 7)
        #expect(cells.allSatisfy { c in drawn.contains(c) })
        // Every ASCII character is drawn, one mark a glyph: the digits of the rows.
        let ascii = page.lines.flatMap(\.words).flatMap(\.glyphs).map(\.text).filter { $0.allSatisfy(\.isASCII) }
        #expect(Self.ink(overlay) == ascii)
        #expect(ascii.joined().contains("1381723557"))
    }

    @Test func theDefaultViewDrawsEachWordOnceAndTheReportsCells() throws {
        let reading = try Self.reading()
        let page = try #require(reading.layouts.first)
        let overlay = DebugOverlay(unrenderedPage: page, reading: reading, stage: nil)
        let drawn = Self.boxes(overlay)
        let grey = overlay.marks.compactMap { if case .box(let r, .word, _) = $0 { r } else { nil } }
        #expect(grey.map { "\($0)" } == page.lines.flatMap(\.words).map { "\($0.box)" })
        let cells = reading.report.applications.rows.compactMap(\.geometry).flatMap(\.cells).compactMap { $0 }
        #expect(cells.count == 3 * 7)
        #expect(cells.allSatisfy { c in drawn.contains(c) })
    }
}

import Foundation
import Testing
@testable import GovReport

/// `debug --stage` draws every stage from the table finder's intermediates (hand-built pages).
@Suite struct StageOverlayTests {
    static let stages = TableStagesTests.reader.stages(in: TableStagesTests.twoPages())

    static func boxes(_ overlay: DebugOverlay) -> [Rect] {
        overlay.marks.compactMap { if case .box(let r, _, _) = $0 { r } else { nil } }
    }

    static func texts(_ overlay: DebugOverlay) -> [String] {
        overlay.marks.compactMap { if case .text(let s, _, _, _, _) = $0 { s } else { nil } }
    }

    @Test(arguments: DebugStage.allCases) func eachStageDraws(stage: DebugStage) {
        let overlay = DebugOverlay(stage: stage, page: 2, tables: [Self.stages], rulings: [])
        #expect(!Self.boxes(overlay).isEmpty)
        // The debug view has no CJK font: every text drawn is ASCII.
        #expect(Self.texts(overlay).allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    @Test func theStagesDrawDifferentThings() {
        let drawn = DebugStage.allCases.map { DebugOverlay(stage: $0, page: 2, tables: [Self.stages], rulings: []).marks }
        #expect(Set(drawn.map { "\($0)" }).count == DebugStage.allCases.count)
        let columns = DebugOverlay(stage: .columns, page: 3, tables: [Self.stages], rulings: [])
        #expect(Self.texts(columns).contains("page 2"))
        let rows = DebugOverlay(stage: .rows, page: 2, tables: [Self.stages], rulings: [])
        #expect(Self.texts(rows).contains("rows: unruled"))
    }

    @Test func aPageWithoutTheTableDrawsOnlyItsRulings() {
        let rule = Ruling(axis: .horizontal, position: 10, start: 0, end: 100)
        let overlay = DebugOverlay(stage: .cells, page: 9, tables: [Self.stages], rulings: [rule])
        #expect(overlay.marks.count == 1)
    }
}

/// `govreport debug --stage` on a sample PDF writes a PNG for every stage.
@Suite(.tags(.cli)) struct DebugStageCommandTests {
    @Test(arguments: DebugStage.allCases) func debugDrawsTheStage(stage: DebugStage) throws {
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-stage-\(stage.rawValue)-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        let r = try CLI.run(["debug", "sample-bordered-2021.pdf", "--png", png.path, "--stage", stage.rawValue])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}

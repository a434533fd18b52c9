import Foundation
import Testing
@testable import GovReport

/// What a new user met looking into a scan (session 7): `debug` refused it (a scan has no text
/// layer, so there was nothing to draw) although `extract` reads it by OCR, `layout` printed
/// nothing and said nothing, and a finished batch left an empty `tmp/` in its output folder.
@Suite(.tags(.cli), .serialized) struct ScannedPageToolsTests {
    static let scan = ScanTests.fixture.appendingPathComponent("scan-table.pdf")

    /// The reading `debug` draws keeps the table finder's stages of the OCR'd pages.
    @Test(.enabled(if: ScanTests.ocrInstalled)) func anOCRReadingKeepsItsTableStages() throws {
        guard case .pdf(let reading) = try ReportExtractor.inspect(path: Self.scan.path, ocr: .auto) else {
            Issue.record("a scanned PDF not inspected as a PDF")
            return
        }
        #expect(reading.report.source.ocr != nil)
        #expect(reading.stages.contains { $0.table == TemplateTable.applications.rawValue })
    }

    @Test(.enabled(if: ScanTests.ocrInstalled), arguments: [[], ["--stage", "cells"]])
    func debugDrawsAScanAsOCRReadIt(stage: [String]) throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let png = dir.url.appendingPathComponent("page.png")
        let r = try CLI.run(["debug", Self.scan.path, "--png", png.path] + stage)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wrote \(png.path)"), "\(r.stderr)")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func layoutOfAScannedPageSaysItHasNoTextLayer() throws {
        let r = try CLI.run(["layout", Self.scan.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("page 1 has no text layer"), "\(r.stderr)")
        #expect(r.stderr.contains("govreport debug"), "\(r.stderr)")
        // A page with text says nothing of the kind.
        let text = try CLI.run(["layout", "sample-bordered-2021.pdf"])
        #expect(text.status == 0 && !text.stderr.contains("no text layer"), "\(text.stderr)")
    }

    @Test func aFinishedBatchLeavesNoTemporaryFolder() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try NewcomerTests.copy("smx-kjj-2024.txt", to: dir.url.appendingPathComponent("in/report.txt"))
        let r = try CLI.run(["batch", "in", "--out", "out", "--progress", "none"], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("out").path)
        #expect(out.contains("reports.jsonl") && !out.contains("tmp"), "\(out)")
    }
}

import Foundation
import Testing
@testable import GovReport
@testable import GovReportBatch

@Suite struct DocumentJobTests {
    @Test func requestsAndResultsTravelAsOneLineEach() {
        let request = WorkRequest(id: 7, path: "h/报告\n1.pdf", output: "/out/docs/h/报告\n1.pdf.json")
        #expect(!request.line.contains("\n"))
        #expect(WorkRequest(line: request.line) == request)
        let result = WorkResult(id: 7, status: .failed, sha256: "ab", size: 12, error: "damaged_pdf",
                                message: "is \"damaged\"", findings: 0)
        #expect(WorkResult(line: result.line) == result)
        #expect(WorkResult(line: WorkerReady.line) == nil)
        #expect(WorkRequest(line: "{\"id\":1}") == nil)
    }

    @Test func anExtractedDocumentIsWrittenAsExtractPrintsIt() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let input = Paths.samples.appendingPathComponent("smx-kjj-2024.txt").path
        let out = dir.url.appendingPathComponent("docs/x.json")
        let result = DocumentJob.run(WorkRequest(id: 1, path: input, output: out.path), temporaryDirectory: dir.url)
        let expected = try ReportExtractor.extract(path: input)
        #expect(result == WorkResult(id: 1, status: .ok, sha256: expected.source.sha256,
                                     size: Int64(try Data(contentsOf: URL(fileURLWithPath: input)).count),
                                     findings: expected.findings.count))
        #expect(try String(contentsOf: out, encoding: .utf8) == expected.json.serialized() + "\n")
    }

    @Test func aFailureSaysWhyAndRemovesAnOldDocument() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let out = dir.url.appendingPathComponent("old.json")
        let cases: [(String, String)] = [(Paths.badInput("empty.pdf").path, "empty_file"),
                                         (Paths.badInput("encrypted.pdf").path, "encrypted_pdf"),
                                         (dir.path + "/missing.pdf", "not_found"), (dir.path, "is_directory")]
        for (path, code) in cases {
            try Data("stale".utf8).write(to: out)
            let result = DocumentJob.run(WorkRequest(id: 2, path: path, output: out.path), temporaryDirectory: dir.url)
            #expect(result.status == .failed)
            #expect(result.error == code)
            #expect(result.message?.isEmpty == false)
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        // A file that was read is identified by its hash even when it fails.
        let empty = DocumentJob.run(WorkRequest(id: 3, path: Paths.badInput("empty.pdf").path, output: out.path),
                                    temporaryDirectory: dir.url)
        #expect(empty.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(empty.size == 0)
    }
}

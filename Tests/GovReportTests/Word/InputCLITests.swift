import Foundation
import Testing
@testable import GovReport

/// The command line on the new inputs: Word, the formats it refuses, standard input, folders.
@Suite(.tags(.cli)) struct InputCLITests {
    static let docx = "sample-word-2021.docx"

    @Test func extractReadsAWordDocument() throws {
        let r = try CLI.run(["extract", Self.docx])
        #expect(r.exited && r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect((doc["source"] as? [String: Any])?["kind"] as? String == "docx")
    }

    @Test func aMixedCallPrintsTheGoodReportsAndNamesEachOtherFormat() throws {
        let ofd = WordFixtures.format("report.ofd").path, png = WordFixtures.format("scan.png").path
        let r = try CLI.run(["extract", ofd, Self.docx, png, "smx-kjj-2024.txt"])
        #expect(r.exited && r.status == 3)
        let docs = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(docs.map { ($0["source"] as? [String: Any])?["path"] as? String } == [Self.docx, "smx-kjj-2024.txt"])
        #expect(r.stderr.contains("govreport: \(ofd): is an OFD document (GB/T 33190); export it to PDF [unsupported_format]"))
        #expect(r.stderr.contains("\(png): is an image (PNG)"))
    }

    @Test func withoutLibreOfficeADocNeedsTheConverter() throws {
        let doc = WordFixtures.word("word-2019.doc").path
        let r = try CLI.run(["extract", doc], environment: ["GOVREPORT_SOFFICE": ""])
        #expect(r.exited && r.status == 10)
        #expect(r.stderr.contains("[needs_converter]") && r.stderr.contains(OfficeConverter.package), "\(r.stderr)")
        let c = try CLI.run(["check", doc], environment: ["GOVREPORT_SOFFICE": ""])
        #expect(c.status == 10, "\(c.stderr)")
    }

    @Test func extractAndCheckReadStandardInput() throws {
        let r = try CLI.run(["extract", "-"], stdin: Samples.url(Self.docx))
        #expect(r.exited && r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect((doc["source"] as? [String: Any])?["path"] as? String == "-")
        #expect((doc["report"] as? [String: Any])?["organization"] as? String == "澄江县市场监督管理局")

        let c = try CLI.run(["check", "-"], stdin: Samples.url("sample-inconsistent-2021.pdf"))
        #expect(c.status == 1, "\(c.stderr)")
        #expect(c.out.contains("applications.balance"))

        // Canonical JSON on standard input is checked as JSON.
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("stdin-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        try r.stdout.write(to: json)
        let j = try CLI.run(["check", "--json", "-"], stdin: json)
        #expect(j.status == 0, "\(j.stderr)")
        #expect(j.out.contains("澄江县市场监督管理局"))
    }

    @Test func checkWalksFoldersForEveryKindAndCountsWhatItSkipped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Samples.url(Self.docx), to: dir.appendingPathComponent(Self.docx))
        try FileManager.default.copyItem(at: Samples.url("smx-kjj-2024.txt"), to: dir.appendingPathComponent("a.txt"))
        for name in ["scan.png", "report.ofd", "table.xlsx"] {
            try FileManager.default.copyItem(at: WordFixtures.format(name), to: dir.appendingPathComponent(name))
        }
        let r = try CLI.run(["check", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains("澄江县市场监督管理局"))
        #expect(r.stderr.contains("skipped 3 file(s)"), "\(r.stderr)")
        #expect(r.stderr.contains(".ofd 1") && r.stderr.contains(".png 1") && r.stderr.contains(".xlsx 1"))
    }

    /// `batch` on a folder says, as `check` does, how many files of formats it does not read
    /// it skipped and which (by extension), and extracts the rest.
    @Test func batchWalksFoldersAndCountsWhatItSkipped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bwalk-\(UUID().uuidString)")
        let inputs = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Samples.url("smx-kjj-2024.txt"), to: inputs.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: Samples.url("sample-2019.layout.txt"), to: inputs.appendingPathComponent("b.txt"))
        for name in ["scan.png", "report.ofd", "table.xlsx"] {
            try FileManager.default.copyItem(at: WordFixtures.format(name), to: inputs.appendingPathComponent(name))
        }
        let r = try BatchCLI.run(["batch", inputs.path, "--out", out.path, "--jobs", "1", "--progress", "none"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("skipped 3 file(s)"), "\(r.stderr)")
        #expect(r.stderr.contains(".ofd 1") && r.stderr.contains(".png 1") && r.stderr.contains(".xlsx 1"), "\(r.stderr)")
        #expect(r.stderr.contains(SkippedFiles.notReports), "\(r.stderr)")
    }
}

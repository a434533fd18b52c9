import Foundation
import Testing
@testable import GovReport

/// Runs the built `govreport` binary (built by `swift test` into the same build directory).
enum CheckCommand {
    static let binary: URL? = {
        var dirs: [URL] = [Bundle.main.bundleURL]
        if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent()) }
        dirs += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        dirs.append(Paths.packageRoot.appendingPathComponent(".build/debug"))
        return dirs.map { $0.appendingPathComponent("govreport") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `govreport ARGUMENTS` in `directory` (the checking fixtures by default).
    static func run(_ arguments: [String], in directory: URL = CheckingFixtures.folder) throws -> CheckingProcess.Result {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        return try CheckingProcess.run(binary, arguments, in: directory)
    }

    static func tempFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-harvest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

@Suite(.enabled(if: CheckCommand.binary != nil, "the govreport binary is not built"))
struct CheckCommandTests {
    static let pair = ["year-pair/lanxi-kjj-2023.txt", "year-pair/lanxi-kjj-2024.txt"]

    // MARK: exit statuses

    @Test func theYearPairExits1WithTheCrossReportFinding() throws {
        let r = try CheckCommand.run(["check", "year-pair"])
        #expect(r.status == 1, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // Its 一、总体情况 is 2023's text with the numbers changed: cross.prose_reused.
        #expect(lines.first == "year-pair/lanxi-kjj-2024.txt (岚溪县科学技术局 2024): 3 finding(s): 2 errors, 1 warning")
        #expect(lines.filter { $0.contains("ERROR cross.carry_over applications.carried_over.") }.count == 2)
        #expect(r.stdout.contains("[expected 2, actual 1]"))
        #expect(r.stdout.contains("year-pair/lanxi-kjj-2023.txt (岚溪县科学技术局 2023): OK, every rule holds"))
        #expect(r.stdout.contains("2 reports: 1 with errors, 0 with warnings only, 1 clean"))
    }

    @Test func aCleanReportOrOnlyWarningsExit0() throws {
        let clean = try CheckCommand.run(["check", Self.pair[0]])
        #expect(clean.status == 0 && clean.stdout.contains("OK, every rule holds"))
        let warned = try CheckCommand.run(["check", "lanxi-kjj-2026.txt"])
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("WARNING prose.table_mismatch applications.new_received.total"))
        #expect(warned.stdout.contains("      正文：全年共收到政府信息公开申请15件，均在法定期限内答复。"))
    }

    @Test(arguments: [["check"], ["check", "--format", "pdf", "lanxi-kjj-2026.txt"],
                      ["check", "--json", "--format", "html", "lanxi-kjj-2026.txt"], ["check", "--no-such-flag", "x.txt"]])
    func usageErrorsExit2(arguments: [String]) throws {
        let r = try CheckCommand.run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(!r.stderr.isEmpty && r.stdout.isEmpty)
    }

    @Test func unreadableInputsExit3AndTheOthersAreStillChecked() throws {
        let dir = try CheckCommand.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("junk.json")
        try Data("{\"a\": 1}".utf8).write(to: junk)
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for arg in ["no-such-report.pdf", junk.path, empty.path] {
            let r = try CheckCommand.run(["check", Self.pair[0], arg])
            #expect(r.status == 3, "\(arg): \(r.stderr)")
            #expect(r.stderr.contains(arg))
            #expect(r.stdout.contains("OK, every rule holds"))
            #expect(r.stdout.contains("1 input could not be read"))
        }
    }

    @Test func theOtherInputStatusesAreExtract() throws {
        let bad = Paths.badInputs
        for (name, status) in [("encrypted.pdf", 4), ("image-only.pdf", 5), ("not-a-report.txt", 6), ("truncated.pdf", 3)] {
            let r = try CheckCommand.run(["check", bad.appendingPathComponent(name).path])
            #expect(r.status == Int32(status), "\(name): \(r.stderr)")
        }
    }

    // MARK: inputs

    @Test func extractOutputAsJSONLinesChecksTheSame() throws {
        let dir = try CheckCommand.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let jsonl = try CheckCommand.run(["extract", "--jsonl"] + Self.pair)
        let file = dir.appendingPathComponent("harvest.jsonl")
        try Data(jsonl.stdout.utf8).write(to: file)
        let fromJSON = try CheckCommand.run(["check", "--json", file.path])
        let direct = try CheckCommand.run(["check", "--json"] + Self.pair)
        #expect(fromJSON.status == 1 && direct.status == 1)
        let a = try #require(JSONValue.parse(Data(fromJSON.stdout.utf8)).array)
        let b = try #require(JSONValue.parse(Data(direct.stdout.utf8)).array)
        #expect(a.map { $0["path"] } == b.map { $0["path"] })
        #expect(a.map { $0["findings"] } == b.map { $0["findings"] })
        #expect(a.first?["input"]?.string == file.path)
    }

    @Test func aBatchFolderIsCheckedOnceNotAsDuplicates() throws {
        // A batch's output: docs/<path>.json per document, reports.jsonl with all of them, and
        // a manifest that is not canonical JSON.
        let dir = try CheckCommand.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = dir.appendingPathComponent("docs/year-pair")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for name in Self.pair {
            let one = try CheckCommand.run(["extract", name])
            try Data(one.stdout.utf8).write(to: dir.appendingPathComponent("docs/\(name).json"))
        }
        let all = try CheckCommand.run(["extract", "--jsonl"] + Self.pair)
        try Data(all.stdout.utf8).write(to: dir.appendingPathComponent("reports.jsonl"))
        try Data("{\"path\":\"x\",\"status\":\"ok\"}\n".utf8).write(to: dir.appendingPathComponent("manifest.jsonl"))

        let r = try CheckCommand.run(["check", dir.path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("2 reports: 1 with errors"))
        #expect(!r.stdout.contains("cross.duplicate"))
        #expect(r.stdout.components(separatedBy: "ERROR cross.carry_over").count - 1 == 2)
        #expect(r.stderr.contains("manifest.jsonl"))
        #expect(r.stderr.contains("2 document(s) were read again"))
    }

    @Test func theSameReportUnderTwoNamesIsAWarning() throws {
        let dir = try CheckCommand.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("copy.txt")
        try FileManager.default.copyItem(at: CheckingFixtures.url(Self.pair[0]), to: copy)
        let r = try CheckCommand.run(["check", Self.pair[0], copy.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("WARNING cross.duplicate: this report has the same file (SHA-256) as \(Self.pair[0])"))
    }

    // MARK: outputs

    @Test func htmlGoesToTheOutFile() throws {
        let dir = try CheckCommand.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        let r = try CheckCommand.run(["check", "--format", "html", "--out", out.path, "year-pair", "lanxi-kjj-2026.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("wrote \(out.path) (3 reports)"))
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("cell-error\" data-cell=\"applications.carried_over.natural_person\""))
        #expect(html.contains("跨年度结转") && html.contains("缺少年度") && html.contains("正文与表格不符"))

        let unwritable = try CheckCommand.run(["check", "--format", "html", "--out", "/no/such/folder/r.html", "."])
        #expect(unwritable.status == 8 && unwritable.stderr.contains("/no/such/folder/r.html"))
    }

    @Test func jsonWithProvenanceGivesTheBoxesOfAPDFsCells() throws {
        let r = try CheckCommand.run(["check", "--json", "--provenance", "sample-inconsistent-2021.pdf"], in: Paths.samples)
        #expect(r.status == 1)
        let items = try #require(JSONValue.parse(Data(r.stdout.utf8)).array)
        let cell = try #require(items.first?["findings"]?.array?.first?["cells"]?.array?.first)
        #expect(cell["page"] == .number(3))
        #expect(cell["box"]?.array?.count == 4)
        let plain = try CheckCommand.run(["check", "--json", "sample-inconsistent-2021.pdf"], in: Paths.samples)
        #expect(!plain.stdout.contains("\"box\""))
    }

    @Test func extractProvenanceOnlyAddsTheProvenanceMember() throws {
        let plain = try CheckCommand.run(["extract", "sample-bordered-2021.pdf"], in: Paths.samples)
        let with = try CheckCommand.run(["extract", "--provenance", "sample-bordered-2021.pdf"], in: Paths.samples)
        #expect(plain.status == 0 && with.status == 0)
        let a = try JSONValue.parse(Data(plain.stdout.utf8)), b = try JSONValue.parse(Data(with.stdout.utf8))
        #expect(b["provenance"]?["applications"]?["new_received"]?["page"] != nil)
        #expect(JSONValue.object((b.members ?? []).filter { $0.key != "provenance" }) == a)
        // The plain document is the printed prefix of the other: same bytes up to the new member.
        #expect(with.stdout.hasPrefix(String(plain.stdout.dropLast(3))))
    }
}

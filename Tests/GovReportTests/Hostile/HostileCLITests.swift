import Foundation
import Testing
@testable import GovReport
@testable import GovReportBatch

/// The bounds and faults of issue 17 through the built binary: documents stopped at their
/// time or memory bound in `extract` and `check` while the others are read, non-UTF-8 file
/// names, a worker killed from outside, a full disk.
@Suite(.tags(.cli)) struct HostileCLITests {
    struct Run {
        var status: Int32
        var exited: Bool
        var stdout: Data
        var stderr: String
    }

    /// Runs `command` through /bin/sh (so that arguments can be bytes that are not UTF-8) with
    /// the binary as `$GOVREPORT`.
    static func sh(_ command: String, in directory: URL, environment: [String: String] = [:]) throws -> Run {
        guard let binary = CLI.binary else { throw CLI.CLIError.noBinary }
        let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command + " > .stdout 2> .stderr"]
        p.currentDirectoryURL = directory
        p.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["GOVREPORT": binary.path]) { $1 }) { $1 }
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        return Run(status: p.terminationStatus, exited: p.terminationReason == .exit, stdout: try Data(contentsOf: out),
                   stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func copySample(_ name: String, to dir: ScratchFolder, as target: String) throws {
        try FileManager.default.copyItem(at: Samples.url(name), to: dir.url.appendingPathComponent(target))
    }

    @Test func extractStopsADocumentAtItsBoundsAndReadsTheOthers() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("hang.pdf", "GOVREPORT-FAULT:hang\n")
        dir.file("memory.pdf", "GOVREPORT-FAULT:memory\n")
        try Self.copySample("smx-kjj-2024.txt", to: dir, as: "good.txt")
        let r = try Self.sh(#""$GOVREPORT" extract --jsonl --timeout 2 --max-memory 400 hang.pdf good.txt memory.pdf"#,
                            in: dir.url, environment: ["GOVREPORT_BATCH_FAULTS": "1"])
        #expect(r.exited && r.status == 11, "\(r.stderr)")
        #expect(r.stderr.contains("hang.pdf: took longer than 2 s and was stopped") && r.stderr.contains("[timeout]"))
        #expect(r.stderr.contains("memory.pdf: needed more than 400 MiB") && r.stderr.contains("[memory_limit]"))
        let lines = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(#""path":"good.txt""#))
        // Only govreport's own lines on stderr.
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("govreport: ") }, "\(r.stderr)")
    }

    @Test func checkStopsADocumentAtItsTimeout() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("hang.pdf", "GOVREPORT-FAULT:hang\n")
        try Self.copySample("smx-kjj-2024.txt", to: dir, as: "good.txt")
        let r = try Self.sh(#""$GOVREPORT" check --json --timeout 2 hang.pdf good.txt"#, in: dir.url,
                            environment: ["GOVREPORT_BATCH_FAULTS": "1"])
        #expect(r.exited && r.status == 11, "\(r.stderr)")
        #expect(r.stderr.contains("[timeout]"))
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("good.txt"))
    }

    @Test func checkRefusesDeepJSONClearly() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let n = 1_000_000
        dir.file("deep.json", String(repeating: "[", count: n) + String(repeating: "]", count: n))
        let r = try Self.sh(#""$GOVREPORT" check deep.json"#, in: dir.url)
        #expect(r.exited && r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("deep.json: is JSON nested more than 512 levels deep"))
    }

    /// 报告 in GBK: bytes that are not UTF-8.
    static let gbkName = #"$(printf '\261\250\270\346.pdf')"#
    static let gbkEscaped = "%B1%A8%B8%E6.pdf"

    static func gbkFolder() throws -> ScratchFolder {
        let dir = ScratchFolder()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("h"), withIntermediateDirectories: true)
        _ = try sh("cp \"$0\" h/\(gbkName)".replacingOccurrences(of: "$0", with: Samples.url("sample-2019.pdf").path),
                   in: dir.url)
        return dir
    }

    @Test func aGBKNamedFileIsExtractedAndNamedLosslessly() throws {
        let dir = try Self.gbkFolder()
        defer { dir.remove() }
        let r = try Self.sh(#""$GOVREPORT" extract h/"# + Self.gbkName, in: dir.url)
        #expect(r.exited && r.status == 0, "\(r.stderr)")
        let doc = try JSONValue.parse(r.stdout)
        #expect(doc["source"]?["path"]?.string == "h/" + Self.gbkEscaped)
        // The escaped name, as recorded, names the same file.
        let again = try Self.sh(#""$GOVREPORT" extract h/%B1%A8%B8%E6.pdf"#, in: dir.url)
        #expect(again.status == 0 && again.stdout == r.stdout)
        // A folder walk finds it (check and batch), and every output names it.
        let c = try Self.sh(#""$GOVREPORT" check --json h"#, in: dir.url)
        #expect(c.status == 0 || c.status == 1, "\(c.stderr)")
        #expect(String(decoding: c.stdout, as: UTF8.self).contains(Self.gbkEscaped))
        let b = try Self.sh(#""$GOVREPORT" batch h --out out --jobs 1 --progress none"#, in: dir.url)
        #expect(b.status == 0, "\(b.stderr)")
        let layout = BatchLayout(root: dir.url.appendingPathComponent("out"))
        #expect(FileManager.default.fileExists(atPath: layout.documentURL(for: "h/" + Self.gbkEscaped).path))
        #expect(try String(contentsOf: layout.reportsJSONL, encoding: .utf8).contains(Self.gbkEscaped))
        #expect(try String(contentsOf: layout.cellsCSV, encoding: .utf8).contains(Self.gbkEscaped))
    }

    @Test func aWorkerKilledFromOutsideHasItsDocumentTriedOnceMore() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("h"), withIntermediateDirectories: true)
        try Self.copySample("sample-2019.pdf", to: dir, as: "h/fault-killed-once.pdf")
        let r = try Self.sh(#""$GOVREPORT" batch h --out out --jobs 1 --progress none"#, in: dir.url,
                            environment: ["GOVREPORT_BATCH_FAULTS": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("fault-killed-once.pdf: its worker was killed from outside (SIGKILL); trying it once more"))
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("h/fault-killed-once.pdf.killed").path))
    }

    @Test func anOutputThatCouldNotBeWrittenIsRetriedByTheNextRun() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("h"), withIntermediateDirectories: true)
        try Self.copySample("sample-2019.pdf", to: dir, as: "h/a.pdf")
        let full = try Self.sh(#""$GOVREPORT" batch h --out out --jobs 1 --progress none"#, in: dir.url,
                               environment: ["GOVREPORT_BATCH_FAULTS": "1", "GOVREPORT_FULL_DISK": "1"])
        #expect(full.status == 7)
        let layout = BatchLayout(root: dir.url.appendingPathComponent("out"))
        #expect(try String(contentsOf: layout.failuresCSV, encoding: .utf8).contains("output_error"))
        // The disk has room again: a plain rerun (no --retry-failed) writes it.
        let again = try Self.sh(#""$GOVREPORT" batch h --out out --jobs 1 --progress none"#, in: dir.url)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: layout.documentURL(for: "h/a.pdf").path))
    }
}

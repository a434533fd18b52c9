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

    /// A report on standard input is bounded like a named file: read in a worker, stopped at
    /// its time limit (it was read in the command's own process, with no bound).
    @Test(arguments: ["extract -", "check --json -"])
    func aDocumentOnStandardInputIsStoppedAtItsTimeout(command: String) throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("hang.pdf", "GOVREPORT-FAULT:hang\n")
        let r = try Self.sh(#""$GOVREPORT" "# + command + " --timeout 2 < hang.pdf", in: dir.url,
                            environment: ["GOVREPORT_BATCH_FAULTS": "1"])
        #expect(r.exited && r.status == 11, "\(r.stderr)")
        #expect(r.stderr.contains("govreport: -: took longer than 2 s") && r.stderr.contains("[timeout]"), "\(r.stderr)")
    }

    /// Endless standard input ends at the memory cap, with nothing left in the temporary folder.
    @Test func endlessStandardInputEndsAtTheMemoryCap() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let r = try Self.sh(#"TMPDIR="$PWD" "$GOVREPORT" extract --max-memory 64 - < /dev/zero"#, in: dir.url)
        #expect(r.exited && r.status == 11, "\(r.stderr)")
        #expect(r.stderr.contains("govreport: -: needed more than 64 MiB") && r.stderr.contains("[memory_limit]"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    /// Read in a worker, a report on standard input is still named `-`.
    @Test func aReportOnStandardInputIsNamedDash() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.copySample("smx-kjj-2024.txt", to: dir, as: "good.txt")
        let r = try Self.sh(#""$GOVREPORT" extract --timeout 30 - < good.txt"#, in: dir.url)
        #expect(r.exited && r.status == 0, "\(r.stderr)")
        #expect(String(decoding: r.stdout, as: UTF8.self).contains(#""path": "-""#), "\(String(decoding: r.stdout, as: UTF8.self).prefix(300))")
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

/// `check` reads JSON Lines a line at a time: an over-long line is refused alone, and a file
/// whose documents would take more than `--timeout` or `--max-memory` is stopped as a whole
/// while the other inputs are checked.
@Suite(.tags(.cli)) struct CheckJSONLinesTests {
    /// The sample's canonical document on one line, under `path`.
    static func line(_ sample: String, path: String) throws -> String {
        let doc = try JSONValue.parse(Data(contentsOf: Samples.url(sample))).serialized(pretty: false)
        let name = sample.replacingOccurrences(of: ".expected.json", with: ".pdf")
        return doc.replacingOccurrences(of: #""path":"\#(name)""#, with: #""path":"\#(path)""#)
    }

    @Test func anOverLongLineIsRefusedAndTheOthersChecked() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let long = #"{"schema":"govreport/1","padding":""# + String(repeating: "x", count: 17 << 20) + "\"}"
        dir.file("h.jsonl", try Self.line("sample-2019.expected.json", path: "a.pdf") + "\n" + long + "\n"
                 + Self.line("sample-bordered-2021.expected.json", path: "b.pdf") + "\n")
        let r = try HostileCLITests.sh(#""$GOVREPORT" check --json h.jsonl"#, in: dir.url)
        #expect(r.exited && r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("h.jsonl:2: is a line of 17 MiB, longer than any govreport/1 document"), "\(r.stderr)")
        let out = String(decoding: r.stdout, as: UTF8.self)
        #expect(out.contains(#""a.pdf""#) && out.contains(#""b.pdf""#))
    }

    @Test func aBrokenLineIsNamedAndTheOthersChecked() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("h.jsonl", try Self.line("sample-2019.expected.json", path: "a.pdf") + "\n{\"schema\": \n"
                 + Self.line("sample-bordered-2021.expected.json", path: "b.pdf") + "\n")
        let r = try HostileCLITests.sh(#""$GOVREPORT" check --json h.jsonl"#, in: dir.url)
        #expect(r.exited && r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("h.jsonl:2: is not JSON"), "\(r.stderr)")
        let out = String(decoding: r.stdout, as: UTF8.self)
        #expect(out.contains(#""a.pdf""#) && out.contains(#""b.pdf""#))
    }

    /// 200 documents, each under its own path.
    static func harvest(in dir: ScratchFolder) throws {
        var text = ""
        for i in 0..<200 { text += try line("sample-2019.expected.json", path: "h/\(i).pdf") + "\n" }
        dir.file("big.jsonl", text)
        dir.file("other.json", try line("sample-bordered-2021.expected.json", path: "other.pdf"))
    }

    @Test(arguments: [
        ("--max-memory 1", "big.jsonl: its documents need more memory than --max-memory 1 MiB allows", "[memory_limit]"),
        ("--timeout 0.001 --max-memory 0", "big.jsonl: its documents would take longer than --timeout", "[timeout]"),
    ])
    func aFileOverABoundIsStoppedAndTheOthersChecked(bound: String, message: String, code: String) throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.harvest(in: dir)
        let r = try HostileCLITests.sh(#""$GOVREPORT" check --json "# + bound + " big.jsonl other.json", in: dir.url)
        #expect(r.exited && r.status == 11, "\(r.stderr)")
        #expect(r.stderr.contains(message) && r.stderr.contains(code), "\(r.stderr)")
        let out = String(decoding: r.stdout, as: UTF8.self)
        #expect(out.contains(#""other.pdf""#) && !out.contains(#""h/0.pdf""#))
    }

    @Test func withoutBoundsTheWholeFileIsChecked() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        try Self.harvest(in: dir)
        let r = try HostileCLITests.sh(#""$GOVREPORT" check --json --timeout 0 --max-memory 0 big.jsonl other.json"#,
                                       in: dir.url)
        #expect(r.exited && (r.status == 0 || r.status == 1), "\(r.stderr)")
        let out = String(decoding: r.stdout, as: UTF8.self)
        #expect(out.contains(#""other.pdf""#) && out.contains(#""h/0.pdf""#) && out.contains(#""h/199.pdf""#))
    }
}

/// What the C libraries print straight to stderr stays off govreport's stderr, whether the
/// document is read in a worker or in this process.
@Suite(.tags(.cli)) struct LibraryNoiseTests {
    @Test(arguments: ["", "--timeout 0 --max-memory 0"])
    func libraryNoiseNeverReachesStderr(limits: String) throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("noise.txt", "GOVREPORT-FAULT:noise\n")
        try HostileCLITests.copySample("smx-kjj-2024.txt", to: dir, as: "good.txt")
        for command in ["extract --jsonl", "check --json"] {
            let r = try HostileCLITests.sh(#""$GOVREPORT" "# + command + " \(limits) noise.txt good.txt", in: dir.url,
                                           environment: ["GOVREPORT_BATCH_FAULTS": "1"])
            #expect(r.exited && r.status == 6, "\(r.stderr)")
            #expect(!r.stderr.contains("some font thing failed"), "\(command) \(limits): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("govreport: ") }, "\(r.stderr)")
            #expect(String(decoding: r.stdout, as: UTF8.self).contains("good.txt"))
        }
    }
}

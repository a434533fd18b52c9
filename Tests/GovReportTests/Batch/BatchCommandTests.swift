import Foundation
import GRDB
import Testing
@testable import GovReport
@testable import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs `govreport batch` (the built binary) on a few samples, bad inputs and files that make a
/// worker crash, hang or run out of memory.
enum BatchCLI {
    struct Result {
        var status: Int32
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                    in directory: URL? = nil) throws -> Result {
        guard let binary = CLI.binary else { throw CLI.CLIError.noBinary }
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("batch-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        let input = Pipe()
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        p.waitUntilExit()
        try err.close()
        return Result(status: p.terminationStatus,
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

@Suite(.tags(.cli), .serialized) struct BatchCommandTests {
    static let goodNames = ["sample-2019.pdf", "sample-inconsistent-2021.pdf", "smx-kjj-2024.txt"]
    static let badNames = ["empty.pdf", "encrypted.pdf", "truncated.pdf", "image-only.pdf", "not-a-report.txt"]

    /// A harvest folder: three good reports (one in a subfolder, one with a comma in its name),
    /// five bad inputs and, if asked, three fault files.
    static func harvest(_ dir: ScratchFolder, faults: Bool = false) throws -> URL {
        let root = dir.url.appendingPathComponent("harvest")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("org b"), withIntermediateDirectories: true)
        try fm.copyItem(at: Paths.samples.appendingPathComponent(goodNames[0]), to: root.appendingPathComponent("a.pdf"))
        try fm.copyItem(at: Paths.samples.appendingPathComponent(goodNames[1]),
                        to: root.appendingPathComponent("org b/报告, 2024.pdf"))
        try fm.copyItem(at: Paths.samples.appendingPathComponent(goodNames[2]), to: root.appendingPathComponent("c.txt"))
        for name in badNames {
            try fm.copyItem(at: Paths.badInput(name), to: root.appendingPathComponent("bad-" + name))
        }
        if faults {
            for fault in ["crash", "hang", "memory"] {
                try Data("GOVREPORT-FAULT:\(fault)\n".utf8).write(to: root.appendingPathComponent("fault-\(fault).pdf"))
            }
        }
        return root
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    static func failures(_ layout: BatchLayout) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try text(layout.failuresCSV).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            out[(String(fields[0]) as NSString).lastPathComponent] = String(fields[2])
        }
        return out
    }

    @Test func goodFilesAreExtractedExactlyAndBadOnesListedWithTheirReason() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let harvest = try Self.harvest(dir, faults: true)
        let out = dir.url.appendingPathComponent("out")
        // Without OCR: the image-only PDF is a failure to list (read by OCR it takes longer
        // than this test's 5 s limit on a loaded machine; OCR has its own tests).
        let r = try BatchCLI.run(["batch", harvest.path, "--out", out.path, "--jobs", "2", "--timeout", "5",
                                  "--max-memory", "768", "--progress", "none", "--ocr", "never"],
                                 environment: ["GOVREPORT_BATCH_FAULTS": "1"])
        #expect(r.status == 7, "\(r.stderr)")
        let layout = BatchLayout(root: out)
        #expect(try Self.failures(layout) == [
            "bad-empty.pdf": "empty_file", "bad-encrypted.pdf": "encrypted_pdf", "bad-truncated.pdf": "damaged_pdf",
            "bad-image-only.pdf": "no_text_layer", "bad-not-a-report.txt": "not_a_report",
            "fault-crash.pdf": "crash", "fault-hang.pdf": "timeout", "fault-memory.pdf": "memory_limit",
        ])
        #expect(try Self.text(layout.failuresCSV).contains("crash: signal 11 (SIGSEGV)"))
        // Each good document is exactly what `extract` gives for it.
        for rel in ["a.pdf", "org b/报告, 2024.pdf", "c.txt"] {
            let path = harvest.appendingPathComponent(rel).path
            let expected = try ReportExtractor.extract(path: path).json.serialized() + "\n"
            #expect(try Self.text(layout.documentURL(for: path)) == expected, "\(rel)")
        }
        #expect(try Self.text(layout.reportsJSONL).split(separator: "\n").count == 3)
        #expect(r.stderr.contains("batch: 11 input(s): 3 extracted (2 clean, 1 with findings), 8 failed"))
        #expect(r.stderr.contains("failed by error: "))
        #expect(r.stderr.contains("slowest:"))
        // The manifest has every input with its hash, status and time.
        let manifest = ManifestLog.replay(try Data(contentsOf: layout.manifest)).entries
        #expect(manifest.count == 11)
        #expect(manifest.values.allSatisfy { $0.sha256?.count == 64 && $0.finished != nil })
        #expect(manifest[harvest.appendingPathComponent("fault-hang.pdf").path]!.seconds >= 5)
        // No worker is left behind.
        #expect(try Self.workersAlive(of: out) == 0)
    }

    /// Workers still running for the batch that wrote to `out` (by their temporary folder argument).
    static func workersAlive(of out: URL) throws -> Int {
        var n = 0
        for pid in try FileManager.default.contentsOfDirectory(atPath: "/proc") where Int(pid) != nil {
            guard let cmd = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            if String(decoding: cmd, as: UTF8.self).contains(out.path + "/tmp") { n += 1 }
        }
        return n
    }

    @Test func anInterruptedBatchEndsWithTheSameOutputsAndJobsDoNotMatter() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let harvest = try Self.harvest(dir)
        let whole = BatchLayout(root: dir.url.appendingPathComponent("whole"))
        let run1 = try BatchCLI.run(["batch", harvest.path, "--out", whole.root.path, "--jobs", "1", "--progress", "none"])
        #expect(run1.status == 7)

        // An interrupted batch: the manifest lost its last results and ends in a cut line, a
        // document and an output were left half-written under temporary names.
        let cut = BatchLayout(root: dir.url.appendingPathComponent("cut"))
        _ = try BatchCLI.run(["batch", harvest.path, "--out", cut.root.path, "--jobs", "3", "--progress", "none"])
        let lines = try Self.text(cut.manifest).split(separator: "\n")
        try Data((lines.prefix(3).joined(separator: "\n") + "\n" + lines[3].prefix(20)).utf8).write(to: cut.manifest)
        // A killed batch leaves its tmp/ folder with a half-written file in it.
        try FileManager.default.createDirectory(at: cut.temporaryDirectory, withIntermediateDirectories: true)
        try Data("{\"schema\":".utf8).write(to: cut.temporaryDirectory.appendingPathComponent("123-1-a.pdf.json"))
        for url in [cut.reportsJSONL, cut.cellsCSV, cut.archive] { try FileManager.default.removeItem(at: url) }
        let resumed = try BatchCLI.run(["batch", harvest.path, "--out", cut.root.path, "--jobs", "2", "--progress", "none"])
        #expect(resumed.status == 7)
        #expect(resumed.stderr.contains("this run: 5 processed"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("3 done before, skipped"))

        for (a, b) in [(whole.reportsJSONL, cut.reportsJSONL), (whole.cellsCSV, cut.cellsCSV),
                       (whole.failuresCSV, cut.failuresCSV)] {
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(a.lastPathComponent)")
        }
        #expect(try ArchiveTests.dump(whole.archive) == ArchiveTests.dump(cut.archive))
        // Nothing left under temporary names: the finished batch removed its emptied tmp/.
        #expect(!FileManager.default.fileExists(atPath: cut.temporaryDirectory.path))

        // Nothing to do: every input is skipped, the outputs stay the same.
        let again = try BatchCLI.run(["batch", harvest.path, "--out", cut.root.path, "--progress", "none"])
        #expect(again.stderr.contains("this run: 0 processed"))
        #expect(try Data(contentsOf: whole.reportsJSONL) == Data(contentsOf: cut.reportsJSONL))
        // --retry-failed redoes the five failures only; --force redoes all eight.
        let retry = try BatchCLI.run(["batch", harvest.path, "--out", cut.root.path, "--retry-failed", "--progress", "none"])
        #expect(retry.stderr.contains("this run: 5 processed"))
        let force = try BatchCLI.run(["batch", harvest.path, "--out", cut.root.path, "--force", "--progress", "lines"])
        #expect(force.stderr.contains("this run: 8 processed"))
        #expect(try Data(contentsOf: whole.cellsCSV) == Data(contentsOf: cut.cellsCSV))
    }

    @Test func shardsSplitTheHarvestAndMergeBack() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let harvest = try Self.harvest(dir)
        let whole = BatchLayout(root: dir.url.appendingPathComponent("whole"))
        _ = try BatchCLI.run(["batch", harvest.path, "--out", whole.root.path, "--progress", "none"])
        // Both shards in one folder, as the tasks of an array job would write them.
        let shared = dir.url.appendingPathComponent("shards")
        var shardInputs = 0
        for k in 1...3 {
            let r = try BatchCLI.run(["batch", harvest.path, "--out", shared.path, "--shard", "\(k)/3", "--progress", "none"])
            #expect(r.status == 0 || r.status == 7)
            let n = r.stderr.split(separator: "\n").first.flatMap { $0.split(separator: " ").dropFirst().first }
            shardInputs += Int(n ?? "") ?? -100
        }
        #expect(shardInputs == 8)
        let layouts = (1...3).map { BatchLayout(root: shared, shard: Shard(index: $0, count: 3)) }
        func sortedLines(_ urls: [URL]) throws -> [Substring] {
            try urls.map { try Self.text($0) }.joined().split(separator: "\n").sorted()
        }
        #expect(try sortedLines(layouts.map(\.reportsJSONL)) == sortedLines([whole.reportsJSONL]))
        #expect(try sortedLines(layouts.map(\.cellsCSV)) == sortedLines([whole.cellsCSV]))
        #expect(try sortedLines(layouts.map(\.failuresCSV)) == sortedLines([whole.failuresCSV]))

        let merged = dir.url.appendingPathComponent("merged.sqlite")
        let m = try BatchCLI.run(["merge", "--out", merged.path] + layouts.map(\.archive.path))
        #expect(m.status == 0, "\(m.stderr)")
        #expect(try ArchiveTests.dump(merged) == ArchiveTests.dump(whole.archive))
    }

    @Test func inputsFromAListOnStdinAndAFolderInUse() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let harvest = try Self.harvest(dir)
        let out = dir.url.appendingPathComponent("out")
        let list = "a.pdf\r\nc.txt\n\nmissing.pdf\n"
        let r = try BatchCLI.run(["batch", "-", "--out", out.path, "--progress", "none"], stdin: list, in: harvest)
        #expect(r.status == 7)
        #expect(try Self.failures(BatchLayout(root: out)) == ["missing.pdf": "not_found"])
        #expect(try Self.text(BatchLayout(root: out).reportsJSONL).split(separator: "\n").count == 2)

        // Another batch holds the folder: exit 8, nothing touched.
        let fd = open(BatchLayout(root: out).lock.path, O_RDWR)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let locked = try BatchCLI.run(["batch", harvest.path, "--out", out.path, "--progress", "none"])
        #expect(locked.status == 8)
        #expect(locked.stderr.contains("another batch is writing there"))

        let usage = try BatchCLI.run(["batch", "--out", out.path])
        #expect(usage.status == 2)
    }
}

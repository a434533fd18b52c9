import Foundation
import Testing
import GovReport
@testable import GovReportBatch

@Suite struct ManifestTests {
    static let ok = ManifestEntry(path: "h/a 年.pdf", sha256: String(repeating: "a", count: 64), size: 1234,
                                  mtimeNanoseconds: 1_700_000_000_123_456_789, status: .ok, seconds: 0.0456,
                                  findings: 2, finished: "2024-01-31T08:00:00Z")
    static let failed = ManifestEntry(path: "h/b.pdf", sha256: nil, size: nil, status: .failed, error: "timeout",
                                      message: "took \"long\"\nand was stopped", seconds: 60)

    @Test func entriesReadBackFromTheirLine() {
        #expect(ManifestEntry(line: Self.ok.line) == ManifestEntry(
            path: "h/a 年.pdf", sha256: String(repeating: "a", count: 64), size: 1234,
            mtimeNanoseconds: 1_700_000_000_123_456_789, status: .ok, seconds: 0.046, findings: 2,
            finished: "2024-01-31T08:00:00Z"))
        #expect(ManifestEntry(line: Self.failed.line) == Self.failed)
        #expect(!Self.ok.line.contains("\n") && !Self.failed.line.contains("\n"))
        #expect(Self.failed.line == #"{"path":"h/b.pdf","status":"failed","error":"timeout","message":"took \"long\"\nand was stopped","seconds":60,"findings":0,"version":""#
                + GovReportVersion.current + #""}"#)
        // A line written before the version was kept reads back without one.
        #expect(ManifestEntry(line: #"{"path":"h/b.pdf","status":"ok","seconds":1,"findings":0}"#)?.version == nil)
    }

    @Test func replayKeepsTheLastLinePerPathAndSkipsALineCutByAKill() {
        var second = Self.ok
        second.status = .failed
        second.error = "crash"
        let cut = String(Self.failed.line.prefix(30))
        let log = [Self.ok.line, Self.failed.line, second.line, cut].joined(separator: "\n")
        let replay = ManifestLog.replay(Data(log.utf8))
        #expect(replay.entries.count == 2)
        #expect(replay.entries["h/a 年.pdf"]?.error == "crash")
        #expect(replay.skipped == 1)
    }

    @Test func theLogIsCompactedOnOpenAndAppendedTo() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let url = dir.url.appendingPathComponent("manifest.jsonl")
        // A log as a kill leaves it: an older line for a path, then a half-written line.
        try Data((Self.failed.line + "\n" + Self.ok.line + "\n" + Self.failed.line + "\n" + "{\"path\":\"h/c")
            .utf8).write(to: url)
        let log = try ManifestLog(url: url, temporaryDirectory: dir.url)
        #expect(log.entries.count == 2)
        #expect(log.skippedLines == 1)
        #expect(try String(contentsOf: url, encoding: .utf8) == Self.ok.line + "\n" + Self.failed.line + "\n")

        var c = Self.failed
        c.path = "h/c.pdf"
        try log.append(c)
        #expect(try String(contentsOf: url, encoding: .utf8).hasSuffix("\n" + c.line + "\n"))
        let again = try ManifestLog(url: url, temporaryDirectory: dir.url)
        #expect(again.entries == log.entries)
        #expect(FileManager.default.fileExists(atPath: url.path))
        // Nothing left in the temporary folder but the log itself.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["manifest.jsonl"])
    }
}

import Foundation
import Testing
import GovReport
@testable import GovReportBatch

/// Which inputs a batch run takes and which it must (re)do, without a worker.
@Suite struct BatchPlanTests {
    static let stat = FileStat(size: 10, mtimeNanoseconds: 7)

    static func entry(_ path: String, _ status: ManifestEntry.Status = .ok, mtime: Int64 = 7) -> ManifestEntry {
        ManifestEntry(path: path, sha256: String(repeating: "a", count: 64), size: 10, mtimeNanoseconds: mtime,
                      status: status, error: status == .failed ? "damaged_pdf" : nil)
    }

    func work(_ inputs: [String], _ entries: [ManifestEntry], _ policy: RerunPolicy = .resume,
              outputs: Set<String>? = nil, hash: String? = String(repeating: "a", count: 64)) -> BatchPlan.Work {
        BatchPlan.work(inputs.map { BatchInput(path: $0) },
                       entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) }), policy: policy,
                       stat: { _ in Self.stat }, outputExists: { outputs?.contains($0) ?? true }, contentHash: { _ in hash })
    }

    @Test func newAndChangedInputsAreDoneAndTheRestSkipped() {
        let w = work(["a", "b", "c"], [Self.entry("a"), Self.entry("b", .failed)])
        #expect(w.jobs.map(\.input.path) == ["c"])
        #expect(w.jobs.first?.stat == Self.stat)
        #expect(w.restated.isEmpty)
        #expect(work(["a", "b"], [Self.entry("a"), Self.entry("b", .failed)], .retryFailed).jobs.map(\.input.path) == ["b"])
        #expect(work(["a", "b"], [Self.entry("a"), Self.entry("b")], .force).jobs.map(\.input.path) == ["a", "b"])
    }

    @Test func anExtractedInputWhoseDocumentIsGoneIsDoneAgain() {
        #expect(work(["a", "b"], [Self.entry("a"), Self.entry("b")], outputs: ["b"]).jobs.map(\.input.path) == ["a"])
    }

    @Test func aTouchedInputWithTheSameBytesIsSkippedAndRestated() {
        let w = work(["a"], [Self.entry("a", mtime: 1)])
        #expect(w.jobs.isEmpty)
        #expect(w.restated.map(\.mtimeNanoseconds) == [7])
        #expect(work(["a"], [Self.entry("a", mtime: 1)], hash: "other").jobs.count == 1)
    }

    @Test func inputsOfEarlierRunsAreThoseNotListedNow() {
        let entries = Dictionary(uniqueKeysWithValues: ["z", "a", "m"].map { ($0, Self.entry($0)) })
        #expect(BatchPlan.unlisted([BatchInput(path: "m")], entries: entries) == ["a", "z"])
    }

    @Test func extensionLists() {
        #expect(BatchPlan.extensions(" * ") == nil)
        #expect(BatchPlan.extensions("PDF, .txt") == ["pdf", "txt"])
        #expect(BatchPlan.extensions(BatchPlan.defaultExtensionList) == InputListing.reportExtensions)
    }

    @Test func aNulSeparatedListWithoutNullIsRefused() throws {
        let data = Data("a.pdf\u{0}b.pdf\u{0}".utf8)
        #expect(throws: BatchUsageError.self) { try BatchPlan.listed(data, from: "the list on stdin", nulSeparated: false) }
        #expect(try BatchPlan.listed(data, from: "x", nulSeparated: true) == ["a.pdf", "b.pdf"])
    }

    @Test func inputsFromArgumentsListsAndFolders() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        dir.file("h/a.pdf")
        dir.file("h/sub/b.txt")
        dir.file("h/notes.xyz")
        let list = dir.file("list.txt", dir.path + "/c.pdf\n")
        let found = try BatchPlan.listInputs([dir.path + "/h", "-"], filesFrom: [list], nulSeparated: false,
                                             extensionList: "pdf,txt", excluding: [],
                                             standardInput: { Data((dir.path + "/d.pdf\n").utf8) })
        #expect(found.map(\.path) == found.map(\.path).sorted(by: InputListing.pathPrecedes))
        #expect(Set(found.map { ($0.path as NSString).lastPathComponent }) == ["a.pdf", "b.txt", "c.pdf", "d.pdf"])
        #expect(throws: BatchUsageError("--files-from \(dir.path)/none: cannot be read (No such file or directory); "
                                   + "name a file that lists one input path a line")) {
            try BatchPlan.listInputs([], filesFrom: [dir.path + "/none"], nulSeparated: false, extensionList: "*",
                                     excluding: [], standardInput: { Data() })
        }
        #expect(throws: BatchUsageError("no input files found (folders are walked for: doc)")) {
            try BatchPlan.listInputs([dir.path + "/h"], filesFrom: [], nulSeparated: false, extensionList: "doc",
                                     excluding: [], standardInput: { Data() })
        }
    }

    @Test func shardChoices() throws {
        #expect(ShardChoice(argument: "2/3") == .fixed(Shard(index: 2, count: 3)!))
        #expect(ShardChoice(argument: "auto") == .slurmArray)
        #expect(ShardChoice(argument: "4/3") == nil)
        #expect(try ShardChoice.fixed(Shard(index: 1, count: 2)!).resolve([:]) == Shard(index: 1, count: 2))
        #expect(throws: BatchUsageError.self) { try ShardChoice.slurmArray.resolve([:]) }
    }

    @Test func oneBatchPerFolderAtATime() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let layout = BatchLayout(root: dir.url.appendingPathComponent("out"))
        let lock = try FolderLock.prepare(layout)
        #expect(FileManager.default.fileExists(atPath: layout.temporaryDirectory.path))
        #expect(throws: BatchIOError.self) { try FolderLock.prepare(layout) }
        lock.release()
        try FolderLock.prepare(layout).release()
    }
}

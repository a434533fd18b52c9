import Foundation
import Testing
@testable import GovReportBatch

@Suite struct SlurmArrayShardTests {
    private func env(task: Int, min: Int, count: Int, step: Int? = nil, max: Int? = nil) -> [String: String] {
        var e = ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "\(min)",
                 "SLURM_ARRAY_TASK_COUNT": "\(count)"]
        if let step { e["SLURM_ARRAY_TASK_STEP"] = "\(step)" }
        if let max { e["SLURM_ARRAY_TASK_MAX"] = "\(max)" }
        return e
    }

    @Test func arraysFromZeroAndFromOneGiveShardsOneToN() throws {
        for min in [0, 1, 5] {
            let shards = try (min..<(min + 3)).map { try Shard.fromSlurmArray(env(task: $0, min: min, count: 3, max: min + 2)) }
            #expect(shards == (1...3).map { Shard(index: $0, count: 3)! })
        }
        // --array=0-8:4 → tasks 0, 4, 8.
        #expect(try Shard.fromSlurmArray(env(task: 4, min: 0, count: 3, step: 4, max: 8)) == Shard(index: 2, count: 3))
    }

    @Test func outsideAnArrayJobOrWithGapsItIsRefused() {
        #expect(throws: Shard.SlurmArrayError.notAnArrayJob) { try Shard.fromSlurmArray([:]) }
        #expect(throws: Shard.SlurmArrayError.notAnArrayJob) { try Shard.fromSlurmArray(["SLURM_JOB_ID": "7"]) }
        #expect(throws: Shard.SlurmArrayError.malformed(variable: "SLURM_ARRAY_TASK_ID", value: "x")) {
            try Shard.fromSlurmArray(["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "2"])
        }
        // --array=1,4,9: three tasks that are no range.
        #expect(throws: (any Error).self) { try Shard.fromSlurmArray(env(task: 4, min: 1, count: 3, max: 9)) }
        #expect(Shard.slurmCPUsPerTask(["SLURM_CPUS_PER_TASK": "4"]) == 4)
        #expect(Shard.slurmCPUsPerTask(["SLURM_CPUS_PER_TASK": "0"]) == nil)
        #expect(Shard.slurmCPUsPerTask([:]) == nil)
    }
}

@Suite(.serialized) struct ShardAssemblyTests {
    /// An unsharded batch and a 3-way sharded one (tasks taking their shard from a Slurm array's
    /// environment, as under sbatch) over the same harvest.
    private func runBoth(_ dir: ScratchFolder) throws -> (harvest: URL, whole: BatchLayout, shards: URL) {
        let harvest = try BatchCommandTests.harvest(dir)
        let whole = BatchLayout(root: dir.url.appendingPathComponent("whole"))
        _ = try BatchCLI.run(["batch", harvest.path, "--out", whole.root.path, "--progress", "none"])
        let shards = dir.url.appendingPathComponent("shards")
        for task in 0..<3 {
            let array = ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_MIN": "0",
                         "SLURM_ARRAY_TASK_MAX": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_CPUS_PER_TASK": "1"]
            let r = try BatchCLI.run(["batch", harvest.path, "--out", shards.path, "--shard", "auto", "--progress", "none"],
                                     environment: array)
            #expect(r.status == 0 || r.status == 7, "\(r.stderr)")
            // --jobs defaults to the CPUs Slurm gave the task.
            #expect(r.stderr.contains("with 1 job(s)"), "\(r.stderr)")
        }
        return (harvest, whole, shards)
    }

    private func expectSameOutputs(_ a: BatchLayout, _ b: BatchLayout) throws {
        for (x, y) in [(a.reportsJSONL, b.reportsJSONL), (a.cellsCSV, b.cellsCSV), (a.failuresCSV, b.failuresCSV)] {
            #expect(try Data(contentsOf: x) == Data(contentsOf: y), "\(x.lastPathComponent)")
        }
        #expect(try ArchiveTests.dump(a.archive) == ArchiveTests.dump(b.archive))
        let paths = { (l: BatchLayout) in
            try String(contentsOf: l.manifest, encoding: .utf8).split(separator: "\n")
                .compactMap { ManifestEntry(line: String($0)).map { "\($0.path) \($0.status) \($0.error ?? "")" } }
        }
        #expect(try paths(a) == paths(b))
    }

    @Test func shardsAssembleIntoWhatOneUnshardedBatchWrites() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let (_, whole, shards) = try runBoth(dir)

        // Into another folder (documents copied) and into the shards' own folder.
        for out in [dir.url.appendingPathComponent("assembled"), shards] {
            let m = try BatchCLI.run(["merge", "--shards", shards.path, "--out", out.path])
            #expect(m.status == 0, "\(m.stderr)")
            #expect(m.stderr.contains("3 shard(s), 8 input(s)"), "\(m.stderr)")
            try expectSameOutputs(BatchLayout(root: out), whole)
        }
        // The per-document files are there too, as the unsharded batch wrote them.
        let doc = try #require(FileManager.default.enumerator(atPath: whole.documents.path)?.allObjects as? [String])
            .filter { $0.hasSuffix(".json") }
        #expect(!doc.isEmpty)
        for name in doc {
            let a = dir.url.appendingPathComponent("assembled/docs").appendingPathComponent(name)
            #expect(try Data(contentsOf: a) == Data(contentsOf: whole.documents.appendingPathComponent(name)))
        }
    }

    @Test func eachShardInItsOwnFolderAssemblesToo() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let harvest = try BatchCommandTests.harvest(dir)
        let whole = BatchLayout(root: dir.url.appendingPathComponent("whole"))
        _ = try BatchCLI.run(["batch", harvest.path, "--out", whole.root.path, "--progress", "none"])
        let parts = dir.url.appendingPathComponent("parts")
        for k in 1...2 {
            _ = try BatchCLI.run(["batch", harvest.path, "--out", parts.appendingPathComponent("task\(k)").path,
                                  "--shard", "\(k)/2", "--progress", "none"])
        }
        let out = dir.url.appendingPathComponent("out")
        let m = try BatchCLI.run(["merge", "--shards", parts.path, "--out", out.path])
        #expect(m.status == 0, "\(m.stderr)")
        try expectSameOutputs(BatchLayout(root: out), whole)
    }

    @Test func anIncompleteSetIsRefused() throws {
        let dir = ScratchFolder()
        defer { dir.remove() }
        let (harvest, _, shards) = try runBoth(dir)
        let out = dir.url.appendingPathComponent("out")

        // A task that was stopped leaves no completion mark.
        let mark = ShardCompletion.url(in: shards, shard: Shard(index: 2, count: 3)!)
        try FileManager.default.removeItem(at: mark)
        var m = try BatchCLI.run(["merge", "--shards", shards.path, "--out", out.path])
        #expect(m.status == 3)
        #expect(m.stderr.contains("shard 2/3 did not finish"), "\(m.stderr)")
        // Rerunning the task (it resumes: nothing to redo) marks it again.
        let r = try BatchCLI.run(["batch", harvest.path, "--out", shards.path, "--shard", "2/3", "--progress", "none"])
        #expect(r.stderr.contains("this run: 0 processed"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: mark.path))

        // A shard missing.
        try FileManager.default.removeItem(at: BatchLayout(root: shards, shard: Shard(index: 3, count: 3)).manifest)
        m = try BatchCLI.run(["merge", "--shards", shards.path, "--out", out.path])
        #expect(m.status == 3)
        #expect(m.stderr.contains("shard(s) 3 of 3 are missing"), "\(m.stderr)")

        // Shards of another split in the same folder.
        _ = try BatchCLI.run(["batch", harvest.path, "--out", shards.path, "--shard", "1/2", "--progress", "none"])
        m = try BatchCLI.run(["merge", "--shards", shards.path, "--out", out.path])
        #expect(m.status == 3)
        #expect(m.stderr.contains("different harvests"), "\(m.stderr)")

        // --shard auto outside an array job is a usage error that says so.
        let auto = try BatchCLI.run(["batch", harvest.path, "--out", out.path, "--shard", "auto"],
                                    environment: ["SLURM_ARRAY_TASK_ID": ""])
        #expect(auto.status == 2)
        #expect(auto.stderr.contains("Slurm array job"), "\(auto.stderr)")
    }
}

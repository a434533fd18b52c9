import Foundation
import GovReport

/// One run of `govreport batch`: list and shard the inputs, lock the folder, plan (resume),
/// extract in the worker pool, write the combined outputs, say the summary.
public struct BatchRun {
    public var inputs: [String]
    /// `--files-from` lists (`-`: stdin).
    public var filesFrom: [String] = []
    public var nulSeparated = false
    /// The output folder.
    public var out: String
    public var jobs: Int
    public var timeout: Double
    public var maxMemoryMiB: Int
    public var shard: ShardChoice?
    public var policy: RerunPolicy = .resume
    public var prune = false
    /// Extensions a folder walk takes, comma-separated, `*` for all.
    public var extensionList = BatchPlan.defaultExtensionList
    public var tables: TableStrategy = .auto
    public var ocr: OCRMode = .never
    public var progress: ProgressMode = .auto
    public var progressInterval: Double = 10
    public var documentsPerWorker = 200

    public init(inputs: [String], out: String, jobs: Int, timeout: Double, maxMemoryMiB: Int) {
        self.inputs = inputs; self.out = out; self.jobs = jobs; self.timeout = timeout
        self.maxMemoryMiB = maxMemoryMiB
    }

    /// Most documents extracted at once: four workers a core (at least 16). Past that, workers
    /// only wait for a core while each holds a process and its memory; `--jobs 100000` would
    /// start that many processes.
    public static var maxJobs: Int { max(16, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// Documents extracted at once when `--jobs` is not given: SLURM_CPUS_PER_TASK in a Slurm
    /// job, else the number of cores.
    public static var defaultJobs: Int {
        Shard.slurmCPUsPerTask(ProcessInfo.processInfo.environment) ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// Runs the batch. Throws `BatchUsageError` for inputs, lists or a shard that cannot be used
    /// (before anything is written), and `CommandFailure` with exit status 7 (some inputs failed)
    /// or 8 (the folder cannot be written or is in use, the workers cannot start), said on stderr.
    public func run() throws {
        let shard = try shard?.resolve(ProcessInfo.processInfo.environment)
        let all = try BatchPlan.listInputs(inputs, filesFrom: filesFrom, nulSeparated: nulSeparated,
                                           extensionList: extensionList, excluding: [out],
                                           standardInput: { FileHandle.standardInput.readDataToEndOfFile() })
        let selected = shard.map { s in all.filter(s.contains) } ?? all
        let layout = BatchLayout(root: URL(fileURLWithPath: out), shard: shard)
        let lock: FolderLock
        do {
            lock = try FolderLock.prepare(layout)
        } catch {
            Stderr.line("govreport: \(ErrorText.describe(error)); choose another output folder (--out)")
            throw CommandFailure(ExitStatus.outputUnusable)
        }
        defer { lock.release() }

        do {
            try process(selected, layout: layout, shard: shard)
        } catch let error as CommandFailure {
            throw error
        } catch {
            Stderr.line("govreport: batch stopped: \(ErrorText.describe(error))")
            throw CommandFailure(ExitStatus.outputUnusable)
        }
    }

    private func process(_ selected: [BatchInput], layout: BatchLayout, shard: Shard?) throws {
        // A shard is marked finished only at the end of a run that got through it.
        if let shard { try? FileManager.default.removeItem(at: ShardCompletion.url(in: layout.root, shard: shard)) }
        let manifest = try ManifestLog(url: layout.manifest, temporaryDirectory: layout.temporaryDirectory)
        let earlier = try BatchPlan.collect(selected, manifest: manifest, layout: layout, prune: prune)
        let work = try BatchPlan.plan(selected, manifest: manifest, layout: layout, policy: policy)

        let progress = BatchProgress(total: work.count, mode: self.progress, interval: progressInterval)
        let pool = WorkerPool(
            settings: .init(jobs: min(jobs, max(1, work.count)), timeout: timeout,
                            maxMemoryMiB: maxMemoryMiB, documentsPerWorker: documentsPerWorker,
                            tables: tables, ocr: ocr, executable: WorkerProcess.currentExecutable),
            layout: layout, manifest: manifest, progress: progress)
        if !work.isEmpty { try pool.run(work) }
        progress.finish()
        let seconds = progress.elapsed
        if self.progress != .none && selected.count >= 1000 {
            Stderr.line("batch: writing the combined outputs of \(selected.count) inputs…")
        }

        let collection = (selected + earlier).sorted { InputListing.pathPrecedes($0.path, $1.path) }
        let tally = try OutputAssembler.assemble(
            inputs: collection, manifest: manifest.entries, layout: layout,
            options: .init(csvHeader: (shard?.index ?? 1) == 1))
        try manifest.rewrite(temporaryDirectory: layout.temporaryDirectory)
        if let shard {
            try ShardCompletion(shard: shard, tally: tally)
                .write(in: layout.root, temporaryDirectory: layout.temporaryDirectory)
        }
        // The temporary files are all renamed into place by now: a finished batch leaves no
        // empty tmp/ behind (one still holding something stays, to be looked at).
        Posix.removeIfEmpty(folder: layout.temporaryDirectory.path)
        for line in ProgressFormat.summary(tally, processed: work.count, skipped: selected.count - work.count,
                                           seconds: seconds, jobs: jobs,
                                           ocr: (progress.snapshot.ocrDocuments, progress.snapshot.ocrPages)) {
            Stderr.line(line)
        }
        Stderr.line("  outputs: \(layout.root.path)/{\(layout.reportsJSONL.lastPathComponent), "
                    + "\(layout.cellsCSV.lastPathComponent), \(layout.reportsWideCSV.lastPathComponent), "
                    + "\(layout.failuresCSV.lastPathComponent), "
                    + "\(layout.archive.lastPathComponent), \(layout.manifest.lastPathComponent)}")
        if tally.failed > 0 || tally.pending > 0 { throw CommandFailure(ExitStatus.batchFailures) }
    }
}

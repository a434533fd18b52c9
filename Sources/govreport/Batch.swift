import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract a whole harvest of reports into a folder, in parallel and resumably.",
            discussion: """
                Inputs are report files, folders (walked recursively for the --ext files, hidden ones \
                skipped) and lists of paths (--files-from FILE, or - for a list on stdin). Each document \
                is extracted in a worker subprocess with a time limit and a memory cap, so one that \
                crashes Poppler, loops or eats memory fails alone, with its reason.

                Writes into --out: docs/<input path>.json (one canonical document per input, as \
                `govreport extract` prints it), reports.jsonl, cells.csv (long format), reports-wide.csv \
                (one line per report, one column per cell, for spreadsheets), failures.csv, \
                reports.sqlite (the archive) and manifest.jsonl (each input's content hash, status, \
                timing and error). All are written under temporary names and renamed into place.

                Run the same command again to resume: inputs the manifest has as done (and unchanged) \
                are skipped; --retry-failed tries the failed ones again, --force redoes everything. \
                The folder is a collection: a run adds and updates documents; those of earlier runs \
                that this run does not list (another list, a deleted file) stay, unless --prune, which \
                removes their documents and rows and says how many. \
                The combined outputs are rebuilt from the documents in source path order, so they are \
                the same whatever --jobs is and however often the batch was interrupted.

                --shard K/N takes a fixed 1/N of the inputs, so N machines or array-job tasks split a \
                harvest without talking to each other; their files carry -K-of-N in their names (one \
                --out folder may hold all shards). --shard auto takes K and N from a Slurm array job. \
                `govreport merge --shards DIR --out DIR` then writes exactly the files one unsharded \
                batch would have written.

                Exit status: 0 every input was extracted (findings allowed), 7 some inputs failed \
                (see the summary, failures.csv), 8 the batch cannot run (the output folder cannot be \
                written or is in use, or the workers cannot start).
                """)

        @Argument(help: ArgumentHelp("Report files, folders, or - to read a list of paths on stdin.",
                                     valueName: "input"))
        var inputs: [String] = []

        @Option(name: .customLong("files-from"),
                help: ArgumentHelp("Read input paths from a file, one per line (- for stdin).", valueName: "file"))
        var filesFrom: [String] = []

        @Flag(name: .customLong("null"), help: "Paths in the lists are separated by NUL (find -print0).")
        var nulSeparated = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "dir"))
        var out: String

        @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp(
            "Documents extracted at once, each in its own worker process (default: SLURM_CPUS_PER_TASK in a Slurm job, else the number of cores).",
            valueName: "n"))
        var jobsOption: Int?

        var jobs: Int { jobsOption ?? BatchRun.defaultJobs }

        @OptionGroup var limits: LimitOptions<WorkerLimits>

        @Option(help: ArgumentHelp("Process only the K-th of N parts of the inputs (1 ≤ K ≤ N), or auto: the part of this task of a Slurm array job.",
                                   valueName: "K/N|auto"))
        var shard: ShardChoice?

        @Flag(help: "Redo every input, done before or not.")
        var force = false

        @Flag(help: "Try the inputs that failed before again (the extracted ones stay skipped).")
        var retryFailed = false

        @Flag(help: "Remove from the folder the inputs of earlier runs that this run does not list.")
        var prune = false

        @Option(help: ArgumentHelp("Extensions of the files a folder walk takes, comma-separated (* for all; default: every kind govreport reads).",
                                   valueName: "list"))
        var ext: String?

        @OptionGroup var reading: TableOptions

        @OptionGroup var scans: OCROptions

        @Option(help: "Progress on stderr: auto (a bar on a terminal, lines otherwise), bar, lines, none.")
        var progress: ProgressMode = .auto

        @Option(help: ArgumentHelp("Seconds between progress lines when stderr is not a terminal.",
                                   valueName: "seconds"))
        var progressInterval: Double = 10

        @Option(help: .hidden)
        var documentsPerWorker = 200

        func validate() throws {
            guard (jobsOption ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard (jobsOption ?? 1) <= BatchRun.maxJobs else {
                let cores = ProcessInfo.processInfo.activeProcessorCount
                throw ValidationError("--jobs must be at most \(BatchRun.maxJobs) (four workers for each of the \(cores) cores here, at least 16): more only wait for a core, each holding its own memory")
            }
            guard documentsPerWorker >= 1 else { throw ValidationError("--documents-per-worker must be at least 1") }
            guard !(force && retryFailed) else { throw ValidationError("--force already redoes the failed inputs") }
            guard !inputs.isEmpty || !filesFrom.isEmpty else {
                throw ValidationError("name the inputs: files, folders, --files-from FILE, or - for a list on stdin")
            }
            guard [inputs.contains("-"), filesFrom.contains("-")].filter({ $0 }).count <= 1,
                  inputs.filter({ $0 == "-" }).count <= 1 else {
                throw ValidationError("stdin can give one list of paths only")
            }
        }

        func run() throws {
            var run = BatchRun(inputs: inputs, out: out, jobs: jobs, timeout: limits.timeout, maxMemoryMiB: limits.maxMemory)
            run.filesFrom = filesFrom
            run.nulSeparated = nulSeparated
            run.shard = shard
            run.policy = force ? .force : retryFailed ? .retryFailed : .resume
            run.prune = prune
            run.extensionList = ext ?? BatchPlan.defaultExtensionList
            run.tables = reading.tables
            run.ocr = scans.ocr
            run.progress = progress
            run.progressInterval = progressInterval
            run.documentsPerWorker = documentsPerWorker
            do {
                try run.run()
            } catch let error as BatchUsageError {
                throw ValidationError(error.description)
            }
        }
    }
}

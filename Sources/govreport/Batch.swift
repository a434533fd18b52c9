import ArgumentParser
import Foundation
import GovReport
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

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

        var jobs: Int {
            jobsOption ?? Shard.slurmCPUsPerTask(ProcessInfo.processInfo.environment)
                ?? ProcessInfo.processInfo.activeProcessorCount
        }

        @Option(help: ArgumentHelp("Seconds one document may take before its worker is killed.",
                                   valueName: "seconds"))
        var timeout: Double = 50

        @Option(help: ArgumentHelp("Address-space cap of each worker, in MiB (0: none).", valueName: "MiB"))
        var maxMemory: Int = 1024

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

        /// `--ext` as given, else every kind govreport reads.
        var extensionList: String { ext ?? InputListing.reportExtensions.sorted().joined(separator: ",") }

        @Option(help: "How PDF tables are read: auto, text, ruled.")
        var tables: TableStrategy = .auto

        @Option(help: "Scanned pages: never (the default: a scan is no_text_layer), auto (read pages without a usable text layer by OCR; experimental, see the README), always.")
        var ocr: OCRMode = .never

        @Option(help: "Progress on stderr: auto (a bar on a terminal, lines otherwise), bar, lines, none.")
        var progress: ProgressMode = .auto

        @Option(help: ArgumentHelp("Seconds between progress lines when stderr is not a terminal.",
                                   valueName: "seconds"))
        var progressInterval: Double = 10

        @Option(help: .hidden)
        var documentsPerWorker = 200

        func validate() throws {
            guard (jobsOption ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
            guard maxMemory >= 0 else { throw ValidationError("--max-memory must be 0 (no cap) or a size in MiB") }
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
            let shard = try resolvedShard()
            let all = try listInputs()
            let selected = shard.map { s in all.filter(s.contains) } ?? all
            let layout = BatchLayout(root: URL(fileURLWithPath: out), shard: shard)
            let lock: Int32
            do {
                lock = try Self.prepare(layout)
            } catch {
                Stderr.line("govreport: \(ErrorText.describe(error))")
                throw ExitCode(ExitStatus.outputUnusable)
            }
            defer { close(lock) }

            do {
                // A shard is marked finished only at the end of a run that got through it.
                if let shard { try? FileManager.default.removeItem(at: ShardCompletion.url(in: layout.root, shard: shard)) }
                let manifest = try ManifestLog(url: layout.manifest, temporaryDirectory: layout.temporaryDirectory)
                let earlier = try Self.collect(selected, manifest: manifest, layout: layout, prune: prune)
                let policy: RerunPolicy = force ? .force : retryFailed ? .retryFailed : .resume
                let work = try Self.plan(selected, manifest: manifest, layout: layout, policy: policy)

                let progress = BatchProgress(total: work.count, mode: self.progress, interval: progressInterval)
                let runner = BatchRunner(
                    settings: .init(jobs: min(jobs, max(1, work.count)), timeout: timeout,
                                    maxMemoryMiB: maxMemory, documentsPerWorker: documentsPerWorker,
                                    tables: tables, ocr: ocr, executable: Self.executablePath),
                    layout: layout, manifest: manifest, progress: progress)
                if !work.isEmpty { try runner.run(work) }
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
                for line in ProgressFormat.summary(tally, processed: work.count, skipped: selected.count - work.count,
                                                   seconds: seconds, jobs: jobs,
                                                   ocr: (progress.snapshot.ocrDocuments, progress.snapshot.ocrPages)) {
                    Stderr.line(line)
                }
                Stderr.line("  outputs: \(layout.root.path)/{\(layout.reportsJSONL.lastPathComponent), "
                            + "\(layout.cellsCSV.lastPathComponent), \(layout.reportsWideCSV.lastPathComponent), "
                            + "\(layout.failuresCSV.lastPathComponent), "
                            + "\(layout.archive.lastPathComponent), \(layout.manifest.lastPathComponent)}")
                if tally.failed > 0 || tally.pending > 0 { throw ExitCode(ExitStatus.batchFailures) }
            } catch let error as ExitCode {
                throw error
            } catch {
                Stderr.line("govreport: batch stopped: \(ErrorText.describe(error))")
                throw ExitCode(ExitStatus.outputUnusable)
            }
        }

        /// A batch folder is a collection: the inputs of earlier runs that this run does not list
        /// stay in it (returned, to be written into the combined outputs with this run's), unless
        /// `prune`, which removes them from the manifest and their documents from docs/. Says
        /// on stderr how many were kept or removed.
        static func collect(_ selected: [BatchInput], manifest: ManifestLog, layout: BatchLayout,
                            prune: Bool) throws -> [BatchInput] {
            let listed = Set(selected.map(\.path))
            let others = manifest.entries.keys.filter { !listed.contains($0) }.sorted(by: InputListing.pathPrecedes)
            guard !others.isEmpty else { return [] }
            guard prune else {
                Stderr.line("batch: \(others.count) input(s) of earlier runs are not listed this time and stay "
                            + "in \(layout.root.path) (--prune removes them)")
                return others.map { BatchInput(path: $0) }
            }
            try manifest.remove(others, temporaryDirectory: layout.temporaryDirectory)
            for path in others { try? FileManager.default.removeItem(at: layout.documentURL(for: path)) }
            Stderr.line("batch: pruned \(others.count) input(s) of earlier runs not listed this time: "
                        + "their documents and rows are removed")
            return []
        }

        /// Creates the output folder, takes its lock (one batch per folder and shard at a time) and
        /// empties the temporary folder (what a killed batch left there). Returns the lock's fd.
        static func prepare(_ layout: BatchLayout) throws -> Int32 {
            let fm = FileManager.default
            do {
                try fm.createDirectory(at: layout.documents, withIntermediateDirectories: true)
            } catch {
                throw BatchIOError("create", layout.documents.path, reason: SystemError.reason(error))
            }
            let fd = open(layout.lock.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw BatchIOError("open", layout.lock.path) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw BatchIOError("lock", layout.root.path,
                                   reason: "another batch is writing there (\(layout.lock.lastPathComponent) is held)")
            }
            try? fm.removeItem(at: layout.temporaryDirectory)
            do {
                try fm.createDirectory(at: layout.temporaryDirectory, withIntermediateDirectories: true)
            } catch {
                throw BatchIOError("create", layout.temporaryDirectory.path, reason: SystemError.reason(error))
            }
            return fd
        }

        /// The inputs from the arguments and lists, in path order.
        func listInputs() throws -> [BatchInput] {
            var paths: [String] = []
            let stdinList = { try listed(FileHandle.standardInput.readDataToEndOfFile(), from: "the list on stdin") }
            for input in inputs { if input == "-" { paths += try stdinList() } else { paths.append(input) } }
            for list in filesFrom {
                if list == "-" { paths += try stdinList(); continue }
                guard let data = FileManager.default.contents(atPath: list) else {
                    throw ValidationError("--files-from \(list): cannot be read")
                }
                paths += try listed(data, from: "--files-from \(list)")
            }
            let extensions: Set<String>? = extensionList.trimmingCharacters(in: .whitespaces) == "*" ? nil
                : Set(extensionList.split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: ["."])
                })
            do {
                var skipped = SkippedFiles()
                let found = try InputListing.list(paths, options: .init(extensions: extensions, excluding: [out]),
                                                  skipped: &skipped)
                let why = extensions == InputListing.reportExtensions ? SkippedFiles.notReports : "not named by --ext"
                if let note = skipped.summary(why) { FileHandle.standardError.write(Data("batch: \(note)\n".utf8)) }
                guard !found.isEmpty else {
                    throw ValidationError("no input files found (folders are walked for: \(extensionList))")
                }
                return found
            } catch let error as InputListing.ListingError {
                throw ValidationError(error.description)
            }
        }

        /// The paths of a list; a NUL byte in a newline-separated list (a `find -print0` list
        /// given without --null) would make one path of them all, so it is refused.
        func listed(_ data: Data, from name: String) throws -> [String] {
            if !nulSeparated && data.contains(0) {
                throw ValidationError("\(name): the paths are separated by NUL bytes (as find -print0 writes); "
                                      + "add --null")
            }
            return InputListing.paths(fromList: data, nulSeparated: nulSeparated)
        }

        /// The inputs this run must (re)do, in path order; records a new stat for inputs found
        /// unchanged by their hash.
        static func plan(_ inputs: [BatchInput], manifest: ManifestLog, layout: BatchLayout,
                         policy: RerunPolicy) throws -> [BatchRunner.Job] {
            var jobs: [BatchRunner.Job] = []
            for input in inputs {
                let stat = FileStat.of(input.path)
                let entry = manifest.entries[input.path]
                let decision = ResumePlan.decide(
                    entry: entry, stat: stat, policy: policy,
                    outputExists: { FileManager.default.fileExists(atPath: layout.documentURL(for: input.path).path) },
                    contentHash: { (try? RawPath.contents(of: input.path)).map { sha256Hex([UInt8]($0)) } })
                switch decision {
                case .run:
                    jobs.append(.init(input: input, stat: stat))
                case .skip:
                    break
                case .skipWithNewStat:
                    var updated = entry!
                    updated.mtimeNanoseconds = stat?.mtimeNanoseconds
                    try manifest.append(updated)
                }
            }
            return jobs
        }

        /// This program, to run as the workers.
        static var executablePath: String {
            if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return exe }
            return Bundle.main.executablePath ?? CommandLine.arguments[0]
        }
    }
}

/// `--shard`: a fixed part `K/N`, or `auto`, the part of this task of a Slurm array job.
enum ShardChoice: ExpressibleByArgument {
    case fixed(Shard)
    case slurmArray

    init?(argument: String) {
        if argument == "auto" { self = .slurmArray; return }
        guard let shard = Shard(argument) else { return nil }
        self = .fixed(shard)
    }
}

extension GovReportCommand.Batch {
    /// The shard this run processes: nil for all inputs.
    func resolvedShard() throws -> Shard? {
        switch shard {
        case nil: return nil
        case .fixed(let s): return s
        case .slurmArray:
            do { return try Shard.fromSlurmArray(ProcessInfo.processInfo.environment) } catch {
                throw ValidationError(error.description)
            }
        }
    }
}

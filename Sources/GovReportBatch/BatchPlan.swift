import Foundation
import GovReport

/// A mistake in how a batch was asked for (its inputs, its lists, its shard): said as a usage
/// error (exit status 2) by the command.
public struct BatchUsageError: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

/// `--shard`: a fixed part `K/N`, or `auto`, the part of this task of a Slurm array job.
public enum ShardChoice: Sendable, Equatable {
    case fixed(Shard)
    case slurmArray

    /// `K/N` or `auto`; nil for anything else.
    public init?(argument: String) {
        if argument == "auto" { self = .slurmArray; return }
        guard let shard = Shard(argument) else { return nil }
        self = .fixed(shard)
    }

    /// The shard this run processes, `auto` read from the Slurm array job's `environment`.
    public func resolve(_ environment: [String: String]) throws(BatchUsageError) -> Shard {
        switch self {
        case .fixed(let s): return s
        case .slurmArray:
            do { return try Shard.fromSlurmArray(environment) } catch {
                throw BatchUsageError(error.description)
            }
        }
    }
}

/// Which inputs a batch run takes and which of them it must (re)do.
public enum BatchPlan {
    /// The inputs from the arguments and lists (`-`: a list on stdin, read by `standardInput`),
    /// folders walked for `extensionList` (comma-separated, `*` for all), the output folder
    /// `excluding` left out; in path order. Says on stderr how many files a walk skipped.
    public static func listInputs(_ inputs: [String], filesFrom: [String], nulSeparated: Bool,
                                  extensionList: String, excluding: [String],
                                  standardInput: () -> Data) throws(BatchUsageError) -> [BatchInput] {
        var paths: [String] = []
        func stdinList() throws(BatchUsageError) -> [String] {
            try listed(standardInput(), from: "the list on stdin", nulSeparated: nulSeparated)
        }
        for input in inputs { if input == "-" { paths += try stdinList() } else { paths.append(input) } }
        for list in filesFrom {
            if list == "-" { paths += try stdinList(); continue }
            guard let data = FileManager.default.contents(atPath: list) else {
                let why = Posix.whyUnreadable(list).map { " (\($0))" } ?? ""
                throw BatchUsageError("--files-from \(list): cannot be read\(why); name a file that lists one input path a line")
            }
            paths += try listed(data, from: "--files-from \(list)", nulSeparated: nulSeparated)
        }
        let extensions = Self.extensions(extensionList)
        do {
            var skipped = SkippedFiles()
            let found = try InputListing.list(paths, options: .init(extensions: extensions, excluding: excluding),
                                              skipped: &skipped)
            let why = extensions == InputListing.reportExtensions ? SkippedFiles.notReports : "not named by --ext"
            if let note = skipped.summary(why) { Stderr.write("batch: \(note)\n") }
            guard !found.isEmpty else {
                throw BatchUsageError("no input files found (folders are walked for: \(extensionList))")
            }
            return found
        } catch let error as InputListing.ListingError {
            throw BatchUsageError(error.description)
        } catch let error as BatchUsageError {
            throw error
        } catch {
            throw BatchUsageError(ErrorText.describe(error))
        }
    }

    /// `--ext`'s list as a set of extensions (lower case, no dot); nil for `*` (every file).
    static func extensions(_ list: String) -> Set<String>? {
        list.trimmingCharacters(in: .whitespaces) == "*" ? nil
            : Set(list.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: ["."])
            })
    }

    /// Every kind govreport reads, as `--ext` lists them (its default).
    public static var defaultExtensionList: String { InputListing.reportExtensions.sorted().joined(separator: ",") }

    /// The paths of a list; a NUL byte in a newline-separated list (a `find -print0` list
    /// given without --null) would make one path of them all, so it is refused.
    static func listed(_ data: Data, from name: String, nulSeparated: Bool) throws(BatchUsageError) -> [String] {
        if !nulSeparated && data.contains(0) {
            throw BatchUsageError("\(name): the paths are separated by NUL bytes (as find -print0 writes); "
                                  + "add --null")
        }
        return InputListing.paths(fromList: data, nulSeparated: nulSeparated)
    }

    /// The manifest's paths that this run does not list (inputs of earlier runs), in path order.
    static func unlisted(_ selected: [BatchInput], entries: [String: ManifestEntry]) -> [String] {
        let listed = Set(selected.map(\.path))
        return entries.keys.filter { !listed.contains($0) }.sorted(by: InputListing.pathPrecedes)
    }

    /// A batch folder is a collection: the inputs of earlier runs that this run does not list
    /// stay in it (returned, to be written into the combined outputs with this run's), unless
    /// `prune`, which removes them from the manifest and their documents from docs/. Says
    /// on stderr how many were kept or removed.
    static func collect(_ selected: [BatchInput], manifest: ManifestLog, layout: BatchLayout,
                        prune: Bool) throws -> [BatchInput] {
        let others = unlisted(selected, entries: manifest.entries)
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

    /// What a run must do with its inputs: the jobs (in path order), and the manifest entries
    /// to record again with a new stat (inputs touched or copied, their bytes unchanged).
    struct Work: Equatable {
        var jobs: [WorkerPool.Job] = []
        var restated: [ManifestEntry] = []
    }

    /// The work of `inputs` given the manifest's `entries` and `policy`; `stat`, `outputExists`
    /// (the input's document file) and `contentHash` look at the files, asked only when needed.
    static func work(_ inputs: [BatchInput], entries: [String: ManifestEntry], policy: RerunPolicy,
                     stat: (String) -> FileStat?, outputExists: (String) -> Bool,
                     contentHash: (String) -> String?) -> Work {
        var work = Work()
        for input in inputs {
            let stat = stat(input.path)
            let entry = entries[input.path]
            let decision = ResumePlan.decide(entry: entry, stat: stat, policy: policy,
                                             outputExists: { outputExists(input.path) },
                                             contentHash: { contentHash(input.path) })
            switch decision {
            case .run:
                work.jobs.append(.init(input: input, stat: stat))
            case .skip:
                break
            case .skipWithNewStat:
                var updated = entry!
                updated.mtimeNanoseconds = stat?.mtimeNanoseconds
                work.restated.append(updated)
            }
        }
        return work
    }

    /// The inputs this run must (re)do, in path order; records a new stat for inputs found
    /// unchanged by their hash.
    static func plan(_ inputs: [BatchInput], manifest: ManifestLog, layout: BatchLayout,
                     policy: RerunPolicy) throws -> [WorkerPool.Job] {
        let work = work(inputs, entries: manifest.entries, policy: policy, stat: FileStat.of,
                        outputExists: { FileManager.default.fileExists(atPath: layout.documentURL(for: $0).path) },
                        contentHash: { (try? RawPath.contents(of: $0)).map { sha256Hex([UInt8]($0)) } })
        for entry in work.restated { try manifest.append(entry) }
        return work.jobs
    }
}

/// The lock of a batch folder (one batch per folder and shard at a time), held until `release`.
public struct FolderLock {
    let fd: Int32

    /// Creates the output folder, takes its lock and empties the temporary folder (what a killed
    /// batch left there).
    public static func prepare(_ layout: BatchLayout) throws -> FolderLock {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: layout.documents, withIntermediateDirectories: true)
        } catch {
            throw BatchIOError("create", layout.documents.path,
                               reason: notAFolder(above: layout.documents) ?? SystemError.reason(error))
        }
        let fd = try Posix.open(layout.lock.path, .lock)
        guard Posix.tryLock(fd) else {
            Posix.close(fd)
            throw BatchIOError("lock", layout.root.path,
                               reason: "another batch is writing there (\(layout.lock.lastPathComponent) is held)")
        }
        try? fm.removeItem(at: layout.temporaryDirectory)
        do {
            try fm.createDirectory(at: layout.temporaryDirectory, withIntermediateDirectories: true)
        } catch {
            throw BatchIOError("create", layout.temporaryDirectory.path, reason: SystemError.reason(error))
        }
        return FolderLock(fd: fd)
    }

    /// A file where the path to `folder` needs a folder (`--out` naming a file): Foundation
    /// reports it with no system reason of its own.
    static func notAFolder(above folder: URL) -> String? {
        var path = ""
        for part in folder.standardizedFileURL.pathComponents.dropFirst() {
            path += "/" + part
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
            if !isFolder.boolValue { return "\(path) is a file, not a folder" }
        }
        return nil
    }

    /// Lets another batch take the folder.
    public func release() { Posix.close(fd) }
}

import Foundation
import GovReport

/// What a shard's batch run leaves when it has finished: `shard-K-of-N.json` beside its other
/// files, with the counts of its inputs. A run removes it when it starts and writes it again
/// only after its combined outputs are in place, so a task killed mid-run leaves none and the
/// assembly of the shards refuses to go on without it.
public struct ShardCompletion: Sendable, Equatable {
    public var shard: Shard
    public var inputs: Int
    public var extracted: Int
    public var failed: Int
    /// Inputs of the shard with no result (0 unless the run was stopped).
    public var pending: Int

    public init(shard: Shard, tally: BatchTally) {
        self.shard = shard
        inputs = tally.inputs; extracted = tally.ok; failed = tally.failed; pending = tally.pending
    }

    public static func url(in root: URL, shard: Shard) -> URL {
        root.appendingPathComponent("shard\(shard.fileSuffix).json")
    }

    var json: String {
        JSONValue.object([
            JSONMember("shard", .string(shard.description)),
            JSONMember("inputs", .number(Decimal(inputs))),
            JSONMember("extracted", .number(Decimal(extracted))),
            JSONMember("failed", .number(Decimal(failed))),
            JSONMember("pending", .number(Decimal(pending))),
        ]).serialized(pretty: false) + "\n"
    }

    init?(data: Data) {
        guard let v = try? ExactJSON.parse([UInt8](data)), let shard = v["shard"]?.string.flatMap({ Shard($0) })
        else { return nil }
        func count(_ key: String) -> Int? { v[key]?.decimal.map { NSDecimalNumber(decimal: $0).intValue } }
        guard let inputs = count("inputs"), let extracted = count("extracted"), let failed = count("failed"),
              let pending = count("pending") else { return nil }
        self.shard = shard
        self.inputs = inputs; self.extracted = extracted; self.failed = failed; self.pending = pending
    }

    public func write(in root: URL, temporaryDirectory: URL) throws {
        let file = try AtomicFile(Self.url(in: root, shard: shard), temporaryDirectory: temporaryDirectory)
        try file.write(json)
        try file.commit()
    }
}

/// `govreport merge --shards`: the files one unsharded batch over all the inputs would have
/// written (`docs/`, `reports.jsonl`, `cells.csv`, `failures.csv`, `reports.sqlite`,
/// `manifest.jsonl`), from the outputs of the N shards of a harvest — in one folder (every task
/// wrote to the same `--out`) or one folder each.
///
/// The combined files are not concatenations: they are rebuilt from the shards' manifests and
/// documents by the batch's own assembler, in source path order, so they are byte for byte what
/// an unsharded batch writes (the manifest's timings aside).
public enum ShardAssembly {
    /// One shard's outputs: its manifest and the folder holding it (and its `docs/`).
    public struct ShardOutput: Sendable, Equatable {
        public var shard: Shard
        public var root: URL
        public var manifest: URL { BatchLayout(root: root, shard: shard).manifest }
    }

    public enum AssemblyError: Error, Equatable, CustomStringConvertible {
        case noShards(String)
        case mixedCounts(String, [Int])
        case missingShards([Int], count: Int, folder: String)
        case shardTwice(Shard, [String])
        case unfinished(Shard, String)
        case incomplete(Shard, pending: Int)
        case inputInTwoShards(String, Shard, Shard)
        case missingDocument(String)

        public var description: String {
            switch self {
            case .noShards(let folder):
                "\(folder): no shard outputs (manifest-K-of-N.jsonl) in the folder or its subfolders; "
                    + "name the folder the batch --shard runs wrote to"
            case .mixedCounts(let folder, let counts):
                "\(folder): shards of different harvests (split \(counts.map(String.init).joined(separator: ", ")) ways); "
                    + "move the other harvest's files away"
            case .missingShards(let missing, let count, let folder):
                "\(folder): shard(s) \(missing.map(String.init).joined(separator: ", ")) of \(count) are missing; "
                    + "run (or resubmit) those tasks first"
            case .shardTwice(let shard, let places):
                "shard \(shard) is there twice (\(places.joined(separator: ", "))); keep one"
            case .unfinished(let shard, let folder):
                "\(folder): shard \(shard) did not finish (no shard\(shard.fileSuffix).json); "
                    + "run its task again (the batch resumes where it stopped)"
            case .incomplete(let shard, let pending):
                "shard \(shard) stopped with \(pending) input(s) not done; run its task again (it resumes)"
            case .inputInTwoShards(let path, let a, let b):
                "\(path) is in shard \(a) and in shard \(b); the shards are of different runs"
            case .missingDocument(let path):
                "\(path): an extracted document is missing; run its shard's task again with --force"
            }
        }
    }

    /// The shards whose manifests are in `folder` or in its immediate subfolders, in shard order,
    /// checked to be one complete set: one split count N, each of 1…N exactly once.
    public static func find(in folder: URL) throws -> [ShardOutput] {
        let fm = FileManager.default
        var roots = [folder]
        let children = (try? fm.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        for child in children.sorted(by: { $0.path < $1.path }) where !child.lastPathComponent.hasPrefix(".") {
            if (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { roots.append(child) }
        }
        var found: [ShardOutput] = []
        for root in roots {
            for name in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
                guard name.hasPrefix("manifest-"), name.hasSuffix(".jsonl") else { continue }
                let middle = name.dropFirst("manifest-".count).dropLast(".jsonl".count)
                let parts = middle.components(separatedBy: "-of-")
                guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]),
                      let shard = Shard(index: k, count: n) else { continue }
                found.append(ShardOutput(shard: shard, root: root))
            }
        }
        guard !found.isEmpty else { throw AssemblyError.noShards(folder.path) }
        let counts = Set(found.map(\.shard.count)).sorted()
        guard counts.count == 1, let count = counts.first else { throw AssemblyError.mixedCounts(folder.path, counts) }
        let byIndex = Dictionary(grouping: found, by: \.shard.index)
        if let (_, twice) = byIndex.first(where: { $0.value.count > 1 }) {
            throw AssemblyError.shardTwice(twice[0].shard, twice.map(\.root.path))
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw AssemblyError.missingShards(missing, count: count, folder: folder.path) }
        return (1...count).map { byIndex[$0]![0] }
    }

    /// Writes the unsharded outputs into `layout` (its `docs/` filled from the shards' when they
    /// live elsewhere). Every shard must have finished; an input in two shards is an error.
    @discardableResult
    public static func assemble(_ shards: [ShardOutput], into layout: BatchLayout) throws -> BatchTally {
        var entries: [String: ManifestEntry] = [:]
        var owner: [String: Shard] = [:]
        for output in shards {
            guard let data = FileManager.default.contents(atPath: ShardCompletion.url(in: output.root, shard: output.shard).path),
                  let completion = ShardCompletion(data: data) else {
                throw AssemblyError.unfinished(output.shard, output.root.path)
            }
            guard completion.pending == 0 else { throw AssemblyError.incomplete(output.shard, pending: completion.pending) }
            guard let log = FileManager.default.contents(atPath: output.manifest.path) else {
                throw BatchIOError("read", output.manifest.path)
            }
            for (path, entry) in ManifestLog.replay(log).entries {
                if let other = owner[path] { throw AssemblyError.inputInTwoShards(path, other, output.shard) }
                owner[path] = output.shard
                entries[path] = entry
                if entry.status == .ok, output.root.standardizedFileURL != layout.root.standardizedFileURL {
                    try copyDocument(of: path, from: BatchLayout(root: output.root), to: layout)
                }
            }
        }
        let paths = entries.keys.sorted(by: InputListing.pathPrecedes)
        let tally = try OutputAssembler.assemble(inputs: paths.map { BatchInput(path: $0) }, manifest: entries,
                                                 layout: layout)
        let manifest = try AtomicFile(layout.manifest, temporaryDirectory: layout.temporaryDirectory)
        for path in paths { try manifest.write(entries[path]!.line + "\n") }
        try manifest.commit()
        return tally
    }

    private static func copyDocument(of path: String, from source: BatchLayout, to destination: BatchLayout) throws {
        let from = source.documentURL(for: path)
        guard let data = FileManager.default.contents(atPath: from.path) else {
            throw AssemblyError.missingDocument(from.path)
        }
        let to = destination.documentURL(for: path)
        do {
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw BatchIOError("create", to.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        let file = try AtomicFile(to, temporaryDirectory: destination.temporaryDirectory)
        try file.write([UInt8](data))
        try file.commit()
    }
}

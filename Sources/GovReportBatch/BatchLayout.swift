import Foundation

/// Where a batch keeps its files inside the output folder. A shard's own files carry
/// `-K-of-N` in their names, so the shards of a harvest may share one folder.
///
///     DIR/docs/<input path>.json       per-document canonical JSON (as `govreport extract` prints it)
///     DIR/reports.jsonl                one compact document per line, in source path order
///     DIR/cells.csv                    every table cell, long format
///     DIR/reports-wide.csv             one line per report, one column per cell (for spreadsheets)
///     DIR/failures.csv                 every input that could not be extracted, with its reason
///     DIR/reports.sqlite               the SQLite archive
///     DIR/manifest.jsonl               per input: content hash, status, timing, error
///     DIR/.lock, DIR/tmp/              the running batch's lock and temporary files
public struct BatchLayout: Sendable {
    public let root: URL
    public let shard: Shard?

    public init(root: URL, shard: Shard? = nil) {
        self.root = root
        self.shard = shard
    }

    private var suffix: String { shard?.fileSuffix ?? "" }
    private func file(_ base: String, _ ext: String) -> URL { root.appendingPathComponent("\(base)\(suffix).\(ext)") }

    public var manifest: URL { file("manifest", "jsonl") }
    public var reportsJSONL: URL { file("reports", "jsonl") }
    public var cellsCSV: URL { file("cells", "csv") }
    public var reportsWideCSV: URL { file("reports-wide", "csv") }
    public var failuresCSV: URL { file("failures", "csv") }
    public var archive: URL { file("reports", "sqlite") }
    public var lock: URL { root.appendingPathComponent(".lock\(suffix)") }
    public var temporaryDirectory: URL { root.appendingPathComponent("tmp\(suffix)") }
    public var documents: URL { root.appendingPathComponent("docs") }

    /// The per-document JSON of an input: `docs/` + its path + `.json`, with a leading `/`
    /// written as `_root/` and `..` as `_up`, so the folder mirrors the harvest's tree. The
    /// mapping is one-to-one (two inputs never share a file): a name of the input's own that
    /// begins with `_` gets one more `_` in front (`_up/` is `__up/`), and a folder whose name
    /// ends in `.json` (and `_`s) gets a `_` after, so that no folder is named like a document.
    public func documentURL(for inputPath: String) -> URL {
        documents.appendingPathComponent(Self.documentName(for: inputPath))
    }

    public static func documentName(for inputPath: String) -> String {
        var parts = inputPath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            .filter { $0 != "." }
            .map { $0 == ".." ? "_up" : $0.hasPrefix("_") ? "_" + $0 : $0 }
        if inputPath.hasPrefix("/") { parts.insert("_root", at: 0) }
        if parts.isEmpty { parts = ["_"] }
        var last = parts.removeLast() + ".json"
        parts = parts.map { $0.range(of: #"\.json_*$"#, options: .regularExpression) != nil ? $0 + "_" : $0 }
        // File names are limited to 255 bytes; a longer one keeps its start and a hash of the rest.
        if last.utf8.count > 255 {
            var prefix = ""
            for ch in last {
                if prefix.utf8.count + ch.utf8.count > 200 { break }
                prefix.append(ch)
            }
            last = prefix + "-" + String(Shard.part(of: last, count: Int.max - 1), radix: 16) + ".json"
        }
        return (parts + [last]).joined(separator: "/")
    }
}

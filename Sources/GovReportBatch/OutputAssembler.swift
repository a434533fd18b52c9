import Foundation
import GovReport

/// Where the batch stands: counts over the inputs (all of them, done in this run or before).
public struct BatchTally: Sendable, Equatable {
    public var inputs = 0
    public var ok = 0
    /// Extracted reports with at least one validator finding (counted in `ok` too).
    public var withFindings = 0
    public var failed = 0
    public var failedByError: [String: Int] = [:]
    /// Inputs the manifest has no result for (the batch stopped before them).
    public var pending = 0
    /// The slowest inputs, slowest first.
    public var slowest: [(path: String, seconds: Double)] = []

    public init() {}

    public static func == (a: BatchTally, b: BatchTally) -> Bool {
        a.inputs == b.inputs && a.ok == b.ok && a.withFindings == b.withFindings && a.failed == b.failed
            && a.failedByError == b.failedByError && a.pending == b.pending
            && a.slowest.map(\.path) == b.slowest.map(\.path)
    }

    mutating func count(_ entry: ManifestEntry?, keepSlowest: Int = 5) {
        inputs += 1
        guard let entry else { pending += 1; return }
        switch entry.status {
        case .ok:
            ok += 1
            if entry.findings > 0 { withFindings += 1 }
        case .failed:
            failed += 1
            failedByError[entry.error ?? "unknown", default: 0] += 1
        }
        if slowest.count < keepSlowest || entry.seconds > slowest.last!.seconds {
            slowest.append((entry.path, entry.seconds))
            slowest.sort { $0.seconds > $1.seconds }
            if slowest.count > keepSlowest { slowest.removeLast() }
        }
    }
}

/// Writes the batch's combined outputs (JSONL, cells CSV, failures CSV, SQLite archive) from
/// the per-document JSON files and the manifest, in source path order. They depend on nothing
/// else: not on `--jobs`, not on the order results came in, not on how often the batch was
/// interrupted. Documents are read one at a time, so memory does not grow with the batch.
public enum OutputAssembler {
    public struct Options: Sendable {
        /// Whether the CSV files start with a header line (a shard other than the first leaves it
        /// out, so that the shards' files concatenate into one CSV).
        public var csvHeader = true
        public init(csvHeader: Bool = true) { self.csvHeader = csvHeader }
    }

    public enum AssemblyError: Error, CustomStringConvertible {
        case unreadableDocument(String, String)
        public var description: String {
            switch self {
            case .unreadableDocument(let path, let why):
                "\(path): cannot be read back (\(why)); run the batch again with --force to redo it"
            }
        }
    }

    /// `inputs` must be in path order (as `InputListing.list` gives them).
    @discardableResult
    public static func assemble(inputs: [BatchInput], manifest: [String: ManifestEntry], layout: BatchLayout,
                                options: Options = Options()) throws -> BatchTally {
        let tmp = layout.temporaryDirectory
        let jsonl = try AtomicFile(layout.reportsJSONL, temporaryDirectory: tmp)
        let cells = try AtomicFile(layout.cellsCSV, temporaryDirectory: tmp)
        let wide = try AtomicFile(layout.reportsWideCSV, temporaryDirectory: tmp)
        let failures = try AtomicFile(layout.failuresCSV, temporaryDirectory: tmp)
        if options.csvHeader {
            try cells.write(CSV.record(CellsCSV.header))
            try wide.write(WideCSV.byteOrderMark)
            try wide.write(CSV.record(WideCSV.header))
            try failures.write(CSV.record(FailuresCSV.header))
        }
        var tally = BatchTally()
        try ArchiveWriter.build(layout.archive, temporaryDirectory: tmp) { archive in
            for input in inputs {
                let entry = manifest[input.path]
                tally.count(entry)
                guard let entry else { continue }
                switch entry.status {
                case .ok:
                    let docURL = layout.documentURL(for: input.path)
                    guard let data = FileManager.default.contents(atPath: docURL.path) else {
                        throw AssemblyError.unreadableDocument(docURL.path, "missing")
                    }
                    let bytes = [UInt8](data)
                    let report: CanonicalReport
                    do {
                        guard let r = CanonicalReport(json: try ExactJSON.parse(bytes)) else {
                            throw AssemblyError.unreadableDocument(docURL.path, "not a govreport/1 document")
                        }
                        report = r
                    } catch let error as ExactJSON.SyntaxError {
                        throw AssemblyError.unreadableDocument(docURL.path, error.description)
                    }
                    let line = ExactJSON.compact(bytes)
                    try jsonl.write(line)
                    try jsonl.write([0x0A])
                    try cells.write(CellsCSV.records(for: report))
                    try wide.write(WideCSV.record(for: report))
                    try archive.add(report, document: String(decoding: line, as: UTF8.self))
                case .failed:
                    try failures.write(FailuresCSV.record(for: entry))
                    try archive.addFailure(entry)
                }
            }
        }
        try jsonl.commit()
        try cells.commit()
        try wide.commit()
        try failures.commit()
        return tally
    }
}

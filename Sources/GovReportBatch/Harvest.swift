import Foundation
import GovReport
import GovReportChecking

/// The reports of a check run as they are read, and what could not be read.
public struct Harvest {
    public var entries: [HarvestChecker.Entry] = []
    /// For each entry, the JSON file it was read from (nil for a report file).
    public var origins: [String?] = []
    public var failures: [HTMLReportWriter.Failure] = []
    /// Source path and SHA-256 of the reports read so far: a document met again under the same
    /// source path (a batch's per-document JSON and its reports.jsonl, a PDF and the JSON
    /// extracted from it) is checked once.
    var seen = Set<String>()
    var repeated = 0
    var skippedJSON: [String] = []

    public init() {}

    /// Reads `check`'s inputs: `-` (one report or canonical JSON on stdin), folders (walked; the
    /// files left out are counted in `skipped`), report files and canonical JSON, with the
    /// batch's bar on a terminal. Then says what was skipped or read twice.
    /// A JSON file is bounded by `limits` as a whole (see `CheckJSONInput`).
    public mutating func readCheckInputs(_ inputs: [String], runner: inout InputRunner, limits: DocumentLimits) {
        var skipped = SkippedFiles()
        let expanded = inputs.map { arg in
            (arg: arg, files: arg == "-" ? [] : HarvestInputs.expand([arg], skipped: &skipped))
        }
        let progress = BatchProgress.forFiles(expanded.reduce(0) { $0 + $1.files.count })
        for (arg, files) in expanded {
            if arg == "-" {
                readStandardInput(runner: &runner)
                continue
            }
            if files.isEmpty {
                fail(arg, "is a folder with no report (.pdf, .docx, .html, .txt, …) or JSON files in it",
                     runner: &runner)
            }
            for file in files {
                let failed = failures.count
                read(file, runner: &runner, limits: limits)
                progress.record(ok: failures.count == failed)
            }
        }
        progress.finish()
        reportNotes()
        if let note = skipped.summary() { Stderr.line("govreport: \(note)") }
    }

    /// Reads `compare`'s inputs: report files, canonical JSON and folders of them.
    public mutating func readCompareInputs(_ inputs: [String], runner: inout InputRunner, limits: DocumentLimits? = nil) {
        for arg in inputs {
            if arg == "-" {
                readStandardInput(runner: &runner)
                continue
            }
            let files = HarvestInputs.expand([arg])
            if files.isEmpty {
                fail(arg, "is a folder with no report (.pdf, .docx, .html, .txt, …) or JSON files in it", runner: &runner)
            }
            for file in files { read(file, runner: &runner, limits: limits) }
        }
        reportNotes()
    }

    /// `-`: one report, or canonical JSON, read from standard input.
    public mutating func readStandardInput(runner: inout InputRunner) {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let first = data.first { !(" \t\r\n".utf8.contains($0)) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "["), case .success(let reports) = HarvestInputs.reports(inJSON: data) {
            for report in reports { add(report, path: report.source.path.isEmpty ? "-" : report.source.path, origin: "-") }
            return
        }
        // A report on stdin is read within the limits, as a named file is.
        switch runner.read(data: data, name: "-").flatMap({ json in
            CanonicalReport(json: json).map { .success($0) }
                ?? .failure(DocumentFailure(code: "crash", explanation: "its document could not be read back"))
        }) {
        case .success(let report): add(report, path: "-", origin: nil)
        case .failure(let failure): fail("-", failure, runner: &runner)
        }
    }

    /// Reads one input; a JSON file within `limits` (of `check`; none when nil).
    public mutating func read(_ file: HarvestInputs.File, runner: inout InputRunner, limits: DocumentLimits? = nil) {
        guard file.isJSON else {
            switch runner.read(file.path).flatMap({ json in
                CanonicalReport(json: json).map { .success($0) }
                    ?? .failure(DocumentFailure(code: "crash", explanation: "its document could not be read back"))
            }) {
            case .success(let report): add(report, path: file.path, origin: nil)
            case .failure(let failure): fail(file.path, failure, runner: &runner)
            }
            return
        }
        readJSON(file, runner: &runner, timeout: limits?.timeout ?? 0, maxMemory: limits?.maxMemory ?? 0)
    }

    /// An input that could not be read: said on stderr (with the exit status it sets) and
    /// listed in the HTML report.
    public mutating func fail(_ path: String, _ error: InputError, runner: inout InputRunner) {
        fail(path, DocumentFailure(error), runner: &runner)
    }

    public mutating func fail(_ path: String, _ failure: DocumentFailure, runner: inout InputRunner) {
        runner.fail(path, failure)
        failures.append(.init(path: path, reason: "\(failure.explanation) [\(failure.code)]"))
    }

    public mutating func fail(_ path: String, _ message: String, runner: inout InputRunner) {
        runner.fail(path, message: message)
        failures.append(.init(path: path, reason: message))
    }

    /// Adds the report unless it was read before; returns its key in `seen` when added.
    @discardableResult
    public mutating func add(_ report: CanonicalReport, path: String, origin: String?) -> String? {
        // A document is its source path: a report and the JSON extracted from it (which records
        // that path and the report's hash) are one; the same bytes under two paths are two
        // documents, which the cross-report check calls duplicates. A relative path is taken
        // from the current folder, so `reports/a.pdf` in a JSON and the walk's `$PWD/reports/a.pdf`
        // are one path.
        let key = Self.absolute(report.source.path) + "\u{0}" + report.source.sha256
        guard seen.insert(key).inserted else {
            repeated += 1
            return nil
        }
        entries.append(.init(path: path, report: report))
        origins.append(origin)
        return key
    }

    /// `path` from the root, without `.`, `..` or repeated slashes (`-`, standard input, as it is).
    static func absolute(_ path: String) -> String {
        guard path != "-" else { return path }
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    public func reportNotes() {
        if let first = skippedJSON.first {
            let more = skippedJSON.count > 1 ? " and \(skippedJSON.count - 1) more" : ""
            Stderr.line("govreport: skipped JSON that is not govreport/1 documents: \(first)\(more)")
        }
        if repeated > 0 {
            Stderr.line("govreport: \(repeated) document(s) were read again from the same source (e.g. a batch's "
                        + "docs/ and reports.jsonl, a report and its JSON); each is checked once")
        }
    }
}

import Foundation
import GovReport
import GovReportChecking

/// How `check` reads a canonical JSON file. JSON Lines (a batch's reports.jsonl, `extract
/// --jsonl`) is read a line at a time, so a file of any size costs one line of memory beyond
/// the reports themselves; a line longer than `maxLine` is refused on its own and the others
/// are still checked. Any other JSON (one pretty document, an array) is read whole, up to
/// `maxWhole`. The bounds of `--timeout` and `--max-memory` hold for the file as a whole: a
/// file whose reports take longer or need more is stopped with `timeout` or `memory_limit`
/// (its reports are left out) and the other inputs are still checked.
enum CheckJSONInput {
    /// No govreport/1 document is near this long (a long report is ~50 KB).
    nonisolated(unsafe) static var maxLine = 16 << 20
    /// JSON that is not JSON Lines is parsed whole; beyond this it should be JSON Lines.
    nonisolated(unsafe) static var maxWhole = 32 << 20
    /// Share of `--max-memory` reading may take: checking and writing the findings take the
    /// process to about 2.2 times what the reports read take (measured on 12,763 documents).
    static let readingShare = 0.4
    /// Share of `--timeout` reading may take: checking the reports read takes about four times
    /// as long as reading them (measured likewise), and the bound is for both.
    static let readingTimeShare = 0.2

    /// This process's resident memory in MiB (Linux; 0 where unknown).
    static func residentMiB() -> Int { Posix.residentMiB() }
}

extension Harvest {
    /// Reads the canonical JSON file `file` into the harvest (see `CheckJSONInput`).
    /// `timeout` (seconds) and `maxMemory` (MiB) bound the whole file (0: no bound).
    mutating func readJSON(_ file: HarvestInputs.File, runner: inout InputRunner, timeout: Double, maxMemory: Int) {
        guard let status = RawPath.status(file.path) else {
            fail(file.path, InputError.cannotOpen(file.path), runner: &runner)
            return
        }
        if !status.isRegularFile {
            // A folder, device or FIFO: said as for any other input.
            do { _ = try ReportExtractor.readFile(file.path) } catch { fail(file.path, error, runner: &runner) }
            return
        }
        guard let lines = LineReader(path: file.path, maxLength: CheckJSONInput.maxLine) else {
            fail(file.path, InputError.cannotOpen(file.path), runner: &runner)
            return
        }
        // JSON Lines when the first line that is not blank is JSON by itself.
        var first: LineReader.Line?
        while let line = lines.next() {
            if case .text(let bytes) = line, bytes.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { continue }
            first = line
            break
        }
        guard let first else {
            jsonProblem(file, .notJSON, runner: &runner)
            return
        }
        if case .text(let bytes) = first {
            do throws(ExactJSON.SyntaxError) {
                _ = try ExactJSON.parse(bytes)
            } catch where !error.tooDeep {
                readWholeJSON(file, size: Int(status.size), runner: &runner)
                return
            } catch {}
        }
        readJSONLines(file, lines: lines, first: first, runner: &runner, timeout: timeout, maxMemory: maxMemory)
    }

    private mutating func readWholeJSON(_ file: HarvestInputs.File, size: Int, runner: inout InputRunner) {
        guard size <= CheckJSONInput.maxWhole else {
            fail(file.path, "is \(size >> 20) MiB of JSON that is not JSON Lines (more than \(CheckJSONInput.maxWhole >> 20) MiB"
                 + " is not read whole); write it as JSON Lines (`govreport extract --jsonl`, or a batch's reports.jsonl)"
                 + " and check that", runner: &runner)
            return
        }
        let data: Data
        do { data = try ReportExtractor.readFile(file.path) } catch {
            fail(file.path, error, runner: &runner)
            return
        }
        switch HarvestInputs.reports(inJSON: data) {
        case .success(let reports):
            for (n, report) in reports.enumerated() {
                let path = report.source.path.isEmpty
                    ? (reports.count == 1 ? file.path : "\(file.path)#\(n + 1)") : report.source.path
                add(report, path: path, origin: file.path)
            }
        case .failure(let problem):
            jsonProblem(file, problem, runner: &runner)
        }
    }

    private mutating func readJSONLines(_ file: HarvestInputs.File, lines: LineReader, first: LineReader.Line,
                                        runner: inout InputRunner, timeout: Double, maxMemory: Int) {
        let started = Posix.monotonicSeconds()
        let entriesBefore = entries.count
        var added: [String] = []
        var unnamed: [Int] = []
        var documents = 0
        var documentLines = 0
        // The first line's problem is the file's when it is the only line (a file holding one
        // broken document), a line's otherwise.
        var firstProblem: (line: Int, message: String, problem: HarvestInputs.JSONProblem?)?
        var line: LineReader.Line? = first
        while let current = line {
            let number = lines.lineNumber
            defer { line = lines.next() }
            var problem: (message: String, kind: HarvestInputs.JSONProblem?)?
            switch current {
            case .tooLong(let length):
                problem = ("is a line of \(length >> 20) MiB, longer than any govreport/1 document (at most "
                           + "\(CheckJSONInput.maxLine >> 20) MiB a line); it was skipped", nil)
            case .text(let bytes):
                if bytes.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { continue }
                switch Self.reports(inLine: bytes) {
                case .success(let reports):
                    for report in reports {
                        documents += 1
                        if report.source.path.isEmpty { unnamed.append(entries.count) }
                        let path = report.source.path.isEmpty ? "\(file.path)#\(documents)" : report.source.path
                        if let key = add(report, path: path, origin: file.path) { added.append(key) }
                    }
                case .failure(let kind):
                    problem = (Self.message(kind), kind)
                }
            }
            documentLines += 1
            if let problem {
                if documentLines == 1 {
                    // A walked file whose first line is not a govreport/1 document is not one of ours.
                    if file.walked, problem.kind != nil {
                        skippedJSON.append(file.path)
                        return
                    }
                    firstProblem = (number, problem.message, problem.kind)
                } else {
                    if let pending = firstProblem {
                        fail("\(file.path):\(pending.line)", pending.message, runner: &runner)
                        firstProblem = nil
                    }
                    fail("\(file.path):\(number)", problem.message, runner: &runner)
                }
            }
            if documentLines % 64 == 0, let stop = Self.overBounds(timeout: timeout, maxMemory: maxMemory,
                                                                                      since: started, line: number) {
                // Left out as a whole: a part of a harvest would give misleading cross-report findings.
                entries.removeSubrange(entriesBefore...)
                origins.removeSubrange(entriesBefore...)
                for key in added { seen.remove(key) }
                Posix.releaseFreeMemory()
                fail(file.path, stop, runner: &runner)
                return
            }
        }
        if let pending = firstProblem {
            fail(documentLines == 1 ? file.path : "\(file.path):\(pending.line)", pending.message, runner: &runner)
        }
        if documents == 1, let only = unnamed.first { entries[only].path = file.path }
    }

    /// Why reading should stop now: the file's time or this process's memory is over its bound.
    static func overBounds(timeout: Double, maxMemory: Int, since started: Double, line: Int) -> DocumentFailure? {
        if timeout > 0, Posix.monotonicSeconds() - started > timeout * CheckJSONInput.readingTimeShare {
            return DocumentFailure(code: "timeout", explanation: "its documents would take longer than --timeout "
                                   + "\(seconds(timeout)) to read and check (stopped at line \(line)) and were left out; "
                                   + "check it in parts (e.g. `split -l 10000`) or with a larger --timeout (0: none)")
        }
        let budget = Int(Double(maxMemory) * CheckJSONInput.readingShare)
        if maxMemory > 0, CheckJSONInput.residentMiB() > budget {
            return DocumentFailure(code: "memory_limit", explanation: "its documents need more memory than --max-memory "
                                   + "\(maxMemory) MiB allows to be checked together (stopped at line \(line)) and "
                                   + "were left out; check it in parts (e.g. `split -l 10000`) or with a larger --max-memory"
                                   + " (0: none)")
        }
        return nil
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() && s < 1e9 ? "\(Int(s)) s" : "\(s) s"
    }

    /// The govreport/1 documents of one line: a document, or an array of them.
    static func reports(inLine bytes: [UInt8]) -> Result<[CanonicalReport], HarvestInputs.JSONProblem> {
        let value: JSONValue
        do throws(ExactJSON.SyntaxError) { value = try ExactJSON.parse(bytes) } catch {
            return .failure(error.tooDeep ? .tooDeep : .notJSON)
        }
        let docs = value.array ?? [value]
        let reports = docs.compactMap(CanonicalReport.init(json:))
        guard !reports.isEmpty, reports.count == docs.count else { return .failure(.notCanonical) }
        return .success(reports)
    }

    static func message(_ problem: HarvestInputs.JSONProblem) -> String {
        switch problem {
        case .notJSON: "is not JSON (nor JSON Lines); pass a file written by `govreport extract`"
        case .notCanonical: "is JSON but not govreport/1 documents; pass a file written by `govreport extract`"
        case .tooDeep: "is JSON nested more than \(ExactJSON.maxDepth) levels deep, which no govreport/1 document is;"
            + " pass a file written by `govreport extract`"
        }
    }

    private mutating func jsonProblem(_ file: HarvestInputs.File, _ problem: HarvestInputs.JSONProblem,
                                      runner: inout InputRunner) {
        if file.walked {
            skippedJSON.append(file.path)
            return
        }
        fail(file.path, Self.message(problem), runner: &runner)
    }
}

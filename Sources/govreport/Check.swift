import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check reports, one or a whole harvest: the template's rules, across reports, prose against tables.",
            discussion: """
                Inputs are report files (PDF, Word .docx, .doc/.wps/.rtf/.odt through LibreOffice, web
                pages, text; told by content, not by name), `-` for one report (or canonical JSON) on
                standard input, folders (walked recursively for .pdf, .docx, .doc, .wps, .rtf, .odt,
                .html, .htm, .txt, .json, .jsonl; JSON there that is not govreport/1 is skipped, and the
                other files skipped are counted on stderr), and canonical JSON written by
                `govreport extract` or a batch: one document, an array (up to 32 MiB), or JSON Lines (read a line at a
                time; a line over 16 MiB or not a document is named and skipped; --timeout and --max-memory bound
                a JSON file as a whole, see the README). A document is its path: the same
                bytes under two paths are two documents (and a cross.duplicate warning); a report and the
                JSON extracted from it are one.

                Rules: every rule of the spec on each report (the 勾稽关系 and totals),
                with the cells involved, expected vs actual and the page the numbers are
                printed on; across reports, an organization's 四、结转下年度继续办理
                of year N against its 二、上年结转 of year N+1 (error), the same report
                harvested twice and a year missing in an organization's run (warnings);
                and numbers the prose states against the table cells that state the
                same fact (warnings, quoting both).

                EXIT STATUS
                  0  every input was read and no report has an error finding
                  1  a report has an error finding
                  2  usage error
                  3  an input could not be read (4 encrypted PDF, 5 no text layer, 6 not a report,
                     9 undecodable text, 10 needs LibreOffice, 11 stopped at --timeout or --max-memory, as for extract);
                     the status is the first unreadable input's
                  8  the output (stdout, --out or --sqlite) cannot be written
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, html
        }

        @Argument(help: "Report files, folders of them, canonical JSON files, or - (standard input).")
        var inputs: [String]

        @Option(help: "text (the terminal report), json, or html (a self-contained page for a harvest).")
        var format: Format = .text

        @Flag(help: "Same as --format json.")
        var json = false

        @Option(name: .customLong("out"), help: ArgumentHelp("Write the output to FILE instead of standard output.",
                                                             valueName: "FILE"))
        var outPath: String?

        @Option(help: ArgumentHelp("Also write the reports and their findings (cross-report ones included) "
                                   + "into a SQLite archive with the batch archive's schema.", valueName: "FILE"))
        var sqlite: String?

        @Flag(help: "JSON: give each cell's box on its page (PDF points, origin top-left) besides its page.")
        var provenance = false

        @Option(help: "How PDF tables are read: auto (text alignment, rulings when that is not clean), text, ruled.")
        var tables: TableStrategy = .auto

        @OptionGroup var limits: DocumentLimits

        @Option(help: "Scanned pages: never (the default: a scan is no_text_layer), auto (read pages without a usable text layer by OCR; experimental, see the README), always.")
        var ocr: OCRMode = .never

        var effectiveFormat: Format { json ? .json : format }

        func validate() throws {
            if json && format != .text && format != .json {
                throw ValidationError("--json and --format \(format.rawValue) ask for different outputs; give one")
            }
        }

        func run() throws {
            var runner = InputRunner(tables: tables, ocr: ocr, limits: limits, provenance: true)
            defer { runner.finish() }
            var harvest = Harvest()
            var skipped = SkippedFiles()
            let expanded = inputs.map { arg in
                (arg: arg, files: arg == "-" ? [] : HarvestInputs.expand([arg], skipped: &skipped))
            }
            let progress = BatchProgress.forFiles(expanded.reduce(0) { $0 + $1.files.count })
            for (arg, files) in expanded {
                if arg == "-" {
                    harvest.readStandardInput(runner: &runner)
                    continue
                }
                if files.isEmpty {
                    harvest.fail(arg, "is a folder with no report (.pdf, .docx, .html, .txt, …) or JSON files in it",
                                 runner: &runner)
                }
                for file in files {
                    let failed = harvest.failures.count
                    harvest.read(file, runner: &runner, limits: limits)
                    progress.record(ok: harvest.failures.count == failed)
                }
            }
            progress.finish()
            harvest.reportNotes()
            if let note = skipped.summary() { Stderr.line("govreport: \(note)") }

            let checked = ReportChecker.check(harvest.entries, inputs: harvest.origins)
            let output: String
            switch effectiveFormat {
            case .text:
                let summary = HarvestSummary(checked, unreadable: harvest.failures.count)
                output = TextCheckWriter(color: outPath == nil && Self.colorTerminal).write(checked, summary: summary)
            case .json:
                output = CheckJSONWriter(provenance: provenance).json(checked).serialized()
            case .html:
                output = HTMLReportWriter().html(checked, failures: harvest.failures)
            }
            try emit(output, reports: checked.count)
            if let sqlite { try writeArchive(checked, to: sqlite) }

            if let status = runner.firstFailure { throw ExitCode(status) }
            if checked.contains(where: { $0.errors > 0 }) { throw ExitCode(ExitStatus.findings) }
        }

        func emit(_ output: String, reports: Int) throws {
            guard let outPath else {
                if !output.isEmpty { try Stdout.line(output) }
                return
            }
            try OutputFile.write(Array((output.hasSuffix("\n") ? output : output + "\n").utf8), to: outPath)
            Stderr.line("govreport: wrote \(outPath) (\(reports) report\(reports == 1 ? "" : "s"))")
        }

        func writeArchive(_ checked: [CheckedReport], to path: String) throws {
            do {
                try CheckArchive.write(checked, to: URL(fileURLWithPath: path))
            } catch {
                let why = (error as? BatchIOError)?.reason ?? ErrorText.describe(error)
                Stderr.line("govreport: \(path): cannot be written (\(why)); choose another output file")
                throw ExitCode(ExitStatus.outputUnusable)
            }
            let findings = checked.reduce(0) { $0 + $1.findings.count }
            Stderr.line("govreport: wrote \(path) (\(checked.count) report(s), \(findings) finding(s))")
        }

        static var colorTerminal: Bool {
            isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}

/// The reports of a check run as they are read, and what could not be read.
struct Harvest {
    var entries: [HarvestChecker.Entry] = []
    /// For each entry, the JSON file it was read from (nil for a report file).
    var origins: [String?] = []
    var failures: [HTMLReportWriter.Failure] = []
    /// Source path and SHA-256 of the reports read so far: a document met again under the same
    /// source path (a batch's per-document JSON and its reports.jsonl, a PDF and the JSON
    /// extracted from it) is checked once.
    var seen = Set<String>()
    var repeated = 0
    var skippedJSON: [String] = []

    /// `-`: one report, or canonical JSON, read from standard input.
    mutating func readStandardInput(runner: inout InputRunner) {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let first = data.first { !(" \t\r\n".utf8.contains($0)) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "["), case .success(let reports) = HarvestInputs.reports(inJSON: data) {
            for report in reports { add(report, path: report.source.path.isEmpty ? "-" : report.source.path, origin: "-") }
            return
        }
        do {
            let tables = runner.tables
            add(try LibraryNoise.quieted { () throws(InputError) in try ReportExtractor.extract(data: data, name: "-", tables: tables) },
                path: "-", origin: nil)
        } catch {
            fail("-", error, runner: &runner)
        }
    }

    /// Reads one input; a JSON file within `limits` (of `check`; none when nil).
    mutating func read(_ file: HarvestInputs.File, runner: inout InputRunner, limits: DocumentLimits? = nil) {
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
    mutating func fail(_ path: String, _ error: InputError, runner: inout InputRunner) {
        fail(path, DocumentFailure(error), runner: &runner)
    }

    mutating func fail(_ path: String, _ failure: DocumentFailure, runner: inout InputRunner) {
        runner.fail(path, failure)
        failures.append(.init(path: path, reason: "\(failure.explanation) [\(failure.code)]"))
    }

    mutating func fail(_ path: String, _ message: String, runner: inout InputRunner) {
        runner.fail(path, message: message)
        failures.append(.init(path: path, reason: message))
    }

    /// Adds the report unless it was read before; returns its key in `seen` when added.
    @discardableResult
    mutating func add(_ report: CanonicalReport, path: String, origin: String?) -> String? {
        // A document is its source path: a report and the JSON extracted from it (which records
        // that path and the report's hash) are one; the same bytes under two paths are two
        // documents, which the cross-report check calls duplicates.
        let parts = report.source.path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let source = (report.source.path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        let key = source + "\u{0}" + report.source.sha256
        guard seen.insert(key).inserted else {
            repeated += 1
            return nil
        }
        entries.append(.init(path: path, report: report))
        origins.append(origin)
        return key
    }

    func reportNotes() {
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

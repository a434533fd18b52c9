import ArgumentParser
import Foundation
import GovReport

extension GovReportCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check reports, one or a whole harvest: the template's rules, across reports, prose against tables.",
            discussion: """
                Inputs are report files (.pdf, .txt), folders (walked recursively for .pdf, .txt, .html,
                .json, .jsonl; JSON there that is not govreport/1 is skipped), and canonical JSON written
                by `govreport extract` or a batch: one document, an array, or JSON Lines.

                Rules: every rule of the spec on each report (the 勾稽关系 and totals), with the cells
                involved, expected vs actual and the page the numbers are printed on; across reports,
                an organization's 四、结转下年度继续办理 of year N against its 二、上年结转 of year N+1
                (error), the same report harvested twice and a year missing in an organization's run
                (warnings); and numbers the prose states against the table cells that state the same
                fact (warnings, quoting both).

                EXIT STATUS
                  0  every input was read and no report has an error finding (warnings allowed)
                  1  a report has an error finding
                  2  usage error (or the --out file cannot be written)
                  3  an input could not be read (4 encrypted PDF, 5 no text layer, 6 not a report,
                     as for extract); the status is the first unreadable input's
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, html
        }

        @Argument(help: "Report files, folders of them, or canonical JSON files.")
        var inputs: [String]

        @Option(help: "text (the terminal report), json, or html (a self-contained page for a harvest).")
        var format: Format = .text

        @Flag(help: "Same as --format json.")
        var json = false

        @Option(name: .customLong("out"), help: ArgumentHelp("Write the output to FILE instead of standard output.",
                                                             valueName: "FILE"))
        var outPath: String?

        @Flag(help: "JSON: give each cell's box on its page (PDF points, origin top-left) besides its page.")
        var provenance = false

        @Option(help: "How PDF tables are read: auto (text alignment, rulings when that is not clean), text, ruled.")
        var tables: TableStrategy = .auto

        @Option(help: "Pages without a usable text layer (scans): auto (read them by OCR), always, never.")
        var ocr: OCRMode = .auto

        var effectiveFormat: Format { json ? .json : format }

        func validate() throws {
            if json && format != .text && format != .json {
                throw ValidationError("--json and --format \(format.rawValue) ask for different outputs; give one")
            }
        }

        func run() throws {
            var runner = InputRunner(tables: tables, ocr: ocr)
            var harvest = Harvest()
            for arg in inputs {
                let files = HarvestInputs.expand([arg])
                if files.isEmpty {
                    harvest.fail(arg, "is a folder with no report (.pdf, .txt, .html) or JSON files in it", runner: &runner)
                }
                for file in files { harvest.read(file, runner: &runner) }
            }
            harvest.reportNotes()

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

            if let status = runner.firstFailure { throw ExitCode(status) }
            if checked.contains(where: { $0.errors > 0 }) { throw ExitCode(ExitStatus.findings) }
        }

        func emit(_ output: String, reports: Int) throws {
            guard let outPath else {
                if !output.isEmpty { print(output) }
                return
            }
            let text = output.hasSuffix("\n") ? output : output + "\n"
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: outPath), options: .atomic)
            } catch {
                Stderr.line("govreport: \(outPath): cannot be written (\(error.localizedDescription))")
                throw ExitCode(ExitStatus.usage)
            }
            Stderr.line("govreport: wrote \(outPath) (\(reports) report\(reports == 1 ? "" : "s"))")
        }

        static var colorTerminal: Bool {
            isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}

/// The reports of a check run as they are read, and what could not be read.
private struct Harvest {
    var entries: [HarvestChecker.Entry] = []
    /// For each entry, the JSON file it was read from (nil for a report file).
    var origins: [String?] = []
    var failures: [HTMLReportWriter.Failure] = []
    /// Source file name and SHA-256 of the reports read so far: a document met again under the
    /// same name (a batch's per-document JSON and its reports.jsonl, a PDF beside its JSON) is
    /// checked once.
    var seen = Set<String>()
    var repeated = 0
    var skippedJSON: [String] = []

    mutating func read(_ file: HarvestInputs.File, runner: inout InputRunner) {
        guard file.isJSON else {
            do {
                add(try ReportExtractor.extract(path: file.path, tables: runner.tables, ocr: runner.ocr), path: file.path, origin: nil)
            } catch {
                fail(file.path, error, runner: &runner)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let error: InputError = FileManager.default.fileExists(atPath: file.path) ? .unreadable("permission denied")
                : .notFound
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
            if file.walked {
                skippedJSON.append(file.path)
                return
            }
            let message = problem == .notJSON
                ? "is not JSON (nor JSON Lines); pass a file written by `govreport extract`"
                : "is JSON but not govreport/1 documents; pass a file written by `govreport extract`"
            fail(file.path, message, runner: &runner)
        }
    }

    /// An input that could not be read: said on stderr (with the exit status it sets) and
    /// listed in the HTML report.
    mutating func fail(_ path: String, _ error: InputError, runner: inout InputRunner) {
        runner.fail(path, error)
        failures.append(.init(path: path, reason: "\(error.explanation) [\(error.code)]"))
    }

    mutating func fail(_ path: String, _ message: String, runner: inout InputRunner) {
        runner.fail(path, message: message)
        failures.append(.init(path: path, reason: message))
    }

    mutating func add(_ report: CanonicalReport, path: String, origin: String?) {
        // By file name and content: a report and the JSON extracted from it (which records
        // the name it was given) are one document.
        let name = (report.source.path as NSString).lastPathComponent
        guard seen.insert(name + "\u{0}" + report.source.sha256).inserted else {
            repeated += 1
            return
        }
        entries.append(.init(path: path, report: report))
        origins.append(origin)
    }

    func reportNotes() {
        if let first = skippedJSON.first {
            let more = skippedJSON.count > 1 ? " and \(skippedJSON.count - 1) more" : ""
            Stderr.line("govreport: skipped JSON that is not govreport/1 documents: \(first)\(more)")
        }
        if repeated > 0 {
            Stderr.line("govreport: \(repeated) document(s) were read again under the same name (e.g. a batch's docs/ and reports.jsonl); each is checked once")
        }
    }
}

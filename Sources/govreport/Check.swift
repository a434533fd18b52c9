import ArgumentParser
import Foundation
import GovReport
import GovReportChecking
import GovReportBatch

extension GovReportCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check reports, one or a whole harvest: the template's rules, across reports, prose against tables.",
            discussion: """
                Inputs are report files (PDF, Word .docx, .doc/.wps/.rtf/.odt through
                LibreOffice, web pages, text, Markdown; told by content, not by name), `-` for
                one report (or canonical JSON) on standard input, folders (walked recursively
                for .pdf, .docx, .doc, .wps, .rtf, .odt, .html, .htm, .shtml, .xhtml, .mht,
                .mhtml, .txt, .md, .markdown, .json, .jsonl; JSON there that is not govreport/1
                is skipped, and the other files skipped are counted on stderr), and canonical
                JSON written by `govreport extract` or a batch: one document, an array (up to
                32 MiB), or JSON Lines (read a line at a time; a line over 16 MiB or not a
                document is named and skipped; --timeout and --max-memory bound a JSON file as
                a whole, see the README). A document is its path: the same bytes under two
                paths are two documents (and a cross.duplicate warning); a report and the JSON
                extracted from it are one.

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
                  3  an input could not be read (4 encrypted PDF, 5 no text layer, 6 not a
                     report, 9 undecodable text, 10 needs LibreOffice, 11 stopped at --timeout
                     or --max-memory, as for extract); the status is the first unreadable
                     input's
                  8  the output (stdout, --out or --sqlite) cannot be written
                """)

        @Argument(help: "Report files, folders of them, canonical JSON files, or - (standard input).")
        var inputs: [String]

        @Option(help: "text (the terminal report), json, or html (a self-contained page for a harvest).")
        var format: OutputFormat = .text

        @Flag(help: "Same as --format json.")
        var json = false

        @OptionGroup var output: OutputFileOptions
        var outPath: String? { output.outPath }

        @Option(help: ArgumentHelp("Also write the reports and their findings (cross-report ones included) "
                                   + "into a SQLite archive with the batch archive's schema.", valueName: "FILE"))
        var sqlite: String?

        @Flag(help: "JSON: give each cell's box on its page (PDF points, origin top-left) besides its page.")
        var provenance = false

        @OptionGroup var reading: TableOptions

        @OptionGroup var limits: LimitOptions<ReadingLimits>

        @OptionGroup var scans: OCROptions

        var effectiveFormat: OutputFormat { json ? .json : format }

        func validate() throws {
            if json && format != .text && format != .json {
                throw ValidationError("--json and --format \(format.rawValue) ask for different outputs; give one")
            }
        }

        func run() throws {
            var runner = InputRunner(tables: reading.tables, ocr: scans.ocr, limits: limits.limits, provenance: true)
            defer { runner.finish() }
            var harvest = Harvest()
            harvest.readCheckInputs(inputs, runner: &runner, limits: limits.limits)

            let checked = ReportChecker.check(harvest.entries, inputs: harvest.origins)
            let output: String
            switch effectiveFormat {
            case .text:
                let summary = HarvestSummary(checked, unreadable: harvest.failures.count)
                output = TextCheckWriter(color: outPath == nil && Stdout.colorTerminal).write(checked, summary: summary)
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
            try OutputFile.refuseInput(outPath, inputs: inputs)
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
    }
}

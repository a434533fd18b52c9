import ArgumentParser
import Foundation
import GovReport
import GovReportChecking
import GovReportBatch

extension GovReportCommand {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare an organization's reports year over year: numbers, carried numbers, prose copied from last year.",
            discussion: """
                `govreport compare OLD NEW` compares two reports (any input check reads: PDF,
                scans by OCR, Word, web page, text, Markdown, canonical JSON), normally one
                organization's reports for consecutive years: every cell both print with its
                change (a blank counts as 0), the cells only one prints (a 2019 format report
                against a 2021 one), OLD's 四、结转下年度继续办理 against NEW's
                二、上年结转 column by column, and the paragraphs of NEW's parts 一、五、六
                that repeat a paragraph of OLD (numbers and years aside), with the share of
                each part that is repeated. A warning says when the organizations differ (the
                prose is then not compared) or the years are not consecutive.

                `govreport compare --by-organization INPUT...` reads files, folders, JSON Lines or a \
                batch folder, pairs each organization's reports of consecutive years (organizations \
                matched as check matches them) and writes one comparison per pair: JSON Lines with \
                --format json, one page with an index with --format html.

                EXIT STATUS
                  0  the reports were compared (findings and warnings are data)
                  2  usage error (not two reports)
                  3  an input could not be read (4 encrypted PDF, 5 no text layer,
                     6 not a report, 11 stopped at --timeout or --max-memory, as for
                     extract); the first unreadable input's
                  8  the output (stdout or --out) cannot be written
                """)

        @Argument(help: "OLD and NEW (report files or canonical JSON); with --by-organization, any number of files and folders.")
        var inputs: [String]

        @Flag(help: "Pair each organization's reports of consecutive years among the inputs and compare each pair.")
        var byOrganization = false

        @Option(help: "text (the terminal view), json (govreport-compare/1; JSON Lines with --by-organization), or html (a self-contained page).")
        var format: OutputFormat = .text

        @OptionGroup var output: OutputFileOptions
        var outPath: String? { output.outPath }

        @OptionGroup var reading: TableOptions

        @OptionGroup var limits: LimitOptions<ReadingLimits>

        @OptionGroup var scans: OCROptions

        func validate() throws {
            if !byOrganization && inputs.count != 2 {
                throw ValidationError("compare takes two reports, OLD and NEW (\(inputs.count) given); use --by-organization for a harvest")
            }
        }

        func run() throws {
            // Read as `check` reads: scans by OCR, each document bounded in time and memory.
            var runner = InputRunner(tables: reading.tables, ocr: scans.ocr, limits: limits.limits)
            defer { runner.finish() }
            var harvest = Harvest()
            harvest.readCompareInputs(inputs, runner: &runner, limits: limits.limits)

            let comparisons: [ReportComparison]
            if byOrganization {
                let (pairs, left) = ReportComparer.pairs(harvest.entries)
                if !left.isEmpty {
                    Stderr.line("govreport: \(left.count) report(s) left out: no organization or year, or a second report of one organization and year (e.g. \(harvest.entries[left[0]].path))")
                }
                comparisons = pairs.map { ReportComparer.compare(harvest.entries[$0.from], harvest.entries[$0.to]) }
                if comparisons.isEmpty { Stderr.line("govreport: no organization has reports of two years among the inputs") }
            } else {
                if let status = runner.firstFailure { throw ExitCode(status) }
                guard harvest.entries.count == 2 else {
                    Stderr.line("govreport: compare needs two reports, OLD and NEW; the inputs hold \(harvest.entries.count) (one document each, and not the same document twice)")
                    throw ExitCode(ExitStatus.usage)
                }
                let c = ReportComparer.compare(harvest.entries[0], harvest.entries[1])
                for w in c.warnings { Stderr.line("govreport: warning: \(w.finding.message)") }
                comparisons = [c]
            }

            let output: String
            switch format {
            case .text:
                let writer = CompareTextWriter(color: outPath == nil && Stdout.colorTerminal)
                output = comparisons.map(writer.write).joined(separator: "\n\n" + String(repeating: "─", count: 60) + "\n\n")
            case .json:
                let writer = CompareJSONWriter()
                output = byOrganization
                    ? comparisons.map { writer.json($0).serialized(pretty: false) }.joined(separator: "\n")
                    : writer.json(comparisons[0]).serialized()
            case .html:
                output = CompareHTMLWriter().html(comparisons)
            }
            try emit(output, comparisons: comparisons.count)
            if let status = runner.firstFailure { throw ExitCode(status) }
        }

        func emit(_ output: String, comparisons: Int) throws {
            // Every write is checked (a full disk is exit status 8); --out goes through the same
            // writer as check's: a device or FIFO is written into, never replaced.
            guard let outPath else {
                if !output.isEmpty { try Stdout.write(output + "\n") }
                return
            }
            let text = output.hasSuffix("\n") || output.isEmpty ? output : output + "\n"
            try OutputFile.refuseInput(outPath, inputs: inputs)
            try OutputFile.write(Array(text.utf8), to: outPath)
            Stderr.line("govreport: wrote \(outPath) (\(comparisons) comparison\(comparisons == 1 ? "" : "s"))")
        }
    }
}

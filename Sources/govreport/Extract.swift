import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print canonical govreport/1 JSON for each report.",
            discussion: """
                One input prints one JSON document; several print a JSON array in argument order \
                (or, with --jsonl, one document per line). Inputs that cannot be read are reported \
                on stderr and left out; the others are still printed.

                Inputs are told by their content, not their name: PDF, Word .docx, web pages,
                text, Markdown; .doc, .wps, .rtf and .odt are converted by LibreOffice first
                (exit 10 without it). Other formats (OFD, archives, images, other Office files)
                are refused with an error naming the format (exit 3). `-` reads one report from
                standard input.
                """)

        @Argument(help: "Report files (.pdf, .docx, .doc, .wps, .rtf, .odt, .html, .txt, .md), or - for standard input.")
        var files: [String]

        @Flag(help: "One compact JSON document per line (JSON Lines).")
        var jsonl = false

        @Flag(help: "Add a `provenance` object: the page and box (PDF points, origin top-left) of every cell.")
        var provenance = false

        @OptionGroup var reading: TableOptions

        @OptionGroup var scans: OCROptions

        @OptionGroup var limits: LimitOptions<ReadingLimits>

        func run() throws {
            var runner = InputRunner(tables: reading.tables, ocr: scans.ocr, limits: limits.limits, provenance: provenance)
            defer { runner.finish() }
            var docs: [JSONValue] = []
            let progress = BatchProgress.forFiles(files.count)
            defer { progress.finish() }
            for path in files {
                let doc = runner.document(path, provenance: provenance)
                progress.record(ok: doc != nil, findings: doc?["findings"]?.array?.count ?? 0)
                guard let doc else { continue }
                if jsonl {
                    try Stdout.line(doc.serialized(pretty: false))
                } else {
                    docs.append(doc)
                }
            }
            if !jsonl {
                if files.count == 1, let doc = docs.first {
                    try Stdout.line(doc.serialized())
                } else if files.count > 1 {
                    try Stdout.line(JSONValue.array(docs).serialized())
                }
            }
            if let status = runner.firstFailure { throw ExitCode(status) }
        }
    }
}


import ArgumentParser
import Foundation
import GovReport

extension GovReportCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print canonical govreport/1 JSON for each report.",
            discussion: """
                One input prints one JSON document; several print a JSON array in argument order \
                (or, with --jsonl, one document per line). Inputs that cannot be read are reported \
                on stderr and left out; the others are still printed.
                """)

        @Argument(help: "Report files (.pdf, .html, .txt).")
        var files: [String]

        @Flag(help: "One compact JSON document per line (JSON Lines).")
        var jsonl = false

        @Flag(help: "Add a `provenance` object: the page and box (PDF points, origin top-left) of every cell.")
        var provenance = false

        @Option(help: "How PDF tables are read: auto (text alignment, rulings when that is not clean), text, ruled.")
        var tables: TableStrategy = .auto

        func run() throws {
            var runner = InputRunner(tables: tables)
            var docs: [JSONValue] = []
            let progress = BatchProgress.forFiles(files.count)
            defer { progress.finish() }
            for path in files {
                let report = runner.extract(path)
                progress.record(ok: report != nil, findings: report?.findings.count ?? 0)
                guard let report else { continue }
                if jsonl {
                    try Stdout.line(report.json(provenance: provenance).serialized(pretty: false))
                } else {
                    docs.append(report.json(provenance: provenance))
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

extension TableStrategy: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import GovReport

extension GovReportCommand {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print canonical govreport/1 JSON for each report.",
            discussion: """
                One input prints one JSON document; several print a JSON array in argument order
                (or, with --jsonl, one document per line). Inputs that cannot be read are reported
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

        @Option(help: "Pages without a usable text layer (scans): auto (read them by OCR), always (OCR every page), never (no OCR: such a PDF is no_text_layer).")
        var ocr: OCRMode = .auto

        func run() throws {
            var runner = InputRunner(tables: tables, ocr: ocr)
            var docs: [JSONValue] = []
            for path in files {
                guard let report = runner.extract(path) else { continue }
                if jsonl {
                    print(report.json(provenance: provenance).serialized(pretty: false))
                } else {
                    docs.append(report.json(provenance: provenance))
                }
            }
            if !jsonl {
                if files.count == 1, let doc = docs.first {
                    print(doc.serialized())
                } else if files.count > 1 {
                    print(JSONValue.array(docs).serialized())
                }
            }
            if let status = runner.firstFailure { throw ExitCode(status) }
        }
    }
}

extension TableStrategy: ExpressibleByArgument {}
extension OCRMode: ExpressibleByArgument {}

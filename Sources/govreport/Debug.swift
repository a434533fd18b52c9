import ArgumentParser
import Foundation
import GovReport

extension GovReportCommand {
    struct Debug: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw what the table stages saw over a rendered PDF page.",
            discussion: """
                Writes a PNG of the page with the ruling lines found (red), every word's box (grey),
                each value's cell with the column it went to (blue) and each row label with the
                template row it matched (green) — to see why a number landed where it did.
                """)

        @Argument(help: "A PDF report.") var file: String
        @Option(help: "Page number (1-based); default: the first page of the applications table.") var page: Int?
        @Option(help: "Where to write the PNG.") var png: String
        @Option(help: "Pixels per point.") var scale: Double = 2
        @Option(help: "How tables are read: auto, text, ruled.") var tables: TableStrategy = .auto

        func run() throws {
            let result: (report: CanonicalReport, layouts: [PageLayout])
            do { result = try ReportExtractor.inspectPDF(path: file, tables: tables) } catch {
                Stderr.line("govreport: \(file): \(error.explanation) [\(error.code)]")
                throw ExitCode(ExitStatus.status(for: error))
            }
            let number = page ?? result.report.applications.rows.compactMap(\.page).min() ?? 1
            guard let layout = result.layouts.first(where: { $0.number == number }) else {
                Stderr.line("govreport: \(file): has no page \(number) (it has \(result.layouts.count))")
                throw ExitCode.validationFailure
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw ExitCode(ExitStatus.unreadable) }
            let doc = try PopplerDocument(data: data)
            try doc.writeDebugPNG(page: number - 1, scale: scale,
                                  overlay: DebugOverlay(page: layout, report: result.report), to: png)
            Stderr.line("govreport: wrote \(png) (page \(number), \(layout.rulings.count) rulings)")
        }
    }
}

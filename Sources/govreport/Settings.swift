import ArgumentParser
import GovReport
import GovReportBatch

extension GovReportCommand {
    /// `govreport settings`: the table finder's tolerances in force.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the tolerances the table finder uses.",
            discussion: """
                Every tolerance of line building, the ruling filter and the table finder's stages \
                (rows, columns, cells, labels, parts), with its unit: em is a glyph's height (the \
                font size as printed), pt a PDF point. Plain text lists one setting a line; \
                --format json prints them as JSON with sorted keys.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "text or json.") var format: Format = .text

        func run() throws {
            let settings = TableFinderSettings.standard
            try Stdout.write(format == .json ? settings.json : settings.text)
        }
    }
}

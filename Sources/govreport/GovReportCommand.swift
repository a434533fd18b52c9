import ArgumentParser
import Foundation
import GovReport

@main
struct GovReportCommand: ParsableCommand {
    /// Runs the command, with usage errors exiting 2 as documented (ArgumentParser's own
    /// status for them is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "govreport",
        abstract: "Turn Chinese government information-disclosure annual reports into checked canonical JSON.",
        discussion: """
            Reads 政府信息公开工作年度报告 (PDF, web page or text), rebuilds the three standard tables on the
            national template (2021 or 2019 format) and prints govreport/1 JSON.

            EXIT STATUS
              0  every input was read (check: and no error findings)
              1  check: a report does not add up (error findings)
              2  usage error
              3  an input could not be read: missing, a directory, empty, not a PDF/HTML/text report,
                 damaged or truncated PDF, unknown text encoding
              4  an input PDF is password-protected
              5  an input PDF has no usable text: a scan (needs OCR), text drawn as outlines,
                 or fonts whose data is not installed (the message names the package)
              6  an input is readable but is not a disclosure annual report
              7  batch: one or more inputs could not be extracted (listed in failures.csv)
              8  batch, merge: the output cannot be written, another batch is writing there,
                 or the workers cannot start
              9  an input PDF has text whose glyphs cannot be decoded (names the pages)
            With several inputs, the others are still processed; the status is the first failure's.
            """,
        subcommands: [Extract.self, Check.self, Layout.self, Debug.self, Batch.self, Merge.self, Worker.self]
    )
}

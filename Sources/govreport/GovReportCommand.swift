import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

@main
struct GovReportCommand: ParsableCommand {
    /// Runs the command, with usage errors exiting 2 as documented (ArgumentParser's own
    /// status for them is 64).
    static func main() {
        if let word = CommandLine.arguments.dropFirst().first, let message = unknownCommand(word) {
            Stderr.line(message)
            Foundation.exit(ExitStatus.usage)
        }
        var parsed: ParsableCommand.Type = GovReportCommand.self
        do {
            var command = try parseAsRoot(rawArguments)
            parsed = type(of: command)
            try command.run()
        } catch let failure as CommandFailure {
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((usageMessage(for: error, in: parsed) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }

    /// A usage error with the usage of the command it is about: one found while parsing names
    /// its command itself; one a command's `run` finds (a `--files-from` list that cannot be read)
    /// gets that command's usage, not the top command's.
    static func usageMessage(for error: Error, in command: ParsableCommand.Type) -> String {
        guard command != GovReportCommand.self, let validation = error as? ValidationError else {
            return fullMessage(for: error)
        }
        return "Error: \(validation.message)\nUsage: \(usageString(for: command))\n"
            + "  See 'govreport \(command._commandName) --help' for more information."
    }

    /// The arguments as bytes, a name that is not UTF-8 (GBK) written as `RawPath` writes it, so
    /// that it still names its file (Swift's own decoding would replace its bytes with U+FFFD).
    static var rawArguments: [String] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return "" }
            return RawPath.string(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self),
                                                      count: strlen(p)))
        }
    }

    /// The message for a first argument that is not a command (`govreport extrac …`), with the
    /// nearest command's name; nil for a command or an option.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-") else { return nil }
        let visible = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let nearest = visible.map { (name: $0, distance: editDistance(word.lowercased(), $0)) }
            .min { $0.distance < $1.distance }
        var message = "govreport: '\(word)' is not a command"
        if FileManager.default.fileExists(atPath: word) {
            message += "; to read this file: govreport extract \(word)"
        } else if let nearest, nearest.distance <= 2 || nearest.name.hasPrefix(word.lowercased()) {
            message += "; did you mean '\(nearest.name)'?"
        }
        return message + " (commands: \(visible.joined(separator: ", ")); govreport --help says more)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    static let configuration = CommandConfiguration(
        commandName: "govreport",
        abstract: "Turn Chinese government information-disclosure annual reports into checked canonical JSON.",
        discussion: """
            Reads 政府信息公开工作年度报告 (PDF, scans by OCR, Word, web page,
            text or Markdown), rebuilds the three standard tables on the national
            template (2021 or 2019 format) and prints govreport/1 JSON.

            EXIT STATUS
              0  every input was read (check: and no error findings)
              1  check: a report does not add up (error findings)
              2  usage error
              3  an input could not be read: missing, a directory, empty, not a
                 report of a kind govreport reads, damaged or truncated, unknown
                 encoding
              4  an input PDF is password-protected
              5  an input PDF has no usable text: a scan OCR found no report on, text
                 drawn as outlines, or fonts whose data is not installed (the message
                 names the package)
              6  an input is readable but is not a disclosure annual report
              7  batch: one or more inputs could not be extracted (failures.csv)
              8  the output cannot be written (stdout, a named file); batch, merge:
                 another batch is writing there, or the workers cannot start
              9  an input PDF has text whose glyphs cannot be decoded (names the pages)
             10  an input needs LibreOffice to be converted, and it is not installed
             11  extract, check: a document was stopped at its --timeout or --max-memory

            With several inputs, the others are still processed; the status is \
            the first failure's.
            """,
        version: GovReportVersion.current,
        subcommands: [Extract.self, Check.self, Compare.self, Layout.self, Debug.self, Settings.self, Batch.self, Merge.self,
                      Worker.self]
    )
}

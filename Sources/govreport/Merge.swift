import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the SQLite archives of a sharded batch into one.",
            discussion: """
                The result has the rows (ids included) that one unsharded batch over all the inputs \
                would have written. An input found in two archives is an error. The JSONL and CSV \
                files of the shards merge by concatenation: cat out/reports-*-of-N.jsonl.
                """)

        @Argument(help: ArgumentHelp("Archives written by `govreport batch --shard K/N`.", valueName: "archive"))
        var archives: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The merged archive to write.", valueName: "file"))
        var out: String

        func run() throws {
            for path in archives where access(path, R_OK) != 0 {
                let error = InputError.cannotOpen(path)
                Stderr.line("govreport: \(path): \(error.explanation) [\(error.code)]")
                throw ExitCode(ExitStatus.unreadable)
            }
            let destination = URL(fileURLWithPath: out)
            do {
                for path in archives { try ArchiveMerge.validate(URL(fileURLWithPath: path)) }
                try ArchiveMerge.merge(archives.map { URL(fileURLWithPath: $0) }, into: destination,
                                       temporaryDirectory: destination.deletingLastPathComponent())
            } catch let error as ArchiveMerge.MergeError {
                Stderr.line("govreport: \(error)")
                throw ExitCode(ExitStatus.unreadable)
            } catch {
                Stderr.line("govreport: merge: \(out): \(ErrorText.describe(error))")
                throw ExitCode(ExitStatus.outputUnusable)
            }
        }
    }
}

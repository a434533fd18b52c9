import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the outputs of a sharded batch: the shards' folder, or their SQLite archives.",
            discussion: """
                --shards DIR --out OUT: DIR holds the outputs of `govreport batch --shard K/N` (all \
                shards in DIR, or each in a subfolder of DIR); OUT receives exactly the files one \
                unsharded batch over all the inputs would have written (docs/, reports.jsonl, cells.csv, \
                failures.csv, reports.sqlite, manifest.jsonl). OUT may be DIR. Refused when a shard is \
                missing, there twice, or did not finish (its task was stopped: resubmit it, it resumes).

                ARCHIVE... --out FILE: one archive from the shards' SQLite archives, with the rows (ids \
                included) that one unsharded batch would have written. An input found in two archives \
                is an error.

                Exit status: 0 merged, 2 usage, 3 a shard or archive is missing, unfinished or not a \
                batch's, 8 the output cannot be written.
                """)

        @Argument(help: ArgumentHelp("Archives written by `govreport batch --shard K/N`.", valueName: "archive"))
        var archives: [String] = []

        @Option(help: ArgumentHelp("The folder the shards wrote to (or whose subfolders they wrote to).",
                                   valueName: "dir"))
        var shards: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("The merged archive (with archives) or folder (with --shards) to write.",
                                                        valueName: "path"))
        var out: String

        func validate() throws {
            guard (shards == nil) != archives.isEmpty else {
                throw ValidationError("name either the shards' folder (--shards DIR) or the archives to merge")
            }
        }

        func run() throws {
            if let shards { return try mergeShards(URL(fileURLWithPath: shards)) }
            for path in archives where !Posix.isReadable(path) {
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

        private func mergeShards(_ folder: URL) throws {
            let outputs: [ShardAssembly.ShardOutput]
            do { outputs = try ShardAssembly.find(in: folder) } catch {
                Stderr.line("govreport: merge: \(error)")
                throw ExitCode(ExitStatus.unreadable)
            }
            let layout = BatchLayout(root: URL(fileURLWithPath: out))
            let lock: FolderLock
            do { lock = try FolderLock.prepare(layout) } catch {
                Stderr.line("govreport: merge: \(error)")
                throw ExitCode(ExitStatus.outputUnusable)
            }
            defer { lock.release() }
            do {
                let tally = try ShardAssembly.assemble(outputs, into: layout)
                Stderr.line("merge: \(outputs.count) shard(s), \(tally.inputs) input(s): \(tally.ok) extracted, "
                            + "\(tally.failed) failed; outputs in \(layout.root.path)")
            } catch let error as ShardAssembly.AssemblyError {
                Stderr.line("govreport: merge: \(error)")
                throw ExitCode(ExitStatus.unreadable)
            } catch {
                Stderr.line("govreport: merge: \(error)")
                throw ExitCode(ExitStatus.outputUnusable)
            }
        }
    }
}

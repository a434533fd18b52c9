import ArgumentParser
import Foundation
import GovReport
import GovReportBatch

extension GovReportCommand {
    /// What `govreport batch` runs in its subprocesses: reads `WorkRequest` lines on stdin,
    /// extracts each document, writes its JSON file and answers one `WorkResult` line on stdout.
    struct Worker: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "(internal) Extract the documents named on stdin for `govreport batch`.",
            shouldDisplay: false)

        @OptionGroup var reading: TableOptions
        @OptionGroup var scans: OCROptions
        @Option(help: "Cap on this process's address space, in MiB (0: none).") var maxMemory = 0
        @Option(help: "Folder for temporary files (on the output's file system).") var temporaryDirectory: String
        @Option(help: "Exit when this process is no longer the parent.") var parentPid: Int32?
        @Flag(help: "Write the provenance object too.") var provenance = false
        @Option(help: "Seconds a LibreOffice conversion may take.") var convertTimeout: Double?

        func run() throws {
            var loop = WorkerLoop(temporaryDirectory: URL(fileURLWithPath: temporaryDirectory))
            loop.tables = reading.tables
            loop.ocr = scans.ocr
            loop.maxMemoryMiB = maxMemory
            loop.parentPID = parentPid
            loop.provenance = provenance
            loop.convertTimeout = convertTimeout
            try loop.run()
        }
    }
}

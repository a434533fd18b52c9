import ArgumentParser
import GovReportBatch

/// `--timeout` and `--max-memory` of `extract` and `check`.
struct DocumentLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds one document may take before it is stopped (0: no limit).",
                               valueName: "seconds"))
    var timeout: Double = 50

    @Option(help: ArgumentHelp("Memory cap of the process reading each document, in MiB (0: none).",
                               valueName: "MiB"))
    var maxMemory: Int = 1024

    func validate() throws {
        guard timeout >= 0, timeout.isFinite else { throw ValidationError("--timeout must be 0 (no limit) or a number of seconds") }
        guard maxMemory >= 0 else { throw ValidationError("--max-memory must be 0 (no cap) or a size in MiB") }
    }

    var limits: DocumentLimits { DocumentLimits(timeout: timeout, maxMemory: maxMemory) }
}

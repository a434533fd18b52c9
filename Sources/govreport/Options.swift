import ArgumentParser
import GovReport
import GovReportBatch

// The options several subcommands share, each declared once and pulled in with `@OptionGroup`.

/// `--tables`: how PDF tables are read.
struct TableOptions: ParsableArguments {
    @Option(help: "How PDF tables are read: auto (text alignment, rulings when that is not clean), text, ruled.")
    var tables: TableStrategy = .auto
}

/// `--ocr`: which pages are read by OCR.
struct OCROptions: ParsableArguments {
    @Option(help: "Scanned pages: auto (the default: pages without a usable text layer are read by OCR, and every number OCR is unsure of is marked cell.uncertain), always (every page by OCR), never (a scan is no_text_layer).")
    var ocr: OCRMode = .auto
}

/// What `--timeout` and `--max-memory` bound: a document read by `extract` or `check` (0 lifts
/// a bound), or one of a batch's workers (always bounded in time).
protocol LimitScope {
    static var timeoutHelp: String { get }
    static var maxMemoryHelp: String { get }
    /// Whether `--timeout 0` (no limit) is allowed.
    static var allowsNoTimeout: Bool { get }
}

enum ReadingLimits: LimitScope {
    static let timeoutHelp = "Seconds one document may take before it is stopped (0: no limit)."
    static let maxMemoryHelp = "Memory cap of the process reading each document, in MiB (0: none)."
    static let allowsNoTimeout = true
}

enum WorkerLimits: LimitScope {
    static let timeoutHelp = "Seconds one document may take before its worker is killed."
    static let maxMemoryHelp = "Address-space cap of each worker, in MiB (0: none)."
    static let allowsNoTimeout = false
}

/// `--timeout` and `--max-memory`: the bounds on reading one document.
struct LimitOptions<Scope: LimitScope>: ParsableArguments {
    @Option(help: ArgumentHelp(Scope.timeoutHelp, valueName: "seconds"))
    var timeout: Double = 50

    @Option(help: ArgumentHelp(Scope.maxMemoryHelp, valueName: "MiB"))
    var maxMemory: Int = 1024

    func validate() throws {
        if Scope.allowsNoTimeout {
            guard timeout >= 0, timeout.isFinite else {
                throw ValidationError("--timeout must be 0 (no limit) or a number of seconds")
            }
        } else {
            guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        }
        guard maxMemory >= 0 else { throw ValidationError("--max-memory must be 0 (no cap) or a size in MiB") }
    }

    var limits: DocumentLimits { DocumentLimits(timeout: timeout, maxMemory: maxMemory) }
}

/// `--format` of `check` and `compare`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

/// `--out FILE` of `check` and `compare`.
struct OutputFileOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("Write the output to FILE instead of standard output.",
                                                         valueName: "FILE"))
    var outPath: String?
}

extension TableStrategy: ExpressibleByArgument {}
extension OCRMode: ExpressibleByArgument {}
extension ShardChoice: ExpressibleByArgument {}
extension ProgressMode: ExpressibleByArgument {}

import Foundation

/// Where this run of a batch is.
public struct ProgressSnapshot: Sendable, Equatable {
    /// Inputs this run processes (those done before are not counted).
    public var total: Int
    public var done = 0
    public var ok = 0
    public var withFindings = 0
    public var failed = 0
    /// Documents and pages read by OCR so far.
    public var ocrDocuments = 0
    public var ocrPages = 0
    /// Seconds since this run's processing started.
    public var elapsed: Double = 0

    public init(total: Int, done: Int = 0, ok: Int = 0, withFindings: Int = 0, failed: Int = 0, elapsed: Double = 0) {
        self.total = total; self.done = done; self.ok = ok; self.withFindings = withFindings
        self.failed = failed; self.elapsed = elapsed
    }

    /// Documents per second so far (nil before the first result).
    public var rate: Double? { done > 0 && elapsed > 0 ? Double(done) / elapsed : nil }

    /// Seconds left at the rate so far.
    public var eta: Double? { rate.map { Double(total - done) / $0 } }

    /// OCR pages per second so far (nil before the first OCR'd document).
    public var pageRate: Double? { ocrPages > 0 && elapsed > 0 ? Double(ocrPages) / elapsed : nil }
}

/// How progress and the final summary read.
public enum ProgressFormat {
    /// A progress bar for a terminal line of `width` columns:
    /// `[#######-----------]  523/1000  52%  ok 500 (12 with findings)  failed 11  9.8/s  ETA 48s`.
    public static func bar(_ s: ProgressSnapshot, width: Int = 80) -> String {
        let fraction = s.total > 0 ? Double(s.done) / Double(s.total) : 1
        let eta = "  ETA " + (s.eta.map(duration) ?? "?")
        let head = "  \(s.done)/\(s.total)  \(Int((fraction * 100).rounded(.down)))%  ok \(s.ok)"
        let findings = s.withFindings > 0 ? " (\(s.withFindings) with findings)" : ""
        let failed = "  failed \(s.failed)"
        let rate = "  " + rate(s.rate) + ocrRate(s)
        // What fits beside a bar of at least 10 columns, the least needed parts dropped first.
        var tail = head + findings + failed + rate + eta
        if tail.count + 12 > width { tail = head + failed + rate + eta }
        if tail.count + 12 > width { tail = head + failed + eta }
        let barWidth = max(5, min(40, width - tail.count - 3))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
            + "]" + tail
    }

    /// A plain progress line for a log: `batch: 523/1000 (52%): 500 ok, 11 failed; 9.8 docs/s, ETA 48s`.
    public static func line(_ s: ProgressSnapshot) -> String {
        let percent = s.total > 0 ? Int((Double(s.done) / Double(s.total) * 100).rounded(.down)) : 100
        return "batch: \(s.done)/\(s.total) (\(percent)%): \(s.ok) ok"
            + (s.withFindings > 0 ? " (\(s.withFindings) with findings)" : "")
            + ", \(s.failed) failed; " + rate(s.rate) + ocrRate(s) + ", ETA " + (s.eta.map(duration) ?? "?")
    }

    /// ` (OCR 12 docs, 2.5 pages/s)` once a document was read by OCR; empty before.
    static func ocrRate(_ s: ProgressSnapshot) -> String {
        guard s.ocrDocuments > 0, let r = s.pageRate else { return "" }
        return " (OCR \(s.ocrDocuments) docs, " + String(format: r >= 10 ? "%.0f" : "%.1f", r) + " pages/s)"
    }

    static func rate(_ r: Double?) -> String {
        guard let r else { return "- docs/s" }
        return String(format: r >= 10 ? "%.0f docs/s" : "%.1f docs/s", r)
    }

    /// `0.4s`, `48s`, `3m05s`, `2h03m`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1fs", max(0, seconds)) }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }

    /// The summary at the end of a run.
    public static func summary(_ tally: BatchTally, processed: Int, skipped: Int, seconds: Double, jobs: Int,
                               ocr: (documents: Int, pages: Int) = (0, 0)) -> [String] {
        var lines = ["batch: \(tally.inputs) input(s): \(tally.ok) extracted"
                     + " (\(tally.ok - tally.withFindings) clean, \(tally.withFindings) with findings),"
                     + " \(tally.failed) failed" + (tally.pending > 0 ? ", \(tally.pending) not done" : "")]
        if !tally.failedByError.isEmpty {
            let kinds = tally.failedByError.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            lines.append("  failed by error: " + kinds.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        let r = seconds > 0 && processed > 0 ? ", " + rate(Double(processed) / seconds) : ""
        lines.append("  this run: \(processed) processed in \(duration(seconds))\(r) with \(jobs) job(s); "
                     + "\(skipped) done before, skipped")
        if ocr.documents > 0 {
            let r = seconds > 0 ? String(format: ", %.1f pages/s", Double(ocr.pages) / seconds) : ""
            lines.append("  read by OCR: \(ocr.documents) document(s), \(ocr.pages) page(s)\(r)")
        }
        if !tally.slowest.isEmpty {
            lines.append("  slowest:")
            for s in tally.slowest { lines.append("    " + String(format: "%7.2fs  ", s.seconds) + s.path) }
        }
        return lines
    }
}

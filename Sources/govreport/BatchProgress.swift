import ArgumentParser
import Foundation
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

/// How the batch shows progress on stderr.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    /// A bar on a terminal, plain periodic lines otherwise.
    case auto
    case bar
    case lines
    case none
}

/// Progress of a run on stderr: a bar redrawn in place on a terminal, or a plain line every
/// `interval` seconds for a log.
final class BatchProgress {
    private(set) var snapshot: ProgressSnapshot
    private let useBar: Bool
    private let enabled: Bool
    private let interval: Double
    private let started = BatchRunner.now()
    private var lastDrawn = 0.0

    init(total: Int, mode: ProgressMode, interval: Double) {
        snapshot = ProgressSnapshot(total: total)
        let terminal = isatty(STDERR_FILENO) != 0
        useBar = mode == .bar || (mode == .auto && terminal)
        enabled = mode != .none && total > 0
        self.interval = useBar ? 0.2 : interval
        lastDrawn = started
    }

    func record(_ entry: ManifestEntry, ocrPages: Int = 0) {
        if ocrPages > 0 {
            snapshot.ocrDocuments += 1
            snapshot.ocrPages += ocrPages
        }
        record(ok: entry.status == .ok, findings: entry.findings)
    }

    /// One input done: read (with `findings` validator findings) or failed.
    func record(ok: Bool, findings: Int = 0) {
        snapshot.done += 1
        if ok {
            snapshot.ok += 1
            if findings > 0 { snapshot.withFindings += 1 }
        } else {
            snapshot.failed += 1
        }
        tick()
    }

    /// `extract` and `check` on several files: the batch's bar, on a terminal only (a log or a
    /// pipe gets no progress from them).
    static func forFiles(_ count: Int) -> BatchProgress {
        BatchProgress(total: count > 1 ? count : 0, mode: isatty(STDERR_FILENO) != 0 ? .bar : .none, interval: 0.2)
    }

    func tick() {
        guard enabled else { return }
        let now = BatchRunner.now()
        guard now - lastDrawn >= interval else { return }
        lastDrawn = now
        draw(now)
    }

    private func draw(_ now: Double) {
        snapshot.elapsed = now - started
        if useBar {
            let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
            Stderr.write("\r\u{1B}[K" + ProgressFormat.bar(snapshot, width: width))
            Stderr.overBar = true
        } else {
            Stderr.line(ProgressFormat.line(snapshot))
        }
    }

    /// Seconds since the run started.
    var elapsed: Double { BatchRunner.now() - started }

    /// Clears the bar, so that the summary starts on a clean line.
    func finish() {
        guard enabled else { return }
        if useBar {
            draw(BatchRunner.now())
            Stderr.write("\n")
            Stderr.overBar = false
        } else if snapshot.done > 0 && snapshot.done != snapshot.total {
            draw(BatchRunner.now())
        }
    }
}

extension Stderr {
    /// Writes text to stderr as it is (no newline added).
    static func write(_ s: String) {
        LibraryNoise.write(Array(s.utf8))
    }
}

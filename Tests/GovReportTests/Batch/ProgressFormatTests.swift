import Foundation
import Testing
@testable import GovReportBatch

@Suite struct ProgressFormatTests {
    @Test(arguments: [(0.42, "0.4s"), (9.96, "10.0s"), (48.4, "48s"), (185, "3m05s"), (7380, "2h03m")])
    func durations(_ seconds: Double, _ text: String) {
        #expect(ProgressFormat.duration(seconds) == text)
    }

    @Test func rateAndETA() {
        let s = ProgressSnapshot(total: 1000, done: 250, ok: 240, withFindings: 12, failed: 10, elapsed: 25)
        #expect(s.rate == 10)
        #expect(s.eta == 75)
        #expect(ProgressSnapshot(total: 5).rate == nil)
    }

    @Test func plainLine() {
        let s = ProgressSnapshot(total: 1000, done: 523, ok: 500, withFindings: 12, failed: 23, elapsed: 53.3)
        #expect(ProgressFormat.line(s) == "batch: 523/1000 (52%): 500 ok (12 with findings), 23 failed; 9.8 docs/s, ETA 49s")
        #expect(ProgressFormat.line(ProgressSnapshot(total: 3)) == "batch: 0/3 (0%): 0 ok, 0 failed; - docs/s, ETA ?")
    }

    @Test func barFitsTheTerminal() {
        let s = ProgressSnapshot(total: 1000, done: 500, ok: 490, withFindings: 0, failed: 10, elapsed: 10)
        let bar = ProgressFormat.bar(s, width: 80)
        #expect(bar.count <= 80)
        #expect(bar.hasPrefix("[#"))
        #expect(bar.contains("500/1000  50%  ok 490  failed 10  50 docs/s  ETA 10s"))
        let busy = ProgressSnapshot(total: 100_000, done: 52_345, ok: 50_001, withFindings: 12_345, failed: 2_344,
                                    elapsed: 3600)
        for width in [72, 80, 100, 120] {
            #expect(ProgressFormat.bar(busy, width: width).count <= width, "\(width)")
        }
        #expect(ProgressFormat.bar(busy, width: 120).contains("(12345 with findings)"))
        #expect(!ProgressFormat.bar(busy, width: 80).contains("with findings"))
        let full = ProgressFormat.bar(ProgressSnapshot(total: 2, done: 2, ok: 2, elapsed: 1), width: 80)
        #expect(!full.contains("-]"))
    }

    @Test func summaryCountsKindsAndSlowest() {
        var t = BatchTally()
        t.count(ManifestEntry(path: "a", status: .ok, seconds: 0.1))
        t.count(ManifestEntry(path: "b", status: .ok, seconds: 2.5, findings: 3))
        t.count(ManifestEntry(path: "c", status: .failed, error: "damaged_pdf", seconds: 0.2))
        t.count(ManifestEntry(path: "d", status: .failed, error: "timeout", seconds: 60))
        t.count(ManifestEntry(path: "e", status: .failed, error: "damaged_pdf", seconds: 0.3))
        t.count(nil)
        let lines = ProgressFormat.summary(t, processed: 4, skipped: 1, seconds: 2, jobs: 2)
        #expect(lines[0] == "batch: 6 input(s): 2 extracted (1 clean, 1 with findings), 3 failed, 1 not done")
        #expect(lines[1] == "  failed by error: damaged_pdf 2, timeout 1")
        #expect(lines[2] == "  this run: 4 processed in 2.0s, 2.0 docs/s with 2 job(s); 1 done before, skipped")
        #expect(lines[3] == "  slowest:")
        #expect(lines[4].hasSuffix("60.00s  d") && lines[5].hasSuffix("2.50s  b"))
        #expect(lines.count == 4 + 5)
    }
}

import Foundation
import Testing
@testable import GovReportBatch

@Suite struct ResumePlanTests {
    static let stat = FileStat(size: 100, mtimeNanoseconds: 5)
    static let sha = String(repeating: "c", count: 64)

    static func entry(_ status: ManifestEntry.Status, sha: String? = sha, size: Int64? = 100,
                      mtime: Int64? = 5) -> ManifestEntry {
        ManifestEntry(path: "a.pdf", sha256: sha, size: size, mtimeNanoseconds: mtime, status: status,
                      error: status == .failed ? "damaged_pdf" : nil)
    }

    func decide(_ entry: ManifestEntry?, stat: FileStat? = stat, _ policy: RerunPolicy = .resume,
                output: Bool = true, hash: String? = sha) -> ResumePlan.Decision {
        ResumePlan.decide(entry: entry, stat: stat, policy: policy, outputExists: { output }, contentHash: { hash })
    }

    @Test func newInputsRun() {
        #expect(decide(nil) == .run)
        #expect(decide(nil, stat: nil) == .run)
    }

    @Test func doneInputsAreSkippedUnlessForcedOrRetried() {
        #expect(decide(Self.entry(.ok)) == .skip)
        #expect(decide(Self.entry(.failed)) == .skip)
        #expect(decide(Self.entry(.ok), .retryFailed) == .skip)
        #expect(decide(Self.entry(.failed), .retryFailed) == .run)
        #expect(decide(Self.entry(.ok), .force) == .run)
        #expect(decide(Self.entry(.failed), .force) == .run)
    }

    @Test func anExtractedInputWhoseDocumentIsGoneRunsAgain() {
        #expect(decide(Self.entry(.ok), output: false) == .run)
    }

    @Test func aChangedFileRunsAgainATouchedOneDoesNot() {
        // New time, same size and bytes: skipped, and the manifest takes the new time.
        #expect(decide(Self.entry(.ok), stat: FileStat(size: 100, mtimeNanoseconds: 9)) == .skipWithNewStat)
        // New bytes.
        #expect(decide(Self.entry(.ok), stat: FileStat(size: 100, mtimeNanoseconds: 9), hash: "d") == .run)
        #expect(decide(Self.entry(.ok), stat: FileStat(size: 101, mtimeNanoseconds: 5)) == .run)
        // A failure the batch could not hash (it could not read the file) and that changed.
        #expect(decide(Self.entry(.failed, sha: nil), stat: FileStat(size: 100, mtimeNanoseconds: 9)) == .run)
    }

    @Test func aMissingFileStaysFailedUntilItAppears() {
        let missing = ManifestEntry(path: "a.pdf", status: .failed, error: "not_found")
        #expect(decide(missing, stat: nil) == .skip)
        #expect(decide(missing, stat: nil, .retryFailed) == .run)
        #expect(decide(missing, stat: Self.stat) == .run)
        // An input extracted before and gone now runs (and fails, not_found).
        #expect(decide(Self.entry(.ok), stat: nil) == .run)
    }
}

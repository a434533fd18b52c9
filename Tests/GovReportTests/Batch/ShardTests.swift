import Foundation
import Testing
@testable import GovReportBatch

@Suite struct ShardTests {
    @Test func parsesKOfN() {
        #expect(Shard("1/4") == Shard(index: 1, count: 4))
        #expect(Shard("4/4")?.description == "4/4")
        #expect(Shard("3/4")?.fileSuffix == "-3-of-4")
        for bad in ["0/4", "5/4", "1/0", "x/2", "1/2/3", "", "/", "-1/2", "1"] {
            #expect(Shard(bad) == nil, "\(bad)")
        }
    }

    @Test func everyInputFallsInExactlyOneShard() {
        let inputs = (0..<3000).map { BatchInput(path: "h/org-\($0 % 37)/报告-\($0).pdf", shardKey: "org-\($0 % 37)/报告-\($0).pdf") }
        for n in [1, 2, 3, 7] {
            let shards = (1...n).map { Shard(index: $0, count: n)! }
            var counts = Array(repeating: 0, count: n)
            for input in inputs {
                let owners = shards.filter { $0.contains(input) }
                #expect(owners.count == 1)
                counts[owners[0].index - 1] += 1
            }
            // Roughly even: each part within 15 % of its fair share.
            let fair = Double(inputs.count) / Double(n)
            #expect(counts.allSatisfy { abs(Double($0) - fair) < fair * 0.15 }, "\(counts)")
        }
    }

    @Test func thePartDependsOnTheKeyAloneAndNeverChanges() {
        // Machines split a harvest by these numbers: a change here would split it differently
        // from a machine running an older govreport.
        // (Computed independently: FNV-1a 64 of the UTF-8 bytes, SplitMix64's finalizer, mod N, + 1.)
        let parts: [Int] = ["", "a.pdf", "org-001/年度报告.pdf"].map { Shard.part(of: $0, count: 7) }
        #expect(parts == [6, 5, 6])
        #expect(Shard.part(of: "a.pdf", count: 1000) == 550)
    }

    @Test func aWalkedFileIsShardedByItsPathInsideTheFolder() {
        // Two machines mounting the harvest at different places split it the same way.
        let a = BatchInput(path: "/mnt/a/harvest/x/1.pdf", shardKey: "x/1.pdf")
        let b = BatchInput(path: "/data/harvest/x/1.pdf", shardKey: "x/1.pdf")
        for k in 1...5 { #expect(Shard(index: k, count: 5)!.contains(a) == Shard(index: k, count: 5)!.contains(b)) }
    }
}

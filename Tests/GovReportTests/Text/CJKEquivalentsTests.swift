import Foundation
import Testing
@testable import GovReport

/// Every assigned code point of Kangxi Radicals, CJK Radicals Supplement, CJK Compatibility
/// Ideographs and their Supplement folds to what a reader sees, as Unicode's own data says
/// (Fixtures/cjk-equivalents.tsv, written by Scripts/make-cjk-equivalents.py from NFKC and
/// EquivalentUnifiedIdeograph.txt).
@Suite struct CJKEquivalentsTests {
    static let rows: [(from: Unicode.Scalar, to: Unicode.Scalar, name: String)] = {
        let url = Paths.packageRoot.appendingPathComponent("Tests/GovReportTests/Fixtures/cjk-equivalents.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2, let a = UInt32(f[0], radix: 16), let b = UInt32(f[1], radix: 16),
                  let from = Unicode.Scalar(a), let to = Unicode.Scalar(b) else { return nil }
            return (from, to, f.count > 2 ? String(f[2]) : "")
        }
    }()

    @Test func theTableCoversTheWholeBlocks() {
        #expect(Self.rows.count > 1300)
        #expect(Self.rows.contains { $0.from.value == 0x2F8B2 })   // 成
        #expect(Self.rows.contains { $0.from.value == 0x2ED4 })    // ⻔
    }

    @Test func everyCodePointFoldsToWhatAReaderSees() {
        var wrong: [String] = []
        for r in Self.rows {
            let got = TextNormalizer.fold(String(r.from))
            if got.unicodeScalars.first != r.to {
                wrong.append(String(format: "U+%04X %@ → %@, want U+%04X", r.from.value, r.name, got, r.to.value))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong:\n\(wrong.prefix(20).joined(separator: "\n"))")
    }
}

import Foundation
import Testing
@testable import GovReport

/// A 主动公开 row at the top of a page whose header stands at the foot of the page before
/// still takes its unit from that header.
@Suite struct ActiveHeaderAcrossPagesTests {
    /// The 2019 sample as `pdftotext -layout` wrote it, with a page break put between the
    /// procurement header (采购总金额（万元）) and its row.
    static func procurementAfterBreak() throws -> CanonicalReport {
        let text = try String(contentsOf: Paths.samples.appendingPathComponent("sample-2019.layout.txt"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.contains("采购总金额") })
        let row = try #require(lines[header...].firstIndex { $0.contains("政府集中采购") })
        lines.insert("\u{0C}", at: row)
        return try LaidOutTextReader.extract(text: lines.joined(separator: "\n"), name: "t.txt", sha256: "")
    }

    @Test func theUnitComesFromTheHeaderOnThePageBefore() throws {
        let procurement = try #require(try Self.procurementAfterBreak().activeDisclosure.rows.first { $0.key == "procurement" })
        #expect(procurement.unit == "万元")
        #expect(procurement.values == [27, dec("1856.42")])
    }
}

import Foundation
import Testing
@testable import GovReport

@Suite struct ProvenanceTests {
    static func withGeometry() -> CanonicalReport {
        var r = Build.report()
        let apps = r.applications.rows.enumerated().map { i, row in
            RowValues(key: row.key, fields: row.fields, values: row.values, page: 3,
                      geometry: RowGeometry(label: Rect(x0: 70, y0: 100 + Double(i) * 12, x1: 200, y1: 110 + Double(i) * 12),
                                            cells: row.fields.indices.map { c in
                                                c == 2 ? nil : Rect(x0: 210 + Double(c) * 40, y0: 100.004 + Double(i) * 12,
                                                                    x1: 230.126 + Double(c) * 40, y1: 110 + Double(i) * 12)
                                            }))
        }
        r.applications = TableValues(rows: apps)
        return r
    }

    @Test func withoutTheFlagTheDocumentIsUnchanged() {
        let r = Self.withGeometry()
        #expect(r.json(provenance: false) == r.json)
        #expect(r.json["provenance"] == nil)
        #expect(!r.json.serialized().contains("provenance"))
    }

    @Test func provenanceIsTheLastMemberKeyedLikeTheTables() throws {
        let json = Self.withGeometry().json(provenance: true)
        #expect(json.members?.last?.key == "provenance")
        let row = try #require(json["provenance"]?["applications"]?["new_received"])
        #expect(row["page"] == .number(3))
        #expect(row["label"] == .array([.number(70), .number(100), .number(200), .number(110)]))
        // Rounded to 0.01 pt; a cell with no box is null.
        #expect(row["cells"]?["natural_person"] == .array([.number(210), .number(100), .number(Decimal(string: "230.13")!), .number(110)]))
        #expect(row["cells"]?["research"] == .null)
        // Rows without geometry (hand-built, text input) still say their page (here unknown).
        #expect(json["provenance"]?["review_litigation"]?["review"]?["page"] == .null)
    }

    @Test func checkReadsPagesAndBoxesBack() throws {
        let json = Self.withGeometry().json(provenance: true)
        let text = json.serialized()
        let back = try #require(CanonicalReport(json: try JSONValue.parse(Data(text.utf8))))
        let row = try #require(back.applications["carried_forward"])
        #expect(row.page == 3)
        #expect(row.geometry?.cells.count == 7)
        #expect(row.geometry?.cells[2] == nil)
        #expect(abs((row.geometry?.cells[0]?.x1 ?? 0) - 230.13) < 1e-6)
        // Without provenance there is nothing to read back.
        let plain = try #require(CanonicalReport(json: try JSONValue.parse(Data(Self.withGeometry().json.serialized().utf8))))
        #expect(plain.applications["carried_forward"]?.page == nil)
    }

    @Test func aPDFSampleHasAPageAndBoxForEveryPrintedCell() throws {
        let r = try ReportExtractor.extract(path: Paths.samples.appendingPathComponent("sample-inconsistent-2021.pdf").path)
        let p = try #require(r.json(provenance: true)["provenance"])
        let forward = try #require(p["applications"]?["carried_forward"])
        #expect(forward["page"] == .number(3))
        #expect(forward["cells"]?["commercial"]?.array?.count == 4)
        // The findings of the plain document name the page too.
        #expect(r.findings.allSatisfy { $0.page == 3 })
    }
}

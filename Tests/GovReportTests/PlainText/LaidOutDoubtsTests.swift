import Foundation
import Testing
@testable import GovReport

/// Laid-out text's doubt marks (`LaidOutDoubts`): a number read into the wrong cell, or lost,
/// is marked where the failing sums point, and nowhere else. Made from a fixture of
/// Scripts/make-text-samples.py (numbers known by construction) with one row damaged the way
/// `pdftotext -layout` damages rows.
@Suite struct LaidOutDoubtsTests {
    static let fixture = Paths.packageRoot
        .appendingPathComponent("Tests/GovReportTests/Fixtures/layout-text/sample-bordered-2021.display.txt")

    static func read(_ text: String) throws -> CanonicalReport {
        try LaidOutTextReader.extract(text: text, name: "t.txt", sha256: "")
    }

    /// The fixture with the line of the row labelled `label` changed by `change`.
    static func damaged(_ label: String = "（一）予以公开", _ change: (String) -> String) throws -> String {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains(label) })
        return text.replacingOccurrences(of: String(line), with: change(String(line)))
    }

    static func marked(_ report: CanonicalReport) -> Set<String> {
        Set(report.diagnostics.filter { $0.code == "cell.uncertain" }.compactMap { d in
            d.table.flatMap { t in d.row.flatMap { r in d.column.map { "\(t).\(r).\($0)" } } }
        })
    }

    @Test func aCleanDocumentGetsNoMark() throws {
        let report = try Self.read(try String(contentsOf: Self.fixture, encoding: .utf8))
        #expect(Self.marked(report).isEmpty)
    }

    @Test func aNumberLostFromARowIsMarkedWhereItsRowAndColumnSumsCross() throws {
        // 89 30 4 6 10 5 144: the 30 is lost (its digits became spaces).
        let text = try Self.damaged { line in
            let r = try! #require(line.range(of: " 30 "))
            return line.replacingCharacters(in: r, with: "    ")
        }
        let report = try Self.read(text)
        #expect(report.applications[.granted]?[ApplicationColumn.commercial] == nil)
        #expect(Self.marked(report) == ["applications.granted.commercial"])
    }

    @Test func aRowReadBlankInATableThatPrintsZerosIsMarked() throws {
        let text = try Self.damaged { line in
            String(line.map { $0.isASCII && $0.isNumber ? " " : $0 })
        }
        let report = try Self.read(text)
        #expect(report.applications[.granted]?.values.allSatisfy { $0 == nil } == true)
        #expect(Self.marked(report) == Set(ApplicationColumn.allCases.map { "applications.granted.\($0.rawValue)" }))
    }

    @Test func aNumberMovedToTheNeighbouringColumnIsMarkedWithTheCellItLeft() throws {
        // 0 0 0 0 1 0 1: the 1 of 法律服务机构 printed under 其他, the row's total still right.
        let text = try Self.damaged("2.其他法律行政法规禁止公开") { line in
            let tail = "1         0         1"
            return String(line.dropLast(tail.count)) + "          1         1"
        }
        let report = try Self.read(text)
        #expect(report.applications[.deniedProhibitedByLaw]?[ApplicationColumn.otherOrg] == 1)
        #expect(Self.marked(report) == ["applications.denied_prohibited_by_law.legal_services",
                                        "applications.denied_prohibited_by_law.other_org"])
    }
}

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

    /// The fixture with the rows labelled by each key printed with the given cells.
    static func printing(_ rows: [String: [String?]]) throws -> String {
        var text = try String(contentsOf: fixture, encoding: .utf8)
        for (label, cells) in rows {
            let line = try #require(text.split(separator: "\n").first { $0.contains(label) })
            text = text.replacingOccurrences(of: String(line), with: Self.cells(String(line), cells))
        }
        return text
    }

    /// The marks' names of the given rows' cells in the given columns.
    static func cells(of rows: [String], in columns: [String]) -> Set<String> {
        Set(rows.flatMap { row in columns.map { "applications.\(row).\($0)" } })
    }

    /// The line with its seven numbers replaced by `cells`, each right-aligned where the
    /// printed number in its column ended (nil: the cell left blank).
    static func cells(_ line: String, _ cells: [String?]) -> String {
        var chars = Array(line)
        var ends: [Int] = []
        var i = chars.count - 1
        while ends.count < 7, i >= 0 {
            if chars[i].isASCII, chars[i].isNumber, i + 1 == chars.count || chars[i + 1] == " " { ends.append(i) }
            i -= 1
        }
        ends.reverse()
        let start = ends[0] - 3
        for k in start..<chars.count { chars[k] = " " }
        for (end, cell) in zip(ends, cells) {
            guard let cell else { continue }
            for (k, c) in cell.reversed().enumerated() { chars[end - k] = c }
        }
        return String(chars)
    }

    @Test func aNumberMovedThroughAColumnWhoseSumHoldsIsMarkedAlongTheWay() throws {
        // 社会公益组织's 1 of 5.属于三类内部事务信息 printed under 法律服务机构, and that column's
        // 1 of 2.其他… under 其他: 社会公益组织 is one short, 其他 one over, 法律服务机构 holds.
        let report = try Self.read(try Self.printing(["5.属于三类内部事务信息": ["5", "0", "0", nil, "1", nil, "6"],
                                                      "2.其他法律行政法规禁止公开": ["0", "0", "0", nil, nil, "1", "1"]]))
        #expect(report.applications[.deniedInternalAffairs]?[ApplicationColumn.legalServices] == 1)
        #expect(Self.marked(report) == Self.cells(of: ["denied_internal_affairs", "denied_prohibited_by_law"],
                                                  in: ["social_welfare", "legal_services", "other_org"]))
    }

    @Test func sparseRowsSlidBetweenColumnsWhoseSumsCancelAreMarked() throws {
        // Two sparse rows (their zeros not printed) read a column or two right: 自然人 six
        // short, 法人-商业企业 five over, 科研机构 one over; every number is there.
        let report = try Self.read(try Self.printing(["4.保护第三方合法权益": [nil, "5", nil, nil, nil, nil, "5"],
                                                      "3.要求提供公开出版物": [nil, nil, "1", nil, nil, nil, "1"]]))
        #expect(report.applications[.rejectedPublication]?[ApplicationColumn.research] == 1)
        #expect(Self.marked(report) == Self.cells(of: ["denied_third_party_rights", "rejected_publication"],
                                                  in: ["natural_person", "commercial", "research"]))
    }

    @Test func aRowWhoseNumbersStoodOutsideEveryColumnIsMarked() throws {
        // 1 0 0 0 0 0 1 printed as 1 and 1 past the last column (a line the converter set by
        // its own scale): not read, and the row (read blank, its sum failing) says so.
        let text = try Self.damaged("3.要求提供公开出版物") { line in
            let label = try! #require(line.range(of: "3.要求提供公开出版物"))
            return String(line[..<label.upperBound]) + String(repeating: " ", count: 100) + "1" + String(repeating: " ", count: 12) + "1"
        }
        let report = try Self.read(text)
        #expect(report.applications[.rejectedPublication]?.values.allSatisfy { $0 == nil } == true)
        let marks = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "rejected_publication" }
        #expect(Set(marks.compactMap(\.column)) == Set(ApplicationColumn.allCases.map(\.rawValue)))
        #expect(marks.contains { $0.message.contains("not read (1, 1)") })
    }

    @Test func aRowThatAddsUpKeepsNoMarkForANumberBesideIt() throws {
        // A stray 7 left of the columns on 3.要求提供公开出版物's line: the row reads 1 0 0 0 0 0 1.
        let text = try Self.damaged("3.要求提供公开出版物") { line in
            let label = try! #require(line.range(of: "3.要求提供公开出版物"))
            return String(line[..<label.upperBound]) + " 7" + String(line[label.upperBound...].dropFirst(2))
        }
        let report = try Self.read(text)
        #expect(report.applications[.rejectedPublication]?[ApplicationColumn.total] == 1)
        #expect(!report.diagnostics.contains { $0.message.contains("not read") })
    }
}

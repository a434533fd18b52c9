import Foundation
import Testing
@testable import GovReport

/// A sparse row's lone numbers set between two columns by `pdftotext -layout`: placed where the
/// table's sums hold, when one placement does. Made from a fixture of
/// Scripts/make-text-samples.py (numbers known by construction) with rows printed the way
/// pdftotext prints a sparse row: blanks for its zeros, a number part of the way to the
/// neighbouring column.
@Suite struct ColumnSumPlacementTests {
    static let fixture = LaidOutDoubtsTests.fixture

    /// The row's line with only the numbers `keep` names printed (by their place among the
    /// row's seven), each moved the given share of the way to the next column (negative: the
    /// one before); the others blank.
    static func sparse(_ line: String, keep: [Int: Double]) -> String {
        var chars = Array(line)
        var starts: [Int] = [], ends: [Int] = []
        var i = chars.count
        // The row's numbers: the last seven runs of digits.
        while i > 0, starts.count < 7 {
            i -= 1
            guard chars[i].isASCII && chars[i].isNumber else { continue }
            let end = i + 1
            while i > 0, chars[i - 1].isASCII && chars[i - 1].isNumber { i -= 1 }
            starts.insert(i, at: 0); ends.insert(end, at: 0)
        }
        let numbers = zip(starts, ends).map { String(chars[$0..<$1]) }
        for (s, e) in zip(starts, ends) { for k in s..<e { chars[k] = " " } }
        for (k, share) in keep {
            let toward = share == 0 ? starts[k] : share > 0 ? starts[k + 1] : starts[k - 1]
            let at = starts[k] + Int((Double(toward - starts[k]) * abs(share)).rounded())
            for (j, c) in numbers[k].enumerated() { chars[at + j] = c }
        }
        return String(chars)
    }

    static func read(_ changes: [String: [Int: Double]]) throws -> CanonicalReport {
        var text = try String(contentsOf: fixture, encoding: .utf8)
        for (label, keep) in changes {
            let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains(label) })
            text = text.replacingOccurrences(of: String(line), with: sparse(String(line), keep: keep))
        }
        return try LaidOutTextReader.extract(text: text, name: "t.txt", sha256: "")
    }

    /// 5 … 1 … 6 with the 1 of 社会公益 printed 55% of the way to 科研机构: its position says
    /// 科研机构, the column sums say 社会公益, and only there do they all hold.
    @Test func aLoneNumberBetweenTwoColumnsGoesWhereTheColumnSumsHold() throws {
        let report = try Self.read(["5.属于三类内部事务信息": [0: 0, 3: -0.55, 6: 0]])
        let row = try #require(report.applications[.deniedInternalAffairs])
        #expect(row[ApplicationColumn.socialWelfare] == 1)
        #expect(row[ApplicationColumn.research] == nil)
        #expect(report.findings.filter { $0.severity == .error }.isEmpty)
        #expect(LaidOutDoubtsTests.marked(report).isEmpty)
        #expect(report.diagnostics.contains { $0.code == "table.placed_by_sums" && $0.row == "denied_internal_affairs" })
    }

    /// The fixture's table with rows set by `values` (seven each, nil blank), read as if each
    /// number in `misplaced` (row, from column, to column) stood where its position put it; the
    /// cells so misplaced are the alternatives, each naming the column it left.
    static func misread(_ values: [ApplicationRow: [Decimal?]], misplaced: [(ApplicationRow, ApplicationColumn, ApplicationColumn)])
        throws -> (CanonicalReport, [CellAlternative]) {
        var report = try LaidOutTextReader.extract(text: try String(contentsOf: fixture, encoding: .utf8), name: "t.txt", sha256: "")
        let columns = ApplicationColumn.allCases
        var t = report.applications
        for (r, row) in t.rows.enumerated() {
            // Every cell its own box, on page 1.
            t.rows[r].page = 1
            t.rows[r].geometry = RowGeometry(label: nil, cells: columns.indices.map { Rect(x0: Double($0), y0: Double(r), x1: Double($0) + 1, y1: Double(r) + 1) })
            if let key = ApplicationRow(rawValue: row.key), let v = values[key] { t.rows[r].values = v }
        }
        #expect(Validator.applicationRules(t).isEmpty, "the table as built adds up")
        var alternatives: [CellAlternative] = []
        for (key, from, to) in misplaced {
            let r = try #require(t.rows.firstIndex { $0.key == key.rawValue })
            let i = try #require(columns.firstIndex(of: from)), j = try #require(columns.firstIndex(of: to))
            ColumnSumPlacement.apply([.init(row: r, from: i, to: j)], to: &t)
            alternatives.append(CellAlternative(table: "applications", page: 1, box: t.rows[r].geometry!.cells[j]!, column: i))
        }
        report.applications = t
        return (report, alternatives)
    }

    /// Two rows' lone 1s of 社会公益 read in 科研机构 and one row's 1 of 科研机构 read in 社会公益:
    /// moving either of the first two (or all three) makes every sum hold, so none is moved and
    /// each cell that could move, and where to, is marked; with one of the first two only, the
    /// sums place both.
    @Test func numbersTheSumsFitInSeveralWaysStayAndAreMarked() throws {
        // From the fixture (each row adds up): 5.属于三类 5 0 0 1 0 0 6 with its zeros blank;
        // 7.属于行政执法案卷 a 1 of 社会公益, 8.属于行政查询事项 a 1 of 科研机构; 一 and （七）
        // one more in each (so 一 + 二 = （七） + 四 still).
        let values: [ApplicationRow: [Decimal?]] = [
            .deniedInternalAffairs: [5, nil, nil, 1, nil, nil, 6],
            .deniedEnforcementFiles: [nil, nil, nil, 1, nil, nil, 1],
            .deniedQueryMatters: [nil, nil, 1, nil, nil, nil, 1],
            .newReceived: [180, 56, 12, 16, 16, 11, 291],
            .totalProcessed: [181, 57, 12, 15, 17, 11, 293],
        ]
        let (report, alternatives) = try Self.misread(values, misplaced: [
            (.deniedInternalAffairs, .socialWelfare, .research), (.deniedEnforcementFiles, .socialWelfare, .research),
            (.deniedQueryMatters, .research, .socialWelfare),
        ])
        var placed = report
        let marks = ColumnSumPlacement.place(&placed, alternatives: alternatives)
        #expect(placed.applications == report.applications)
        let marked = Set(marks.map { "\($0.row!).\($0.column!)" })
        #expect(marked == Set(["denied_internal_affairs", "denied_enforcement_files", "denied_query_matters"]
            .flatMap { ["\($0).research", "\($0).social_welfare"] }))
        // One misread 1 of 社会公益 (the other read where it stands): moved back, no mark.
        let (one, its) = try Self.misread(values, misplaced: [(.deniedInternalAffairs, .socialWelfare, .research)])
        var fixed = one
        let notes = ColumnSumPlacement.place(&fixed, alternatives: its)
        #expect(notes.map(\.code) == ["table.placed_by_sums"] && notes.allSatisfy { $0.severity == .info })
        #expect(notes.first?.row == "denied_internal_affairs" && notes.first?.column == "social_welfare")
        #expect(fixed.applications[.deniedInternalAffairs]?.values == values[.deniedInternalAffairs])
        #expect(Validator.applicationRules(fixed.applications).isEmpty)
    }
}

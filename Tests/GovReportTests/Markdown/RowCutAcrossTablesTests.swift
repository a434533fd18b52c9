import Foundation
import Testing
@testable import GovReport

/// A row a page break cut, its label's rest opening the next page's table (under a header
/// repeated there) with no numbers: a PDF-to-Markdown converter writes each page's table
/// apart. Built from Fixtures/markdown/sample-bordered-2021.pipes.md, whose （六）1. row prints
/// 0 1 1 1 0 1 4.
@Suite struct RowCutAcrossTablesTests {
    static let whole = "| 三、本年度办理结果 | （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 1 | 1 | 1 | 0 | 1 | 4 |"
    static let header = "| 申请人情况 |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"

    static func cut(first: String, rest: String) -> String {
        let text = ConvertedTableDoubtsTests.text
        #expect(text.contains(whole))
        return text.replacingOccurrences(of: whole, with: "\(first)\n\n— 3 —\n\n\(header)\n\(rest)")
    }

    @Test func theLabelsRestOnTheNextPageEndsTheRowCut() throws {
        let text = Self.cut(first: "| 三、本年度办理结果 | （六 | 1.申请人无正当理由逾期 | 0 | 1 | 1 | 1 | 0 | 1 | 4 |",
                            rest: "| 三、本年度办理结果 | ）其他处理 | 不补正、行政机关不再处理其政府信息公开申请 |  |  |  |  |  |  |  |")
        let report = try ConvertedTableDoubtsTests.read(text)
        #expect(report.applications[.otherOverdueCorrection]?.values == [0, 1, 1, 1, 0, 1, 4])
        #expect(ConvertedTableDoubtsTests.marked(report).isEmpty)
        #expect(!report.findings.contains { $0.severity == .error })
    }

    /// A row of its own opening the next page's table is no rest of the row above.
    @Test func aRowOfItsOwnOnTheNextPageStaysItsOwn() throws {
        let second = "| 三、本年度办理结果 | （六）其他处理 | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
        let text = ConvertedTableDoubtsTests.text.replacingOccurrences(of: second, with: "\n— 3 —\n\n\(Self.header)\n\(second)")
        let report = try ConvertedTableDoubtsTests.read(text)
        #expect(report.applications[.otherOverdueCorrection]?.values == [0, 1, 1, 1, 0, 1, 4])
        #expect(report.applications[.otherOverdueFee]?.values == [0, 0, 0, 0, 0, 0, 0])
        #expect(!report.findings.contains { $0.severity == .error })
    }

    /// Numbers wrapped digit by digit and cut by a page break (89 as 8 | 9, 10 as 1 | 0, 144 as
    /// 14 | 4): their rests open the next page's table (as wide, or drawn with one more label
    /// column) as its header row of placeholders and digits. The row reads whole, and the
    /// next page's rows stay a table.
    @Test(arguments: [false, true]) func theRestsOfNumbersCutByAPageBreakEndTheRowAbove(wider: Bool) throws {
        let text = ConvertedTableDoubtsTests.text
        let granted = "| 三、本年度办理结果 | （一）予以公开 |  | 89 | 30 | 4 | 6 | 10 | 5 | 144 |"
        #expect(text.contains(granted))
        var lines = text.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: granted))
        lines[at] = "| 三、本年度办理结果 | （一）予以公开 |  | 8 | 30 | 4 | 6 | 1 | 5 | 14 |"
        // The rows after it, to the table's end, drawn with one more (empty) label column.
        var end = at + 1
        while wider, end < lines.count, lines[end].hasPrefix("|") { lines[end] = "| " + lines[end]; end += 1 }
        let header = wider ? ["|Col1|Col2|Col3|Col4|9|Col6|Col7|Col8|0|Col10|4|", "|---|---|---|---|---|---|---|---|---|---|---|"]
            : ["|Col1|Col2|Col3|9|Col5|Col6|Col7|0|Col9|4|", "|---|---|---|---|---|---|---|---|---|---|"]
        lines.insert(contentsOf: ["", "— 2 —", ""] + header, at: at + 1)
        let report = try ConvertedTableDoubtsTests.read(lines.joined(separator: "\n"))
        #expect(report.applications[.granted]?.values == [89, 30, 4, 6, 10, 5, 144])
        #expect(report.applications[.partiallyGranted]?.values == [26, 7, 1, 1, 1, 1, 37])
        #expect(!report.findings.contains { $0.severity == .error })
    }
}

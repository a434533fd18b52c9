import Foundation
import Testing
@testable import GovReport

/// pymupdf4llm's `text` strategy on a Chromium print of a 2019 report: the active-disclosure
/// table drawn as three slots a row, the label's cell holding the first number
/// (`规章<br>1`) and the last cell the other two stacked (`2<br>7`) beside a blank slot. The
/// stacked lines are the two columns' numbers, not one number wrapped (27). Numbers known by
/// construction.
@Suite struct StackedActiveValuesTests {
    static let text = """
        # 某某局2019年政府信息公开工作年度报告

        二、主动公开政府信息情况

        |Col1|Col2|Col3|
        |---|---|---|
        |第二十条第（一）项|||
        |信息内容|本年新<br>制作数量|本年新公开数量<br>对外公开总数量|
        |规章<br>1||2<br>7|
        |规范性文件<br>5||6<br>83|
        |第二十条第（五）项|||
        |信息内容<br>上一年项目数量||本年增/减<br>处理决定数量|
        |行政许可<br>172||-3<br>2468|
        |其他对外管理服务事项<br>73||4<br>565|
        |第二十条第（六）项|||
        |信息内容<br>上一年项目数量||本年增/减<br>处理决定数量|
        |行政处罚<br>384||6<br>119|
        |行政强制<br>14||5<br>15|
        """

    @Test func numbersStackedBesideABlankSlotAreOneAColumn() throws {
        let report = try ConvertedTableDoubtsTests.read(Self.text)
        let t = report.activeDisclosure
        #expect(t[.regulations]?.values == [1, 2, 7])
        #expect(t[.normativeDocuments]?.values == [5, 6, 83])
        #expect(t[.licensing]?.values == [172, -3, 2468])
        #expect(t[.otherServices]?.values == [73, 4, 565])
        #expect(t[.penalty]?.values == [384, 6, 119])
        #expect(t[.coercion]?.values == [14, 5, 15])
        // One number wrapped in its cell would read the same lines: each such row is in doubt.
        let marked = ConvertedTableDoubtsTests.marked(report)
        #expect(marked.contains("active_disclosure.regulations.new_published"))
        #expect(marked.contains("active_disclosure.licensing.decisions"))
    }

    /// A stacked cell with no blank slot before it, or lines that are not all numbers, is left
    /// as it was.
    @Test func onlyABlankSlotTakesAStackedNumber() {
        #expect(HTMLTableReader.spreadStacked([nil, ["2", "7"]]) == ["2", "7"])
        #expect(HTMLTableReader.spreadStacked([nil, nil, ["0", "2", "7"], ["5"]]) == ["0", "2", "7", "5"])
        #expect(HTMLTableReader.spreadStacked([["1"], ["2", "7"]]) == nil)
        #expect(HTMLTableReader.spreadStacked([nil, ["2", "件"]]) == nil)
    }
}

/// pymupdf4llm's `text` strategy on a LibreOffice print of a 2021 report: the numbers of the
/// first columns written into the label's cell one a line (`规章<br>0<br>2`,
/// `行政规范性文件7<br>1`), where they run together; which column each is cannot be told, so
/// the row is in doubt. Numbers known by construction.
@Suite struct LabelCellNumbersTests {
    static let text = """
        # 某某局2022年政府信息公开工作年度报告

        二、主动公开政府信息情况

        |第二十条第（一）项|Col2|Col3|
        |---|---|---|
        |本年制发件<br>本年废止件|||
        |信息内容||现行有效件数|
        |规章<br>0<br>2||5|
        |行政规范性文件7<br>1||39|
        |第二十条第（五）项|||
        |信息内容<br>本年处理决定数量|||
        |行政许可<br>975|||
        """

    @Test func numbersOnSeveralLinesOfTheLabelCellAreInDoubt() throws {
        let report = try ConvertedTableDoubtsTests.read(Self.text)
        let marked = ConvertedTableDoubtsTests.marked(report)
        let truth: [ActiveItem: [Decimal?]] = [.regulations: [0, 2, 5], .normativeDocuments: [7, 1, 39]]
        for (item, values) in truth {
            let row = try #require(report.activeDisclosure[item])
            for (field, value) in zip(row.fields, values) where row[field] != value {
                #expect(marked.contains("active_disclosure.\(item.rawValue).\(field)"))
            }
        }
        #expect(!marked.contains { $0.hasPrefix("active_disclosure.licensing.") })
        #expect(report.activeDisclosure[.licensing]?.values == [975])
    }
}

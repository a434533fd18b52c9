import Foundation
import Testing
@testable import GovReport

@Suite struct LaidOutTextTests {
    @Test func eastAsianWideCharactersTakeTwoColumns() {
        #expect(EastAsianWidth.columns("中") == 2)
        #expect(EastAsianWidth.columns("（") == 2)   // fullwidth parenthesis
        #expect(EastAsianWidth.columns("１") == 2)   // fullwidth digit
        #expect(EastAsianWidth.columns("、") == 2)
        #expect(EastAsianWidth.columns("a") == 1)
        #expect(EastAsianWidth.columns("“") == 1)   // ambiguous: narrow, as terminals draw it
        #expect(EastAsianWidth.columns("\u{0301}") == 0)   // combining accent
    }

    @Test func columnIsXAndLineIsY() throws {
        let text = LaidOutText(text: "规章  12\n行政许可    3")
        #expect(text.columns == .display)
        let page = try #require(text.layouts.first)
        let twelve = page.glyphs.filter { $0.text == "1" || $0.text == "2" }
        // 规章 is four columns wide, two spaces follow: 1 starts at column 6.
        #expect(twelve.first?.box.x0 == 6 * LaidOutText.columnWidth)
        #expect(twelve.first?.box.y0 == page.glyphs[0].box.y0)
        let three = try #require(page.glyphs.first { $0.text == "3" })
        #expect(three.box.x0 == 12 * LaidOutText.columnWidth)
        #expect(three.box.y0 == page.glyphs[0].box.y0 + LaidOutText.linePitch)
        // A wide character is drawn two columns wide, about square.
        #expect(page.glyphs[0].box.width == 2 * LaidOutText.columnWidth)
        #expect(page.glyphs[0].box.height == LaidOutText.glyphHeight)
    }

    @Test func numbersUnderAWrappedLabelGoBackToItsCentre() {
        let lines = [
            "  （一）予以公开                 50    0    50",
            "  （二）部分公开（区分处理的，只计这一",
            "      情形，不计其他情形）",
            "                                  9    0     9",
            "  （三）不予公开",
            "一、本年新收政府",
            "                                 95    0    95",
            "信息公开申请数量",
        ]
        let ys = LaidOutText.positions(lines)
        #expect(ys[3] == 1.5)
        // Numbers already between the lines of their label stay.
        #expect(ys[6] == 6)
    }

    @Test func aNumberWrappedInANarrowCellIsReadWhole() {
        // 608 and 145 wrapped two digits a line around the row's label and short numbers.
        let wrapped = LaidOutText.wrappedNumbers([
            "                          60 14               91",
            "一、本年新收申请数量                       35 14 80 30",
            "                          8  5                2",
        ], .characters)
        #expect(wrapped.joined[0]?[26]?.text == "608")
        #expect(wrapped.joined[0]?[29]?.text == "145")
        #expect(wrapped.joined[0]?[46]?.text == "912")
        #expect(wrapped.parts[2] == [26, 29, 46])
    }

    @Test func rowsOfNumbersTwoLinesApartStayApart() {
        // Each lower line opens a row of its own: a label at the label column, or a row number.
        let rows = LaidOutText.wrappedNumbers([
            "行政许可      12   34",
            "",
            "行政处罚      15   36",
            "  （一）予以公开      22   40",
            "  说明",
            "  （二）部分公开      21   18",
        ], .characters)
        #expect(rows.joined.isEmpty)
        #expect(rows.parts.isEmpty)
    }

    @Test func aRowOpeningAfterAGroupNamesPieceIsNoNumbersRest() {
        // 10 and 24 are the totals of two rows: the lower line opens 2.重复申请 after 理, a
        // piece of the group's vertical name 不予处理, indented under the label above.
        let rows = LaidOutText.wrappedNumbers([
            "              0     0 0 0 8 2 10",
            "  不予处 投诉类申请",
            "    理 2.重复申请 21     0 0 1 2 0 24",
        ], .characters)
        #expect(rows.joined.isEmpty)
        #expect(rows.parts.isEmpty)
    }

    @Test func aNumberWrappedBesideAnUnindentedLabelIsReadWhole() throws {
        // LibreOffice's print of a Word cell: the label's next line starts in its first
        // line's column; 3351 and 4973 wrapped as 335 over 1 and 49 over 73.
        let wrapped = LaidOutText.wrappedNumbers([
            "一、本年新收政府信息公开        335   957   49",
            "",
            "申请数量                1           73",
        ], .characters)
        #expect(wrapped.joined[0]?[20]?.text == "3351")
        #expect(wrapped.joined[0]?[32]?.text == "4973")
        // Whole on the line of the row's other numbers (not the blank line between).
        let text = LaidOutText(text: [
            "一、本年新收政府信息公开        335   957   49",
            "",
            "申请数量                1           73",
            "二、上年结转                6     3    0",
        ].joined(separator: "\n"))
        #expect(text.columns == .characters)
        let page = try #require(text.layouts.first)
        let first = try #require(page.glyphs.first { $0.text == "9" }).box.y0
        let digits = page.glyphs.filter { $0.text.allSatisfy({ $0.isASCII && $0.isNumber }) && $0.box.y0 < first + 2 * LaidOutText.linePitch }
        #expect(digits.map(\.text).joined() == "33519574973")
        #expect(digits.allSatisfy { $0.box.y0 == first })
    }

    @Test func aNumberWrappedAroundAGroupNamesPieceStaysOnItsRowsLine() throws {
        // A narrow Word print: 217 wrapped as 21 over 7, the line between holding only 无, a
        // piece of the group's vertical name （四）无法提供 left of the labels (无 reads like a
        // placeholder value, yet is no number of the row).
        let text = LaidOutText(text: [
            "    2.没有现成信息   169   42   6   0   0    0   21",
            "无",
            "     需要另行制作                                7",
            "法",
            "    3.补正后申请内    0    18   4   0   0    0   22",
        ].joined(separator: "\n"))
        let page = try #require(text.layouts.first)
        let row = try #require(page.glyphs.first { $0.text == "6" && $0.box.y0 < LaidOutText.linePitch }).box.y0
        let digits = page.glyphs.filter { $0.text.allSatisfy({ $0.isASCII && $0.isNumber }) && $0.box.y0 < row + LaidOutText.linePitch }
        #expect(digits.map(\.text).joined() == "2169426000217")
        #expect(digits.allSatisfy { $0.box.y0 == row || $0.text == "2" && $0.box.x0 < 10 * LaidOutText.columnWidth })
    }

    @Test func aNumberCentredOnItsRowAroundTheRowsLineIsReadWhole() throws {
        // LibreOffice's print of a web page: 总计's 3171 wrapped in its narrow cell and centred
        // on the row, 317 a line above the row's line, 1 a line below, beside the pieces of
        // the group's vertical name; the row's line between holds its other numbers.
        let lines = [
            "三、本年                                                                317",
            "       （一）予以公开                 1752   813   290   154   0    162",
            "度办理结                                                                1",
            "",
            "果",
            "       （二）部分公开                 0      39    61    0     0    0     100",
        ]
        let wrapped = LaidOutText.wrappedNumbers(lines, .display)
        #expect(wrapped.joined[0]?[72]?.text == "3171")
        #expect(wrapped.parts[2] == [72])
        // Whole on the row's line, after its other numbers.
        let text = LaidOutText(text: lines.joined(separator: "\n"))
        let page = try #require(text.layouts.first)
        let row = try #require(page.glyphs.first { $0.text == "7" }).box.y0
        let digits = page.glyphs.filter { $0.text.allSatisfy({ $0.isASCII && $0.isNumber }) && $0.box.y0 < row + LaidOutText.linePitch }
            .sorted { $0.box.x0 < $1.box.x0 }
        #expect(text.columns == .display)
        #expect(digits.map(\.text).joined() == "17528132901540162" + "3171")
        #expect(digits.allSatisfy { $0.box.y0 == row })
    }

    @Test func aNumberCutByAPageBreakEndsTheNumberItMakesTheRowAddUp() throws {
        // LibreOffice broke the row between 1426's lines: 142 ends the page, 6 opens the next,
        // beside the group name's next piece, in a column of that page's own layout.
        let text = LaidOutText(text: [
            "二、上年结转政府信息公开申请数量      55      11    3    2    2      4     77",
            "三、本年 （一）予以公开          880     310   58   0    79     99    142",
            "\u{0C}度办理结                                                       6",
            "果",
            "       （二）部分公开          258     141   10   22   21   15   467",
        ].joined(separator: "\n"))
        let tails = LaidOutText.pageBreakTails(text.pages, text.columns)
        #expect(tails.map(\.whole) == ["1426"])
        let layouts = text.layouts
        let first = try #require(layouts.first), second = try #require(layouts.last)
        let row = try #require(first.glyphs.first { $0.text == "8" }).box.y0
        let digits = first.glyphs.filter { $0.text.allSatisfy({ $0.isASCII && $0.isNumber }) && $0.box.y0 == row }
            .sorted { $0.box.x0 < $1.box.x0 }
        #expect(digits.map(\.text).joined() == "880310580799914" + "26")
        #expect(!second.glyphs.contains { $0.text == "6" && $0.box.y0 < row })
        // Not when the row adds up as printed, nor when the rest would make it add up in two ways.
        let whole = LaidOutText(text: "一、本年新收     3   4   7\n\u{0C}2\n二、上年结转   1   1   2")
        #expect(LaidOutText.pageBreakTails(whole.pages, whole.columns).isEmpty)
        let twice = LaidOutText(text: "一、本年新收     1   1   12\n\u{0C}1\n二、上年结转   1   1   2")
        #expect(LaidOutText.pageBreakTails(twice.pages, twice.columns).isEmpty)
        // Nor a paragraph opening with a year.
        let prose = LaidOutText(text: "一、本年新收     2   1   24\n\u{0C}3 年，我单位政府信息公开工作取得了一定成效")
        #expect(LaidOutText.pageBreakTails(prose.pages, prose.columns).isEmpty)
    }

    @Test func aRowsNumbersOverTheNextRowsAreNotOneNumber() {
        // （一）'s 35 over （二）'s 14: the line between names a row of its own after the
        // vertical group name's piece.
        let rows = LaidOutText.wrappedNumbers([
            "三、本年度办 （一）予以公开      35   15    65",
            "   理结果 （二）部分公开（区分处理的，只计",
            "                                14    3    20",
        ], .characters)
        #expect(rows.joined.isEmpty)
    }

    @Test func aWrappedLabelsNextLineComesBackAcrossAGroupNamesPiece() {
        // pdftotext gave the group name's piece (供) and the numbers lines of their own
        // between the label's two lines.
        let lines = [
            "    2.没有现成信息需要另行",
            "                       0     0     4",
            "供",
            "    制作",
            "    3.补正后申请内容仍不明 0       0     0",
        ]
        let ys = LaidOutText.rejoinedContinuations(lines, LaidOutText.positions(lines), .characters)
        #expect(ys[3] == 1)
        #expect(ys[1] == 0.5)
        #expect(ys[2] == 2)
        #expect(ys[4] == 4)
        // Prose stays where it is: a heading is no piece of a group's name.
        let prose = ["  全年未发生因政府信息公开工作被追究责任的情况。",
                     "二、主动公开政府信息情况",
                     "  1",
                     "                第二十条第（一）项"]
        #expect(LaidOutText.rejoinedContinuations(prose, LaidOutText.positions(prose), .characters) == [0, 1, 2, 3])
    }

    @Test func aContinuedTablesShiftedColumnsGoBackUnderTheRowsBeforeTheBreak() throws {
        // pdftotext placed the second page's numbers eight columns right of the first page's.
        let page1 = ["三、收到和处理政府信息公开申请情况",
                     "一、本年新收政府信息公开申请数量      180    56    11   289",
                     "    （一）予以公开            89    30     4   144"]
        let page2 = ["            2.重复申请              6     0     1     9",
                     "        （七）总计                 170    50     9   263",
                     "",
                     "四、政府信息公开行政复议、行政诉讼情况",
                     "  0     1     0     0     1"]
        let shifts = LaidOutText.continuationShifts([page1, page2], .characters)
        let s = try #require(shifts[1])
        #expect(s.shift == -8)
        #expect(s.lines == 0..<2)
        // The labels stay; the numbers move; the next part's rows are left alone.
        let text = LaidOutText(text: page1.joined(separator: "\n") + "\u{0C}" + page2.joined(separator: "\n"))
        let glyphs = text.layouts[1].glyphs
        let nine = try #require(glyphs.first { $0.text == "9" && $0.box.y0 < LaidOutText.linePitch })
        #expect(nine.box.x1 == 43 * LaidOutText.columnWidth)
        #expect(glyphs.first?.box.x0 == 12 * LaidOutText.columnWidth)
        // Aligned pages are not moved.
        #expect(LaidOutText.continuationShifts([page1, page1.dropFirst().map { $0 }], .characters).isEmpty)
    }

    @Test func aCentredLabelLinePastItsFirstLineGoesUnderIt() throws {
        // pdftotext -fixed 3: the numbered line is 12 columns for 12 ideographs drawn ~40
        // columns wide; its centred second line starts past its end, the numbers between.
        let lines = ["      一、本年新收政府信息公开",
                     "                                      17     7     6    52",
                     "                    申请数量",
                     "      二、上年结转政府信息公开申请数量     0     0     0     0"]
        let moved = LaidOutText.centredContinuations(lines, .characters)
        let m = try #require(moved[2])
        #expect(m.from == 20 && m.by == -13)
        #expect(moved.count == 1)
        let glyphs = LaidOutText(text: lines.joined(separator: "\n")).layouts[0].glyphs
        let shen = try #require(glyphs.first { $0.text == "申" && $0.box.y0 > 2 * LaidOutText.linePitch })
        #expect(shen.box.x0 == 7 * LaidOutText.columnWidth)
    }

    @Test func aWrappedLabelPressedAgainstItsGroupMovesUnderItsItemNumber() {
        // 权益 (column 8) continues 4、保护第三方合法 (item number at column 9), one space after （三）.
        let lines = ["         4、保护第三方合法        0",
                     "    （三） 权益",
                     "         5、属于三类内部事        0"]
        #expect(LaidOutText.pressedContinuations(lines, .characters) == [1: [8]])
        // Words one space apart elsewhere stay together.
        #expect(LaidOutText.pressedContinuations(["    （三） 权益", "  行政 复议"], .characters).isEmpty)
    }

    @Test func aRowOneColumnOffItsTableGoesBackUnderTheColumns() throws {
        // The numbers one space apart; the second row's pressed one column left against its label.
        let lines = ["         1、信访举报投诉类申请    0 0 0 1",
                     "         行政机关不再处理其政府公开 0 0 0 2",
                     "         2、重复申请         0 0 0 3",
                     "         3、其他           0 0 0 4"]
        #expect(LaidOutText.rowNudges(lines, .characters) == [1: 1])
        let page = try #require(LaidOutText(text: lines.joined(separator: "\n")).layouts.first)
        let two = try #require(page.glyphs.first { $0.text == "2" && $0.box.y0 > LaidOutText.linePitch })
        let four = try #require(page.glyphs.first { $0.text == "4" })
        #expect(two.box.x0 == four.box.x0)
        // Rows already under the columns are left alone.
        #expect(LaidOutText.rowNudges([lines[0], lines[2], lines[3]], .characters).isEmpty)
    }

    @Test func formFeedsAndStandAlonePageNumbersEndPages() {
        let text = LaidOutText(text: "一、总体情况\n- 1 -\n二、主动公开\n\u{0C}三、收到\n\u{0C}")
        #expect(text.pages.count == 3)
        #expect(text.pages[0].last == "- 1 -")
    }

    @Test func aLineOfNumbersApartInTheirColumnsIsNoPageNumber() {
        // A row's numbers on a line of their own under its wrapped label (pdftotext -layout):
        // two numbers parted by a run of spaces stand in two columns, not a page number "11".
        let text = LaidOutText(text: """
                          5.要求行政机关确认或重新出具已
                                                        1   1
                          获取信息
            \u{0C}
            """)
        #expect(text.pages.count == 1)
        #expect(!LaidOutText.isPageEnd("          1   1"))
        #expect(!LaidOutText.isPageEnd("   12    3"))
        #expect(LaidOutText.isPageEnd("        - 3 -"))
        #expect(LaidOutText.isPageEnd("      第 3 页 共 12 页"))
        #expect(LaidOutText.isPageEnd("        3 / 12"))
        #expect(LaidOutText.isPageEnd("      -  3  -"))
    }

    static let labels = ["一、本年新收政府信息公开申请数量", "  （一）予以公开", "四、结转下年度继续办理"]

    /// Rows whose labels are padded to `width` columns as `model` counts them.
    static func rows(_ model: LaidOutText.Columns, width: Int) -> [String] {
        labels.map { label in
            let used = label.reduce(0) { $0 + LaidOutText.width($1, model) }
            return label + String(repeating: " ", count: width - used) + "95    0    95"
        }
    }

    @Test func pdftotextCountsCharactersNotDisplayColumns() {
        // pdftotext -layout gives each character one column: the numbers line up by characters.
        #expect(LaidOutText.columnModel(Self.rows(.characters, width: 24)) == .characters)
        // The same rows aligned as an editor shows them (CJK two columns wide).
        #expect(LaidOutText.columnModel(Self.rows(.display, width: 40)) == .display)
    }

    @Test func pagesSetByTheirOwnScalesAreCountedEachOnItsOwn() {
        // Each page lines its numbers up by characters, at a scale of its own; across pages
        // display-width edges meet by chance more often than character edges.
        func row(_ label: String, at column: Int) -> String {
            label + String(repeating: " ", count: column - label.count) + "1    2    3"
        }
        let first = [row("一二三四五六", at: 20), row("一二", at: 20)]
        let second = [row("一二", at: 24), row("一二三四五六", at: 16)]
        #expect(LaidOutText.columnModel(pages: [first, second]) == .characters)
        #expect(LaidOutText.columnModel(first + second) == .display)
        // Pages that tie, each lining its numbers up either way, are told by the whole text.
        #expect(LaidOutText.columnModel(pages: [[row("一二", at: 20)], [row("一二三四五六", at: 20)]]) == .characters)
    }

    @Test func tabsThatBecameSpacesAreTabsAgain() throws {
        let rows = (1...8).map { "第\($0)行    \($0)    0    \($0)" }.joined(separator: "\n")
        let restored = try #require(LaidOutText.tabsRestored(rows))
        #expect(restored.hasPrefix("第1行\t1\t0\t1\n"))
        // Laid-out text (runs of any length) is left alone.
        let laid = (1...8).map { "第\($0)行" + String(repeating: " ", count: 3 + $0) + "12   7" }.joined(separator: "\n")
        #expect(LaidOutText.tabsRestored(laid) == nil)
    }

    @Test func tabSeparatedTextIsNotLaidOut() throws {
        let seed = try String(contentsOf: Paths.samples.appendingPathComponent("smx-kjj-2024.txt"), encoding: .utf8)
        #expect(!LaidOutText.isLaidOut(seed))
        #expect(!MarkdownText.looksLikeMarkdown(seed))
    }
}

@Suite struct MarkdownTextTests {
    @Test func pipeTablesAndHeadingsAreMarkdown() {
        #expect(MarkdownText.looksLikeMarkdown("# 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |"))
        #expect(MarkdownText.looksLikeMarkdown("| a | 1 |\n| b | 2 |\n| c | 3 |"))
        #expect(!MarkdownText.looksLikeMarkdown("规章    1    0    3\n行政许可  5"))
    }

    @Test func aTableSplitByFurnitureIsJoined() {
        let md = "| 规章 | 1 |\n| --- | --- |\n| 行政许可 | 2 |\n\n— 1 —\n\n| 规章 | 1 |\n| --- | --- |\n| 行政处罚 | 3 |\n\n正文"
        let out = MarkdownText.prepared(md)
        #expect(out == "| 规章 | 1 |\n| --- | --- |\n| 行政许可 | 2 |\n| 规章 | 1 |\n| 行政处罚 | 3 |\n\n正文")
    }

    @Test func tablesOfOtherWidthsStayApart() {
        let out = MarkdownText.prepared("| a | 1 |\n\n| b | 1 | 2 |")
        #expect(out == "| a | 1 |\n\n| b | 1 | 2 |")
    }

    @Test func rowsWithoutOuterPipesGetThem() {
        let out = MarkdownText.prepared("信息内容 | 数量\n---|---\n行政许可 | 5")
        #expect(out == "| 信息内容 | 数量 |\n| ---|--- |\n| 行政许可 | 5 |")
    }

    @Test func voidElementsAreClosed() {
        // An unclosed <br> would swallow the rest of the document.
        #expect(MarkdownText.prepared("| 规<br>章 | 1 |") == "| 规<br/>章 | 1 |")
        #expect(MarkdownText.prepared("a<BR />b").hasSuffix("/>b"))
        #expect(MarkdownText.prepared("b<img src=\"x\">") == "b<img src=\"x\"/>")
    }

    @Test func htmlTablesPassThrough() {
        let html = "<table>\n<tr><td rowspan=\"2\">| x |</td></tr>\n</table>"
        #expect(MarkdownText.prepared("正文\n" + html) == "正文\n\n" + html)
    }

    @Test func headingsAreNeitherTitleNorOrganization() throws {
        let md = """
            # 青川县人民政府 2023 年 政府信息公开工作年度报告

            ## 一、总体情况

            全年主动公开信息 12 条。

            ## 二、主动公开政府信息情况

            | 信息内容 | 本年处理决定数量 |
            |---|---|
            | 行政许可 | 5 |
            """
        let report = try ReportExtractor.extract(data: Data(md.utf8), name: "r.md")
        #expect(report.source.kind == .markdown)
        #expect(report.report.organization == "青川县人民政府")
        #expect(report.report.year == 2023)
        #expect(report.activeDisclosure["licensing"]?["decisions"] == 5)
    }
}

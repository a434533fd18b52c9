import Testing
@testable import GovReport

/// Markdown as pymupdf4llm's layout mode (2.x) writes a LibreOffice or Chromium print: a
/// table's first rows as a pipe table and the rest as running text, a text block's lines
/// joined into one paragraph (the web path drops the spaces between ideographs), a part's
/// heading cut into the cells of the grid above it, a label's lines each a grid row, two
/// columns it did not see apart written into one cell. Whole reports of these kinds:
/// Fixtures/markdown/*.partstream.md, *.cutheading.md (Scripts/make-cell-stream-fixtures.py).
@Suite struct ConverterLayoutModeTests {
    /// Rows run together into one paragraph are put back one a line: each label with its
    /// numbers, header words apart, a label's rest after its numbers kept with it.
    @Test func aParagraphOfRowsIsReadAsItsLines() {
        #expect(CellStream.paragraphLines("行政处罚 3863 行政强制 297") == ["行政处罚 3863", "行政强制 297"])
        #expect(CellStream.paragraphLines("信息内容 本年处理决定数量 行政许可 3105") == ["信息内容 本年处理决定数量", "行政许可 3105"])
        // Spaces between ideographs dropped: header words and group marks still cut the text.
        #expect(CellStream.paragraphLines("行政强制 297 第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0")
                == ["行政强制 297", "第二十条第（八）项信息内容本年收费金额（单位：万元）", "行政事业性收费0"])
        #expect(CellStream.paragraphLines("5.要求行政机关确认或 0 0 0 0 0 0 0 重新出具已获取信息（六）其他处理 0 2 0 0 0 0 2")
                == ["5.要求行政机关确认或 重新出具已获取信息 0 0 0 0 0 0 0", "（六）其他处理 0 2 0 0 0 0 2"])
        // A label's rest after its numbers, before the next row's mark.
        #expect(CellStream.paragraphLines("2.申请人逾期未按收费 通知要求缴纳费用、行 理 0 0 0 0 0 0 0 政机关不再处理其政府 信息公开申请 3.其他 2 1 0 0 0 0 3")
                == ["2.申请人逾期未按收费 通知要求缴纳费用、行 理 政机关不再处理其政府 信息公开申请 0 0 0 0 0 0 0", "3.其他 2 1 0 0 0 0 3"])
        // One row as written, and a label without numbers, are left as they are.
        #expect(CellStream.paragraphLines("行政规范性文件8 3 21") == ["行政规范性文件8 3 21"])
        #expect(CellStream.paragraphLines("（二）部分公开（区分处理的， 只计这一情形，不计其他情形） 5 1 1 1 1 1 10")
                == ["（二）部分公开（区分处理的， 只计这一情形，不计其他情形） 5 1 1 1 1 1 10"])
        #expect(CellStream.paragraphLines("2.其他法律行政法规禁") == ["2.其他法律行政法规禁"])
        // A mark inside a label's words is no row's start (第一项加第二项, 第（八）项 in a header).
        #expect(CellStream.atItemMarks("（本列数据的勾稽关系为：第一项加第二项之和") == ["（本列数据的勾稽关系为：第一项加第二项之和"])
    }

    /// A report's title and the active-disclosure table's first sub-table as a pipe table, its
    /// first row.
    static let activeGrid = """
        # 某局2024年政府信息公开工作年度报告

        ## 二、主动公开政府信息情况

        | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
        | --- | --- | --- | --- |
        | 规章 | 0 | 0 | 1 |

        """

    /// A table read as a grid whose last rows were written as a paragraph after it: those rows
    /// are read and put after the grid's.
    @Test func rowsWrittenAfterTheirGridAreReadWithIt() throws {
        let markdown = Self.activeGrid + """
            | 行政规范性文件 | 3 | 0 | 43 |

            信息内容 本年处理决定数量 行政许可 3105

            行政处罚 3863 行政强制 297 第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费0

            本年主动公开各类信息 2822 条。

            ## 三、收到和处理政府信息公开申请情况
            """
        let report = try MarkdownReportReader.extract(text: markdown, name: "t.md", sha256: "")
        let active = report.activeDisclosure
        #expect(active["licensing"]?["decisions"] == 3105)
        #expect(active["penalty"]?["decisions"] == 3863)
        #expect(active["coercion"]?["decisions"] == 297)
        #expect(active["fees"]?["amount"] == 0)
        #expect(active["regulations"]?["in_force"] == 1)
    }

    /// Text pymupdf4llm found in a region it took for a picture, after a comment saying so, its
    /// lines kept apart by `<br>`s: the active-disclosure table's last rows (the fees label
    /// wrapped around its number under the sub-table's header: a label, not a header piece)
    /// and the review table as its three groups in turn, each its heading, its fields' names
    /// and its five numbers.
    @Test func pictureTextIsReadAsText() throws {
        let markdown = Self.activeGrid + """

            <!-- Start of picture text -->
            第二十条第（八）项<br>信息内容 本年收费金额（单位：万元）<br>行政事业性收<br>0<br>费<br><!-- End of picture text -->

            ## 四、政府信息公开行政复议、行政诉讼情况

            <!-- Start of picture text -->
            行政复议<br>结果维持结果纠正其他结果尚未审结总计<br>0 0 3 2 5<br>行政诉讼（未经复议直接起诉）<br>结果维持结果纠正其他结果尚未审结总计<br>1 1 0 0 2<br>行政诉讼（复议后起诉）<br>结果维持结果纠正其他结果尚未审结总计<br>0 0 0 0 0<br><!-- End of picture text -->

            ## 五、存在的主要问题及改进情况
            """
        let report = try MarkdownReportReader.extract(text: markdown, name: "t.md", sha256: "")
        #expect(report.activeDisclosure["fees"]?["amount"] == 0)
        #expect(report.reviewLitigation["review"]?.values == [0, 0, 3, 2, 5])
        #expect(report.reviewLitigation["litigation_direct"]?.values == [1, 1, 0, 0, 2])
        #expect(report.reviewLitigation["litigation_after_review"]?.values == [0, 0, 0, 0, 0])
    }

    /// A converter that lost the heading 二、主动公开政府信息情况 leaves the active-disclosure
    /// table's text in part 一: it is read from its first sub-table's heading on.
    @Test func anActiveTableWithoutItsHeadingIsReadFromPartOne() throws {
        let markdown = """
            # 某局2024年政府信息公开工作年度报告

            一、总体情况

            （一）主动公开情况。全年主动公开各类政府信息1139 条。

            第二十条第（一）项

            信息内容 本年制发件 本年废止件 现行有效件数

            数 数 规章 0 0 1 行政规范性文件2 1 31

            第二十条第（五）项

            信息内容 本年处理决定数量

            行政许可 11913

            三、收到和处理政府信息公开申请情况
            """
        let report = try MarkdownReportReader.extract(text: markdown, name: "t.md", sha256: "")
        #expect(report.activeDisclosure["regulations"]?.values == [0, 0, 1])
        #expect(report.activeDisclosure["normative_documents"]?.values == [2, 1, 31])
        #expect(report.activeDisclosure["licensing"]?["decisions"] == 11913)
    }

    /// A row and the next sub-table's heading written as one grid row, each cell's two lines
    /// apart: the row is read, the heading is header text.
    @Test func aRowAndTheNextHeadingInOneGridRowAreTwoRows() {
        let grid = PDFConverterTableTests.grid([["信息内容", "本年处理决定", "数量"], ["行政许可<br>第二十条第（六）", "4689<br>项", ""],
                                                ["信息内容", "本年处理决定", "数量"], ["行政处罚", "3899", ""]]
            .map { $0.map { $0.replacingOccurrences(of: "<br>", with: "\n") } })
        let read = HTMLTableReader.activeRows(Self.withLines(grid))
        #expect(read.rows.map(\.label) == ["行政许可", "行政处罚"])
        #expect(read.rows.map(\.cells) == [["4689", nil], ["3899", nil]])
    }

    /// A grid whose cells' text `\n` separates into lines (`<br>` in a converter's cell).
    static func withLines(_ grid: TableGrid) -> TableGrid {
        var grid = grid
        for i in grid.cells.indices { grid.cells[i].lines = grid.cells[i].lines.flatMap { $0.split(separator: "\n").map(String.init) } }
        return grid
    }

    /// Two applications rows written into one grid row, each cell's lines one a row: read as two
    /// rows. A number alone in its cell goes to the row under which both add up.
    @Test func twoRowsInOneGridRowAreReadApart() {
        let head = ["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        let grid = Self.withLines(PDFConverterTableTests.grid([
            head,
            ["供", "2.没有现成信息需要\n另行制作\n3.补正后申请内容仍\n不明确", "0\n0", "0\n0", "0\n0", "2\n1", "0\n0", "0\n0", "2\n1"],
            ["", "3.补正后申请内容仍不\n明确\n1.信访举报投诉类申请", "", "", "4\n4", "8", "10", "3", "7\n22"],
        ]))
        let rows = HTMLTableReader.fixedRows(grid, width: 7)
        #expect(rows.map(\.label) == ["供2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "3.补正后申请内容仍不明确", "1.信访举报投诉类申请"])
        #expect(rows.map(\.cells) == [["0", "0", "0", "2", "0", "0", "2"], ["0", "0", "0", "1", "0", "0", "1"],
                                       [nil, nil, "4", nil, nil, "3", "7"], [nil, nil, "4", "8", "10", nil, "22"]])
        #expect(rows.allSatisfy { $0.placementDoubt == nil })
        // One row whose label lists items, its numbers one a cell: one row.
        let listed = Self.withLines(PDFConverterTableTests.grid([
            head, ["（六）其他处理", "1.申请人无正当理由逾期不补正\n2.申请人逾期未按收费通知要求缴纳费用\n3.其他", "1", "0", "0", "0", "0", "0", "1"],
        ]))
        #expect(HTMLTableReader.fixedRows(listed, width: 7).count == 1)
        // Two rows printed blank in one grid row: two rows.
        let blank = Self.withLines(PDFConverterTableTests.grid([
            head, ["", "2.其他法律行政法规禁\n止公开\n3.危及“三安全一稳定”", "", "", "", "", "", "", ""],
        ]))
        #expect(HTMLTableReader.fixedRows(blank, width: 7).map(\.label) == ["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"])
    }

    /// A column drawn as two slots, the header naming one: a number in the other stands under no
    /// column. It is not read, and the row's cells are in doubt (they were read blank, unmarked).
    @Test func aNumberUnderNoColumnMarksItsRow() {
        let grid = PDFConverterTableTests.grid([
            ["", "自然人", "商业企业", "科研机构", "社会公益组织", "", "法律服务机构", "其他", "总计"],
            ["1.属于国家秘密", "0", "0", "0", "", "0", "0", "0", "0"],
            ["4.保护第三方合法权益", "0", "0", "0", "0", "", "1", "0", "1"],
        ])
        let rows = HTMLTableReader.fixedRows(grid, width: 7)
        #expect(rows.map(\.cells) == [["0", "0", "0", nil, "0", "0", "0"], ["0", "0", "0", "0", "1", "0", "1"]])
        #expect(rows.map { $0.placementDoubt != nil } == [true, false])
    }

    /// The review groups stacked in one grid, a litigation group's heading cut into cells
    /// (`行政诉讼` | `（未经复` | `议直接起诉` | `）`): each value row goes to the group its
    /// heading names across the cells.
    @Test func aGroupHeadingCutIntoCellsNamesItsGroup() {
        let grid = PDFConverterTableTests.grid([
            ["行政复议", "", "", "", ""], ["结果维", "结果纠", "其他结", "尚未审", "总"], ["2", "3", "0", "4", "9"],
            ["行政诉讼", "（未经复", "议直接起诉", "）", ""], ["结果维", "结果纠", "其他结", "尚未审", "总"], ["1", "0", "0", "0", "1"],
            ["行政诉讼", "（复议后", "起诉）", "", ""], ["结果维", "结果纠", "其他结", "尚未审", "总"], ["0", "0", "1", "1", "2"],
        ])
        let groups = HTMLTableReader.stackedReviewGroups(grid, first: 0)
        #expect(groups[0] == ["2", "3", "0", "4", "9"])
        #expect(groups[1] == ["1", "0", "0", "0", "1"])
        #expect(groups[2] == ["0", "0", "1", "1", "2"])
    }

    /// A part's heading a converter ran into the grid above it, cut into cells: the grid is cut
    /// there, the heading a line between its two pieces.
    @Test func aHeadingRowCutsItsGrid() {
        let grid = PDFConverterTableTests.grid([["行政事业性收费", "0"], ["三、收到和处理政府信", "息公开申请情况"], ["申请人情况", ""]])
        let blocks = HTMLReport.cutAtHeadings(HTMLBlock(content: .table(grid), path: []))
        #expect(blocks.count == 3)
        guard blocks.count == 3, case .table(let above) = blocks[0].content, case .line(let heading) = blocks[1].content,
              case .table(let below) = blocks[2].content else { return }
        #expect(above.rowCount == 1 && below.rowCount == 1)
        #expect(heading == "三、收到和处理政府信息公开申请情况")
        // A row of the applications table opening with 三、 is no heading.
        let rows = PDFConverterTableTests.grid([["（一）予以公开", "1"], ["三、本年度办理结果", ""]])
        #expect(HTMLReport.cutAtHeadings(HTMLBlock(content: .table(rows), path: [])).count == 1)
    }

    /// A label's lines each a grid row, the numbers on its first: the lines under it that start
    /// no row are its rest when the whole reads more like a template row.
    @Test func aLabelsRestUnderItsRowIsJoined() {
        let rows = [RawRow(label: "度办理结（二）部分公开（区分处理", cells: ["0", "12", "0", "3", "0", "3", "18"]),
                    RawRow(label: "果的，只计这一情形，不计其", cells: Array(repeating: nil, count: 7)),
                    RawRow(label: "他情形）", cells: Array(repeating: nil, count: 7)),
                    RawRow(label: "（三）不予公开", cells: Array(repeating: nil, count: 7)),
                    RawRow(label: "1.属于国家秘密", cells: ["0", "1", "0", "0", "0", "0", "1"]),
                    RawRow(label: "供", cells: Array(repeating: nil, count: 7))]
        let joined = WrappedLabelRows.withRests(rows)
        #expect(joined.map(\.label) == ["度办理结（二）部分公开（区分处理果的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "供"])
    }

    /// Numbers wrapped digit by digit in narrow cells, each printed line a grid row: the lower
    /// lines' digits end the numbers above them when the row then adds up, and not otherwise.
    @Test func digitsWrappedIntoTheRowsBelowEndTheirNumbers() {
        let rows = [RawRow(label: "一、本年新收政府信息公开", cells: ["2557", "893", "7", "9", "200", "1", "396"]),
                    RawRow(label: "申请数量", cells: [nil, nil, "9", "8", nil, "3", "2"]),
                    RawRow(label: "", cells: [nil, nil, nil, nil, nil, "5", nil]),
                    RawRow(label: "二、上年结转政府信息公开申请数量", cells: ["1", "0", "0", "0", "0", "0", "1"])]
        let joined = WrappedLabelRows.withRests(rows)
        #expect(joined.map(\.label) == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"])
        #expect(joined.first?.cells == ["2557", "893", "79", "98", "200", "135", "3962"])
        // Joined, the row would not add up: the digits are left where they stand.
        var wrong = rows
        wrong[2].cells[5] = "4"
        #expect(WrappedLabelRows.withRests(wrong).count == 4)
    }

    /// Two columns a converter did not see apart: their header cells run together and their
    /// numbers stacked in one cell; the header names three fields, so the cell's two numbers
    /// are the last two.
    @Test func numbersStackedUnderMergedHeadersSpreadOverTheirFields() {
        #expect(HTMLTableReader.namedFields("信息内容 本年制发件数 本年废止件数现行有效件数") == 3)
        #expect(HTMLTableReader.namedFields("信息内容 上一年项目数量 本年增/减 处理决定数量") == 3)
        #expect(HTMLTableReader.namedFields("信息内容 本年处理决定数量") == 1)
        #expect(HTMLTableReader.spreadStacked([["0"], ["3", "11"]], named: 3) == ["0", "3", "11"])
        #expect(HTMLTableReader.spreadStacked([["0", "0", "1"]], named: 3) == ["0", "0", "1"])
        // As many slots as fields: a stacked cell is one number wrapped or spread into blanks.
        #expect(HTMLTableReader.spreadOver([["0"], ["3"], ["1", "1"]], named: 3) == nil)
    }
}

import Testing
@testable import GovReport

/// Pipe tables as PDF-to-Markdown converters (pymupdf4llm) write them from printed reports
/// (Scripts/stress/md_converters.py): placeholder header names, a row cut by a page break, a
/// column drawn as two slots, three small review tables as one, a table piece whose value is
/// left blank. Fixtures/markdown/pymupdf4llm-*.md are whole reports of these kinds.
@Suite struct PDFConverterTableTests {
    /// `Col2`… are pymupdf4llm's names for empty header cells, not header text.
    @Test func placeholderHeaderNamesAreBlanked() {
        let lines = ["|第二十条第（八）项|Col2|", "|---|---|", "|行政事业性收费|0|"]
        #expect(PlaceholderHeaders.blanked(lines) == ["| 第二十条第（八）项 |  |", "|---|---|", "|行政事业性收费|0|"])
    }

    /// A page break inside a row: the next page's table starts with the label's second half
    /// and placeholders for values; the halves are one row again.
    @Test func aRowCutByAPageBreakIsJoined() {
        let lines = [
            "|三、本年度办理结果|（三）不|2.其他法律行政法规禁|0|0|",
            "", "- 2 —", "",
            "|Col1|予公开|止公开|Col4|Col5|",
            "|---|---|---|---|---|",
            "||予公开|3.危及“三安全一稳定”|0|0|",
        ]
        #expect(PlaceholderHeaders.blanked(lines) == [
            "| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 |",
            "", "- 2 —", "",
            "||予公开|3.危及“三安全一稳定”|0|0|",
        ])
    }

    /// A number wrapped digit by digit in a narrow cell and cut by a page break: its last
    /// digits open the next page's table as a header row of placeholders and digits (under
    /// 266 299 165 printed `2 6 6`, `2 9 9`, `1 6 5` down their cells). They end the numbers
    /// in the same value slots of the row above, counted from the right: the next page's
    /// table may draw another label column.
    @Test func theRestOfANumberCutByAPageBreakEndsItsCellAbove() {
        let lines = [
            "|三、<br>本年|（一）予以公开|4576|1283|2<br>6||2<br>9|261|1<br>6|6850|",
            "", "",
            "|度办<br>理结<br>果|Col2|Col3|Col4|Col5|6|Col7|9|Col9|5|Col11|",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            "|度办<br>理结<br>果|（二）部分公开|（二）部分公开|1356||8<br>0|44|44|86|5<br>3|16|",
        ]
        #expect(PlaceholderHeaders.blanked(lines) == [
            "| 三、<br>本年 | （一）予以公开 | 4576 | 1283 | 2<br>6<br/>6 |  | 2<br>9<br/>9 | 261 | 1<br>6<br/>5 | 6850 |",
            "", "",
            // Another width: the next page's table keeps its header row, or it would be no table.
            "| 度办<br>理结<br>果 |  |  |  |  |  |  |  |  |  |  |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            "|度办<br>理结<br>果|（二）部分公开|（二）部分公开|1356||8<br>0|44|44|86|5<br>3|16|",
        ])
        // The same with a total's last digit (40 | 8 for 408), the tables as wide.
        let total = ["||（七）总计|（七）总计|305|53|1|11|11|13|1|40|", "",
                     "|Col1|Col2|Col3|Col4|3|Col6|Col7|Col8|3|8|", "|---|---|---|---|---|---|---|---|---|---|"]
        #expect(PlaceholderHeaders.blanked(total).first == "|  | （七）总计 | （七）总计 | 305 | 53 | 1<br/>3 | 11 | 11 | 13 | 1<br/>3 | 40<br/>8 |")
    }

    /// A next page's table whose first row is a whole row of numbers (its label on the page
    /// before, or a converter's header taken from a data row) ends nothing above.
    @Test func aWholeRowOfNumbersIsNoRestOfTheRowAbove() {
        let lines = ["||（七）总计|305|53|13|11|11|13|408|", "",
                     "|四、结转下年度继续办理|2|2|1|0|0|1|6|", "|---|---|---|---|---|---|---|---|"]
        #expect(PlaceholderHeaders.blanked(lines)[0] == lines[0])
        let bare = ["||（七）总计|305|53|13|11|11|13|408|", "",
                    "|Col1|Col2|2|2|1|0|0|1|6|", "|---|---|---|---|---|---|---|---|---|"]
        #expect(PlaceholderHeaders.blanked(bare)[0] == bare[0])
    }

    /// A repeated header over the next page's table (申请人情况 over the value columns) is no
    /// half row: only its placeholders go.
    @Test func aRepeatedHeaderIsNotJoinedToTheRowAbove() {
        let lines = ["|（五）不予处理|3.要求提供公开出版物||2|2|", "",
                     "|（本列数据的勾稽关系）|Col2|申请人情况|Col4|Col5|", "|---|---|---|---|---|"]
        #expect(PlaceholderHeaders.blanked(lines) == [
            "|（五）不予处理|3.要求提供公开出版物||2|2|", "",
            "| （本列数据的勾稽关系） |  | 申请人情况 |  |  |", "|---|---|---|---|---|"])
    }

    static func grid(_ rows: [[String]]) -> TableGrid {
        TableGrid(rows: rows.map { $0.map { (lines: $0.isEmpty ? [] : [$0], rowSpan: 1, columnSpan: 1) } })
    }

    /// 社会公益组织 drawn over two slots, its text repeated in both and its values in one or
    /// both: one column, so 总计 keeps its own (其他 repeated into 总计's slot below 总计).
    @Test func aColumnDrawnAsTwoSlotsIsOneColumn() {
        let g = Self.grid([
            ["", "自然人", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "总计"],
            ["", "自然人", "商业企业", "科研机构", "社会公益组织", "社会公益组织", "法律服务机构", "其他", "其他"],
            ["一、本年新收政府信息公开申请数量", "46", "14", "5", "", "6", "4", "6", "81"],
            ["4.保护第三方合法权益", "0", "0", "0", "0", "0", "1", "1", "2"],
        ])
        let rows = HTMLTableReader.fixedRows(g, width: 7)
        #expect(rows.map(\.cells) == [["46", "14", "5", "6", "4", "6", "81"], ["0", "0", "0", "0", "1", "1", "2"]])
    }

    /// Three five-column review tables written as one pipe table: each group's values follow
    /// the heading row naming it (the first group's heading is a line above the table).
    @Test func stackedReviewGroupsKeepTheirOwnValues() {
        let fields = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let g = Self.grid([
            fields, ["2", "4", "4", "0", "10"],
            Array(repeating: "行政诉讼（未经复议直接起诉）", count: 5), fields, ["0", "0", "0", "2", "2"],
            Array(repeating: "行政诉讼（复议后起诉）", count: 5), fields, ["0", "1", "0", "0", "1"],
        ])
        let groups = HTMLTableReader.stackedReviewGroups(g, first: 0)
        #expect(groups[0] == ["2", "4", "4", "0", "10"])
        #expect(groups[1] == ["0", "0", "0", "2", "2"])
        #expect(groups[2] == ["0", "1", "0", "0", "1"])
        // One group's table names no group in its rows: left to the one-group reading.
        #expect(HTMLTableReader.stackedReviewGroups(Self.grid([fields, ["1", "0", "0", "0", "1"]]), first: 1).isEmpty)
    }

    /// pymupdf4llm's `text` strategy draws no line between the label column and the first value
    /// column: the first number is written in the label's cell (on its own line, or glued).
    @Test func aNumberInTheLabelCellIsTheFirstValue() {
        let g = TableGrid(rows: [
            [(lines: ["信息内容", "本年制发件数"], rowSpan: 1, columnSpan: 1), (lines: ["本年废止件数"], rowSpan: 1, columnSpan: 1),
             (lines: ["现行有效件数"], rowSpan: 1, columnSpan: 1)],
            [(lines: ["规章", "0"], rowSpan: 1, columnSpan: 1), (lines: ["0"], rowSpan: 1, columnSpan: 1),
             (lines: ["2"], rowSpan: 1, columnSpan: 1)],
            [(lines: ["行政规范性文件5"], rowSpan: 1, columnSpan: 1), (lines: ["1"], rowSpan: 1, columnSpan: 1),
             (lines: ["58"], rowSpan: 1, columnSpan: 1)],
            [(lines: ["行政许可", "11643"], rowSpan: 1, columnSpan: 1), (lines: [], rowSpan: 1, columnSpan: 1),
             (lines: [], rowSpan: 1, columnSpan: 1)],
        ])
        let rows = HTMLTableReader.activeRows(g).rows
        #expect(rows.map(\.label) == ["规章", "行政规范性文件", "行政许可"])
        #expect(rows.map(\.cells) == [["0", "0", "2"], ["5", "1", "58"], ["11643", nil, nil]])
    }

    /// The fees row split off onto its own page with its amount left blank is a piece of the
    /// active-disclosure table (data, not running text), with no number in it.
    @Test func aBlankFeesPieceIsATablePiece() {
        let g = Self.grid([["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", ""]])
        #expect(HTMLTableReader.hasBlankRow(g, .active))
        #expect(HTMLReport.kindByPosition(g, part: .activeDisclosure) == .active)
        #expect(!HTMLTableReader.hasBlankRow(Self.grid([["联系电话", ""]]), .active))
    }
}

/// Pieces of the applications table after a page break, as pymupdf4llm writes them.
@Suite struct PDFConverterPieceTests {
    /// A page's table starting with a row of its own (item mark 3.) whose values are blank is
    /// no half of the row above.
    @Test func aRowOfItsOwnIsNotJoined() {
        let lines = ["||（六）其他处理|2.申请人逾期未按收费通知要求缴纳费用|||", "",
                     "|Col1|Col2|3.其他|Col4|Col5|", "|---|---|---|---|---|"]
        #expect(PlaceholderHeaders.blanked(lines)[2] == "|  |  | 3.其他 |  |  |")
    }

    /// A piece without a header whose values stand in more slots than the table has columns
    /// (a column drawn as two) takes the value columns of the piece before it.
    @Test func aPieceWithoutHeaderTakesThePreviousColumns() {
        let first = PDFConverterTableTests.grid([
            ["", "自然人", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "总计"],
            ["", "自然人", "商业企业", "科研机构", "社会公益组织", "社会公益组织", "法律服务机构", "其他", "其他"],
            ["一、本年新收政府信息公开申请数量", "196", "8", "11", "", "11", "21", "13", "260"],
        ])
        let columns = HTMLTableReader.valueColumnsFromRight(first, width: 7)
        let piece = PDFConverterTableTests.grid([
            ["三、本年度办理结果", "（一）予以公开", "", "135", "", "5", "", "6", "12", "8", "166"],
        ])
        #expect(HTMLTableReader.fixedRows(piece, width: 7, inherited: columns).map(\.cells)
                == [["135", nil, "5", "6", "12", "8", "166"]])
        // Without the first piece's columns the last seven slots are taken (the old reading).
        #expect(HTMLTableReader.fixedRows(piece, width: 7).map(\.cells) == [[nil, "5", nil, "6", "12", "8", "166"]])
        // Either way the piece's own rows do not say which slot is whose: a guess, marked.
        let pieceGuessed = HTMLTableReader.fixedRows(piece, width: 7, inherited: columns).map { $0.placementDoubt != nil }
        let firstGuessed = HTMLTableReader.fixedRows(first, width: 7).map { $0.placementDoubt != nil }
        #expect(pieceGuessed == [true])
        #expect(firstGuessed == [false])
    }

    /// A guessed row's cells are all marked by the mapper.
    @Test func aGuessedRowIsMarked() {
        var row = RawRow(label: "一、本年新收政府信息公开申请数量", cells: ["1", "2", "3", "4", "5", "6", "21"])
        row.placementDoubt = "a test"
        var mapper = TemplateMapper(template: .v2021)
        _ = mapper.applications([row])
        let marks = mapper.diagnostics.filter { $0.code == "cell.uncertain" }
        #expect(marks.map(\.column) == Template.applicationColumns.map { Optional($0) })
        #expect(marks.allSatisfy { $0.row == "new_received" })
    }
}

/// A Markdown row whose cells do not fit the template (pymupdf4llm's text strategy: a label
/// and a value in one cell, `|规章<br>0<br>|0<br>|2|`) keeps the mapper's reading and marks
/// every cell of the row `cell.uncertain`; a merged cell repeated into its slots does not.
@Suite struct UnplacedCellMarksTests {
    static func marks(_ rows: [RawRow], markdown: Bool = true) -> [Finding] {
        var mapper = TemplateMapper(template: .v2021)
        mapper.marksUnplacedCells = markdown
        _ = mapper.active(rows)
        return mapper.diagnostics.filter { $0.code == "cell.uncertain" }
    }

    @Test func aRowWithTooFewCellsIsMarked() {
        let marks = Self.marks([RawRow(label: "规章0", cells: ["0", "2"]), RawRow(label: "行政许可", cells: ["12"])])
        #expect(marks.map(\.row) == ["regulations", "regulations", "regulations"])
        #expect(marks.map(\.column) == ["issued", "repealed", "in_force"])
        #expect(Self.marks([RawRow(label: "规章0", cells: ["0", "2"])], markdown: false).isEmpty)
    }

    @Test func aRepeatedMergedCellIsNotMarked() {
        #expect(Self.marks([RawRow(label: "行政许可", cells: ["8920", "8920", "8920"])]).isEmpty)
        #expect(Self.marks([RawRow(label: "行政许可", cells: ["8920", "12"])]).count == 1)
    }
}

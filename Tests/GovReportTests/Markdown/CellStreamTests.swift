import Testing
@testable import GovReport

/// Tables a converter wrote as a stream of paragraphs (pymupdf4llm's default strategies on
/// LibreOffice prints; `CellStream`): rows of a label and its numbers, wrapped labels around a
/// line of numbers, a page's rows before their labels, rows with too few numbers not read.
/// Whole reports of these kinds: Fixtures/markdown/*.cellstream.md, *.allstream.md
/// (Scripts/make-cell-stream-fixtures.py).
@Suite struct CellStreamTests {
    @Test func aLineIsItsLabelAndTheNumbersThatEndIt() {
        #expect(CellStream.split("规章 0 0 1") == ("规章", ["0", "0", "1"]))
        #expect(CellStream.split("行政许可 167 -2 1823") == ("行政许可", ["167", "-2", "1823"]))
        // A narrow label cell runs into the first number's.
        #expect(CellStream.split("行政规范性文件8 3 21") == ("行政规范性文件", ["8", "3", "21"]))
        #expect(CellStream.split("行政事业性收费0") == ("行政事业性收费", ["0"]))
        #expect(CellStream.split("0 6 1 1 2 0 10").label.isEmpty)
        // Numbers inside a label are no values; a marker is no glued number.
        #expect(CellStream.split("1.属于国家秘密").values.isEmpty)
        #expect(CellStream.split("第二十条第（一）项").values.isEmpty)
    }

    /// The 2019 format's sub-table: its header cells wrapped (本年新公开数 / 量) and out of
    /// order, each row on one line; the header text tells the format.
    @Test func activeRowsFollowTheirWrappedHeader() {
        let read = CellStream.read(["第二十条第（一）项", "本年新公开数", "量", "信息内容", "本年新制作数", "量", "对外公开总数量",
                                    "规章 0 0 1", "规范性文件 3 4 38", "第二十条第（九）项", "信息内容 采购项目数量 采购总金额（万元）",
                                    "政府集中采购 44 1856.42"], width: nil, table: .activeDisclosure)
        #expect(read.rows.map(\.label) == ["规章", "规范性文件", "政府集中采购"])
        #expect(read.rows.map(\.cells) == [["0", "0", "1"], ["3", "4", "38"], ["44", "1856.42"]])
        #expect(TemplateMapper.detectTemplate(activeHeaderText: read.header, year: nil) == .v2019)
        #expect(TemplateMapper.unit(inHeader: read.rows[2].header) == "万元")
    }

    /// A wrapped label's lines before and after its row's numbers are one label; a group's
    /// vertical name before a row is not part of it.
    @Test func aWrappedLabelAroundItsNumbersIsOneLabel() {
        let read = CellStream.read(["（二）部分公开（区分处", "理的，只计这一情形，不", "计其他情形）", "26 7 1 1 1 1 37",
                                    "（三", "）不", "予公", "开", "1.属于国家秘密 0 0 0 0 0 0 0",
                                    "2.其他法律行政法规禁", "0 0 0 0 1 0 1", "止公开", "3.危及“三安全一稳定” 0 0 0 0 0 0 0"],
                                   width: 7, table: .applications)
        #expect(read.rows.map(\.label) == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密",
                                           "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"])
        #expect(read.rows[2].cells == ["0", "0", "0", "0", "1", "0", "1"])
    }

    /// At a page break the header is written again, with a row's first label line inside it,
    /// and the page's next rows' numbers before their labels: the first takes its label line;
    /// the next, with no label before it, is paired with the one label written after it with no
    /// numbers (and is in doubt).
    @Test func rowsBeforeTheirLabelsAreLeftToTheirPlace() {
        let read = CellStream.read(["8.属于行政查询事项 0 0 0 0 0 0 0", "社会", "（本列数据的勾稽关系为：第一项加第二",
                                    "项之和，等于第三项加第四项之和）", "1.本机关不掌握相关政", "申请人情况", "自然", "人",
                                    "38 13 1 1 0 2 55", "7 2 0 0 1 0 10", "（四", "）无", "府信息", "2.没有现成信息需要另",
                                    "1.信访举报投诉类申请 0 0 1 1 0 1 3"], width: 7, table: .applications)
        #expect(read.rows.map(\.label) == ["8.属于行政查询事项", "1.本机关不掌握相关政", "2.没有现成信息需要另", "1.信访举报投诉类申请"])
        #expect(read.rows[2].cells == ["7", "2", "0", "0", "1", "0", "10"])
        #expect(read.rows.map { $0.placementDoubt != nil } == [false, false, true, false])
    }

    /// A converter's reading order wrote a group's rows' labels (their numbers left beside
    /// them) before the next group's rows, and their numbers after the group's last row: as
    /// many label-only rows as number-only lines, paired in order where the labels stand, each
    /// pairing in doubt.
    @Test func labelsAndNumbersWrittenApartArePairedInOrder() {
        let read = CellStream.read(["8.属于行政查询事项 0 0 0 0 0 0 0", "三、本年", "度办理", "结果", "（四", "）无", "法提", "供", "（五", "）不", "予处", "理",
                                    "1.本机关不掌握相关政", "府信息", "2.没有现成信息需要另", "行制作", "3.补正后申请内容仍不", "明确",
                                    "1.信访举报投诉类申请 0 0 0 0 0 0 0", "2.重复申请 0 0 1 0 1 1 3",
                                    "0 0 0 0 0 0 0", "0 0 1 0 0 0 1", "0 1 0 1 0 0 2", "（七）总计 3 13 7 4 5 5 37"],
                                   width: 7, table: .applications)
        // Each pairing where its label was written.
        #expect(read.rows.map(\.label) == ["8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
                                           "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "（七）总计"])
        #expect(read.rows[2].cells == ["0", "0", "1", "0", "0", "0", "1"])
        #expect(read.rows.map { $0.placementDoubt != nil } == [false, true, true, true, false, false, false])
        #expect(!read.rows.contains { $0.placedByPosition })
        // One label too many: nothing says which is whose; the numbers are left to their place.
        let uneven = CellStream.read(["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "1.信访举报投诉类申请 0 0 0 0 0 0 0",
                                      "0 0 1 0 0 0 1", "（七）总计 3 13 7 4 5 5 37"], width: 7, table: .applications)
        #expect(uneven.rows.map(\.placedByPosition) == [false, true, false])
    }

    /// Zeros printed blank: a row with fewer numbers than columns could be any of them, so it
    /// is not read (and is reported); a full row is.
    @Test func aRowWithTooFewNumbersIsNotRead() {
        let read = CellStream.read(["一、本年新收政府信息公开申请数量 16 7 5 5 7 4 44", "二、上年结转政府信息公开申请数量 1 1"],
                                   width: 7, table: .applications)
        #expect(read.rows.map(\.cells.count) == [7])
        #expect(read.diagnostics.map(\.code) == ["table.row_ambiguous"])
    }

    /// A cell a paragraph: the numbers after a label line are its cells, read only when the
    /// row adds up.
    @Test func aCellAParagraphIsReadWhenItsRowAddsUp() {
        let adds = CellStream.read(["一、本年新收政府信息公开申请数量", "1", "2", "0", "0", "0", "0", "3"], width: 7, table: .applications)
        #expect(adds.rows.map(\.cells) == [["1", "2", "0", "0", "0", "0", "3"]])
        let fails = CellStream.read(["一、本年新收政府信息公开申请数量", "1", "2", "0", "0", "0", "0", "4"], width: 7, table: .applications)
        #expect(fails.rows.isEmpty)
    }

    /// The mapper places a row without a label by its place: exactly as many rows between
    /// two found ones as the template has there.
    @Test func aLabelLessRowIsPlacedByItsPlace() {
        var rows = [RawRow(label: "1.本机关不掌握相关政府信息", cells: Array(repeating: "1", count: 7)),
                    RawRow(label: "", cells: Array(repeating: "2", count: 7)),
                    RawRow(label: "", cells: Array(repeating: "3", count: 7)),
                    RawRow(label: "1.信访举报投诉类申请", cells: Array(repeating: "4", count: 7))]
        rows[1].placedByPosition = true
        rows[2].placedByPosition = true
        var mapper = TemplateMapper(template: .v2021)
        let table = mapper.applications(rows)
        #expect(table.rows.map(\.key) == ["unable_not_held", "unable_needs_creation", "unable_unclear", "rejected_petition"])
        // Not without the mark: a row whose label is only unreadable stays unplaced.
        rows[2].placedByPosition = false
        var plain = TemplateMapper(template: .v2021)
        #expect(!plain.applications(rows).rows.map(\.key).contains("unable_unclear"))
    }
}

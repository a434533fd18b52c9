import Testing
@testable import GovReport

/// Tables as Markdown converters write them beyond pipe tables: Pandoc's dash-ruled and grid
/// tables, and markitdown's rows that lost the slots of cells merged from above.
@Suite struct ConverterTableTests {
    @Test func aMultilineTableBecomesPipeRows() {
        let lines = [
            "  ----------------------------------------",
            "  第二十条第（一）项",
            "  ------------ ------------ -------------",
            "  信息内容     本年制发\\",
            "               件数         现行有效件数",
            "",
            "  规章         0            2",
            "",
            "  ----------------------------------------",
        ]
        #expect(DashRuledTables.asPipeRows(lines) == [
            "| 第二十条第（一）项 |  |  |", "|---|---|---|",
            "| 信息内容 | 本年制发件数 | 现行有效件数 |", "| 规章 | 0 | 2 |", ""])
    }

    @Test func aSimpleTableBecomesPipeRows() {
        let lines = ["信息内容   本年数量", "---------- --------", "行政许可   12", "行政处罚   3", "", "后文"]
        #expect(DashRuledTables.asPipeRows(lines) == [
            "| 信息内容 | 本年数量 |", "|---|---|", "| 行政许可 | 12 |", "| 行政处罚 | 3 |", "", "", "后文"])
    }

    @Test func aGridTableBecomesPipeRows() {
        let lines = ["+------+-----+", "| 信息 | 本年 |", "| 内容 | 数量 |", "+======+=====+",
                     "| 规章 | 7   |", "+------+-----+", "| 收费 |     |", "+------+-----+", "后文"]
        #expect(DashRuledTables.asPipeRows(lines) == [
            "| 信息内容 | 本年数量 |", "|---|---|", "| 规章 | 7 |", "| 收费 |  |", "", "后文"])
    }

    /// markitdown leaves out the slots of a cell merged from above: the row's values are
    /// written first and would land under the wrong columns; they are put back at the right.
    @Test func aRowMissingMergedSlotsKeepsItsValuesInTheirColumns() {
        let lines = [
            "|  |  |  |  |  |  |", "| --- | --- | --- | --- | --- | --- |",
            "| 三、结果 | （一）公开 | | 60 | 8 | 79 |",
            "| （二）部分 | | 21 | 4 | 28 |",
            "| （三）不予 | 1.秘密 | 0 | 0 | 0 |",
            "| 2.禁止 | 1 | 0 | 1 |",
            "| 自然人 | 总计 |",
        ]
        #expect(RaggedPipeRows.aligned(lines) == [
            "|  |  |  |  |  |  |", "| --- | --- | --- | --- | --- | --- |",
            "| 三、结果 | （一）公开 | | 60 | 8 | 79 |",
            "|  | （二）部分 |  | 21 | 4 | 28 |",
            "|  | （三）不予 | 1.秘密 | 0 | 0 | 0 |",
            "|  |  | 2.禁止 | 1 | 0 | 1 |",
            "| 自然人 | 总计 |",
        ])
        // A hand-written short row of a wider table keeps the parser's padding at the end.
        let active = ["| 信息内容 | 制发 | 废止 | 有效 |", "|---|---|---|---|", "| 规章 | 0 | 0 | 2 |", "| 行政许可 | 4946 |"]
        #expect(RaggedPipeRows.aligned(active) == active)
    }
}

/// Nougat writes tables as LaTeX tabulars: merged cells as \multicolumn and \multirow.
@Suite struct LatexTableTests {
    @Test func aTabularBecomesPipeRows() {
        let lines = [
            "\\begin{table}", "\\centering", "\\begin{tabular}{|c|c|c|}", "\\hline",
            "\\multicolumn{2}{|c|}{\\multirow{2}{*}{信息内容}} & 本年 \\\\ \\hline",
            "\\multicolumn{2}{|c|}{} & \\textbf{数量} \\\\ \\cline{1-3}",
            "\\multirow{2}{*}{三、结果} & 规章 & $12$ \\\\ \\hline",
            " & 收费 & 3.5 \\\\ \\hline", "\\end{tabular}", "\\end{table}", "后文",
        ]
        #expect(LatexTables.asPipeRows(lines) == [
            "| 信息内容 |  | 本年 |", "|---|---|---|", "|  |  | 数量 |",
            "| 三、结果 | 规章 | $12$ |", "|  | 收费 | 3.5 |", "", "后文"])
        let one = ["前文", "\\begin{tabular}{cc} \\hline 规章 & 1 \\\\ 收费 & 2 \\\\ \\end{tabular}"]
        #expect(LatexTables.asPipeRows(one) == ["前文", "", "| 规章 | 1 |", "|---|---|", "| 收费 | 2 |", ""])
    }
}

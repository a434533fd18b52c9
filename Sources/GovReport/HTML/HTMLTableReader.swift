/// Reads the standard tables from HTML table grids: which table a grid is, and its rows as
/// the `RawRow`s the template mapper takes (the same as the PDF and text readers give).
enum HTMLTableReader {
    enum Kind: Sendable, CaseIterable {
        case active, applications, review

        var part: ReportPart {
            switch self {
            case .active: .activeDisclosure
            case .applications: .applications
            case .review: .reviewLitigation
            }
        }

        init?(part: ReportPart) {
            guard let kind = Self.allCases.first(where: { $0.part == part }) else { return nil }
            self = kind
        }

        /// Words of the table's own headers and row labels.
        var words: [String] {
            switch self {
            case .active:
                ["信息内容", "第二十条", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费",
                 "本年制发件数", "现行有效件数", "处理决定数量", "上一年项目数量", "政府集中采购"]
            case .applications:
                ["申请人情况", "自然人", "商业企业", "本年新收", "上年结转", "予以公开", "不予公开", "无法提供",
                 "不予处理", "其他处理", "结转下年度"]
            case .review:
                ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "复议后起诉", "未经复议"]
            }
        }
    }

    /// The standard table a grid is, by the most of its kind's words it contains (at least 3).
    /// Link text does not count: a menu of 行政许可/行政处罚/行政强制 links is no table of numbers.
    static func classify(_ grid: TableGrid) -> Kind? {
        let k = TextNormalizer.key(grid.cells.filter { !$0.isLink }.map(\.text).joined(separator: "\n"))
        let scored = Kind.allCases.map { kind in (kind, kind.words.filter { k.contains($0) }.count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 3 else { return nil }
        // A table holding two kinds' words equally is not one of them.
        guard scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    /// Whether a cell's text is a value (number or placeholder) or blank.
    static func isValueOrBlank(_ text: String) -> Bool {
        text.isEmpty || ValueParser.looksLikeValue(text)
    }

    // MARK: fixed-width tables (applications: 7 value columns; review: 15)

    /// Rows of a table whose values fill the last `width` columns. A row is a header row when a
    /// slot in the value columns holds text that is not a value (自然人, 总计, a title spanning
    /// the table); the others are data rows: label from the cells left of the value columns,
    /// one value per value column.
    static func fixedRows(_ grid: TableGrid, width: Int) -> [RawRow] {
        let columns = usedColumnCount(grid)
        let valueStart = max(0, columns - width)
        var rows: [RawRow] = []
        var header = ""
        for r in 0..<grid.rowCount {
            let valueSlots = (valueStart..<columns).map { grid.slots[r][$0] }
            if valueSlots.contains(where: { $0.map { !isValueOrBlank(grid.cells[$0].text) } ?? false }) {
                header = grid.cellsInRow(r).map { grid.cells[$0].text }.joined(separator: " ")
                continue
            }
            // A value belongs to the row and column where its cell starts; the slots a merged
            // value cell also covers are blank.
            var values: [String?] = valueSlots.enumerated().map { i, slot in
                guard let slot, grid.cells[slot].starts(at: r, valueStart + i) else { return nil }
                let text = grid.cells[slot].text
                return text.isEmpty ? nil : text
            }
            values += Array(repeating: nil, count: width - values.count)
            let label = rowLabel(grid, row: r, before: valueStart)
            guard !label.isEmpty || values.contains(where: { $0 != nil }) else { continue }
            rows.append(RawRow(label: label, cells: values, header: header))
        }
        return rows
    }

    /// The columns up to the last one in which a cell with text starts: a colspan running past
    /// the table's real columns, or a stray empty cell at a row's end, adds columns that hold
    /// nothing (the last real column, 总计, always has its header).
    static func usedColumnCount(_ grid: TableGrid) -> Int {
        grid.cells.filter { !$0.isEmpty }.map { $0.column + 1 }.max() ?? 0
    }

    /// A data row's label: the text of its label cells left to right, each merged cell once.
    /// A cell spanning several rows is a group heading (（三）不予公开, 三、本年度办理结果) and is
    /// left out, as the PDF reader leaves it out, unless the row has no label of its own. So is
    /// a group heading written out again on each of its rows (a table with no merged cells,
    /// such as a Markdown pipe table): a label cell, not the row's last, whose text the cell
    /// of its column above or below repeats.
    static func rowLabel(_ grid: TableGrid, row r: Int, before end: Int) -> String {
        var seen = Set<Int>()
        let cells = (0..<end).compactMap { grid.slots[r][$0] }.filter { seen.insert($0).inserted }
            .map { grid.cells[$0] }.filter { !$0.isEmpty }
        let own = cells.enumerated().filter { i, cell in
            cell.rowSpan == 1 && !(i < cells.count - 1 && repeatsVertically(grid, cell))
        }.map(\.element)
        return (own.isEmpty ? cells : own).map(\.text).joined()
    }

    static func repeatsVertically(_ grid: TableGrid, _ cell: TableGrid.Cell) -> Bool {
        [cell.row - 1, cell.row + 1].contains { rr in
            guard rr >= 0, rr < grid.rowCount, let other = grid.cell(rr, cell.column) else { return false }
            return other.starts(at: rr, cell.column) && other.text == cell.text
        }
    }

    // MARK: the review table printed as one small table per group

    /// Which of the review table's three groups (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉) a
    /// table of at most five values a row is, named by its own text or the heading above it;
    /// nil for a table of the whole review row.
    static func reviewGroup(_ grid: TableGrid, heading: String) -> Int? {
        guard usedColumnCount(grid) <= 6 else { return nil }
        let own = TextNormalizer.key(grid.cells.map(\.text).joined())
        for text in [own, TextNormalizer.key(heading)] {
            if text.contains("复议后") { return 2 }
            if text.contains("未经复议") || text.contains("直接起诉") { return 1 }
            if text.contains("行政复议") && !text.contains("诉讼") { return 0 }
        }
        return nil
    }

    /// The review table's data row from its groups' tables: each group's five values (结果维持,
    /// 结果纠正, 其他结果, 尚未审结, 总计) in their place; a group not printed stays blank.
    static func reviewRow(groups: [(group: Int, grid: TableGrid)]) -> RawRow? {
        guard !groups.isEmpty else { return nil }
        var cells = [String?](repeating: nil, count: 15)
        var found = false
        for (group, grid) in groups {
            let rows = fixedRows(grid, width: 5)
            guard let best = rows.max(by: { $0.cells.compactMap { $0 }.count < $1.cells.compactMap { $0 }.count }),
                  best.cells.contains(where: { $0 != nil }) else { continue }
            cells.replaceSubrange((group * 5)..<(group * 5 + 5), with: best.cells)
            found = true
        }
        return found ? RawRow(label: "", cells: cells) : nil
    }

    // MARK: the active-disclosure table (rows of different widths)

    /// Rows of the active-disclosure table: each row's distinct cells are a label (up to its
    /// last text cell) and values (the cells after it). Rows without values, and rows of field
    /// names, are headers; their text tells the two national formats apart.
    static func activeRows(_ grid: TableGrid) -> (rows: [RawRow], header: String) {
        var rows: [RawRow] = []
        var header = ""
        var lastHeader = ""
        for r in 0..<grid.rowCount {
            let ids = grid.cellsInRow(r)
            let texts = ids.map { grid.cells[$0].text }
            // A row without any label text has nothing to match a template row with.
            guard let lastText = texts.lastIndex(where: { !isValueOrBlank($0) }) else { continue }
            let valueIDs = Array(ids[(lastText + 1)...])
            let rowText = texts.filter { !$0.isEmpty }.joined(separator: " ")
            let labelCells = ids[...lastText].map { grid.cells[$0] }.filter { !$0.isEmpty }
            let own = labelCells.filter { $0.rowSpan == 1 }
            let label = (own.isEmpty ? labelCells : own).map(\.text).joined()
            // Header words are looked for in the row's own label, not in a group cell beside it
            // (第二十条第（一）项 merged down the left of its rows).
            if valueIDs.isEmpty || TemplateMapper.isActiveHeader(label) || TableVocabulary.isHeader(label) {
                header += rowText + "\n"
                lastHeader = rowText
                continue
            }
            let values: [String?] = valueIDs.map { id in
                let cell = grid.cells[id]
                return cell.row == r && !cell.isEmpty ? cell.text : nil
            }
            rows.append(RawRow(label: label, cells: values, header: lastHeader))
        }
        return (rows, header)
    }
}

import Testing
@testable import GovReport

/// The labels stage on hand-built pages.
@Suite struct LabelFinderTests {
    static func labels(_ glyphs: [Glyph], rulings: [Ruling] = []) -> LabelAssigner.Labels {
        let page = HandBuiltTable.page(glyphs, rulings: rulings)
        let rows = RowFinder(columnCount: 7, settings: .standard).rows(in: page).rows
        return LabelFinder(settings: .standard).labels(page, rows: rows, dataLeft: 200)
    }

    /// Unruled: a label wrapped over two lines is one block, and goes to the row whose values
    /// are centred beside it.
    @Test func aWrappedLabelIsOneBlockForTheRowBesideIt() {
        var glyphs = Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100) + HandBuiltTable.values(HandBuiltTable.full, y: 100)
        glyphs += Draw.text("二、上年结转政府", x: 35, y: 120) + Draw.text("信息公开申请数量", x: 35, y: 134)
        glyphs += HandBuiltTable.values(HandBuiltTable.partial, y: 127)
        let found = Self.labels(glyphs)
        #expect(found.rows.map(\.text) == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"])
        #expect(found.blocks.count == 2)
        #expect(found.blocks[1].words.map(\.text) == ["二、上年结转政府", "信息公开申请数量"])
        #expect(found.leading.isEmpty)
    }

    /// A numbered label running past the data part's left edge (another row's first number
    /// pressed against its label moved the edge left) keeps its last characters.
    @Test func aNumberedLabelPastTheDataEdgeKeepsItsEnd() {
        let glyphs = Draw.text("2.重复申请", x: 155, y: 100) + HandBuiltTable.values(HandBuiltTable.full, y: 100)
        let found = Self.labels(glyphs)
        #expect(found.rows.map(\.text) == ["2.重复申请"])
    }

    /// Ruled: a word in a ruled cell goes to the row whose values that cell holds; text of a
    /// cell holding two rows is a group heading and goes to neither.
    @Test func ruledCellsDecide() {
        var glyphs = Draw.text("1.自然人", x: 110, y: 100) + HandBuiltTable.values(HandBuiltTable.full, y: 100)
        glyphs += Draw.text("2.法人", x: 110, y: 120) + HandBuiltTable.values(HandBuiltTable.partial, y: 120)
        glyphs += Draw.text("申请人", x: 40, y: 110)
        let rulings = [95.0, 115, 135].map { Ruling(axis: .horizontal, position: $0, start: 100, end: 480) }
            + [Ruling(axis: .horizontal, position: 95, start: 30, end: 100),
               Ruling(axis: .horizontal, position: 135, start: 30, end: 100)]
        let found = Self.labels(glyphs, rulings: rulings)
        #expect(found.rows.map(\.text) == ["1.自然人", "2.法人"])
    }

    /// Text above the first row and outside its band is the leading text (on a continuation
    /// page, the end of the label the break cut).
    @Test func textAboveTheFirstRowIsLeading() {
        var glyphs = Draw.text("数量", x: 35, y: 40)
        glyphs += Draw.text("二、上年结转政府信息公开申请数量", x: 35, y: 100) + HandBuiltTable.values(HandBuiltTable.full, y: 100)
        glyphs += Draw.text("三、本年度办理结果", x: 35, y: 125) + HandBuiltTable.values(HandBuiltTable.partial, y: 125)
        let found = Self.labels(glyphs)
        #expect(found.leading == "数量")
        #expect(found.rows.map(\.text) == ["二、上年结转政府信息公开申请数量", "三、本年度办理结果"])
    }

    /// Tolerances are in em: set in 20 pt type, a wrapped line starting 3 pt (0.15 em) left of
    /// its row number still continues the label (2 pt was the limit at every size before).
    @Test func inALargerFontTheTolerancesGrowWithTheType() {
        var glyphs = Draw.text("二、上年结转政府", x: 35, y: 100, size: 20) + Draw.text("信息公开申请数量", x: 32, y: 124, size: 20)
        glyphs += zip(HandBuiltTable.full, HandBuiltTable.centers).flatMap { v, x in Draw.centered(v!, x: x, y: 112, size: 20) }
        let found = Self.labels(glyphs)
        #expect(found.rows.map(\.text) == ["二、上年结转政府信息公开申请数量"])
    }

    /// A label wrapped in a very narrow cell (two characters a line) can leave one character
    /// on a line of its own mid-label (a line may not start with `、`: 不补 / 补 / 正、); the
    /// lines under it still continue the label. Only a second lone character under a lone
    /// one is vertical writing that ends it.
    @Test func aLoneCharacterMidLabelDoesNotEndANarrowLabel() {
        let first = ["1.申", "请人", "无正", "当理", "由逾", "期不", "补", "正、", "行政", "机关", "不再", "处理"]
        let second = ["2.申", "请人", "逾期", "未按"]
        var glyphs: [Glyph] = []
        for (k, line) in first.enumerated() { glyphs += Draw.text(line, x: 40, y: 100 + 11 * Double(k)) }
        glyphs += HandBuiltTable.values(HandBuiltTable.partial, y: 100)
        let top = 100 + 11 * Double(first.count)
        for (k, line) in second.enumerated() { glyphs += Draw.text(line, x: 40, y: top + 11 * Double(k)) }
        glyphs += HandBuiltTable.values(HandBuiltTable.full, y: top)
        let found = Self.labels(glyphs)
        #expect(found.rows.map(\.text) == [first.joined(), second.joined()])
    }

    /// Characters stacked one per line under a label (a group's vertical name) still end it:
    /// the label keeps at most one lone character.
    @Test func characterStackedUnderALabelEndIt() {
        let lines = ["1.属于国家", "秘密", "其", "他", "处", "理"]
        let words = lines.enumerated().map { k, line in LineBuilder.word(Draw.text(line, x: 40, y: 100 + 11 * Double(k))) }
        let found = LabelBlock.blocks(words, settings: TableFinderSettings.standard.labels)
        #expect(found.blocks.first?.words.map(\.text) == ["1.属于国家", "秘密", "其"])
        #expect(found.loose.map(\.text) == ["他", "处", "理"])
    }

    /// A label wrapped two characters a line in a narrow column can stand wholly past the
    /// data part's left edge (another row's numbers, on a line of their own, start further
    /// left): its numbered block is still the label of the row beside it.
    @Test func aNarrowLabelWhollyPastTheDataEdgeIsKept() {
        var glyphs = Draw.text("1.属于国家秘密", x: 35, y: 100) + HandBuiltTable.values(HandBuiltTable.full, y: 100)
        let lines = ["2.其", "他法", "律行", "政法", "规禁", "止公", "开"]
        for (k, line) in lines.enumerated() { glyphs += Draw.text(line, x: 200, y: 115 + 11 * Double(k)) }
        glyphs += HandBuiltTable.values([nil, "42", nil, nil, nil, "12", "54"], y: 115 + 11 * 3)
        let found = Self.labels(glyphs)
        #expect(found.rows.map(\.text) == ["1.属于国家秘密", lines.joined()])
    }
}

@Suite struct LeadingLabelTextTests {
    /// A continuation page: 开申请数量 (the end of 二's label, cut by the page break) above
    /// （一）予以公开, whose next row stands far below (its numbers' wrapped pieces joined to
    /// it, no band between): text above the first row's numbered line is leading text, not
    /// part of that row's label.
    @Test func textAboveTheFirstRowsNumberedLabelIsLeading() {
        let glyphs = Draw.text("开申请数量", x: 40, y: 33, size: 11) + Draw.text("（一）予以公开", x: 30, y: 66, size: 11)
            + Draw.text("（二）部分公开", x: 30, y: 143, size: 11)
        let labels = LabelAssigner(rows: [71.5, 148.5], rulings: []).labels(glyphs)
        #expect(labels.leading == "开申请数量")
        #expect(labels.rows.first?.text == "（一）予以公开")
    }
}

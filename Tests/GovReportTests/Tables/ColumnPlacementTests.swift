import Testing
@testable import GovReport

/// Numbers a converter did not print under their columns (`pdftotext -layout`'s rounding, a
/// page with other margins), and a number standing where no row is. Unruled tables drawn by
/// hand: labels at x 35, seven data columns centred at x 220, 260, …, 460.
@Suite struct ColumnPlacementTests {
    typealias M = MatrixTableReaderTests

    static func page(_ number: Int, _ glyphs: [Glyph]) -> RegionPage {
        let page = PageLayout(number: number, width: 595, height: 842, glyphs: glyphs)
        return RegionPage(page: page, lines: page.lines)
    }

    /// Value glyphs centred at the given x positions.
    static func values(_ cells: [(String, Double)], y: Double) -> [Glyph] {
        cells.flatMap { Draw.centered($0.0, x: $0.1, y: y) }
    }

    static func read(_ region: [RegionPage]) -> (rows: [RawRow], diagnostics: [Finding]) {
        M.read(region)
    }

    /// Two full rows fix the columns.
    static func header() -> [Glyph] {
        Draw.text("一、本年新收政府信息公开申请数量", x: 35, y: 100) + M.values(["12", "3", "0", "0", "0", "1", "16"], y: 100)
            + Draw.text("二、上年结转政府信息公开申请数量", x: 35, y: 120) + M.values(["2", "1", "1", "1", "1", "1", "7"], y: 120)
    }

    @Test func numbersDriftedTowardTheColumnBeforeArePlacedInOrder() throws {
        // The fourth and fifth numbers each 25 pt left: nearer the column before their own.
        let xs = M.centers.enumerated().map { $0.offset == 3 || $0.offset == 4 ? $0.element - 25 : $0.element }
        let row = Self.values(Array(zip(["4", "1", "1", "2", "3", "1", "12"], xs)), y: 140)
        let glyphs = Self.header() + Draw.text("（一）予以公开", x: 35, y: 140) + row
        let (rows, diagnostics) = Self.read([Self.page(2, glyphs)])
        let granted = try #require(rows.first { $0.label.contains("予以公开") })
        #expect(granted.cells == ["4", "1", "1", "2", "3", "1", "12"])
        #expect(!diagnostics.contains { $0.code == "table.cell_joined" })
    }

    @Test func aFourDigitNumberAndAThreeDigitOneASpaceApartAreTwoNumbers() throws {
        // 1180 256 where the first number alone belongs: no number with a space as thousands
        // separator opens with four digits (1 180 256 would be one).
        let rest = Self.values(Array(zip(["1", "1", "1", "1", "1440"], M.centers.dropFirst(2))), y: 140)
        let glyphs = Self.header() + Draw.text("（一）予以公开", x: 35, y: 140) + Draw.centered("1180 256", x: M.centers[0], y: 140) + rest
        let (rows, _) = Self.read([Self.page(2, glyphs)])
        let granted = try #require(rows.first { $0.label.contains("予以公开") })
        #expect(granted.cells == ["1180", "256", "1", "1", "1", "1", "1440"])
        #expect(RowPlacement.leadsThousands("12") && !RowPlacement.leadsThousands("1180"))
    }

    @Test func aFullRowThatAddsUpIsOneNumberPerCellEvenASpaceApart() throws {
        // 571 293 where two cells' numbers were pressed together (pdftotext -layout): read as
        // 571,293 the row would lose a column; its total (6319) says they are two.
        let first = Self.values(Array(zip(["3663", "1361", "161", "270"], M.centers.prefix(4))), y: 140)
        let glyphs = Self.header() + Draw.text("（一）予以公开", x: 35, y: 140) + first
            + Draw.centered("571 293", x: M.centers[4], y: 140) + Self.values([("6319", M.centers[6])], y: 140)
        let (rows, _) = Self.read([Self.page(2, glyphs)])
        let granted = try #require(rows.first { $0.label.contains("予以公开") })
        #expect(granted.cells == ["3663", "1361", "161", "270", "571", "293", "6319"])
        #expect(RowPlacement.addsUp(["1", "2", "3"]) && !RowPlacement.addsUp(["1", "2", "4"]) && !RowPlacement.addsUp(["0", "0", "0"]))
    }

    @Test func aFullRowThatAddsUpKeepsANumberPressedPastTheColumns() throws {
        // pdftotext pressed the row's first number left against its label, 70 pt left of the
        // first column: the row's total says all seven are its cells, in order.
        let row = Self.values([("5", 150)] + Array(zip(["1", "1", "1", "1", "1", "10"], M.centers.dropFirst())), y: 140)
        let glyphs = Self.header() + Draw.text("（一）予以公开", x: 35, y: 140) + row
        let (rows, _) = Self.read([Self.page(2, glyphs)])
        let granted = try #require(rows.first { $0.label.contains("予以公开") })
        #expect(granted.cells == ["5", "1", "1", "1", "1", "1", "10"])
        #expect(granted.label == "（一）予以公开")
    }

    @Test func aNumberAfterALabelsCommaIsSplitOff() {
        // 只计这一情形，6: the label's own comma, a space, the number (a label filling its cell).
        let glyphs = Draw.text("只计这一情形，", x: 35, y: 100) + Draw.text("6", x: 110.5, y: 100)
        let words = GluedValues.split(LineBuilder.word(glyphs), gap: TableFinderSettings.standard.labels.gluedValueGap)
        #expect(words.map(\.text) == ["只计这一情形，", "6"])
    }

    @Test func aRowPrintedAWholeColumnLeftIsPlacedInOrder() throws {
        let row = Self.values(Array(zip(["4", "1", "1", "2", "3", "1", "12"], M.centers.map { $0 - 40 })), y: 140)
        let glyphs = Self.header() + Draw.text("（一）予以", x: 35, y: 140) + row
        let (rows, _) = Self.read([Self.page(2, glyphs)])
        let granted = try #require(rows.first { $0.label.contains("予以") })
        #expect(granted.cells == ["4", "1", "1", "2", "3", "1", "12"])
    }

    @Test func numbersCrowdedIntoOneColumnOfAPartRowAreUncertain() throws {
        // Three numbers, the last two both nearest the fourth column: placed in order, in doubt.
        let row = Self.values([("5", M.centers[0]), ("1", M.centers[3] - 10), ("2", M.centers[3] + 5)], y: 140)
        let glyphs = Self.header() + Draw.text("（一）予以公开", x: 35, y: 140) + row
        var reader = MatrixTableReader(columnCount: 7, table: "applications", knownLabels: M.known)
        let rows = reader.rows(in: [Self.page(2, glyphs)])
        let granted = try #require(rows.first { $0.label.contains("予以公开") })
        #expect(granted.cells == ["5", nil, "1", "2", nil, nil, nil])
        let boxes = try #require(granted.geometry?.cells)
        #expect(Set(reader.doubts.map(\.box)) == Set([boxes[2], boxes[3]].compactMap { $0 }))

        // The assembler names the cells by row and column.
        var tables = RawTables(applications: rows)
        tables.doubts = reader.doubts
        let report = ReportAssembler.assemble(source: .init(path: "t", sha256: "", kind: .text, pages: 1), lines: [], tables: tables)
        // (The template's other rows, not printed here, are marked as missing rows.)
        let marks = report.diagnostics.filter { $0.code == "cell.uncertain" && $0.row == "granted" }
        #expect(Set(marks.compactMap(\.column)) == ["research", "social_welfare"])
        #expect(marks.allSatisfy { $0.table == "applications" && $0.message != MissingRowDoubts.message })
    }

    @Test func aContinuedPagesNumbersStandingElsewhereAreReadUnderTheirColumns() throws {
        // Page 2 prints no full row; its numbers stand 70 pt right of page 1's columns.
        let shift = 70.0
        var second = Draw.text("（六）其他处理", x: 35, y: 100)
            + Self.values([("5", M.centers[0] + shift), ("1", M.centers[3] + shift), ("2", M.centers[4] + shift),
                           ("8", M.centers[6] + shift)], y: 100)
        second += Draw.text("（七）总计", x: 35, y: 120)
            + Self.values([("10", M.centers[0] + shift), ("10", M.centers[6] + shift)], y: 120)
        let (rows, diagnostics) = Self.read([Self.page(1, Self.header()), Self.page(2, second)])
        let other = try #require(rows.first { $0.label.contains("其他处理") })
        #expect(other.cells == ["5", nil, nil, "1", "2", nil, "8"])
        let total = try #require(rows.first { $0.label.contains("总计") })
        #expect(total.cells == ["10", nil, nil, nil, nil, nil, "10"])
        #expect(diagnostics.contains { $0.code == "table.page_offset" && $0.page == 2 })
    }

    @Test func aContinuedPageUnderItsColumnsIsNotMoved() throws {
        let second = Draw.text("（六）其他处理", x: 35, y: 100) + M.values(["5", nil, nil, "1", "2", nil, "8"], y: 100)
        let (rows, diagnostics) = Self.read([Self.page(1, Self.header()), Self.page(2, second)])
        #expect(rows.first { $0.label.contains("其他处理") }?.cells == ["5", nil, nil, "1", "2", nil, "8"])
        #expect(!diagnostics.contains { $0.code == "table.page_offset" })
    }

    @Test func aNumberAloneUnderAWrappedLabelIsNoRowsValue() throws {
        // 1.属于国家秘密 wrapped over four lines, then a `1` on a line of its own in the
        // second column; the next row's label wrapped over two lines, its numbers beside the second.
        var glyphs = Self.header()
        glyphs += Draw.text("（三）", x: 35, y: 140) + Draw.text("1.属于", x: 80, y: 140) + M.values(["0", nil, nil, nil, nil, nil, "0"], y: 140)
        glyphs += Draw.text("国家", x: 80, y: 151) + Draw.text("秘密", x: 80, y: 162) + Draw.text("事项", x: 80, y: 173)
        glyphs += Self.values([("1", M.centers[1])], y: 184)
        glyphs += Draw.text("2.其他法律行政", x: 80, y: 195) + Draw.text("法规禁止公开", x: 80, y: 206)
            + M.values(["0", nil, nil, nil, nil, nil, "0"], y: 206)
        let (rows, diagnostics) = Self.read([Self.page(2, glyphs)])
        #expect(!rows.dropFirst(2).contains { $0.cells[1] == "1" }, "\(rows.map { ($0.label, $0.cells) })")
        let stray = try #require(diagnostics.first { $0.code == "table.stray_value" })
        #expect(stray.message.contains("1"))
        #expect(rows.filter { $0.cells.compactMap { $0 } == ["0", "0"] }.count == 2)
    }
}

import Testing
@testable import GovReport

/// The columns stage on hand-built pages: one test per column source.
@Suite struct ColumnFinderTests {
    static func finder(columns: Int = 7, names: [String] = []) -> ColumnFinder {
        ColumnFinder(columnCount: columns, columnNames: names, settings: .standard)
    }

    static func found(_ pages: [RegionPage], columns: Int = 7) -> [RowFinder.Found] {
        pages.map(RowFinder(columnCount: columns, settings: .standard).rows).filter { !$0.rows.isEmpty }
    }

    static func centres(_ m: ColumnModel) -> [Double] { m.intervals.indices.map { m.center($0) } }

    @Test func verticalRulingsCrossingARowAreItsColumns() throws {
        let page = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.partial, y: 100),
                                       rulings: HandBuiltTable.grid([95, 115]))
        let rows = Self.found([page])
        let placed = try #require(Self.finder().columns(for: rows[0].rows[0], on: rows[0].part.page, fallback: nil))
        #expect(placed.source == .rulings)
        #expect(Self.centres(placed.model) == HandBuiltTable.centers)
    }

    /// A Word grid splits one cell of a row by a short ruling (a sliver cell, 8 pt wide): the
    /// row's last seven ruled cells would start a column right, its first (blank) cell taken
    /// for the label's. The label cell always holds the label; an empty one with a sliver
    /// among the seven means the sliver's short ruling is no column boundary.
    @Test func aSliverCellInARowDoesNotShiftItsColumns() throws {
        let cells: [String?] = [nil, "890", "176", "148", "416", "233", "1863"]
        let glyphs = HandBuiltTable.values(cells, y: 100) + Draw.text("（一）予以公开", x: 40, y: 100)
        let sliver = Ruling(axis: .vertical, position: 288, start: 95, end: 115)
        let page = HandBuiltTable.page(glyphs, rulings: HandBuiltTable.grid([60, 95, 115, 140]) + [sliver])
        let rows = Self.found([page])
        let placed = try #require(Self.finder().columns(for: rows[0].rows[0], on: rows[0].part.page, fallback: nil))
        #expect(placed.source == .rulings)
        #expect(Self.centres(placed.model) == HandBuiltTable.centers)
        // Text in the cell left of the last seven (a label there): those seven are the columns,
        // as before.
        let shifted = HandBuiltTable.values(cells, y: 100) + Draw.text("（一）予以公开", x: 202, y: 100, size: 5)
        let labelled = HandBuiltTable.page(shifted, rulings: HandBuiltTable.grid([60, 95, 115, 140]) + [sliver])
        let again = Self.found([labelled])
        let kept = try #require(Self.finder().columns(for: again[0].rows[0], on: again[0].part.page, fallback: nil))
        #expect(Self.centres(kept.model).first == 260)
    }

    @Test func aRowFillingEveryColumnGivesThePagesColumns() throws {
        let page = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.full, y: 100)
                                       + HandBuiltTable.values(HandBuiltTable.partial, y: 125))
        let m = Self.finder().pageModels(Self.found([page]), region: [page])
        let placed = try #require(m.models[2])
        #expect(placed.source == .fullRows && m.fromHeader == nil)
        #expect(Self.centres(placed.model) == HandBuiltTable.centers)
    }

    /// No full row: three columns, the values of two rows standing in all three between them.
    @Test func withoutAFullRowTheValuesAlignmentGivesTheColumns() throws {
        let page = HandBuiltTable.page(HandBuiltTable.values(["1", "2", nil], y: 100)
                                       + HandBuiltTable.values([nil, "3", "4"], y: 125))
        let m = Self.finder(columns: 3).pageModels(Self.found([page], columns: 3), region: [page])
        let placed = try #require(m.models[2])
        #expect(placed.source == .valueAlignment && m.fromHeader == 2)
        #expect(Self.centres(placed.model) == Array(HandBuiltTable.centers.prefix(3)))
    }

    /// No full row, and the values leave a column blank throughout: the header's names, centred
    /// over their columns, say where the columns are.
    @Test func theHeaderNamesTheColumnsWhenValuesCannot() throws {
        let names = ["自然", "企业", "机构"]
        var glyphs = zip(names, HandBuiltTable.centers).flatMap { Draw.centered($0, x: $1, y: 70) }
        // Values that share no alignment edge with each other: more clusters than columns.
        glyphs += Draw.centered("1", x: 214, y: 100) + Draw.centered("22", x: 266, y: 100)
        glyphs += Draw.centered("333", x: 226, y: 125) + Draw.centered("4444", x: 301, y: 125)
        let page = HandBuiltTable.page(glyphs)
        let m = Self.finder(columns: 3, names: names).pageModels(Self.found([page], columns: 3), region: [page])
        let placed = try #require(m.models[2])
        #expect(placed.source == .header)
        #expect(Self.centres(placed.model) == Array(HandBuiltTable.centers.prefix(3)))
    }

    @Test func aPageWithoutItsOwnColumnsTakesAnotherPages() throws {
        let p1 = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.full, y: 100), number: 2)
        let p2 = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.partial, y: 60), number: 3)
        let found = Self.found([p1, p2])
        let m = Self.finder().pageModels(found, region: [p1, p2])
        #expect(m.models.keys.sorted() == [2])
        let fallback = Self.finder().fallback(for: 3, m)
        let placed = try #require(Self.finder().columns(for: found[1].rows[0], on: p2.page, fallback: fallback))
        #expect(placed.source == .anotherPage(2) && placed.offset == nil)
    }

    /// A continued page that prints the header again, laid out by its own scale (a web page's
    /// repeated heading rows through `pdftotext -layout`), takes the columns its header gives,
    /// not the first page's.
    @Test func aPageRepeatingTheHeaderElsewhereTakesItsOwnColumns() throws {
        let names = ["自然人", "商业企业", "总计"]
        let p1 = HandBuiltTable.page(zip(["5", "6", "11"], [220.0, 260, 300]).flatMap { Draw.centered($0, x: $1, y: 100) }, number: 2)
        let header = zip(names, [300.0, 360, 420]).flatMap { Draw.centered($0, x: $1, y: 40) }
        let p2 = HandBuiltTable.page(header + zip(["1", "1"], [300.0, 420]).flatMap { Draw.centered($0, x: $1, y: 60) }, number: 3)
        let finder = Self.finder(columns: 3, names: names)
        let m = finder.pageModels(Self.found([p1, p2], columns: 3), region: [p1, p2])
        #expect(m.ownHeader == [3])
        let own = try #require(finder.fallback(for: 3, m))
        #expect(zip(Self.centres(own.model), [300.0, 360, 420]).allSatisfy { abs($0 - $1) < 4 })
        // Where the header agrees with the first page's columns, those hold.
        let same = zip(names, [220.0, 260, 300]).flatMap { Draw.centered($0, x: $1, y: 40) }
        let p3 = HandBuiltTable.page(same + zip(["1", "1"], [220.0, 300]).flatMap { Draw.centered($0, x: $1, y: 60) }, number: 3)
        let n = finder.pageModels(Self.found([p1, p3], columns: 3), region: [p1, p3])
        #expect(n.ownHeader.isEmpty && n.models[3] == nil)
    }

    /// A continued page whose numbers all stand 60 pt right of the first page's columns takes
    /// those columns moved onto them.
    @Test func anotherPagesColumnsMoveOntoNumbersStandingElsewhere() throws {
        let p1 = HandBuiltTable.page(HandBuiltTable.values(HandBuiltTable.full, y: 100), number: 2)
        let shifted = zip(["1", "2", "3"], [280.0, 360, 520]).flatMap { Draw.centered($0, x: $1, y: 60) }
        let p2 = HandBuiltTable.page(shifted, number: 3)
        let m = Self.finder().pageModels(Self.found([p1, p2]), region: [p1, p2])
        let offset = try #require(m.offsets[3])
        #expect(abs(offset + 60) < 4)
        let fallback = try #require(Self.finder().fallback(for: 3, m))
        #expect(fallback.source == .anotherPage(2) && fallback.offset == -offset)
    }

    /// A row printing only some columns whose rulings would put a value in another column than
    /// the page's columns (a sliver cell of a Word grid) keeps the page's columns.
    @Test func aPartRowsOddRulingsYieldToThePagesColumns() throws {
        // A sliver cell at x 300 splits the third column: the last seven ruled cells start a
        // column late, and the 7 in the second column would read as the first.
        let sliver = [30.0, 200, 300] + (1...7).map { 200.0 + 40 * Double($0) }
        let rulings = sliver.map { Ruling(axis: .vertical, position: $0, start: 95, end: 115) }
        let ruled = HandBuiltTable.page(Draw.centered("7", x: 260, y: 100), rulings: rulings)
        let row = Self.found([ruled])[0].rows[0]
        let own = PlacedColumns(model: ColumnModel.fromCenters(HandBuiltTable.centers)!, source: .fullRows)
        #expect(Self.finder().columns(for: row, on: ruled.page, fallback: own) == own)
        #expect(Self.finder().columns(for: row, on: ruled.page, fallback: nil)?.source == .rulings)
    }

    /// Columns guessed from the header or the values' alignment (no row of the table prints
    /// every column, as on a scan read by OCR) never overrule a row's own rulings.
    @Test func guessedColumnsDoNotOverruleARowsRulings() throws {
        let sliver = [30.0, 200, 300] + (1...7).map { 200.0 + 40 * Double($0) }
        let rulings = sliver.map { Ruling(axis: .vertical, position: $0, start: 95, end: 115) }
        let ruled = HandBuiltTable.page(Draw.centered("7", x: 260, y: 100), rulings: rulings)
        let row = Self.found([ruled])[0].rows[0]
        let model = ColumnModel.fromCenters(HandBuiltTable.centers)!
        for source in [ColumnSource.header, .valueAlignment] {
            let guessed = PlacedColumns(model: model, source: source)
            #expect(Self.finder().columns(for: row, on: ruled.page, fallback: guessed)?.source == .rulings)
        }
        let borrowedGuess = PlacedColumns(model: model, source: .anotherPage(1), measuredFromFullRows: false)
        #expect(Self.finder().columns(for: row, on: ruled.page, fallback: borrowedGuess)?.source == .rulings)
        let moved = PlacedColumns(model: model, source: .anotherPage(1), measuredFromFullRows: true)
        #expect(Self.finder().columns(for: row, on: ruled.page, fallback: moved) == moved)
    }

    /// A continued page laid out by its own scale, as `pdftotext -layout` lays out each page
    /// (numbers right-aligned, character columns 5 pt wide): the header's page prints its
    /// columns' right edges at characters 22 29 38 43 51 56 62, the next page, without the header
    /// or a full row, at 21 27 32 36 43 48 54. No one offset fits; its own columns of numbers,
    /// laid in order onto the first page's (the rightmost on the totals), put every number in
    /// its column.
    @Test func aContinuedPageLaidOutByItsOwnScaleTakesItsOwnColumnsInOrder() throws {
        func row(_ cells: [String?], edges: [Double], y: Double) -> [Glyph] {
            zip(cells, edges).flatMap { cell, e in cell.map { Draw.text($0, x: 5 * e - 5 * Double($0.count), y: y) } ?? [] }
        }
        let first: [Double] = [22, 29, 38, 43, 51, 56, 62], next: [Double] = [21, 27, 32, 36, 43, 48, 54]
        let p1 = HandBuiltTable.page(row(["1622", "2316", "273", "269", "779", "351", "5610"], edges: first, y: 100)
                                     + row(["84", "90", "2", "5", "10", "19", "210"], edges: first, y: 130), number: 2)
        let rows: [[String?]] = [[nil, "890", "176", "148", "416", "233", "1863"], [nil, "482", "40", "39", "153", nil, "714"],
                                 [nil, "26", nil, nil, nil, nil, "26"], [nil, nil, nil, "17", nil, "10", "27"],
                                 ["157", nil, "10", nil, nil, "6", "173"], [nil, "42", nil, "11", nil, "17", "70"],
                                 [nil, nil, nil, nil, "27", nil, "27"]]
        let p2 = HandBuiltTable.page(rows.enumerated().flatMap { row($1, edges: next, y: 60 + 30 * Double($0)) }, number: 3)
        let found = Self.found([p1, p2])
        let m = Self.finder().pageModels(found, region: [p1, p2])
        #expect(m.continued == [3] && m.offsets[3] == nil)
        let placed = try #require(Self.finder().fallback(for: 3, m))
        for (r, cells) in zip(found[1].rows, rows) {
            let columns = r.words.map { placed.model.column(of: $0.box.midX) }
            #expect(columns == cells.indices.filter { cells[$0] != nil }.map { Optional($0) })
        }
        // The header's page itself keeps the columns of its full rows.
        #expect(m.models[2]?.source == .fullRows)
    }

    @Test func aContinuedPageWhoseTotalsWouldLandInAnotherColumnAsItIsTakesItsOwnColumns() throws {
        // pdftotext -layout set the continued page by a narrower scale: its columns' edges
        // happen to fall on the first page's, three columns left of their own, so the
        // first page's columns as they are would put its totals under 社会公益组织. The first
        // page's centred third column jitters into two edges: one column still.
        func row(_ cells: [String?], edges: [Double], y: Double) -> [Glyph] {
            zip(cells, edges).flatMap { cell, e in cell.map { Draw.text($0, x: 5 * e - 5 * Double($0.count), y: y) } ?? [] }
        }
        let first: [Double] = [23, 29, 34, 42, 46, 51, 55], next: [Double] = [17, 21, 26, 30, 34, 38, 42]
        let jittered = first.enumerated().map { $0.offset == 2 ? $0.element + 3 : $0.element }
        let p1 = HandBuiltTable.page(row(["194", "130", "21", "22", "15", "15", "397"], edges: first, y: 100)
                                     + row(["151", "74", "3", "12", "10", "6", "256"], edges: jittered, y: 130)
                                     + row(["8", "4", nil, nil, nil, "1", "13"], edges: first, y: 160), number: 2)
        let rows: [[String?]] = [[nil, "1", nil, nil, nil, "1", "2"], [nil, nil, "1", nil, "1", nil, "2"],
                                 [nil, "23", nil, "5", nil, "4", "32"], [nil, "5", "1", nil, nil, nil, "6"],
                                 ["11", nil, "1", nil, nil, nil, "12"], ["28", "10", nil, nil, nil, "2", "40"]]
        let p2 = HandBuiltTable.page(rows.enumerated().flatMap { row($1, edges: next, y: 60 + 30 * Double($0)) }, number: 3)
        let found = Self.found([p1, p2])
        let m = Self.finder().pageModels(found, region: [p1, p2])
        #expect(m.continued == [3])
        let placed = try #require(Self.finder().fallback(for: 3, m))
        for (r, cells) in zip(found[1].rows, rows) {
            let columns = r.words.map { placed.model.column(of: $0.box.midX) }
            #expect(columns == cells.indices.filter { cells[$0] != nil }.map { Optional($0) })
        }
    }
}

/// The positioned-text family's common stage: a document's pages of glyphs (points, y down)
/// with their furniture and part headings located, and the three tables read from them by the
/// one table finder. Every positioned-text reader (PDF, laid-out text, OCR) ends here; nothing
/// below knows which reader made the pages.
struct PositionedPages {
    var layouts: [PageLayout]
    var furniture: Set<PartLocator.LineID>
    var headings: [ReportPart: PartLocator.LineID]
    /// The tolerances every stage below uses.
    var settings: TableFinderSettings

    static let tableParts: [ReportPart] = [.activeDisclosure, .applications, .reviewLitigation]

    init(_ layouts: [PageLayout], settings: TableFinderSettings = .standard) {
        self.layouts = layouts
        self.settings = settings
        furniture = PartLocator.furniture(layouts, settings: settings.parts)
        headings = PartLocator.headings(layouts, skipping: furniture)
    }

    var hasTables: Bool { Self.tableParts.contains { headings[$0] != nil } }

    func region(_ part: ReportPart) -> [RegionPage]? {
        PartLocator.region(of: part, in: layouts, headings: headings, furniture: furniture)?.map { GluedValues.split($0, settings: settings.labels) }
    }

    /// The part of each page (0-based index) that holds tables: the span of the tables'
    /// lines across the page's width, with a margin for the borders around them.
    func tableAreas(of tables: Set<String>) -> [(page: Int, area: Rect)] {
        var areas: [Int: Rect] = [:]
        let names: [ReportPart: String] = [.activeDisclosure: TemplateTable.activeDisclosure.rawValue, .applications: TemplateTable.applications.rawValue,
                                           .reviewLitigation: TemplateTable.reviewLitigation.rawValue]
        for part in Self.tableParts where tables.contains(names[part]!) {
            for r in region(part) ?? [] {
                let box = r.lines.map(\.box).reduce(r.lines[0].box) { $0.union($1) }
                let p = r.page.number - 1
                areas[p] = areas[p].map { $0.union(box) } ?? box
            }
        }
        let margin = settings.parts.tableAreaMargin
        return areas.keys.sorted().map { p in
            let a = areas[p]!
            return (p, Rect(x0: 0, y0: a.y0 - margin, x1: layouts[p].width, y1: a.y1 + margin))
        }
    }

    func runningText() -> [DocumentLine] {
        RunningText.lines(layouts, headings: headings, furniture: furniture, tableParts: Self.tableParts)
    }

    /// Reads `only` these tables (by JSON name) and takes the others, with their
    /// diagnostics and stages, from `base`.
    func read(only: Set<String>, keeping base: TableReading) -> TableReading {
        var reading = read(only)
        var tables = reading.tables
        if !only.contains(TemplateTable.activeDisclosure.rawValue) {
            tables.active = base.tables.active
            tables.activeHeaderText = base.tables.activeHeaderText
        }
        if !only.contains(TemplateTable.applications.rawValue) { tables.applications = base.tables.applications }
        if !only.contains(TemplateTable.reviewLitigation.rawValue) { tables.review = base.tables.review }
        tables.diagnostics = base.tables.diagnostics.filter { $0.table.map { !only.contains($0) } ?? false }
            + tables.diagnostics
        tables.doubts = base.tables.doubts.filter { !only.contains($0.table) } + tables.doubts
        tables.alternatives = base.tables.alternatives.filter { !only.contains($0.table) } + tables.alternatives
        reading.tables = tables
        // In the order the tables are read (applications, then review/litigation).
        reading.stages = (base.stages.filter { !only.contains($0.table) } + reading.stages)
            .sorted { TableReading.order($0.table) < TableReading.order($1.table) }
        return reading
    }

    /// The review/litigation table printed as three tables, one per group (行政复议; 行政诉讼
    /// 未经复议直接起诉; 复议后起诉), each under its own five-column header: three data rows of
    /// five columns, in the template's group order, read as the one row of fifteen values.
    static func splitReview(_ region: [RegionPage], settings: TableFinderSettings) -> (row: RawRow, diagnostics: [Finding], stages: TableStages)? {
        var reader = MatrixTableReader(columnCount: 5, table: TemplateTable.reviewLitigation.rawValue,
                                       columnNames: Array(Template.reviewColumnLabels.prefix(5)),
                                       rowSums: Self.reviewSums(groups: 1), settings: settings)
        let stages = reader.read(region)
        let groups = stages.rows.filter { $0.cells.contains { $0 != nil } }
        guard groups.count == 3, groups.allSatisfy({ $0.cells.count == 5 }) else { return nil }
        let boxes = groups.map { $0.geometry?.cells ?? [Rect?](repeating: nil, count: 5) }
        let row = RawRow(label: "", cells: groups.flatMap(\.cells), page: groups[0].page, header: groups[0].header,
                         geometry: groups[0].page == groups[2].page ? RowGeometry(label: nil, cells: boxes.flatMap { $0 }) : nil)
        let note = Finding(code: "table.review_split", severity: .info,
                           message: "the review/litigation table is printed as three tables, one per group; read in the template's group order",
                           table: TemplateTable.reviewLitigation.rawValue, page: groups[0].page)
        return (row, reader.diagnostics + [note], stages)
    }

    /// The data row with the rests of its numbers joined, when a page break cut them: a number
    /// wrapped in its cell (LibreOffice breaks a row between a number's lines) ends in the same
    /// column of the next row, the first on a later page, holding digits only under digits.
    /// Joined only when the row's sums fail as read and hold joined; else nil (the rest stays
    /// out, and the failing sum says so). A lone rest may stand in another column (laid-out
    /// text lays each page out on its own): it ends the one number whose joining makes the
    /// sums hold, when just one does.
    static func joiningPageBreakTail(_ row: RawRow, rows: [RawRow], sums: [RowSum]) -> RawRow? {
        guard let i = rows.firstIndex(of: row), i + 1 < rows.count else { return nil }
        let next = rows[i + 1]
        guard let page = row.page, let nextPage = next.page, nextPage > page,
              next.cells.count == row.cells.count, TextNormalizer.key(next.label).isEmpty,
              !SummedRows.holds(row.cells, sums) else { return nil }
        func digits(_ t: String?) -> Bool { t.map { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } } ?? false }
        let rests = next.cells.indices.filter { next.cells[$0] != nil }
        guard !rests.isEmpty, rests.allSatisfy({ digits(next.cells[$0]) }) else { return nil }
        func joining(_ tails: [Int: String]) -> RawRow? {
            guard tails.keys.allSatisfy({ digits(row.cells[$0]) }) else { return nil }
            var joined = row
            for (k, tail) in tails { joined.cells[k] = row.cells[k]! + tail }
            return SummedRows.holds(joined.cells, sums) ? joined : nil
        }
        if rests.count == 1, let tail = next.cells[rests[0]] {
            let fits = row.cells.indices.compactMap { joining([$0: tail]) }
            return fits.count == 1 ? fits[0] : nil
        }
        return joining(Dictionary(uniqueKeysWithValues: rests.map { ($0, next.cells[$0]!) }))
    }

    /// The finder for the applications matrix: 7 columns right of the row labels.
    var applicationsReader: MatrixTableReader {
        MatrixTableReader(columnCount: 7, table: TemplateTable.applications.rawValue, knownLabels: Template.applicationRows.map(\.label),
                          columnNames: Template.applicationColumnLabels,
                          rowSums: [RowSum(parts: ApplicationColumn.applicants.compactMap { ApplicationColumn.allCases.firstIndex(of: $0) },
                                           total: ApplicationColumn.allCases.firstIndex(of: .total)!)],
                          settings: settings)
    }

    /// Each review group's four outcomes add up to its 总计, `groups` groups side by side.
    static func reviewSums(groups: Int) -> [RowSum] {
        let width = ReviewColumn.allCases.count
        let parts = ReviewColumn.outcomes.compactMap { ReviewColumn.allCases.firstIndex(of: $0) }
        let total = ReviewColumn.allCases.firstIndex(of: .total)!
        return (0..<groups).map { g in RowSum(parts: parts.map { g * width + $0 }, total: g * width + total) }
    }

    /// The finder for the review/litigation table: one row of 15 values.
    var reviewReader: MatrixTableReader {
        MatrixTableReader(columnCount: 15, table: TemplateTable.reviewLitigation.rawValue, columnNames: Template.reviewColumnLabels,
                          rowSums: Self.reviewSums(groups: 3), settings: settings)
    }

    func tables(reading parts: Set<String> = ExtractionQuality.allTables) -> RawTables {
        read(parts).tables
    }

    /// The tables `parts` names (by JSON name) read from the pages, with every stage of the
    /// applications and review/litigation tables as they were read.
    func read(_ parts: Set<String> = ExtractionQuality.allTables) -> TableReading {
        var tables = RawTables()
        var stages: [TableStages] = []
        if parts.contains(TemplateTable.activeDisclosure.rawValue), let r = region(.activeDisclosure) {
            var reader = ActiveTableReader(settings: settings)
            let result = reader.read(r)
            tables.active = result.rows
            tables.activeHeaderText = result.headerText
            tables.diagnostics += reader.diagnostics
        }
        if parts.contains(TemplateTable.applications.rawValue), let r = region(.applications) {
            var reader = applicationsReader
            let read = reader.read(r)
            tables.applications = read.rows
            tables.diagnostics += reader.diagnostics
            tables.doubts += reader.doubts
            // (Only this table's columns add up down the table: the sums that can place them.)
            tables.alternatives += reader.alternatives
            stages.append(read)
        }
        if parts.contains(TemplateTable.reviewLitigation.rawValue), let r = region(.reviewLitigation) {
            var reader = reviewReader
            let read = reader.read(r)
            let rows = read.rows
            // The data row is the one that prints the most values.
            let best = rows.max(by: { $0.cells.compactMap { $0 }.count < $1.cells.compactMap { $0 }.count })
            if (best?.cells.compactMap { $0 }.count ?? 0) <= 5, let split = Self.splitReview(r, settings: settings) {
                tables.review = [split.row]
                tables.diagnostics += split.diagnostics
                stages.append(split.stages)
            } else {
                if let best {
                    if let joined = Self.joiningPageBreakTail(best, rows: rows, sums: Self.reviewSums(groups: 3)) {
                        tables.review = [joined]
                        tables.diagnostics.append(Finding(
                            code: "table.row_split_by_page", severity: .info,
                            message: "the numbers of the review/litigation row continue at the top of the next page",
                            table: TemplateTable.reviewLitigation.rawValue, page: best.page))
                    } else {
                        tables.review = [best]
                    }
                }
                tables.diagnostics += reader.diagnostics
                tables.doubts += reader.doubts.filter { d in best?.geometry?.cells.contains { $0 == d.box } ?? false }
                stages.append(read)
            }
        }
        return TableReading(tables: tables, stages: stages)
    }
}

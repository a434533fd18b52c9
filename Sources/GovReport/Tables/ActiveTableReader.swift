/// Reads 二、主动公开政府信息情况: several small tables (one per 第二十条 item), each a header
/// row of field names and one or two rows of a label and 1–3 values.
///
/// Rows are found by their values' bands (or, when every value is blank, by a label that
/// matches a template row on its own); a row's values go to fields in order when the row
/// fills them all, otherwise to the ruled cells or the nearest header words above it.
public struct ActiveTableReader {
    public var template: TemplateVersion?
    public var settings: TableFinderSettings
    public private(set) var diagnostics: [Finding] = []

    public init(settings: TableFinderSettings = .standard) { self.settings = settings }

    public struct Result: Sendable {
        public var rows: [RawRow]
        public var headerText: String
    }

    public mutating func read(_ region: [RegionPage]) -> Result {
        var rows: [RawRow] = []
        var headerText = ""
        let labels = Template.activeRows(.v2021) + Template.activeRows(.v2019)
        let labelKeys = Set(labels.flatMap { [$0.label] + $0.aliases }.map { String(LabelMatcher.core($0)) })
        // The last header line of the part before: a row at the top of a page, its header at the
        // foot of the one before, names its unit there (采购总金额（万元）).
        var carriedHeader = ""
        for part in region {
            // Header lines: every line with a header word; they also tell the two formats apart.
            let headers = part.lines.filter { TableVocabulary.isHeader($0.text) || TableVocabulary.isActiveHeader($0.text) }
            headerText += headers.map(\.text).joined(separator: "\n") + "\n"
            let values = part.lines.flatMap(\.words).filter { ValueParser.looksLikeValue($0.text) }
            let dataRows = DataRow.rows(of: values, page: part.page.number, settings: settings.rows)
                .map { Self.joiningSpacedDigits($0, gap: settings.activeTable.spacedDigitsGap) }
            var used = Set<Int>()
            var found: [(y: Double, row: RawRow)] = []
            let labelHeight = Self.medianLabelHeight(part.lines)
            for row in dataRows {
                let left = row.words.map(\.box.x0).min() ?? 0
                let labelLines = part.lines.enumerated().filter { _, l in
                    Self.reaches(l, row: row, rows: dataRows, labelHeight: labelHeight, band: settings.activeTable.labelBand)
                }
                var label = ""
                var labelBox: Rect?
                for (i, line) in labelLines {
                    let words = line.words.filter {
                        $0.box.x1 <= left + settings.activeTable.labelEdgeSlack && !ValueParser.looksLikeValue($0.text)
                    }
                    if !words.isEmpty { used.insert(i) }
                    label += words.map(\.text).joined()
                    for w in words { labelBox = labelBox.map { $0.union(w.box) } ?? w.box }
                }
                let header = headers.last { $0.box.midY < row.midY }
                let cells = assign(row, header: header, page: part.page, labelRight: left)
                found.append((row.midY, RawRow(label: label, cells: cells.map(\.text), page: part.page.number,
                                                 header: header?.text ?? carriedHeader,
                                                 geometry: RowGeometry(label: labelBox, cells: cells.map(\.box)))))
            }
            // Rows printed with every value blank: a line that is exactly a template label.
            for (i, line) in part.lines.enumerated() where !used.contains(i) {
                guard let first = line.words.first else { continue }
                let core = String(LabelMatcher.core(first.text))
                guard labelKeys.contains(core), !dataRows.contains(where: { abs($0.midY - line.box.midY) < $0.height })
                else { continue }
                let header = headers.last { $0.box.midY < line.box.midY }
                found.append((line.box.midY, RawRow(label: first.text, cells: [], page: part.page.number,
                                                      header: header?.text ?? carriedHeader,
                                                      geometry: RowGeometry(label: first.box, cells: []))))
            }
            rows += found.sorted { $0.y < $1.y }.map(\.row)
            if let last = headers.last { carriedHeader = last.text }
        }
        return Result(rows: rows, headerText: headerText)
    }

    /// Whether `line` holds part of `row`'s label: it lies within the values' own height of
    /// them; or, when the values' boxes are shorter than the labels' (digits in a Latin font
    /// beside ideographs, a value centred between the lines of a wrapped label), it lies within
    /// a label word's height, holds no value (a line with values is another row's) and no other
    /// row's values are nearer to it.
    static func reaches(_ line: TextLine, row: DataRow, rows: [DataRow], labelHeight: Double, band: Double) -> Bool {
        func within(_ reach: Double) -> Bool {
            line.box.verticalOverlap(Rect(x0: 0, y0: row.midY - reach, x1: 1, y1: row.midY + reach)) > 0
        }
        if within(band * row.height) { return true }
        guard labelHeight > row.height, within(band * labelHeight),
              !line.words.contains(where: { ValueParser.looksLikeValue($0.text) }) else { return false }
        let distance = abs(line.box.midY - row.midY)
        return !rows.contains { abs(line.box.midY - $0.midY) < distance }
    }

    /// The median height of the words that are not values (the labels' glyph boxes).
    static func medianLabelHeight(_ lines: [TextLine]) -> Double {
        let heights = lines.flatMap(\.words).filter { !ValueParser.looksLikeValue($0.text) }.map(\.box.height).sorted()
        return heights.isEmpty ? 0 : heights[heights.count / 2]
    }

    /// A number printed with a space as thousands separator (1 179) reads as two words; this
    /// table's cells are wide, so words closer than `gap` glyph heights belong to one cell.
    static func joiningSpacedDigits(_ row: DataRow, gap: Double) -> DataRow {
        var row = row
        var words: [Word] = []
        for w in row.words {
            if let last = words.last, w.box.x0 - last.box.x1 < gap * max(w.box.height, last.box.height) {
                words[words.count - 1] = LineBuilder.word(last.glyphs + w.glyphs)
            } else {
                words.append(w)
            }
        }
        row.words = words
        return row
    }

    /// The row's cells (text and box) in field order, as far as the layout tells.
    func assign(_ row: DataRow, header: TextLine?, page: PageLayout, labelRight: Double) -> [(text: String?, box: Rect?)] {
        // Ruled cells right of the label: one per field.
        let crossing = page.verticalRulings.filter { $0.covers(row.midY, tolerance: -row.height * settings.rulings.crossing) }
        let xs = Ruling.distinct(crossing.map(\.position).filter { $0 >= labelRight - settings.activeTable.rulingSlack },
                                 within: settings.rulings.sameRuling)
        guard let headerWords = header?.words.filter({ !TextNormalizer.key($0.text).hasPrefix(TableVocabulary.activeContentHeader) }),
              headerWords.count > row.words.count else {
            return row.words.map { ($0.text, $0.box) }
        }
        // Fewer values than fields: place each by its ruled cell, else by the nearest header word.
        var cells = [(text: String?, box: Rect?)](repeating: (nil, nil), count: headerWords.count)
        for w in row.words {
            let i: Int?
            if xs.count == headerWords.count + 1 {
                i = (0..<(xs.count - 1)).first { w.box.midX >= xs[$0] && w.box.midX <= xs[$0 + 1] }
            } else {
                i = headerWords.indices.min { abs(headerWords[$0].box.midX - w.box.midX)
                    < abs(headerWords[$1].box.midX - w.box.midX) }
            }
            guard let i else { continue }
            cells[i] = ((cells[i].text ?? "") + w.text, cells[i].box.map { $0.union(w.box) } ?? w.box)
        }
        return cells
    }
}

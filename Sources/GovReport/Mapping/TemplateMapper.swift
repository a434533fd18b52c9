import Foundation

/// Maps raw tables onto the national template: which printed row is which template row,
/// and each cell's text as a value. Says in diagnostics what it matched fuzzily, what it
/// could not place and what it did not find.
public struct TemplateMapper {
    /// The national format the rows are mapped onto.
    public var template: TemplateVersion
    /// What the mapping said so far: fuzzy and weak label matches, unplaced and missing rows,
    /// cell counts that differ from the template, cell text that is not a number.
    public private(set) var diagnostics: [Finding] = []
    /// Pages read by OCR (1-based): their unmatched rows may be placed by position.
    public var ocrPages: Set<Int> = []
    /// Mark with `cell.uncertain` the cells of a row whose cell count differs from the
    /// template's (padded or cut: where each value belongs is a guess) and a cell whose text
    /// is no number. Set for Markdown, whose tables a converter laid out by guesses of its
    /// own (pymupdf4llm's text strategy: a label and its values in one cell, values run
    /// together), and for text (`pdftotext` without `-layout` writes a cell a line); the
    /// positioned-text readers place cells by their boxes and say their own doubts.
    public var marksUnplacedCells = false

    public init(template: TemplateVersion) { self.template = template }

    /// Picks the national format from the active-disclosure headers, else from the year.
    public static func detectTemplate(activeHeaderText: String, year: Int?) -> TemplateVersion {
        let k = TextNormalizer.key(activeHeaderText)
        let s2019 = TableVocabulary.activeMarkers2019.filter { k.contains($0) }.count
        let s2021 = TableVocabulary.activeMarkers2021.filter { k.contains($0) }.count
        if s2019 != s2021 { return s2019 > s2021 ? .v2019 : .v2021 }
        if let year, year <= 2020 { return .v2019 }
        return .v2021
    }

    // MARK: values

    mutating func values(_ cells: [String?], count: Int, table: TemplateTable, row: String, fields: [String],
                         page: Int?) -> (values: [Decimal?], unit: String?) {
        var cells = cells
        if cells.count > count {
            // Surplus cells at the ends are empty cells of a merged label column or a trailing tab.
            while cells.count > count, let last = cells.last, last == nil || last?.isEmpty == true { cells.removeLast() }
            while cells.count > count, let first = cells.first, first == nil || first?.isEmpty == true {
                cells.removeFirst()
            }
        }
        if cells.isEmpty {
            // A row printed with every cell blank.
            cells = [String?](repeating: nil, count: count)
        } else if cells.count != count {
            diagnostics.append(Finding(code: "table.cell_count", severity: .warning,
                                       message: "row has \(cells.count) cells where the template has \(count)",
                                       table: table.rawValue, row: row, page: page))
            // Surplus cells each repeating the one before are a merged cell written into every
            // slot it spans (docling, pymupdf4llm): cut, nothing is guessed.
            let repeats = cells.count > count && (count..<cells.count).allSatisfy { cells[$0] == cells[$0 - 1] }
            cells = Array(cells.prefix(count)) + [String?](repeating: nil, count: max(0, count - cells.count))
            if marksUnplacedCells && !repeats {
                diagnostics += fields.map { uncertain("the row has another number of cells than the template: where its values belong is a guess",
                                                      table: table, row: row, column: $0, page: page) }
            }
        }
        var out: [Decimal?] = []
        var unit: String?
        for (i, cell) in cells.enumerated() {
            switch ValueParser.parse(cell ?? "") {
            case .blank, .placeholder: out.append(nil)
            case .number(let d, let u): out.append(d); unit = unit ?? u
            case .text(let t):
                out.append(nil)
                diagnostics.append(Finding(code: "value.unreadable", severity: .warning,
                                           message: "cell text \"\(t)\" is not a number; read as blank",
                                           table: table.rawValue, row: row, column: fields[i], page: page))
                if marksUnplacedCells {
                    diagnostics.append(uncertain("cell text is not a number; read as blank", table: table, row: row,
                                                 column: fields[i], page: page))
                }
            }
        }
        return (out, unit)
    }

    func uncertain(_ message: String, table: TemplateTable, row: String, column: String, page: Int?) -> Finding {
        Finding(code: "cell.uncertain", severity: .warning, message: message, table: table.rawValue, row: row,
                column: column, page: page)
    }

    // MARK: tables

    /// Aligns printed labels to template labels; records fuzzy and unplaced rows.
    mutating func matchRows(_ rows: [RawRow], labels: [(key: String, text: String, aliases: [String])],
                            table: TemplateTable) -> [Int?] {
        // Text before an applications row's item number is the wrapped tail of the row above's.
        let printed = rows.map { LabelMatcher.core(table == .applications ? LabelMatcher.fromItemMarker($0.label) : $0.label) }
        let templates = labels.map { LabelMatcher.core($0.text) }
        var assignment = LabelMatcher.align(printed: printed, templates: templates)
        let placed = PositionalRows.fill(assignment, pages: rows.map(\.page), ocrPages: ocrPages, keys: labels.map(\.key),
                                          printed: rows.map(\.label), labels: labels.map(\.text),
                                          positional: rows.map(\.placedByPosition))
        assignment = placed.assignment
        for (i, j) in assignment.enumerated() {
            if let j, placed.filled.contains(i) {
                diagnostics.append(Finding(code: "label.weak_match", severity: .warning,
                                           message: "printed \"\(rows[i].label)\" taken as \"\(labels[j].text)\" by its place in the table",
                                           table: table.rawValue, row: labels[j].key, page: rows[i].page))
                continue
            }
            guard let j else {
                diagnostics.append(Finding(code: "label.unmatched", severity: .warning,
                                           message: "row \"\(rows[i].label)\" matches no template row; its numbers were not used",
                                           table: table.rawValue, page: rows[i].page))
                continue
            }
            let exact = ([labels[j].text] + labels[j].aliases).contains {
                LabelMatcher.isExact(printed: printed[i], template: LabelMatcher.core($0))
            }
            if !exact {
                let s = LabelMatcher.score(printed: printed[i], template: templates[j])
                // Below this similarity the label is missing much of its text (a label cut by a
                // page break or read into two rows), not just a typo.
                let weak = s < 0.75
                diagnostics.append(Finding(code: weak ? "label.weak_match" : "label.fuzzy_match",
                                           severity: weak ? .warning : .info,
                                           message: "printed \"\(rows[i].label)\" read as \"\(labels[j].text)\" (similarity \(String(format: "%.2f", s)))",
                                           table: table.rawValue, row: labels[j].key, page: rows[i].page))
            }
        }
        // The one-row （六）其他处理 and its three sub-rows are alternatives, never both.
        let subRowKeys = Set(ApplicationRow.otherSubRows.map(\.rawValue))
        if let one = labels.firstIndex(where: { $0.key == ApplicationRow.otherProcessing.rawValue }) {
            let subs = Set(labels.indices.filter { subRowKeys.contains(labels[$0].key) })
            if assignment.contains(where: { $0.map(subs.contains) ?? false }),
               let i = assignment.firstIndex(of: one) {
                assignment[i] = nil
                diagnostics.append(Finding(code: "label.conflict", severity: .warning,
                                           message: "row \"\(rows[i].label)\" printed beside the （六） sub-rows was not used",
                                           table: table.rawValue, page: rows[i].page))
            }
        }
        return assignment
    }

    /// A printed label that matches its template row only in part (`label.weak_match`).
    static func isWeak(printed: String, template: (key: String, text: String, aliases: [String])) -> Bool {
        !isExact(printed: printed, template: template)
            && LabelMatcher.score(printed: LabelMatcher.core(printed), template: LabelMatcher.core(template.text)) < 0.75
    }

    /// Whether the template label (or one of its other wordings) is printed whole.
    static func isExact(printed: String, template: (key: String, text: String, aliases: [String])) -> Bool {
        let core = LabelMatcher.core(printed)
        return ([template.text] + template.aliases).contains { LabelMatcher.isExact(printed: core, template: LabelMatcher.core($0)) }
    }

    /// Joins a row cut by a page break with its continuation: the last row of a page and the
    /// first of the next become one when their labels together match a template row better
    /// than either does alone.
    mutating func joinPageBreaks(_ rows: [RawRow], labels: [[Character]], table: TemplateTable) -> [RawRow] {
        func best(_ label: String) -> Double {
            let core = LabelMatcher.core(label)
            return labels.map { LabelMatcher.score(printed: core, template: $0) }.max() ?? 0
        }
        var out: [RawRow] = []
        var i = 0
        while i < rows.count {
            let row = rows[i]
            if row.mayContinue, i + 1 < rows.count, let tails = Self.wrappedTails(row, rows[i + 1]) {
                // The digits a page break cut off the row's numbers (LibreOffice breaks a row
                // between the lines of a number wrapped in its cell).
                var joined = row
                joined.cells = zip(row.cells, tails).map { a, b in a.map { $0 + (b ?? "") } }
                out.append(joined)
                diagnostics.append(Finding(code: "table.row_split_by_page", severity: .info,
                                           message: "the numbers of row \"\(row.label)\" continue at the top of page \(rows[i + 1].page ?? 0)",
                                           table: table.rawValue, page: row.page))
                i += 2
                continue
            }
            if row.mayContinue, i + 1 < rows.count {
                let next = rows[i + 1]
                // The next page's group cell may repeat the rest of the group heading before it.
                var joinedLabel = row.label + next.label
                var joined = best(joinedLabel)
                if table == .applications, let rest = Self.withoutGroupRest(next.label) {
                    let cut = best(row.label + rest)
                    if cut > joined { (joinedLabel, joined) = (row.label + rest, cut) }
                }
                // A continuation with no values of its own only needs to read better joined
                // (…相关政府信 + 息: 0.95 alone, 1 joined).
                let alone = max(best(row.label), best(next.label))
                if joined > alone + 0.05 || (joined > alone && next.cells.allSatisfy { $0 == nil }) {
                    // The label's tail may come with the tails of numbers wrapped in their cells.
                    let cells = Self.wrappedTails(row, next, labelled: true).map { tails in
                        zip(row.cells, tails).map { a, b in a.map { $0 + (b ?? "") } }
                    } ?? zip(row.cells, next.cells).map { $0 ?? $1 }
                    out.append(RawRow(label: joinedLabel, cells: cells, page: next.page, header: row.header,
                                      geometry: next.geometry))
                    diagnostics.append(Finding(code: "table.row_split_by_page", severity: .info,
                                               message: "row \"\(row.label)\" continues on page \(next.page ?? 0) as \"\(next.label)\"",
                                               table: table.rawValue, page: row.page))
                    i += 2
                    continue
                }
            }
            out.append(row)
            i += 1
        }
        return out
    }

    /// The cells of `next` when it is nothing but the lower lines of numbers wrapped in
    /// `row`'s cells, cut from it by a page break: no label (unless `labelled`: the label's
    /// tail, already known to continue the row's), digits only, each under a cell of
    /// `row` that holds a number; and the row adds up (its values before the total sum to the
    /// total) joined, or did not as printed.
    /// `label` without the rest of a group heading at its start (`）其他处理` of （六）其他处理,
    /// whose cell a page break cut and the next page's table repeats beside the label's rest),
    /// or nil when it opens with none (two characters at least).
    static func withoutGroupRest(_ label: String) -> String? {
        let key = TextNormalizer.key(label)
        let rests = ApplicationRow.groupKeys.flatMap { g in (0..<max(0, g.count - 1)).map { String(g.dropFirst($0)) } }
        guard let rest = rests.filter({ key.hasPrefix($0) && key.count > $0.count }).max(by: { $0.count < $1.count })
        else { return nil }
        return String(key.dropFirst(rest.count))
    }

    static func wrappedTails(_ row: RawRow, _ next: RawRow, labelled: Bool = false) -> [String?]? {
        guard labelled || TextNormalizer.key(next.label).isEmpty, next.cells.count == row.cells.count,
              next.cells.contains(where: { $0 != nil }) else { return nil }
        for (a, b) in zip(row.cells, next.cells) {
            guard let b else { continue }
            guard let a, a.allSatisfy(\.isNumber), b.allSatisfy(\.isNumber), !b.isEmpty else { return nil }
        }
        func addsUp(_ cells: [String?]) -> Bool? {
            let values = cells.map { $0.flatMap { ValueParser.decimal(TextNormalizer.key($0)) } }
            guard values.count >= 3, let total = values.last ?? nil else { return nil }
            return values.dropLast().reduce(Decimal(0)) { $0 + ($1 ?? 0) } == total
        }
        let joined = zip(row.cells, next.cells).map { a, b in a.map { $0 + (b ?? "") } }
        guard addsUp(joined) == true || addsUp(row.cells) == false else { return nil }
        return next.cells
    }

    /// The applications table from its printed rows: rows in template order with seven values
    /// each (`Template.applicationColumns`); a row cut by a page break is joined first.
    public mutating func applications(_ rows: [RawRow]) -> TableValues {
        let labels = Template.applicationRows.map { (key: $0.key, text: $0.label, aliases: $0.aliases) }
        let rows = joinPageBreaks(rows, labels: labels.map { LabelMatcher.core($0.text) }, table: .applications)
        let assignment = matchRows(rows, labels: labels, table: .applications)
        var found: [Int: RowValues] = [:]
        for (i, j) in assignment.enumerated() {
            guard let j else { continue }
            let key = labels[j].key
            let v = values(rows[i].cells, count: Template.applicationColumns.count, table: .applications, row: key,
                           fields: Template.applicationColumns, page: rows[i].page)
            if let why = rows[i].placementDoubt {
                diagnostics += Template.applicationColumns.map {
                    uncertain("where this row's values belong is a guess (\(why))",
                              table: .applications, row: key, column: $0, page: rows[i].page)
                }
            }
            // (Text only: on a PDF page a number outside the columns is page furniture — a
            // sideways page's number beside a row — while a character grid pushes a row's own.)
            // A row that adds up as read lost none of its own.
            let total = v.values.last ?? nil
            let addsUp = total != nil && v.values.dropLast().reduce(Decimal(0)) { $0 + ($1 ?? 0) } == total
            if marksUnplacedCells, !rows[i].unreadNumbers.isEmpty, !addsUp {
                let texts = rows[i].unreadNumbers.joined(separator: ", ")
                diagnostics += Template.applicationColumns.map {
                    uncertain("numbers on this row's line stood outside every column and were not read (\(texts)): one may be this row's",
                              table: .applications, row: key, column: $0, page: rows[i].page)
                }
            }
            // A row of numbers next to it that matched no template row (its label split, the
            // numbers given to a fragment): read blank, this row may be where they belong.
            let besideUnused = [i - 1, i + 1].contains { k in
                rows.indices.contains(k) && assignment[k] == nil && rows[k].cells.contains { $0 != nil }
            }
            if marksUnplacedCells, v.values.allSatisfy({ $0 == nil }), besideUnused {
                diagnostics += Template.applicationColumns.map {
                    uncertain("the row was read blank beside a row of numbers that matched no template row",
                              table: .applications, row: key, column: $0, page: rows[i].page)
                }
            } else if marksUnplacedCells, v.values.allSatisfy({ $0 == nil }),
               Self.isWeak(printed: rows[i].label, template: labels[j]) {
                // A piece of a label (a group's vertical name, a wrapped line) taken for the row
                // while its numbers stand elsewhere: read blank, it may have lost them.
                diagnostics += Template.applicationColumns.map {
                    uncertain("the row was read blank from a label that matches its template label only in part",
                              table: .applications, row: key, column: $0, page: rows[i].page)
                }
            }
            found[j] = RowValues(key: key, fields: Template.applicationColumns, values: v.values, page: rows[i].page,
                                 geometry: rows[i].geometry)
        }
        // （六）其他处理 is printed either as one row or as its three sub-rows.
        let keys = Set(found.values.map(\.key))
        let printed = { (row: ApplicationRow) in keys.contains(row.rawValue) }
        let oneRow = printed(.otherProcessing)
        let expected = Template.applicationRows.filter { row in
            row == .otherProcessing ? !ApplicationRow.printsOtherSubRows(printed)
                : ApplicationRow.otherSubRows.contains(row) ? !oneRow : true
        }
        noteMissing(expected.map { ($0.key, $0.label) }, found: keys, table: .applications)
        return TableValues(rows: found.keys.sorted().compactMap { found[$0] })
    }

    /// A diagnostic for each template row the report was expected to print but did not.
    mutating func noteMissing(_ expected: [(key: String, label: String)], found: Set<String>, table: TemplateTable) {
        for (key, label) in expected where !found.contains(key) {
            diagnostics.append(Finding(code: "label.row_not_found", severity: .warning,
                                       message: "template row \(label) was not found in the printed table",
                                       table: table.rawValue, row: key))
        }
    }

    /// The active-disclosure table of `template` from its printed rows (procurement's money
    /// unit from its cell or header).
    public mutating func active(_ rows: [RawRow]) -> TableValues {
        let spec = Template.activeRows(template)
        let labels = spec.map { (key: $0.key, text: $0.label, aliases: $0.aliases) }
        let assignment = matchRows(rows, labels: labels, table: .activeDisclosure)
        var found: [Int: RowValues] = [:]
        for (i, j) in assignment.enumerated() {
            guard let j else { continue }
            let row = spec[j]
            let v = values(rows[i].cells, count: row.fields.count, table: .activeDisclosure, row: row.key,
                           fields: row.fieldKeys, page: rows[i].page)
            if let why = rows[i].placementDoubt {
                diagnostics += row.fieldKeys.map {
                    uncertain("where this row's values belong is a guess (\(why))",
                              table: .activeDisclosure, row: row.key, column: $0, page: rows[i].page)
                }
            }
            if marksUnplacedCells, v.values.allSatisfy({ $0 == nil }), !Self.isExact(printed: rows[i].label, template: labels[j]) {
                // A label a converter cut (行政规范性文 | …, its 件 and numbers on rows of their
                // own): read blank, the row may have lost its numbers; no sum would say so.
                diagnostics += row.fieldKeys.map {
                    uncertain("the row was read blank from a label that is not the template's whole label",
                              table: .activeDisclosure, row: row.key, column: $0, page: rows[i].page)
                }
            }
            var unit: String?
            if row.item == .procurement { unit = v.unit ?? Self.unit(inHeader: rows[i].header) }
            found[j] = RowValues(key: row.key, fields: row.fieldKeys, values: v.values, unit: unit, page: rows[i].page,
                                 geometry: rows[i].geometry)
        }
        noteMissing(spec.map { ($0.key, $0.label) }, found: Set(found.values.map(\.key)), table: .activeDisclosure)
        return TableValues(rows: found.keys.sorted().compactMap { found[$0] })
    }

    /// The money unit a header names, e.g. 采购总金额（万元） → 万元.
    static func unit(inHeader header: String) -> String? {
        let k = TextNormalizer.key(header)
        if k.contains("万元") { return "万元" }
        if k.contains("元") { return "元" }
        return nil
    }

    /// The review/litigation table from its printed values: fifteen cells, read as three groups
    /// of five (`Template.reviewGroups` × `Template.reviewFields`).
    public mutating func review(_ rows: [RawRow]) -> TableValues {
        let cells = rows.flatMap(\.cells)
        let page = rows.first?.page
        let boxes = rows.count == 1 ? rows[0].geometry?.cells : nil
        var flat = cells
        if flat.count != 15 {
            diagnostics.append(Finding(code: "table.cell_count", severity: .warning,
                                       message: "the review/litigation table has \(flat.count) value cells where the template has 15",
                                       table: TemplateTable.reviewLitigation.rawValue, page: page))
            flat = Array(flat.prefix(15)) + [String?](repeating: nil, count: max(0, 15 - flat.count))
        }
        // Only where the cut or padding can have moved or lost a value: values past the
        // fifteenth, too few cells, or nothing read at all.
        let guessed = marksUnplacedCells && cells.count != 15
            && (cells.count < 15 || cells.dropFirst(15).contains { $0 != nil } || flat.allSatisfy { $0 == nil })
        // A row whose numbers could not be placed: every cell may be one of them.
        let doubt = rows.lazy.compactMap(\.placementDoubt).first
        var out: [RowValues] = []
        for (g, group) in Template.reviewGroups.enumerated() {
            let slice = Array(flat[(g * 5)..<(g * 5 + 5)])
            let v = values(slice, count: 5, table: .reviewLitigation, row: group, fields: Template.reviewFields,
                           page: page)
            if let doubt {
                diagnostics += Template.reviewFields.map {
                    uncertain("where the values belong is a guess (\(doubt))",
                              table: .reviewLitigation, row: group, column: $0, page: page)
                }
            } else if guessed {
                // Cut or padded to fifteen: which group and column each value is, is a guess.
                diagnostics += Template.reviewFields.map {
                    uncertain("the table has another number of value cells than the template: where its values belong is a guess",
                              table: .reviewLitigation, row: group, column: $0, page: page)
                }
            }
            let geometry = boxes.flatMap { $0.count == 15 ? RowGeometry(label: nil, cells: Array($0[(g * 5)..<(g * 5 + 5)])) : nil }
            out.append(RowValues(key: group, fields: Template.reviewFields, values: v.values, page: page, geometry: geometry))
        }
        return TableValues(rows: out)
    }
}

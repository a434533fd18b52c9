import Foundation

/// Doubt is data: each cell of a report read by OCR whose reading is not certain gets a
/// `cell.uncertain` diagnostic naming the cell, its page and why. The value is never changed.
enum UncertainCells {
    /// The diagnostics for `report`, whose pages `ocrPages` (1-based) were read by OCR with
    /// these doubts: a doubt marks the cell it lies in; a failing arithmetic rule marks its
    /// cells on OCR pages (a misread digit shows as a sum that does not add up).
    static func diagnostics(for report: CanonicalReport, doubts: [OCRDoubt], ocrPages: Set<Int>) -> [Finding] {
        marks(for: report, doubts: doubts, ocrPages: ocrPages).diagnostics
    }

    /// The marks of `diagnostics(for:doubts:ocrPages:)`, and the cells marked only because one
    /// failing rule reads them (no doubt of OCR's own, no second rule): such a mark does not
    /// make the rule's finding a doubt (`DoubtedFindings`).
    static func marks(for report: CanonicalReport, doubts: [OCRDoubt], ocrPages: Set<Int>)
        -> (diagnostics: [Finding], sumOnly: Set<TemplateCell>) {
        var reasons: [String: [String]] = [:]
        // Cells marked for a reason beside a failing sum: OCR's doubt, a second rule, the row.
        var evidence: Set<String> = []
        var suspects: [String: [String]] = [:]
        var cells: [(key: String, table: String, row: String, column: String, page: Int?)] = []
        let tables = [(TemplateTable.activeDisclosure.rawValue, report.activeDisclosure), (TemplateTable.applications.rawValue, report.applications),
                      (TemplateTable.reviewLitigation.rawValue, report.reviewLitigation)]
        for (name, table) in tables {
            for (row, boxes) in cellBoxes(table) {
                guard let page = row.page, ocrPages.contains(page) else { continue }
                for (i, field) in row.fields.enumerated() {
                    let key = "\(name).\(row.key).\(field)"
                    cells.append((key, name, row.key, field, page))
                    guard let box = boxes[i] else { continue }
                    let decimal = name == TemplateTable.activeDisclosure.rawValue && (ActiveField(rawValue: field)?.allowsDecimal ?? false)
                    for d in doubts where d.page == page && overlaps(d.box, box) && (decimal || !d.decimalOnly) {
                        if d.weak {
                            suspects[key, default: []].append(d.reason)
                        } else {
                            reasons[key, default: []].append(d.reason); evidence.insert(key)
                        }
                    }
                }
            }
        }
        // A rule that fails marks the cells that one misreading could explain it by: the
        // cell that explains two failing rules with the same correction, else those OCR was
        // less than sure of, else all that can explain it; none when a cell already marked can.
        let failing = Validator.check(report).filter { $0.finding.severity == .error }
        let explained = RuleSuspects.explanations(failing, in: report)
        var votes: [String: [Int: Int]] = [:]
        for e in explained { for (key, needed) in e { votes[key, default: [:]][needed, default: 0] += 1 } }
        for (n, rule) in failing.enumerated() {
            let f = rule.finding
            let involved = rule.cells.filter { report.row(of: $0)?.row.page.map(ocrPages.contains) ?? false }
            guard !involved.isEmpty else { continue }
            let keys = Set(involved.map(\.key))
            let why = "\(f.code) does not hold"
            let can = explained[n].filter { keys.contains($0.key) }
            let culprits = can.filter { (votes[$0.key]?[$0.needed] ?? 0) >= 2 }.map(\.key)
            var marked: [String]
            if !culprits.isEmpty {
                marked = culprits
                evidence.formUnion(culprits)
            } else if !can.isEmpty {
                // A cell already marked excuses the rule only when a slip of its own explains it;
                // but a row whose own total fails beside a cell OCR could not read is in doubt
                // as a whole (its reading may have slid a column), so all its cells are marked.
                if can.contains(where: { reasons[$0.key] != nil }) {
                    guard Self.isRowRule(f.code) else { continue }
                    marked = Array(keys)
                    evidence.formUnion(keys)
                } else {
                    let weak = can.map(\.key).filter { suspects[$0] != nil }
                    marked = weak.isEmpty ? can.map(\.key) : weak
                }
            } else {
                // No one misreading explains it: cells OCR was unsure of, else every cell.
                let weak = keys.filter { suspects[$0] != nil }
                marked = weak.isEmpty ? Array(keys) : Array(weak)
            }
            for key in marked where reasons[key]?.contains(why) != true {
                reasons[key, default: []].append(contentsOf: (suspects[key] ?? []) + [why])
            }
        }
        // Rows placed as a whole: a row whose cells do not line up with the template's
        // columns got values by guesswork, and a template row not found on the scan has no
        // values at all (or another row's would have been given): every cell of both is marked.
        for d in report.diagnostics where d.code == "table.cell_count" {
            guard let table = d.table, let row = d.row, let page = d.page, ocrPages.contains(page) else { continue }
            for c in cells where c.table == table && c.row == row {
                reasons[c.key, default: []].append("the row's cells do not line up with the template's columns")
                evidence.insert(c.key)
            }
        }
        for (table, row, fields, page) in missingRows(report, ocrPages: ocrPages) {
            for field in fields {
                let key = "\(table).\(row).\(field)"
                cells.append((key, table, row, field, page))
                reasons[key, default: []].append("row not found on the scan")
                evidence.insert(key)
            }
        }
        for (table, row, fields) in missingTables(report, ocrPages: ocrPages) {
            for field in fields {
                let key = "\(table).\(row).\(field)"
                guard reasons[key] == nil else { continue }
                cells.append((key, table, row, field, nil))
                reasons[key, default: []].append("table not found on the pages read by OCR")
                evidence.insert(key)
            }
        }
        let marks = cells.compactMap { c -> Finding? in
            guard let why = reasons[c.key] else { return nil }
            var seen = Set<String>()
            let message = "OCR reading not certain: " + why.filter { seen.insert($0).inserted }.joined(separator: "; ")
            return Finding(code: "cell.uncertain", severity: .warning, message: message, table: c.table, row: c.row,
                           column: c.column, page: c.page)
        }
        let sumOnly = cells.filter { reasons[$0.key] != nil && !evidence.contains($0.key) }
            .compactMap { TemplateCell(table: $0.table, row: $0.row, column: $0.column) }
        return (marks, Set(sumOnly))
    }

    /// Whether a rule sums one row (its cells are that row's parts and total).
    static func isRowRule(_ code: String) -> Bool {
        code == "applications.row_total" || code == "review_litigation.group_total"
    }

    /// The template rows the mapper did not find (`label.row_not_found`) in a table read from
    /// OCR pages (a row of it on one, or none found at all), with the cells each would hold and
    /// the page of the table's row printed before it (else after it).
    static func missingRows(_ report: CanonicalReport, ocrPages: Set<Int>)
        -> [(table: String, row: String, fields: [String], page: Int)] {
        let tables: [(TemplateTable, TableValues, [(key: String, fields: [String])])] = [
            (.activeDisclosure, report.activeDisclosure, Template.activeRows(report.report.template).map { ($0.key, $0.fieldKeys) }),
            (.applications, report.applications, Template.applicationRows.map { ($0.key, Template.applicationColumns) }),
        ]
        var out: [(table: String, row: String, fields: [String], page: Int)] = []
        for (table, values, order) in tables {
            let pages = values.rows.compactMap(\.page)
            guard pages.contains(where: ocrPages.contains) || (values.rows.isEmpty && !ocrPages.isEmpty) else { continue }
            let missing = Set(report.diagnostics.filter { $0.code == "label.row_not_found" && $0.table == table.rawValue }
                .compactMap(\.row))
            let found = Dictionary(values.rows.map { ($0.key, $0.page) }, uniquingKeysWith: { a, _ in a })
            for (k, row) in order.enumerated() where missing.contains(row.key) {
                let before = order[..<k].reversed().lazy.compactMap { found[$0.key] ?? nil }.first
                let after = order[(k + 1)...].lazy.compactMap { found[$0.key] ?? nil }.first
                guard let page = before ?? after ?? ocrPages.min(), ocrPages.contains(page) else { continue }
                out.append((table.rawValue, row.key, row.fields, page))
            }
        }
        return out
    }

    /// Every cell of each template table that none of the report's rows were found for, when
    /// some page was read by OCR: the table may be on such a page, unread, so its cells (null)
    /// are in doubt, not absent. The applications table in the layout of the report's format
    /// ((六) as three sub-rows in 2021, as one row in 2019). Their page is not known.
    static func missingTables(_ report: CanonicalReport, ocrPages: Set<Int>) -> [(table: String, row: String, fields: [String])] {
        guard !ocrPages.isEmpty else { return [] }
        return TemplateTable.allCases.filter { report[$0].isEmpty }.flatMap { table -> [(table: String, row: String, fields: [String])] in
            switch table {
            case .activeDisclosure:
                return Template.activeRows(report.report.template).map { (table.rawValue, $0.key, $0.fieldKeys) }
            case .applications:
                return ApplicationRow.layout(splitOther: report.report.template == .v2021)
                    .map { (table.rawValue, $0.rawValue, Template.applicationColumns) }
            case .reviewLitigation:
                return Template.reviewGroups.map { (table.rawValue, $0, Template.reviewFields) }
            }
        }
    }

    /// Each row's cell boxes; a cell with nothing printed gets the box of its column (from the
    /// table's other rows on the page) across its row's height.
    static func cellBoxes(_ table: TableValues) -> [(RowValues, [Rect?])] {
        var columns: [String: [Int: (x0: [Double], x1: [Double])]] = [:]
        for row in table.rows {
            guard let page = row.page, let g = row.geometry, g.cells.count == row.fields.count else { continue }
            for (i, box) in g.cells.enumerated() {
                guard let box else { continue }
                columns[row.fields[i], default: [:]][page, default: ([], [])].x0.append(box.x0)
                columns[row.fields[i], default: [:]][page, default: ([], [])].x1.append(box.x1)
            }
        }
        return table.rows.map { row in
            guard let page = row.page, let g = row.geometry else { return (row, row.fields.map { _ in nil }) }
            let known = g.cells.compactMap { $0 } + [g.label].compactMap { $0 }
            guard let first = known.first else { return (row, row.fields.map { _ in nil }) }
            let band = known.reduce(first) { $0.union($1) }
            return (row, row.fields.enumerated().map { i, field in
                if i < g.cells.count, let box = g.cells[i] { return box }
                guard let col = columns[field]?[page], !col.x0.isEmpty else { return nil }
                return Rect(x0: median(col.x0), y0: band.y0, x1: median(col.x1), y1: band.y1)
            })
        }
    }

    /// Whether a doubt's box and a cell's box are the same place: either holds the other's centre.
    static func overlaps(_ doubt: Rect, _ cell: Rect) -> Bool {
        func holds(_ r: Rect, _ x: Double, _ y: Double) -> Bool { x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1 }
        return holds(doubt, cell.midX, cell.midY) || holds(cell, doubt.midX, doubt.midY)
    }
}

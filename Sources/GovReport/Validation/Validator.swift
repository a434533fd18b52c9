import Foundation

/// A validator finding and the template cells its rule reads: what a reader should look at,
/// what a redrawn table highlights. The cells are those the report prints, in the rule's
/// order (for a sum: the addends, then the total).
public struct RuleFinding: Sendable, Equatable {
    /// The finding, as the canonical document records it (`findings`).
    public var finding: Finding
    /// The cells the rule read that the report prints, in the rule's order (for a sum: the
    /// addends, then the total); empty for structure rules.
    public var cells: [TemplateCell]

    public init(_ finding: Finding, cells: [TemplateCell] = []) {
        self.finding = finding; self.cells = cells
    }
}

/// Applies the spec's validation rules to a canonical report. Blanks count as 0 in sums,
/// and a finding says when it relied on that.
public enum Validator {
    /// The findings of every rule, in the rules' order (structure, applications, review and
    /// litigation, values).
    public static func findings(for report: CanonicalReport) -> [Finding] {
        check(report).map(\.finding)
    }

    /// The findings of every rule with the cells each involves.
    public static func check(_ report: CanonicalReport) -> [RuleFinding] {
        var out: [RuleFinding] = []
        out += structure(report)
        out += applicationRules(report.applications)
        out += reviewRules(report.reviewLitigation)
        out += valueRules(report)
        return out
    }

    static func label(_ row: ApplicationRow) -> String { row.label }

    // MARK: structure

    static func structure(_ r: CanonicalReport) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for table in TemplateTable.allCases where r[table].isEmpty {
            out.append(RuleFinding(Finding(code: "structure.missing_table", severity: .error,
                                           message: "table \(table.rawValue) was not found in the report",
                                           table: table.rawValue)))
        }
        if !r.applications.isEmpty {
            let t = r.applications
            let hasSplitOther = ApplicationRow.printsOtherSubRows { t[$0] != nil }
            for row in ApplicationRow.layout(splitOther: hasSplitOther) where t[row] == nil {
                out.append(RuleFinding(Finding(code: "structure.missing_row", severity: .error,
                                               message: "row \(label(row)) was not found",
                                               table: TemplateTable.applications.rawValue, row: row.rawValue)))
            }
        }
        if !r.reviewLitigation.isEmpty {
            for g in ReviewGroup.allCases where r.reviewLitigation[g] == nil {
                out.append(RuleFinding(Finding(code: "structure.missing_row", severity: .error,
                                               message: "group \(g.rawValue) was not found",
                                               table: TemplateTable.reviewLitigation.rawValue, row: g.rawValue)))
            }
        }
        if !r.activeDisclosure.isEmpty {
            for row in Template.activeRows(r.report.template) where r.activeDisclosure[row.item] == nil {
                out.append(RuleFinding(Finding(code: "structure.missing_row", severity: .error,
                                               message: "row \(row.label) was not found",
                                               table: TemplateTable.activeDisclosure.rawValue, row: row.key)))
            }
        }
        return out
    }

    // MARK: applications

    /// Sum of a column over rows, and whether any addend was blank.
    static func sum(_ t: TableValues, _ rows: [ApplicationRow], _ column: ApplicationColumn) -> (Decimal, blanks: Bool)? {
        var total = Decimal(0), blanks = false, any = false
        for k in rows {
            guard let row = t[k] else { continue }
            any = true
            if let v = row[column] { total += v } else { blanks = true }
        }
        return any ? (total, blanks) : nil
    }

    static func value(_ t: TableValues, _ row: ApplicationRow, _ column: ApplicationColumn) -> (Decimal, blank: Bool)? {
        guard let r = t[row] else { return nil }
        return (r[column] ?? 0, r[column] == nil)
    }

    static func blankNote(_ blank: Bool) -> String { blank ? " (blank cells counted as 0)" : "" }

    /// The result rows （一）…（六） counted in （七）总计: the （六） sub-rows, or the one-row form
    /// when no sub-row is printed.
    static func processedRows(_ t: TableValues) -> [ApplicationRow] {
        let split = ApplicationRow.printsOtherSubRows { t[$0] != nil }
        return ApplicationRow.processed.filter { $0 == .otherProcessing ? !split : true }
    }

    static func applicationRules(_ t: TableValues) -> [RuleFinding] {
        var out: [RuleFinding] = []
        let processed = processedRows(t)
        let table = TemplateTable.applications.rawValue
        /// The cells of `rows` in `column` that the table prints.
        func cells(_ rows: [ApplicationRow], _ column: ApplicationColumn) -> [TemplateCell] {
            rows.filter { t[$0] != nil }.map { .application($0, column) }
        }
        for column in ApplicationColumn.allCases {
            if let a = value(t, .newReceived, column), let b = value(t, .carriedOver, column),
               let c = value(t, .totalProcessed, column), let d = value(t, .carriedForward, column),
               a.0 + b.0 != c.0 + d.0 {
                out.append(RuleFinding(Finding(
                    code: "applications.balance", severity: .error,
                    message: "一 + 二 (\(a.0) + \(b.0)) should equal （七）总计 + 四 (\(c.0) + \(d.0)) in column \(column.rawValue)"
                        + blankNote(a.blank || b.blank || c.blank || d.blank),
                    table: table, row: ApplicationRow.totalProcessed.rawValue, column: column.rawValue,
                    page: t[.totalProcessed]?.page, expected: a.0 + b.0, actual: c.0 + d.0),
                    cells: cells([.newReceived, .carriedOver, .totalProcessed, .carriedForward], column)))
            }
            if let total = value(t, .totalProcessed, column), let parts = sum(t, processed, column),
               total.0 != parts.0 {
                out.append(RuleFinding(Finding(
                    code: "applications.total_processed", severity: .error,
                    message: "（七）总计 is \(total.0) but the results （一）…（六） add up to \(parts.0) in column \(column.rawValue)"
                        + blankNote(total.blank || parts.blanks),
                    table: table, row: ApplicationRow.totalProcessed.rawValue, column: column.rawValue,
                    page: t[.totalProcessed]?.page, expected: parts.0, actual: total.0),
                    cells: cells(processed + [.totalProcessed], column)))
            }
        }
        for row in t.rows {
            guard row.fields.contains(ApplicationColumn.total.rawValue) else { continue }
            let key = ApplicationRow(rawValue: row.key)
            let parts = ApplicationColumn.applicants.reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
            let total = row[ApplicationColumn.total] ?? 0
            if parts != total {
                let blank = row.values.contains { $0 == nil }
                out.append(RuleFinding(Finding(
                    code: "applications.row_total", severity: .error,
                    message: "总计 of \(key.map(label) ?? row.key) is \(total) but the six applicant columns add up to \(parts)"
                        + blankNote(blank),
                    table: table, row: row.key, column: ApplicationColumn.total.rawValue, page: row.page,
                    expected: parts, actual: total),
                    cells: key.map { key in
                        ApplicationColumn.allCases.filter { row.fields.contains($0.rawValue) }.map { .application(key, $0) }
                    } ?? []))
            }
        }
        return out
    }

    // MARK: review and litigation

    static func reviewRules(_ t: TableValues) -> [RuleFinding] {
        t.rows.compactMap { row in
            let parts = ReviewColumn.outcomes.reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
            let total = row[ReviewColumn.total] ?? 0
            guard parts != total else { return nil }
            let group = ReviewGroup(rawValue: row.key)
            return RuleFinding(Finding(code: "review_litigation.group_total", severity: .error,
                                       message: "总计 of \(row.key) is \(total) but 维持 + 纠正 + 其他 + 尚未审结 add up to \(parts)"
                                           + blankNote(row.values.contains { $0 == nil }),
                                       table: TemplateTable.reviewLitigation.rawValue, row: row.key,
                                       column: ReviewColumn.total.rawValue, page: row.page,
                                       expected: parts, actual: total),
                               cells: group.map { g in
                                   ReviewColumn.allCases.filter { row.fields.contains($0.rawValue) }.map { .review(g, $0) }
                               } ?? [])
        }
    }

    // MARK: values

    static func valueRules(_ r: CanonicalReport) -> [RuleFinding] {
        var out: [RuleFinding] = []
        for table in TemplateTable.allCases {
            for row in r[table].rows {
                for (field, v) in zip(row.fields, row.values) {
                    guard let v else { continue }
                    let active = table == .activeDisclosure ? ActiveField(rawValue: field) : nil
                    let decimalOK = active?.allowsDecimal ?? false
                    let signedOK = active?.allowsNegative ?? false
                    let cell = TemplateCell(table: table.rawValue, row: row.key, column: field).map { [$0] } ?? []
                    if v < 0 && !signedOK {
                        out.append(RuleFinding(Finding(code: "value.negative", severity: .error,
                                                       message: "\(row.key).\(field) is negative (\(v))", table: table.rawValue,
                                                       row: row.key, column: field, page: row.page, actual: v),
                                               cells: cell))
                    }
                    if !decimalOK && !isInteger(v) {
                        out.append(RuleFinding(Finding(code: "value.not_integer", severity: .error,
                                                       message: "\(row.key).\(field) is not a whole number (\(v))",
                                                       table: table.rawValue, row: row.key, column: field, page: row.page,
                                                       actual: v),
                                               cells: cell))
                    }
                }
            }
        }
        return out
    }

    static func isInteger(_ d: Decimal) -> Bool {
        var d = d, r = Decimal()
        NSDecimalRound(&r, &d, 0, .plain)
        return r == d
    }
}

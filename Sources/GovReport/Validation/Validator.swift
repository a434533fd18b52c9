import Foundation

/// Applies the spec's validation rules to a canonical report. Blanks count as 0 in sums,
/// and a finding says when it relied on that.
public enum Validator {
    public static func findings(for report: CanonicalReport) -> [Finding] {
        var out: [Finding] = []
        out += structure(report)
        out += applicationRules(report.applications)
        out += reviewRules(report.reviewLitigation)
        out += valueRules(report)
        return out
    }

    static func label(_ key: String) -> String {
        Template.applicationRows.first { $0.key == key }?.label ?? key
    }

    // MARK: structure

    static func structure(_ r: CanonicalReport) -> [Finding] {
        var out: [Finding] = []
        for (name, table) in [("active_disclosure", r.activeDisclosure), ("applications", r.applications),
                              ("review_litigation", r.reviewLitigation)] where table.isEmpty {
            out.append(Finding(code: "structure.missing_table", severity: .error,
                               message: "table \(name) was not found in the report", table: name))
        }
        if !r.applications.isEmpty {
            let other = ["other_overdue_correction", "other_overdue_fee", "other_misc"]
            let hasSplitOther = other.contains { r.applications[$0] != nil }
            var required = Template.applicationRows.map(\.key).filter { !other.contains($0) && $0 != "other_processing" }
            if hasSplitOther { required += other } else if r.applications["other_processing"] == nil {
                required.append("other_processing")
            }
            let order = Template.applicationRows.map(\.key)
            for key in order where required.contains(key) && r.applications[key] == nil {
                out.append(Finding(code: "structure.missing_row", severity: .error,
                                   message: "row \(label(key)) was not found", table: "applications", row: key))
            }
        }
        if !r.reviewLitigation.isEmpty {
            for g in Template.reviewGroups where r.reviewLitigation[g] == nil {
                out.append(Finding(code: "structure.missing_row", severity: .error,
                                   message: "group \(g) was not found", table: "review_litigation", row: g))
            }
        }
        if !r.activeDisclosure.isEmpty {
            for row in Template.activeRows(r.report.template) where r.activeDisclosure[row.key] == nil {
                out.append(Finding(code: "structure.missing_row", severity: .error,
                                   message: "row \(row.label) was not found", table: "active_disclosure", row: row.key))
            }
        }
        return out
    }

    // MARK: applications

    /// Sum of a column over rows, and whether any addend was blank.
    static func sum(_ t: TableValues, _ keys: [String], _ column: String) -> (Decimal, blanks: Bool)? {
        var total = Decimal(0), blanks = false, any = false
        for k in keys {
            guard let row = t[k] else { continue }
            any = true
            if let v = row[column] { total += v } else { blanks = true }
        }
        return any ? (total, blanks) : nil
    }

    static func value(_ t: TableValues, _ key: String, _ column: String) -> (Decimal, blank: Bool)? {
        guard let row = t[key] else { return nil }
        return (row[column] ?? 0, row[column] == nil)
    }

    static func blankNote(_ blank: Bool) -> String { blank ? " (blank cells counted as 0)" : "" }

    static func applicationRules(_ t: TableValues) -> [Finding] {
        var out: [Finding] = []
        let processedKeys = Template.processedRowKeys.filter { key in
            // Sub-rows and the one-row form are alternatives: count whichever is printed.
            key == "other_processing" ? t["other_overdue_correction"] == nil && t["other_overdue_fee"] == nil
                && t["other_misc"] == nil : true
        }
        for column in Template.applicationColumns {
            if let a = value(t, "new_received", column), let b = value(t, "carried_over", column),
               let c = value(t, "total_processed", column), let d = value(t, "carried_forward", column),
               a.0 + b.0 != c.0 + d.0 {
                out.append(Finding(
                    code: "applications.balance", severity: .error,
                    message: "一 + 二 (\(a.0) + \(b.0)) should equal （七）总计 + 四 (\(c.0) + \(d.0)) in column \(column)"
                        + blankNote(a.blank || b.blank || c.blank || d.blank),
                    table: "applications", row: "total_processed", column: column,
                    page: t["total_processed"]?.page, expected: a.0 + b.0, actual: c.0 + d.0))
            }
            if let total = value(t, "total_processed", column), let parts = sum(t, processedKeys, column),
               total.0 != parts.0 {
                out.append(Finding(
                    code: "applications.total_processed", severity: .error,
                    message: "（七）总计 is \(total.0) but the results （一）…（六） add up to \(parts.0) in column \(column)"
                        + blankNote(total.blank || parts.blanks),
                    table: "applications", row: "total_processed", column: column,
                    page: t["total_processed"]?.page, expected: parts.0, actual: total.0))
            }
        }
        let applicants = Array(Template.applicationColumns.dropLast())
        for row in t.rows {
            guard row.fields.contains("total") else { continue }
            let parts = applicants.reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
            let total = row["total"] ?? 0
            if parts != total {
                let blank = row.values.contains { $0 == nil }
                out.append(Finding(
                    code: "applications.row_total", severity: .error,
                    message: "总计 of \(label(row.key)) is \(total) but the six applicant columns add up to \(parts)"
                        + blankNote(blank),
                    table: "applications", row: row.key, column: "total", page: row.page,
                    expected: parts, actual: total))
            }
        }
        return out
    }

    // MARK: review and litigation

    static func reviewRules(_ t: TableValues) -> [Finding] {
        t.rows.compactMap { row in
            let parts = ["upheld", "corrected", "other", "pending"].reduce(Decimal(0)) { $0 + (row[$1] ?? 0) }
            let total = row["total"] ?? 0
            guard parts != total else { return nil }
            return Finding(code: "review_litigation.group_total", severity: .error,
                           message: "总计 of \(row.key) is \(total) but 维持 + 纠正 + 其他 + 尚未审结 add up to \(parts)"
                               + blankNote(row.values.contains { $0 == nil }),
                           table: "review_litigation", row: row.key, column: "total", page: row.page,
                           expected: parts, actual: total)
        }
    }

    // MARK: values

    static func valueRules(_ r: CanonicalReport) -> [Finding] {
        var out: [Finding] = []
        for (name, table) in [("active_disclosure", r.activeDisclosure), ("applications", r.applications),
                              ("review_litigation", r.reviewLitigation)] {
            for row in table.rows {
                for (field, v) in zip(row.fields, row.values) {
                    guard let v else { continue }
                    let decimalOK = name == "active_disclosure" && Template.decimalFields.contains(field)
                    let signedOK = name == "active_disclosure" && Template.signedFields.contains(field)
                    if v < 0 && !signedOK {
                        out.append(Finding(code: "value.negative", severity: .error,
                                           message: "\(row.key).\(field) is negative (\(v))", table: name,
                                           row: row.key, column: field, page: row.page, actual: v))
                    }
                    if !decimalOK && !isInteger(v) {
                        out.append(Finding(code: "value.not_integer", severity: .error,
                                           message: "\(row.key).\(field) is not a whole number (\(v))", table: name,
                                           row: row.key, column: field, page: row.page, actual: v))
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

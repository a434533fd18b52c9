import Foundation
import GovReport

/// Escapes text for HTML element content and attribute values.
func htmlEscape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// Which cells of one report findings are about: the class that highlights them and the
/// rules to name in their tooltip.
struct CellMarks {
    struct Mark {
        var severity: Finding.Severity
        var notes: [String]
    }

    var marks: [String: Mark] = [:]
    /// Other reports whose findings name cells of this one (cross-report rules).
    var referrers: [String] = []

    mutating func add(_ key: String, severity: Finding.Severity, note: String) {
        var m = marks[key] ?? Mark(severity: severity, notes: [])
        m.severity = min(m.severity, severity)
        if !m.notes.contains(note) { m.notes.append(note) }
        marks[key] = m
    }

    /// ` class="…" title="…"` for a cell (its base classes, plus the highlight when marked).
    func attributes(_ key: String, base: [String], page: Int?) -> String {
        var classes = base
        var title: [String] = []
        if let page { title.append("第\(page)页") }
        if let m = marks[key] {
            classes.append(m.severity == .error ? "cell-error" : "cell-warning")
            title += m.notes
        }
        var s = " class=\"\(classes.joined(separator: " "))\" data-cell=\"\(htmlEscape(key))\""
        if !title.isEmpty { s += " title=\"\(htmlEscape(title.joined(separator: "；")))\"" }
        return s
    }
}

/// The three tables of a report redrawn in the national format's layout, with the cells the
/// findings are about highlighted.
struct HTMLTables {
    var report: CanonicalReport
    var marks: CellMarks
    /// `compare`: the cells both reports print, with the earlier value, by `table.row.column`
    /// (a changed cell shows its change), and the cells only this report prints.
    var changes: [String: ReportComparison.Cell] = [:]
    var onlyHere: Set<String> = []

    func html() -> String {
        "<div class=\"tables\">" + active() + applications() + review() + "</div>"
    }

    func number(_ v: Decimal?) -> String { v.map { htmlEscape("\($0)") } ?? "" }

    func cell(_ table: String, _ row: RowValues?, key: String, field: String) -> String {
        let k = "\(table).\(key).\(field)"
        guard let row else { return "<td\(marks.attributes(k, base: ["num"], page: nil))>—</td>" }
        let v = row[field]
        var text = number(v)
        if let unit = row.unit, v != nil, field == ActiveField.amount.rawValue { text += htmlEscape(unit) }
        var base = v == nil ? ["num", "blank"] : ["num"]
        if let c = changes[k], c.change != 0 {
            base.append(c.change > 0 ? "changed up" : "changed down")
            text += "<span class=\"delta\" title=\"上年 \(c.from == nil ? "空白" : number(c.from)) → 本年 \(c.to == nil ? "空白" : number(c.to))\">\(c.change > 0 ? "+" : "")\(htmlEscape("\(c.change)"))</span>"
        } else if onlyHere.contains(k) {
            base.append("only-here")
        }
        return "<td\(marks.attributes(k, base: base, page: row.page))>\(text)</td>"
    }

    func caption(_ table: String) -> String {
        "<h3>\(htmlEscape(RuleText.tableNames[table] ?? table))</h3>"
    }

    func label(_ table: String, _ key: String, _ row: RowValues?) -> String {
        let title = row?.page.map { " title=\"第\($0)页\"" } ?? ""
        let missing = row == nil ? "<small>（未找到）</small>" : ""
        return "<td class=\"label\"\(title)>\(htmlEscape(RuleText.rowLabel(table: table, row: key, template: report.report.template)))\(missing)</td>"
    }

    // MARK: 二、主动公开

    func active() -> String {
        let t = report.activeDisclosure, name = TemplateTable.activeDisclosure.rawValue
        var out = "<section class=\"table\">" + caption(name)
        guard !t.isEmpty else { return out + "<p class=\"muted\">报告中未找到此表。</p></section>" }
        // Rows with the same fields share a header, as the template prints them in sub-tables.
        var groups: [[ActiveRow]] = []
        for row in Template.activeRows(report.report.template) {
            if let last = groups.last?.last, last.fields == row.fields, row.item != .procurement {
                groups[groups.count - 1].append(row)
            } else {
                groups.append([row])
            }
        }
        for group in groups {
            let first = group[0]
            out += "<table class=\"grid\"><thead><tr><th>\(TableVocabulary.activeContentHeader)</th>"
            out += first.fields.map { "<th>\(htmlEscape($0.label(item: first.item, template: report.report.template)))</th>" }.joined()
            out += "</tr></thead><tbody>"
            for spec in group {
                let row = t[spec.key]
                out += "<tr\(row == nil ? " class=\"row-missing\"" : "")>" + label(name, spec.key, row)
                out += spec.fieldKeys.map { cell(name, row, key: spec.key, field: $0) }.joined() + "</tr>"
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }

    // MARK: 三、申请

    func applications() -> String {
        let t = report.applications, name = TemplateTable.applications.rawValue
        var out = "<section class=\"table\">" + caption(name)
        guard !t.isEmpty else { return out + "<p class=\"muted\">报告中未找到此表。</p></section>" }
        let oneRow = t[.otherProcessing] != nil && !ApplicationRow.printsOtherSubRows { t[$0] != nil }
        let keys = ApplicationRow.layout(splitOther: !oneRow).map(\.rawValue)
        out += "<table class=\"grid\"><thead><tr><th>\(TableVocabulary.applicantsHeader)</th>"
        out += ApplicationColumn.allCases.map { "<th>\(htmlEscape($0.label))</th>" }.joined() + "</tr></thead><tbody>"
        for key in keys {
            let row = t[key]
            out += "<tr\(row == nil ? " class=\"row-missing\"" : "")>" + label(name, key, row)
            out += Template.applicationColumns.map { cell(name, row, key: key, field: $0) }.joined() + "</tr>"
        }
        return out + "</tbody></table></section>"
    }

    // MARK: 四、复议诉讼

    func review() -> String {
        let t = report.reviewLitigation, name = TemplateTable.reviewLitigation.rawValue
        var out = "<section class=\"table\">" + caption(name)
        guard !t.isEmpty else { return out + "<p class=\"muted\">报告中未找到此表。</p></section>" }
        out += "<table class=\"grid\"><thead>"
        out += "<tr><th colspan=\"5\" rowspan=\"2\">\(TableVocabulary.review)</th><th colspan=\"10\">\(TableVocabulary.litigation)</th></tr>"
        out += "<tr><th colspan=\"5\">\(TableVocabulary.litigationDirect)</th><th colspan=\"5\">\(TableVocabulary.litigationAfterReview)</th></tr><tr>"
        let fields = ReviewColumn.allCases.map { "<th>\(htmlEscape($0.label))</th>" }.joined()
        out += String(repeating: fields, count: 3) + "</tr></thead><tbody><tr>"
        for group in Template.reviewGroups {
            out += Template.reviewFields.map { cell(name, t[group], key: group, field: $0) }.joined()
        }
        return out + "</tr></tbody></table></section>"
    }
}

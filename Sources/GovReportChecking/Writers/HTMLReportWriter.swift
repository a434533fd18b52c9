import Foundation
import GovReport

/// The HTML report of a harvest, one self-contained page (inline style and script, nothing
/// fetched): counts by rule and severity, a sortable list of the reports, the inputs that
/// could not be read, and each report's findings — the rule in plain Chinese, the numbers,
/// the quotes — above its three tables redrawn with the cells involved highlighted
/// (`td.cell-error`, `td.cell-warning`).
public struct HTMLReportWriter: Sendable {
    /// An input that could not be read, and why.
    public struct Failure: Sendable, Equatable {
        /// The input as given.
        public var path: String
        /// Why it could not be read (the diagnostic's message).
        public var reason: String
        public init(path: String, reason: String) { self.path = path; self.reason = reason }
    }

    /// The page's `<title>` and heading.
    public var title: String

    public init(title: String = "政府信息公开工作年度报告核查结果") { self.title = title }

    /// One self-contained HTML page (styles and scripts inline, nothing fetched): the summary, the
    /// counts by rule, a sortable list of the reports, each report's findings and its three
    /// tables redrawn with the cells the findings involve highlighted, then the unreadable inputs.
    public func html(_ reports: [CheckedReport], failures: [Failure] = []) -> String {
        let summary = HarvestSummary(reports, unreadable: failures.count)
        let marks = Self.marks(reports)
        var out = HTMLAssets.pageHead(title: title, generator: "govreport check")
        out += header(summary)
        out += rules(summary)
        out += list(reports)
        out += failuresSection(failures)
        out += "<section id=\"details\"><h2>各报告详情</h2><p class=\"muted\">有错误的报告在前，其次是有警告的报告。</p>\n"
        let ids = Self.reportIDs(reports)
        // Most serious first, as in the terminal report; the list above keeps the input order.
        let ordered = reports.indices.sorted { a, b in
            let x = TextCheckWriter.rank(reports[a].worst), y = TextCheckWriter.rank(reports[b].worst)
            return x != y ? x < y : a < b
        }
        for i in ordered {
            out += article(reports[i], id: Self.id(i), marks: marks[reports[i].path] ?? CellMarks(), ids: ids)
        }
        out += "</section>\n<script>\n\(HTMLAssets.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    static func id(_ index: Int) -> String { "r\(index + 1)" }

    /// Each report's anchor by its path (the first report of a path).
    static func reportIDs(_ reports: [CheckedReport]) -> [String: String] {
        var out: [String: String] = [:]
        for (i, r) in reports.enumerated() where out[r.path] == nil { out[r.path] = id(i) }
        return out
    }

    /// Each report's highlighted cells, including cells of its tables that another report's
    /// cross-report finding is about.
    static func marks(_ reports: [CheckedReport]) -> [String: CellMarks] {
        var out: [String: CellMarks] = [:]
        for r in reports {
            for f in r.findings {
                for c in f.cells {
                    let owner = c.report ?? r.path
                    var note = "\(RuleText.name(f.code))（\(f.severity == .error ? "错误" : "警告")）"
                    if c.report != nil { note += "：见 \(r.path)" }
                    out[owner, default: CellMarks()].add(c.key, severity: f.severity, note: note)
                    if c.report != nil, !out[owner]!.referrers.contains(r.path) { out[owner]!.referrers.append(r.path) }
                }
            }
        }
        return out
    }

    // MARK: parts

    func header(_ s: HarvestSummary) -> String {
        var totals = [
            "共 <b>\(s.reports)</b> 份报告", "<b>\(s.withErrors)</b> 份有错误", "<b>\(s.withWarningsOnly)</b> 份仅有警告",
            "<b>\(s.clean)</b> 份未发现问题",
        ]
        if s.unreadable > 0 { totals.append("<b>\(s.unreadable)</b> 个文件无法读取") }
        totals.append("错误 <b>\(s.errorCount)</b> 项，警告 <b>\(s.warningCount)</b> 项")
        return "<header><h1>\(htmlEscape(title))</h1>\n<p class=\"totals\">"
            + totals.map { "<span>\($0)</span>" }.joined() + "</p></header>\n"
    }

    func rules(_ s: HarvestSummary) -> String {
        var out = "<section id=\"summary\"><h2>按规则统计</h2>\n"
        guard !s.rules.isEmpty else { return out + "<p class=\"ok\">所有报告均符合各项规则。</p></section>\n" }
        out += "<table id=\"rule-counts\"><thead><tr><th>级别</th><th>规则</th><th>代码</th><th>数量</th><th>涉及报告</th><th>说明</th></tr></thead><tbody>\n"
        for r in s.rules {
            out += "<tr><td>\(severityBadge(r.severity))</td><td>\(htmlEscape(RuleText.name(r.code)))</td>"
                + "<td><code>\(htmlEscape(r.code))</code></td><td class=\"num\">\(r.count)</td><td class=\"num\">\(r.reports)</td>"
                + "<td>\(htmlEscape(RuleText.explanation(r.code)))</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    func severityBadge(_ s: Finding.Severity) -> String {
        switch s {
        case .error: "<span class=\"sev sev-error\">错误</span>"
        case .warning: "<span class=\"sev sev-warning\">警告</span>"
        case .info: "<span class=\"sev\">提示</span>"
        }
    }

    func list(_ reports: [CheckedReport]) -> String {
        var out = "<section id=\"reports\"><h2>报告一览</h2><p class=\"muted\">点击表头排序。</p>\n"
        out += "<table id=\"report-list\" class=\"sortable\"><thead><tr>"
        for (key, name, type) in [("path", "文件", "text"), ("organization", "机关", "text"), ("year", "年度", "num"),
                                  ("template", "格式", "text"), ("errors", "错误", "num"), ("warnings", "警告", "num")] {
            out += "<th data-key=\"\(key)\" data-type=\"\(type)\" aria-sort=\"none\">\(name)</th>"
        }
        out += "</tr></thead><tbody>\n"
        for (i, r) in reports.enumerated() {
            let cls = r.worst == .error ? " class=\"has-error\"" : r.worst == .warning ? " class=\"has-warning\"" : ""
            let info = r.report.report
            out += "<tr\(cls) data-report=\"\(Self.id(i))\"><td><a href=\"#\(Self.id(i))\">\(htmlEscape(r.path))</a></td>"
                + "<td>\(htmlEscape(info.organization ?? ""))</td>"
                + "<td class=\"n\" data-sort=\"\(info.year ?? 0)\">\(info.year.map(String.init) ?? "")</td>"
                + "<td>\(info.template.rawValue)</td>"
                + "<td class=\"n\">\(r.errors)</td><td class=\"n\">\(r.warnings)</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    func failuresSection(_ failures: [Failure]) -> String {
        guard !failures.isEmpty else { return "" }
        var out = "<section id=\"failures\"><h2>无法读取的文件</h2><table><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>\n"
        for f in failures { out += "<tr><td>\(htmlEscape(f.path))</td><td>\(htmlEscape(f.reason))</td></tr>\n" }
        return out + "</tbody></table></section>\n"
    }

    func article(_ r: CheckedReport, id: String, marks: CellMarks, ids: [String: String]) -> String {
        let info = r.report.report
        let name = [info.organization, info.year.map { "\($0)年度" }].compactMap { $0 }.joined(separator: " ")
        var out = "<article class=\"report\" id=\"\(id)\"><h2>\(htmlEscape(name.isEmpty ? r.path : name)) "
            + "<small>\(htmlEscape(r.path))\(r.input.map { "（读自 \(htmlEscape($0))）" } ?? "")</small></h2>\n"
        if let title = info.title { out += "<p class=\"muted\">\(htmlEscape(title))（\(info.template.rawValue)年版格式）</p>\n" }
        if r.findings.isEmpty {
            out += "<p class=\"ok\">未发现问题：各项规则均成立。</p>\n"
        } else {
            out += "<ol class=\"findings\">\n"
            for (j, f) in r.findings.enumerated() { out += finding(f, id: "\(id)-f\(j + 1)", template: info.template, ids: ids) }
            out += "</ol>\n"
        }
        let referrers = marks.referrers
        if !referrers.isEmpty {
            out += "<p class=\"detail\">其他报告的发现涉及本报告的单元格：" + referrers.map { path in
                ids[path].map { "<a href=\"#\($0)\">\(htmlEscape(path))</a>" } ?? htmlEscape(path)
            }.joined(separator: "、") + "</p>\n"
        }
        let open = !r.findings.isEmpty || !marks.marks.isEmpty
        out += "<details\(open ? " open" : "")><summary>三张表格（有问题的单元格已标出）</summary>\n"
        out += HTMLTables(report: r.report, marks: marks).html()
        return out + "\n</details></article>\n"
    }

    /// The cells with their values and pages; a long list (the result rows summed into （七）总计)
    /// is shortened to its last cell and the sum and pages of the others.
    static func describe(cells: [CellRef], template: TemplateVersion) -> String {
        func one(_ cell: CellRef) -> String {
            var s = RuleText.cellLabel(cell, template: template) + " = " + (cell.value.map { "\($0)" } ?? "空白")
            if let p = cell.page { s += "（第\(p)页）" }
            if let other = cell.report { s = "[\(other)] " + s }
            return s
        }
        guard let s = CellSummary(cells) else { return cells.map(one).joined(separator: "；") }
        let pages = s.pages.isEmpty ? "" : "（第" + s.pages.map(String.init).joined(separator: "、") + "页）"
        let first = RuleText.rowLabel(table: s.total.table, row: s.firstRow, template: template)
        let last = RuleText.rowLabel(table: s.total.table, row: s.lastRow, template: template)
        return "\(first) 至 \(last) 共\(s.addends.count)个单元格\(pages)合计 \(s.sum)；" + one(s.total)
    }

    func finding(_ c: CheckFinding, id: String, template: TemplateVersion, ids: [String: String]) -> String {
        let f = c.finding
        var out = "<li class=\"finding finding-\(f.severity.rawValue)\" id=\"\(id)\">\(severityBadge(f.severity)) "
            + "<b>\(htmlEscape(RuleText.name(f.code)))</b> <code>\(htmlEscape(f.code))</code>"
        if let page = f.page { out += " <span class=\"muted\">第\(page)页</span>" }
        out += "<p class=\"rule\">\(htmlEscape(RuleText.explanation(f.code)))</p>"
        if let e = f.expected, let a = f.actual {
            let text = f.code.hasPrefix("prose.table")
                ? "表格为 \(e)，正文为 \(a)" : f.code.hasPrefix("prose.") ? "一处为 \(e)，另一处为 \(a)" : "应为 \(e)，实为 \(a)"
            out += "<p class=\"detail\"><b>\(htmlEscape(text))</b></p>"
        }
        if !c.cells.isEmpty {
            out += "<p class=\"detail\">涉及单元格：\(htmlEscape(Self.describe(cells: c.cells, template: template)))</p>"
        }
        for q in c.quotes { out += "<blockquote>\(htmlEscape(q))</blockquote>" }
        if !c.otherReports.isEmpty {
            out += "<p class=\"detail\">另见：" + c.otherReports.map { path in
                ids[path].map { "<a href=\"#\($0)\">\(htmlEscape(path))</a>" } ?? htmlEscape(path)
            }.joined(separator: "、") + "</p>"
        }
        out += "<p class=\"detail muted\">\(htmlEscape(f.message))</p>"
        return out + "</li>\n"
    }
}

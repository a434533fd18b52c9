import Foundation
import GovReport

/// `compare --format html`: one self-contained page (inline style and script, nothing fetched).
/// For each comparison: its warnings, the biggest changes, the carried numbers column by column,
/// the three tables of both reports side by side in the template's layout (in the later report's
/// tables a changed cell has class `changed up|down` and shows its change; a cell only one
/// report prints has class `only-here`), each part's repeated paragraphs beside their source
/// (`tr.reused`), and the findings of `check` on the two. Several comparisons (harvest mode)
/// get an index at the top.
public struct CompareHTMLWriter: Sendable {
    /// The page's `<title>` and heading.
    public var title: String

    public init(title: String = "政府信息公开工作年度报告逐年比较") { self.title = title }

    /// One self-contained HTML page (styles and scripts inline, nothing fetched) for all the
    /// comparisons: an index, then each pair.
    public func html(_ comparisons: [ReportComparison]) -> String {
        var out = HTMLAssets.pageHead(title: title, generator: "govreport compare", css: [Self.css])
        out += "<header><h1>\(htmlEscape(title))</h1></header>\n"
        if comparisons.count != 1 { out += index(comparisons) }
        for (i, c) in comparisons.enumerated() { out += article(c, id: "c\(i + 1)") }
        out += "<script>\n\(Self.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    static let css = """
    .pair { display: flex; gap: 8px 28px; align-items: flex-start; flex-wrap: wrap; }
    .pair > div { flex: 1 1 0; min-width: 0; overflow-x: auto; }
    .pair h4 { margin: 4px 0; font-size: 13px; color: #5f6670; }
    td.changed { font-weight: 700; } td.changed.up { background: #e3f4e1; } td.changed.down { background: #fde4e1; }
    span.delta { display: block; font-size: 11px; font-weight: 400; }
    td.changed.up span.delta { color: #2e7d32; } td.changed.down span.delta { color: #c62828; }
    td.only-here { outline: 1px dashed #7a58b5; outline-offset: -2px; }
    table.prose { width: 100%; table-layout: fixed; } table.prose td { vertical-align: top; font-size: 13px; }
    tr.reused td { background: #fff4d6; } tr.reused td.from { color: #5f6670; }
    .sim { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px; background: #a86400; color: #fff; }
    td.bad { background: var(--err-bg); font-weight: 700; }
    article.comparison { border-top: 2px solid #dde1e6; margin-top: 28px; }
    """

    /// Marks the body once it has run, with the counts the browser test reads back.
    static let script = """
    (function () {
      var b = document.body;
      b.setAttribute('data-changed-cells', String(document.querySelectorAll('td.changed').length));
      b.setAttribute('data-reused-paragraphs', String(document.querySelectorAll('tr.reused').length));
      b.setAttribute('data-comparisons', String(document.querySelectorAll('article.comparison').length));
      b.setAttribute('data-ready', '1');
    })();
    """

    func name(_ e: HarvestChecker.Entry) -> String {
        let info = e.report.report
        let n = [info.organization, info.year.map { "\($0)年度" }].compactMap { $0 }.joined(separator: " ")
        return n.isEmpty ? e.path : n
    }

    func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    func index(_ cs: [ReportComparison]) -> String {
        var out = "<section id=\"index\"><h2>比较一览</h2>"
        guard !cs.isEmpty else { return out + "<p class=\"muted\">输入中没有同一机关相邻两个年度的报告。</p></section>\n" }
        out += "<table id=\"comparison-list\"><thead><tr><th>机关</th><th>年度</th><th>变化的单元格</th><th>结转不一致的列</th>"
            + ProseReuse.parts.map { "<th>\(htmlEscape($0.heading))照搬比例</th>" }.joined() + "<th>警告与发现</th></tr></thead><tbody>\n"
        for (i, c) in cs.enumerated() {
            let info = c.to.report.report
            let shares = Dictionary(uniqueKeysWithValues: (c.prose?.reusedShare ?? []).map { ($0.part, $0.share) })
            let findings = c.warnings.count + c.checked.from.findings.count + c.checked.to.findings.count
            out += "<tr data-comparison=\"c\(i + 1)\"><td><a href=\"#c\(i + 1)\">\(htmlEscape(info.organization ?? c.to.path))</a></td>"
                + "<td>\(c.from.report.report.year.map(String.init) ?? "?") → \(info.year.map(String.init) ?? "?")</td>"
                + "<td class=\"num\">\(c.biggestChangesFirst.count)</td><td class=\"num\">\(c.carryOver.filter { !$0.ok }.count)</td>"
                + ProseReuse.parts.map { "<td class=\"num\">\(shares[$0.key].map(percent) ?? "")</td>" }.joined()
                + "<td class=\"num\">\(findings)</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    func article(_ c: ReportComparison, id: String) -> String {
        var out = "<article class=\"comparison\" id=\"\(id)\"><h2>\(htmlEscape(name(c.from))) → \(htmlEscape(name(c.to)))</h2>\n"
        out += "<p class=\"muted\">上年：\(htmlEscape(c.from.path))（\(c.from.report.report.template.rawValue)年版格式）；"
            + "本年：\(htmlEscape(c.to.path))（\(c.to.report.report.template.rawValue)年版格式）</p>\n"
        for w in c.warnings {
            out += "<p class=\"detail\"><span class=\"sev sev-warning\">警告</span> <b>\(htmlEscape(RuleText.name(w.code)))</b> \(htmlEscape(w.finding.message))</p>\n"
        }
        out += changesSection(c)
        out += carrySection(c)
        out += tablesSection(c)
        out += proseSection(c)
        out += findingsSection(c, id: id)
        return out + "</article>\n"
    }

    func changesSection(_ c: ReportComparison) -> String {
        let changed = c.biggestChangesFirst
        var out = "<h3>变化最大的单元格</h3><p class=\"muted\">两份报告都有的单元格 \(c.cells.count) 个，其中变化 \(changed.count) 个"
            + (c.onlyInFrom.isEmpty && c.onlyInTo.isEmpty ? "" : "；仅上年报告有 \(c.onlyInFrom.count) 个，仅本年报告有 \(c.onlyInTo.count) 个") + "。</p>"
        guard !changed.isEmpty else { return out }
        out += "<table class=\"changes\"><thead><tr><th>单元格</th><th>上年</th><th>本年</th><th>增减</th></tr></thead><tbody>"
        let template = c.to.report.report.template
        for cell in changed.prefix(15) {
            let ref = CellRef(table: cell.table, row: cell.row, column: cell.column, value: nil, page: nil)
            let part = RuleText.tableNames[cell.table].map { String($0.prefix(2)) } ?? ""
            out += "<tr><td>\(htmlEscape(part + RuleText.cellLabel(ref, template: template)))</td>"
                + "<td class=\"num\">\(value(cell.from))</td><td class=\"num\">\(value(cell.to))</td>"
                + "<td class=\"num\">\(cell.change > 0 ? "+" : "")\(cell.change)</td></tr>"
        }
        return out + "</tbody></table>\n"
    }

    func value(_ d: Decimal?) -> String { d.map { htmlEscape("\($0)") } ?? "空白" }

    func carrySection(_ c: ReportComparison) -> String {
        var out = "<h3>跨年度结转</h3>"
        guard !c.carryOver.isEmpty else {
            return out + "<p class=\"muted\">未比较：上年报告没有“四、结转下年度继续办理”或本年报告没有“二、上年结转”。</p>\n"
        }
        out += "<table id=\"carry-over\"><thead><tr><th>列</th><th>上年 四、结转下年度继续办理</th><th>本年 二、上年结转</th><th></th></tr></thead><tbody>"
        for co in c.carryOver {
            out += "<tr data-column=\"\(co.column)\"><td>\(htmlEscape(RuleText.applicationColumns[co.column] ?? co.column))</td>"
                + "<td class=\"num\">\(value(co.carriedForward))</td><td class=\"num\">\(value(co.carriedOver))</td>"
                + (co.ok ? "<td class=\"ok\">一致</td>" : "<td class=\"bad\">不一致</td>") + "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    func tablesSection(_ c: ReportComparison) -> String {
        let changes = Dictionary(c.cells.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let old = HTMLTables(report: c.from.report, marks: CellMarks(), onlyHere: Set(c.onlyInFrom))
        let new = HTMLTables(report: c.to.report, marks: CellMarks(), changes: changes, onlyHere: Set(c.onlyInTo))
        let heads = ("<h4>上年：\(htmlEscape(name(c.from)))</h4>", "<h4>本年：\(htmlEscape(name(c.to)))（标出增减）</h4>")
        var out = "<h3>三张表格对照</h3>"
        for (a, b) in [(old.active(), new.active()), (old.applications(), new.applications()), (old.review(), new.review())] {
            out += "<div class=\"pair\"><div class=\"from\">\(heads.0)\(a)</div><div class=\"to\">\(heads.1)\(b)</div></div>\n"
        }
        return out
    }

    func proseSection(_ c: ReportComparison) -> String {
        var out = "<h3>照搬上年文字</h3>"
        guard let prose = c.prose else {
            return out + "<p class=\"muted\">未比较：两份报告不是同一机关的报告。</p>\n"
        }
        out += "<p class=\"muted\">本年报告一、五、六部分中与上年报告同一部分的段落相同或几乎相同（数字、年份不计；字符三元组 Dice 相似度不低于 \(ProseReuse.threshold)）的段落已标出。</p>"
        let shares = Dictionary(uniqueKeysWithValues: prose.reusedShare.map { ($0.part, $0.share) })
        for (part, heading) in ProseReuse.parts {
            let paras = ProseReuse.paragraphs(ProseReuse.text(c.to.report.sections, part))
            guard !paras.isEmpty else { continue }
            let reused = Dictionary(prose.reused.filter { $0.part == part }.map { ($0.toParagraph, $0) }, uniquingKeysWith: { a, _ in a })
            out += "<h4>\(htmlEscape(heading))：照搬比例 \(percent(shares[part] ?? 0))</h4>"
            out += "<table class=\"prose\" data-part=\"\(part)\"><thead><tr><th>上年报告的段落</th><th>本年报告的段落</th></tr></thead><tbody>"
            for (i, p) in paras.enumerated() {
                if let r = reused[i + 1] {
                    out += "<tr class=\"reused\" data-to=\"\(i + 1)\" data-from=\"\(r.fromParagraph)\"><td class=\"from\">第\(r.fromParagraph)段："
                        + "\(htmlEscape(r.fromText))</td><td class=\"to\"><span class=\"sim\">相似度 \(String(format: "%.2f", r.similarity))</span> "
                        + "第\(i + 1)段：\(htmlEscape(p))</td></tr>"
                } else {
                    out += "<tr data-to=\"\(i + 1)\"><td class=\"from\"></td><td class=\"to\">第\(i + 1)段：\(htmlEscape(p))</td></tr>"
                }
            }
            out += "</tbody></table>\n"
        }
        return out
    }

    func findingsSection(_ c: ReportComparison, id: String) -> String {
        let all = c.checked.from.findings.map { (c.from, $0) } + c.checked.to.findings.map { (c.to, $0) }
        var out = "<h3>核查发现（与 check 相同）</h3>"
        guard !all.isEmpty else { return out + "<p class=\"ok\">两份报告均未发现问题。</p>\n" }
        out += "<ol class=\"findings\">\n"
        let writer = HTMLReportWriter()
        for (j, (entry, f)) in all.enumerated() {
            out += writer.finding(f, id: "\(id)-f\(j + 1)", template: entry.report.report.template, ids: [:])
                .replacingOccurrences(of: "</li>\n", with: "<p class=\"detail muted\">所在报告：\(htmlEscape(entry.path))</p></li>\n")
        }
        return out + "</ol>\n"
    }
}

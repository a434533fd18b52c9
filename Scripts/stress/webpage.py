"""HTML renderer: the report as a government web page (for Chromium's print-to-PDF) or as a
plain HTML document (for LibreOffice).  Tables use rowspan/colspan like the CMS pages do."""
import html as H

from common import ALL_COLS, BALANCE_NOTE, COL_LABELS, REV_LABELS, TOP_ROWS, VCELL, result_rows


def esc(s):
    return H.escape(s)


def applications_html(r, o):
    L = r.labels
    sh = r.shown["applications"]
    td = o.get("td_attr", "")
    num_td = o.get("num_td_attr", td)
    lw = o.get("label_widths")  # (w0, w1, w2) in px or None
    cols = ""
    if lw:
        cols = "<colgroup>" + "".join(f'<col style="width:{w}px">' for w in lw) + "".join(
            f'<col style="width:{o.get("num_w", 48)}px">' for _ in range(7)) + "</colgroup>"
    head = o.get("head_tag", "thead")
    rows = []
    rows.append(f'<tr><td colspan="3" rowspan="3" {td}>{esc(BALANCE_NOTE)}</td><td colspan="7" {td}><b>申请人情况</b></td></tr>')
    rows.append(f'<tr><td rowspan="2" {td}>自然人</td><td colspan="5" {td}>法人或其他组织</td><td rowspan="2" {td}>总计</td></tr>')
    rows.append("<tr>" + "".join(f"<td {td}>{esc(x)}</td>" for x in COL_LABELS[1:6]) + "</tr>")
    header = "".join(rows)
    body = []

    def nums(key):
        return "".join(f'<td {num_td}>{esc(sh[key][c])}</td>' for c in ALL_COLS)

    body.append(f'<tr><td colspan="3" {td} class="l">{esc(L.row("new_received"))}</td>{nums("new_received")}</tr>')
    body.append(f'<tr><td colspan="3" {td} class="l">{esc(L.row("carried_over"))}</td>{nums("carried_over")}</tr>')
    rr = result_rows(r.one_row)
    n_res = len(rr)
    groups = {}
    for key, g, n, t in rr:
        if g:
            groups[g] = groups.get(g, 0) + 1
    seen = set()
    for i, (key, g, n, t) in enumerate(rr):
        cells = ""
        if i == 0:
            v = o.get("vcell_html", esc(VCELL))
            cells += f'<td rowspan="{n_res}" {td} class="v">{v}</td>'
        if g is None:
            cells += f'<td colspan="2" {td} class="l">{esc(L.row(key, r.one_row))}</td>'
        else:
            if g not in seen:
                seen.add(g)
                cells += f'<td rowspan="{groups[g]}" {td}>{esc(L.group(g))}</td>'
            cells += f'<td {td} class="l">{esc(L.row(key, r.one_row))}</td>'
        body.append(f"<tr>{cells}{nums(key)}</tr>")
    body.append(f'<tr><td colspan="3" {td} class="l">{esc(L.row("carried_forward"))}</td>{nums("carried_forward")}</tr>')
    if head == "thead":
        return f'<table class="t app" {o.get("table_attr", "")}>{cols}<thead>{header}</thead><tbody>{"".join(body)}</tbody></table>'
    return f'<table class="t app" {o.get("table_attr", "")}>{cols}<tbody>{header}{"".join(body)}</tbody></table>'


def review_html(r, o):
    td = o.get("td_attr", "")
    sh = r.shown["review_litigation"]
    rows = [f'<tr><td colspan="5" {td}>行政复议</td><td colspan="10" {td}>行政诉讼</td></tr>',
            "<tr>" + "".join(f'<td rowspan="2" {td}>{x}</td>' for x in REV_LABELS)
            + f'<td colspan="5" {td}>未经复议直接起诉</td><td colspan="5" {td}>复议后起诉</td></tr>',
            "<tr>" + "".join(f"<td {td}>{x}</td>" for x in REV_LABELS * 2) + "</tr>",
            "<tr>" + "".join(f"<td {td}>{esc(sh[g][k])}</td>" for g in ("review", "litigation_direct", "litigation_after_review")
                             for k in ("upheld", "corrected", "other", "pending", "total")) + "</tr>"]
    return f'<table class="t rev" {o.get("table_attr", "")}><tbody>{"".join(rows)}</tbody></table>'


def active_html(r, o):
    td = o.get("td_attr", "")
    sh = r.shown["active_disclosure"]
    out = []
    if r.template == "2021":
        out.append(f'<tr><td colspan="4" {td}>第二十条第（一）项</td></tr>')
        out.append("<tr>" + "".join(f"<td {td}><b>{x}</b></td>" for x in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]) + "</tr>")
        for key, lab in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
            out.append(f'<tr><td {td} class="l">{lab}</td>' + "".join(f"<td {td}>{esc(sh[key][f])}</td>" for f in ("issued", "repealed", "in_force")) + "</tr>")
        for title, items in (("第二十条第（五）项", [("licensing", "行政许可")]),
                             ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
            out.append(f'<tr><td colspan="4" {td}>{title}</td></tr>')
            out.append(f'<tr><td {td}><b>信息内容</b></td><td colspan="3" {td}><b>本年处理决定数量</b></td></tr>')
            for key, lab in items:
                out.append(f'<tr><td {td} class="l">{lab}</td><td colspan="3" {td}>{esc(sh[key]["decisions"])}</td></tr>')
        out.append(f'<tr><td colspan="4" {td}>第二十条第（八）项</td></tr>')
        out.append(f'<tr><td {td}><b>信息内容</b></td><td colspan="3" {td}><b>{o.get("fee_header", "本年收费金额（单位：万元）")}</b></td></tr>')
        out.append(f'<tr><td {td} class="l">行政事业性收费</td><td colspan="3" {td}>{esc(sh["fees"]["amount"])}</td></tr>')
    else:
        unit = r.raw["active_disclosure"]["procurement"]["amount_unit"]

        def head(cols, spans):
            return f"<tr><td {td}><b>信息内容</b></td>" + "".join(f'<td colspan="{s}" {td}><b>{c}</b></td>' for c, s in zip(cols, spans)) + "</tr>"

        def line(lab, vals, spans):
            return f'<tr><td {td} class="l">{lab}</td>' + "".join(f'<td colspan="{s}" {td}>{esc(v)}</td>' for v, s in zip(vals, spans)) + "</tr>"
        out.append(f'<tr><td colspan="4" {td}>第二十条第（一）项</td></tr>')
        out.append(head(["本年新制作数量", "本年新公开数量", "对外公开总数量"], [1, 1, 1]))
        for key, lab in (("regulations", "规章"), ("normative_documents", "规范性文件")):
            out.append(line(lab, [sh[key][f] for f in ("new_made", "new_published", "total_published")], [1, 1, 1]))
        for title, items in (("第二十条第（五）项", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                             ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
            out.append(f'<tr><td colspan="4" {td}>{title}</td></tr>')
            out.append(head(["上一年项目数量", "本年增/减", "处理决定数量"], [1, 1, 1]))
            for key, lab in items:
                out.append(line(lab, [sh[key][f] for f in ("previous_items", "change", "decisions")], [1, 1, 1]))
        out.append(f'<tr><td colspan="4" {td}>第二十条第（八）项</td></tr>')
        out.append(head(["上一年项目数量", "本年增/减"], [1, 2]))
        out.append(line("行政事业性收费", [sh["fees"]["previous_items"], sh["fees"]["change"]], [1, 2]))
        out.append(f'<tr><td colspan="4" {td}>第二十条第（九）项</td></tr>')
        out.append(head(["采购项目数量", f"采购总金额（{unit}）"], [1, 2]))
        out.append(line("政府集中采购", [sh["procurement"]["items"], sh["procurement"]["amount"]], [1, 2]))
    return f'<table class="t act" {o.get("table_attr", "")}><tbody>{"".join(out)}</tbody></table>'


def page(r, o):
    """The whole HTML page."""
    m = o.get("map_text") or (lambda s: s)
    hd = o.get("headings", {})
    css = o.get("css", "")
    parts = []
    if o.get("site_chrome", True):
        parts.append(f'<div class="top">{esc(o.get("site_name", r.org + "门户网站"))}　｜　无障碍　｜　长者模式　｜　English</div>')
        parts.append('<div class="nav">首页　政务公开　政务服务　互动交流　走进本地　政府信息公开年报</div>')
        parts.append(f'<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开 &gt; 政府信息公开年报</div>')
    if o.get("body_title", True):
        parts.append(f'<h1>{esc(o.get("h1", r.title))}</h1>')
    if o.get("site_chrome", True):
        parts.append(f'<div class="meta">发布时间：{r.year + 1}-01-20 09:30　来源：{esc(r.org)}　浏览次数：1024　字号：[大 中 小]</div>')
    for p in r.prose["preface"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append(f'<p class="h">{esc(hd.get(1, "一、总体情况"))}</p>')
    for p in r.prose["overview"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append(f'<p class="h">{esc(hd.get(2, "二、主动公开政府信息情况"))}</p>')
    parts.append(active_html(r, o))
    parts.append(f'<p class="h">{esc(hd.get(3, "三、收到和处理政府信息公开申请情况"))}</p>')
    parts.append(applications_html(r, o))
    parts.append(f'<p class="h">{esc(hd.get(4, "四、政府信息公开行政复议、行政诉讼情况"))}</p>')
    parts.append(review_html(r, o))
    parts.append(f'<p class="h">{esc(hd.get(5, "五、存在的主要问题及改进情况"))}</p>')
    for p in r.prose["problems"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append(f'<p class="h">{esc(hd.get(6, "六、其他需要报告的事项"))}</p>')
    for p in r.prose["other"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append(f'<p class="r">{esc(r.org)}</p><p class="r">{r.year + 1}年1月20日</p>')
    if o.get("site_chrome", True):
        parts.append(f'<div class="rel">上一篇：{esc(r.org)}{r.year - 1}年政府信息公开工作年度报告<br>'
                     f'下一篇：关于印发{r.year + 1}年政务公开工作要点的通知</div>')
        parts.append(f'<div class="foot">主办单位：{esc(r.org)}办公室　网站标识码：1234000001　备案号：X ICP备12345678号</div>')
    body = "\n".join(parts)
    body = m(body)
    title = o.get("page_title", r.title + "_" + r.org)
    base_css = """
body{font-family:'WenQuanYi Zen Hei',sans-serif;font-size:15px;line-height:1.8;margin:0 auto;max-width:%dpx}
h1{font-size:22px;text-align:center}
p{text-indent:2em;margin:4px 0}
p.h{font-weight:bold}
p.r{text-align:right}
.top,.nav,.crumb,.meta,.rel,.foot{font-size:12px;color:#333}
.nav{background:#c00;color:#fff;padding:4px}
.meta{text-align:center;border-bottom:1px solid #ccc}
table.t{margin:6px auto;font-size:%dpx;line-height:1.3}
table.t td{text-align:center;padding:2px}
table.t td.l{text-align:left}
""" % (o.get("max_width", 760), o.get("table_font", 13))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(m(title))}</title>
<style>{base_css}{css}</style></head>
<body>
{body}
</body></html>
"""

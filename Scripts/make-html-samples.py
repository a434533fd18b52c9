#!/usr/bin/env python3
# Generates web-page annual reports (saved .html) with known answers: the HTML test fixtures
# in Tests/GovReportTests/Fixtures/html/ and the HTML sample in Samples/.
#
# Usage:
#   python3 Scripts/make-html-samples.py            # writes both places (paths relative to the repo)
#
# Standard library only; output is deterministic (a fixed random seed per page).
# Each page NAME.html has NAME.numbers.json beside it in the shape of
# shared/corpus/*/NAME.truth.json: report {title, organization, year, template},
# active_disclosure, applications, review_litigation, expected_findings. A cell printed
# blank or as a placeholder ("/") is null; a row the page does not print is absent.
#
# The pages imitate what harvesters save from government sites: site header, navigation,
# breadcrumbs, a sidebar of links (some naming other years' reports), article furniture
# (publication date, source, font-size switch), a footer; the three tables as HTML tables
# with rowspan/colspan, &nbsp; for blanks, <br> inside header cells, numbers wrapped in
# <p>/<span>/<font>.

import html
import json
import os
import random

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"]
ALL_COLS = COLS + ["total"]

RESULT_ROWS = [
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "（三）不予公开", "1.属于国家秘密"),
    ("denied_prohibited_by_law", "（三）不予公开", "2.其他法律行政法规禁止公开"),
    ("denied_security_stability", "（三）不予公开", "3.危及“三安全一稳定”"),
    ("denied_third_party_rights", "（三）不予公开", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "（三）不予公开", "5.属于三类内部事务信息"),
    ("denied_process_info", "（三）不予公开", "6.属于四类过程性信息"),
    ("denied_enforcement_files", "（三）不予公开", "7.属于行政执法案卷"),
    ("denied_query_matters", "（三）不予公开", "8.属于行政查询事项"),
    ("unable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作"),
    ("unable_unclear", "（四）无法提供", "3.补正后申请内容仍不明确"),
    ("rejected_petition", "（五）不予处理", "1.信访举报投诉类申请"),
    ("rejected_duplicate", "（五）不予处理", "2.重复申请"),
    ("rejected_publication", "（五）不予处理", "3.要求提供公开出版物"),
    ("rejected_excessive", "（五）不予处理", "4.无正当理由大量反复申请"),
    ("rejected_confirmation", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
]
OTHER_SUB_ROWS = [
    ("other_overdue_correction", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "（六）其他处理", "3.其他"),
]
OTHER_ONE_ROW = [("other_processing", None, "（六）其他处理")]
TOTAL_ROW = [("total_processed", None, "（七）总计")]

ROW_WEIGHT = {
    "granted": (0.95, 0.45), "partially_granted": (0.7, 0.12), "denied_state_secret": (0.05, 0.01),
    "denied_prohibited_by_law": (0.15, 0.02), "denied_security_stability": (0.1, 0.01),
    "denied_third_party_rights": (0.25, 0.03), "denied_internal_affairs": (0.2, 0.02),
    "denied_process_info": (0.3, 0.03), "denied_enforcement_files": (0.15, 0.02),
    "denied_query_matters": (0.2, 0.03), "unable_not_held": (0.8, 0.18),
    "unable_needs_creation": (0.35, 0.04), "unable_unclear": (0.2, 0.02),
    "rejected_petition": (0.4, 0.05), "rejected_duplicate": (0.3, 0.03),
    "rejected_publication": (0.1, 0.01), "rejected_excessive": (0.1, 0.02),
    "rejected_confirmation": (0.15, 0.02), "other_overdue_correction": (0.3, 0.03),
    "other_overdue_fee": (0.05, 0.01), "other_misc": (0.3, 0.03), "other_processing": (0.5, 0.06),
}

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def result_rows(one_row):
    return RESULT_ROWS + (OTHER_ONE_ROW if one_row else OTHER_SUB_ROWS) + TOTAL_ROW


def app_keys(one_row):
    return ["new_received", "carried_over"] + [k for k, _, _ in result_rows(one_row)] + ["carried_forward"]


# ---------------------------------------------------------------------------
# Numbers (internally consistent: row totals, （七）总计 and the 勾稽关系 hold)
# ---------------------------------------------------------------------------

def gen_applications(rng, one_row, scale, activity):
    rows = {k: {} for k in app_keys(one_row)}
    res = [k for k, _, _ in result_rows(one_row) if k != "total_processed"]
    for col, act in zip(COLS, activity):
        n = int(scale * act)
        for k in res:
            p, frac = ROW_WEIGHT[k]
            rows[k][col] = max(1, int(round(n * frac * rng.uniform(0.5, 1.5)))) if n > 0 and rng.random() < p else 0
        tp = sum(rows[k][col] for k in res)
        cf = rng.randint(0, max(0, tp // 12)) if tp else 0
        co = rng.randint(0, max(0, tp // 15)) if tp else 0
        rows["total_processed"][col], rows["carried_forward"][col], rows["carried_over"][col] = tp, cf, co
        rows["new_received"][col] = tp + cf - co
    for k in rows:
        rows[k]["total"] = sum(rows[k][c] for c in COLS)
    return rows


def gen_review(rng, scale):
    out = {}
    for g, s in (("review", scale), ("litigation_direct", scale // 2), ("litigation_after_review", scale // 3)):
        vals = [rng.randint(0, s) if rng.random() < 0.7 else 0 for _ in range(4)]
        out[g] = dict(zip(["upheld", "corrected", "other", "pending"], vals))
        out[g]["total"] = sum(vals)
    return out


def gen_active_2021(rng, fee):
    return {
        "regulations": {"issued": 0, "repealed": 0, "in_force": rng.randint(0, 3)},
        "normative_documents": {"issued": rng.randint(1, 9), "repealed": rng.randint(0, 3), "in_force": rng.randint(10, 60)},
        "licensing": {"decisions": rng.randint(800, 12000)},
        "penalty": {"decisions": rng.randint(100, 4000)},
        "coercion": {"decisions": rng.randint(0, 300)},
        "fees": {"amount": fee},
    }


def gen_active_2019(rng):
    def it(lo, hi, dlo, dhi, neg=False):
        return {"previous_items": rng.randint(lo, hi), "change": rng.randint(-5, -1) if neg else rng.randint(0, 6),
                "decisions": rng.randint(dlo, dhi)}
    return {
        "regulations": {"new_made": 0, "new_published": 0, "total_published": 0},
        "normative_documents": {"new_made": 3, "new_published": 3, "total_published": 41},
        "licensing": it(40, 200, 500, 5000, neg=True),
        "other_services": it(10, 80, 0, 900),
        "penalty": it(100, 900, 50, 900),
        "coercion": it(5, 60, 0, 40),
        "fees": {"previous_items": 5, "change": -1},
        "procurement": {"items": 19, "amount": 1432.76, "amount_unit": "万元"},
    }


# ---------------------------------------------------------------------------
# Printing rules: how a page writes a number (and what the truth says it is)
# ---------------------------------------------------------------------------

def plain(table, row, col, v):
    """Every number printed as is."""
    return (f"{v:g}" if isinstance(v, float) else str(v)), v


def zero_blank(table, row, col, v):
    """0 printed as an empty cell (truth null)."""
    if v == 0:
        return "", None
    return plain(table, row, col, v)


def slash_fullwidth(table, row, col, v):
    """2019 page: '/' for zeros of the organisation columns, full-width digits here and there."""
    if table == "applications" and v == 0 and col not in ("natural_person", "total"):
        return "/", None
    text, v = plain(table, row, col, v)
    if table == "applications" and row in ("granted", "total_processed") or table == "active" and row == "penalty":
        if not text.startswith("-"):
            text = text.translate(FULLWIDTH)
    return text, v


# ---------------------------------------------------------------------------
# HTML table builders
# ---------------------------------------------------------------------------

class Style:
    """How a page marks up cells."""

    def __init__(self, number="{}", blank="&nbsp;", label="{}", head="{}", table_attrs='border="1" cellspacing="0" cellpadding="0"',
                 tag="td", vertical_br=False, group_br=False):
        self.number, self.blank, self.label, self.head = number, blank, label, head
        self.table_attrs, self.tag, self.vertical_br, self.group_br = table_attrs, tag, vertical_br, group_br


def esc(s):
    return html.escape(s, quote=False)


def td(content, rs=1, cs=1, tag="td", attrs=""):
    span = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
    return f"<{tag}{span}{attrs}>{content}</{tag}>"


def num_cell(st, text, cs=1):
    content = st.blank if text == "" else st.number.format(esc(text))
    return td(content, cs=cs, attrs=' align="center"')


def head_cell(st, text, rs=1, cs=1):
    # "\n" in header text becomes <br>, as pages break long header cells.
    return td(st.head.format("<br>".join(esc(t) for t in text.split("\n"))), rs, cs, tag=st.tag)


def label_cell(st, text, rs=1, cs=1):
    return td(st.label.format("<br>".join(esc(t) for t in text.split("\n"))), rs, cs)


def applications_table(st, shown, one_row):
    rows = []
    rows.append(head_cell(st, "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）", rs=3, cs=3)
                + head_cell(st, "申请人情况", cs=7))
    rows.append(head_cell(st, "自然人", rs=2) + head_cell(st, "法人或其他组织", cs=5) + head_cell(st, "总计", rs=2))
    rows.append("".join(head_cell(st, h) for h in ["商业\n企业", "科研\n机构", "社会公益\n组织", "法律服务\n机构", "其他"]))

    def nums(key):
        return "".join(num_cell(st, shown[key][c]) for c in ALL_COLS)

    rows.append(label_cell(st, "一、本年新收政府信息公开申请数量", cs=3) + nums("new_received"))
    rows.append(label_cell(st, "二、上年结转政府信息公开申请数量", cs=3) + nums("carried_over"))
    res = result_rows(one_row)
    group_sizes = {}
    for _, g, _ in res:
        if g:
            group_sizes[g] = group_sizes.get(g, 0) + 1
    vertical = "三、本年度办理结果"
    if st.vertical_br:
        vertical = "三、\n本年\n度办\n理结\n果"
    seen = set()
    for i, (key, group, item) in enumerate(res):
        cells = ""
        if i == 0:
            cells += label_cell(st, vertical, rs=len(res))
        if group is None:
            cells += label_cell(st, item, cs=2)
        else:
            if group not in seen:
                seen.add(group)
                g = group.replace("）", "）\n") if st.group_br else group
                cells += label_cell(st, g, rs=group_sizes[group])
            cells += label_cell(st, item)
        rows.append(cells + nums(key))
    rows.append(label_cell(st, "四、结转下年度继续办理", cs=3) + nums("carried_forward"))
    return rows


def review_table(st, shown):
    heads = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    rows = [head_cell(st, "行政复议", cs=5) + head_cell(st, "行政诉讼", cs=10),
            "".join(head_cell(st, h, rs=2) for h in heads) + head_cell(st, "未经复议直接起诉", cs=5)
            + head_cell(st, "复议后起诉", cs=5),
            "".join(head_cell(st, h) for h in heads * 2)]
    rows.append("".join(num_cell(st, shown[g][k]) for g in ("review", "litigation_direct", "litigation_after_review")
                        for k in ("upheld", "corrected", "other", "pending", "total")))
    return rows


def active_table_2021(st, shown):
    rows = []

    def section(t):
        rows.append(head_cell(st, t, cs=4))

    section("第二十条第（一）项")
    rows.append("".join(head_cell(st, h) for h in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]))
    for key, lab in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        rows.append(label_cell(st, lab) + "".join(num_cell(st, shown[key][f]) for f in ("issued", "repealed", "in_force")))
    for title, items in (("第二十条第（五）项", [("licensing", "行政许可")]),
                         ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
        section(title)
        rows.append(head_cell(st, "信息内容") + head_cell(st, "本年处理决定数量", cs=3))
        for key, lab in items:
            rows.append(label_cell(st, lab) + num_cell(st, shown[key]["decisions"], cs=3))
    section("第二十条第（八）项")
    rows.append(head_cell(st, "信息内容") + head_cell(st, "本年收费金额（单位：万元）", cs=3))
    rows.append(label_cell(st, "行政事业性收费") + num_cell(st, shown["fees"]["amount"], cs=3))
    return rows


def active_table_2019(st, shown):
    rows = []

    def section(t):
        rows.append(head_cell(st, t, cs=4))

    def head(cols, spans=(1, 1, 1)):
        rows.append(head_cell(st, "信息内容") + "".join(head_cell(st, h, cs=s) for h, s in zip(cols, spans)))

    def line(lab, vals, spans=(1, 1, 1)):
        rows.append(label_cell(st, lab) + "".join(num_cell(st, v, cs=s) for v, s in zip(vals, spans)))

    section("第二十条第（一）项")
    head(["本年新\n制作数量", "本年新\n公开数量", "对外公开\n总数量"])
    for key, lab in (("regulations", "规章"), ("normative_documents", "规范性文件")):
        line(lab, [shown[key][f] for f in ("new_made", "new_published", "total_published")])
    for title, items in (("第二十条第（五）项", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                         ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
        section(title)
        head(["上一年\n项目数量", "本年增/减", "处理决定\n数量"])
        for key, lab in items:
            line(lab, [shown[key][f] for f in ("previous_items", "change", "decisions")])
    section("第二十条第（八）项")
    head(["上一年\n项目数量", "本年增/减"], spans=(1, 2))
    line("行政事业性收费", [shown["fees"]["previous_items"], shown["fees"]["change"]], spans=(1, 2))
    section("第二十条第（九）项")
    head(["采购项目数量", "采购总金额（万元）"], spans=(1, 2))
    line("政府集中采购", [shown["procurement"]["items"], shown["procurement"]["amount"]], spans=(1, 2))
    return rows


def table_html(st, rows, indent="      "):
    body = "\n".join(f"{indent}  <tr>{r}</tr>" for r in rows)
    return f"{indent}<table {st.table_attrs}>\n{indent} <tbody>\n{body}\n{indent} </tbody>\n{indent}</table>"


# ---------------------------------------------------------------------------
# Prose
# ---------------------------------------------------------------------------

def prose(s, apps, rng):
    org, year = s["org"], s["year"]
    doc_no = "国办公开办函〔2021〕30号" if s["template"] == "2021" else "国办公开办函〔2019〕60号"
    nr, tp = apps["new_received"]["total"], apps["total_processed"]["total"]
    return {
        "preface": f"本报告由{org}根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（{doc_no}）要求编制。"
                   f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "overview": [
            f"{year}年，{org}认真贯彻落实《条例》和上级关于政务公开工作的部署要求，以公开促落实、以公开强监管、以公开优服务。",
            f"（一）主动公开情况。全年主动公开政府信息{rng.randint(900, 4800)}条，其中政策文件{rng.randint(12, 90)}件。",
            f"（二）依申请公开情况。全年共收到政府信息公开申请{nr}件，共办结{tp}件，所有申请均在法定期限内答复。",
            "（三）政府信息管理情况。严格落实公文公开属性源头认定机制，全年未发生泄密和错发情况。",
        ],
        "problems": [
            "存在的主要问题：部分栏目更新不够及时，政策解读形式较为单一。",
            "改进情况：建立栏目巡查机制，丰富政策解读形式，规范依申请公开办理。",
        ],
        "other": ["本年度未收取信息处理费。"],
    }


def paragraphs(texts, tag='<p style="text-indent:2em;">{}</p>'):
    return "\n".join("        " + tag.format(esc(t)) for t in texts)


# ---------------------------------------------------------------------------
# Page templates
# ---------------------------------------------------------------------------

def article_body(s, text, tables, heading='<p style="text-indent:2em;"><strong>{}</strong></p>'):
    """The report itself: preface, six parts, the three tables, signature."""
    h = lambda t: "        " + heading.format(esc(t))
    parts = [paragraphs([text["preface"]]),
             h("一、总体情况"), paragraphs(text["overview"]),
             h("二、主动公开政府信息情况"), tables["active"],
             h("三、收到和处理政府信息公开申请情况"), tables["applications"],
             h("四、政府信息公开行政复议、行政诉讼情况"), tables["review"],
             h("五、存在的主要问题及改进情况"), paragraphs(text["problems"]),
             h("六、其他需要报告的事项"), paragraphs(text["other"]),
             paragraphs([s["org"], f"{s['year'] + 1}年1月18日"], tag='<p style="text-align:right;">{}</p>')]
    return "\n".join(parts)


def site_nav(s):
    items = ["首页", "政务公开", "政务服务", "互动交流", "走进" + s["site_short"]]
    lis = "".join(f'<li><a href="/{i}/">{esc(t)}</a></li>' for i, t in enumerate(items))
    return f'<ul class="nav">{lis}</ul>'


def related_links(s):
    # Other years' reports, as links: title-like text that is not this page's title.
    prev = s["year"] - 1
    return (f'<div class="related"><h3>相关阅读</h3><ul>'
            f'<li><a href="/gk/{prev}.html">{esc(s["org"])}{prev}年政府信息公开工作年度报告</a></li>'
            f'<li><a href="/gk/{prev - 1}.html">{esc(s["org"])}{prev - 1}年政府信息公开工作年度报告</a></li>'
            f'</ul></div>')


def page_modern(s, title, body, charset_meta):
    """A div-based CMS page: header, nav, breadcrumbs, sidebar, article with its title outside
    the content div, footer."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset_meta}
<title>{esc(title)}_{esc(s["site"])}</title>
<link rel="stylesheet" href="/css/main.css">
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>一、总体情况</p>");</script>
<style>.content p {{ line-height: 2; }}</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/img/logo.png" alt="{esc(s["site"])}"></div>
  <div class="search"><form><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div></div>
{site_nav(s)}
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年度报告</a></div>
<div class="main">
  <div class="left">
    <h3>政府信息公开</h3>
    <ul><li><a href="/zn/">政府信息公开指南</a></li><li><a href="/zd/">政府信息公开制度</a></li><li><a href="/ndbg/">政府信息公开年报</a></li></ul>
    {related_links(s)}
  </div>
  <div class="article">
    <h1 class="title">{esc(title)}</h1>
    <div class="info">发布时间：{s["published"]}&nbsp;&nbsp;来源：{esc(s["org"])}&nbsp;&nbsp;浏览次数：<span id="views">1024</span>&nbsp;&nbsp;字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
    <div class="content" id="zoom">
{body}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>&nbsp;&nbsp;<a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
  <p>主办单位：{esc(s["org"])}&nbsp;&nbsp;网站标识码：{s["site_code"]}</p>
  <p>{esc(s["icp"])}&nbsp;&nbsp;公网安备 {s["site_code"][:6]}02000123号</p>
</div>
<div style="display:none">三、收到和处理政府信息公开申请情况</div>
</body>
</html>
"""


def page_inline_title(s, title, body, charset_meta, date_first=True):
    """A page whose title is the first centred paragraph of the content, after a date line."""
    head = f'        <p style="text-align:right;">发布日期：{s["published"]}</p>\n' if date_first else ""
    head += f'        <p style="text-align:center;"><strong><span style="font-size:22px;">{esc(title)}</span></strong></p>\n'
    return page_modern(s, title, head + body, charset_meta).replace(f'    <h1 class="title">{esc(title)}</h1>\n', "")


def page_layout_tables(s, title, body):
    """An old site: the whole page laid out in nested tables, upper-case tags, <font>."""
    nav = "".join(f'<TD align=center><A href="/c{i}/"><FONT color=#ffffff>{esc(t)}</FONT></A></TD>'
                  for i, t in enumerate(["网站首页", "机构概况", "政务公开", "办事服务", "公众参与"]))
    menu = "".join(f'<TR><TD height=28><A href="/m{i}/">{esc(t)}</A></TD></TR>'
                   for i, t in enumerate(["政府信息公开指南", "政府信息公开目录", "政府信息公开年报", "依申请公开"]))
    return f"""<HTML>
<HEAD>
<META http-equiv=Content-Type content="text/html; charset=utf-8">
<TITLE>{esc(s["site"])}</TITLE>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE width=1000 align=center border=0 cellPadding=0 cellSpacing=0>
  <TR><TD><IMG src="images/top.jpg" width=1000 height=120></TD></TR>
  <TR><TD bgColor=#0b5fa5><TABLE width="100%" border=0><TR>{nav}</TR></TABLE></TD></TR>
  <TR><TD>
    <TABLE width="100%" border=0 cellPadding=0 cellSpacing=0>
      <TR>
        <TD vAlign=top width=200>
          <TABLE width="100%" border=0>
            <TR><TD class=lmtitle>政务公开</TD></TR>
            {menu}
          </TABLE>
        </TD>
        <TD vAlign=top width=800>
          <TABLE width="96%" align=center border=0>
            <TR><TD height=30>您现在的位置：<A href="/">首页</A> &gt;&gt; <A href="/zwgk/">政务公开</A> &gt;&gt; 年度报告</TD></TR>
            <TR><TD class=title align=center height=60><FONT size=5><B>{esc(title)}</B></FONT></TD></TR>
            <TR><TD align=center>发布时间：{s["published"]}　　点击数：386</TD></TR>
            <TR><TD class=content>
{body}
            </TD></TR>
          </TABLE>
        </TD>
      </TR>
    </TABLE>
  </TD></TR>
  <TR><TD align=center bgColor=#eeeeee height=60>版权所有：{esc(s["org"])}　{esc(s["icp"])}<BR>技术支持：某某网络科技有限公司</TD></TR>
</TABLE>
</BODY>
</HTML>
"""


def page_word_export(s, title, body):
    """Content pasted from Word: MsoNormal paragraphs, spans with inline styles, <o:p>."""
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)} - {esc(s["site"])}</title>
</head>
<body>
<div id="top">{site_nav(s)}</div>
<div id="wrapper">
  <div class="bt"><p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:18.0pt;font-family:方正小标宋简体">{esc(title)}<o:p></o:p></span></b></p></div>
  <div class="TRS_Editor">
{body}
  </div>
</div>
<div id="foot">{esc(s["site"])} 版权所有 {esc(s["icp"])}</div>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------

def show(rule, table, d):
    """What a page prints for each number of a table under a printing rule, and the truth."""
    shown, truth = {}, {}
    for row, fields in d.items():
        shown[row], truth[row] = {}, {}
        for f, v in fields.items():
            if f == "amount_unit":
                truth[row][f] = v
                continue
            shown[row][f], truth[row][f] = rule(table, row, f, v)
    return shown, truth


def build(s):
    rng = random.Random(s["seed"])
    one_row = s["other_one_row"]
    apps = gen_applications(rng, one_row, s["scale"], s["activity"])
    review = gen_review(rng, s["review_scale"])
    active = gen_active_2021(rng, s.get("fee", 0)) if s["template"] == "2021" else gen_active_2019(rng)
    rule = s["cell"]
    shown_apps, truth_apps = show(rule, "applications", apps)
    shown_rev, truth_rev = show(rule, "review", review)
    shown_act, truth_act = show(rule, "active", active)
    st = s["style"]
    tables = {
        "active": table_html(st, (active_table_2021 if s["template"] == "2021" else active_table_2019)(st, shown_act)),
        "applications": table_html(st, applications_table(st, shown_apps, one_row)),
        "review": table_html(st, review_table(st, shown_rev)),
    }
    title = f"{s['org']}{s['year']}年政府信息公开工作年度报告"
    text = prose(s, apps, rng)
    body = article_body(s, text, tables, **s.get("body_args", {}))
    page = s["page"](s, title, body)
    truth = {
        "report": {"title": s.get("truth_title", title), "organization": s["org"], "year": s["year"],
                   "template": s["template"]},
        "active_disclosure": truth_act,
        "applications": {k: truth_apps[k] for k in app_keys(one_row)},
        "review_litigation": truth_rev,
        "expected_findings": [],
    }
    return page, truth


SITE = dict(site_short="本站", published="2024-01-18 09:30", icp="某ICP备05001234号", site_code="3301000001")

PAGES = [
    # (a) UTF-8, 2021 template, div layout with nav/sidebar/footer; numbers in <p><span>.
    dict(SITE, name="web-2021-utf8", out="fixtures", seed=31, template="2021", year=2023,
         org="临川市生态环境局", site="临川市人民政府门户网站", other_one_row=False,
         scale=180, activity=[1.0, 0.35, 0.08, 0.06, 0.12, 0.05], review_scale=4, fee=12.5, cell=plain,
         style=Style(number='<p style="text-align:center"><span style="font-size:14px">{}</span></p>',
                     blank="<p>&nbsp;</p>", label='<p><span style="font-size:14px">{}</span></p>',
                     head='<p style="text-align:center"><strong>{}</strong></p>', vertical_br=True),
         page=lambda s, t, b: page_modern(s, t, b, '<meta charset="utf-8">')),
    # (b) the same kind of page in GBK, declared <meta charset="gb2312">; title inside the content.
    dict(SITE, name="web-2021-gbk", out="fixtures", seed=32, template="2021", year=2022, encoding="gbk",
         org="青禾县人民政府", site="青禾县人民政府网", other_one_row=False, published="2023-01-30 16:02",
         scale=260, activity=[1.0, 0.4, 0.0, 0.05, 0.1, 0.02], review_scale=5, fee=0, cell=plain,
         style=Style(number="<span>{}</span>", blank="&nbsp;", label="{}", head="<b>{}</b>", group_br=True),
         page=lambda s, t, b: page_inline_title(s, t, b, '<meta charset="gb2312">')),
    # (c) 2019 template (report on 2020), whole page in nested layout tables.
    dict(SITE, name="web-2019-nested", out="fixtures", seed=33, template="2019", year=2020,
         org="望江区交通运输局", site="望江区人民政府", other_one_row=True, published="2021-01-25",
         scale=90, activity=[1.0, 0.3, 0.0, 0.0, 0.1, 0.0], review_scale=3, cell=slash_fullwidth,
         style=Style(number='<FONT face=宋体 size=2>{}</FONT>', blank="&nbsp;", label='<FONT size=2>{}</FONT>',
                     head="<FONT size=2><B>{}</B></FONT>", table_attrs='border=1 cellSpacing=0 cellPadding=2 width="100%"'),
         body_args=dict(heading="<P><STRONG>{}</STRONG></P>"),
         page=lambda s, t, b: page_layout_tables(s, t, b)),
    # (d) zeros printed as empty cells; no title in the body (the page <title> names the report).
    dict(SITE, name="web-2021-blank-zeros", out="fixtures", seed=34, template="2021", year=2024,
         org="南屏市医疗保障局", site="南屏市人民政府", other_one_row=False, published="2025-01-20",
         scale=60, activity=[1.0, 0.2, 0.0, 0.0, 0.0, 0.0], review_scale=2, fee=0, cell=zero_blank,
         style=Style(number='<span style="font-family:仿宋_GB2312">{}</span>', blank="", tag="th"),
         page=lambda s, t, b: page_modern(s, t, b, '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')
         .replace(f'    <h1 class="title">{esc(t)}</h1>\n', "")),
    # (e) digits hidden by the page's own stylesheet (class, id, element.class, descendant and
    # child selectors): a stale digit beside every number, a hidden 0 in every blank cell, a
    # hidden table row; a print-only rule (@media print) must NOT hide anything.
    dict(SITE, name="web-2021-css-hidden", out="fixtures", seed=36, template="2021", year=2023,
         org="松溪县自然资源局", site="松溪县人民政府", other_one_row=False, published="2024-01-26",
         scale=140, activity=[1.0, 0.3, 0.0, 0.05, 0.1, 0.02], review_scale=3, fee=0, cell=zero_blank,
         style=Style(number='<span class="v">{}</span><span class="hid">9</span><i class="old">8</i>',
                     blank='<div class="cell"><b>0</b></div>'),
         page=lambda s, t, b: page_modern(s, t, b, '<meta charset="utf-8">').replace(
             "<style>.content p {{ line-height: 2; }}</style>".replace("{{", "{").replace("}}", "}"),
             "<style>\n/* stale digits */ .hid { display: none; }\ntd i.old{visibility:hidden !important}\n"
             "div.cell > b { DISPLAY: NONE }\n#views, .noprint:hover { display:none }\n"
             "@media print { .v { display: none; } }\n.content p { line-height: 2; }\n</style>")),
    # The sample: content pasted from Word into a CMS page.
    dict(SITE, name="sample-web-2021", out="samples", seed=35, template="2021", year=2023,
         org="临江市交通运输局", site="临江市人民政府门户网站", other_one_row=False,
         scale=120, activity=[1.0, 0.5, 0.0, 0.05, 0.1, 0.04], review_scale=3, fee=3.6, cell=plain,
         style=Style(number='<p class="MsoNormal" align="center"><span lang="EN-US" style="font-size:10.5pt">{}<o:p></o:p></span></p>',
                     blank='<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>',
                     label='<p class="MsoNormal"><span style="font-size:10.5pt;font-family:宋体">{}</span></p>',
                     head='<p class="MsoNormal" align="center"><b><span style="font-size:10.5pt">{}</span></b></p>',
                     table_attrs='class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse"'),
         body_args=dict(heading='<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-family:黑体">{}<o:p></o:p></span></b></p>'),
         page=lambda s, t, b: page_word_export(s, t, b)),
]


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    dirs = {"fixtures": os.path.join(root, "Tests", "GovReportTests", "Fixtures", "html"),
            "samples": os.path.join(root, "Samples")}
    for s in PAGES:
        page, truth = build(s)
        out = dirs[s["out"]]
        os.makedirs(out, exist_ok=True)
        enc = s.get("encoding", "utf-8")
        with open(os.path.join(out, s["name"] + ".html"), "wb") as f:
            f.write(page.encode(enc))
        with open(os.path.join(out, s["name"] + ".numbers.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{os.path.relpath(os.path.join(out, s['name'] + '.html'))}: {len(page.encode(enc))} bytes, {enc}")


if __name__ == "__main__":
    main()

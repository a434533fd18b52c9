#!/usr/bin/env python3
"""Builds the stress corpus: $STRESS_OUT/NAME.pdf + NAME.truth.json (default ./stress-corpus).

Usage:  python3 Scripts/stress/build.py [NAME_SUBSTRING ...]      (default: every document)

Needs: reportlab, python-docx, pypdf (pip); fonts-wqy-zenhei, chromium, libreoffice-writer,
poppler-utils, qpdf (apt).  Each document is one spec: numbers drawn from its seed, printing
rules (common.Printer), label style (common.LabelStyle) and renderer options; the truth is
written from the same data the renderer prints, and `check_truth` asserts the validator rules
break exactly as `expected_findings` says.  After rendering, `verify` reads the PDF back with
pdftotext and checks that every printed application cell and the title are in its text.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (COLS, LabelStyle, Printer, app_keys, kangxi, make_report, write_truth, FULLWIDTH)  # noqa: E402
import rl  # noqa: E402
import webpage as H  # noqa: E402
import docx_r  # noqa: E402

OUT = os.path.abspath(os.environ.get("STRESS_OUT", "stress-corpus"))
TMP = os.path.join(OUT, ".tmp")
WWW = os.path.join(TMP, "www")
PORT = 8765

DENIED = ["denied_state_secret", "denied_prohibited_by_law", "denied_security_stability", "denied_third_party_rights",
          "denied_internal_affairs", "denied_process_info", "denied_enforcement_files", "denied_query_matters"]
UNABLE = ["unable_not_held", "unable_needs_creation", "unable_unclear"]
REJECTED = ["rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation"]
ALL_ROWS_2021 = app_keys(False)


# ---------------------------------------------------------------------------
# fix-ups that break a rule on purpose
# ---------------------------------------------------------------------------

def fx_row_total(apps):
    # A typing slip moved 3 applications between two rows in one column: column sums and
    # the 勾稽关系 still hold, the two rows' 总计 no longer equal the sum of their columns.
    apps["granted"]["natural_person"] += 3
    apps["partially_granted"]["natural_person"] -= 3


def fx_balance(apps):
    apps["carried_forward"]["commercial"] += 2
    apps["carried_forward"]["total"] += 2


def fx_total_processed(apps):
    apps["rejected_duplicate"]["natural_person"] += 4
    apps["rejected_duplicate"]["total"] += 4


def fx_group_total(rev):
    rev["litigation_direct"]["total"] += 1


def fx_grow(apps):
    # Make sure a few cells hold 4-digit numbers (for wrapping inside narrow cells).
    pass


# ---------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------

ORG = {}


def D(name, renderer, quirks, spec, opts):
    spec = dict(spec)
    spec["name"] = name
    return dict(name=name, renderer=renderer, quirks=quirks, spec=spec, opts=opts)


# 成 及 形 当 printed through their CJK Compatibility Ideographs Supplement twins.
COMPAT_SUPPLEMENT = {ord("成"): 0x2F8B2, ord("及"): 0x2F836, ord("形"): 0x2F899, ord("当"): 0x2F874}
KX = lambda s: kangxi(s)                       # noqa: E731
KXS = lambda s: kangxi(s, supplement=True)     # noqa: E731

DOCS = [
    # ---- borderless tables, blanks for zeros --------------------------------------------
    D("rl_borderless_blank_2021", "reportlab", ["borderless", "blank zeros", "blank columns", "blank rows"],
      dict(seed=101, template="2021", year=2023, org="青禾县交通运输局", scale=90,
           activity=[1, .4, 0, .1, .2, 0], zero_cols=["research", "other_org"],
           zero_rows=DENIED + ["rejected_publication", "other_overdue_fee"], printer=Printer(zero="", zero_tables=("applications", "review_litigation"))),
      dict(borders="none", page_fmt="- {n} -")),
    D("rl_borderless_blank_2019", "reportlab", ["borderless", "blank zeros", "2019", "only natural person column"],
      dict(seed=102, template="2019", year=2020, org="白沙市住房和城乡建设局", scale=160,
           activity=[1, 0, 0, 0, 0, 0], zero_cols=["commercial", "research", "social_welfare", "legal_services", "other_org"],
           zero_rows=["denied_state_secret", "denied_security_stability", "unable_unclear"],
           printer=Printer(zero="", zero_tables=("applications", "active_disclosure"))),
      dict(borders="none", page_fmt="第{n}页")),
    D("rl_borderless_paren_items", "reportlab", ["borderless", "（1） item numbering", "wrapped labels", "blank rows"],
      dict(seed=103, template="2021", year=2024, org="云岭市林业和草原局", scale=120,
           zero_rows=["denied_state_secret", "denied_security_stability", "rejected_excessive", "other_overdue_fee"],
           labels=LabelStyle(item="paren"), printer=Printer(zero="")),
      dict(borders="none", app_label_widths=(26, 50, 82))),
    D("rl_borderless_circled_items", "reportlab", ["borderless", "①②③ item numbering", "blank rows"],
      dict(seed=104, template="2021", year=2022, org="溪口镇人民政府", scale=60,
           zero_rows=DENIED[:4] + ["other_overdue_fee", "other_misc"], labels=LabelStyle(item="circled"),
           printer=Printer(zero="")),
      dict(borders="none")),
    D("rl_hrules_blank_cols", "reportlab", ["horizontal rules only", "blank zeros", "blank columns"],
      dict(seed=105, template="2021", year=2023, org="东湖区教育局", scale=140, activity=[1, .2, 0, 0, .1, 0],
           zero_cols=["research", "social_welfare", "other_org"], printer=Printer(zero="")),
      dict(borders="horizontal")),
    D("rl_threeline_right_aligned", "reportlab", ["three-line table (top/header/bottom rules)", "numbers right-aligned", "unequal column widths"],
      dict(seed=106, template="2021", year=2024, org="南屏市统计局", scale=260,
           force_nonzero=[("granted", c) for c in COLS]),
      dict(borders="three", num_align="r", num_widths=[44, 40, 36, 50, 50, 30, 56], app_label_widths=(24, 48, 110))),

    # ---- tables over 2-3 pages with repeated headers, page furniture --------------------
    D("rl_repeat_header_3pages", "reportlab", ["ruled", "header rows repeated", "3 pages", "running header with rule", "- n -"],
      dict(seed=111, template="2021", year=2023, org="临江市人力资源和社会保障局", scale=400),
      dict(repeat_header=True, table_size=11, row_h=30, page_fmt="- {n} -", run_head="临江市人力资源和社会保障局政务公开专栏",
           run_head_rule=True, app_label_widths=(28, 56, 100))),
    D("rl_repeat_header_borderless", "reportlab", ["borderless", "header rows repeated", "第n页 共N页", "running header"],
      dict(seed=112, template="2021", year=2024, org="金川县人民政府办公室", scale=150, printer=Printer(zero="")),
      dict(borders="none", repeat_header=True, table_size=10.5, row_h=26, page_fmt="第{n}页 共{N}页",
           run_head="金川县人民政府办公室", apps_new_page=False)),
    D("rl_repeat_header_group_twice", "reportlab", ["ruled", "header rows repeated", "group label printed on both pages", "n/N right"],
      dict(seed=113, template="2021", year=2022, org="北塘区卫生健康委员会", scale=220),
      dict(repeat_header=True, text_every_fragment=True, table_size=10, row_h=24, page_fmt="{n}/{N}", page_pos="right")),
    D("rl_repeat_header_2019_3pages", "reportlab", ["2019", "ruled", "header rows repeated", "3 pages", "第 n 页，共 N 页"],
      dict(seed=114, template="2019", year=2019, org="西岭县自然资源局", scale=300),
      dict(repeat_header=True, table_size=11, row_h=34, page_fmt="第 {n} 页，共 {N} 页")),
    D("rl_running_header_low", "reportlab", ["running header below the top 8% band", "table split without repeated header"],
      dict(seed=115, template="2021", year=2024, org="石门市审计局", scale=200),
      dict(table_size=10, row_h=22, run_head="石门市审计局2024年政府信息公开工作年度报告", run_head_y=76, run_head_size=10.5,
           run_head_rule=True, margin_t=96)),

    # ---- look-alike characters, numbering, spacing ------------------------------------
    D("rl_kangxi_ruled", "reportlab", ["Kangxi radicals everywhere (title, headings, labels, headers)"],
      dict(seed=121, template="2021", year=2023, org="日照市文化和旅游局", scale=180),
      dict(map_text=KX)),
    D("rl_kangxi_borderless_fullwidth", "reportlab", ["Kangxi radicals", "full-width digits", "1． numbering", "borderless", "blank zeros"],
      dict(seed=122, template="2021", year=2024, org="大兴区工商业联合会", scale=100, labels=LabelStyle(delim="．"),
           zero_rows=["denied_state_secret", "other_overdue_fee"], printer=Printer(zero="", full=True)),
      dict(map_text=KX, borders="none")),
    D("rl_kangxi_supplement_org", "reportlab", ["CJK radical supplement ⻔ ⻚ ⺠ in title and page numbers", "Kangxi"],
      dict(seed=123, template="2021", year=2023, org="厦门市思明区人民政府", scale=240),
      dict(map_text=KXS, page_fmt="第{n}页")),
    # ---- what a reader sees (issue 10): hidden text, look-alike code points ---------------
    D("rl_quirk_white_under", "reportlab", ["stale number drawn in white under every value"],
      dict(seed=171, template="2021", year=2023, org="泊川区人民政府", scale=260),
      dict(hidden_text="white_under")),
    D("rl_quirk_white_box", "reportlab", ["stale number under a white filled box, the value drawn on top"],
      dict(seed=176, template="2021", year=2023, org="泊川区审计局", scale=240),
      dict(hidden_text="white_box")),
    D("rl_quirk_white_zero", "reportlab", ["blank cells hold a 0 drawn in white", "blank zeros"],
      dict(seed=172, template="2021", year=2022, org="临溪县司法局", scale=80,
           zero_rows=DENIED[:4] + ["other_overdue_fee"], printer=Printer(zero="")),
      dict(hidden_text="white_zero")),
    D("rl_quirk_invisible_zero", "reportlab", ["blank cells hold a 0 in invisible text (render mode 3)", "blank zeros"],
      dict(seed=175, template="2021", year=2023, org="临溪县审计局", scale=90,
           zero_rows=DENIED[:4] + ["other_overdue_fee"], printer=Printer(zero="")),
      dict(hidden_text="invisible_zero")),
    D("rl_quirk_compat_supplement", "reportlab", ["CJK Compatibility Ideographs Supplement 成 及 形 当 (ToUnicode values written as 5 hex digits)"],
      dict(seed=173, template="2021", year=2023, org="成安县当阳镇人民政府", scale=150),
      dict(map_text=lambda s: s.translate(COMPAT_SUPPLEMENT))),
    D("rl_quirk_sideways_apps", "reportlab", ["applications table printed sideways (turned 90° CCW) on portrait pages, no /Rotate"],
      dict(seed=174, template="2021", year=2024, org="澄江市生态环境局", scale=210),
      dict(apps_landscape=True, sideways=True, table_size=9, row_h=17)),
    D("rl_kangxi_2019", "reportlab", ["2019", "Kangxi radicals", "1、 numbering"],
      dict(seed=124, template="2019", year=2020, org="文山市水务局", scale=80, labels=LabelStyle(delim="、")),
      dict(map_text=KX)),
    D("rl_spaced_chars", "reportlab", ["spaced characters in labels (总　　计, 三 、本 年 度)", "tracked headings"],
      dict(seed=125, template="2021", year=2024, org="平川县民政局", scale=130,
           labels=LabelStyle(spaced={"total_processed": "（七）总　　计", "granted": "（一）予 以 公 开",
                                     "new_received": "一、本 年 新 收 政 府 信 息 公 开 申 请 数 量",
                                     "carried_forward": "四 、结 转 下 年 度 继 续 办 理"})),
      dict(vcell_text="三 、本 年 度 办 理 结 果", heading_track=6.0, title_track=3.0,
           header_text={"total": "总　计", "natural_person": "自 然 人"})),

    # ---- wrapped labels, narrow columns, vertical merged cell ---------------------------
    D("rl_wrap4_narrow_ruled", "reportlab", ["labels wrapped over 3-4 lines", "very narrow label columns", "numbers vertically centred"],
      dict(seed=131, template="2021", year=2023, org="沙河市商务局", scale=150),
      dict(app_label_widths=(18, 30, 46), table_size=9)),
    D("rl_wrap4_narrow_borderless", "reportlab", ["borderless", "labels wrapped over 3-4 lines", "very narrow label columns"],
      dict(seed=132, template="2021", year=2024, org="沙河市商务局", scale=150, printer=Printer(zero="", zero_rows=DENIED + UNABLE + REJECTED)),
      dict(app_label_widths=(18, 30, 46), table_size=9, borders="none")),
    D("rl_vcell_stacked2_borderless", "reportlab", ["borderless", "vertical cell stacked two characters per line", "group cells stacked"],
      dict(seed=133, template="2021", year=2022, org="长宁县司法局", scale=100),
      dict(borders="none", vcell="stacked2", group_mode="stacked", app_label_widths=(26, 24, 120))),
    D("rl_vcell_rotated_borderless", "reportlab", ["borderless", "vertical cell as rotated text"],
      dict(seed=134, template="2021", year=2023, org="长宁县司法局", scale=100, printer=Printer(zero="")),
      dict(borders="none", vcell="rotated")),
    D("rl_vcell_narrow_wrap_borderless", "reportlab", ["borderless", "三、本年度办理结果 wrapped 2-3 chars per line in a narrow column"],
      dict(seed=135, template="2019", year=2020, org="桃源县市场监督管理局", scale=90),
      dict(borders="none", app_label_widths=(30, 40, 120))),

    # ---- numbers --------------------------------------------------------------------------
    D("rl_thousands_units_2019", "reportlab", ["2019", "thousands separators", "amount with unit and 3 decimals", "negative change"],
      dict(seed=141, template="2019", year=2019, org="江州市发展和改革委员会", scale=4200,
           printer=Printer(sep=True, special={("active_disclosure", "procurement", "amount"): ("12,345.678万元", 12345.678)})),
      dict(proc_header="采购总金额", table_size=8.5)),
    D("rl_fee_units_2021", "reportlab", ["thousands separators", "fee with unit 万元 and 3 decimals"],
      dict(seed=142, template="2021", year=2024, org="江州市财政局", scale=2600, fee=1234.567,
           printer=Printer(sep=True, special={("active_disclosure", "fees", "amount"): ("1,234.567万元", 1234.567)})),
      dict(table_size=8.5)),
    D("rl_placeholders_mixed", "reportlab", ["placeholders — / 无 - － —— for zeros (null)"],
      dict(seed=143, template="2021", year=2023, org="河西区退役军人事务局", scale=70,
           printer=Printer(zero=["—", "/", "无", "-", "－", "——"], zero_tables=("applications", "review_litigation"))),
      dict()),
    D("rl_minus_sign_2019", "reportlab", ["2019", "U+2212 minus sign and full-width minus in 本年增/减"],
      dict(seed=144, template="2019", year=2020, org="柳州市城市管理行政执法局", scale=60,
           printer=Printer(special={("active_disclosure", "licensing", "change"): ("\u22123", -3),
                                    ("active_disclosure", "fees", "change"): ("－2", -2)}),
           active_fixups=[lambda a: a["licensing"].update(change=-3)]),
      dict()),
    D("rl_number_wrap_narrow", "reportlab", ["ruled", "4-digit numbers wrap inside narrow cells (12/34)"],
      dict(seed=145, template="2021", year=2024, org="海川市公安局", scale=5200),
      dict(num_widths=[24, 24, 22, 22, 22, 22, 24], app_label_widths=(30, 70, 150), breakall_numbers=True,
           table_size=9, num_size=10)),

    # ---- header merges, page breaks, landscape ---------------------------------------------
    D("rl_header_misaligned", "reportlab", ["ruled", "header row cell boundaries do not line up with data columns"],
      dict(seed=151, template="2021", year=2023, org="松江县农业农村局", scale=200),
      dict(header_shift=36)),
    D("rl_landscape_apps", "reportlab", ["applications table on a landscape page"],
      dict(seed=152, template="2021", year=2024, org="荷塘区城市管理局", scale=300),
      dict(apps_landscape=True, app_label_widths=(40, 90, 220), table_size=9, row_h=14)),
    D("rl_rotate90_apps", "reportlab", ["applications table on a portrait page stored with /Rotate 90 (content drawn sideways)"],
      dict(seed=153, template="2021", year=2024, org="荷塘区城市管理局", scale=300),
      dict(apps_landscape=True, app_label_widths=(40, 90, 220), table_size=9, row_h=14, post="rotate_landscape")),

    # ---- typos, old wordings, inconsistent reports ----------------------------------------
    D("rl_typos_old_wording_2021", "reportlab", ["typos", "old wordings"],
      dict(seed=161, template="2021", year=2022, org="红河州生态环境局", scale=160,
           labels=LabelStyle(overrides={
               "new_received": "一、本年度新收政府信息公开申请数量",
               "granted": "（一）予于公开",
               "partially_granted": "（二）部份公开（区分处理的，只计这一情形，不计其它情形）",
               "denied_prohibited_by_law": "2.其它法律法规禁止公开",
               "denied_internal_affairs": "5.属于内部事务信息",
               "denied_process_info": "6.属于过程性信息",
               "unable_not_held": "1.本机关不掌握相关信息",
               "rejected_petition": "1.信访、举报、投诉类申请",
               "rejected_confirmation": "5.要求行政机关确认或重新出具已获得信息",
               "other_misc": "3.其它",
               "carried_forward": "四、结转下一年度继续办理"})),
      dict()),
    D("rl_typos_2019", "reportlab", ["2019", "typos", "ASCII quotes", "dropped characters"],
      dict(seed=162, template="2019", year=2019, org="红河州生态环境局", scale=160,
           labels=LabelStyle(overrides={
               "denied_security_stability": '3.危及"三安全一稳定"',
               "denied_query_matters": "8.属于行政查询事",
               "unable_needs_creation": "2.没有现成信息需另行制作",
               "rejected_duplicate": "2.重复申清",
               "other_processing": "（六）其它处理",
               "total_processed": "（七）合计"})),
      dict()),
    D("rl_inconsistent_row_total", "reportlab", ["inconsistent: row total"],
      dict(seed=171, template="2021", year=2023, org="安平县应急管理局", scale=120, app_fixups=[fx_row_total],
           force_nonzero=[("partially_granted", "natural_person")], expected_findings=["applications.row_total"]),
      dict()),
    D("rl_inconsistent_balance_group", "reportlab", ["inconsistent: balance and review group total"],
      dict(seed=172, template="2021", year=2024, org="安平县应急管理局", scale=120, app_fixups=[fx_balance],
           review_fixups=[fx_group_total], expected_findings=["applications.balance", "review_litigation.group_total"]),
      dict()),
    D("rl_inconsistent_borderless", "reportlab", ["inconsistent: total_processed", "borderless", "blank zeros"],
      dict(seed=173, template="2021", year=2022, org="福田街道办事处", scale=90, app_fixups=[fx_total_processed],
           printer=Printer(zero=""), expected_findings=["applications.total_processed"]),
      dict(borders="none")),

    # ---- second round: narrower / tighter / odder -------------------------------------------
    D("rl_borderless_tight_numbers", "reportlab", ["borderless", "narrow number columns: neighbouring numbers almost touch"],
      dict(seed=201, template="2021", year=2024, org="滨海新区行政审批局", scale=3200),
      dict(borders="none", num_widths=[25, 24, 24, 24, 24, 24, 26], app_label_widths=(40, 80, 160), table_size=9, num_size=10)),
    D("rl_header_left_numbers_right", "reportlab", ["borderless", "header text left-aligned, numbers right-aligned", "no row prints every column"],
      dict(seed=202, template="2021", year=2023, org="滨海新区档案馆", scale=120, activity=[1, .3, .1, .1, .2, 0],
           zero_cols=["other_org"], printer=Printer(zero="")),
      dict(borders="none", header_align="l", num_align="r", num_widths=[46, 46, 46, 46, 46, 46, 46], app_label_widths=(24, 46, 59))),
    D("rl_extra_remark_column", "reportlab", ["ruled", "extra empty 备注 column right of 总计"],
      dict(seed=203, template="2021", year=2024, org="滨海新区医疗保障局", scale=150),
      dict(num_widths=[34] * 7, remark_col=40, app_label_widths=(24, 50, 99),
           remarks={"carried_forward": "已于次年办结"})),
    D("rl_yi_placeholder_rows", "reportlab", ["ruled", "zeros printed as 一 (a dash look-alike)", "whole placeholder rows"],
      dict(seed=204, template="2021", year=2022, org="滨海新区气象局", scale=80,
           zero_rows=["denied_state_secret", "denied_security_stability", "rejected_publication", "other_overdue_fee"],
           printer=Printer(zero="一", zero_tables=("applications",))),
      dict()),
    D("rl_group_twice_borderless", "reportlab", ["borderless", "header rows repeated", "group and vertical labels printed on both pages"],
      dict(seed=205, template="2021", year=2023, org="滨海新区体育局", scale=160),
      dict(borders="none", repeat_header=True, text_every_fragment=True, table_size=10, row_h=24, page_fmt="{n}/{N}")),
    D("rl_note_below_table", "reportlab", ["borderless", "numbered notes printed below the applications table"],
      dict(seed=206, template="2021", year=2024, org="滨海新区信访局", scale=100, printer=Printer(zero="")),
      dict(borders="none", after_applications=[
          "注：1.本表“其他”指除上述类型以外的法人或其他组织。",
          "2.本年度申请数量较上年增加，主要集中在信访举报投诉类事项。"])),

    D("rl_header_orphaned_borderless", "reportlab", ["borderless", "heading + header rows at the foot of a page, body on the next", "no row prints every column"],
      dict(seed=207, template="2021", year=2023, org="滨海新区港航局", scale=110, activity=[1, .3, 0, .1, .2, 0],
           zero_cols=["research"], printer=Printer(zero="")),
      dict(borders="none", orphan_header=True, split_after_header=True)),
    D("rl_continued_label_borderless", "reportlab", ["borderless", "续表 above the continuation, no repeated header"],
      dict(seed=208, template="2021", year=2024, org="滨海新区园林局", scale=140, printer=Printer(zero="")),
      dict(borders="none", continued_label="续表", table_size=10, row_h=24)),
    D("rl_space_thousands", "reportlab", ["ruled", "thousands separated by a space (1 234)"],
      dict(seed=209, template="2021", year=2024, org="滨海新区税务局", scale=4000, printer=Printer(sep=True, sepchar=" ")),
      dict(table_size=8.5, num_size=9)),

    # ---- web pages printed by Chromium ------------------------------------------------------
    D("web_nav_ruled_2021", "chromium", ["web page", "nav + breadcrumb + meta line", "browser header/footer", "rowspan/colspan", "thead repeated"],
      dict(seed=181, template="2021", year=2024, org="龙湾区人民政府", scale=260),
      dict(css="table.t{border-collapse:collapse} table.t td{border:1px solid #000;padding:5px 2px}", table_font=14)),
    D("web_double_border_2019", "chromium", ["web page", "2019", "border=1 with cellspacing (double rulings)"],
      dict(seed=182, template="2019", year=2020, org="龙湾区教育局", scale=140, printer=Printer(zero="/", zero_tables=("applications",))),
      dict(table_attr='border="1" cellspacing="2"', head_tag="tbody")),
    D("web_borderless_blank", "chromium", ["web page", "borderless", "blank zeros", "blank columns", "thead repeated"],
      dict(seed=183, template="2021", year=2023, org="龙湾区民政局", scale=110, activity=[1, .3, 0, 0, .1, 0],
           zero_cols=["research", "social_welfare", "other_org"], zero_rows=DENIED[:5], printer=Printer(zero="")),
      dict(css="table.t{border-collapse:collapse} table.t td{border:none;padding:5px 2px}", table_font=14)),
    D("web_kangxi", "chromium", ["web page", "Kangxi radicals pasted into the page text"],
      dict(seed=184, template="2021", year=2024, org="龙湾区卫生健康局", scale=180),
      dict(map_text=KX, css="table.t{border-collapse:collapse} table.t td{border:1px solid #000}")),
    D("web_no_body_title_2019", "chromium", ["web page", "2019", "no title in the body (page <title> only)"],
      dict(seed=185, template="2019", year=2019, org="龙湾区财政局", scale=90),
      dict(body_title=False, page_title="龙湾区财政局2019年政府信息公开工作年度报告",
           css="table.t{border-collapse:collapse} table.t td{border:1px solid #000}")),
    D("web_narrow_wrap", "chromium", ["web page", "narrow page: labels wrap 3-4 lines", "numbers break inside cells"],
      dict(seed=186, template="2021", year=2023, org="龙湾区公安分局", scale=3000),
      dict(max_width=520, table_font=12, label_widths=(22, 40, 70), num_w=30, breakall_numbers=True,
           css="table.t{border-collapse:collapse;table-layout:fixed} table.t td{border:1px solid #000;word-break:break-all}")),
    D("web_inconsistent_group_total", "chromium", ["web page", "inconsistent: review group total"],
      dict(seed=187, template="2021", year=2024, org="龙湾区司法局", scale=80, review_fixups=[fx_group_total],
           expected_findings=["review_litigation.group_total"]),
      dict(css="table.t{border-collapse:collapse} table.t td{border:1px solid #000}")),

    D("web_borderless_narrow_numbers", "chromium", ["web page", "borderless", "narrow number cells: neighbouring numbers almost touch"],
      dict(seed=188, template="2021", year=2024, org="龙湾区市场监督管理局", scale=2400),
      dict(css="table.t{border-collapse:collapse} table.t td{border:none;padding:1px}", table_font=14,
           label_widths=(30, 60, 200), num_w=34)),

    # ---- LibreOffice (Word documents) --------------------------------------------------------
    D("lo_docx_ruled_repeat", "libreoffice", ["Word/LibreOffice", "header rows repeated", "第n页 共N页 field", "running header"],
      dict(seed=191, template="2021", year=2024, org="清河区人民政府", scale=320),
      dict(page_fmt="第{PAGE}页 共{NUMPAGES}页", run_head="清河区人民政府办公室", table_size=10.5)),
    D("lo_docx_borderless_2019", "libreoffice", ["Word/LibreOffice", "2019", "borderless", "blank zeros"],
      dict(seed=192, template="2019", year=2020, org="清河区审计局", scale=90, printer=Printer(zero=""),
           zero_rows=["denied_state_secret", "denied_security_stability"]),
      dict(borders=False, page_fmt="- {PAGE} -")),
    D("lo_docx_landscape", "libreoffice", ["Word/LibreOffice", "landscape section for the applications table"],
      dict(seed=193, template="2021", year=2023, org="清河区水利局", scale=200),
      dict(apps_landscape=True, page_fmt="{PAGE}", app_widths_cm=[1.2, 2.6, 7.0] + [2.0] * 7)),
    D("lo_docx_vertical_text", "libreoffice", ["Word/LibreOffice", "vertical cell with text direction tbRlV"],
      dict(seed=194, template="2021", year=2024, org="清河区科学技术局", scale=150),
      dict(vcell_dir="tbRlV", page_fmt="- {PAGE} -")),
    D("lo_docx_kangxi", "libreoffice", ["Word/LibreOffice", "Kangxi radicals"],
      dict(seed=195, template="2021", year=2022, org="清河区文化广电和旅游局", scale=150),
      dict(map_text=KX, page_fmt="- {PAGE} -")),
]

DOCS += [
    D("lo_docx_borderless_rowsplit", "libreoffice", ["Word/LibreOffice", "borderless", "narrow label columns", "rows break across pages", "header rows repeated"],
      dict(seed=196, template="2021", year=2024, org="清河区住房保障中心", scale=150, printer=Printer(zero="")),
      dict(borders=False, page_fmt="第{PAGE}页", app_widths_cm=[0.8, 1.2, 2.0] + [1.6] * 7, table_size=10.5)),
]

BAD = [
    ("bad_scan_image_only", "no_text_layer", "rl_kangxi_ruled", False),
    ("bad_scan_with_page_numbers", "no_text_layer", "rl_typos_2019", True),
    ("bad_encrypted", "encrypted_pdf", "rl_placeholders_mixed", None),
]


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def render_reportlab(d, r, pdf):
    o = dict(d["opts"])
    doc = rl.render(r, o, pdf)
    if o.get("post") == "rotate_landscape":
        rotate_landscape_pages(pdf)
    return {"pages": doc.page, "events": [list(e) for e in doc.events]}


def rotate_landscape_pages(pdf):
    """Re-store every landscape page as a portrait MediaBox whose content is drawn turned 90°
    and a /Rotate 90 that turns it back for display (what some PDF printers write)."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject, NumberObject, RectangleObject
    w = PdfWriter(clone_from=pdf)
    for p in w.pages:
        W, Hh = float(p.mediabox.width), float(p.mediabox.height)
        if W > Hh:
            # Content rotated 90° counter-clockwise into a portrait box; /Rotate 90 (clockwise
            # display) shows it upright again.
            p.add_transformation(Transformation().rotate(90).translate(Hh, 0))
            p.mediabox = RectangleObject([0, 0, Hh, W])
            p.cropbox = RectangleObject([0, 0, Hh, W])
            p[NameObject("/Rotate")] = NumberObject(90)
    with open(pdf, "wb") as f:
        w.write(f)


def render_chromium(d, r, pdf):
    os.makedirs(os.path.join(WWW, "xxgk"), exist_ok=True)
    page = H.page(r, d["opts"])
    name = f"t{abs(hash(d['name'])) % 10**8}_{d['spec']['seed']}.html"
    with open(os.path.join(WWW, "xxgk", name), "w", encoding="utf-8") as f:
        f.write(page)
    with open(os.path.join(TMP, d["name"] + ".html"), "w", encoding="utf-8") as f:
        f.write(page)
    url = f"http://127.0.0.1:{PORT}/xxgk/{name}"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", url],
                   check=True, capture_output=True, timeout=120)
    return {"url": url}


def render_libreoffice(d, r, pdf):
    src = os.path.join(TMP, d["name"] + ".docx")
    docx_r.render(r, d["opts"], src)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", TMP, src], check=True,
                   capture_output=True, timeout=180)
    shutil.move(os.path.join(TMP, d["name"] + ".pdf"), pdf)
    return {"source": os.path.basename(src)}


RENDERERS = {"reportlab": render_reportlab, "chromium": render_chromium, "libreoffice": render_libreoffice}


def jsonable(x):
    if callable(x):
        return getattr(x, "__name__", "function")
    if isinstance(x, dict):
        return {str(k): jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonable(v) for v in x]
    if isinstance(x, (Printer, LabelStyle)):
        return {k: jsonable(v) for k, v in vars(x).items() if not k.startswith("_")}
    return x


def pdftext(pdf, layout=False):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def verify(d, r, pdf):
    """The PDF's own text holds the title and every printed application cell."""
    import unicodedata
    text = pdftext(pdf)
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    problems = []
    title = re.sub(r"\s+", "", r.title)
    if d["opts"].get("body_title", True) and unicodedata.normalize("NFKC", title) not in flat \
            and not d["opts"].get("title_lines") and "supplement" not in " ".join(d["quirks"]):
        problems.append(f"title {title} not in text")
    cells = [(t, key, col, s) for t in ("applications", "active_disclosure", "review_litigation")
             for key, row in r.shown[t].items() for col, s in row.items()]
    for tab, key, col, s in cells:
        if True:
            s2 = re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))
            if d["opts"].get("breakall_numbers") and len(s2) > 2:
                continue   # wrapped inside its cell: checked by eye (pdftotext -layout)
            if s2 and s2 not in flat:
                problems.append(f"{tab}.{key}.{col} {s!r}")
    return problems


def build(d):
    r = make_report(d["spec"])
    pdf = os.path.join(OUT, d["name"] + ".pdf")
    info = RENDERERS[d["renderer"]](d, r, pdf)
    problems = verify(d, r, pdf)
    variant = {"renderer": d["renderer"], "quirks": d["quirks"], "set": "stress",
               "spec": jsonable({k: v for k, v in d["spec"].items() if k not in ("name",)}),
               "opts": jsonable(d["opts"]), "render": info}
    write_truth(r, os.path.join(OUT, d["name"] + ".truth.json"), variant)
    return r, info, problems


def build_bad(name, error, base, page_numbers):
    src = os.path.join(OUT, base + ".pdf")
    out = os.path.join(OUT, name + ".pdf")
    if error == "encrypted_pdf":
        subprocess.run(["qpdf", "--encrypt", "user123", "owner456", "256", "--", src, out], check=True)
    else:
        # Rasterize every page and wrap the pictures in a PDF: a scan with no text layer
        # (optionally with a page-number text overlay, as some scanners stamp).
        from reportlab.pdfgen import canvas
        from reportlab.lib.pagesizes import A4
        pre = os.path.join(TMP, name)
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", src, pre], check=True)
        imgs = sorted(f for f in os.listdir(TMP) if f.startswith(name + "-") and f.endswith(".png"))
        rl.register_font()
        c = canvas.Canvas(out, pagesize=A4, invariant=1)
        c.setCreator("Scanner")
        for i, f in enumerate(imgs):
            c.drawImage(os.path.join(TMP, f), 0, 0, A4[0], A4[1])
            if page_numbers:
                c.setFont(rl.FONT, 9)
                c.drawString(A4[0] - 90, 20, f"第{i + 1}页 共{len(imgs)}页")
            c.showPage()
            os.remove(os.path.join(TMP, f))
        c.save()
    with open(os.path.join(OUT, name + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump({"expect_error": error, "variant": {"set": "stress", "made_from": base,
                                                     "page_number_text": bool(page_numbers)}}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(WWW, exist_ok=True)
    want = sys.argv[1:]
    docs = [d for d in DOCS if not want or any(w in d["name"] for w in want)]
    httpd = None
    if any(d["renderer"] == "chromium" for d in docs):
        httpd = subprocess.Popen([sys.executable, "-m", "http.server", str(PORT), "--bind", "127.0.0.1"], cwd=WWW,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
    try:
        for d in docs:
            r, info, problems = build(d)
            print(f"{d['name']}: {d['renderer']} pages={info.get('pages', '?')} "
                  f"{'OK' if not problems else 'TEXT CHECK: ' + '; '.join(problems[:6])}")
    finally:
        if httpd:
            httpd.terminate()
            httpd.wait()
    src_dir = os.path.join(OUT, "sources")
    os.makedirs(src_dir, exist_ok=True)
    for d in docs:
        for ext in (".html", ".docx"):
            p = os.path.join(TMP, d["name"] + ext)
            if os.path.exists(p):
                shutil.copy(p, os.path.join(src_dir, d["name"] + ext))
    for name, error, base, pn in BAD:
        if (not want or any(w in name for w in want)) and os.path.exists(os.path.join(OUT, base + ".pdf")):
            build_bad(name, error, base, pn)
            print(f"{name}: expect_error {error}")


if __name__ == "__main__":
    main()

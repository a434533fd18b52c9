"""Shared data model of the stress corpus: numbers, labels, cell printing rules, truth.

Every document is made from ONE source of data: `make_report(spec)` draws the numbers
(internally consistent unless the spec breaks a rule on purpose), applies the spec's
printing rules cell by cell (each rule returns the printed text AND the value a reader
should get back), and returns both; the renderers only print the texts, the truth file
only holds the values.  `check_truth` recomputes the validator rules and asserts they
break exactly as `expected_findings` says.
"""
import json
import random
import unicodedata

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"]
ALL_COLS = COLS + ["total"]
COL_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
REV_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
REV_FIELDS = ["upheld", "corrected", "other", "pending", "total"]
REV_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

GROUP_LABELS = {"（三）": "不予公开", "（四）": "无法提供", "（五）": "不予处理", "（六）": "其他处理"}
# (key, group marker or None, item number, item text)
RESULT_ROWS = [
    ("granted", None, "（一）", "予以公开"),
    ("partially_granted", None, "（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "（三）", 1, "属于国家秘密"),
    ("denied_prohibited_by_law", "（三）", 2, "其他法律行政法规禁止公开"),
    ("denied_security_stability", "（三）", 3, "危及“三安全一稳定”"),
    ("denied_third_party_rights", "（三）", 4, "保护第三方合法权益"),
    ("denied_internal_affairs", "（三）", 5, "属于三类内部事务信息"),
    ("denied_process_info", "（三）", 6, "属于四类过程性信息"),
    ("denied_enforcement_files", "（三）", 7, "属于行政执法案卷"),
    ("denied_query_matters", "（三）", 8, "属于行政查询事项"),
    ("unable_not_held", "（四）", 1, "本机关不掌握相关政府信息"),
    ("unable_needs_creation", "（四）", 2, "没有现成信息需要另行制作"),
    ("unable_unclear", "（四）", 3, "补正后申请内容仍不明确"),
    ("rejected_petition", "（五）", 1, "信访举报投诉类申请"),
    ("rejected_duplicate", "（五）", 2, "重复申请"),
    ("rejected_publication", "（五）", 3, "要求提供公开出版物"),
    ("rejected_excessive", "（五）", 4, "无正当理由大量反复申请"),
    ("rejected_confirmation", "（五）", 5, "要求行政机关确认或重新出具已获取信息"),
]
OTHER_SUB = [
    ("other_overdue_correction", "（六）", 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", "（六）", 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "（六）", 3, "其他"),
]
OTHER_ONE = [("other_processing", None, "（六）", "其他处理")]
TOTAL = [("total_processed", None, "（七）", "总计")]
TOP_ROWS = {"new_received": ("一、", "本年新收政府信息公开申请数量"),
            "carried_over": ("二、", "上年结转政府信息公开申请数量"),
            "carried_forward": ("四、", "结转下年度继续办理")}
VCELL = "三、本年度办理结果"
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def result_rows(one_row):
    return RESULT_ROWS + (OTHER_ONE if one_row else OTHER_SUB) + TOTAL


def app_keys(one_row):
    return ["new_received", "carried_over"] + [r[0] for r in result_rows(one_row)] + ["carried_forward"]


# ---------------------------------------------------------------------------
# Look-alike characters
# ---------------------------------------------------------------------------

KANGXI = {}
for _cp in range(0x2F00, 0x2FD6):
    KANGXI.setdefault(unicodedata.normalize("NFKC", chr(_cp)), chr(_cp))
# CJK Radicals Supplement forms of simplified characters (no Unicode decomposition).
SUPPLEMENT = {"门": "\u2ED4", "页": "\u2EDA", "车": "\u2ECB", "贝": "\u2EC9", "见": "\u2EC5", "长": "\u2ED3",
              "马": "\u2EE2", "民": "\u2EA0", "韦": "\u2ED9", "风": "\u2EDB"}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def kangxi(text, supplement=False, only=None):
    """Replace every ideograph that has a Kangxi-radical twin by that twin (what a PDF whose
    font maps those glyphs to the radical code points extracts as)."""
    out = []
    for ch in text:
        if only is not None and ch not in only:
            out.append(ch)
        elif supplement and ch in SUPPLEMENT:
            out.append(SUPPLEMENT[ch])
        else:
            out.append(KANGXI.get(ch, ch))
    return "".join(out)


def unkangxi(text):
    """What a correct reader should make of `kangxi(text)`."""
    inv = {v: k for k, v in SUPPLEMENT.items()}
    return "".join(inv.get(ch, unicodedata.normalize("NFKC", ch) if 0x2F00 <= ord(ch) <= 0x2FD5 else ch) for ch in text)


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------

class LabelStyle:
    """How a report numbers and spells its row labels."""

    def __init__(self, delim=".", item="num", paren="full", overrides=None, map_text=None, spaced=None):
        self.delim = delim          # "." "、" "．"
        self.item = item            # "num" → 1. ; "paren" → （1） ; "circled" → ① ; "none"
        self.paren = paren          # "full" （三） or "half" (三)
        self.overrides = overrides or {}   # key -> full printed label (typos, old wordings)
        self.map_text = map_text or (lambda s: s)
        self.spaced = spaced or {}  # key -> printed label (with spaces), for spaced characters

    def p(self, marker):
        return marker if self.paren == "full" else marker.replace("（", "(").replace("）", ")")

    def item_no(self, n):
        if self.item == "num":
            return f"{n}{self.delim}"
        if self.item == "paren":
            return f"（{n}）"
        if self.item == "circled":
            return chr(0x2460 + n - 1)
        return ""

    def row(self, key, one_row=False):
        """Printed label of a row (its item part for grouped rows)."""
        if key in self.spaced:
            return self.map_text(self.spaced[key])
        if key in self.overrides:
            return self.map_text(self.overrides[key])
        if key in TOP_ROWS:
            m, t = TOP_ROWS[key]
            return self.map_text(m + t)
        for k, g, n, t in result_rows(one_row):
            if k == key:
                if g is None:
                    return self.map_text(self.p(n) + t)
                return self.map_text(self.item_no(n) + t)
        raise KeyError(key)

    def group(self, marker):
        return self.map_text(self.p(marker) + GROUP_LABELS[marker])


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------

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


def gen_applications(rng, one_row, scale, activity, zero_rows=(), zero_cols=(), force_nonzero=()):
    """Consistent counts: row totals, （七）总计 and the 勾稽关系 hold.  `zero_rows` are printed
    all-zero (whole blank rows when zeros print blank), `zero_cols` likewise for columns;
    `force_nonzero` lists (row, col) cells that must hold a number (so that some row fills
    every column, or a wide number sits where the spec wants it)."""
    rows = {k: {} for k in app_keys(one_row)}
    res = [r[0] for r in result_rows(one_row) if r[0] != "total_processed"]
    for col, act in zip(COLS, activity):
        n = 0 if col in zero_cols else int(scale * act)
        for k in res:
            p, frac = ROW_WEIGHT[k]
            v = 0
            if n > 0 and k not in zero_rows and (rng.random() < p or (k, col) in force_nonzero):
                v = max(1, int(round(n * frac * rng.uniform(0.5, 1.5))))
            rows[k][col] = v
        tp = sum(rows[k][col] for k in res)
        cf = rng.randint(1 if ("carried_forward", col) in force_nonzero and tp else 0, max(0, tp // 12)) if tp else 0
        co = rng.randint(1 if ("carried_over", col) in force_nonzero and tp else 0, max(0, tp // 15)) if tp else 0
        if "carried_forward" in zero_rows:
            cf = 0
        if "carried_over" in zero_rows:
            co = 0
        rows["total_processed"][col] = tp
        rows["carried_forward"][col] = cf
        rows["carried_over"][col] = co
        rows["new_received"][col] = tp + cf - co
    for k in rows:
        rows[k]["total"] = sum(rows[k][c] for c in COLS)
    return rows


def gen_review(rng, scale, zero_groups=()):
    out = {}
    for g, s in (("review", scale), ("litigation_direct", max(1, scale // 2)), ("litigation_after_review", max(1, scale // 3))):
        vals = [0, 0, 0, 0] if g in zero_groups else [rng.randint(0, s) if rng.random() < 0.7 else 0 for _ in range(4)]
        out[g] = dict(zip(REV_FIELDS[:4], vals))
        out[g]["total"] = sum(vals)
    return out


def gen_active_2021(rng, fee=0):
    return {
        "regulations": {"issued": 0, "repealed": 0, "in_force": rng.randint(0, 3)},
        "normative_documents": {"issued": rng.randint(1, 9), "repealed": rng.randint(0, 3), "in_force": rng.randint(10, 60)},
        "licensing": {"decisions": rng.randint(800, 12000)},
        "penalty": {"decisions": rng.randint(100, 4000)},
        "coercion": {"decisions": rng.randint(0, 300)},
        "fees": {"amount": fee},
    }


def gen_active_2019(rng, proc_amount=1856.42, unit="万元", neg_change=True):
    def it(a, b, c, d, neg=False):
        return {"previous_items": rng.randint(a, b), "change": rng.randint(-5, -1) if neg else rng.randint(0, 6),
                "decisions": rng.randint(c, d)}
    return {
        "regulations": {"new_made": 0, "new_published": 0, "total_published": rng.randint(0, 4)},
        "normative_documents": {"new_made": rng.randint(1, 8), "new_published": rng.randint(1, 8), "total_published": rng.randint(20, 60)},
        "licensing": it(40, 200, 500, 5000, neg=neg_change),
        "other_services": it(10, 80, 0, 900),
        "penalty": it(100, 900, 50, 900),
        "coercion": it(5, 60, 0, 40),
        "fees": {"previous_items": rng.randint(2, 9), "change": -2 if neg_change else 1},
        "procurement": {"items": rng.randint(5, 60), "amount": proc_amount, "amount_unit": unit},
    }


# ---------------------------------------------------------------------------
# Printing rules: (table, row, field, value) -> (printed text, truth value)
# ---------------------------------------------------------------------------

def fmt_number(v, sep=False, full=False, decimals=None):
    if isinstance(v, float):
        s = f"{v:,.{decimals}f}" if (sep and decimals is not None) else (f"{v:,}" if sep else (f"{v:.{decimals}f}" if decimals is not None else repr(v)))
    else:
        s = f"{v:,}" if sep else str(v)
    return s.translate(FULLWIDTH) if full else s


class Printer:
    """Composable cell rule.  Zeros may print blank or as a placeholder (truth null); numbers
    may carry thousands separators, full-width digits or a unit."""

    def __init__(self, zero=None, zero_tables=("applications",), zero_rows=None, zero_cols=None,
                 sep=False, full=False, special=None, placeholders=None, sepchar=","):
        self.zero = zero                  # None: print 0; "" blank; "—" "/" "无" ... (or a list to cycle)
        self.zero_tables = zero_tables
        self.zero_rows = zero_rows        # restrict blanking to these rows (None = all)
        self.zero_cols = zero_cols
        self.sep, self.full, self.sepchar = sep, full, sepchar
        self.special = special or {}      # (table,row,field) -> (text, value)
        self.placeholders = placeholders  # list cycled over zero cells
        self._i = 0

    def __call__(self, table, row, field, v):
        if (table, row, field) in self.special:
            return self.special[(table, row, field)]
        if v == 0 and self.zero is not None and table in self.zero_tables \
                and (self.zero_rows is None or row in self.zero_rows) \
                and (self.zero_cols is None or field in self.zero_cols):
            if isinstance(self.zero, list):
                t = self.zero[self._i % len(self.zero)]
                self._i += 1
                return t, None
            return self.zero, None
        return fmt_number(v, sep=self.sep, full=self.full).replace(",", self.sepchar), v


# ---------------------------------------------------------------------------
# Report = shown texts + truth
# ---------------------------------------------------------------------------

class Report:
    pass


def make_report(spec):
    rng = random.Random(spec["seed"])
    r = Report()
    r.spec = spec
    r.template = spec["template"]
    r.year = spec["year"]
    r.org = spec["org"]
    r.title = spec.get("title") or f"{spec['org']}{spec['year']}年政府信息公开工作年度报告"
    r.one_row = spec.get("one_row", r.template == "2019")
    apps = gen_applications(rng, r.one_row, spec.get("scale", 200), spec.get("activity", [1, .3, .05, .05, .1, .05]),
                            zero_rows=spec.get("zero_rows", ()), zero_cols=spec.get("zero_cols", ()),
                            force_nonzero=spec.get("force_nonzero", ()))
    for fix in spec.get("app_fixups", []):
        fix(apps)
    review = gen_review(rng, spec.get("review_scale", 4), spec.get("zero_review", ()))
    for fix in spec.get("review_fixups", []):
        fix(review)
    if r.template == "2021":
        active = gen_active_2021(rng, fee=spec.get("fee", 0))
    else:
        active = gen_active_2019(rng, proc_amount=spec.get("proc_amount", 1856.42), unit=spec.get("proc_unit", "万元"))
    for fix in spec.get("active_fixups", []):
        fix(active)
    pr = spec.get("printer") or Printer()
    r.raw = {"applications": apps, "review_litigation": review, "active_disclosure": active}
    r.shown, truth = {}, {}
    for tab, data in (("active_disclosure", active), ("applications", apps), ("review_litigation", review)):
        r.shown[tab], truth[tab] = {}, {}
        for key, row in data.items():
            r.shown[tab][key], truth[tab][key] = {}, {}
            for f, v in row.items():
                if f == "amount_unit":
                    truth[tab][key][f] = v
                    continue
                text, val = pr(tab, key, f, v)
                r.shown[tab][key][f] = text
                truth[tab][key][f] = val
    r.truth = {
        "report": {"organization": unkangxi(spec.get("truth_org", r.org)), "year": r.year, "template": r.template,
                   "title": unkangxi(r.title)},
        "active_disclosure": truth["active_disclosure"],
        "applications": {k: truth["applications"][k] for k in app_keys(r.one_row)},
        "review_litigation": truth["review_litigation"],
        "expected_findings": sorted(spec.get("expected_findings", [])),
    }
    r.labels = spec.get("labels") or LabelStyle()
    r.prose = prose(r, apps, rng)
    check_truth(r.truth, spec)
    return r


def check_truth(t, spec):
    """Recompute the validator rules; they must break exactly as declared."""
    def n(v):
        return v or 0
    broken = set()
    a = t["applications"]
    res = [k for k in a if k not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    for col in ALL_COLS:
        if n(a["new_received"][col]) + n(a["carried_over"][col]) != n(a["total_processed"][col]) + n(a["carried_forward"][col]):
            broken.add("applications.balance")
        if sum(n(a[k][col]) for k in res) != n(a["total_processed"][col]):
            broken.add("applications.total_processed")
    for k, row in a.items():
        if sum(n(row[c]) for c in COLS) != n(row["total"]):
            broken.add("applications.row_total")
    for g, d in t["review_litigation"].items():
        if sum(n(d[k]) for k in ("upheld", "corrected", "other", "pending")) != n(d["total"]):
            broken.add("review_litigation.group_total")
    for tab in ("active_disclosure", "applications", "review_litigation"):
        for key, row in t[tab].items():
            for f, v in row.items():
                if f == "amount_unit" or v is None:
                    continue
                if v < 0 and f != "change":
                    broken.add("value.negative")
                if isinstance(v, float) and f != "amount" and v != int(v):
                    broken.add("value.not_integer")
    assert broken == set(spec.get("expected_findings", [])), (spec["name"], broken)


def write_truth(r, path, variant, input_name=None):
    t = dict(r.truth)
    t["variant"] = variant
    if input_name:
        t["input"] = input_name
    with open(path, "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------
# Prose (parts 一、五、六)
# ---------------------------------------------------------------------------

def prose(r, apps, rng):
    org, year = r.org, r.year
    doc_no = "国办公开办函〔2021〕30号" if r.template == "2021" else "国办公开办函〔2019〕60号"
    nr, co = apps["new_received"]["total"], apps["carried_over"]["total"]
    tp, cf = apps["total_processed"]["total"], apps["carried_forward"]["total"]
    p = {}
    p["preface"] = [
        f"本报告由{org}办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（{doc_no}）要求编制。"
        f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{org}办公室联系（电话：0{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}）。",
    ]
    p["overview"] = [
        f"{year}年，{org}认真贯彻落实《条例》和上级关于政务公开工作的部署要求，紧紧围绕中心工作，以公开促落实、以公开强监管、以公开优服务，政府信息公开工作取得新成效。",
        f"（一）主动公开情况。全年通过门户网站、政务新媒体等渠道主动公开各类政府信息{rng.randint(900, 4800)}条，其中政策文件{rng.randint(12, 90)}件，政策解读{rng.randint(5, 40)}篇。",
        f"（二）依申请公开情况。全年共收到政府信息公开申请{nr}件，上年结转{co}件，共办结{tp}件，结转下年度继续办理{cf}件。",
        "（三）政府信息管理情况。严格落实公文公开属性源头认定机制，健全信息发布审核制度，坚持“先审后发、三审三校”。",
        "（四）政府信息公开平台建设情况。持续优化门户网站政府信息公开专栏，规范栏目设置，及时更新法定主动公开内容。",
        "（五）政府信息公开监督保障情况。调整充实政务公开工作领导小组，将政务公开纳入年度目标考核，组织开展业务培训2次。",
    ]
    p["problems"] = [
        f"{year}年，我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是部分栏目更新不够及时；二是政策解读形式较为单一。",
        "下一步，我们将加强主动公开，建立栏目巡查机制；丰富政策解读形式；规范依申请公开办理，严格审查答复文书。",
    ]
    p["other"] = ["依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"]
    return p

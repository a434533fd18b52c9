#!/usr/bin/env python3
"""Writes the year pairs of Tests/GovReportTests/Fixtures/compare/ (deterministic) for
`govreport compare` and check's `cross.prose_reused`.

Each report is a government web page (.html) made by the stress corpus's generator
(Scripts/stress/common.py draws consistent numbers, Scripts/stress/webpage.py prints the
page), with its prose parts 一、五、六 replaced by paragraphs chosen here, so which paragraphs
repeat last year's is known by construction. Next to each pair, `pair.json` holds the truth:

    { "from": FILE, "to": FILE,
      "tables": { "from": {active_disclosure, applications, review_litigation}, "to": {…} },
      "reused": [ { "part", "to_paragraph", "from_paragraph", "how": "exact" | "numbers changed" } ] }

(paragraphs are 1-based within their part; a null cell is printed blank.) Each report is also
printed as a PDF of the same name (Scripts/stress/rl.py), with the same numbers and prose:
its extracted prose keeps the lines' wrap breaks, so there the reused paragraphs are found
line by line.

- planted/    岚溪县文化和旅游局 2022 → 2023 (2021 format): six paragraphs of 2023 repeat 2022's,
              two exactly and four with the year or numbers changed (Arabic and Chinese
              numerals), two of them moved within their part; the others are new wording. The
              2023 report's 二、上年结转 is 2022's 四、结转下年度继续办理.
- none/       岚溪县水利局 2023 → 2024 (2021 format): every paragraph says the same things as
              the year before in new words: nothing is reused.
- templates/  岚溪县审计局 2020 (2019 format, zeros of the applications table printed blank)
              → 2021 (2021 format): one paragraph of part 五 repeated exactly.

Run from the package root: python3 Scripts/make-compare-fixtures.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "stress"))

from common import COLS, Printer, make_report  # noqa: E402
import rl  # noqa: E402
import webpage  # noqa: E402

OUT = os.path.join(HERE, "..", "Tests", "GovReportTests", "Fixtures", "compare")

# Paragraphs by topic, each in several wordings that say the same thing differently. {y} is
# the year, {a} {b} numbers, {c} a Chinese numeral.
OVERVIEW = {
    "lead": [
        "{y}年，{org}深入贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作推进决策、执行、管理、服务、结果公开，各项工作取得积极成效。",
        "过去一年，我局把政务公开作为转变作风、建设法治机关的重要抓手，坚持主要负责同志亲自部署，分管领导具体落实，公开工作有序开展。",
        "{y}年度，{org}以群众关切为导向，着力提升公开质量和实效，不断增强政策透明度，以公开促进依法行政和服务优化。",
    ],
    "active": [
        "（一）主动公开情况。全年通过门户网站公开各类政府信息{a}条，其中政策文件{b}件，及时发布工作动态、通知公告和人事信息。",
        "（一）主动公开情况。本年度依托政府网站专栏和政务微信公众号累计发布信息{a}条，重点公开规划计划、财政资金和项目建设，发布文件{b}件。",
        "（一）主动公开情况。坚持“以公开为常态、不公开为例外”，在政府信息公开平台集中发布法定主动公开内容{a}条，更新制度文件{b}件。",
    ],
    "requests": [
        "（二）依申请公开情况。全年共收到政府信息公开申请{a}件，上年结转{b}件，均按照法定程序和时限予以答复，未发生逾期答复。",
        "（二）依申请公开情况。对公民、法人提出的申请实行统一登记、分类办理、集体会商，全年新收申请{a}件，结转申请{b}件，答复文书全部经法制审核。",
        "（二）依申请公开情况。本年受理依申请公开{a}件，另有上年度结转{b}件，办理中主动与申请人沟通，准确把握申请意图，提高答复针对性。",
    ],
    "management": [
        "（三）政府信息管理情况。严格落实公文公开属性源头认定机制，拟文时同步明确公开属性，坚持先审后发，全年未发生泄密和错发情况。",
        "（三）政府信息管理情况。建立信息发布“三审”制度，由科室初审、办公室复审、分管领导终审，对已公开文件开展清理，及时标注失效和废止信息。",
        "（三）政府信息管理情况。按照保密审查规定逐件把关拟公开信息，定期核查网站内容，对错误和过期信息及时更正撤下，保证发布信息准确权威。",
    ],
    "platform": [
        "（四）政府信息公开平台建设情况。持续优化门户网站政府信息公开专栏，规范栏目设置，组织开展业务培训{c}次，提升工作人员业务能力。",
        "（四）政府信息公开平台建设情况。完成网站集约化迁移和适老化改造，新增互动回应栏目，实现政务新媒体与网站信息同步推送。",
        "（四）政府信息公开平台建设情况。整合各业务系统公开数据，建成统一的信息发布后台，热线与网站留言实行一站式受理和限时办结。",
    ],
}
PROBLEMS = {
    "shortcomings": [
        "{y}年，我局政府信息公开工作取得一定成效，但仍存在不足：一是部分栏目更新不够及时；二是政策解读形式较为单一，图解和音视频运用不多。",
        "对照上级要求，本年度工作仍有差距，主要表现在：基层站所公开意识不够强，个别信息发布滞后；政策解读的深度和可读性有待提高。",
        "回顾全年，主要问题是公开内容与群众需求结合得不够紧密，公开平台的互动功能发挥不充分，业务人员流动较快，专业能力参差不齐。",
    ],
    "plans": [
        "下一步，我们将建立栏目巡查机制，确保信息及时准确；丰富政策解读形式，提高解读的针对性；规范依申请公开办理，严格审查答复文书。",
        "今后将重点做好三方面工作：一是健全公开目录动态调整机制；二是加强与新闻媒体合作，扩大政策传播面；三是开展常态化培训，提升队伍素质。",
        "改进措施：压实科室公开责任，将公开工作纳入绩效考核；推进重点领域信息公开标准化规范化建设；加强与申请人沟通，减少行政争议。",
    ],
}
OTHER = {
    "fee": [
        "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。",
        "本机关全年未向申请人发出收费通知，未收取任何信息处理费用。",
        "按照国务院办公厅有关规定，本年度我局没有对依申请公开收取费用。",
    ],
    "proposals": [
        "全年共承办人大代表建议{a}件、政协委员提案{b}件，均已按期办结并按规定公开办理结果。",
        "本年度办理代表建议和委员提案共计{a}件，答复满意率达到百分之百，办理复文已在网站公开{b}件。",
        "建议提案办理方面，全年承办各类建议提案{a}件，其中主办{b}件，办理结果均已公开。",
    ],
}
PARTS = [("overview", OVERVIEW), ("problems", PROBLEMS), ("other", OTHER)]
PART_KEYS = {"overview": "overview", "problems": "problems_and_improvements", "other": "other_matters"}
CHINESE = "〇一二三四五六七八九"


def fill(text, org, year, a, b, c):
    return text.format(org=org, y=year, a=a, b=b, c=CHINESE[c])


def carry_from(prev):
    """Year N+1's 二、上年结转 is year N's 四、结转下年度继续办理 (the 勾稽关系 kept)."""
    def fix(apps):
        for col in COLS:
            co = prev["carried_forward"][col]
            apps["carried_over"][col] = co
            nr = apps["total_processed"][col] + apps["carried_forward"][col] - co
            if nr < 0:
                apps["carried_forward"][col] -= nr
                nr = 0
            apps["new_received"][col] = nr
        for k in ("carried_over", "new_received", "carried_forward"):
            apps[k]["total"] = sum(apps[k][c] for c in COLS)
    return fix


def prose(org, year, choice, numbers):
    """choice: {part: [(topic, wording)]}; numbers: {(part, index): (a, b, c)}."""
    p = {"preface": [f"本报告由{org}根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]}
    for part, pool in PARTS:
        p[part] = [fill(pool[topic][w], org, year, *numbers.get((part, i), (100 + 7 * i + year % 10, 3 + i, 2)))
                   for i, (topic, w) in enumerate(choice[part])]
    return p


def report(name, org, year, template, seed, choice, numbers, prev=None, printer=None):
    spec = dict(name=name, seed=seed, template=template, year=year, org=org, scale=80)
    if prev is not None:
        spec["app_fixups"] = [carry_from(prev.raw["applications"])]
    if printer is not None:
        spec["printer"] = printer
    r = make_report(spec)
    apps = r.raw["applications"]
    # The sentence on requests states the table's own numbers (no prose.table_mismatch).
    numbers = dict(numbers)
    for i, (topic, _) in enumerate(choice["overview"]):
        if topic == "requests":
            numbers[("overview", i)] = (apps["new_received"]["total"], apps["carried_over"]["total"], 2)
    r.prose = prose(org, year, choice, numbers)
    return r


def tables(r):
    return {k: r.truth[k] for k in ("active_disclosure", "applications", "review_litigation")}


def write_pair(folder, old, new, reused):
    d = os.path.join(OUT, folder)
    os.makedirs(d, exist_ok=True)
    names = []
    for r in (old, new):
        name = f"{r.spec['name']}.html"
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(webpage.page(r, {"site_chrome": False}))
        # The same report as a PDF (reportlab; the extraction keeps its prose's line breaks).
        rl.render(r, {}, os.path.join(d, f"{r.spec['name']}.pdf"))
        names.append(name)
    truth = {"from": names[0], "to": names[1], "organization": old.org,
             "tables": {"from": tables(old), "to": tables(new)}, "reused": reused}
    with open(os.path.join(d, "pair.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    # planted: 2022 says wording 0 of every topic; 2023 repeats five of those paragraphs.
    org = "岚溪县文化和旅游局"
    old_choice = {"overview": [(t, 0) for t in OVERVIEW], "problems": [(t, 0) for t in PROBLEMS],
                  "other": [(t, 0) for t in OTHER]}
    old_numbers = {("overview", 1): (1234, 56, 2), ("overview", 4): (0, 0, 2),
                   ("other", 1): (12, 9, 0)}
    old = report("wenlv-2022", org, 2022, "2021", 3101, old_choice, old_numbers)
    # 2023: lead and requests in new words; active with its numbers changed; platform and
    # management swapped, platform's 二次 now 三次 (a Chinese numeral), management exact.
    new_choice = {
        "overview": [("lead", 1), ("active", 0), ("requests", 1), ("platform", 0), ("management", 0)],
        "problems": [("shortcomings", 0), ("plans", 1)],
        "other": [("fee", 0), ("proposals", 0)],
    }
    new_numbers = {("overview", 1): (1301, 61, 2), ("overview", 3): (0, 0, 3),
                   ("other", 1): (15, 11, 0)}
    new = report("wenlv-2023", org, 2023, "2021", 3102, new_choice, new_numbers, prev=old)
    write_pair("planted", old, new, [
        {"part": "overview", "to_paragraph": 2, "from_paragraph": 2, "how": "numbers changed"},
        {"part": "overview", "to_paragraph": 4, "from_paragraph": 5, "how": "numbers changed"},
        {"part": "overview", "to_paragraph": 5, "from_paragraph": 4, "how": "exact"},
        {"part": "problems_and_improvements", "to_paragraph": 1, "from_paragraph": 1, "how": "numbers changed"},
        {"part": "other_matters", "to_paragraph": 1, "from_paragraph": 1, "how": "exact"},
        {"part": "other_matters", "to_paragraph": 2, "from_paragraph": 2, "how": "numbers changed"},
    ])

    # none: the same topics, every one in a new wording.
    org = "岚溪县水利局"
    c1 = {"overview": [(t, 1) for t in OVERVIEW], "problems": [(t, 1) for t in PROBLEMS], "other": [(t, 1) for t in OTHER]}
    c2 = {"overview": [(t, 2) for t in OVERVIEW], "problems": [(t, 2) for t in PROBLEMS], "other": [(t, 2) for t in OTHER]}
    old = report("shuili-2023", org, 2023, "2021", 3201, c1, {})
    new = report("shuili-2024", org, 2024, "2021", 3202, c2, {}, prev=old)
    write_pair("none", old, new, [])

    # templates: 2019 format (zeros printed blank in the applications table) → 2021 format.
    org = "岚溪县审计局"
    c1 = {"overview": [(t, 2) for t in OVERVIEW], "problems": [("shortcomings", 1), ("plans", 2)], "other": [("fee", 2)]}
    c2 = {"overview": [(t, 0) for t in OVERVIEW], "problems": [("shortcomings", 2), ("plans", 2)], "other": [("fee", 1)]}
    old = report("shenji-2020", org, 2020, "2019", 3301, c1, {}, printer=Printer(zero=""))
    new = report("shenji-2021", org, 2021, "2021", 3302, c2, {}, prev=old)
    write_pair("templates", old, new, [
        {"part": "problems_and_improvements", "to_paragraph": 2, "from_paragraph": 2, "how": "exact"},
    ])


if __name__ == "__main__":
    main()

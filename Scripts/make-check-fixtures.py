#!/usr/bin/env python3
"""Writes the text reports of Tests/GovReportTests/Fixtures/checking/ (deterministic).

Each is the seed report Samples/smx-kjj-2024.txt with its tables' numbers, title and prose
replaced: one invented organization (岚溪县科学技术局) in 2023, 2024 and 2026.

- year-pair/lanxi-kjj-2023.txt and -2024.txt add up on their own, but 2023's
  四、结转下年度继续办理 (自然人 2, 总计 2) is not 2024's 二、上年结转 (自然人 1, 总计 1):
  the cross-report carry rule must fire for natural_person and total.
- lanxi-kjj-2026.txt adds up, but 2025 is missing from the run, its prose says 收到申请15件
  where the table's 一、本年新收 总计 is 14, and it states the 信息处理费 as 未收取 and as 200元.

Run from the package root: python3 Scripts/make-check-fixtures.py
"""
import re, sys
seed = open('Samples/smx-kjj-2024.txt', encoding='utf-8').read()
head, rest = seed.split('二、主动公开政府信息情况', 1)
tables, tail = rest.split('五、存在的主要问题及改进情况', 1)
tables = '二、主动公开政府信息情况' + tables
ROWS = ['一、本年新收', '二、上年结转', '(一) 予以公开', '(二) 部分公开', '1. 属于国家秘密', '2. 其他法律行政法规禁止公开',
        '3. 危及', '4. 保护第三方', '5. 属于三类', '6. 属于四类', '7. 属于行政执法', '8. 属于行政查询',
        '1. 本机关不掌握', '2. 没有现成信息', '3. 补正后', '1. 信访举报', '2. 重复申请', '3. 要求提供公开出版物',
        '4. 无正当理由', '5. 要求行政机关确认', '1. 申请人无正当理由', '2. 申请人逾期未按', '3. 其他', '(七) 总计', '四、结转下年度']
KEYS = ['new_received', 'carried_over', 'granted', 'partially_granted', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8',
        'unable_not_held', 'u2', 'u3', 'r1', 'rejected_duplicate', 'r3', 'r4', 'r5', 'o1', 'o2', 'other_misc', 'total_processed', 'carried_forward']

def make(org, year, apps, review, active, overview, other):
    out = []
    for line in tables.split('\n'):
        cells = line.split('\t')
        key = None
        for label, k in zip(ROWS, KEYS):
            if label in line:
                key = k; break
        if key is not None and sum(c.strip().isdigit() for c in cells) >= 7:
            six = apps.get(key, [0] * 6)
            vals = [str(v) for v in six + [sum(six)]]
            idx = [i for i, c in enumerate(cells) if c.strip().isdigit()][-7:]
            for i, v in zip(idx, vals): cells[i] = v
            line = '\t'.join(cells)
        elif len(cells) == 15 and all(c.strip().isdigit() for c in cells):
            line = '\t'.join(str(v) for g in review for v in g + [sum(g)])
        else:
            for label, v in active.items():
                if line.startswith(label + '\t'):
                    parts = line.split('\t'); n = len(v)
                    line = '\t'.join([parts[0]] + [str(x) for x in v] + parts[1 + n:])
        out.append(line)
    body = '\n'.join(out)
    title = f'{org} {year} 年政府信息公开工作年度报告'
    text = f'\n\n{title}\n\n一、总体情况\n\n' + overview + '\n\n' + body + '五、存在的主要问题及改进情况\n\n一是部分栏目更新不够及时。二是解读形式较为单一。\n\n六、其他需要报告的事项\n\n' + other + '\n'
    return text

org = '岚溪县科学技术局'
zero_review = [[0, 0, 0, 0]] * 3
y2023 = make(org, 2023, {
    'new_received': [10, 2, 0, 0, 0, 0], 'carried_over': [1, 0, 0, 0, 0, 0], 'granted': [6, 1, 0, 0, 0, 0],
    'partially_granted': [1, 0, 0, 0, 0, 0], 'unable_not_held': [2, 1, 0, 0, 0, 0],
    'total_processed': [9, 2, 0, 0, 0, 0], 'carried_forward': [2, 0, 0, 0, 0, 0]}, zero_review,
    {'行政许可': [35]},
    '（一）主动公开情况\n\n全年通过门户网站主动公开各类政府信息312条。\n\n（二）依申请公开情况\n\n全年共收到政府信息公开申请12件，上年结转1件，共办结11件，结转下年度继续办理2件。',
    '本年度未收取信息处理费。')
y2024 = make(org, 2024, {
    'new_received': [8, 0, 1, 0, 0, 0], 'carried_over': [1, 0, 0, 0, 0, 0], 'granted': [5, 0, 1, 0, 0, 0],
    'rejected_duplicate': [2, 0, 0, 0, 0, 0], 'other_misc': [1, 0, 0, 0, 0, 0],
    'total_processed': [8, 0, 1, 0, 0, 0], 'carried_forward': [1, 0, 0, 0, 0, 0]}, zero_review,
    {'行政许可': [41]},
    '（一）主动公开情况\n\n全年通过门户网站主动公开各类政府信息298条。\n\n（二）依申请公开情况\n\n全年共收到政府信息公开申请9件，上年结转1件，共办结9件，结转下年度继续办理1件。',
    '本年度未收取信息处理费。')
y2026 = make(org, 2026, {
    'new_received': [14, 0, 0, 0, 0, 0], 'granted': [14, 0, 0, 0, 0, 0], 'total_processed': [14, 0, 0, 0, 0, 0]},
    [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    {'行政许可': [38]},
    '（一）主动公开情况\n\n全年通过门户网站主动公开各类政府信息305条。\n\n（二）依申请公开情况\n\n全年共收到政府信息公开申请15件，均在法定期限内答复。全年因政府信息公开引发行政复议1件，未发生行政诉讼。本年度未收取信息处理费。',
    '本年度共发出收费通知1件，收取信息处理费200元。')
d = 'Tests/GovReportTests/Fixtures/checking/'
open(d + 'year-pair/lanxi-kjj-2023.txt', 'w', encoding='utf-8').write(y2023)
open(d + 'year-pair/lanxi-kjj-2024.txt', 'w', encoding='utf-8').write(y2024)
open(d + 'lanxi-kjj-2026.txt', 'w', encoding='utf-8').write(y2026)

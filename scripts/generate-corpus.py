#!/usr/bin/env python3
"""Generate internally consistent 单位预算 reports in the layout of the sample report.

    scripts/generate-corpus.py --count N --out DIR [--seed S] [--scale K]

writes DIR/<id>.txt (the report, TAB-separated cells as extracted from a PDF) and
DIR/<id>.truth.json (the true values: unit, fiscal year, amount unit, every amount of every
table as an exact decimal string, and the narrative figures).

Every identity the reconcile stage checks holds exactly (amounts are generated in whole 分 and
summed with decimal.Decimal, never float): 类 = Σ款 = Σ项 and 合计 = Σ类; 合计 = 基本支出 + 项目支出;
基本支出 = 人员经费 + 公用经费; the same totals in 表1, 表3, 表4, 表5-1, 表5-2, 表10, 表11 and the
narrative; 表6 301 + 303 = 人员经费 and 302 (+ other classes) = 公用经费; 表7's parts (= 表6 30212,
30231, 30217); the 项目支出明细测算 lines sum to the project; the narrative's shares and
year-on-year changes are rounded from the exact figures.

What varies from report to report (all from --seed; the same seed gives the same bytes): unit
and department names, fiscal year (2019–2026), number of 类/款/项 rows, economic codes and
projects, amount magnitudes (tens to tens of thousands of 万元), per table: thousands separators
on or off, trailing zeros kept or dropped, zero printed blank or as 0.00, page breaks (a form
feed, U+000C, at the start of the repeated header rows, or only a blank line) inside long
tables, letter-spaced labels (收 入 总 计, 合 计, 项 目), 表1/表4 listing all 24 expenditure
categories or only the used ones, names cut short in 表3, optional empty 表8/表9.

--scale K makes one report about K times larger: K times the function rows, economic codes
(up to the 99 items a class can hold), projects and cost lines.
"""

import argparse
import json
import os
import random
import sys
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal("100")

# ---------------------------------------------------------------------------------------------
# Vocabulary

CITIES = ["临江市", "江北区", "青山县", "南湖市", "西川市", "东港区", "北塘县", "云溪市", "石桥区",
          "白沙县", "长宁市", "金华区", "河西县", "松原市", "柳城区", "明水县"]
DEPARTMENTS = [
    ("商务局", ["会展服务中心", "商务信息中心", "外贸服务站"]),
    ("城市管理执法局", ["环境卫生服务站", "市政设施维护中心", "执法保障中心"]),
    ("人力资源和社会保障局", ["信息中心", "就业服务中心", "劳动保障监察支队"]),
    ("民政局", ["社会福利院", "救助管理站", "婚姻登记中心"]),
    ("自然资源和规划局", ["测绘院", "土地储备中心", "不动产登记中心"]),
    ("卫生健康委员会", ["疾病预防控制中心", "卫生监督所", "计划生育服务站"]),
    ("财政局", ["国库支付中心", "财政信息中心", "政府采购中心"]),
    ("司法局", ["公共法律服务中心", "法律援助中心", "社区矫正管理局"]),
    ("科学技术局", ["科技情报研究所", "生产力促进中心", "科普中心"]),
    ("统计局", ["普查中心", "社情民意调查中心", "统计信息中心"]),
]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何林罗高"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚"]

# The 24 expenditure categories of 表1/表4, with their 类 codes.
CATEGORIES = [
    ("201", "一般公共服务支出"), ("204", "公共安全支出"), ("205", "教育支出"), ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"),
    ("211", "节能环保支出"), ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
    ("219", "援助其他地区支出"), ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"), ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"), ("231", "债务还本支出"), ("232", "债务付息支出"), ("233", "债务发行费用支出"),
]
CATEGORY_NAME = dict(CATEGORIES)
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
            "十五", "十六", "十七", "十八", "十九", "二十", "廿一", "廿二", "廿三", "廿四"]

# Main-function blocks: (类, 款, 款 name, [(项, 项 name, role)]); role: run = 人员+公用, proj = 项目.
MAIN_BLOCKS = [
    ("201", "20103", "政府办公厅（室）及相关机构事务",
     [("2010301", "行政运行", "run"), ("2010399", "其他政府办公厅（室）及相关机构事务支出", "proj")]),
    ("201", "20106", "财政事务",
     [("2010601", "行政运行", "run"), ("2010607", "信息化建设", "proj")]),
    ("201", "20113", "商贸事务",
     [("2011350", "事业运行", "run"), ("2011399", "其他商贸事务支出", "proj")]),
    ("201", "20105", "统计信息事务", [("2010506", "统计管理", "run"), ("2010507", "专项普查活动", "proj")]),
    ("204", "20406", "司法",
     [("2040601", "行政运行", "run"), ("2040605", "普法宣传", "proj"), ("2040699", "其他司法支出", "proj")]),
    ("208", "20801", "人力资源和社会保障管理事务",
     [("2080150", "事业运行", "run"), ("2080199", "其他人力资源和社会保障管理事务支出", "proj")]),
    ("208", "20810", "社会福利", [("2081005", "社会福利事业单位", "run")]),
    ("210", "21007", "计划生育事务", [("2100717", "计划生育服务", "run")]),
    ("212", "21201", "城乡社区管理事务",
     [("2120101", "行政运行", "run"), ("2120104", "城管执法", "proj"),
      ("2120199", "其他城乡社区管理事务支出", "proj")]),
    ("212", "21205", "城乡社区环境卫生", [("2120501", "城乡社区环境卫生", "run")]),
    ("220", "22001", "自然资源事务",
     [("2200150", "事业运行", "run"), ("2200199", "其他自然资源事务支出", "proj")]),
    ("206", "20605", "科技条件与服务", [("2060503", "科技条件专项", "proj")]),
]
# Personnel-only blocks every unit has (pensions, medical insurance, housing).
PERSONNEL_BLOCKS = [
    ("208", "20805", "行政事业单位养老支出",
     [("2080505", "机关事业单位基本养老保险缴费支出", "pers"),
      ("2080506", "机关事业单位职业年金缴费支出", "pers"), ("2080502", "事业单位离退休", "pers")]),
    ("210", "21011", "行政事业单位医疗",
     [("2101102", "事业单位医疗", "pers"), ("2101199", "其他行政事业单位医疗支出", "pers")]),
    ("221", "22102", "住房改革支出",
     [("2210201", "住房公积金", "pers"), ("2210202", "提租补贴", "pers"), ("2210203", "购房补贴", "pers")]),
]
# Economic classes of 表6: 人员经费 = 301 + 303, 公用经费 = 302 (+ the extra classes at scale).
ECON = {
    "301": ("工资福利支出", [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
                         ("30106", "伙食补助费"), ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"),
                         ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"), ("30112", "其他社会保障缴费"),
                         ("30113", "住房公积金"), ("30199", "其他工资福利支出")]),
    "302": ("商品和服务支出", [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"), ("30206", "电费"),
                          ("30207", "邮电费"), ("30209", "物业管理费"), ("30211", "差旅费"),
                          ("30213", "维修（护）费"), ("30215", "会议费"), ("30216", "培训费"),
                          ("30226", "劳务费"), ("30228", "工会经费"), ("30229", "福利费"),
                          ("30239", "其他交通费用"), ("30299", "其他商品和服务支出")]),
    "303": ("对个人和家庭的补助", [("30301", "离休费"), ("30302", "退休费"), ("30305", "生活补助"),
                            ("30307", "医疗费补助"), ("30309", "奖励金"), ("30399", "其他对个人和家庭的补助")]),
}
EXTRA_PUBLIC_CLASSES = [("310", "资本性支出"), ("307", "债务利息及费用支出"), ("309", "资本性支出（基本建设）"),
                        ("312", "对企业补助"), ("399", "其他支出")]
ACTIVITIES = [
    ("网络线路租赁费", "信息中心与下属机构连通线路", "邮电费", "线路"), ("等级保护测评", "对信息系统进行网络安全等级保护测评", "维修(护)费", "次"),
    ("密码应用安全性评估", "对信息系统进行密码应用安全性评估", "维修(护)费", "次"), ("门户网站运维", "对门户网站进行功能维护", "维修(护)费", "项"),
    ("政策宣传", "业务及政策宣传", "印刷费", "期"), ("短信通讯费", "通过短信平台发送业务提醒", "邮电费", "万条"),
    ("合同人员经费", "保障聘用人员工作经费", "劳务费", "人"), ("机房电费", "机房设备用电", "电费", "月"),
    ("设备维护", "办公及业务设备维修维护", "维修(护)费", "台"), ("档案数字化", "历史档案扫描与著录", "委托业务费", "批次"),
    ("业务培训", "组织业务骨干培训", "培训费", "期"), ("专家咨询", "聘请专家开展论证评审", "咨询费", "次"),
    ("车辆租赁", "租用外勤保障车辆", "租赁费", "辆"), ("系统升级改造", "业务系统适配改造", "委托业务费", "套"),
]
PROJECT_NAMES = ["日常系统运行经费", "专项业务工作经费", "信息化建设运维经费", "重点工作保障经费", "设施维护运行经费",
                 "公共服务提升经费", "安全生产保障经费", "宣传培训经费", "数据治理专项经费", "应急保障经费"]


# ---------------------------------------------------------------------------------------------
# Exact amounts

def d(cents):
    """An exact amount from whole 分."""
    return (Decimal(cents) / HUNDRED).quantize(CENT)


def split(rng, total, n, allow_zero=False):
    """Split total (Decimal, whole 分) into n exact parts that sum to it; parts > 0 unless allow_zero."""
    cents = int((total * HUNDRED).to_integral_value())
    if n <= 0:
        return []
    if n == 1:
        return [total]
    weights = [rng.randint(1, 100) for _ in range(n)]
    if allow_zero:
        weights = [0 if rng.random() < 0.15 else w for w in weights]
        if sum(weights) == 0:
            weights[0] = 1
    minimum = 0 if allow_zero else 1
    if cents < n * minimum:
        raise ValueError("amount too small to split")
    spare = cents - n * minimum
    wsum = sum(weights)
    parts = [minimum + spare * w // wsum for w in weights]
    parts[max(range(n), key=lambda i: weights[i])] += cents - sum(parts)
    return [d(p) for p in parts]


def pct(part, whole):
    """part / whole as a percentage rounded half-up to 2 places (exact Decimal arithmetic)."""
    return (part * HUNDRED / whole).quantize(CENT, rounding=ROUND_HALF_UP)


def plain(x):
    """An amount as the narrative writes it: trailing zeros dropped (1024, 751.6, 0.2)."""
    s = format(x.quantize(CENT), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


class Fmt:
    """How one table prints its numbers."""

    def __init__(self, rng):
        self.sep = rng.random() < 0.5
        self.strip = rng.random() < 0.2
        self.zero_blank = rng.random() < 0.8

    def __call__(self, x, blank_ok=True):
        if x is None:
            return ""
        if x == 0 and (self.zero_blank and blank_ok):
            return ""
        s = format(x.quantize(CENT), "f")
        if self.strip and "." in s:
            stripped = s.rstrip("0").rstrip(".")
            # A whole amount of 3+ digits printed bare (380) reads like a classification code
            # (类 380) to budget-etl 0.4.1, which then shifts the row: keep its decimals.
            if not (stripped.isdigit() and len(stripped) >= 3):
                s = stripped
        if self.sep:
            whole, dot, frac = s.partition(".")
            neg = whole.startswith("-")
            whole = whole.lstrip("-")
            groups = []
            while len(whole) > 3:
                groups.insert(0, whole[-3:])
                whole = whole[:-3]
            groups.insert(0, whole)
            s = ("-" if neg else "") + ",".join(groups) + (dot + frac if dot else "")
        return s


# ---------------------------------------------------------------------------------------------
# The report model


class Report:
    def __init__(self, rid, rng, scale):
        self.id = rid
        self.rng = rng
        self.scale = scale
        city = rng.choice(CITIES)
        dept, subs = rng.choice(DEPARTMENTS)
        self.dept = city + dept
        self.unit = self.dept + rng.choice(subs)
        self.year = rng.randint(2019, 2026)
        self.prev = self.year - 1
        self.dept_code = str(rng.randint(101, 899))
        self.unit_code = self.dept_code + "%03d" % rng.randint(1, 999)
        self.magnitude = Decimal(10) ** rng.randint(1, 4)  # the order of a 项's amount, 万元
        self.truth_tables = []
        self.claims = []
        self.build_functions()
        self.build_economic()
        self.build_projects()

    # -- money ------------------------------------------------------------------------------
    def amount(self, lo=1, hi=100):
        """A random exact amount around the report's magnitude."""
        cents = int(self.magnitude * HUNDRED) * self.rng.randint(lo, hi) // 100
        cents += self.rng.randint(0, 99)
        return d(max(cents, 1))

    # -- function classification (表3, 表5-1) -----------------------------------------------
    def build_functions(self):
        rng = self.rng
        n_main = min(len(MAIN_BLOCKS), rng.randint(1, 2))
        blocks = rng.sample(MAIN_BLOCKS, n_main)
        if not any(r == "proj" for b in blocks for (_, _, r) in b[3]):
            blocks.append(next(b for b in MAIN_BLOCKS if b[0] == "206"))
        pers = [b for b in PERSONNEL_BLOCKS if rng.random() < 0.85] or [PERSONNEL_BLOCKS[0]]
        chosen = []
        for lei, kuan, kname, items in blocks + pers:
            keep = [it for it in items if it[2] != "pers" or rng.random() < 0.7] or [items[0]]
            chosen.append((lei, kuan, kname, keep))
        # --scale: more 款 with synthetic codes under the used and other 类 (K times the rows).
        extra = max(0, (self.scale - 1) * len(chosen))
        used_kuan = {c[1] for c in chosen}
        lei_pool = [c for c, _ in CATEGORIES[:21]]
        k = 0
        while extra > 0:
            lei = lei_pool[k % len(lei_pool)]
            sub = 60 + (k // len(lei_pool))
            kuan = lei + "%02d" % sub
            k += 1
            if kuan in used_kuan or sub > 98:
                if sub > 98:
                    break
                continue
            used_kuan.add(kuan)
            n_items = rng.randint(2, 4)
            items = [(kuan + "01", "行政运行", "run")]
            items += [(kuan + "%02d" % (10 + j), "专项业务%d" % (j + 1), "proj") for j in range(n_items - 2)]
            items.append((kuan + "99", "其他%s专项事务支出" % CATEGORY_NAME[lei][:-2], "proj"))
            chosen.append((lei, kuan, "%s专项事务%d" % (CATEGORY_NAME[lei][:-2], sub), items))
            extra -= 1
        # Group by 类, 款 in code order.
        tree = {}
        for lei, kuan, kname, items in chosen:
            tree.setdefault(lei, {}).setdefault(kuan, (kname, []))[1].extend(items)
        self.xiang = []  # [code, name, 人员, 公用, 项目]
        self.tree = []
        for lei in sorted(tree):
            kuans = []
            for kuan in sorted(tree[lei]):
                kname, items = tree[lei][kuan]
                rows = []
                for code, name, role in sorted(set(items)):
                    if role == "run":
                        p, g, j = self.amount(30, 100), self.amount(3, 20), ZERO
                    elif role == "pers":
                        p, g, j = self.amount(2, 30), ZERO, ZERO
                    else:
                        p, g, j = ZERO, ZERO, self.amount(10, 90)
                    rows.append([code, name, p, g, j])
                kuans.append((kuan, kname, rows))
                self.xiang.extend(rows)
            self.tree.append((lei, CATEGORY_NAME[lei], kuans))
        self.P = sum((r[2] for r in self.xiang), ZERO)   # 人员经费
        self.G = sum((r[3] for r in self.xiang), ZERO)   # 公用经费
        self.J = sum((r[4] for r in self.xiang), ZERO)   # 项目支出
        self.B = self.P + self.G                        # 基本支出
        self.T = self.B + self.J                        # 合计
        if self.G == 0 or self.J == 0:
            raise RuntimeError("a report needs 公用经费 and 项目支出")

    def sums(self, rows):
        cols = [sum((r[i] for r in rows), ZERO) for i in (2, 3, 4)]
        return cols  # 人员, 公用, 项目

    # -- economic classification (表6, 表7) -------------------------------------------------
    def build_economic(self):
        rng = self.rng
        # 三公: vehicles (30231), reception (30217), abroad (30212) come out of 公用经费.
        cap = self.G * Decimal("0.3")
        self.car = min(d(rng.randint(50, 5000)), (cap / 3).quantize(CENT)) if rng.random() < 0.8 else ZERO
        self.reception = min(d(rng.randint(10, 800)), (cap / 3).quantize(CENT))
        self.abroad = min(d(rng.randint(100, 3000)), (cap / 3).quantize(CENT)) if rng.random() < 0.2 else ZERO
        if self.reception <= 0:
            self.reception = CENT
        self.three = self.car + self.reception + self.abroad

        def pick(cls, lo, hi):
            items = ECON[cls][1]
            n = min(len(items), rng.randint(lo, hi))
            return sorted(rng.sample(items, n))

        k = self.scale
        p301 = pick("301", 5, 9)
        p303 = pick("303", 1, 3)
        p302 = pick("302", 6, 12)
        classes = []
        if k > 1:  # synthetic items: K times as many economic codes (at most 99 per class)
            def widen(cls, base, want):
                have = {c for c, _ in base}
                out = list(base)
                n = 50
                while len(out) < want and n < 99:
                    c = cls + "%02d" % n
                    if c not in have:
                        out.append((c, "%s其他项目%d" % (ECON[cls][0][:4], n)))
                    n += 1
                return sorted(out)
            p301 = widen("301", p301, len(p301) * k)
            p303 = widen("303", p303, len(p303) * k)
            p302 = widen("302", p302, len(p302) * k)
        # 人员经费 = 301 + 303
        a301, a303 = split(rng, self.P, 2)
        classes.append(("301", ECON["301"][0], "P", list(zip(p301, split(rng, a301, len(p301), True)))))
        # 公用经费 = 302 (+ extra classes at scale): 30212/30217/30231 hold the 三公 parts.
        fixed = [("30217", "公务接待费", self.reception)]
        if self.car:
            fixed.append(("30231", "公务用车运行维护费", self.car))
        if self.abroad:
            fixed.append(("30212", "因公出国（境）费用", self.abroad))
        fixed_codes = {c for c, _, _ in fixed}
        extra_cls = []
        if k > 1:
            for cls, name in EXTRA_PUBLIC_CLASSES[: min(len(EXTRA_PUBLIC_CLASSES), k // 4)]:
                items = [(cls + "%02d" % n, "%s项目%d" % (name[:4], n)) for n in range(1, min(99, 3 * k) + 1)]
                extra_cls.append((cls, name, items))
        rest = self.G - sum((a for _, _, a in fixed), ZERO)
        shares = split(rng, rest, 1 + len(extra_cls))
        free302 = [it for it in p302 if it[0] not in fixed_codes]
        items302 = list(zip(free302, split(rng, shares[0], len(free302), True)))
        items302 += [((c, n), a) for c, n, a in fixed]
        items302.sort(key=lambda t: t[0][0])
        classes.append(("302", ECON["302"][0], "G", items302))
        classes.append(("303", ECON["303"][0], "P", list(zip(p303, split(rng, a303, len(p303), True)))))
        for (cls, name, items), share in zip(extra_cls, shares[1:]):
            classes.append((cls, name, "G", list(zip(items, split(rng, share, len(items), True)))))
        classes.sort(key=lambda c: c[0])
        self.econ = classes
        self.a301, self.a303 = a301, a303

    # -- projects (表10, 表11, 表12) ---------------------------------------------------------
    def build_projects(self):
        rng = self.rng
        n = min(len(PROJECT_NAMES), rng.randint(1, 3)) * self.scale
        names = []
        for i in range(n):
            base = PROJECT_NAMES[(i + rng.randint(0, 9)) % len(PROJECT_NAMES)]
            names.append(base if base not in names else "%s（%d）" % (base, i + 1))
            while names.count(names[-1]) > 1:
                names[-1] += "补"
        amounts = split(rng, self.J, n)
        region = "%06d" % rng.randint(110000, 659999)
        self.project_category = (region + self.dept_code + "%012d" % rng.randint(1, 10**9), rng.choice(
            ["社会保障工作", "城市管理工作", "综合业务工作", "专项业务工作", "信息化工作"]))
        self.projects = []
        for i, (name, a) in enumerate(zip(names, amounts)):
            code = region + self.dept_code + "%02dT%09d" % (rng.randint(0, 99), rng.randint(1, 10**8) + i)
            prev = (a * Decimal(rng.randint(70, 130)) / HUNDRED).quantize(CENT)
            self.projects.append({"code": code, "name": name, "amount": a, "prev": max(prev, CENT)})
        # The first project's detailed cost lines (项目支出明细测算) and purchases.
        p = self.projects[0]
        n_act = min(len(ACTIVITIES), rng.randint(3, 8)) if self.scale == 1 else min(len(ACTIVITIES) * 8, 5 * self.scale)
        acts = []
        for i in range(n_act):
            name, what, econ, per = ACTIVITIES[i % len(ACTIVITIES)]
            if i >= len(ACTIVITIES):
                name = "%s（第%d批）" % (name, i // len(ACTIVITIES) + 1)
            acts.append([name, what, econ, per])
        for act, a in zip(acts, split(rng, p["amount"], n_act)):
            act.append(a)
        self.activities = acts

    # -- previous years ---------------------------------------------------------------------
    def prev_of(self, x):
        if x == 0:
            return ZERO
        f = Decimal(self.rng.randint(80, 125)) / HUNDRED
        v = (x * f).quantize(CENT)
        return v if v > 0 else CENT


# ---------------------------------------------------------------------------------------------
# Printing


class Writer:
    def __init__(self, rep):
        self.rep = rep
        self.rng = rep.rng
        self.lines = []

    def out(self, *lines):
        self.lines.extend(lines)

    def para(self, text):
        self.out(text, "")

    def row(self, cells):
        self.out("\t".join(cells))

    def caption(self, cap, title, unit_line=True):
        r = self.rep
        self.out(cap, "", title, "")
        if unit_line:
            self.out("单位：" + r.unit, "")
        self.out("单位：万元", "")

    def page_break(self, header_rows):
        """A page break inside a table: the header rows repeated, after a form feed or a blank line."""
        if self.rng.random() < 0.75:
            self.out("\f" + "\t".join(header_rows[0]))
        else:
            self.out("", "\t".join(header_rows[0]))
        for h in header_rows[1:]:
            self.row(h)


def spaced(label, on):
    return " ".join(label) if on else label


def build(rep):
    rng = rep.rng
    w = Writer(rep)
    y, py, unit = rep.year, rep.prev, rep.unit
    truth = []

    def add_truth(tid, title, rows):
        truth.append({"id": tid, "title": title, "rows": rows})

    def end_table(tid, title, rows):
        """A table's closing blank line, then its truth: how every table but the forms ends."""
        w.out("")
        add_truth(tid, title, rows)

    def header(rows):
        for h in rows:
            w.row(h)

    def trow(section, code, item, cells):
        """cells: [(column, exact value, printed text)]"""
        return {"section": section, "code": code, "item": item,
                "amounts": {c: str(v) for c, v, s in cells if s != ""},
                "blank": [c for c, v, s in cells if s == ""]}

    include_89 = rng.random() < 0.6
    all_categories = rng.random() < 0.5
    tables = [("1", "收支总表"), ("3", "支出总表"), ("4", "财政拨款收支总表"),
              ("5-1", "一般公共预算支出表(分功能科目)"), ("5-2", "一般公共预算支出表(分单位)"),
              ("6", "一般公共预算基本支出表"), ("7", "一般公共预算“三公”经费支出表")]
    if include_89:
        tables += [("8", "政府性基金预算支出表"), ("9", "国有资本经营预算支出表")]
    tables += [("10", "项目支出表"), ("11", "整体支出绩效目标表"), ("12", "项目支出绩效目标表")]

    # -- title, contents, 概况 ---------------------------------------------------------------
    sections3 = ["一、收支预算总体安排情况", "二、收入预算安排情况", "三、支出预算安排情况", "四、财政拨款收支预算总体情况",
                 "五、一般公共预算支出安排情况", "六、一般公共预算基本支出安排情况", "七、一般公共预算“三公”经费支出安排情况",
                 "八、项目支出安排情况", "九、其他重要事项的情况说明"]
    w.out("", "", "%s %d 年单位预算" % (unit, y), "", "目 录", "")
    w.out("第一部分 %s概况" % unit, "", "- 一、主要职责", "- 二、单位构成", "")
    w.out("第二部分 %s %d 年单位预算表" % (unit, y), "")
    w.out("第三部分 %s %d 年单位预算情况说明" % (unit, y), "")
    for s in sections3:
        w.out("- " + s)
    w.out("", "第四部分 名词解释", "")
    duties = ("%s主要承担%s业务的组织实施和服务保障；承担相关信息系统建设、运行维护和安全保障；"
              "承担业务数据的统计分析和信息发布；承担与上级部门及相关单位的工作衔接；承担上级交办的其他工作。" % (unit, rep.dept))
    n_offices = rng.randint(3, 9)
    w.out("第一部分 %s概况" % unit, "", "一、主要职责", "", duties, "", "二、单位构成", "",
          "%s内设机构 %d 个，包括：办公室、财务科、业务一科、业务二科、信息科。" % (unit, n_offices), "")
    w.out("第二部分 %s" % unit, "", "%d 年单位预算表" % y, "")
    for tid, title in tables:
        w.out("表 %s. %s" % (tid, title), "")

    # -- 表1 收支总表 (paired) -----------------------------------------------------------------
    lei_amount = {lei: sum((x[2] + x[3] + x[4] for _, _, rows in kuans for x in rows), ZERO)
                  for lei, _, kuans in rep.tree}
    used = [(c, n) for c, n in CATEGORIES if c in lei_amount]
    f = Fmt(rng)
    w.caption("表1", "收支总表")
    sp = rng.random() < 0.7
    head1 = [[spaced("收入", sp), "", spaced("支出", sp), ""], [spaced("项目", sp), "预算数", spaced("项目", sp), "预算数"]]
    header(head1)
    income = ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入", "事业收入",
              "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]
    cats = CATEGORIES if all_categories else used
    left = [(income[0], rep.T)] + [(x, ZERO) for x in income[1:]]
    right = [(n, lei_amount.get(c, ZERO)) for c, n in cats]
    t1 = []
    n = max(len(left), len(right))
    brk = rng.randint(12, 16) if n > 16 else None
    for i in range(n):
        if brk is not None and i == brk:
            w.page_break(head1)
        cells = []
        if i < len(left):
            cells += ["%s、%s" % (ORDINALS[i], left[i][0]), f(left[i][1])]
            t1.append(trow("收入", "", left[i][0], [("收入 / 预算数", left[i][1], cells[-1])]))
        else:
            cells += ["", ""]
        if i < len(right):
            cells += ["%s、%s" % (ORDINALS[i], right[i][0]), f(right[i][1])]
            t1.append(trow("支出", "", right[i][0], [("支出 / 预算数", right[i][1], cells[-1])]))
        w.row(cells)
    for l, lv, r, rv in [("本年收入合计", rep.T, "本年支出合计", rep.T), ("上年结转结余", ZERO, "年终结转结余", ZERO)]:
        w.row([l, f(lv), r, f(rv)])
        t1.append(trow("收入", "", l, [("收入 / 预算数", lv, f(lv))]))
        t1.append(trow("支出", "", r, [("支出 / 预算数", rv, f(rv))]))
    w.row([spaced("收入总计", sp), f(rep.T), spaced("支出总计", sp), f(rep.T)])
    t1.append(trow("收入", "", "收入总计", [("收入 / 预算数", rep.T, f(rep.T))]))
    t1.append(trow("支出", "", "支出总计", [("支出 / 预算数", rep.T, f(rep.T))]))
    w.out("", "备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入，下同。", "")
    add_truth("1", "收支总表", t1)

    # -- 表3 支出总表 ---------------------------------------------------------------------------
    def function_rows(cut):
        """(code, name, 人员, 公用, 项目) for 合计, 类, 款, 项 in print order."""
        rows = [("", "合计", rep.P, rep.G, rep.J)]
        for lei, lname, kuans in rep.tree:
            ls = rep.sums([x for _, _, xs in kuans for x in xs])
            rows.append((lei, lname, *ls))
            for kuan, kname, xs in kuans:
                rows.append((kuan, kname, *rep.sums(xs)))
                for x in xs:
                    rows.append((x[0], x[1], x[2], x[3], x[4]))
        if cut:
            rows = [(c, n[:11] if c and len(n) > 11 else n, p, g, j) for c, n, p, g, j in rows]
        return rows

    def body_breaks(count):
        every = rng.randint(30, 45)
        return set(range(every, count, every))

    f = Fmt(rng)
    w.caption("表3", "支出总表")
    wide = rng.random() < 0.5
    h3 = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"] + (["事业单位经营支出", "上缴上级支出", "对附属单位补助支出"] if wide else [])
    w.row(h3)
    total_sp = rng.random() < 0.5
    rows3 = function_rows(cut=rng.random() < 0.5)
    breaks = body_breaks(len(rows3))
    t3 = []
    for i, (code, name, p, g, j) in enumerate(rows3):
        if i in breaks:
            w.page_break([h3])
        label = spaced(name, total_sp) if not code else name
        cells = [("合计", p + g + j, f(p + g + j, False)), ("基本支出", p + g, f(p + g)), ("项目支出", j, f(j))]
        w.row([code, label] + [s for _, _, s in cells] + ([""] * 3 if wide else []))
        t3.append(trow("", code, name if code else "合计", cells))
    end_table("3", "支出总表", t3)

    # -- 表4 财政拨款收支总表 (paired) ------------------------------------------------------------
    f = Fmt(rng)
    w.caption("表4", "财政拨款收支总表")
    sp = rng.random() < 0.5
    head4 = [[spaced("收入", sp), "", spaced("支出", sp), ""], ["项目", "预算数", "项目", "预算数"]]
    header(head4)

    def sub(i, half):
        return "(%s) " % ORDINALS[i] if half else "（%s）" % ORDINALS[i]

    left = [("一、本年收入", "本年收入", rep.T), ("（一）一般公共预算拨款", "一般公共预算拨款", rep.T),
            ("（二）政府性基金预算拨款", "政府性基金预算拨款", ZERO), ("（三）国有资本经营预算拨款", "国有资本经营预算拨款", ZERO),
            ("二、上年结转", "上年结转", ZERO), ("（一）一般公共预算拨款", "一般公共预算拨款", ZERO),
            ("（二）政府性基金预算拨款", "政府性基金预算拨款", ZERO), ("（三）国有资本经营预算拨款", "国有资本经营预算拨款", ZERO)]
    cats = CATEGORIES if all_categories else used
    right = [("一、本年支出", "本年支出", rep.T)]
    brk = rng.randint(12, 17) if len(cats) > 16 else None
    half_after = brk if brk is not None else (len(cats) + 1 if rng.random() < 0.5 else rng.randint(1, len(cats)))
    for i, (c, nme) in enumerate(cats):
        right.append((sub(i, i + 1 >= half_after) + nme, nme, lei_amount.get(c, ZERO)))
    right.append(("二、年终结转结余", "年终结转结余", ZERO))
    t4 = []
    n = max(len(left), len(right))
    for i in range(n):
        if brk is not None and i == brk:
            w.page_break(head4)
        cells = []
        for side, entries in (("收入", left), ("支出", right)):
            if i < len(entries):
                lbl, item, v = entries[i]
                cells += [lbl, f(v)]
                t4.append(trow(side, "", item, [(side + " / 预算数", v, cells[-1])]))
            else:
                cells += ["", ""]
        w.row(cells)
    w.row([spaced("收入总计", True), f(rep.T), spaced("支出总计", True), f(rep.T)])
    t4.append(trow("收入", "", "收入总计", [("收入 / 预算数", rep.T, f(rep.T))]))
    t4.append(trow("支出", "", "支出总计", [("支出 / 预算数", rep.T, f(rep.T))]))
    end_table("4", "财政拨款收支总表", t4)

    # -- 表5-1 and 表5-2 --------------------------------------------------------------------------
    def five_cells(p, g, j, f):
        return [("合计", p + g + j, f(p + g + j, False)), ("基本支出 / 小计", p + g, f(p + g)),
                ("基本支出 / 人员经费", p, f(p)), ("基本支出 / 公用经费", g, f(g)), ("项目支出", j, f(j))]

    h5 = [["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"], ["", "", "", "小计", "人员经费", "公用经费", ""]]
    f = Fmt(rng)
    w.caption("表5-1", "一般公共预算支出表(分功能科目)")
    header(h5)
    rows5 = function_rows(cut=False)
    breaks = body_breaks(len(rows5))
    t5 = []
    for i, (code, name, p, g, j) in enumerate(rows5):
        if i in breaks:
            w.page_break(h5)
        cells = five_cells(p, g, j, f)
        w.row([code, name] + [s for _, _, s in cells])
        t5.append(trow("", code, name if code else "合计", cells))
    end_table("5-1", "一般公共预算支出表(分功能科目)", t5)

    f = Fmt(rng)
    w.out("附表-5-2" if rng.random() < 0.5 else "表5-2", "", "一般公共预算支出表(分单位)", "", "单位：万元", "")
    h52 = [["单位编码", "单位名称", "合计", "基本支出", "", "", "项目支出"], h5[1]]
    header(h52)
    t52 = []
    for code, name in [("", "合计"), (rep.dept_code, rep.dept), (rep.unit_code, rep.unit)]:
        cells = five_cells(rep.P, rep.G, rep.J, f)
        w.row([code, name] + [s for _, _, s in cells])
        t52.append(trow("", code, name, cells))
    end_table("5-2", "一般公共预算支出表(分单位)", t52)

    # -- 表6 一般公共预算基本支出表 -------------------------------------------------------------
    f = Fmt(rng)
    w.caption("表6", "一般公共预算基本支出表")
    h6 = [["部门预算支出经济分类科目", "", "本年一般公共预算基本支出", "", ""], ["科目编码", "科目名称", "合计", "人员经费", "公用经费"]]
    header(h6)
    col6 = "本年一般公共预算基本支出 / "
    rows6 = [("", spaced("合计", rng.random() < 0.5), "合计", rep.P, rep.G)]
    for cls, name, kind, items in rep.econ:
        tot = sum((a for _, a in items), ZERO)
        rows6.append((cls, name, name, tot if kind == "P" else ZERO, tot if kind == "G" else ZERO))
        for (code, iname), a in items:
            rows6.append((code, iname, iname, a if kind == "P" else ZERO, a if kind == "G" else ZERO))
    t6 = []
    first = rng.randint(12, 16)
    breaks = {first} | set(range(first + 40, len(rows6), 40))
    for i, (code, label, item, p, g) in enumerate(rows6):
        if i in breaks and i < len(rows6):
            w.page_break(h6)
        cells = [(col6 + "合计", p + g, f(p + g)), (col6 + "人员经费", p, f(p)), (col6 + "公用经费", g, f(g))]
        w.row([code, label] + [s for _, _, s in cells])
        t6.append(trow("", code, item, cells))
    end_table("6", "一般公共预算基本支出表", t6)

    # -- 表7 “三公” -------------------------------------------------------------------------------
    f = Fmt(rng)
    w.caption("表7", "一般公共预算“三公”经费支出表")
    w.row(["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"])
    w.row(["", "", "小计", "公务用车购置费", "公务用车运行费", ""])
    cells = [("“三公”经费合计", rep.three, f(rep.three, False)), ("因公出国（境）费", rep.abroad, f(rep.abroad)),
             ("公务用车购置及运行费 / 小计", rep.car, f(rep.car)), ("公务用车购置及运行费 / 公务用车购置费", ZERO, f(ZERO)),
             ("公务用车购置及运行费 / 公务用车运行费", rep.car, f(rep.car)), ("公务接待费", rep.reception, f(rep.reception))]
    w.row([s for _, _, s in cells])
    end_table("7", "一般公共预算“三公”经费支出表", [trow("", "", "", cells)])

    # -- 表8, 表9 (empty, with a note) -------------------------------------------------------
    if include_89:
        for tid, title, what in [("8", "政府性基金预算支出表", "政府性基金"), ("9", "国有资本经营预算支出表", "国有资本经营")]:
            w.caption("表" + tid, title)
            w.row(["科目编码", "科目名称", "本年%s预算支出" % what, "", ""])
            w.row(["", "", "合计", "基本支出", "项目支出"])
            w.out("", "说明：%d年没有使用%s预算拨款安排的支出。" % (y, what), "")
            add_truth(tid, title, [])

    # -- 表10 项目支出表 ---------------------------------------------------------------------------
    f = Fmt(rng)
    w.caption("表10", "项目支出表", unit_line=False)
    w.out  # the sample prints an empty 单位： line before 单位：万元; keep it simple
    w.row(["项目编码", "项目名称", "项目单位", "合计", "本年拨款", "", "", "财政拨款结转结余", "", "", "财政专户管理资金", "单位资金"])
    w.row(["", "", "", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "一般公共预算", "政府性基金预算", "国有资本经营预算", "", ""])
    t10 = []

    def prow(code, name, unit_name, a):
        cells = [("合计", a, f(a, False)), ("本年拨款 / 一般公共预算", a, f(a, False))]
        w.row([code, name, unit_name] + [s for _, _, s in cells] + [""] * 7)
        t10.append(trow("", code, name, cells))

    prow("", "", "", rep.J)
    prow(rep.dept_code, rep.dept + "本级", "", rep.J)
    prow(rep.project_category[0], rep.project_category[1], "", rep.J)
    for p in rep.projects:
        prow(p["code"], p["name"], unit, p["amount"])
    end_table("10", "项目支出表", t10)

    # -- 表11 整体支出绩效目标表 (form) ---------------------------------------------------------------
    T1, P1, G1, J1 = rep.prev_of(rep.T), None, None, None
    P1 = rep.prev_of(rep.P)
    G1 = rep.prev_of(rep.G)
    J1 = T1 - P1 - G1
    if J1 <= 0:
        J1 = rep.prev_of(rep.J)
        T1 = P1 + G1 + J1
    P2, G2, J2 = rep.prev_of(P1), rep.prev_of(G1), rep.prev_of(J1)
    T2 = P2 + G2 + J2
    rep.T1 = T1
    plain2 = lambda x: format(x, "f")
    w.out("表11", "", "整体支出绩效目标表", "", "单位：万元", "")
    contact = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    phone = "0%d-%08d" % (rng.randint(10, 99), rng.randint(10**7, 10**8 - 1))
    w.row(["单位名称", unit, "", "", "", "", ""])
    w.row(["填报人", contact, "联系电话", phone, "", "", ""])
    w.row(["单位总体资金情况", "总体资金情况", "", "当年金额", "占比", "近两年收支金额", ""])
    w.row(["", "", "", "", "", "%d 年" % py, "%d 年" % (py - 1)])
    c_now, c_share, c_p1, c_p2 = "当年金额", "占比", "近两年收支金额 / %d年" % py, "近两年收支金额 / %d年" % (py - 1)
    t11 = []

    def frow(prefix, label, item, now, share, a1, a2):
        w.row(prefix + [label, plain2(now), share + "%", plain2(a1), plain2(a2)])
        t11.append(trow("", "", item, [(c_now, now, "x"), (c_share, Decimal(share), "x"), (c_p1, a1, "x"), (c_p2, a2, "x")]))

    frow(["", "收入构成"], "财政拨款", "财政拨款", rep.T, "100", T1, T2)
    w.row(["", "", "财政专户管理资金", "", "", "", ""])
    w.row(["", "", "单位资金", "", "", "", ""])
    frow([""], "合 计", "合计", rep.T, "100", T1, T2)
    w.out(w.lines.pop().replace("合 计\t", "合 计\t\t", 1))
    frow(["", "支出构成"], "人员类项目支出", "人员类项目支出", rep.P, str(pct(rep.P, rep.T)), P1, P2)
    frow(["", ""], "运转类项目支出", "运转类项目支出", rep.G, str(pct(rep.G, rep.T)), G1, G2)
    frow(["", ""], "特定目标类项目支出", "特定目标类项目支出", rep.J, str(pct(rep.J, rep.T)), J1, J2)
    frow([""], "合 计", "合计", rep.T, "100", T1, T2)
    w.out(w.lines.pop().replace("合 计\t", "合 计\t\t", 1))
    add_truth("11.1", "整体支出绩效目标表", t11)
    w.row(["单位职能概述", duties, "", "", "", ""])
    w.row(["年度工作任务", "1、保障%s各项业务正常运转。 2、做好%s相关服务保障工作。" % (unit, rep.dept), "", "", "", ""])
    w.row(["项目支出情况", "项目名称", "支出项目类别", "项目总预算", "项目本年度预算", "项目主要支出方向和用途", ""])
    t112 = []
    for p in rep.projects:
        w.row(["", p["name"], "本级支出项目", plain2(p["amount"]), plain2(p["amount"]), "保障%s顺利实施" % p["name"], ""])
        t112.append(trow("", "", p["name"], [("项目总预算", p["amount"], "x"), ("项目本年度预算", p["amount"], "x")]))
    add_truth("11.2", "整体支出绩效目标表", t112)
    w.row(["整体绩效总目标", "长期目标(截止%d 年)" % (y + 2), "", "年度目标", "", "", ""])
    w.row(["", "目标1：保障各项业务稳定运行。 目标2：提升服务质量。", "", "目标1：按时完成年度工作任务。 目标2：服务对象满意度不低于95%。", "", "", ""])
    w.row(["长期绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据", ""])
    w.row(["", "产出指标", "数量指标", "服务对象人次", "%d余万人" % rng.randint(2, 900), "计划标准", ""])
    w.row(["", "", "时效指标", "业务办理时效", "即办即结", "计划标准", ""])
    w.row(["效益指标", "社会效益指标", "服务对象满意度", "≥95%", "计划标准", "", ""])
    w.out("")

    # -- 表12 项目支出绩效目标表 (form, first project) -----------------------------------------------
    p0 = rep.projects[0]
    w.out("项目支出绩效目标表", "", "单位：万元", "")
    w.row(["项目名称", p0["name"], "项目编码", ""])
    w.row(["项目主管部门", rep.dept, "项目执行单位", unit])
    w.row(["项目负责人", rng.choice(SURNAMES) + rng.choice(GIVEN), "联系电话", phone])
    w.row(["项目属性", "持续性项目", "", ""])
    w.row(["支出项目类别", "特定目标类项目", "", ""])
    w.row(["起始年度", str(y), "终止年度", ""])
    reasons = " ".join("<p>%d. 根据%s工作安排和相关文件要求，%s需保障%s所需经费，确保各项工作按期完成。</p>" % (
        i + 1, rep.dept, unit, act[0]) for i, act in enumerate(rep.activities))
    w.row(["项目申请理由", reasons, "", ""])
    w.row(["项目主要内容", "<p>1、%s。</p> <p>2、按合同约定分期支付。</p>" % "；".join(a[1] for a in rep.activities[:5]), "", ""])
    w.row(["项目总预算", plain2(p0["amount"]), "项目当年预算", plain2(p0["amount"])])
    w.out("")
    # The form's numeric fields are facts of table 12 (item the label, column 值).
    add_truth("12", "项目支出绩效目标表", [trow("", "", "项目总预算", [("值", p0["amount"], "x")]),
                                          trow("", "", "项目当年预算", [("值", p0["amount"], "x")])])
    w.row(["项目前两年预算及当年预算变动情况", "", "%d年预算安排%s万元，%d年预算安排%s万元。" % (
        py, plain(p0["prev"]), y, plain(p0["amount"])), "", ""])
    w.row(["项目资金来源", "", "来源项目", "", "金额", ""])
    w.row(["", "", "合计", "", plain2(p0["amount"]), ""])
    w.row(["", "", "一般公共预算财政拨款", "", plain2(p0["amount"]), ""])
    for src in ["其中：申请当年预算拨款", "政府性基金预算财政拨款", "财政专户管理资金", "单位资金", "其中：使用上年度财政拨款结转"]:
        w.row(["", "", src, "", "", ""])
    add_truth("12.1", "项目支出绩效目标表", [
        trow("", "", "合计", [("金额", p0["amount"], "x")]),
        trow("", "", "一般公共预算财政拨款", [("金额", p0["amount"], "x")])])
    w.row(["项目支出明细测算", "", "", "", "", ""])
    w.row(["项目活动", "活动内容", "支出经济", "金额", "测算依据及说明", "备注"])
    w.row(["", "表述", "分类", "", "", ""])
    t122, t123 = [], []
    for name, what, econ, per, a in rep.activities:
        qty = rng.randint(2, 12)
        # 万条 and 月 after a multiplication sign are counts (5.13万元*6万条: 6 lots priced per 万条).
        if (a * HUNDRED) % qty == 0 and rng.random() < 0.6:
            basis = "按照%s万元*%d%s=%s万元核定。" % (plain(a / qty), qty, per, plain(a))
        else:
            basis = "根据%s及市场价格测算。" % ("合同约定" if rng.random() < 0.5 else "历年实际支出")
            # Messages counted in 万条 at 0.05 元 each, listed by sender, one of them approximate
            # (derived from the amount: the random stream, and so every other figure, is unchanged).
            lots = a * 20
            if per == "万条" and lots == lots.to_integral_value() and lots >= 2:
                first = max(1, int(lots) * 2 // 3)
                basis = "业务部门发送短信%d万条、其他部门约%d万条，每条0.05元。" % (first, int(lots) - first)
        w.row([name, what, econ, plain(a), basis, ""])
        t122.append(trow("", "", name, [("金额", a, "x")]))
    add_truth("12.2", "项目支出绩效目标表", t122)
    w.out("")
    w.row(["项目采购", "", "", "", "", ""])
    w.row(["品名", "数量", "金额", "", "", ""])
    bought = [a for a in rep.activities if a[2] == "维修(护)费"] or rep.activities[:1]
    for name, what, econ, per, a in bought:
        w.row([name, "1", plain(a), "", "", ""])
        t123.append(trow("", "", name, [("数量", Decimal(1), "x"), ("金额", a, "x")]))
    add_truth("12.3", "项目支出绩效目标表", t123)
    w.row(["项目绩效总目标", "", "", "", "", ""])
    w.row(["名称", "目标说明", "", "", "", ""])
    w.row(["项目绩效总目标", "1. 按期完成%s。 2. 提高服务保障水平。" % p0["name"], "", "", "", ""])
    w.row(["长期绩效目标表", "", "", "", "", ""])
    w.row(["目标名称", "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"])
    w.row(["长期目标", "产出指标", "数量指标", "完成任务数", "%d项" % len(rep.activities), "计划标准"])
    w.row(["", "", "时效指标", "完成时间", "年底前", "计划标准"])
    w.out("")

    # -- 第三部分 情况说明 ---------------------------------------------------------------------------
    claims = []

    def claim(kind, subject, value, **kw):
        c = {"kind": kind, "subject": subject, "value": str(value)}
        c.update({k: str(v) for k, v in kw.items()})
        claims.append(c)

    def change(cur, prev, against="预算"):
        diff = cur - prev
        if diff == 0:
            return "比 %d 年%s无增减变化" % (py, against), None
        word, trend = ("增加", "增长") if diff > 0 else ("减少", "下降")
        p = pct(abs(diff), prev)
        return "比 %d 年%s%s %s 万元，%s %s%%" % (py, against, word, plain(abs(diff)), trend, plain(p)), (diff, p)

    nf = plain if rng.random() < 0.5 else (lambda x: format(x, "f"))
    w.out("第三部分 %s %d 年单位预算情况说明" % (unit, y), "")
    w.out(sections3[0], "")
    w.para("按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。" % unit)
    w.para("收入包括：一般公共预算财政拨款收入。支出包括：%s。" % "、".join(n for _, n in used))
    text, ch = change(rep.T, T1)
    w.para("%d 年收支总预算 %s 万元。%s，主要是业务工作量变化。" % (y, nf(rep.T), text))
    claim("total", "收支总预算", rep.T, previous=T1)
    w.out(sections3[1], "")
    w.para("%d 年收入预算 %s 万元，其中：一般公共预算财政拨款收入 %s 万元，占 100%%。" % (y, nf(rep.T), nf(rep.T)))
    claim("total", "收入预算", rep.T)
    w.out(sections3[2], "")
    sb, sj = pct(rep.B, rep.T), pct(rep.J, rep.T)
    w.para("%d 年支出预算 %s 万元，其中：基本支出 %s 万元，占 %s%%；项目支出 %s 万元，占 %s%%。" % (
        y, nf(rep.T), nf(rep.B), sb, nf(rep.J), sj))
    claim("share", "基本支出", rep.B, share=sb)
    claim("share", "项目支出", rep.J, share=sj)
    w.out(sections3[3], "")
    w.para("%d 年财政拨款收支总预算 %s 万元。收入包括：一般公共预算财政拨款本年收入 %s 万元。支出包括：%s。" % (
        y, nf(rep.T), nf(rep.T), "、".join("%s %s 万元" % (n, plain(lei_amount[c])) for c, n in used)))
    w.out(sections3[4], "")
    w.out("(一) 一般公共预算拨款规模变化情况。", "")
    w.para("%d 年一般公共预算拨款 %s 万元。其中：本年预算 %s 万元，%s。" % (y, nf(rep.T), nf(rep.T), text))
    w.out("(二) 一般公共预算拨款结构情况。", "")
    w.para("基本支出 %s 万元，占 %s%%，其中：人员经费 %s 万元、公用经费 %s 万元；项目支出 %s 万元，占 %s%%。" % (
        nf(rep.B), sb, nf(rep.P), nf(rep.G), nf(rep.J), sj))
    w.out("(三) 一般公共预算拨款具体使用情况。", "")
    k = 0
    glossary = []
    for lei, lname, kuans in rep.tree:
        for kuan, kname, xs in kuans:
            for x in xs:
                a = x[2] + x[3] + x[4]
                if a == 0:
                    continue
                k += 1
                prev = rep.prev_of(a)
                t, _ = change(a, prev)
                w.para("%d. %s(类)%s(款)%s(项)%d 年预算数 %s 万元，%s。" % (k, lname, kname, x[1], y, plain(a), t))
                claim("item", x[0], a, previous=prev)
                glossary.append("%d. %s(类)%s(款)%s(项): 反映%s在%s方面的支出。" % (k, lname, kname, x[1], unit, x[1]))
    w.out(sections3[5], "")
    w.para("%d年一般公共预算基本支出%s万元，其中：" % (y, plain(rep.B)))
    w.para("(一)人员经费%s万元，包括：" % plain(rep.P))
    w.para("工资福利支出%s万元，主要用于：%s。" % (plain(rep.a301), "、".join(n for (c, n), _ in rep.econ[0][3])))
    w.para("对个人和家庭的补助%s万元，主要用于：%s。" % (
        plain(rep.a303), "、".join(n for cls in rep.econ if cls[0] == "303" for (c, n), _ in cls[3])))
    w.para("(二)公用经费%s万元，主要用于：%s。" % (
        plain(rep.G), "、".join(n for cls in rep.econ if cls[2] == "G" for (c, n), a in cls[3] if a > 0)[:400]))
    claim("total", "人员经费", rep.P)
    claim("total", "公用经费", rep.G)
    w.out(sections3[6], "")
    three_prev = rep.prev_of(rep.three)
    t, _ = change(rep.three, three_prev, against="")
    w.para("%d年一般公共预算“三公”经费支出%s万元，%s，主要是厉行节约。其中：因公出国(境)经费%s万元；公务用车购置及运行维护费%s万元；公务接待费%s万元。" % (
        y, plain(rep.three), t.replace(" ", ""), plain(rep.abroad), plain(rep.car), plain(rep.reception)))
    claim("total", "“三公”经费", rep.three, previous=three_prev)
    w.out(sections3[7], "")
    w.para("%d 年项目支出 %s 万元，其中：一般公共预算本年拨款 %s 万元。具体使用情况如下：" % (y, nf(rep.J), nf(rep.J)))
    for p in rep.projects:
        w.para("%s %s 万元，主要用于%s工作。" % (p["name"], plain(p["amount"]), p["name"][:4]))
    w.out(sections3[8], "")
    w.out("(一) 机关运行经费情况", "")
    w.para("%d 年没有使用机关运行经费拨款安排的支出。" % y)
    w.out("(二) 国有资产占有使用情况", "")
    w.para("截至 %d 年 12 月 31 日，占有使用国有资产 %s 万元，包括有形资产和无形资产。%d 年无资产增减变化。" % (
        py, plain(rep.amount(50, 300)), py))
    w.out("(三) 预算绩效管理情况", "")
    w.para("%d 年，预算支出 %s 万元全面实施预算绩效目标管理。设置了整体支出绩效目标、%d 个二级项目支出绩效目标。" % (
        y, plain(rep.T), len(rep.projects)))
    w.out("第四部分 名词解释", "")
    w.para("(一) 一般公共预算财政拨款收入: 指本级财政一般公共预算当年拨付的资金。")
    w.para("(二) 本单位使用的主要支出功能分类科目(项级):")
    for g in glossary:
        w.para(g)
    w.para("(三)基本支出:指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。")
    w.para("(四)项目支出:指在基本支出之外为完成特定的行政任务和事业发展目标所发生的支出。")
    w.out("备注：本报告中金额转化为万元时，四舍五入可能存在尾差")

    text = "\n".join(w.lines) + "\n"
    truth_doc = {
        "id": rep.id, "unit": unit, "department": rep.dept, "fiscalYear": y, "kind": "单位预算",
        "amountUnit": "万元", "scale": rep.scale,
        "totals": {"合计": str(rep.T), "基本支出": str(rep.B), "人员经费": str(rep.P), "公用经费": str(rep.G),
                   "项目支出": str(rep.J), "“三公”经费": str(rep.three), "previousYearTotal": str(T1)},
        "tables": truth, "narrative": claims,
    }
    return text, truth_doc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of reports")
    ap.add_argument("--out", required=True, help="folder to write <id>.txt and <id>.truth.json into")
    ap.add_argument("--seed", default="1", help="seed (any string); the same seed gives the same files")
    ap.add_argument("--scale", type=int, default=1, help="make each report about K times larger (rows)")
    ap.add_argument("--prefix", default="report", help="file name prefix (default: report)")
    args = ap.parse_args(argv)
    if args.count < 0 or args.scale < 1:
        ap.error("--count must be >= 0 and --scale >= 1")
    os.makedirs(args.out, exist_ok=True)
    width = max(5, len(str(args.count)))
    for i in range(args.count):
        rid = "%s-%0*d" % (args.prefix, width, i)
        attempt = 0
        while True:  # a draw that cannot keep every identity positive is redrawn (deterministically)
            rng = random.Random("%s/%d/%d/%d" % (args.seed, args.scale, i, attempt))
            try:
                text, truth = build(Report(rid, rng, args.scale))
                break
            except (RuntimeError, ValueError):
                attempt += 1
        with open(os.path.join(args.out, rid + ".txt"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        with open(os.path.join(args.out, rid + ".truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Compare a run over a generated corpus with the corpus's truth files.

    scripts/check-corpus.py IN_DIR OUT_DIR

IN_DIR holds <id>.txt and <id>.truth.json (scripts/generate-corpus.py); OUT_DIR is the run's
output folder. For every report: status `ok` with 0 failed checks in output/catalog.csv; no
check with status fail in 05-export/data/checks.csv (warns are counted and listed); no check
`unverified` except a narrative claim's with its reason (the generator prints claims no table
holds: 国有资产, 内设机构, 没有使用机关运行经费…); every narrative claim of
03-normalize/normalize.json with a check of its own (`location` starting `line N <label>`); every truth table
found in 02-segment/segment.json, `unassigned` and `missingTables` empty; and every truth amount
equal (as an exact decimal) to facts.csv's `value` for the same table, section, code (or item when
the row has no code) and column, with no blank truth cell present as a fact and no fact the truth
does not hold. Prints each mismatch and a summary; exit status 1 if any.
"""

import csv
import json
import os
import sys
from collections import defaultdict
from decimal import Decimal


def norm(s):
    return "".join(s.split())


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    ind, outd = argv[1], argv[2]
    truths = sorted(f[:-len(".truth.json")] for f in os.listdir(ind) if f.endswith(".truth.json"))
    catalog = {}
    with open(os.path.join(outd, "catalog.csv"), encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("current", "yes") == "yes":
                catalog[row["report_id"]] = row
    problems = defaultdict(list)
    counts = {"reports": 0, "ok": 0, "failed": 0, "checks": 0, "fail": 0, "warn": 0, "unverified": 0, "claims": 0,
              "facts": 0, "amounts": 0}
    for rid in truths:
        counts["reports"] += 1
        out = problems[rid]
        truth = json.load(open(os.path.join(ind, rid + ".truth.json"), encoding="utf-8"))
        cat = catalog.get(rid)
        if cat is None:
            out.append("not in catalog.csv")
            counts["failed"] += 1
            continue
        if cat["status"] != "ok" or cat["failed_checks"] != "0":
            out.append("catalog: status %s, failed_checks %s" % (cat["status"], cat["failed_checks"]))
            counts["failed"] += 1
        else:
            counts["ok"] += 1
        unit = cat.get("unit_name", cat.get("unit"))  # `unit` in earlier catalogs
        if unit != truth["unit"] or cat.get("year") != str(truth["fiscalYear"]):
            out.append("catalog: unit/year %r/%r, truth %r/%r" % (unit, cat.get("year"),
                                                                  truth["unit"], truth["fiscalYear"]))
        rdir = os.path.join(outd, rid)
        narrative = []
        try:
            with open(os.path.join(rdir, "05-export", "data", "checks.csv"), encoding="utf-8-sig", newline="") as fh:
                for row in csv.DictReader(fh):
                    counts["checks"] += 1
                    if row["rule"] == "narrative":
                        narrative.append(row["location"])
                    if row["status"] in ("fail", "warn"):
                        counts[row["status"]] += 1
                        out.append("check %s %s: %s" % (row["status"], row["check_id"], row["message"]))
                    elif row["status"] == "unverified":
                        counts["unverified"] += 1
                        if row["rule"] != "narrative" or not row["message"]:
                            out.append("check unverified %s: %s" % (row["check_id"], row["message"]))
            seg = json.load(open(os.path.join(rdir, "02-segment", "segment.json"), encoding="utf-8"))
            claims = json.load(open(os.path.join(rdir, "03-normalize", "normalize.json"), encoding="utf-8"))["claims"]
        except OSError as e:
            out.append("missing output: %s" % e)
            continue
        for claim in claims:
            counts["claims"] += 1
            stated = "line %d %s" % (claim["line"], claim["subject"]["label"])
            if not any(location == stated or location.startswith(stated + " ") for location in narrative):
                out.append("claim without a check: %s (%s)" % (stated, claim["amount"]["raw"]))
        found = {t["id"] for t in seg["tables"]}
        for t in seg["tables"]:
            for g in t.get("grids") or []:
                found.add(g["id"])
        for t in truth["tables"]:
            if t["id"] not in found:
                out.append("table %s not found by segment (found %s)" % (t["id"], sorted(found)))
        if seg.get("unassigned"):
            out.append("unassigned lines: %s" % [u.get("number", u) for u in seg["unassigned"]][:10])
        if seg.get("missingTables"):
            out.append("missing tables: %s" % seg["missingTables"])
        facts = defaultdict(list)
        with open(os.path.join(rdir, "05-export", "data", "facts.csv"), encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                counts["facts"] += 1
                key = (row["table_id"], row["section"], row["code"] or norm(row["item"]), norm(row["column"]))
                facts[key].append(row["value"])
        expected = defaultdict(list)
        blanks = set()
        for t in truth["tables"]:
            for r in t["rows"]:
                rowkey = r["code"] or norm(r["item"])
                for col, v in r["amounts"].items():
                    expected[(t["id"], r["section"], rowkey, norm(col))].append(v)
                    counts["amounts"] += 1
                for col in r["blank"]:
                    blanks.add((t["id"], r["section"], rowkey, norm(col)))
        for key, vals in expected.items():
            got = facts.get(key, [])
            want = sorted(Decimal(v) for v in vals)
            try:
                have = sorted(Decimal(v) for v in got)
            except Exception:
                have = got
            if want != have:
                out.append("facts %s: truth %s, facts.csv %s" % ("/".join(key), vals, got))
        for key, vals in facts.items():
            if key not in expected:
                what = "blank in the report" if key in blanks else "not in the truth"
                out.append("fact %s = %s: %s" % ("/".join(key), vals, what))
    bad = {rid: p for rid, p in problems.items() if p}
    for rid, p in sorted(bad.items()):
        for line in p[:40]:
            print("%s: %s" % (rid, line))
        if len(p) > 40:
            print("%s: … %d more" % (rid, len(p) - 40))
    print("reports %(reports)d: %(ok)d ok, %(failed)d not ok; checks %(checks)d (%(fail)d fail, %(warn)d warn, "
          "%(unverified)d unverified); narrative claims %(claims)d; truth amounts %(amounts)d, facts %(facts)d" % counts)
    print("reports with mismatches: %d" % len(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

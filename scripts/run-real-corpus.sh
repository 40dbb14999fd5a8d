#!/bin/bash
# Runs the pipeline over published reports (the PDFs of ../shared/corpus/pdf, or REAL_CORPUS=dir of
# .pdf and .txt files) in a scratch folder and prints, per report, what it gave: tables found, facts,
# and checks by status. Not a test: real documents carry their own errors (docs/real-corpus.md says,
# report by report, what remains and whose error each is).
set -euo pipefail
binary="${BINARY:-.build/release/budget-etl}"
corpus="${REAL_CORPUS:-../shared/corpus/pdf}"
if [ ! -d "$corpus" ]; then echo "real corpus: $corpus not found, SKIPPED"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/input"
for file in "$corpus"/*.pdf "$corpus"/*.txt; do
  [ -e "$file" ] || continue
  case "$file" in *.layout.txt|*.raw.txt) continue ;; esac
  cp "$file" "$work/input/"
done
sed 's/"failOnCheckFailures": true/"failOnCheckFailures": false/' pipeline.json > "$work/pipeline.json"
"$binary" run --config "$work/pipeline.json" > "$work/run.log" 2>&1 || true
python3 - "$work/output" <<'PY'
import csv, collections, os, sys
out = sys.argv[1]
print(f"{'report':44} {'tables':>6} {'facts':>6} {'pass':>6} {'fail':>5} {'warn':>5} {'unverified':>10}")
for row in csv.DictReader(open(os.path.join(out, "catalog.csv"), encoding="utf-8")):
    rid = row["report_id"]
    checks = os.path.join(out, rid, "04-reconcile", "checks.csv")
    counts = collections.Counter()
    if os.path.exists(checks):
        counts = collections.Counter(r["status"] for r in csv.DictReader(open(checks, encoding="utf-8")))
    print(f"{rid[:44]:44} {row['tables']:>6} {row['facts']:>6} {counts['pass']:>6} {counts['fail']:>5} {counts['warn']:>5} "
          f"{counts['unverified']:>10}")
PY

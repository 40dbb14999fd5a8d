#!/usr/bin/env bash
# Instructions per report, counted by valgrind's callgrind over generated reports: a figure that
# does not move with the machine's load, for telling whether a change made the pipeline cheaper.
# On the shared 2-core machine the wall and CPU time of the same run drifted by up to 40 % within
# an hour (docs/benchmarks.md), more than most single changes save; two counts of one build on
# the same reports agreed to 0.02 %.
#
# What is printed, for each binary: instructions per report (the count over N reports less the
# count over the first report alone, over N - 1: a run's fixed cost, loading and the runtime's
# first type look-ups, left out), the fixed cost itself, and each stage's share per report (the
# stage's own work, from callgrind's inclusive counts, with the files it writes counted apart).
# SHA-256 is shown apart too: under valgrind BoringSSL takes its AVX code path, not the SHA
# extensions the CPU has, so hashing counts several times what it costs on the machine.
#
# Usage: scripts/bench-instructions.sh [N]
#   N         reports (default 20; one run takes about a second per report under valgrind)
#   BINARY    the budget-etl binary (default: .build/release/budget-etl)
#   COMPARE   a second binary (a copy of an earlier build): counted on the same reports, and the
#             difference printed
#   SEED      generator seed (default: 1)
#   TMPDIR    where the work folder goes (default: /tmp); it is removed at the end
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-20}
binary=${BINARY:-.build/release/budget-etl}
compare=${COMPARE:-}
seed=${SEED:-1}
command -v valgrind > /dev/null && command -v callgrind_annotate > /dev/null || {
    echo "bench-instructions: needs valgrind (Debian: apt-get install valgrind)" >&2; exit 2; }
command -v strip > /dev/null || { echo "bench-instructions: needs strip (Debian: apt-get install binutils)" >&2; exit 2; }
(( count >= 2 )) || { echo "bench-instructions: N must be at least 2" >&2; exit 2; }
for b in "$binary" $compare; do
    [[ -x $b ]] || { echo "bench-instructions: no binary at $b (run make build, or set BINARY=)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/budget-etl-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 scripts/generate-corpus.py --count "$count" --out "$work/all/input" --seed "$seed" > /dev/null
find "$work/all/input" -name '*.truth.json' -delete
mkdir -p "$work/one/input"
cp "$(find "$work/all/input" -name '*.txt' | sort | head -n 1)" "$work/one/input/"
for set in all one; do
    printf '{"input": "%s/input", "output": "%s/output", "failOnCheckFailures": false, "jobs": 1}\n' \
        "$work/$set" "$work/$set" > "$work/$set/pipeline.json"
done

# Counts one binary over one set of reports, into a fresh output folder; prints the file
# callgrind_annotate wrote (inclusive counts, every function).
counted() {
    local binary=$1 set=$2 name=$3
    rm -rf "$work/$set/output"
    # valgrind 3.19 cannot read the DWARF 5 debug information the Swift toolchain writes (it
    # gives up on the whole binary): a copy without it still has every symbol's name.
    strip --strip-debug -o "$work/$name" "$binary"
    valgrind --tool=callgrind --callgrind-out-file="$work/$name.$set.cg" "$work/$name" run --config "$work/$set/pipeline.json" \
        > /dev/null 2> "$work/$name.$set.log" || {
        local rc=$?
        [[ $rc -eq 1 ]] || { cat "$work/$name.$set.log" >&2; exit "$rc"; }
    }
    callgrind_annotate --inclusive=yes --threshold=100 "$work/$name.$set.cg" > "$work/$name.$set.txt"
    echo "$work/$name.$set.txt"
}

# The figures of one binary: total, fixed cost and per-stage counts, per report.
figures() {
    local binary=$1 name=$2 all one
    all=$(counted "$binary" all "$name")
    one=$(counted "$binary" one "$name")
    python3 - "$all" "$one" "$count" "$binary" "$("$binary" --version)" <<'EOF'
import re, sys
all_path, one_path, n, binary, version = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
# Inclusive counts of a function, by a piece of its mangled name: the largest line matching
# (a function called from itself has a second, recursive line).
parts = [
    ("extract", r"13BudgetExtract0B5StageV3runy"),
    ("segment", r"13BudgetSegment0B5StageV3runy"),
    ("normalize", r"15BudgetNormalize0B5StageV3runy"),
    ("reconcile", r"15BudgetReconcile0B5StageV3runy"),
    ("export", r"12BudgetExport0B5StageV3runy"),
    ("writing files", r"12ReportRunnerV5write"),
    ("SHA-256", r"CCryptoBoringSSL_SHA256_Update"),
]
def read(path):
    total, found = 0, {name: 0 for name, _ in parts}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+(.*)$", line)
            if not m:
                continue
            value, where = int(m.group(1).replace(",", "")), m.group(2)
            if "PROGRAM TOTALS" in where:
                total = value
            for name, pattern in parts:
                if re.search(pattern, where):
                    found[name] = max(found[name], value)
    return total, found
total_all, all_parts = read(all_path)
total_one, one_parts = read(one_path)
per = (total_all - total_one) / (n - 1)
sha = (all_parts["SHA-256"] - one_parts["SHA-256"]) / (n - 1)
print(f"{version} ({binary}), {n} generated reports")
print(f"  per report    {per / 1e6:8.2f} M instructions ({(per - sha) / 1e6:.2f} M without SHA-256)")
print(f"  fixed per run {total_one / 1e6 - per / 1e6:8.2f} M (one report alone: {total_one / 1e6:.2f} M)")
for name, _ in parts:
    value = (all_parts[name] - one_parts[name]) / (n - 1)
    print(f"  {name:13s} {value / 1e6:8.2f} M per report  {100 * value / per:5.1f} %")
print(f"TOTAL {per:.0f} {per - sha:.0f}")
EOF
}

echo "callgrind instruction counts, $(date -u +%Y-%m-%dT%H:%MZ) (a stage's count includes the SHA-256 it computes,"
echo "'writing files' the runner's hashing of what it writes; SHA-256 is inflated under valgrind: see the script)"
figures "$binary" current | tee "$work/current.figures" | grep -v '^TOTAL'
if [[ -n $compare ]]; then
    echo
    figures "$compare" compared | tee "$work/compared.figures" | grep -v '^TOTAL'
    read -r _ new new_plain < <(grep '^TOTAL' "$work/current.figures")
    read -r _ old old_plain < <(grep '^TOTAL' "$work/compared.figures")
    echo
    awk -v a="$new" -v b="$old" -v ap="$new_plain" -v bp="$old_plain" 'BEGIN {
        printf "difference: %+.2f M instructions per report (%+.1f %%); without SHA-256 %+.2f M (%+.1f %%)\n",
            (a - b) / 1e6, 100 * (a - b) / b, (ap - bp) / 1e6, 100 * (ap - bp) / bp }'
fi

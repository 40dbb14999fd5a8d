#!/usr/bin/env bash
# End-to-end benchmark: the release binary over a batch of reports, as `make pipeline` runs it.
# Prints reports per second and peak memory (max RSS) for a full run and for a no-op re-run.
# Usage: scripts/bench.sh [REPORTS] [JOBS]   (defaults: 2000 reports, one job per core)
set -euo pipefail
cd "$(dirname "$0")/.."

reports=${1:-2000}
jobs=${2:-$(nproc)}
binary=.build/release/budget-etl
work=$(mktemp -d "${TMPDIR:-/tmp}/budget-etl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/input"
sample=Tests/Fixtures/sample/input.txt  # the sample report (never input/: that is the user's)
# Distinct files with distinct content (a note added at the end), so nothing is shared by accident.
for ((i = 0; i < reports; i++)); do
    { cat "$sample"; printf '\n备注：副本 %d\n' "$i"; } > "$work/input/report-$i.txt"
done
printf '{"jobs": %d}\n' "$jobs" > "$work/pipeline.json"

measure() {
    local label=$1
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$binary" run --config "$work/pipeline.json" > "$work/summary"
    end=$(date +%s.%N)
    awk -v label="$label" -v n="$reports" -v s="$start" -v e="$end" -v rss="$(cat "$work/rss")" \
        'BEGIN { t = e - s; printf "%-22s %6d reports in %6.2f s = %8.0f reports/s, max RSS %6.1f MiB\n", label, n, t, n / t, rss / 1024 }'
    sed 's/^/    /' "$work/summary"
}

echo "budget-etl $("$binary" --version), $(nproc) cores, jobs=$jobs, sample $(wc -c < "$sample") bytes"
measure "full run"
measure "no-op re-run"
echo "output: $(du -sh "$work/output" | cut -f1) for $reports reports"

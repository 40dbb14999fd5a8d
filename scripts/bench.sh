#!/usr/bin/env bash
# End-to-end benchmark of the release binary over generated reports (scripts/generate-corpus.py:
# distinct, internally consistent reports in the sample's layout), as `make pipeline` runs it.
#
# For each batch size: reports/s, MB/s of input, output bytes (per report and as a multiple of the
# input), the time `cp -r` takes to copy the output tree (and the run as a multiple of it), peak
# RSS, the time per stage (summed over every report's manifest.json), and a no-op re-run.
# Then a scaling line: one report at 1×, 10× and 100× size (best of three runs), its time and peak
# RSS against 1×.
# Then the PDF front end: the extract stage alone (pdfinfo + pdftotext -layout) over the real PDFs
# of $PDF_CORPUS, its time per page (pages from each extract.json's pdf.pages); skipped with a
# message when that folder is absent (a clone outside this workspace has no ../shared).
# Generating the reports is never timed. docs/benchmarks.md explains every figure.
#
# Usage: scripts/bench.sh [SIZE …]
#   SIZE …    batch sizes (default: $REPORTS, else "1000 10000")
#   JOBS      reports processed at once (default: one per core)
#   BINARY    the budget-etl binary (default: .build/release/budget-etl)
#   SCALES    sizes of the scaling line (default: "1 10 100")
#   SEED      generator seed (default: 1)
#   PDF_CORPUS  folder of published PDFs for the PDF line (default: ../shared/corpus/pdf)
#   TMPDIR    where the work folder goes (default: /tmp); it is removed at the end
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${*:-${REPORTS:-1000 10000}}
jobs=${JOBS:-$(nproc)}
binary=${BINARY:-.build/release/budget-etl}
scales=${SCALES:-1 10 100}
seed=${SEED:-1}
pdf_corpus=${PDF_CORPUS:-../shared/corpus/pdf}
generator=scripts/generate-corpus.py
[[ -x $binary ]] || { echo "bench: no binary at $binary (run make build, or set BINARY=)" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

work=$(mktemp -d "${TMPDIR:-/tmp}/budget-etl-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

# Runs the binary on a config, records wall seconds in $work/secs, peak RSS (KiB) in $work/rss
# and CPU seconds (user and system) and page faults (minor: pages the kernel mapped and zeroed for
# the process) in $work/cpu.
timed_run() {
    local config=$1 start end
    start=$(now)
    /usr/bin/time -f "%M %U %S %R" -o "$work/time" "$binary" run --config "$config" > "$work/summary" 2> "$work/stderr" || {
        local rc=$?
        # exit 1 (some report failed) is reported, not fatal; anything else is.
        [[ $rc -eq 1 ]] || { cat "$work/stderr" >&2; exit "$rc"; }
    }
    end=$(now)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }' > "$work/secs"
    tail -n 1 "$work/time" | cut -d' ' -f1 > "$work/rss"
    tail -n 1 "$work/time" | cut -d' ' -f2- > "$work/cpu"
}

# Generates N reports at a scale into DIR/input (not timed), drops the truth files, writes the config.
corpus() {
    local n=$1 scale=$2 dir=$3
    mkdir -p "$dir"
    python3 "$generator" --count "$n" --out "$dir/input" --seed "$seed" --scale "$scale"
    find "$dir/input" -name '*.truth.json' -delete
    printf '{"input": "%s/input", "output": "%s/output", "failOnCheckFailures": false, "jobs": %d}\n' \
        "$dir" "$dir" "$jobs" > "$dir/pipeline.json"
}

stage_times() {  # per-stage sums of durationMicroseconds over every output/<id>/manifest.json
    python3 - "$1" "$2" "$3" "$4" <<'EOF'
import glob, json, os, sys
out, n, wall = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
totals, order = {}, []
for path in glob.glob(os.path.join(out, "*", "manifest.json")):
    with open(path, encoding="utf-8") as fh:
        for st in json.load(fh).get("stages", []):
            name = st.get("stage")
            if name not in totals:
                totals[name] = 0
                order.append(name)
            totals[name] += int(st.get("durationMicroseconds", 0))
canon = ["extract", "segment", "normalize", "reconcile", "export"]
order.sort(key=lambda s: canon.index(s) if s in canon else len(canon))
whole = sum(totals.values()) or 1
for name in order:
    us = totals[name]
    print("    stage %-10s %8.2f s  %7.2f ms/report  %5.1f %%" % (name, us / 1e6, us / 1e3 / max(n, 1), 100 * us / whole))
print("    stages together %.2f s over %.2f s of wall time (%d jobs run at once)" % (whole / 1e6, wall, int(sys.argv[4]) if len(sys.argv) > 4 else 0))
EOF
}

echo "budget-etl $("$binary" --version) ($binary), $(nproc) cores, jobs=$jobs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "work folder $work: $(df -Ph "$work" | awk 'NR == 2 { print $4 }') free"

# Nothing the batches write is deleted before the end (the EXIT trap removes the work folder). On
# ext4 without a journal, this machine's root file system, creating a file a few minutes after
# deleting many costs the kernel a look at each recently deleted inode (`recently_deleted`):
# a run of 3,000 reports right after deleting another's output took 23.5 s of system time instead
# of 3.4 s. Deleting the 1,000-report batch (and its copy) before the 10,000 would have timed that.
for n in $sizes; do
    # ~25 KB input and ~0.4 MB output per report, and the copy of the output: check the space first
    # (what is left, the earlier batches kept).
    avail_kib=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
    need_kib=$(( n * 900 ))
    if (( need_kib > avail_kib )); then
        echo "$n reports: SKIPPED, needs about $(( need_kib / 1048576 + 1 )) GiB in $work, only $(( avail_kib / 1048576 )) GiB free"
        continue
    fi
    dir="$work/n$n"
    t0=$(now)
    corpus "$n" 1 "$dir"
    gen=$(awk -v s="$t0" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')
    in_bytes=$(find "$dir/input" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    sync
    echo
    echo "== $n reports, $(mib "$in_bytes") of input (generated in ${gen} s, not counted)"

    timed_run "$dir/pipeline.json"
    secs=$(cat "$work/secs"); rss=$(cat "$work/rss"); read -r user sys faults < "$work/cpu"
    sed 's/^/    /' "$work/summary"
    out_bytes=$(du -sb "$dir/output" | cut -f1)
    awk -v n="$n" -v t="$secs" -v ib="$in_bytes" -v ob="$out_bytes" -v rss="$rss" -v u="$user" -v y="$sys" -v f="$faults" 'BEGIN {
        printf "  full run      %8.2f s  %8.1f reports/s  %6.2f MB/s of input  peak RSS %.1f MiB\n", t, n / t, ib / 1e6 / t, rss / 1024
        printf "  CPU           %8.2f s  user %.2f s + system %.2f s = %.2f ms per report; %.0f page faults per report\n", u + y, u, y, 1000 * (u + y) / n, f / n
        printf "  output        %8.1f MiB = %.0f KB per report = %.1f x the input (%.0f KB per report)\n", ob / 1048576, ob / n / 1000, ob / ib, ib / n / 1000
    }'
    sync
    c0=$(now)
    cp -r "$dir/output" "$dir/output-copy"
    sync
    cps=$(awk -v s="$c0" -v e="$(now)" 'BEGIN { printf "%.3f", e - s }')
    awk -v c="$cps" -v t="$secs" 'BEGIN { printf "  cp -r output  %8.2f s  (the run took %.1f x as long as copying what it wrote)\n", c, t / c }'
    stage_times "$dir/output" "$n" "$secs" "$jobs"

    timed_run "$dir/pipeline.json"
    awk -v n="$n" -v t="$(cat "$work/secs")" -v rss="$(cat "$work/rss")" -v full="$secs" 'BEGIN {
        printf "  no-op re-run  %8.2f s  (%.1f %% of the full run)  peak RSS %.1f MiB\n", t, 100 * t / full, rss / 1024 }'
    sed 's/^/    /' "$work/summary"
done

echo
echo "== scaling: one report, --scale K (K times the rows)"
base_secs=""; base_rss=""; base_bytes=""
for k in $scales; do
    dir="$work/scale$k"
    corpus 1 "$k" "$dir"
    bytes=$(find "$dir/input" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    # Best of three runs, each into an empty output folder: one report takes tens of milliseconds,
    # so a single run measures the caches (the first run after a build read the binary from disk).
    secs=""; rss=0
    for _ in 1 2 3; do
        rm -rf "$dir/output"
        timed_run "$dir/pipeline.json"
        secs=$(awk -v a="$secs" -v b="$(cat "$work/secs")" 'BEGIN { print (a == "" || b < a) ? b : a }')
        rss=$(awk -v a="$rss" -v b="$(cat "$work/rss")" 'BEGIN { print (b > a) ? b : a }')
    done
    status=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i }
        NR == 2 { print $at["status"] ", " $at["failed_checks"] " failed checks" }' "$dir/output/catalog.csv")
    if [[ -z $base_secs ]]; then base_secs=$secs; base_rss=$rss; base_bytes=$bytes; fi
    awk -v k="$k" -v b="$bytes" -v t="$secs" -v r="$rss" -v bb="$base_bytes" -v bt="$base_secs" -v br="$base_rss" -v st="$status" 'BEGIN {
        printf "  %4dx  %9.1f KB input (%5.1f x)  %7.3f s (%6.1f x)  peak RSS %7.1f MiB (%5.1f x)  %s\n",
            k, b / 1000, b / bb, t, t / bt, r / 1024, r / br, st }'
    rm -rf "$dir"
done

echo
echo "== PDF front end: the extract stage (pdfinfo, pdftotext -layout) on the PDFs of $pdf_corpus"
pdfs=()
[[ -d $pdf_corpus ]] && mapfile -t pdfs < <(find "$pdf_corpus" -maxdepth 1 -name '*.pdf' | sort)
if (( ${#pdfs[@]} == 0 )); then
    echo "  SKIPPED: no PDFs in $pdf_corpus (set PDF_CORPUS= to a folder of PDFs)"
else
    dir="$work/pdf"
    mkdir -p "$dir/input"
    cp "${pdfs[@]}" "$dir/input/"
    # The extract stage alone: what the PDF front end costs, before any reading of the text.
    printf '{"input": "%s/input", "output": "%s/output", "stages": ["extract"], "failOnCheckFailures": false, "jobs": %d}\n' \
        "$dir" "$dir" "$jobs" > "$dir/pipeline.json"
    pdf_bytes=$(find "$dir/input" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    timed_run "$dir/pipeline.json"
    python3 - "$dir/output" "${#pdfs[@]}" "$pdf_bytes" "$(cat "$work/secs")" "$(cat "$work/rss")" "$jobs" <<'EOF'
import glob, json, os, sys
out, count, size, wall, rss, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
pages = extracted = micros = 0
for path in glob.glob(os.path.join(out, "*", "01-extract", "extract.json")):
    with open(path, encoding="utf-8") as fh:
        pdf = json.load(fh).get("pdf")
    if pdf:
        pages += pdf["pages"]
        extracted += 1
for path in glob.glob(os.path.join(out, "*", "manifest.json")):
    with open(path, encoding="utf-8") as fh:
        micros += sum(int(st.get("durationMicroseconds", 0)) for st in json.load(fh).get("stages", []) if st.get("stage") == "extract")
print("  %d PDFs (%d extracted), %d pages, %.1f MiB" % (count, extracted, pages, size / 1048576))
if pages:
    print("  extract stage %7.2f s summed  %6.1f ms per page  %6.1f ms per PDF" % (micros / 1e6, micros / 1e3 / pages, micros / 1e3 / max(extracted, 1)))
    print("  whole run     %7.2f s wall    %6.1f ms per page  (%d jobs at once)  peak RSS %.1f MiB" % (wall, wall * 1e3 / pages, jobs, rss / 1024))
EOF
    rm -rf "$dir"
fi

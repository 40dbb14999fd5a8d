#!/usr/bin/env bash
# Checks budget-etl's deliverables with tools that share no code with it:
#   xmllint       report.xml against schema/budget-report.xsd     (Debian: libxml2-utils)
#   xsltproc      schema/render.xsl renders report.xml to HTML      (Debian: xsltproc)
#   frictionless  datapackage.json: CSV structure, types, keys      (PyPI: frictionless)
#   bagit.py      05-export/ is a valid, complete BagIt bag         (PyPI: bagit)
# The two PyPI tools are only ever taken from the virtual environment `make checkers` creates
# (.venv-checkers/, exact versions in scripts/requirements-checkers.txt; the environment variable
# CHECKERS_VENV names another one), never from PATH or the system Python.
#
# usage: scripts/check-outputs.sh OUTPUT_DIR
#   OUTPUT_DIR is the output folder (every report in it with an export) or one report's folder.
# Exit status: 0 all checks passed; 1 some check failed (each failure is printed with the tool's
# own message); 2 usage error or a missing tool (with the command that installs it).
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
schema="$here/schema/budget-report.xsd"
stylesheet="$here/schema/render.xsl"
checkers=${CHECKERS_VENV:-$here/.venv-checkers}
frictionless="$checkers/bin/frictionless"
bagit="$checkers/bin/bagit.py"

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 OUTPUT_DIR  (an output folder, or one report's folder in it)" >&2
    exit 2
fi

missing=0
need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "check-outputs: $1 is not installed; install it with: $2" >&2
        missing=1
    fi
}
need xmllint "apt-get install -y libxml2-utils"
need xsltproc "apt-get install -y xsltproc"
need "$frictionless" "make checkers"
need "$bagit" "make checkers"
[ "$missing" -eq 0 ] || exit 2

if [ -d "$1/05-export" ]; then
    reports=("$1")
else
    reports=()
    for folder in "$1"/*/; do
        [ -d "$folder/05-export" ] && reports+=("${folder%/}")
    done
fi
if [ ${#reports[@]} -eq 0 ]; then
    echo "check-outputs: no report folder with a 05-export/ in $1" >&2
    exit 2
fi

passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# check NAME COMMAND…: runs the command quietly; on failure prints its output.
check() {
    local name=$1
    shift
    if "$@" >"$scratch/out" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name: $*"
        sed 's/^/    /' "$scratch/out"
    fi
}

rendered() {
    xsltproc --nonet "$stylesheet" "$1" >"$scratch/report.html" && grep -q '<table' "$scratch/report.html"
}

for report in "${reports[@]}"; do
    bag="$report/05-export"
    payload="$bag/data"
    id=$(basename "$report")
    check "$id: report.xml is valid" xmllint --noout --nonet --schema "$schema" "$payload/report.xml"
    check "$id: the exported XSD is the shipped one" cmp "$schema" "$payload/budget-report.xsd"
    check "$id: report.xml renders" rendered "$payload/report.xml"
    check "$id: datapackage.json and its CSVs are valid" "$frictionless" validate "$payload/datapackage.json"
    check "$id: 05-export/ is a valid bag" "$bagit" --validate "$bag"
done

echo "check-outputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Checks budget-etl's deliverables with tools that share no code with it:
#   xmllint       report.xml against schema/budget-report.xsd     (Debian: libxml2-utils)
#   xsltproc      the bag alone renders: its render.xsl applied to its report.xml gives the
#                 report.html the run wrote                         (Debian: xsltproc)
#   frictionless  datapackage.json: CSV structure, types, keys      (PyPI: frictionless)
#   bagit.py      05-export/ is a valid, complete BagIt bag         (PyPI: bagit)
#   chromium      each report.html and index.html rendered headless to PNG, and the screenshots
#                 not blank (scripts/check-pages.py, standard library only); a CJK font must be
#                 installed (fc-list :lang=zh), else Chinese renders as empty boxes
#                                                                   (Debian: chromium, fonts-noto-cjk)
#   The pages' HTML: well-formed (xmllint --html for report.html, HTML as libxslt serializes it;
#   xmllint as XML for index.html, which is polyglot XHTML), no id twice, every link resolving,
#   nothing fetched from the network, findings before the tables (scripts/check-pages.py).
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
dublin_core="$here/schema/dc.xsd"
stylesheet="$here/schema/render.xsl"
pages="$here/scripts/check-pages.py"
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
need chromium "apt-get install -y chromium"
need fc-list "apt-get install -y fontconfig"
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh family)" ]; then
    echo "check-outputs: no font for Chinese (fc-list :lang=zh finds none); install one with: apt-get install -y fonts-noto-cjk" >&2
    missing=1
fi
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

# bag_alone BAG PAGE: a copy of the bag and nothing else validates against its own schemas and
# renders, with its own stylesheet, to exactly the page the run wrote.
bag_alone() {
    local copy="$scratch/bag"
    rm -rf "$copy" && cp -R "$1" "$copy" || return 1
    (cd "$copy" && xmllint --noout --nonet --schema data/budget-report.xsd data/report.xml \
        && xsltproc --nonet data/render.xsl data/report.xml >"$scratch/rendered.html") || return 1
    cmp "$scratch/rendered.html" "$2"
}

# html_parses PAGE: libxml2's HTML parser reads the page without a single complaint.
html_parses() {
    xmllint --html --noout --nonet "$1" 2>"$scratch/html-errors" && [ ! -s "$scratch/html-errors" ] || { cat "$scratch/html-errors"; return 1; }
}

# screenshot PAGE PNG: headless Chromium renders the page to PNG, and the PNG is not blank.
screenshot() {
    local page
    page=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    rm -f "$2"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$scratch/chromium" --window-size=1200,1600 --screenshot="$2" "file://$page" >/dev/null 2>&1
    [ -s "$2" ] || { echo "chromium wrote no screenshot"; return 1; }
    python3 "$pages" png "$2"
}

for report in "${reports[@]}"; do
    bag="$report/05-export"
    payload="$bag/data"
    id=$(basename "$report")
    check "$id: report.xml is valid" xmllint --noout --nonet --schema "$schema" "$payload/report.xml"
    check "$id: the exported XSD is the shipped one" cmp "$schema" "$payload/budget-report.xsd"
    check "$id: the exported dc.xsd is the shipped one" cmp "$dublin_core" "$payload/dc.xsd"
    check "$id: the exported render.xsl is the shipped one" cmp "$stylesheet" "$payload/render.xsl"
    check "$id: the bag alone validates and renders report.html" bag_alone "$bag" "$report/report.html"
    check "$id: report.html parses as HTML" html_parses "$report/report.html"
    check "$id: report.html's ids and links" python3 "$pages" html "$report/report.html"
    check "$id: report.html renders in Chromium" screenshot "$report/report.html" "$scratch/$id.png"
    check "$id: datapackage.json and its CSVs are valid" "$frictionless" validate "$payload/datapackage.json"
    check "$id: 05-export/ is a valid bag" "$bagit" --validate "$bag"
done

# The run's index, when the folder given is an output folder.
if [ -f "$1/index.html" ]; then
    check "index.html is well-formed XHTML" xmllint --noout --nonet "$1/index.html"
    check "index.html's ids and links" python3 "$pages" html "$1/index.html"
    check "index.html renders in Chromium" screenshot "$1/index.html" "$scratch/index.png"
fi

echo "check-outputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

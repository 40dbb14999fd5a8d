#!/usr/bin/env python3
"""Run the README's queries over many reports and check their answers against the truth.

    scripts/check-readme-queries.py README.md CORPUS_DIR RUN_DIR

README.md's section "Querying many reports" has one code block per tool, each right after a
line `<!-- query: TOOL -->` (pandas, duckdb, sqlite3). This script runs each block exactly as
the README prints it, in RUN_DIR (the folder holding the run's `output/`), the way a reader
would:
  pandas   the Python block, run by this Python (the checkers' venv, which has pandas);
  duckdb   the SQL block, run by the duckdb Python package;
  sqlite3  the shell block, run by bash (it calls the sqlite3 command-line shell).
Each answers "amounts for code 2080505 by fiscal year"; the answer (lines of a year and an
amount, however the tool prints them) must equal, as exact decimals, the sum by fiscal year of
the truth files' 表3 合计 of code 2080505 (CORPUS_DIR/*.truth.json, scripts/generate-corpus.py).
The batch must make the question worth asking: two years or more, and a year with two reports
or more (so the query really sums across reports).

Exit status: 0 every query answered right; 1 some did not (each difference printed); 2 usage
error, no such README block, or a batch that does not exercise the query.
"""

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal, InvalidOperation

TOOLS = ["pandas", "duckdb", "sqlite3"]
CODE = "2080505"
TRUTH_TABLE = "3"
TRUTH_COLUMN = "合计"


def blocks(readme):
    """The code block after each `<!-- query: TOOL -->` marker, by tool."""
    found = {}
    pattern = re.compile(r"^<!-- query: (\w+) -->\n```[\w-]*\n(.*?)^```$", re.M | re.S)
    for match in pattern.finditer(readme):
        found[match.group(1)] = match.group(2)
    return found


def truth_answer(corpus):
    by_year = defaultdict(Decimal)
    reports = defaultdict(int)
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".truth.json"):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as fh:
            truth = json.load(fh)
        for table in truth["tables"]:
            if table["id"] != TRUTH_TABLE:
                continue
            for row in table["rows"]:
                if row.get("code") == CODE and TRUTH_COLUMN in row["amounts"]:
                    by_year[truth["fiscalYear"]] += Decimal(row["amounts"][TRUTH_COLUMN])
                    reports[truth["fiscalYear"]] += 1
    return dict(by_year), reports


def printed_answer(text):
    """Year and amount from each line that holds exactly those two numbers (a pandas Series,
    CSV, or a table drawn with box characters); headers and footers hold no such pair."""
    answer = {}
    for line in text.splitlines():
        numbers = re.findall(r"-?\d+(?:\.\d+)?", line)
        if len(numbers) == 2 and re.fullmatch(r"\d{4}", numbers[0]):
            answer[int(numbers[0])] = Decimal(numbers[1])
    return answer


def run(tool, code, workdir):
    if tool == "pandas":
        done = subprocess.run([sys.executable, "-c", code], cwd=workdir, capture_output=True, text=True)
    elif tool == "sqlite3":
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=workdir, capture_output=True, text=True)
    elif tool == "duckdb":
        import duckdb  # the checkers' venv has it; imported here so the other tools run without it

        cwd = os.getcwd()
        os.chdir(workdir)
        try:
            rows = duckdb.connect().sql(code).fetchall()
        finally:
            os.chdir(cwd)
        return {int(year): Decimal(amount) for year, amount in rows}, ""
    if done.returncode != 0:
        raise RuntimeError("exit status %d: %s" % (done.returncode, done.stderr.strip()))
    return printed_answer(done.stdout), done.stdout


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    readme_path, corpus, workdir = argv[1:]
    with open(readme_path, encoding="utf-8") as fh:
        queries = blocks(fh.read())
    missing = [tool for tool in TOOLS if tool not in queries]
    if missing:
        print("check-readme-queries: %s has no block after <!-- query: %s -->" % (readme_path, ", ".join(missing)),
              file=sys.stderr)
        return 2
    expected, reports = truth_answer(corpus)
    if len(expected) < 2 or max(reports.values(), default=0) < 2:
        print("check-readme-queries: the batch in %s does not exercise the query (code %s by year: %s)"
              % (corpus, CODE, dict(reports)), file=sys.stderr)
        return 2
    failed = 0
    for tool in TOOLS:
        try:
            answer, printed = run(tool, queries[tool], workdir)
        except (RuntimeError, InvalidOperation, ValueError) as error:
            print("FAIL README query (%s): %s" % (tool, error))
            failed += 1
            continue
        if answer != expected:
            failed += 1
            print("FAIL README query (%s): amounts for %s by fiscal year" % (tool, CODE))
            for year in sorted(set(answer) | set(expected)):
                if answer.get(year) != expected.get(year):
                    print("    %s: query %s, truth %s" % (year, answer.get(year), expected.get(year)))
            if printed:
                print("    it printed:\n" + "\n".join("      " + line for line in printed.splitlines()))
    years = ", ".join("%d: %s" % (year, expected[year]) for year in sorted(expected))
    print("check-readme-queries: %d of %d README queries agree with the truth (%s by fiscal year: %s)"
          % (len(TOOLS) - failed, len(TOOLS), CODE, years))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

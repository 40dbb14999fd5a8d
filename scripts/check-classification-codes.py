#!/usr/bin/env python3
"""Validate Sources/BudgetETL/Resources/classification-codes.tsv (stdlib only).

Usage: scripts/check-classification-codes.py [TSV] [--doc DOC]

Errors (exit status 1): bad encoding or line ends, wrong header, a row without exactly 4
columns, a code that is not all digits or has a length its scheme does not allow, an unknown
scheme, a duplicate (scheme, code), an empty name or one with stray spaces or ASCII
parentheses, an empty or malformed source, a source key the doc does not define, rows out of
order. Warnings (exit status 0): a code whose parent (3-digit for a 5-digit code, 5-digit for
a 7-digit one) is not in the file.
"""
import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_TSV = os.path.join(ROOT, "Sources", "BudgetETL", "Resources", "classification-codes.tsv")
DEFAULT_DOC = os.path.join(ROOT, "docs", "classification-codes.md")

HEADER = ["code", "name", "scheme", "source"]
LENGTHS = {"function": (3, 5, 7), "economic": (3, 5), "economic-government": (3, 5)}
LEVEL = {3: "类", 5: "款", 7: "项"}
# CJK ideographs, CJK punctuation and full-width forms.
WIDE = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
SPACE_NEAR_WIDE = re.compile(rf"[{WIDE}][ \t]|[ \t][{WIDE}]")
SOURCE_KEY = re.compile(r"^[a-z][a-z0-9-]*(:[A-Za-z0-9._-]+)?$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tsv", nargs="?", default=DEFAULT_TSV)
    ap.add_argument("--doc", default=DEFAULT_DOC,
                    help="Markdown file that must define every source key (as `key`); "
                         "pass an empty string to skip that check")
    args = ap.parse_args()

    errors, warnings = [], []

    def err(line, msg):
        errors.append(f"{args.tsv}:{line}: error: {msg}")

    def warn(line, msg):
        warnings.append(f"{args.tsv}:{line}: warning: {msg}")

    raw = open(args.tsv, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(1, "file starts with a byte-order mark")
    if b"\r" in raw:
        err(1, "file has CR characters (line ends must be LF)")
    if raw and not raw.endswith(b"\n"):
        err(1, "file does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{args.tsv}: error: not UTF-8: {e}")
        return 1

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        print(f"{args.tsv}: error: empty file")
        return 1
    if lines[0].split("\t") != HEADER:
        err(1, f"header must be {'<TAB>'.join(HEADER)!r}, got {lines[0]!r}")

    defined = None
    if args.doc:
        if os.path.exists(args.doc):
            defined = set(re.findall(r"`([^`\s]+)`", open(args.doc, encoding="utf-8").read()))
        else:
            err(1, f"doc {args.doc} not found (needed to check source keys; --doc '' skips)")

    rows = []  # (lineno, code, name, scheme, sources)
    seen = {}
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 4:
            err(n, f"expected 4 tab-separated columns, got {len(cols)}")
            continue
        code, name, scheme, source = cols
        if scheme not in LENGTHS:
            err(n, f"unknown scheme {scheme!r} (one of {', '.join(LENGTHS)})")
        if not code.isascii() or not code.isdigit():
            err(n, f"code {code!r} is not all digits")
        elif scheme in LENGTHS and len(code) not in LENGTHS[scheme]:
            err(n, f"code {code!r} has {len(code)} digits; {scheme} allows {LENGTHS[scheme]}")
        if (scheme, code) in seen:
            err(n, f"duplicate {scheme} code {code} (first on line {seen[(scheme, code)]})")
        else:
            seen[(scheme, code)] = n
        if not name:
            err(n, "empty name")
        else:
            if name != name.strip():
                err(n, f"name {name!r} has leading or trailing whitespace")
            if SPACE_NEAR_WIDE.search(name):
                err(n, f"name {name!r} has an ASCII space inside CJK text (letter-spacing?)")
            if "(" in name or ")" in name:
                err(n, f"name {name!r} has ASCII parentheses; official names use （）")
        keys = source.split(",") if source else []
        if not keys:
            err(n, "empty source")
        for k in keys:
            if not SOURCE_KEY.match(k):
                err(n, f"malformed source key {k!r}")
            elif defined is not None and k not in defined:
                err(n, f"source key {k!r} is not defined in {args.doc}")
        if len(set(keys)) != len(keys):
            err(n, f"source {source!r} repeats a key")
        rows.append((n, code, name, scheme, keys))

    for (n1, c1, _, s1, _), (n2, c2, _, s2, _) in zip(rows, rows[1:]):
        if (s2, c2) < (s1, c1):
            err(n2, f"out of order: {s2} {c2} after {s1} {c1} (sort by scheme, then code as text)")

    for n, code, _, scheme, _ in rows:
        if len(code) in (5, 7) and (scheme, code[:-2]) not in seen:
            warn(n, f"{scheme} {code}: parent {code[:-2]} is not in the file")

    counts = collections.Counter((s, len(c)) for _, c, _, s, _ in rows)
    for m in errors + warnings:
        print(m)
    print(f"{len(rows)} codes:", ", ".join(
        f"{s} {LEVEL.get(l, l)} {counts[(s, l)]}" for s in LENGTHS for l in LENGTHS[s] if counts[(s, l)]))
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

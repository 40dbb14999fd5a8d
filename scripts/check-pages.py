#!/usr/bin/env python3
"""Checks budget-etl's HTML pages and their screenshots, with the Python standard library only.

usage:
  scripts/check-pages.py html PAGE...   each page: no id twice; every in-page link (#...) names an
                                        id of the page; every relative link names a file that
                                        exists; nothing fetched from the network (no http(s) in
                                        src, href or CSS url()); a report page has its findings
                                        before its first table's section
  scripts/check-pages.py png IMAGE...   each screenshot is not blank: enough distinct colours and
                                        enough pixels that are not the background

Exit status 0 when every check passes, 1 when one fails (each failure printed), 2 on usage errors.
Well-formedness itself is xmllint's job (scripts/check-outputs.sh runs it); this reads what a
browser would follow.
"""

import html.parser
import os
import struct
import sys
import urllib.parse
import zlib


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.links = []
        self.fetched = []
        self.order = []  # ids of interest in document order
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
            self.order.append(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in ("src", "href", "data", "poster"):
            value = attrs.get(name) or ""
            if value.startswith(("http:", "https:", "//")):
                self.fetched.append(value)
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and ("url(" in data or "@import" in data):
            self.fetched.append("CSS url() or @import")


def check_html(path):
    problems = []
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    parser = Links()
    parser.feed(text)
    seen = set()
    for identifier in parser.ids:
        if identifier in seen:
            problems.append(f"id {identifier!r} appears twice")
        seen.add(identifier)
    folder = os.path.dirname(path)
    for link in parser.links:
        if link.startswith("#"):
            # A browser matches the fragment as written, then percent-decoded.
            fragment = link[1:]
            if fragment not in seen and urllib.parse.unquote(fragment) not in seen:
                problems.append(f"link {link!r} names no id of the page")
        elif "://" not in link and not link.startswith(("mailto:", "//")):
            target = os.path.join(folder, urllib.parse.unquote(link.split("#")[0]))
            if not os.path.exists(target):
                problems.append(f"link {link!r} names no file")
    for fetched in parser.fetched:
        problems.append(f"fetches {fetched!r} (a page must be self-contained)")
    order = parser.order
    if "findings" in seen:
        tables = [i for i, identifier in enumerate(order) if identifier.startswith("t-")]
        if tables and order.index("findings") > tables[0]:
            problems.append("the findings come after a table")
    return problems


def png_pixels(path):
    """Width, height and the rows of an 8-bit RGB or RGBA PNG (as Chromium writes them), as bytes."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, idat, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_png(path, minimum_colours=8, minimum_ink=0.01):
    try:
        width, height, channels, rows = png_pixels(path)
    except (OSError, ValueError, zlib.error) as error:
        return [f"cannot be read: {error}"]
    colours = {}
    for row in rows:
        for x in range(0, len(row), channels):
            pixel = row[x:x + 3]
            colours[pixel] = colours.get(pixel, 0) + 1
    background = max(colours, key=colours.get)
    ink = 1 - colours[background] / (width * height)
    problems = []
    if len(colours) < minimum_colours:
        problems.append(f"only {len(colours)} distinct colours: blank")
    if ink < minimum_ink:
        problems.append(f"only {ink:.2%} of the pixels differ from the background: blank")
    return problems


def main(arguments):
    if len(arguments) < 2 or arguments[0] not in ("html", "png"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    check = check_html if arguments[0] == "html" else check_png
    failed = 0
    for path in arguments[1:]:
        problems = check(path)
        for problem in problems:
            print(f"{path}: {problem}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

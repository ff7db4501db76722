"""Every figure-like token inside a located schedule is read into a cell or
said (a VQ007 position, or a warning on its line): the property sweep over the
fixtures (tests/fixtures, text and HTML) and the 24 real tables in the text and
HTML layouts of tests/test_real_tables.py and tests/test_html_real_tables.py.

Test support: `cd tests && PYTHONPATH=..:. python sweep_unread.py [fixtures|text|html]`.
A schedule's span is the lines from its first read cell to its last; a token
is an amount ("1,234", "(56)", "12.5"), never a bare year (a caption's), a
small marker ("(1)") or a digit run inside a word ("10pt", "c3"); in HTML the
tags and entities are masked first (blanked in place, columns kept).  What is
left is each a token printed where a figure could be and neither read nor said:
a silent drop, or a number of a label ("Section 481") the report lists."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import auditor

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
AMOUNT = re.compile(r"(?<![\w.,#&/'-])\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?(?![\w%])|(?<![\w.,#&/'-])\(?\d+(?:\.\d+)?\)?(?![\w%,./]?\w)(?!/)")
MONTH_BEFORE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
YEAR_AFTER = re.compile(r"^,?\s*'?\d{2,4}(?!\d)")
# (a <sup>'s digits are a marker's: masked with the tags)
TAG = re.compile(r"<sup[^<>]{0,200}>[^<>]{0,20}</sup>|<[^<>]{0,2000}>|&#?\w{1,8};", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d\d$")
MARKER = re.compile(r"^\(?\d{1,2}\)$")  # ("(1)", a typist's "1)")


def _masked(line: str) -> str:
    """The line, its tags and entities blanked in place (an apostrophe's kept: "&#x27;03" is a year)."""
    def blank(m: re.Match) -> str:
        apostrophe = m.group(0).lower() in ("&#x27;", "&#39;", "&apos;", "&rsquo;", "&#8217;")
        return " " * (len(m.group(0)) - 1) + ("'" if apostrophe else " ")
    return TAG.sub(blank, line)


def unsaid(path: Path, rules) -> tuple[list[tuple[int, int, str]], str]:
    """(line, column, token) of each amount-like token in a schedule's span neither read nor said."""
    result = auditor.check_file(str(path), rules)
    if result.error is not None:
        return [], "refused"
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    html = path.suffix.lower() in (".htm", ".html")
    said_lines = {f.location.line for f in result.findings if f.severity in ("warning", "error") and f.check != "row_identity"
                  and f.check in ("figures_unread", "periods_named", "figures_unplaced")} 
    found = []
    for s in result.schedules:
        cells = [c for p in s.periods for r in p.rows for c in r.cells if c is not None]
        if not cells:
            continue
        unread = {(u.line, u.column) for u in s.unread}
        taken: dict[int, list[tuple[int, int]]] = {}
        for c in cells:
            taken.setdefault(c.line, []).append((c.column, max(c.end_column, c.column + len(c.raw))))
        first_column = min(c.column for c in cells)
        for n in range(min(c.line for c in cells), max(c.line for c in cells) + 1):
            text = _masked(lines[n - 1]) if html else lines[n - 1]
            for m in AMOUNT.finditer(text):
                token, column = m.group(0), m.start() + 1
                bare = token.strip("()")
                date = bool(MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()])) or (
                    "/" in text[max(0, m.start() - 1):m.end() + 1])
                if YEAR.match(bare) or MARKER.match(token) or date or (not html and column < first_column - 1):
                    continue
                if any(a - 1 <= column < b + 1 for a, b in taken.get(n, [])) or (n, column) in unread or n in said_lines:
                    continue
                if html and n not in taken:
                    pass  # (a line of no read cell: reported, the row dropped or the label's number)
                elif html and column < min(a for a, _ in taken[n]):
                    continue  # (left of the line's first figure: its label's)
                found.append((n, column, token))
    return found, "read"


def fixtures():
    for path in sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "html").glob("*.htm")):
        yield path.relative_to(HERE).as_posix(), path


def rendered(kind: str):
    from test_real_tables import LAYOUTS, applicable
    from render import render

    tables = sorted((__import__("conftest").SHARED / "real-tables").glob("*.json"))
    with tempfile.TemporaryDirectory() as tmp:
        for table in tables:
            spec = json.loads(table.read_text())
            if kind == "text":
                for name, layout in LAYOUTS.items():
                    out = Path(tmp) / f"{table.stem}-{name}.txt"
                    out.write_text(render(spec, applicable(spec, layout)).text, encoding="utf-8")
                    yield f"{table.stem} {name}", out
            else:
                from render_html import render as render_html
                from test_html_real_tables import STYLES

                for name, style in STYLES.items():
                    out = Path(tmp) / f"{table.stem}-{name}.htm"
                    out.write_text(render_html(spec, style).text, encoding="utf-8")
                    yield f"{table.stem} {name}", out


def main(which: str = "fixtures") -> Counter:
    rules = auditor.load_rules()
    tally: Counter = Counter()
    cases = fixtures() if which == "fixtures" else rendered(which)
    for name, path in cases:
        found, how = unsaid(path, rules)
        tally[how] += 1
        tally["unsaid tokens"] += len(found)
        tally["cases with unsaid"] += bool(found)
        if found:
            print(name, found[:4])
    print(dict(tally))
    return tally


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fixtures")

"""Footnote markers "*" in HTML cells, before and after their figures: each of the
24 real tables with a "*" on one figure of each row (column row-index mod width),
printed after the figure in a cell of its own ("473 | *", the markers' usual
place), in the figure's "$" cell before it ("* $ | 473") and before its digits
("*473"), in the Donnelley-style split cells, filing software's and Workiva's.
A case is right when every marked figure, and only it, carries its "*" (and every
figure is read where printed), wrong when a mark is on another figure or lost,
refused on an input error.  Test support: `cd tests && PYTHONPATH=..:. python
star_habits.py`; tests/test_no_figure_dropped.py pins it."""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import auditor
from render import parse_cell
from test_html_real_tables import SOFTWARE, STYLES

FORMS = ("cell", "ahead", "lead")
LAYOUTS = ("split", "filing-software", "workiva")
TABLES = __import__("conftest").SHARED / "real-tables"


def starred(spec: dict) -> tuple[dict, set]:
    """The spec with one "*" a row, and the (period, row, column) marked."""
    spec = copy.deepcopy(spec)
    marked = set()
    width = len(spec["roles"]) - 1
    for pi, period in enumerate(spec["periods"]):
        for ri, row in enumerate(period["rows"]):
            if not row["cells"]:
                continue
            row["footnotes"] = [""] * len(row["cells"])
            k = ri % width
            if k < len(row["cells"]) and parse_cell(row["cells"][k])[0] == "amount":
                row["footnotes"][k] = "*"
                marked.add((pi, ri, k))
    return spec, marked


def outcome(spec: dict, layout: str, form: str, rules) -> tuple[str, str]:
    from render_html import render
    from render_software import render_software

    spec, marked = starred(spec)
    if layout in SOFTWARE:
        software = SOFTWARE[layout]
        rendered = render_software(spec, replace(software, html=replace(software.html, notes=form)))
    else:
        rendered = render(spec, replace(STYLES[layout], notes=form))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "exhibit.htm"
        path.write_text(rendered.text, encoding="utf-8")
        result = auditor.check_file(str(path), rules)
    if result.error is not None:
        return "refused", result.error.message
    notes = {(c.line, c.column): c.footnote or "" for s in result.schedules for p in s.periods for r in p.rows
             for c in r.cells if c is not None}
    want = {(f.line, f.start): "*" if (f.period, f.row, f.column) in marked else "" for f in rendered.figures}
    if set(notes) != set(want):
        return "wrong", f"cells read {len(notes)}, printed {len(want)}"
    off = sorted(k for k in want if notes[k] != want[k])
    return ("wrong", f"{len(off)} marks misplaced, first at {off[0]}") if off else ("right", "")


def main() -> Counter:
    rules = auditor.load_rules()
    tally: Counter = Counter()
    for path in sorted(TABLES.glob("*.json")):
        spec = json.loads(path.read_text())
        for layout in LAYOUTS:
            for form in FORMS:
                verdict, why = outcome(spec, layout, form, rules)
                tally[(layout, form, verdict)] += 1
                if verdict != "right":
                    print(path.stem, layout, form, verdict, why)
    for key in sorted(tally):
        print(*key, tally[key])
    return tally


if __name__ == "__main__":
    main()

"""Text, years as columns (the movements as rows): each real table printed with
one movement or balance of one account's block left blank (its label alone on
its line, no figure in any year), every block and every row in turn.  Each case
is right (every printed figure read where printed, in its own row's role, and no
other cell), warned (misread, a warning on the misread figures' lines), wrong (a
figure read in another role or not at all, unsaid) or refused (an input error).  Test support: `cd tests && PYTHONPATH=..:. python
sweep_blank_movements.py [TABLE]`; tests/test_no_figure_dropped.py pins it.

The blanked cells are figures of the spec set to blank, so the arithmetic may
no longer close: only placement is judged here, never the findings."""

from __future__ import annotations

import copy
import dataclasses
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import auditor
from render import Layout, _accounts, render
from test_real_tables import TRANSPOSED_LAYOUTS, _wrapped, applicable

SHARED = __import__("conftest").SHARED / "real-tables"
LAYOUTS = ("years-as-columns", "years-untagged")


def cases(spec: dict):
    """(block name, movement index, spec with that movement blank in that block)."""
    periods = list(range(len(spec["periods"])))
    width = len(spec["roles"]) - 1
    for name, rows in _accounts(spec, periods, Layout()):
        for m in range(width):
            edited = copy.deepcopy(spec)
            for pi, ri in rows.items():
                cells = edited["periods"][pi]["rows"][ri]["cells"]
                if m < len(cells):
                    cells[m] = ""
            yield name, m, edited


def outcome(spec: dict, layout_name: str, rules) -> tuple[str, str]:
    layout = dataclasses.replace(applicable(spec, TRANSPOSED_LAYOUTS[layout_name]), blank_movements=True)
    rendered = render(spec, layout)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "exhibit.txt"
        path.write_text(rendered.text, encoding="utf-8")
        result = auditor.check_file(str(path), rules)
    if result.error is not None:
        return "refused", result.error.message
    # (by role, not by place: a row blank in every block is no column of the schedule read)
    got = {(c.line, c.column): (_wrapped(r.label), s.columns[k].role, c.value)
           for s in result.schedules for p in s.periods for r in p.rows for k, c in enumerate(r.cells) if c is not None}
    printed = {(f.line, f.start): (_wrapped(rendered.row_labels[(f.period, f.row)]), spec["roles"][f.column + 1], f.value)
               for f in rendered.figures}
    unread = {(u.line, u.column) for s in result.schedules for u in s.unread}
    misread = {k: (got.get(k), v) for k, v in printed.items() if got.get(k) != v and k not in unread}
    extra = set(got) - set(printed)
    if misread or extra:
        first = sorted(misread.items())[:1] or sorted(extra)[:1]
        # (a warning on the misread figure's own line, VQ005 naming the joined label: said, not silent)
        said = {f.location.line for f in result.findings if f.severity == "warning"}
        verdict = "warned" if not extra and {line for line, _ in misread} <= said else "wrong"
        return verdict, f"{len(misread)} misread, {len(extra)} extra: {first}"
    return "right", ""


def main(only: str = "") -> Counter:
    rules = auditor.load_rules()
    tally: Counter = Counter()
    for path in sorted(SHARED.glob("*.json")):
        if only and path.stem != only:
            continue
        spec = json.loads(path.read_text())
        for name, m, edited in cases(spec):
            for layout_name in LAYOUTS:
                verdict, why = outcome(edited, layout_name, rules)
                tally[verdict] += 1
                if verdict != "right":
                    print(f"{path.stem} {layout_name} block {name!r} row {m} ({spec['roles'][m + 1]}): {verdict} {why}")
    print(dict(tally))
    return tally


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")

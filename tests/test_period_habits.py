"""The 24 real tables with their periods named as real Schedule IIs name them
(period_habits: predecessor/successor stubs, transition periods, a period
from inception, 52/53-week years, "FY 2004", two-digit and numeric dates,
"(Restated)" and marks after a year, a year in an account's name), one habit
at a time, in text and HTML layouts that print the captions as given: every
figure read where it is printed, in the period it belongs to, that period's
fiscal year and end read off its caption, exactly the table's errors found;
a figure changed in every other table found at its cell.  A reading that is
wrong and says nothing is the failure this guards against; `measure` prints
right / silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_period_habits.py [VARIATION ...]
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import auditor
from auditor import source
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from period_habits import VARIATIONS
from render import render
from test_html_era_markup import TABLES, planted
from test_html_real_tables import SOFTWARE, STYLES, _rendered
from test_real_tables import LAYOUTS, applicable

RULES = auditor.load_rules()

# Layouts that print each period's caption as the spec gives it.
TEXT = ("seed-like", "span-untagged", "first-cell-reopened", "pem-framed-letters")
HTML = ("split", "single-cells", "page-break", "ixbrl", "period-first-row", "toppan")
ALL = TEXT + HTML


def _print(spec: dict, layout: str):
    if layout in TEXT:
        return render(spec, applicable(spec, LAYOUTS[layout])), "t.txt"
    return _rendered(spec, layout), "t.htm"


def outcome(spec: dict, variation: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    spec = VARIATIONS[variation](spec)
    rendered, name = _print(spec, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    if result.error is not None:
        return "refused", str(result.error)
    got, want = reported_errors(result), expected_errors(spec, rendered)
    if got != want:
        return "wrong", f"findings: extra {sorted(got - want)} missing {sorted(want - got)}"
    cells = {k: v[1] for k, v in read_cells(result.schedules).items()}
    printed = {k: v[1] for k, v in printed_html_cells(rendered).items()}
    if cells != printed:
        extra = sorted(set(cells.items()) - set(printed.items()))[:3]
        missing = sorted(set(printed.items()) - set(cells.items()))[:3]
        return "wrong", f"cells: read {extra} not printed {missing}"
    periods = [p for s in result.schedules for p in s.periods]
    with_figures = len({f.period for f in rendered.figures})  # (a period printing no figure may go unread)
    if not with_figures <= len(periods) <= len(spec["periods"]):
        return "wrong", f"{len(periods)} periods read, {len(spec['periods'])} printed"
    of = {(f.line, f.start): f.period for f in rendered.figures}
    for p in periods:
        placed = {of[(c.line, c.column)] for r in p.rows for c in r.cells if c and (c.line, c.column) in of}
        if len(placed) != 1:
            return "wrong", f"period {p.label!r} holds figures of periods {sorted(placed)}"
        year, end = spec["periods"][placed.pop()]["want"]
        if p.fiscal_year != year or (end is not None and p.end_date != date.fromisoformat(end)):
            return "wrong", f"period {p.label!r} read as {p.fiscal_year} ending {p.end_date} (printed {year}, {end})"
    return "right", ""


def cases(path):
    spec = json.loads(path.read_text())
    yield "clean", spec
    if TABLES.index(path) % 2 == 0:
        yield "planted", planted(spec)


# Habits not read, each an input error naming its place, never a reading, by layout.
REFUSED: dict[str, set[str]] = {}


@pytest.mark.parametrize("layout", ALL)
@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_real_tables_with_periods_named_as_filers_name_them_read_exactly(variation, layout):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, variation, layout)
            if verdict == "wrong" or verdict == "refused" and layout not in REFUSED.get(variation, ()):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def test_each_habit_changes_every_table():
    for name, vary in VARIATIONS.items():
        for path in TABLES:
            spec = json.loads(path.read_text())
            assert [p["label"] for p in vary(spec)["periods"]] != [p["label"] for p in spec["periods"]] or name.endswith("reserve") or "trimas" in path.stem, (name, path.stem)


def measure(only: list[str]) -> None:
    for variation in sorted(only or VARIATIONS):
        for layout in ALL:
            counts = {"right": 0, "wrong": 0, "refused": 0}
            notes = []
            for path in TABLES:
                for kind, s in cases(path):
                    verdict, why = outcome(s, variation, layout)
                    counts[verdict] += 1
                    if verdict != "right" and len(notes) < 2:
                        notes.append(f"{path.stem}/{kind}: {why[:220]}")
            print(f"{variation:22} {layout:20} right {counts['right']:2}  wrong {counts['wrong']:2}  "
                  f"refused {counts['refused']:2}", flush=True)
            for n in notes:
                print("      ", n, flush=True)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

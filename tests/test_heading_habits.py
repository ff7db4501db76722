"""The 24 real tables with their columns headed as filers head them (heading_habits:
Rule 12-09 letters alone or over the words, headings a word a line or under a
span, "Additions (Deductions)", recoveries, translation and acquisitions
columns of both signs, "Ending Balance", "Closing", "Balance January 1",
misspellings, capitals run together, glued footnote digits, a heading that is
only "(a)", columns in another order, deductions in parentheses under
"Deductions"), one habit at a time, in text tagged and untagged, typed, HTML
and filing software's HTML: every figure read where it is printed, exactly the
table's errors found (tests/expect.py: the arithmetic of the roles the figures
truly have), a figure changed in every other table found at its cell.  A
reading that is wrong and says nothing is the failure this guards against;
`measure` prints right / silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_heading_habits.py [HABIT ...]
"""

from __future__ import annotations

import pytest

import auditor
from auditor import source
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from heading_habits import HABITS
from render import render
from render_html import HtmlStyle
from render_html import render as render_html
from render_software import render_software
from test_html_era_markup import TABLES
from test_html_real_tables import SOFTWARE
from test_real_tables import LAYOUTS, applicable
from test_text_era import cases  # (each table, and every other one with a figure changed)

RULES = auditor.load_rules()

TEXT = {"text-tagged": LAYOUTS["seed-like"], "text-untagged": LAYOUTS["span-untagged"],
        "typed": LAYOUTS["typed-second-line"]}
LAYOUT_NAMES = [*TEXT, "html", "toppan"]


def _print(spec: dict, habit: str, layout: str):
    h = HABITS[habit]
    if layout in TEXT:
        shape = applicable(spec, TEXT[layout])
        return render(spec, h.layout(shape) if h.layout else shape), "t.txt"
    if layout == "html":
        style = HtmlStyle()
        return render_html(spec, h.layout(style) if h.layout else style), "t.htm"
    style = SOFTWARE[layout]
    return render_software(spec, h.layout(style) if h.layout else style), "t.htm"


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    h = HABITS[habit]
    if h.spec is not None:
        spec = h.spec(spec)
    rendered, name = _print(spec, habit, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    if result.error is not None:
        return "refused", str(result.error)
    got, want = reported_errors(result), expected_errors(spec, rendered)
    if got != want:
        return "wrong", f"findings: extra {sorted(got - want)[:2]} missing {sorted(want - got)[:2]}"
    cells = {k: v for k, (_, v) in read_cells(result.schedules).items()}
    printed = {k: v for k, (_, v) in printed_html_cells(rendered).items()}
    if cells != printed:
        extra = sorted(set(cells.items()) - set(printed.items()))[:3]
        missing = sorted(set(printed.items()) - set(cells.items()))[:3]
        return "wrong", f"cells: read {extra} not printed {missing}"
    return "right", ""


# Habits not read exactly in a layout (strict: a fix must take it off), and why.
UNREAD: dict[tuple[str, str], str] = {}


def _habit_cases():
    for layout in LAYOUT_NAMES:
        for habit in sorted(HABITS):
            marks = [pytest.mark.xfail(strict=True, reason=UNREAD[habit, layout])] if (habit, layout) in UNREAD else []
            yield pytest.param(habit, layout, id=f"{layout}-{habit}", marks=marks)


@pytest.mark.parametrize("habit, layout", list(_habit_cases()))
def test_real_tables_with_heading_habits_read_exactly(habit, layout):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, habit, layout)
            if verdict == "wrong":
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def test_each_habit_changes_the_tables():
    import json
    for habit, h in HABITS.items():
        changed = 0
        for path in TABLES:
            spec = json.loads(path.read_text())
            if h.layout is not None or (h.spec is not None and h.spec(spec) != spec):
                changed += 1
        assert changed >= 4, habit


def measure(only: list[str]) -> None:
    for habit in sorted(only or HABITS):
        for layout in LAYOUT_NAMES:
            counts = {"right": 0, "wrong": 0, "refused": 0}
            notes = []
            for path in TABLES:
                for kind, s in cases(path):
                    verdict, why = outcome(s, habit, layout)
                    counts[verdict] += 1
                    if verdict != "right" and len(notes) < 2:
                        notes.append(f"{path.stem}/{kind} {verdict}: {why[:220]}")
            print(f"{habit:26} {layout:14} right {counts['right']:2}  wrong {counts['wrong']:2}  "
                  f"refused {counts['refused']:2}", flush=True)
            for n in notes:
                print("      ", n, flush=True)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

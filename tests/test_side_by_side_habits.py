"""The 24 real tables with two years printed side by side (side_by_side_habits:
a group of columns per year headed "2003", "Fiscal 2003" or the period's own
caption, one row per reserve), in tagged and untagged EDGAR text and HTML:
every figure read where it is printed, each group a period of the same rows,
exactly the table's errors found (carry forward between the groups checked
as between periods), and a figure changed in every other table found at its
cell.  `measure` prints right / silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_side_by_side_habits.py [HABIT ...]
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import auditor
from auditor import source
from expect import expected_errors
from habit_tally import misread, tally
from render_side_by_side import page, reserves, tagged, text
from side_by_side_habits import HABITS, RESERVE_HABITS, side_reserves, two_periods
from test_html_era_markup import TABLES, planted
from test_total_habits import cases

RULES = auditor.load_rules()
IXBRL = ("workiva", "toppan")  # (every figure tagged, its context the group's year and the row's reserve)
LAYOUT_NAMES = ["text-tagged", "text-untagged", "html", *IXBRL]


def _print(spec: dict, habit: str, layout: str):
    if habit in RESERVE_HABITS:
        rendered = reserves(spec, "html" if layout in IXBRL else layout, *RESERVE_HABITS[habit])
    else:
        captions = [HABITS[habit].caption(p["label"]) for p in spec["periods"]]
        title = HABITS[habit].title
        subtitle = title([p["label"] for p in spec["periods"]]) if title else ""
        if layout.startswith("text"):
            return text(spec, captions, tagged=layout == "text-tagged", subtitle=subtitle), "t.txt"
        rendered = page(spec, captions, subtitle)
    if layout in IXBRL:
        rendered = tagged(rendered, spec, workiva=layout == "workiva")
    return rendered, "t.txt" if layout.startswith("text") else "t.htm"


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    rendered, name = _print(spec, habit, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    # (inline XBRL: the facts are laid out as a schedule of their own too; the printed table is what is read)
    result = replace(result, schedules=[s for s in result.schedules if s.source != "xbrl"])
    wrong = misread(result, rendered, lambda: expected_errors(spec, rendered))
    if wrong is not None:
        return _warned(result, spec, rendered) or wrong
    periods = [p for s in result.schedules for p in s.periods]
    if len(periods) != len(spec["periods"]):
        return "wrong", f"{len(periods)} periods read, {len(spec['periods'])} printed"
    return "right", ""


def _warned(result, spec: dict, rendered):
    """("refused", the warning) where every figure was read as printed and the table's errors
    found, besides a warning that the arithmetic cannot tell a column's direction (VQ005,
    reading_ambiguity: letters past E say no sign): the tool says what it did not settle."""
    extra = [f for f in result.findings if f.severity == "warning" and f.check == "reading_ambiguity"]
    rest = replace(result, findings=[f for f in result.findings if f not in extra])
    if not extra or misread(rest, rendered, lambda: expected_errors(spec, rendered)) is not None:
        return None
    return "refused", "warned: " + "; ".join(f.message for f in extra)


def _specs(path, kind: str, spec: dict, habit: str):
    made = side_reserves(spec) if habit in RESERVE_HABITS else two_periods(spec, HABITS[habit].periods)
    return made if made is None or kind == "clean" else planted(made)


# Refusals, never readings, each an input error naming its line: (table, habit or "*", layout or "*").
# A warning is tallied as a refusal: the tool says what it did not settle.
# clorox prints two additions and two deductions columns: lettered alone B to G, the letters past
# E say no sign, and where one row prints a figure in "COL. F" the arithmetic cannot tell its
# direction either (VQ005 warns), every figure read where printed.
REFUSED: set[tuple[str, str, str]] = {("clorox-fy2011", "reserves-letters-only", "*")}


def _verdicts(habit: str, layout: str):
    for path in TABLES:
        for kind, s in cases(path):
            made = _specs(path, kind, s, habit)
            if made is not None:
                yield (f"{path.stem}/{kind}", *outcome(made, habit, layout))


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("habit", sorted(HABITS))
def test_real_tables_with_two_years_side_by_side_read_as_two_periods(habit, layout):
    failures = [(case, verdict, why[:300]) for case, verdict, why in _verdicts(habit, layout)
                if verdict == "wrong" or verdict == "refused" and not any(
                    (case.split("/")[0], h, l) in REFUSED for h in (habit, "*") for l in (layout, "*"))]
    assert failures == []


def test_the_habits_apply_to_enough_tables():
    import json

    specs = [json.loads(p.read_text()) for p in TABLES]
    assert sum(two_periods(s) is not None for s in specs) >= 10
    assert sum(two_periods(s, 3) is not None for s in specs) >= 5
    assert sum(side_reserves(s) is not None for s in specs) >= 8


@pytest.mark.parametrize("layout", LAYOUT_NAMES)
@pytest.mark.parametrize("habit", sorted(RESERVE_HABITS))
def test_real_tables_with_reserves_side_by_side_read_as_a_row_per_reserve(habit, layout):
    failures = [(case, verdict, why[:300]) for case, verdict, why in _verdicts(habit, layout)
                if verdict == "wrong" or verdict == "refused" and not any(
                    (case.split("/")[0], h, l) in REFUSED for h in (habit, "*") for l in (layout, "*"))]
    assert failures == []


def measure(only: list[str]) -> None:
    tally(sorted(only or [*HABITS, *RESERVE_HABITS]), LAYOUT_NAMES, _verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

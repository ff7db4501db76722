"""The 24 real tables typed with the habits of 1993-2000 EDGAR text submissions
the typed sweeps do not vary (text_era: CRLF, trailing spaces and a form feed,
figures without commas, trailing minus signs and credits ("473-", "473CR", mixed
with "(473)"), TOTAL in capitals, "=====" under
each total's figures, a "(Continued)" page break going on without headings,
labels wrapped over three lines with the figures on the middle one), one habit
at a time: every figure read where it is printed, exactly the table's errors
found, and a figure changed in every other table found at its cell.  A reading
that is wrong and says nothing is the failure this guards against; `measure`
prints right / silently wrong / refused per habit:

    cd tests && PYTHONPATH=..:. python test_text_era.py [VARIATION ...]
"""

from __future__ import annotations

import json

import pytest

import auditor
from auditor import source
from expect import expected_errors, reported_errors
from render import render
from test_html_era_markup import TABLES, planted
from test_real_tables import LAYOUTS, applicable
from text_era import VARIATIONS

RULES = auditor.load_rules()


def outcome(spec: dict, variation: str, layout: str = "seed-like") -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    rendered = VARIATIONS[variation](render(spec, applicable(spec, LAYOUTS[layout])), spec)
    result = auditor.check_source(source.from_text(rendered.text, "t.txt"), RULES)
    if result.error is not None:
        return "refused", str(result.error)
    got, want = reported_errors(result), expected_errors(spec, rendered)
    if got != want:
        return "wrong", f"findings: extra {sorted(got - want)} missing {sorted(want - got)}"
    cells = {(c.line, c.column): c.value for s in result.schedules for p in s.periods for r in p.rows
             for c in r.cells if c}
    printed = {(f.line, f.start): f.value for f in rendered.figures}
    if cells != printed:
        extra = sorted(set(cells.items()) - set(printed.items()))[:3]
        missing = sorted(set(printed.items()) - set(cells.items()))[:3]
        return "wrong", f"cells: read {extra} not printed {missing}"
    roles = [[c.role for c in s.columns] for s in result.schedules]
    if any(r != spec["roles"][1:] for r in roles):
        return "wrong", f"columns {roles}"
    if sum(len(s.periods) for s in result.schedules) != len(spec["periods"]):
        return "wrong", f"{sum(len(s.periods) for s in result.schedules)} periods"
    return "right", ""


def cases(path):
    spec = json.loads(path.read_text())
    yield "clean", spec
    if TABLES.index(path) % 2 == 0:
        yield "planted", planted(spec)


# Habits not read, each an input error naming its line, never a reading: none now.  (Negatives
# typed "473-", "473CR", "473 CR" are read since stop 25: labels.NEGATIVE_AFTER; a table typed as
# two, its columns split one under the other, is read as one: frontends/text/halves.)
REFUSED: set[str] = set()


@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_real_tables_typed_with_era_habits_read_exactly(variation):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, variation)
            if verdict == "wrong" or verdict == "refused" and variation not in REFUSED:
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def test_each_habit_changes_the_text():
    # (Some habits need what not every table has: a total to unlabel, room for a heading's marker.)
    specs = [json.loads(path.read_text()) for path in TABLES]
    plain = [(render(spec, applicable(spec, LAYOUTS["seed-like"])), spec) for spec in specs]
    for name, vary in VARIATIONS.items():
        changed = sum(vary(r, spec).text != r.text for r, spec in plain)
        assert changed >= 6, name


def measure(only: list[str]) -> None:
    for variation in sorted(only or VARIATIONS):
        counts = {"right": 0, "wrong": 0, "refused": 0}
        notes = []
        for path in TABLES:
            for kind, s in cases(path):
                verdict, why = outcome(s, variation)
                counts[verdict] += 1
                if verdict != "right" and len(notes) < 3:
                    notes.append(f"{path.stem}/{kind}: {why[:200]}")
        print(f"{variation:18} right {counts['right']:2}  wrong {counts['wrong']:2}  refused {counts['refused']:2}")
        for n in notes:
            print("      ", n)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

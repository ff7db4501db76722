"""The 24 real tables typed with their periods double-spaced apart (period_gaps: two
or three blank lines between periods, the period captioned on its own line or in the
first cell), untagged and typed: every figure read where it is printed, exactly the
table's errors found, a figure changed in every other table found at its cell.  A
period after the gap was once lost, silently, where its name stood in a first cell
(untagged_end._period_in_first_cell).  `measure` prints right / silently wrong / refused:

    cd tests && PYTHONPATH=..:. python test_period_gaps.py [HABIT ...]
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

import pytest

import auditor
from auditor import source
from expect import expected_errors
from habit_tally import each_case, misread, tally
from period_gaps import GAPS
from render import render
from test_html_era_markup import TABLES
from test_real_tables import LAYOUTS, applicable
from test_text_era import cases  # (each table, and every other one with a figure changed)

RULES = auditor.load_rules()


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed); `layout` is the habit's own."""
    name, changes = GAPS[habit]
    rendered = render(spec, replace(applicable(spec, LAYOUTS[name]), **changes))
    if "\n\n\n" not in rendered.text:
        return "n/a", ""  # (one period and one account: no gap between blocks to print)
    result = auditor.check_source(source.from_text(rendered.text, "t.txt"), RULES)
    return misread(result, rendered, lambda: expected_errors(spec, rendered)) or _periods_misread(result, rendered) \
        or ("right", "")


def _periods_misread(result, rendered) -> Optional[tuple[str, str]]:
    """("wrong", why) where a period read holds figures of two printed periods, or
    the periods printing figures are not each read as one (its carry forward unchecked)."""
    of = {(f.line, f.start): f.period for f in rendered.figures}
    held = [{of.get((c.line, c.column)) for r in p.rows for c in r.cells if c}
            for s in result.schedules for p in s.periods]
    if any(len(h) != 1 for h in held) or len(held) != len({f.period for f in rendered.figures}):
        return "wrong", f"periods read hold the figures of printed periods {[sorted(h, key=str) for h in held]}"
    return None


@pytest.mark.parametrize("habit", sorted(GAPS))
def test_real_tables_with_periods_double_spaced_apart_read_exactly(habit):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, habit, "text")
            if verdict not in ("right", "n/a"):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def measure(only: list[str]) -> None:
    tally(only or sorted(GAPS), ["text"], each_case(TABLES, cases, outcome))


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

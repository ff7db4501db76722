"""Rows labelled by their periods in every layout (`dated_row_habits`): each one-account real
table typed with its rows labelled "Year ended December 31, 1997", "1997", "December 31, 1997",
"Fiscal 1997", "1997 (a)" (and, in text, "Year ended      December 31, 1997"), in EDGAR text
untagged and tagged, in plain HTML and inline XBRL, and as the era renderer (`render_html`) and
Workiva's (`render_software`) print them, the account named over the rows or nowhere, either
order; and an invented table whose balances, printed bare, look like years.  Every period read, each
cell as printed (its value, in its printed row, under its column's role: `misread`), the clean table
clean, a planted figure found by its check at its row (carry-forward: its row or the next one's
opening).  `measure` tallies
right / silently wrong / refused per layout and label:

    cd tests && PYTHONPATH=..:. python test_dated_row_habits.py
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from conftest import SHARED

import auditor
from auditor import source
from dated_row_habits import LABELS, ONE_ACCOUNT, PLANTS, YEAR_LIKE, as_html, dated, rendered, table, typed, value

TABLES = SHARED / "real-tables"
RULES = auditor.load_rules()
LAYOUTS = ("text", "tagged", "html", "workiva", "html-era", "workiva-rendered")
HTML_LABELS = [h for h in LABELS if h != "year-ended-gap"]


def _spec(name: str) -> dict:
    return table(name, TABLES)


def outcome(name: str, layout: str, how: str, account: bool, reverse: bool, plant) -> str:
    """right, wrong (read otherwise or the finding missed or misplaced) or refused."""
    spec = _spec(name)
    if layout in ("text", "tagged"):
        text, (planted, beside, rows) = typed(spec, how, account, reverse, plant, layout == "tagged")
        file = "t.txt"
    elif layout in ("html", "workiva"):
        text, (planted, beside, rows) = as_html(spec, how, account, reverse, plant, layout == "workiva")
        file = "t.htm"
    else:
        text, (planted, beside, rows) = rendered(spec, how, account, reverse, plant, layout == "workiva-rendered")
        file = "t.htm"
    result = auditor.check_source(source.from_text(text, file), RULES)
    if any(f.check == "input" for f in result.findings) or not result.schedules:
        return "refused"
    if [len(s.periods) for s in result.schedules] != [len(spec["periods"])]:
        return "wrong"
    if misread(result.schedules[0], spec, dated(spec, how, reverse, plant), rows) is not None:
        return "wrong"
    findings = [f for f in result.findings if f.severity == "error"]
    if plant is None:
        return "right" if not findings else "wrong"
    if [f.check for f in findings][:1] != [plant]:
        return "wrong"
    lines = planted | beside if plant == "carry_forward" else planted
    return "right" if findings[0].location is not None and findings[0].location.line in lines else "wrong"


def misread(schedule, spec: dict, printed: list, rows: list) -> str | None:
    """What the schedule read otherwise than printed, None where it read every cell as printed: its
    columns' roles the table's, and each period (in the order printed) one row whose figures stand on
    that printed row's lines and whose values are its cells' (a nil none, or a cell left blank)."""
    roles = [c.role for c in schedule.columns]
    if roles != spec["roles"][1:]:
        return f"roles {roles}"
    for period, (label, cells, _), lines in zip(schedule.periods, printed, rows):
        if len(period.rows) != 1:
            return f"{label}: {len(period.rows)} rows"
        read = period.rows[0].cells
        if [c.value if c else None for c in read] != [value(c) for c in cells]:
            return f"{label}: read {[c.raw if c else None for c in read]}, printed {cells}"
        if any(c is not None and c.line not in lines for c in read):
            return f"{label}: a figure read off its row's lines {sorted(lines)}"
    return None


def cases(layouts=LAYOUTS):
    for layout in layouts:
        for how in (LABELS if layout in ("text", "tagged") else HTML_LABELS):
            for name, account, reverse, plant in itertools.product([*ONE_ACCOUNT, YEAR_LIKE], (True, False), (False, True), PLANTS):
                yield name, layout, how, account, reverse, plant


@pytest.mark.skipif(not TABLES.is_dir(), reason="the real tables are not on this machine")
@pytest.mark.parametrize("name,layout,how,account,reverse,plant", list(cases()))
def test_dated_row(name, layout, how, account, reverse, plant):
    assert outcome(name, layout, how, account, reverse, plant) == "right"


def test_misread_tells_a_cell_read_otherwise():
    """`misread` says where a figure was read with another value, in another row or under another role."""
    spec = _spec(YEAR_LIKE)
    text, (_, _, rows) = typed(spec, "bare-year", True, False, None, False)
    schedule = auditor.check_source(source.from_text(text, "t.txt"), RULES).schedules[0]
    printed = dated(spec, "bare-year", False, None)
    assert misread(schedule, spec, printed, rows) is None
    assert misread(schedule, spec, [(label, cells[::-1], mark) for label, cells, mark in printed], rows) is not None
    assert misread(schedule, spec, printed, rows[::-1]) is not None
    assert misread(schedule, {**spec, "roles": ["label", "beginning", "charged_other", "deductions", "ending"]},
                   printed, rows) is not None


def measure() -> None:
    tally: dict[tuple[str, str], Counter] = {}
    for case in cases():
        tally.setdefault((case[1], case[2]), Counter())[outcome(*case)] += 1
    for (layout, how), counts in tally.items():
        print(f"{layout:8} {how:16} right {counts['right']:3}  wrong {counts['wrong']:3}  refused {counts['refused']:3}")
    total = sum(tally.values(), Counter())
    print(f"all: right {total['right']}  wrong {total['wrong']}  refused {total['refused']}")


if __name__ == "__main__":
    measure()

"""Rows labelled by their periods in every layout (`dated_row_habits`): each one-account real
table typed with its rows labelled "Year ended December 31, 1997", "1997", "December 31, 1997",
"Fiscal 1997", "1997 (a)" (and, in text, "Year ended      December 31, 1997"), in EDGAR text
untagged and tagged, in plain HTML and inline XBRL, and as the era renderer (`render_html`) and
Workiva's (`render_software`) print them, the account named over the rows or nowhere, either
order; and an invented table whose balances, printed bare, look like years.  Every period read, the clean table clean, a planted figure found by its
check at its row (carry-forward: its row or the next one's opening).  `measure` tallies
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
from dated_row_habits import LABELS, ONE_ACCOUNT, PLANTS, YEAR_LIKE, as_html, rendered, table, typed

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
        text, (planted, beside) = typed(spec, how, account, reverse, plant, layout == "tagged")
        file = "t.txt"
    elif layout in ("html", "workiva"):
        text, (planted, beside) = as_html(spec, how, account, reverse, plant, layout == "workiva")
        file = "t.htm"
    else:
        text, (planted, beside) = rendered(spec, how, account, reverse, plant, layout == "workiva-rendered")
        file = "t.htm"
    result = auditor.check_source(source.from_text(text, file), RULES)
    if any(f.check == "input" for f in result.findings) or not result.schedules:
        return "refused"
    if [len(s.periods) for s in result.schedules] != [len(spec["periods"])]:
        return "wrong"
    findings = [f for f in result.findings if f.severity == "error"]
    if plant is None:
        return "right" if not findings else "wrong"
    if [f.check for f in findings][:1] != [plant]:
        return "wrong"
    lines = planted | beside if plant == "carry_forward" else planted
    return "right" if findings[0].location is not None and findings[0].location.line in lines else "wrong"


def cases(layouts=LAYOUTS):
    for layout in layouts:
        for how in (LABELS if layout in ("text", "tagged") else HTML_LABELS):
            for name, account, reverse, plant in itertools.product([*ONE_ACCOUNT, YEAR_LIKE], (True, False), (False, True), PLANTS):
                yield name, layout, how, account, reverse, plant


@pytest.mark.skipif(not TABLES.is_dir(), reason="the real tables are not on this machine")
@pytest.mark.parametrize("name,layout,how,account,reverse,plant", list(cases()))
def test_dated_row(name, layout, how, account, reverse, plant):
    assert outcome(name, layout, how, account, reverse, plant) == "right"


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

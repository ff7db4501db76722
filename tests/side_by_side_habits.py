"""Periods printed side by side, as real Schedule IIs print them, as edits of a
real table's spec (test support, not part of the tool).

A filer with few reserves may print two years side by side: a group of
columns per year (balance at beginning, movements, balance at end), each
group headed by its year, one row per reserve (tests/render_side_by_side.py).
Each habit takes the table's first two printed periods where they print the
same reserves in the same order (captions dropped) and names how each group
is headed:

- years-bare: "2003" over each group;
- years-fiscal: "Fiscal 2003";
- years-worded: the period's caption as the table prints it ("Year ended
  December 31, 2003").

`Habit.spec` is the edit (None: the table cannot show the habit); `caption`
heads a group for a period's label.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Optional

from render import period_date
from auditor.labels import YEAR


@dataclass(frozen=True)
class Habit:
    caption: Callable[[str], str]


def two_periods(spec: dict) -> Optional[dict]:
    """The spec cut to its first two printed periods, captions dropped, where both print the
    same reserves in the same order, each ends in a year of its own, and the columns run
    from the balance at beginning to the balance at end (a group per period)."""
    roles = spec["roles"][1:]
    if roles[0] != "beginning" or roles[-1] != "ending" or len(spec["periods"]) < 2:
        return None
    spec = json.loads(json.dumps(spec))
    periods = spec["periods"][:2]
    for p in periods:
        p["rows"] = [r for r in p["rows"] if r["cells"]]
    labels = [[r["label"] for r in p["rows"]] for p in periods]
    dates = [period_date(p["label"]) for p in periods]
    if labels[0] != labels[1] or not labels[0] or None in dates or dates[0][0] == dates[1][0]:
        return None
    spec["periods"] = periods
    return spec


def _year(label: str) -> str:
    return [m.group(0) for m in YEAR.finditer(label)][-1]


HABITS: dict[str, Habit] = {
    "years-bare": Habit(_year),
    "years-fiscal": Habit(lambda label: f"Fiscal {_year(label)}"),
    "years-worded": Habit(lambda label: " ".join(label.rstrip(": ").split())),
}

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
  December 31, 2003");
- under-a-year-bare, under-a-year-worded: the same under a title naming the
  latest year alone ("For the Year ended December 31, 2003" under "VALUATION
  AND QUALIFYING ACCOUNTS"), as filers print a year's report; three-under-a-year:
  three years side by side so (the tables printing three periods alike).

`caption` heads a group for a period's label, `title` (the periods' labels,
newest first) is a line under the schedule's title, `periods` how many of the
table's printed periods go side by side.
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
    title: Optional[Callable[[list[str]], str]] = None
    periods: int = 2


def two_periods(spec: dict, n: int = 2) -> Optional[dict]:
    """The spec cut to its first `n` printed periods, captions dropped, where all print the
    same reserves in the same order, each ends in a year of its own, and the columns run
    from the balance at beginning to the balance at end (a group per period)."""
    roles = spec["roles"][1:]
    if roles[0] != "beginning" or roles[-1] != "ending" or len(spec["periods"]) < n:
        return None
    spec = json.loads(json.dumps(spec))
    periods = spec["periods"][:n]
    for p in periods:
        p["rows"] = [r for r in p["rows"] if r["cells"]]
    labels = [[r["label"] for r in p["rows"]] for p in periods]
    dates = [period_date(p["label"]) for p in periods]
    if any(ls != labels[0] for ls in labels) or not labels[0] or None in dates \
            or len({d[0] for d in dates}) < n:
        return None
    spec["periods"] = periods
    return spec


def _year(label: str) -> str:
    return [m.group(0) for m in YEAR.finditer(label)][-1]


def _worded(label: str) -> str:
    return " ".join(label.rstrip(": ").split())


def latest_year(labels: list[str]) -> str:
    """The title line naming the latest period alone: "For the Year ended December 31, 2003"
    (or "For the Year 2003" where its caption is a bare year)."""
    latest = _worded(max(labels, key=_year))
    return f"For the {latest}" if latest.split()[0].lower() in ("year", "fiscal") else f"For the Year {_year(latest)}"


HABITS: dict[str, Habit] = {
    "years-bare": Habit(_year),
    "years-fiscal": Habit(lambda label: f"Fiscal {_year(label)}"),
    "years-worded": Habit(_worded),
    "under-a-year-bare": Habit(_year, latest_year),
    "under-a-year-worded": Habit(_worded, latest_year),
    "three-under-a-year": Habit(_year, latest_year, periods=3),
}


def side_reserves(spec: dict, most: int = 3) -> Optional[dict]:
    """The spec cut to its first `most` reserves (no totals) in every printed period, where two
    or more periods print the same two or more reserves in the same order and the columns run
    from the balance at beginning to the balance at end (a group per reserve, a row per period)."""
    roles = spec["roles"][1:]
    if roles[0] != "beginning" or roles[-1] != "ending" or len(spec["periods"]) < 2:
        return None
    spec = json.loads(json.dumps(spec))
    for p in spec["periods"]:
        p["rows"] = [r for r in p["rows"] if r["cells"] and not r.get("is_total") and not r["label"].lower().startswith("total")]
    labels = [[r["label"] for r in p["rows"]] for p in spec["periods"]]
    dates = [period_date(p["label"]) for p in spec["periods"]]
    if any(ls != labels[0] for ls in labels) or len(labels[0]) < 2 or None in dates \
            or len({d[0] for d in dates}) < len(dates):
        return None
    for p in spec["periods"]:
        p["rows"] = p["rows"][:most]
    return spec


# Reserves side by side (tests/render_side_by_side.reserves): each group under its reserve's
# name, the years as rows; Rule 12-09's letters over each group's headings, repeated per group
# ("COL. B" .. "COL. E" under each reserve; a format), or alone heading them (no words).
RESERVE_HABITS: dict[str, tuple[str, bool]] = {
    "reserves-named": ("", False),
    "reserves-lettered": ("COL. {}", False),
    "reserves-lettered-column": ("COLUMN {}", False),
    "reserves-letters-only": ("COL. {}", True),
}

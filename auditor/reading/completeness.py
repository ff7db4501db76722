"""Whether a schedule as read ends before its last period closes.

A document cut off inside a table, or a continuation table the reading
missed (a markup slip between the two), leaves a schedule whose last period
stops short: the periods before it each close with a total row, the last
has none and fewer rows than the one before.  Checked clean, such a
schedule would pass with its missing rows unchecked; it is an input error
instead, naming the period.
"""

from __future__ import annotations

from auditor.errors import InputError
from auditor.model import Schedule


def refuse_cut_short(schedule: Schedule, path: str) -> None:
    periods = schedule.periods
    if len(periods) < 2:
        return
    *earlier, last = periods
    if not all(any(r.is_total for r in p.rows) for p in earlier) or any(r.is_total for r in last.rows):
        return
    if len(last.rows) >= len(earlier[-1].rows):
        return
    raise InputError(
        f"the schedule ends before its last period closes: {last.label!r} has {len(last.rows)} "
        f"row{'s' * (len(last.rows) != 1)} and no total, where {earlier[-1].label!r} has "
        f"{len(earlier[-1].rows)} and closes with one (is the file cut off, or a continuation table unread?)",
        path, last.line)

"""Whether a schedule as read stops short of its last period's close.

A document cut off inside a table, or a continuation table the reading
missed (a markup slip between the two), leaves a schedule whose last period
stops short: the periods before it each close with a total row, the last
has none and fewer rows than the one before.  Checked clean, such a
schedule would pass with its missing rows unchecked; it is an input error
instead, naming the period.  (What the file shows of a cut where the
schedule shows none: `completeness`.)
"""

from __future__ import annotations

from auditor.errors import InputError
from auditor.labels import row_key
from auditor.model import Period, Schedule


def refuse_cut_short(schedule: Schedule, path: str, at_end: bool = False) -> None:
    """`at_end`: the file ends at the schedule's last row (`refuse_cut_off` has marked it), where
    a last period printing every reserve of the one before but no total may be cut before it."""
    # (A year printed blank, every reserve's label over no figure, before its reserves opened, closes
    # on no total and is no measure of the year after it: the periods printing figures are compared.)
    if len(schedule.periods) < 2:
        return
    *earlier, last = schedule.periods
    earlier = [p for p in earlier if p.prints_figures]
    if not earlier:
        return
    if _reserves(schedule, last) >= _reserves(schedule, earlier[-1]):
        return
    if all(any(r.is_total for r in p.rows) for p in earlier) and not any(r.is_total for r in last.rows):
        if not at_end and _every_reserve_of(last, earlier[-1]):
            return  # (a total printed once, under the other periods only: the table goes on after it, whole)
        said = "no total"
    elif at_end and all(_closes_on_total(p) for p in earlier) and (not _closes_on_total(last) or (
            _totals(last) < _totals(earlier[-1]) and _every_reserve_of(last, earlier[-1], totals=False))):
        # (a grouped table cut inside its last period: a group's total printed above the cut, the last
        # group's or the grand total lost, as the periods before print them at their foot.  A period
        # closing on a total with fewer reserves may be a whole oldest year, a group not yet begun: VQ008's)
        said = f"{_totals(last)} total{'s' * (_totals(last) != 1)}, the last row " + (
            "a total" if _closes_on_total(last) else "no total")
    else:
        return
    adopted = len(last.rows) - _reserves(schedule, last)
    raise InputError(
        f"the schedule ends before its last period closes: {last.label!r} has {len(last.rows)} "
        f"row{'s' * (len(last.rows) != 1)}{f' ({adopted} a standard adoption)' if adopted else ''} and {said}, where {earlier[-1].label!r} has "
        f"{len(earlier[-1].rows)}{'' if said == 'no total' else f' ({_totals(earlier[-1])} totals)'} and closes with one (is the file cut off, or a continuation table unread?)",
        path, last.line)


def _reserves(schedule: Schedule, period: Period) -> int:
    """A period's rows but a standard's adoption printed as a row of its own ("Adoption of ASC
    326"), which the period before prints no row for: the rows a cut leaves fewer of."""
    k = schedule.periods.index(period)
    adopted = {r for _, _, p, r, _ in (schedule.reading.adoptions if schedule.reading is not None else ()) if p == k}
    return len(period.rows) - len(adopted)


def _closes_on_total(period: Period) -> bool:
    """Whether a period's last row (the lowest printed) is a total."""
    return bool(period.rows) and max(period.rows, key=lambda r: r.line).is_total


def _totals(period: Period) -> int:
    return sum(1 for r in period.rows if r.is_total)


def _every_reserve_of(last: Period, before: Period, totals: bool = True) -> bool:
    """The last period prints the rows the period before prints but its totals, by label
    (`totals` False: the last period's totals aside too)."""
    return (sorted(row_key(r.label) for r in last.rows if totals or not r.is_total)
            == sorted(row_key(r.label) for r in before.rows if not r.is_total))

"""Which period opens with which one's balances at end: the carry forward.

Periods follow one another by end date (or fiscal year where a caption gives
no date).  A year printed twice -- restated beside the year as first
reported, "2002 (as restated)" and "2002 (as previously reported)" -- is two
periods ending on the same date: each opens with the year before's balances,
and the next year opens with the one whose caption says it carries on (the
restated one, `labels.CARRIED_ON`); where no caption says which, the next
year's opening balances are checked against neither, and the basis says so.
"""

from __future__ import annotations

from typing import Optional, Sequence

from auditor.labels import CARRIED_ON
from auditor.model import Period

Link = tuple[int, int]  # (earlier period, later period): the later opens with the earlier's balances


def chronological_order(periods: Sequence[Period]) -> list[int]:
    """The indices of the periods, oldest first: by end date, or by fiscal year
    where every period has a distinct one; printed order otherwise."""
    order = range(len(periods))
    ends = [p.end_date for p in periods]
    if all(ends):
        return sorted(order, key=lambda p: ends[p] or 0)
    years = [p.fiscal_year for p in periods]
    if all(years) and len(set(years)) == len(periods):
        return sorted(order, key=lambda p: years[p] or 0)
    return list(order)


def links(periods: Sequence[Period]) -> tuple[Optional[tuple[Link, ...]], str]:
    """The carry-forward links, and why, where two periods end on the same
    date; (None, "") where every period follows the one before (chronological)."""
    ends = [p.end_date for p in periods]
    if len(set(ends)) == len(ends) or not all(ends):
        return None, ""
    order = chronological_order(periods)
    groups: list[list[int]] = []
    for p in order:
        if groups and periods[groups[-1][0]].end_date == periods[p].end_date:
            groups[-1].append(p)
        else:
            groups.append([p])
    if all(len(g) == 1 for g in groups):
        return None, ""
    found: list[Link] = []
    said: list[str] = []
    carrier: Optional[int] = None
    for n, group in enumerate(groups):
        if carrier is not None:
            found += [(carrier, p) for p in group]
        carrier = _carrier(periods, group)
        if len(group) > 1:
            said.append(_basis(periods, group, carrier, n + 1 < len(groups)))
    return tuple(found), "; ".join(said)


def _carrier(periods: Sequence[Period], group: list[int]) -> Optional[int]:
    if len(group) == 1:
        return group[0]
    carrying = [p for p in group if CARRIED_ON.search(periods[p].label)]
    return carrying[0] if len(carrying) == 1 else None


def _basis(periods: Sequence[Period], group: list[int], carrier: Optional[int], followed: bool) -> str:
    names = " and ".join(repr(periods[p].label) for p in group)
    said = f"{names} end on the same date: each is checked on its own"
    if not followed:
        return said
    if carrier is not None:
        return f"{said}; the next period opens with {periods[carrier].label!r}'s balances (its caption says so)"
    return f"{said}; no caption says which the next period opens with: that carry forward is not checked"

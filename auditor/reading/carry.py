"""Which period opens with which one's balances at end: the carry forward.

Periods follow one another by end date (or fiscal year where a caption gives
no date).  Where the captions name no year ("Current year", "Year 3", or no
caption at all), the figures decide, as they do for signs: the periods follow
one another in the order (printed, or its reverse) in which more rows open
with the balances the period before closed with; where neither order carries
more, the carry forward is not checked, and the basis says so.

A year printed twice -- restated beside the year as first reported, "2002
(as restated)" and "2002 (as previously reported)" -- is two periods ending
on the same date: each opens with the year before's balances, and the next
year opens with the one whose caption says it carries on (the restated one,
`labels.CARRIED_ON`); where no caption says which, the next year's opening
balances are checked against neither, and the basis says so.

A successor's period after its predecessor's (fresh-start accounting, ASC
852, or an acquisition pushed down) opens on a new basis: its balances at
beginning are not checked against the predecessor's at end; the periods on
either side of it are.

A balance at beginning printed restated or as adjusted, no adoption beside it
("Balance at beginning of year, as restated"), opens each period on balances
the year before did not close with: the carry forward is not checked, and the
basis says so.

Two periods read one after the other with a year between them (the year's
rows said unread, VQ007: a part after a page break the reading could not join),
each following the one before (no successor's stub, no two periods ending on
one date: those link by their labels), are not linked: the later's balances at beginning are not checked against the
earlier's at end, and the basis says so.
"""

from __future__ import annotations

from typing import NamedTuple, Optional, Sequence

from auditor.labels import CARRIED_ON, PREDECESSOR, RESTATED_BALANCE, SUCCESSOR, row_key
from auditor.model import Period, amount_of

Link = tuple[int, int]  # (earlier period, later period): the later opens with the earlier's balances


class Carry(NamedTuple):
    order: Optional[tuple[int, ...]]  # oldest first, where the figures decided it; None: by the captions
    links: Optional[tuple[Link, ...]]  # None: each period opens with the one before it
    basis: str


def chronological_order(periods: Sequence[Period], decided: Optional[Sequence[int]] = None) -> list[int]:
    """The indices of the periods, oldest first: as `decided` (by the figures) where
    given; by end date, or by fiscal year where every period has a distinct one;
    printed order otherwise."""
    if decided is not None:
        return list(decided)
    order = range(len(periods))
    ends = [p.end_date for p in periods]
    if all(ends):
        return sorted(order, key=lambda p: ends[p] or 0)
    years = [p.fiscal_year for p in periods]
    if all(years) and len(set(years)) == len(periods):
        return sorted(order, key=lambda p: years[p] or 0)
    return list(order)


def read(periods: Sequence[Period], opening: int, closing: int) -> Carry:
    """The periods' order where their captions do not give it, and the carry-forward links."""
    if len(periods) < 2 or _dated(periods):
        return Carry(None, *links(periods))
    forward, backward = carried_each_way(periods, opening, closing)
    said = (f"the period captions name no year: {max(forward, backward)} rows open with the balances the "
            f"period printed {'before' if forward > backward else 'after'} them closed with "
            f"({min(forward, backward)} the other way)")
    if forward == backward:
        return Carry(None, (), f"the period captions name no year, and as many rows open with the balances of "
                               f"the period printed before them as after them ({forward}): carry forward not checked")
    order = tuple(range(len(periods)))
    order = order if forward > backward else order[::-1]
    found, basis = links(periods, order)
    return Carry(order, found, "; ".join(b for b in (f"{said}: the periods read in that order", basis) if b))


def opened_restated(carried: Carry, heading: str) -> Carry:
    """`carried` with no link where the balance at beginning's heading says it is restated."""
    if carried.links == () or not RESTATED_BALANCE.search(heading):
        return carried
    said = (f"the balance at beginning is printed restated ({' '.join(heading.split())!r}): carry forward "
            "from the balances the periods before closed with not checked")
    return Carry(carried.order, (), "; ".join(b for b in (carried.basis, said) if b))


def _dated(periods: Sequence[Period]) -> bool:
    """The captions give the periods' order: every one a date, or a distinct fiscal year."""
    if all(p.end_date for p in periods):
        return True
    years = [p.fiscal_year for p in periods]
    return all(years) and len(set(years)) == len(years)


def carried_each_way(periods: Sequence[Period], opening: int, closing: int) -> tuple[int, int]:
    """How many rows open with the balance the same row of the period printed before
    them closed with, and how many with the period printed after them's."""
    forward = backward = 0
    for before, after in zip(periods, periods[1:]):
        forward += _opened_with(_balances(after, opening), _balances(before, closing))
        backward += _opened_with(_balances(before, opening), _balances(after, closing))
    return forward, backward


def _opened_with(opened: dict, closed: dict) -> int:
    return sum(opened[key] == closed[key] for key in opened.keys() & closed.keys())


def _balances(period: Period, k: int) -> dict:
    """Each labelled row's printed balance in column `k`, by row key (the first row of a label)."""
    out: dict = {}
    for row in reversed(period.rows):
        cell = row.cells[k] if k < len(row.cells) else None
        if row.label and cell is not None and cell.value is not None:
            out[row_key(row.label)] = amount_of(cell)
    return out


def links(periods: Sequence[Period], decided: Optional[Sequence[int]] = None) -> tuple[Optional[tuple[Link, ...]], str]:
    """The carry-forward links, and why, where two periods end on the same date, a
    successor's period follows its predecessor's, or a year lies between two periods
    read one after the other (a period the reading left unread, said so: VQ007); (None, "")
    where every period follows the one before (chronological)."""
    found, basis = _linked(periods, decided)
    if found is not None:  # (stubs and restatements link by their own labels, not by the years between)
        return found, basis
    order = chronological_order(periods, decided)
    pairs = tuple(zip(order, order[1:]))
    apart = [(a, b) for a, b in pairs if _year_between(periods[a], periods[b])]
    if not apart:
        return found, basis
    said = [f"no period is read between {periods[a].label!r} and {periods[b].label!r}: the balances "
            f"{periods[b].label!r} opens with are not checked against those {periods[a].label!r} closed with"
            for a, b in apart]
    return tuple(p for p in pairs if p not in apart), "; ".join([basis, *said] if basis else said)


# (days: two period ends further apart than a 53-week year and a week leave a year between them)
YEAR_APART = 378


def _year_between(before: Period, after: Period) -> bool:
    """Whether a whole year lies between two periods' ends (by their end dates, else their fiscal years)."""
    if before.end_date and after.end_date:
        return (after.end_date - before.end_date).days > YEAR_APART
    return bool(before.fiscal_year and after.fiscal_year and after.fiscal_year - before.fiscal_year > 1)


def _linked(periods: Sequence[Period], decided: Optional[Sequence[int]] = None) -> tuple[Optional[tuple[Link, ...]], str]:
    ends = [p.end_date for p in periods]
    fresh = any(SUCCESSOR.search(p.label) for p in periods)
    if not fresh and (len(set(ends)) == len(ends) or not all(ends)):
        return None, ""
    groups: list[list[int]] = []
    for p in chronological_order(periods, decided):
        if groups and ends[p] is not None and ends[groups[-1][0]] == ends[p]:
            groups[-1].append(p)
        else:
            groups.append([p])
    found: list[Link] = []
    said: list[str] = []
    carrier: Optional[int] = None
    for n, group in enumerate(groups):
        if carrier is not None:
            for p in group:
                if _fresh_start(periods[carrier], periods[p]):
                    said.append(f"{periods[p].label!r} is the successor's after the predecessor's "
                                f"{periods[carrier].label!r} (a fresh start): its balances at beginning are not "
                                f"checked against the predecessor's at end")
                else:
                    found.append((carrier, p))
        carrier = _carrier(periods, group)
        if len(group) > 1:
            said.append(_basis(periods, group, carrier, n + 1 < len(groups)))
    if not said:
        return None, ""
    return tuple(found), "; ".join(said)


def _fresh_start(before: Period, after: Period) -> bool:
    return bool(PREDECESSOR.search(before.label) and SUCCESSOR.search(after.label)
                and not PREDECESSOR.search(after.label))


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

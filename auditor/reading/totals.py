"""What each total row sums.

The usual reading: the items since the previous total, or, right after
subtotals, the subtotals above (a grand total).  The other candidates are
few: a previous subtotal plus the items after it (a subtotal of some
reserves, more reserves, then a total including the subtotal), all the
period's items above it, and a part of the items since the previous total
(the first or the last few).  A candidate is taken over the usual reading
only where it makes at least two more columns sum (or as many within
rounding and two more exactly): one wrong figure moves one column, so it
does not change what a total is read to sum where a candidate wins by three
columns or more; at exactly two, one wrong figure can tip it back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor.model import Period, Row, Schedule, TotalReading, amount_of
from auditor.reading.signs import beats, half_unit

ZERO = Decimal(0)
MARGIN = 2


# What a total may sum: (the scope in words, the row indexes).
Candidate = tuple[str, tuple[int, ...]]


def read(schedule: Schedule) -> tuple[TotalReading, ...]:
    found = []
    for p, period in enumerate(schedule.periods):
        for r, parts, scope, basis in _period(period):
            found.append(TotalReading(p, r, parts, scope, basis))
    return tuple(found)


def _period(period: Period) -> Iterator[tuple[int, tuple[int, ...], str, str]]:
    rows = period.rows
    items: list[int] = []
    since: list[int] = []
    subtotals: list[int] = []
    totals: list[int] = []
    for r, row in enumerate(rows):
        if not row.is_total:
            items.append(r)
            since.append(r)
            continue
        candidates = _candidates(since, subtotals, totals, items)
        if candidates:
            width = len(row.cells)
            usual = candidates[0]
            scores = [_summing(rows, r, usual[1], width)]
            best = 0
            if scores[0][1] + MARGIN <= width:  # else no other scope can beat it by the margin
                scores += [_summing(rows, r, parts, width) for _, parts in candidates[1:]]
                top = max(scores)
                # The first candidate (in the order above) near the best: where two
                # read the clean table alike, one wrong figure must not pick the other.
                best = next((i for i in range(1, len(candidates))
                             if beats(scores[i], scores[0]) and not beats(top, scores[i])), 0)
            scope, parts = candidates[best]
            of = sum(1 for k in range(width) if _printed(rows, r, parts, k))
            basis = f"{scores[best][0]} of {of} columns sum"
            if best:
                basis += f"; {scores[0][0]} summing {usual[0]}"
            yield r, parts, scope, basis
            if since:
                subtotals.append(r)
        totals.append(r)
        since = []


def _candidates(since: list[int], subtotals: list[int], totals: list[int], items: list[int]) -> list[Candidate]:
    """(scope, parts), the usual reading first, no two alike."""
    out: list[Candidate] = []
    if since:
        out.append(("the items since the previous total", tuple(since)))
    elif subtotals:
        out.append(("the subtotals above", tuple(subtotals)))
    else:
        return out
    if totals and since:
        out.append(("the previous total and the items after it", (totals[-1],) + tuple(since)))
        if len(subtotals) > 1:
            out.append(("the subtotals above and the items after them", tuple(subtotals) + tuple(since)))
    out.append(("all items of the period above it", tuple(items)))
    for n in range(1, min(len(since), 12)):
        out.append((f"the first {n} items since the previous total", tuple(since[:n])))
        out.append((f"the last {n} items before it", tuple(since[-n:])))
    seen, unique = set(), []
    for scope, parts in out:
        if parts and parts not in seen:
            seen.add(parts)
            unique.append((scope, parts))
    return unique


def _summing(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], width: int) -> tuple[int, int]:
    """(columns summing within rounding, columns summing exactly)."""
    within = exact = 0
    for k in range(width):
        if not _printed(rows, r, parts, k):
            continue
        cells = [rows[r].cells[k]] + [rows[i].cells[k] for i in parts]
        tolerance = sum((half_unit(c) for c in cells), ZERO)
        off = abs(amount_of(cells[0]) - sum((amount_of(c) for c in cells[1:]), ZERO))
        within += off <= tolerance
        exact += not off
    return within, exact




def _printed(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], k: int) -> bool:
    return any(rows[i].cells[k] is not None for i in (r,) + tuple(parts))


def default_parts(period: Period) -> Iterator[tuple[int, tuple[int, ...]]]:
    """The usual reading, for a schedule no reading stage has read (built by hand)."""
    items: list[int] = []
    subtotals: list[int] = []
    for r, row in enumerate(period.rows):
        if not row.is_total:
            items.append(r)
            continue
        if items:
            yield r, tuple(items)
            subtotals.append(r)
        elif subtotals:
            yield r, tuple(subtotals)
        items = []

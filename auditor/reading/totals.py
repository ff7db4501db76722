"""What each total row sums.

The usual reading: the items since the previous total, or, right after
subtotals, the subtotals above (a grand total).  The other candidates are
few (a total printed before any item sums the items after it, or the
first few of them): a previous subtotal plus the items after it (a subtotal of some
reserves, more reserves, then a total including the subtotal), all the
period's items above it, and a part of the items since the previous total
(the first or the last few).  A candidate is taken over the usual reading
where it makes at least two more columns sum (or as many within rounding
and two more exactly), or where it leaves at most one column not summing
and the usual reading two or more (`_explains`).  One wrong figure makes one
column fail whatever the scope, so it neither makes a candidate win (the
usual reading fails one column at most) nor costs a winning candidate more
than the one column the second test allows it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Optional, Sequence

from auditor.labels import TOTAL, row_key
from auditor.model import Cell, Period, Row, Schedule, TotalReading, amount_of
from auditor.reading.signs import beats, half_unit

ZERO = Decimal(0)
MARGIN = 2


# What a total may sum: (the scope in words, the row indexes).
Candidate = tuple[str, tuple[int, ...]]


def read(schedule: Schedule) -> tuple[tuple[TotalReading, ...], tuple[tuple[int, int], ...]]:
    """The totals read, and the rows printed first, named as totals, that the arithmetic
    cannot tell from reserves (`_named_first`): (period, row) each, read as reserves."""
    found = []
    for p, period in enumerate(schedule.periods):
        for r, parts, scope, basis in _period(period):
            found.append(TotalReading(p, r, parts, scope, basis, _blank(period.rows, r, parts)))
    named, unsure = _named_first(schedule.periods, found)
    return tuple(sorted(found + named)) if named else tuple(found), unsure


def _named_first(periods: tuple[Period, ...], found: list[TotalReading]) -> tuple[list[TotalReading], tuple]:
    """Rows printed before the rows of their period and labelled a total's word and a name
    ("Total valuation allowances") that sum too few of their columns to be read as totals
    (`_first`).  Where the row of that label in another period is read as the total of the
    rows after it, this one is too, its columns that do not sum the errors to report; where
    it is printed in other periods and sums in none, it is a reserve of its own (a total
    misprinted in every column of every year is none); alone, the arithmetic cannot tell."""
    first = {(t.period, row_key(periods[t.period].rows[t.row].label)) for t in found
             if t.row == 0 and t.parts and t.parts[0] > 0}
    # (Only a period where the row sums figures tells: one of nils "sums" its nil rows whatever it is.)
    telling = {(p, key) for p, key in first
               if _mostly_sums(periods[p].rows, 0, _found_parts(found, p), len(periods[p].rows[0].cells))}
    named: list[TotalReading] = []
    unsure: list[tuple[int, int]] = []
    for p, period in enumerate(periods):
        rows = period.rows
        if not rows or not rows[0].is_total or len(rows) < 2 or rows[1].is_total or (p, row_key(rows[0].label)) in first \
                or not TOTAL.match(rows[0].label) or _bare_total(rows[0].label):
            continue
        key = row_key(rows[0].label)
        told = [o for o in range(len(periods)) if (o, key) in telling]
        if told:
            after = tuple(range(1, next((i for i in range(1, len(rows)) if rows[i].is_total), len(rows))))
            width = len(rows[0].cells)
            basis = f"{_summing(rows, 0, after, width)[0]} of {_columns(rows, 0, after, width)} columns sum; " \
                    f"its label is the total of the rows below it in {periods[told[0]].label or 'another period'}"
            named.append(TotalReading(p, 0, after, "the items after it", basis, _blank(rows, 0, after)))
        elif not any(o != p and any(row_key(row.label) == key for row in periods[o].rows) for o in range(len(periods))):
            unsure.append((p, 0))
    return named, tuple(unsure)


def _found_parts(found: list[TotalReading], p: int) -> tuple[int, ...]:
    return next(t.parts for t in found if t.period == p and t.row == 0)


def _blank(rows: tuple[Row, ...], r: int, parts: tuple[int, ...]) -> tuple[int, ...]:
    """The columns a total leaves blank (no figure, no nil) under figures of its
    parts: a total printed for the balances alone claims nothing of the movements."""
    return tuple(k for k, cell in enumerate(rows[r].cells)
                 if cell is None and any(rows[i].cells[k] is not None for i in parts))


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
        candidates = _candidates(since, subtotals, totals, items) or _first(rows, r, totals, len(row.cells))
        if candidates:
            width = len(row.cells)
            usual = candidates[0]
            scores = [_summing(rows, r, usual[1], width)]
            printed = [_columns(rows, r, usual[1], width)]
            best = 0
            if scores[0][1] + MARGIN <= width:  # else no other scope can beat it, nor explain it better
                scores += [_summing(rows, r, parts, width) for _, parts in candidates[1:]]
                printed += [_columns(rows, r, parts, width) for _, parts in candidates[1:]]
                top = max(scores)
                # The first candidate (in the order above) near the best: where two
                # read the clean table alike, one wrong figure must not pick the other.
                best = next((i for i in range(1, len(candidates))
                             if _explains(scores[i], printed[i], scores[0], printed[0])
                             and not beats(top, scores[i])), 0)
            scope, parts = candidates[best]
            of = printed[best]
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


def _first(rows: tuple[Row, ...], r: int, totals: list[int], width: int) -> list[Candidate]:
    """A total printed before its items (EDGAR's XBRL viewer prints the facts of no
    member, the totals, before each member's): the items after it up to the next
    total, or the first few of them; the one that sums, all columns but one at
    least (a wrong figure fails one), or none: a row printed first and read as a
    total for want of a name is not taken for one on no evidence.  A row labelled a total
    and nothing else ("Total", "Grand total") is one all the same: it sums the items after
    it, and the columns that do not sum are the errors to report."""
    after: list[int] = []
    for i in range(r + 1, len(rows)):
        if rows[i].is_total:
            break
        after.append(i)
    if totals or not after:
        return []
    scopes = [("the items after it", tuple(after))]
    scopes += [(f"the first {n} items after it", tuple(after[:n])) for n in range(len(after) - 1, 0, -1)][:12]
    for scope, parts in scopes:
        if _summing(rows, r, parts, width)[0] >= _spanned(rows, r, parts, width) - 1:
            return [(scope, parts)]
    if _bare_total(rows[r].label):
        return scopes[:1]
    if TOTAL.match(rows[r].label):  # ("Total valuation allowances": a total's word and a name)
        return next(([c] for c in scopes if _mostly_sums(rows, r, c[1], width)), [])
    return []


def _mostly_sums(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], width: int) -> bool:
    """A row labelled with a total's word and a name sums `parts` in half the columns
    where any of them prints more than a nil's rounding, two at least: two wrong figures fail two
    columns, and a reserve named "Total ..." sums the rows after it by chance in none."""
    telling = summing = 0
    for k in range(width):
        cells = [rows[r].cells[k]] + [rows[i].cells[k] for i in parts]
        if cells[0] is None:
            continue
        off, tolerance = _off(cells)
        if all(abs(amount_of(c)) <= tolerance for c in cells):
            continue  # (a column of nils, or of "0" and "(1)" within rounding of nil, sums whatever the row is)
        telling += 1
        summing += off <= tolerance
    return summing >= 2 and 2 * summing >= telling


def _bare_total(label: str) -> bool:
    """"Total", "Totals:", "Grand total": a total's word and no account's name."""
    return bool(TOTAL.match(label)) and not row_key(TOTAL.sub("", label, count=1))


def _spanned(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], width: int) -> int:
    """Columns the row or its parts print: a row taken for a total on its sums alone must
    sum where it is blank too (a row of one figure is no evidence)."""
    return sum(1 for k in range(width) if any(rows[i].cells[k] is not None for i in (r,) + parts))


def sums_mostly(period: Period, total: TotalReading) -> bool:
    """Whether a total read sums its parts in half the columns it prints at least (a wrong
    figure fails one): else what it was read to sum is not what it totals."""
    rows = period.rows
    width = len(rows[total.row].cells)
    return 2 * _summing(rows, total.row, total.parts, width)[0] >= _columns(rows, total.row, total.parts, width)


def exceeds(period: Period, total: TotalReading) -> bool:
    """Whether a total read is larger than its parts' sum in every column it prints and they do not
    sum in (rows it sums missing from its parts: each adds to it), two at least (a wrong figure fails one)."""
    rows = period.rows
    failing = 0
    for k in range(len(rows[total.row].cells)):
        if not _printed(rows, total.row, total.parts, k):
            continue
        cells = [rows[total.row].cells[k]] + [rows[i].cells[k] for i in total.parts]
        off, tolerance = _off(cells)
        if off <= tolerance:
            continue
        if abs(amount_of(cells[0])) <= abs(sum((amount_of(c) for c in cells[1:]), ZERO)):
            return False
        failing += 1
    return failing >= MARGIN


def _summing(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], width: int) -> tuple[int, int]:
    """(columns summing within rounding, columns summing exactly)."""
    within = exact = 0
    for k in range(width):
        if not _printed(rows, r, parts, k):
            continue
        off, tolerance = _off([rows[r].cells[k]] + [rows[i].cells[k] for i in parts])
        within += off <= tolerance
        exact += not off
    return within, exact


def _off(cells: Sequence[Optional[Cell]]) -> tuple[Decimal, Decimal]:
    """How far a column's total (the first cell) is from the sum of its parts (the others),
    and the rounding their figures allow (half a unit of each)."""
    tolerance = sum((half_unit(c) for c in cells), ZERO)
    return abs(amount_of(cells[0]) - sum((amount_of(c) for c in cells[1:]), ZERO)), tolerance




def _explains(one: tuple[int, int], of_one: int, usual: tuple[int, int], of_usual: int) -> bool:
    """A candidate's (within rounding, exactly) summing columns, of those
    printed, against the usual reading's: two more (`beats`), or more within
    rounding, failing one column at most where the usual reading fails two or
    more.  (Not by the exact counts alone: a table's rounding differences
    would pick scopes.)"""
    if beats(one, usual):
        return True
    return one[0] > usual[0] and of_one - one[0] <= 1 and of_usual - usual[0] >= MARGIN


def _columns(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], width: int) -> int:
    return sum(1 for k in range(width) if _printed(rows, r, parts, k))


def _printed(rows: tuple[Row, ...], r: int, parts: tuple[int, ...], k: int) -> bool:
    """The total prints column k (a figure or a nil): a blank claims no sum (`_blank`),
    so no scope is judged by it."""
    return rows[r].cells[k] is not None


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

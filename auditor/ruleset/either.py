"""Rows a front end read two ways (Row.either): a small figure in parentheses right after a figure
("24" "(1)") that the table does not tell from that figure's note's marker.  The arithmetic settles
it where it can (the rules find less read one way than the other: `engine.settled`); where it
cannot, the rules run both ways, only what both find is said, and the cell is said unsure (VQ005)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Optional

from auditor.model import Cell, Row, Schedule


def unsure_rows(schedule: Schedule) -> Iterator[tuple[int, int]]:
    """(period, row) of each row read two ways, its other reading still the same row's (`_aligned`)."""
    for p, period in enumerate(schedule.periods):
        for r, row in enumerate(period.rows):
            if row.either is not None and _aligned(row.cells, row.either):
                yield p, r


def _aligned(one: tuple[Optional[Cell], ...], two: tuple[Optional[Cell], ...]) -> bool:
    """Whether two readings of a row differ only as a marker and a figure do: a cell printed in one
    and blank in the other, a figure's footnote.  (A stage after the front end that moves or rereads
    a row's cells, its columns cut for a side-by-side table's periods, or "6.761" read as 6,761,
    leaves the other reading behind: the row then stands as the front end read it.)"""
    return len(one) == len(two) and all(
        a == b or (a is None) != (b is None) or (a is not None and b is not None and (a.raw, a.value) == (b.raw, b.value))
        for a, b in zip(one, two))


def other_way(schedule: Schedule, p: int, r: int) -> Schedule:
    """The schedule with row `r` of period `p` read the other way."""
    row = schedule.periods[p].rows[r]
    assert row.either is not None
    return with_row(schedule, p, r, replace(row, cells=row.either, either=row.cells))


def decided(schedule: Schedule, p: int, r: int) -> Schedule:
    """The schedule with row `r` of period `p` read as it is, sure."""
    return with_row(schedule, p, r, replace(schedule.periods[p].rows[r], either=None))


def with_row(schedule: Schedule, p: int, r: int, row: Row) -> Schedule:
    period = schedule.periods[p]
    rows = period.rows[:r] + (row,) + period.rows[r + 1:]
    return replace(schedule, periods=schedule.periods[:p] + (replace(period, rows=rows),) + schedule.periods[p + 1:])


def unsure_cell(row: Row) -> Optional[tuple[int, Cell]]:
    """(column index, cell) of the figure read as a marker the other way ("(1)"): printed in one
    reading, blank in the other."""
    for k, (one, two) in enumerate(zip(row.cells, row.either or ())):
        if (one is None) != (two is None):
            cell = one or two
            assert cell is not None
            return k, cell
    return None

"""The one walk over a schedule's printed figures: each non-blank cell with
its place in the table (period, row and column index).  Everything that
looks a figure up by where it is printed (baseline, diagnosis, the writers)
goes through here, so a blank cell is skipped the same way everywhere."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import NamedTuple

from auditor.model import Cell, Schedule

# Where a figure is printed: (line, column) of its first character.
Place = tuple[int, int]


class LocatedCell(NamedTuple):
    period: int  # index in the schedule's periods
    row: int  # index in the period's rows
    column: int  # index in the schedule's figure columns
    cell: Cell

    @property
    def place(self) -> Place:
        return (self.cell.line, self.cell.column)


def located(schedule: Schedule) -> Iterator[LocatedCell]:
    """Every printed figure of the schedule (blanks skipped), in printed order."""
    for p, period in enumerate(schedule.periods):
        for r, row in enumerate(period.rows):
            for k, cell in enumerate(row.cells):
                if cell is not None:
                    yield LocatedCell(p, r, k, cell)


def by_place(schedules: Iterable[Schedule]) -> dict[Place, LocatedCell]:
    """(line, column) -> the figure printed there (the last, should two schedules share a place)."""
    return {c.place: c for s in schedules for c in located(s)}


def with_cell(schedule: Schedule, p: int, r: int, k: int, cell: Cell) -> Schedule:
    """The schedule with the figure of period `p`, row `r`, column `k` (a `LocatedCell`'s indices)
    replaced by `cell`: the schedule is frozen, the period and row holding it copied."""
    period = schedule.periods[p]
    row = period.rows[r]
    row = replace(row, cells=row.cells[:k] + (cell,) + row.cells[k + 1 :])
    period = replace(period, rows=period.rows[:r] + (row,) + period.rows[r + 1 :])
    return replace(schedule, periods=schedule.periods[:p] + (period,) + schedule.periods[p + 1 :])

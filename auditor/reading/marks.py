"""Rows a front end read two ways (Row.either): a small figure in parentheses right after a figure
("24" "(1)") that the table does not tell from that figure's note's marker (html.row_marks.unsure).

The reading stage decides each by the table's arithmetic: the reading under which the checks find
strictly less (the row closing, or its column's total summing, only so) is taken.  The measure is
the rules' own evaluation, passed in by the pipeline as a `Judge` (the rules come after the reading
and this package does not import them): the row identity with the reading's signs, the totals'
scopes, the carry forward and the tolerances are the rules' arithmetic, and measured a second way
here they could disagree with what is then reported.  Where neither reading finds less the row stays
unsure (Row.either kept): the rules run both ways, only what both find is said, and VQ005 says the
cell is unsure.  Each decision and its basis is kept on the reading (`Reading.marks`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator, Optional

from auditor.model import Cell, MarkRead, MarkReading, Position, Row, Schedule

# What the checks find of a schedule, each finding by (rule, check, place): two readings compared.
Said = tuple[str, str, Position]
Judge = Callable[[Schedule], frozenset[Said]]

# What holds where a check finds nothing, in words (a check not named here: "<check> holds").
_HOLDS = {
    "row_identity": "the row closes",
    "column_total": "the column's total sums",
    "carry_forward": "the balance carries forward",
    "sign": "the figure's sign is its column's",
}


def settle(schedule: Schedule, judge: Judge) -> Schedule:
    """The schedule with each row read two ways read as the arithmetic reads it, and each decision
    (or the row left unsure) and its basis on the reading."""
    marks: list[MarkReading] = []
    for p, r in list(unsure_rows(schedule)):
        schedule, mark = _settled(schedule, p, r, judge)
        if mark is not None:
            marks.append(mark)
    if not marks or schedule.reading is None:
        return schedule
    return replace(schedule, reading=schedule.reading._replace(marks=tuple(marks)))


def _settled(schedule: Schedule, p: int, r: int, judge: Judge) -> tuple[Schedule, Optional[MarkReading]]:
    """Row `r` of period `p` read the way the checks find strictly less, or left unsure; the decision."""
    row = schedule.periods[p].rows[r]
    one, other = judge(schedule), other_way(schedule, p, r)
    two = judge(other)
    at = unsure_cell(row)
    settles = one < two or two < one
    if settles:
        schedule = decided(schedule if one < two else other, p, r)
    if at is None:
        return schedule, None
    k, cell = at
    if not settles:
        as_figure, as_marker = (one, two) if row.cells[k] is not None else (two, one)
        return schedule, MarkReading(p, r, k, cell, "unsure", _why_unsure(as_marker, as_figure))
    read_as: MarkRead = "figure" if schedule.periods[p].rows[r].cells[k] is not None else "marker"
    kept, lost = (one, two) if one < two else (two, one)
    return schedule, MarkReading(p, r, k, cell, read_as, _why(read_as, kept, lost))


def _why(read_as: MarkRead, kept: frozenset[Said], lost: frozenset[Said]) -> tuple[str, ...]:
    """What the checks find only the other way (`lost` holds all `kept` does, and more), each in
    words: what holds only so where no finding of its check is on its line the way it is read."""
    other = "marker" if read_as == "figure" else "figure"
    failing = {(check, at.line) for _, check, at in kept}
    return tuple(
        f"{_HOLDS.get(check, f'{check} holds')} only read as a {read_as} ({rule} at line {at.line}, column "
        f"{at.column} fails read as a {other})" if (check, at.line) not in failing else
        f"{rule} ({check.replace('_', ' ')}) at line {at.line}, column {at.column} fails only read as a {other}"
        for rule, check, at in sorted(lost - kept, key=_place))


def _why_unsure(as_marker: frozenset[Said], as_figure: frozenset[Said]) -> tuple[str, ...]:
    """Why neither reading is taken: the checks find the same either way (a misprint in the row
    failing it both ways), or each reading finds what the other does not."""
    if as_marker == as_figure:
        both = ", ".join(f"{rule} at line {at.line}, column {at.column}" for rule, check, at in sorted(as_marker, key=_place)
                         if check != "reading_ambiguity")  # (the warning that the row reads two ways: both ways)
        why = f"the checks find the same read either way ({both or 'nothing'})"
    else:
        why = (f"neither reading finds less ({_count(as_marker - as_figure)} only read as a marker, "
               f"{_count(as_figure - as_marker)} only read as a figure)")
    return why, "only what both readings find is reported"


def _place(said: Said) -> tuple[int, int, str]:
    rule, _, at = said
    return at.line, at.column, rule


def _count(found: frozenset[Said]) -> str:
    return f"{len(found)} finding{'' if len(found) == 1 else 's'}"


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

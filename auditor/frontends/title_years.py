"""Periods named only in the title: "Schedule II ... For the year ended December
31, 2003" over one block of rows, or "Years ended December 31, 2003, 2002 and
2001" over blocks of the same accounts set apart by rules or blank lines, no
caption over any.  Each block is a period of the year the title names in its
place, where the blocks are exactly as many as the years; otherwise the rows
stay one period without a year, as read (and VQ006 says the title names years
no period covers, or counts more years, "For the three years ended December
31, 2003", than periods are read).

A block starts again where an account of the block before is printed again:
the accounts in the same order each year, the title's years in the blocks'
order.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from auditor.labels import DATE, SPAN_WORD, YEAR, period_from_caption, row_key
from auditor.model import Period, Row, Schedule


def dated(schedule: Schedule) -> Schedule:
    """`schedule` with its one yearless period split into the title's years, where they fit."""
    if len(schedule.periods) != 1 or not schedule.subtitle:
        return schedule
    only = schedule.periods[0]
    if only.label or only.fiscal_year is not None or only.end_date is not None:
        return schedule
    captions = _captions(schedule.subtitle)
    if not captions:
        return schedule
    blocks = _blocks(only.rows)
    if len(blocks) != len(captions):
        return schedule
    return replace(schedule, periods=tuple(period_from_caption(c, b[0].line, b) for c, b in zip(captions, blocks)))


def _captions(subtitle: str) -> list[str]:
    """The period caption of each year the subtitle names, in its order: its date where it
    names one per year, the year under its one month and day, or the year alone."""
    years = [m.group(0) for m in YEAR.finditer(subtitle)]
    if len(set(years)) != len(years) or (len(years) > 1) != bool(SPAN_WORD.search(subtitle)):
        return []  # (a year named twice, or "the three years ended December 31, 1996": no year per block)
    dates = list(DATE.finditer(subtitle))
    if len(dates) == len(years):
        return [d.group(0) for d in dates]
    if len(dates) == 1:
        return [f"{dates[0].group(1)} {dates[0].group(2)}, {y}" for y in years]
    return years


def _blocks(rows: Sequence[Row]) -> list[tuple[Row, ...]]:
    """The rows in blocks: a block ends before an account already printed in it."""
    blocks: list[tuple[Row, ...]] = []
    current: list[Row] = []
    seen: set[str] = set()
    for row in rows:
        key: Optional[str] = row_key(row.label) if row.kind == "item" and row.label else None
        if key is not None and key in seen:
            blocks.append(tuple(current))
            current, seen = [], set()
        if key is not None:
            seen.add(key)
        current.append(row)
    if current:
        blocks.append(tuple(current))
    return blocks

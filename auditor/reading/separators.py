"""A "." that groups thousands or marks decimals: "6.761" is 6,761 where the
typist wrote thousands European style and 6.761 where the table is in millions
to three places.  The figure alone cannot tell, and either reading closes as
well as the other wherever a row's figures all have four digits or more: a
silent misread by a factor of a thousand.  The table's other figures tell when
they mark decimals too ("18.3": a decimal point) or group with "," (then "."
is a decimal point), and so do its stated units: a table in thousands prints no
fraction of a dollar, so its "6.761" is 6,761 (a column stating other units is
refused by `units`).  Otherwise a table whose figures are whole numbers ("512")
beside "6.761" is refused, naming both, rather than read one way.  ("0.125"
groups nothing: a decimal.)

A figure with two "." ("1.212.067") can only group thousands, and says so for
the whole table: where every other figure with a separator groups three digits
after a "." too (no decimal comma, no "18.3"), "6.761" there is 6,761; where
one does not, the table is refused."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from auditor.errors import InputError
from auditor.lazy_pattern import lazy_compile
from auditor.model import Cell, Schedule

SIGN = "-\u2013\u2212"
GROUPED = re.compile(rf"\(?[{SIGN}]?(?!0\.)\d{{1,3}}\.\d{{3}}\)?")  # one "." and three digits after it
WHOLE = lazy_compile(rf"\(?[{SIGN}]?\d+\)?")  # no "." and no ","
GROUPED_TWICE = re.compile(rf"\(?[{SIGN}]?\d{{1,3}}(?:\.\d{{3}}){{2,}}\)?")  # "1.212.067": thousands only


def check(schedule: Schedule, path: Optional[str]) -> Schedule:
    """The schedule with its "." read as the table says (InputError where it may as well
    group thousands as mark decimals)."""
    if schedule.source == "xbrl":
        return schedule  # (facts carry their values; the print is the filer's)
    cells = [c for p in schedule.periods for r in p.rows for c in r.cells if c is not None and c.value is not None]
    twice = next((c for c in cells if GROUPED_TWICE.fullmatch(c.raw)), None)
    if twice is not None:
        return _grouping(schedule, cells, twice, path)
    grouped = next((c for c in cells if GROUPED.fullmatch(c.raw)), None)
    if grouped is None or any(_says_decimal(c) for c in cells):
        return schedule
    if schedule.units == "thousands":
        return _regrouped(schedule)
    whole = next((c for c in cells if WHOLE.fullmatch(c.raw) and c.value), None)
    if whole is None:
        return schedule
    raise InputError(f"figure {grouped.raw!r} reads as {grouped.raw.replace('.', ',')} (its '.' grouping thousands, "
                     f"as the table's whole figures such as {whole.raw!r} at line {whole.line} suggest) or as a "
                     "decimal: auditor cannot tell which", path, grouped.line)


def _says_decimal(cell: Cell) -> bool:
    """A figure whose "." can only be a decimal point, or whose "," groups thousands."""
    return "," in cell.raw or ("." in cell.raw and not GROUPED.fullmatch(cell.raw))


def _grouping(schedule: Schedule, cells: list[Cell], twice: Cell, path: Optional[str]) -> Schedule:
    """The schedule with each "6.761" read as 6,761, a figure like `twice` showing "." groups
    thousands (InputError where another figure's separator can only be a decimal's)."""
    decimal = next((c for c in cells if _says_decimal(c) and not GROUPED_TWICE.fullmatch(c.raw)), None)
    if decimal is not None:
        raise InputError(f"figure {twice.raw!r} groups thousands with '.', figure {decimal.raw!r} at line "
                         f"{decimal.line} has a decimal separator: auditor cannot tell how the table's figures "
                         "read", path, twice.line)
    return _regrouped(schedule)


def _regrouped(schedule: Schedule) -> Schedule:
    """The schedule with each "6.761" read as 6,761."""
    def regrouped(cell: Optional[Cell]) -> Optional[Cell]:
        if cell is None or cell.value is None or not GROUPED.fullmatch(cell.raw):
            return cell
        return replace(cell, value=cell.value.scaleb(3))  # ("6.761", read 6.761 by the front end: 6761)

    periods = tuple(replace(p, rows=tuple(replace(r, cells=tuple(regrouped(c) for c in r.cells)) for r in p.rows))
                    for p in schedule.periods)
    return replace(schedule, periods=periods)

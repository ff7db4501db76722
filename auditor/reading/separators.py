"""A "." that groups thousands or marks decimals: "6.761" is 6,761 where the
typist wrote thousands European style and 6.761 where the table is in millions
to three places.  The figure alone cannot tell, and either reading closes as
well as the other wherever a row's figures all have four digits or more: a
silent misread by a factor of a thousand.  The table's other figures tell when
they mark decimals too ("18.3": a decimal point) or group with "," (then "."
is a decimal point); a table whose figures are otherwise whole numbers ("512")
beside "6.761" is refused, naming both, rather than read one way."""

from __future__ import annotations

import re
from typing import Optional

from auditor.errors import InputError
from auditor.model import Cell, Schedule

SIGN = "-\u2013\u2212"
GROUPED = re.compile(rf"\(?[{SIGN}]?\d{{1,3}}\.\d{{3}}\)?")  # one "." and three digits after it
WHOLE = re.compile(rf"\(?[{SIGN}]?\d+\)?")  # no "." and no ","


def check(schedule: Schedule, path: Optional[str]) -> None:
    """InputError where the table's "." may as well group thousands as mark decimals."""
    if schedule.source == "xbrl":
        return  # (facts carry their values; the print is the filer's)
    cells = [c for p in schedule.periods for r in p.rows for c in r.cells if c is not None and c.value is not None]
    grouped = next((c for c in cells if GROUPED.fullmatch(c.raw)), None)
    if grouped is None or any(_says_decimal(c) for c in cells):
        return
    whole = next((c for c in cells if WHOLE.fullmatch(c.raw) and c.value), None)
    if whole is None:
        return
    raise InputError(f"figure {grouped.raw!r} reads as {grouped.raw.replace('.', ',')} (its '.' grouping thousands, "
                     f"as the table's whole figures such as {whole.raw!r} at line {whole.line} suggest) or as a "
                     "decimal: auditor cannot tell which", path, grouped.line)


def _says_decimal(cell: Cell) -> bool:
    """A figure whose "." can only be a decimal point, or whose "," groups thousands."""
    return "," in cell.raw or ("." in cell.raw and not GROUPED.fullmatch(cell.raw))

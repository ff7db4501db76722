"""A column printed in other units than the table: "Charged to costs and expenses (in millions)"
among figures the title states in thousands.  Each figure is exact in its own units, but added
to the others as printed the row is a thousand times off, a false error at every row (or a
silent misreading where the figures happen to close).  The tool does not convert printed
figures, so a table whose headings state two units is refused, naming the column."""

from __future__ import annotations

from typing import Optional

from auditor.errors import InputError
from auditor.labels import UNIT_WORDS, stated_units
from auditor.model import Schedule


def check(schedule: Schedule, path: Optional[str]) -> None:
    """InputError where a column's heading states other units than the table or another column."""
    if schedule.source == "xbrl":
        return  # (facts carry their scale: the print is the filer's)
    if not any(word in column.heading for column in schedule.columns for word in UNIT_WORDS):
        return  # (most tables: no heading names units; a substring test is cheap, a search is not)
    stated = [(c, u) for c in schedule.columns for u in [stated_units(c.heading)] if u]
    for column, units in stated:
        other = schedule.units if schedule.units and schedule.units != units else \
            next((u for _, u in stated if u != units), None)
        if other is not None:
            raise InputError(f"column {column.heading!r} states its figures in {units}, the table's are in {other}: "
                             "auditor does not add figures printed in other units", path,
                             column.heading_line or schedule.line)

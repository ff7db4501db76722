"""A column of years typed at the right of the figures, under a "Year"
heading ("... Balance at end of period   Year" over "... 1,035,798   1996"):
each row's period, named on its row, not a figure column.  The years become
the period captions a table typed by period prints above its rows, so the
body reads them as it reads those (a row with no year stays in the period
above it)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from auditor.frontends.text.parse import Figure, Line, Token
from auditor.lazy_pattern import lazy_compile
from auditor.model import Column

# A period column's heading: the word a typist put over the years.
PERIOD_HEADING = re.compile(r"^(fiscal\s+)?(year|period)s?$", re.IGNORECASE)
PLAIN_YEAR = lazy_compile(r"^(19|20)\d\d$")


def _in_column(line: Line, column: Column) -> list[Figure]:
    return [f for f in line.figures if f.value.column < column.end and f.value.end > column.start]


def period_column(columns: Sequence[Column], rows: Sequence[Line]) -> Optional[int]:
    """The index of the last column, when it is headed as the period and every
    figure under it is a bare year (a heading "Year" alone says what they are)."""
    if len(columns) < 3 or not PERIOD_HEADING.match(columns[-1].heading.strip()):
        return None
    under = [f for row in rows for f in _in_column(row, columns[-1])]
    if not under or any(f.dollar or f.notes or not PLAIN_YEAR.match(f.value.text) for f in under):
        return None
    return len(columns) - 1


def years_as_captions(body: Sequence[Line], column: Column) -> list[Line]:
    """The body with each row's year taken out of its figures, and a caption
    line naming the year put over the first row of each run of one year."""
    out: list[Line] = []
    current = None
    for ln in body:
        years = _in_column(ln, column) if ln.kind == "row" else []
        if years:
            year = years[0].value.text
            if year != current:
                out.append(Line("text", ln.number, (Token("YEAR", year, ln.number, 1, 1 + len(year)),)))
                current = year
            ln = ln._replace(figures=tuple(f for f in ln.figures if f not in years))
        out.append(ln)
    return out


def without(columns: Sequence[Column], k: int) -> list[Column]:
    """The columns without column k, the one before it taking its span's end."""
    kept = list(columns[:k]) + list(columns[k + 1:])
    if k == len(columns) - 1:
        kept[-1] = replace(kept[-1], end=columns[k].end)
    return kept

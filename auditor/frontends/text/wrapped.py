"""Lines wrapped by the filer's software: a refusal, never a misread.

Some 1990s submissions were typed by software that wrapped every line at 80
columns, a table wider than that too: the words that no longer fitted went on
a line of their own from column 1, the row's last figures under it ("Reserve
for bad debts   1,128   676   467" over "1,337").  The figures' columns are
lost with the spaces before them: read as they stand, the wrapped figures
became rows of their own (false errors in every total).  The table is
refused at the first such line, naming it.
"""

from __future__ import annotations

import re
from typing import Sequence

from auditor.errors import InputError
from auditor.frontends.text.locate import _LONE_AMOUNT, _NIL, Region

# The width the software wrapped at: a word that would have ended past it went to the next line.
WIDTH = 80
_FIGURE = rf"(?:\$\s*)?(?:{_LONE_AMOUNT})|{_NIL}"
FIRST_FIGURE = re.compile(_FIGURE, re.IGNORECASE)
# Nothing but figures and nils from column 1 (a bare year is a year-first row's caption, not a remnant).
REMNANT = re.compile(rf"^(?!(?:19|20)\d\d\b)(?:{_FIGURE})(?:\s+(?:{_FIGURE}))*\s*$", re.IGNORECASE)


def refuse_wrapped(lines: Sequence[str], region: Region, path: str) -> None:
    """An input error at the first line of the region that is a row's last
    figures wrapped onto a line of their own."""
    block = lines[region.first - 1 : region.last]  # (one slice: a long file's lines are fetched by block)
    for n, over, line in zip(range(region.first + 1, region.last + 1), block, block[1:]):
        if not line or line[0] in " \t<" or len(over) < WIDTH // 2:
            continue  # (a remnant starts at column 1, under a long line: most lines are passed over here)
        above = over.rstrip()
        first = FIRST_FIGURE.match(line)
        if len(above) > WIDTH or first is None or not REMNANT.match(line) or not re.search(r"\d", line):
            continue
        if len(above) + 1 + first.end() > WIDTH:  # (its first figure, "$" too, did not fit)
            raise InputError(f"figures from column 1 under a line {len(above)} columns wide: the row's last figures, "
                             f"wrapped at column {WIDTH} by the filer's software? (their columns are lost)", path, n)

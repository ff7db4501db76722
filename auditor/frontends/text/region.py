"""A located schedule's lines (`Region`), and how far from a title, a table or a
page break the locator looks for the lines that belong to one.

Every module of the text locator measures its reach from these, so a table
joined across a page by one is never cut short by another.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from auditor import labels


# How far below its title a schedule's table may start, and how far above
# it a <TABLE> may open when the title is the table's own caption.
REACH = 40
CAPTION_REACH = 8
# How far under a table the <TABLE> of its second part may open (its columns split one part under the other).
PART_GAP = 16
PART_TRIES = 3
# How far past a page break an untagged table's figures may resume.
PAGE_GAP = 30


class Region(NamedTuple):
    """Lines first..last (1-based, inclusive) hold one schedule."""

    first: int
    last: int
    title_line: int
    transposed: bool = False  # the movements printed as rows (rollforward), read by `transposed`


def years_named(lines: Sequence[str], region: Region) -> set[int]:
    """The years a schedule's region names in its lines' labels (their first phrase: a caption
    "Year ended December 31, 1997:", a heading "1997"; never a figure in a column)."""
    found: set[int] = set()
    for n in range(region.first, region.last + 1):
        label = re.split(r"\s{2,}", lines[n - 1].strip())[0]
        year = labels.year_named(label) if labels.YEAR.search(label) else None
        if year is not None:
            found.add(year)
    return found


"""A located schedule's lines (`Region`), and how far from a title, a table or a
page break the locator looks for the lines that belong to one.

The reaches are defined once here: every module of the text locator measures
from them.
"""

from __future__ import annotations

from typing import NamedTuple


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

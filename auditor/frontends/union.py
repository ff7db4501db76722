"""The columns of a schedule printed one table per year, each year's table under headings of its own.

A year may print a column the others do not ("Acquisitions" in 2003 only), or
the same headings laid out on other grid columns: the tables are one
schedule's periods all the same, read under the columns of them all, each
table's columns matched by what they are (HTML: their headings' words, never
their grid position; text: their roles as read).
The union keeps each table's order: a heading one table alone prints goes
after the heading printed before it there.  A figure of a year whose table
lacks a column is blank there.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Hashable, Optional, Sequence

from auditor.model import Row

Key = Hashable  # what tells a column: its heading's words (html.layout.words), its role (text)


def merged(tables: Sequence[Optional[Sequence[Key]]]) -> list[Key]:
    """The headings of all the tables (None: a part without headings of its own), in order."""
    out: list[Key] = []
    for keys in tables:
        if keys is None:
            continue
        at = 0
        for key in keys:
            if key in out:
                at = out.index(key) + 1
            else:
                out.insert(at, key)
                at += 1
    return out


def mapping(keys: Sequence[Key], union: Sequence[Key]) -> list[int]:
    """Where each of a table's columns stands among the union's."""
    return [union.index(key) for key in keys]


def spread(row: Row, places: Sequence[int], width: int) -> Row:
    """A row read under its own table's columns, its cells put under the union's."""
    cells: list = [None] * width
    for cell, k in zip(row.cells, places):
        cells[k] = cell
    return replace(row, cells=tuple(cells))

"""The first part's columns of figures and a part's rows, as `remap` lays a part after a page
break under them: what a column of figures is (a slot), which rows print figures, which cells are
figures, where the labels end, and what is decided for a row printing fewer figures than there are
columns (a `Placing`).  Shared by `remap`, `row_marks`, `row_places` and `placing`, which decide
where a row's figures go; it decides nothing itself.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping, NamedTuple, Union

from auditor.frontends.html.figures import kind, lone_marker
from auditor.frontends.html.grid import HtmlCell
from auditor.frontends.html.transposed import period_cells


Slot = tuple[int, int]  # a column of figures: its first and last grid column


class Among(NamedTuple):
    """A short row's figures placed by where each stands (`row_places._aligned`), only in one of
    `ways` (those the arithmetic leaves), or in any (`every`: no arithmetic to go by)."""

    ways: frozenset[tuple[Slot, ...]]
    every: bool = False


WHERE_IT_STANDS = Among(frozenset(), True)
Placing = Union[tuple[Slot, ...], Among, None]  # (a short row's columns; by where it stands; None: refused)


class Across(NamedTuple):
    """The first part's columns of figures, and where its labels end; `short`, the columns
    decided for each of the part's rows printing fewer figures than there are columns, by the id
    of its cells (`placing.short_rows`; None where the evidence does not tell: refused)."""

    slots: list[Slot]
    label: int
    markers: frozenset[str] = frozenset()  # the "(1)"s the table prints as notes' markers (`row_marks.table_markers`)
    short: Mapping[int, Placing] = MappingProxyType({})  # (read only: a default shared by every Across)
    noted: frozenset[str] = frozenset()  # the markers the schedule's notes name (`breaks.notes_below`), of `markers`


def figure_rows(rows: list[list[HtmlCell]]) -> list[list[HtmlCell]]:
    """The rows of figures, not a row of the years over a block ("2003" is no figure there)."""
    return [cells for cells in rows if not period_cells(cells)]


def column_figure(cell: HtmlCell) -> bool:
    """A figure right of the label column (a year's caption, "2015", in the label
    column heads a period's rows), not a note's "(2)"."""
    return cell.column > 0 and kind(cell) == "figure" and not lone_marker(cell)


def label_end(rows: list[list[HtmlCell]]) -> int:
    """Where a grid's labels end: after its label column's cells (1 where none)."""
    return min((c.last + 1 for cells in rows for c in cells[:1] if c.column == 0 and kind(c) == "text"), default=1)


def first_figure_row(rows: list[list[HtmlCell]]) -> int:
    """The first row printing a figure right of the label column (`column_figure`: not a note's
    "(2)"), not a row of the years over a block: the rows above it are a part's headings (all its
    rows where it prints no figure)."""
    return next((r for r, cells in enumerate(rows) if any(column_figure(c) for c in cells) and not period_cells(cells)),
                len(rows))

"""A part after a page break laid on other grid columns, put under the first part's.

Filing software and word processors lay each <table> on a grid of its own: the
part a page break cuts off may print its "$" in a cell of its own where the
first part does not (or the other way round), its spacer cells elsewhere, a
colspan wider.  Its figures still stand in the first part's columns, in the
same order: the k-th column of figures of the part is the k-th of the first
(`breaks` joins the parts as one grid).  The part is put under the first only
where that correspondence is plain: as many columns of figures as the first
prints (its columns of figures, or where it prints none yet its lowest row of
headings or of years), and no text right of the row labels; otherwise None,
and the part is refused by its caller, never dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from auditor.frontends.html.figures import SMALL_PAREN, kind, nonblank
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.transposed import period_cells

Slot = tuple[int, int]  # a column of figures: its first and last grid column


def laid_under(grid: Grid, part: Grid) -> Optional[Grid]:
    """`part` with its cells moved into `grid`'s columns of figures, by order;
    None where its columns do not correspond one to one with `grid`'s."""
    own = _figure_columns(part.rows)
    slots = _slots(grid, len(own))
    if not own or slots is None:
        return None
    to = dict(zip(own, slots))
    rows = [_moved(cells, to, slots) for cells in part.rows]
    if any(row is None for row in rows):
        return None
    return Grid([row for row in rows if row is not None], grid.width, part.row_lines, part.caption)


def _figure_columns(rows: list[list[HtmlCell]]) -> list[int]:
    """The grid columns a part prints figures in, left to right."""
    return sorted({c.column for cells in _figure_rows(rows) for c in cells if _figure(c)})


def _figure_rows(rows: list[list[HtmlCell]]) -> list[list[HtmlCell]]:
    """The rows of figures, not a row of the years over a block ("2003" is no figure there)."""
    return [cells for cells in rows if not period_cells(cells)]


def _figure(cell: HtmlCell) -> bool:
    return kind(cell) == "figure" and not SMALL_PAREN.match(cell.text.strip())


def _slots(grid: Grid, count: int) -> Optional[list[Slot]]:
    """The first part's `count` columns of figures: where it prints figures,
    else under its lowest row of several cells (the headings' leaves, the years
    over a block), a label's heading first left aside; None where they are not
    `count`."""
    figures = sorted({(c.column, c.last) for cells in _figure_rows(grid.rows) for c in cells if _figure(c)})
    if figures:
        return figures if len({first for first, _ in figures}) == count == len(figures) else None
    for cells in reversed(grid.rows):
        shown = nonblank(cells)
        if len(shown) > 1:
            shown = shown[len(shown) - count:] if len(shown) in (count, count + 1) else []
            return [(c.column, c.last) for c in shown] or None
    return None


def _moved(cells: list[HtmlCell], to: dict[int, Slot], slots: list[Slot]) -> Optional[list[HtmlCell]]:
    """A row's cells in the first part's columns: its labels left of the first
    column of figures, each figure in its column, a mark ("$", ")", a note)
    beside the figure it goes with; blank cells dropped.  A row of no figure
    (the years over the next block, an account's caption) keeps its label and
    puts one cell in each column.  None where text stands right of the labels
    that no column takes."""
    shown = nonblank(cells)
    figures = [c.column for c in shown if c.column in to and _figure(c) and not period_cells(cells)]
    if not figures:
        return _headed(shown, slots)
    out: list[HtmlCell] = []
    for cell in shown:
        if cell.column in to and _figure(cell) and cell.column in figures:
            out.append(_at(cell, to[cell.column]))
        elif cell.column < figures[0] and kind(cell) == "text":
            out.append(_label(cell, slots))
        elif kind(cell) != "text":  # (a "$" before its figure, a ")" or a note, "(2)", after)
            beside = max((n for n in figures if n < cell.column), default=figures[0])
            out.append(_at(cell, to[beside]))
        else:
            return None
    return out


def _headed(shown: list[HtmlCell], slots: list[Slot]) -> Optional[list[HtmlCell]]:
    """A row of no figure: one phrase (a caption), or a cell per column (the
    years), after a label or none."""
    if len(shown) <= 1:
        return [_label(c, slots) for c in shown]
    heads = shown[len(shown) - len(slots):] if len(shown) in (len(slots), len(slots) + 1) else None
    if heads is None:
        return None
    return [_label(c, slots) for c in shown[:len(shown) - len(slots)]] + [_at(c, s) for c, s in zip(heads, slots)]


def _label(cell: HtmlCell, slots: list[Slot]) -> HtmlCell:
    """A label (or a caption) in the label column, left of the first column of figures."""
    return _placed(cell, 0, max(1, min(cell.colspan, slots[0][0])))


def _at(cell: HtmlCell, slot: Slot) -> HtmlCell:
    return _placed(cell, slot[0], slot[1] - slot[0] + 1)


def _placed(cell: HtmlCell, column: int, colspan: int) -> HtmlCell:
    """A copy of the cell at other grid columns, its tokens read again: a token
    names its cell, and a figure falls under the heading its cell's columns do."""
    return replace(cell, column=column, colspan=colspan, token_cache=None, kind_cache=None)

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

Here the cells are moved (`laid_under`, and `under_years` for a block of the years
as columns); what is decided about a row is decided apart: which of its cells are
figures and which notes' markers (`row_marks`), where its figures go by what the
row itself prints (`row_places`), and for a row printing fewer figures than there
are columns, from the part's rows together (`placing`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Optional

from auditor.frontends.html.figures import kind, nonblank, printed_figures
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.placing import short_rows
from auditor.frontends.html.row_marks import row_notes, table_markers, unsure
from auditor.frontends.html.row_places import dollars_and_figures, row_slots
from auditor.frontends.html.slots import Across, Slot, column_figure, figure_rows, first_figure_row, label_end
from auditor.frontends.html.transposed import period_cells


def laid_under(grid: Grid, part: Grid, first: Optional[Grid] = None,
               noted: frozenset[str] = frozenset()) -> Optional[Grid]:
    """`part` with its cells moved into `grid`'s columns of figures; None where a row's figures
    cannot be placed plainly (`row_places.row_slots`).  `first`: the schedule's first part where
    `grid` is its headings typed again, printing no figure: its rows are then the evidence
    `placing.short_rows` goes by, where it has `grid`'s columns.  `noted`: the markers ("(1)")
    the notes under the table define (breaks.notes_below), markers as those the table prints as
    such (`row_marks.table_markers`)."""
    # (a part printing small negatives alone, "(11)" "(10)": their columns, none a note's marker then)
    own = _figure_columns(part.rows) or sorted({c.column for cells in figure_rows(part.rows) for c in _printed(cells)})
    slots = _columns(grid)
    if not own or not slots:
        return None
    to = dict(zip(own, slots)) if len(own) == len(slots) else {}  # (the part's columns, one for one: by order)
    across = Across(slots, label_end(grid.rows), table_markers(grid, part) | noted, noted=noted)
    if not to:
        shown = first if first is not None and not _figure_columns(grid.rows) and _columns(first) == slots else grid
        across = across._replace(short=short_rows(shown, part.rows, own, across))
    rows = [_moved(cells, own, to, across) for cells in part.rows]
    if any(row is None for row in rows):
        return None
    return Grid([row for row in rows if row is not None], grid.width, part.row_lines, part.caption)


def _figure_columns(rows: list[list[HtmlCell]]) -> list[int]:
    """The grid columns a part prints figures in, left to right (`printed_figures`)."""
    return sorted({c.column for cells in figure_rows(rows) for c in printed_figures([c for c in cells if c.column > 0])})


def _columns(grid: Grid) -> list[Slot]:
    """The first part's columns of figures: where it prints figures, or under
    its lowest row of headings (or of years) above them where those name more
    (a column printed blank all through the first part: the part's columns
    put by order under the printed ones alone would shift past it)."""
    rows = figure_rows(grid.rows)
    figures = sorted({(c.column, c.last) for cells in rows for c in cells if column_figure(c)})
    if len({first for first, _ in figures}) != len(figures):
        figures = []
    heads = _heading_leaves(grid, figures)
    return heads if len(heads) > len(figures) else figures


def _heading_leaves(grid: Grid, figures: list[Slot]) -> list[Slot]:
    """The cells of the lowest row of several cells above the first row of figures
    (`first_figure_row`; a label's heading, in the label column, aside), where each column of
    figures stands under one of them; [] where there is none."""
    for cells in reversed(grid.rows[:first_figure_row(grid.rows)]):
        shown = [c for c in nonblank(cells) if c.column > 0]
        if len(shown) > 1 or (len(shown) == 1 and len(nonblank(cells)) > 1):
            leaves = [(c.column, c.last) for c in shown]
            under = all(any(a <= first and last <= b for a, b in leaves) for first, last in figures)
            return leaves if under else []
    return []


def _moved(cells: list[HtmlCell], own: list[int], to: dict[int, Slot], across: Across) -> Optional[list[HtmlCell]]:
    """A row's cells in the first part's columns: its labels left of the first figure, each
    figure in its column, a mark ("$", ")", a note) beside the figure it goes with; blank cells
    dropped.  A row of no figure (the years over the next block, an account's caption) keeps its
    label and puts one cell in each column.  A row printing a "$" for each column is placed by
    its "$" (`row_places._by_dollars`).  None where text stands right of the labels, or the row's
    figures cannot be placed (`row_places.row_slots`)."""
    shown, slots = nonblank(cells), across.slots
    if period_cells(cells):
        return _headed(shown, slots)
    dollars, figures = dollars_and_figures(cells, shown, own, to, across)
    if not figures and len(shown) == 2 and row_notes(shown) is not None:
        return [_label(shown[0], slots), _placed(shown[1], slots[0][0], slots[-1][1] - slots[0][0] + 1)]
    if not figures:
        return _headed(shown, slots)
    placed = [slot for _, slot in dollars] if dollars else row_slots(cells, figures, to, across)
    if placed is None:
        return None
    at = {id(c): slot for c, slot in zip(figures, placed)}
    other = {} if dollars else _other_way(cells, shown, own, to, across, figures, at)
    out: list[HtmlCell] = []
    for cell in shown:
        if id(cell) in at:
            out.append(_at(cell, at[id(cell)]))
        elif cell.column < figures[0].column and (kind(cell) == "text" or cell.column == 0):  # (a year, "2017")
            out.append(_label(cell, slots))
        elif kind(cell) != "text":  # (a "$" before its figure, a ")" or a note, "(2)", after)
            out.append(_at(cell, at[id(_beside(cell, figures))]))
        else:
            return None
        if id(cell) in other:
            out[-1] = replace(out[-1], either=other[id(cell)])
    return out


def _beside(cell: HtmlCell, figures: list[HtmlCell]) -> HtmlCell:
    """The figure a mark after it goes with: the last one left of it."""
    return max((f for f in figures if f.column < cell.column), key=lambda f: f.column, default=figures[0])


def _other_way(cells: list[HtmlCell], shown: list[HtmlCell], own: list[int], to: dict[int, Slot], across: Across,
               figures: list[HtmlCell], at: dict[int, Slot]) -> dict[int, tuple[int, int]]:
    """The grid columns (column, colspan) each "(1)" the table does not tell a marker from a figure
    (`row_marks.unsure`) takes read the other way: its own column's as a figure, beside the figure
    before it as a marker."""
    doubted = unsure(cells, shown, own, to, len(across.slots), across.markers, across.noted)
    if not doubted:
        return {}
    read = set(map(id, figures))
    if all(id(c) in read for c in doubted):  # (read as figures: markers the other way)
        rest = [f for f in figures if id(f) not in set(map(id, doubted))]
        slots = {id(c): at[id(_beside(c, rest))] for c in doubted}
    else:
        every = [c for c in shown if id(c) in read or any(c is d for d in doubted)]
        placed = row_slots(cells, every, to, across)
        if placed is None:
            return {}
        slots = {id(c): slot for c, slot in zip(every, placed) if any(c is d for d in doubted)}
    return {k: (slot[0], slot[1] - slot[0] + 1) for k, slot in slots.items()}


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
    return replace(cell, column=column, colspan=colspan)


def under_years(grid: Grid, top: int = 0) -> Grid:
    """`grid` printing blocks of the years as columns, its rows from `top` on (a part after a page
    break, or a table after one) laid on a grid of their own: a row's figure under none of its
    block's years, or two under one.  Those rows each moved under the years of the row of years
    last above them (the block a page break cut, or the next block that row opens), left to right
    as `_moved` places a part's (by its "$", by order where it prints a figure for each year, by
    where each stands); as it is where nothing is apart, or where a row cannot be placed so (then
    refused as it was, never guessed)."""
    heads = [r for r, cells in enumerate(grid.rows) if period_cells(cells)]
    if not any(h < r for h in heads for r in range(top, len(grid.rows))):
        return grid
    rows, apart = list(grid.rows), False
    label = label_end(grid.rows)
    for r, head in _under_heads(rows, heads, top):
        years = [(c.column, c.last) for c in period_cells(grid.rows[head])]
        at = {id(c): next((k for k, (a, b) in enumerate(years) if a <= c.column and c.last <= b), None)
              for c in _printed(rows[r])}
        own = [at[id(c)] for c in rows[r] if column_figure(c)]  # (a note's "(1)" beside its figure shares its year)
        apart = apart or None in at.values() or len(set(own)) < len(own)
    if not apart:
        return grid
    for r, head in _under_heads(rows, heads, top):
        across = Across([(c.column, c.last) for c in period_cells(grid.rows[head])], label)
        moved = _moved(rows[r], [], {}, across)
        if moved is None:
            return grid
        rows[r] = moved
    return Grid(rows, grid.width, grid.row_lines, grid.caption)


def _under_heads(rows: list[list[HtmlCell]], heads: list[int], top: int) -> Iterator[tuple[int, int]]:
    """(row, the row of years last above it) for each row from `top` on printing a figure under
    a row of years (`heads`), as `rows` stands when the row is reached."""
    for r in range(top, len(rows)):
        head = max((h for h in heads if h <= r), default=None)
        if head is not None and head != r and _printed(rows[r]):
            yield r, head


def _printed(cells: list[HtmlCell]) -> list[HtmlCell]:
    """A row's cells printing a figure right of its label, a small one in parentheses ("(5)") too."""
    return [c for c in cells if c.column > 0 and kind(c) == "figure"]

"""Marks a figure's row prints in cells of their own, found by the grid: a
minus sign in the currency cell before the figure's digits, and a footnote
"(1)" after them under the next column's heading.

Minus signs (`signs`).

Filing software sets a negative's sign where a positive figure's "$" goes:
"-" | "813" (or an en dash, or the minus sign), the digits in the next cell.
A dash alone in a cell is also a nil, in a column of its own, and read as
one the sign made a column of nils out of the "$" cells and left the figure
positive.  The grid tells them apart: a sign is in the cell just before
digits printed without a sign of their own, under the same heading as they
are (no heading of its own), in grid columns where no row prints a figure
(the "$" column of the figure's group), in a table whose column groups have
such a cell: one that prints a figure's "$", or is left blank, just before
its digits.

Notes (`notes`).  A "(1)" alone in a cell is a negative one or a footnote
marker: the marker of the figure before it where it shares that figure's
heading (figures.figures).  Converters that set each heading one cell left
put the marker after a figure under the next column's heading, beside that
column's own figure: two figures under one heading.  It is the marker of the
figure before it where no row prints a figure in its grid columns (the
markers' column, between two columns' figures), the row prints a figure
right before it (nothing between but blank cells and ")") and another figure
under its heading after it.
"""

from __future__ import annotations

from typing import Optional, Sequence

from auditor.frontends.html.figures import FIGURE_KINDS, lone_marker, tokens
from auditor.frontends.html.grid import HtmlCell
from auditor.frontends.html.leaves import Leaf, Leaves
from auditor.labels import MINUS_SIGNS


def signs(rows: list[list[HtmlCell]], figure_rows: Sequence[int], figure_start: int,
          leaves: Sequence[Leaf]) -> bool:
    """Flag (HtmlCell.sign) each lone minus sign that is its next cell's figure's sign;
    whether any was."""
    if not leaves:
        return False
    indexed = Leaves(leaves)
    pairs = [(c, d) for i in figure_rows for c, d in _before_figures(rows[i], figure_start)
             if indexed.of(c) is indexed.of(d)]  # (in the figure's column group: no heading of its own)
    lone = [c for c, d in pairs if _lone_minus(c) and _unsigned(d)]
    if not lone or not any(_currency(c) for c, _ in pairs):
        return False
    figured = {c.last for i in figure_rows for c in rows[i] if _amount(c) is not None}
    marked = False
    for c in lone:
        if figured.isdisjoint(range(c.column, c.last + 1)):
            c.sign, c.token_cache, c.kind_cache = True, None, None
            marked = True
    return marked


def _before_figures(row: list[HtmlCell], figure_start: int) -> list[tuple[HtmlCell, HtmlCell]]:
    """(cell, the cell printing a figure right after it) in one row."""
    return [(c, d) for c, d in zip(row, row[1:])
            if c.column >= figure_start and d.column == c.last + 1 and _amount(d) is not None]


def _text(cell: HtmlCell) -> str:
    return cell.text.replace("\xa0", " ").strip()


def _lone_minus(cell: HtmlCell) -> bool:
    return len(_text(cell)) == 1 and _text(cell) in MINUS_SIGNS


def _currency(cell: HtmlCell) -> bool:
    """A "$" cell, or a blank one (where a figure's "$" goes when it prints none)."""
    return _text(cell) in ("", "$")


def _amount(cell: HtmlCell) -> Optional[str]:
    """The text of the first token of a cell printing a figure first (None otherwise)."""
    toks = tokens(cell)
    return toks[0].text.strip() if toks and toks[0].kind == "amount" and not cell.sup[toks[0].start] else None


def _unsigned(cell: HtmlCell) -> bool:
    text = _amount(cell)
    return text is not None and (text[0].isdigit() or text[0] == ".")


def notes(rows: list[list[HtmlCell]], figure_rows: Sequence[int], figure_start: int,
          leaves: Sequence[Leaf]) -> None:
    """Flag (HtmlCell.note) each "(1)" cell after a figure that is that figure's marker."""
    if not leaves:
        return
    indexed = Leaves(leaves)
    figured = {n for i in figure_rows for c in rows[i] if c.column >= figure_start and _figure(c)
               for n in range(c.column, c.last + 1)}
    for i in figure_rows:
        row = [c for c in rows[i] if c.column >= figure_start]
        for k, cell in enumerate(row):
            if not lone_marker(cell) or not figured.isdisjoint(range(cell.column, cell.last + 1)):
                continue
            before = next((c for c in reversed(row[:k]) if _text(c) not in ("", ")")), None)
            after = [c for c in row[k + 1:] if _figure(c) and indexed.of(c) is indexed.of(cell)]
            if before is not None and _figure(before) and after:
                cell.note, cell.token_cache, cell.kind_cache = True, None, None


def _figure(cell: HtmlCell) -> bool:
    """A cell printing a figure or a nil (not a "(1)" alone, which may be a marker)."""
    return not lone_marker(cell) and any(t.kind in FIGURE_KINDS for t in tokens(cell))

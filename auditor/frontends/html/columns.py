"""The schedule columns of a table part: one under each lowest heading cell,
and one for each column of figures that has no heading text of its own.

A column of figures with no heading text over it (an "Other" column whose
heading cell is empty, a column under a heading that spans it and its
neighbour) is a column all the same: in text it is a movement whose
direction the arithmetic decides, and so it is here.  It is told from a
neighbour's figures printed a grid column off (filing software's spans and
spacer cells) by a row printing a figure in both (before, "two figures under
one heading"), or by an empty heading cell over it as wide as a heading's,
not a spacer's.  Cells of "$", ")" and footnote markers are never figures.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Iterable, Optional, Sequence

from auditor.frontends.html.figures import FIGURE_KINDS, lone_marker, plain, tokens
from auditor.frontends.html.grid import HtmlCell
from auditor.frontends.html.leaves import Leaves

Interval = tuple[int, int]  # (first, last) grid column


def bears_figure(cell: HtmlCell) -> bool:
    """A cell printing a figure of its own: not "$", ")", "(1)" or a <sup> marker."""
    return not lone_marker(cell) and any(
        t.kind in FIGURE_KINDS and not cell.sup[t.start] for t in tokens(cell))


class HeadingCells:
    """The heading cells of a table part, row by row, and found by grid column."""

    def __init__(self, rows: list[list[HtmlCell]]):
        self.rows = rows
        flat = [c for cells in rows for c in cells]
        self.rank = {id(c): k for k, c in enumerate(flat)}  # the order they are printed in
        self.over = covering(flat)


def covering(cells: Iterable[HtmlCell]) -> dict[int, list[HtmlCell]]:
    """Grid column -> the cells over it, in their order (a cell is a colspan
    wide at most: linear in the cells, where asking each cell of each column
    took minutes on a table of thousands of columns)."""
    out: dict[int, list[HtmlCell]] = {}
    for c in cells:
        for n in range(c.column, c.last + 1):
            out.setdefault(n, []).append(c)
    return out


def heading_of(leaf: HtmlCell, heading: HeadingCells, numbers: set[int]) -> str:
    """The heading over a leaf: its own text and the spanning cells above it."""
    core = [n for n in range(leaf.column, leaf.last + 1) if n in numbers] or list(range(leaf.column, leaf.last + 1))
    found = {id(c): c for n in core for c in heading.over.get(n, ()) if c is leaf or c.row < leaf.row}
    return plain(sorted(found.values(), key=lambda c: heading.rank[id(c)]))


def own_columns(rows: list[list[HtmlCell]], heading_rows: Sequence[int], figure_rows: Sequence[int],
                figure_start: int, leaves: list[HtmlCell], headings: list[str],
                heading: HeadingCells, numbers: set[int]) -> tuple[list[HtmlCell], list[str]]:
    """The leaves and their headings, and a column for each column of figures
    printed apart: a leaf over two columns of figures that a row prints side
    by side is split (its heading heads each, as a spanning heading does in
    text); figures under no leaf in two rows or more are a column of their
    own where a row also prints a figure in the column they would join, or
    where an empty heading cell is over them: headed by the cells spanning
    them ("Additions"), or blank.  Otherwise they join the nearest leaf, as
    before (a figure astray in one row is still "two figures" there)."""
    if not leaves:
        return leaves, headings
    found = [[c for c in rows[i] if c.column >= figure_start and bears_figure(c)] for i in figure_rows]
    # The empty cells of the heading rows over no leaf, as wide as a leaf: a
    # column's heading cell left empty, not a spacer between two columns.
    width = min(leaf.colspan for leaf in leaves)
    texts = {id(c) for cells in heading.rows for c in cells}
    under_leaf = covering(leaves)
    empty = covering(c for i in heading_rows for c in rows[i]
                     if id(c) not in texts and c.colspan >= width and not _under(c, under_leaf))
    leaves, headings = _split(found, leaves, headings)
    homes = _homes(found, leaves)
    groups = _merged([(c.column, c.last) for row in found for c in row if not _under(c, under_leaf)])
    rows_with, apart = _apart(found, homes, groups)
    below = figure_rows[0]  # under every heading row: each heading cell over it spans it
    for (first, last), shown, beside in zip(groups, rows_with, apart):
        # As wide as the empty heading cell over it ("$" and ")" cells under it
        # too), so that a marker after its figures is read as theirs.
        cell = min((c for c in empty.get(first, ()) if last <= c.last), key=lambda c: c.colspan, default=None)
        if shown < min(2, len(found)) or not (beside or cell is not None):
            continue  # a neighbour's figures printed a grid column off, or a stray figure
        if cell is not None and _groups_within(cell, groups) == 1:
            first, last = cell.column, cell.last
        leaf = HtmlCell(row=below, column=first, colspan=last - first + 1)
        leaves.append(leaf)
        headings.append(heading_of(leaf, heading, numbers))
    order = sorted(range(len(leaves)), key=lambda k: leaves[k].column)
    return [leaves[k] for k in order], [headings[k] for k in order]


def _homes(found: list[list[HtmlCell]], leaves: list[HtmlCell]) -> dict[int, int]:
    """id of each figure cell -> index of the leaf its figure would join."""
    index = {id(leaf): k for k, leaf in enumerate(leaves)}
    indexed = Leaves(leaves)
    return {id(c): index.get(id(indexed.of(c)), -1) for row in found for c in row}


def _split(found: list[list[HtmlCell]], leaves: list[HtmlCell],
           headings: list[str]) -> tuple[list[HtmlCell], list[str]]:
    """Each leaf over two or more columns of figures that a row prints side by side, split."""
    homes = _homes(found, leaves)
    under: list[dict[int, list[HtmlCell]]] = [{} for _ in leaves]  # per leaf, by row: the figure cells it takes
    for r, row in enumerate(found):
        for c in row:
            k = homes[id(c)]
            if k >= 0 and _meets(c, leaves[k]):
                under[k].setdefault(r, []).append(c)
    out: list[HtmlCell] = []
    out_headings: list[str] = []
    for k, (leaf, heading) in enumerate(zip(leaves, headings)):
        groups = _merged([(c.column, c.last) for cells in under[k].values() for c in cells])
        side_by_side = len(groups) > 1 and any(len({_group(c, groups) for c in cells}) > 1
                                               for cells in under[k].values())
        if not side_by_side:
            out.append(leaf)
            out_headings.append(heading)
            continue
        # Each part runs to its figures' right edge (figures are read by their
        # right edge), the last to the leaf's.
        first = leaf.column
        for n, (_, last) in enumerate(groups):
            last = leaf.last if n == len(groups) - 1 else last
            out.append(HtmlCell(row=leaf.row, column=first, colspan=last - first + 1, rowspan=leaf.rowspan))
            out_headings.append(heading)
            first = last + 1
    return out, out_headings


def _apart(found: list[list[HtmlCell]], homes: dict[int, int], groups: list[Interval]) -> tuple[list[int], list[bool]]:
    """For each group of grid columns: how many rows print a figure in it, and
    whether a row prints one there and another that the same leaf would take."""
    shown, beside = [0] * len(groups), [False] * len(groups)
    for row in found:
        everywhere = Counter(homes[id(c)] for c in row)
        inside: dict[int, Counter[int]] = {}
        for c in row:
            g = _group(c, groups)
            if g is not None:
                inside.setdefault(g, Counter())[homes[id(c)]] += 1
        for g, taken in inside.items():
            shown[g] += 1
            beside[g] = beside[g] or any(everywhere[h] > n for h, n in taken.items())
    return shown, beside


def _merged(intervals: list[Interval]) -> list[Interval]:
    """Overlapping intervals joined, left to right."""
    out: list[list[int]] = []
    for first, last in sorted(intervals):
        if out and first <= out[-1][1]:
            out[-1][1] = max(out[-1][1], last)
        else:
            out.append([first, last])
    return [(a, b) for a, b in out]


def _group(cell: HtmlCell, groups: list[Interval]) -> Optional[int]:
    """The index of the group (intervals apart, left to right) holding the cell, if one does."""
    k = bisect_right(groups, cell.column, key=lambda g: g[0]) - 1
    return k if k >= 0 and groups[k][0] <= cell.column and cell.last <= groups[k][1] else None


def _under(cell: HtmlCell, leaves_over: dict[int, list[HtmlCell]]) -> bool:
    """Whether a leaf is over any grid column of the cell."""
    return any(n in leaves_over for n in range(cell.column, cell.last + 1))


def _groups_within(cell: HtmlCell, groups: list[Interval]) -> int:
    """How many groups (intervals apart, left to right) lie within the cell's columns."""
    inside = bisect_right(groups, cell.last, key=lambda g: g[1]) - bisect_left(groups, cell.column, key=lambda g: g[0])
    return max(0, inside)


def _meets(cell: HtmlCell, leaf: HtmlCell) -> bool:
    return leaf.column <= cell.last and cell.column <= leaf.last

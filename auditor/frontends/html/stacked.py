"""Rows a word processor printed inside one <tr>, a line a row.

HTML converted from a word processor (EDGAR filings of 1999-2005) may print
several of a schedule's rows inside one table row: the label cell holds
"Allowance for doubtful accounts:<br>Year ended December 31, 2003<br>2002",
each figure cell "<br>$1,200<br>1,000", a line per printed row, blank where
the label prints a caption; one <tr> per account, or one for the whole body.
Read as one row, two figures stand under one heading.  Such a row is split
into a grid row per line, each cell's characters keeping their places, so
the layout reads it as the rows it prints.

A row is split only where its lines can be matched: its figure cells (only
figures, "$", ")" and notes, line by line) print as many lines as its label
cells, blank lines at their end aside, and a column printing fewer lines
puts its figures only on lines the full columns print figures on.  Else it
stays one row (and its figures two under a heading, an input error).
Headings broken with <br> print no figure cell: never split.
"""

from __future__ import annotations

import re
from typing import Optional

from auditor.frontends.html.figures import kind
from auditor.frontends.html.grid import CellKind, Grid, HtmlCell
from auditor.labels import BARE_YEAR, NUMBERED_MARKER_ALONE

# A label's line that runs on from the line above: in lower case ("accounts"), or a
# qualifier in parentheses ("(deducted from accounts receivable)"; not a "(a)" marker).
RUNS_ON = re.compile(r"^(?:[a-z]|\([a-z]{2,})")
Lines = list[tuple[int, int]]  # (start, end) of each printed line of a cell, in its characters


def unstack(grid: Grid) -> Grid:
    """The grid with each row printing several rows a line a row split into them."""
    if not any(c.line_starts for cells in grid.rows for c in cells):
        return grid  # (no cell prints two lines: the common case, nothing to copy)
    rows: list[list[HtmlCell]] = []
    row_lines: list[int] = []
    spanning: list[tuple[int, HtmlCell]] = []  # (row, cell) of the cells spanning rows below theirs
    for r, cells in enumerate(grid.rows):
        split = _split(cells)
        if split is None:
            spanning += [(len(rows), c) for c in cells if c.rowspan > 1]
            rows.append(cells)
            row_lines.append(grid.row_lines[r])
            continue
        for top, c in spanning:  # (a cell above spanning down into the row spans its lines too)
            if top + c.rowspan > len(rows):
                c.rowspan += len(split) - 1
        for new in split:
            rows.append(new)
            row_lines.append(_first_line(new, grid.row_lines[r]))
    if len(rows) == len(grid.rows):
        return grid
    for n, cells in enumerate(rows):
        for c in cells:
            c.row = n
    return Grid(rows, grid.width, row_lines, grid.caption)


def _split(cells: list[HtmlCell]) -> Optional[list[list[HtmlCell]]]:
    """The rows `cells` print a line a row, or None where they print one (or cannot be matched)."""
    if any(c.rowspan > 1 for c in cells) or not any(c.line_starts for c in cells):
        return None
    lines = [_lines(c) for c in cells]
    if all(len(ls) < 2 for ls in lines):
        return None  # (each cell's text in a <p> of its own, as filing software sets it: one line)
    kinds = [[kind(_slice(c, a, b)) for a, b in ls] for c, ls in zip(cells, lines)]
    first = next((n for n, (c, ks) in enumerate(zip(cells, kinds)) if _figure_cell(c, ks, lines[n])), None)
    if first is None or first == 0:
        return None
    # The label cells print words; a "$" cell left of the first figure cell is on the figures' side.
    labels = [n for n in range(first) if "text" in kinds[n]]
    if not labels or any("text" in ks for ks in kinds[first:]):
        return None  # (a figure cell printing words: not a row of figures)
    depth = max(len(ls) for n, ls in enumerate(lines) if n not in labels)
    if _caption_unmatched(cells, labels, lines, kinds, depth):
        # (the figure cells print no blank line beside the caption on the label's first line: one put there)
        lines = [ls if n in labels or not ls else [(0, 0), *ls] for n, ls in enumerate(lines)]
        kinds = [ks if n in labels or not ks else ["blank", *ks] for n, ks in enumerate(kinds)]
        depth += 1
    if not 2 <= max(len(lines[n]) for n in labels) <= depth:
        return None  # (more labels than lines of figures; lines after the last label: unlabelled totals)
    if any(kinds[n][k] == "figure" for k in _caption_lines(cells, labels, lines)
           for n in range(len(cells)) if n not in labels and k < len(kinds[n])):
        return None  # (a caption beside figures: the lines are not matched, the rows would shift)
    full = {k for n, ks in enumerate(kinds) if n not in labels and len(ks) == depth
            for k, kd in enumerate(ks) if kd == "figure"}
    if any(kd == "figure" and k not in full for n, ks in enumerate(kinds) if n not in labels for k, kd in enumerate(ks)):
        return None  # (a column's figures on lines no full column prints figures on: lines not matched)
    groups = _groups([cells[n] for n in labels], [lines[n] for n in labels],
                     [ks for n, ks in enumerate(kinds) if n not in labels], depth)
    return [[_line_cell(c, ls, group) for c, ls in zip(cells, lines)] for group in groups]


def _label_line(cells: list[HtmlCell], labels: list[int], lines: list[Lines], k: int) -> str:
    return " ".join(_text(cells[n], *lines[n][k]) for n in labels if k < len(lines[n])).strip()


def _caption_lines(cells: list[HtmlCell], labels: list[int], lines: list[Lines]) -> list[int]:
    """The label's lines that caption what follows ("Allowance for doubtful accounts:"): no figures beside them."""
    depth = max(len(lines[n]) for n in labels)
    return [k for k in range(depth) if _label_line(cells, labels, lines, k).endswith(":")]


def _caption_unmatched(cells: list[HtmlCell], labels: list[int], lines: list[Lines], kinds: list[list[CellKind]],
                       depth: int) -> bool:
    """Whether the figure cells start with figures beside the label's caption
    line, its blank line left out: the label's first line names no figures of
    its own (it ends in ":", or it names the account over lines set in under
    it, or the figures' lines match the label's lines after it one for one)."""
    if not any(ks and ks[0] == "figure" for n, ks in enumerate(kinds) if n not in labels):
        return False
    first = _label_line(cells, labels, lines, 0)
    if first.endswith(":"):
        return True
    label_depth = max(len(lines[n]) for n in labels)
    set_in = [_set_in(cells, labels, lines, k) for k in range(label_depth)]
    return label_depth == depth + 1 and (not set_in[0] and all(set_in[1:]) or not first[:1].islower())


def _set_in(cells: list[HtmlCell], labels: list[int], lines: list[Lines], k: int) -> bool:
    """Whether the label's line `k` starts with a &nbsp; (set in under the line above)."""
    n = next((n for n in labels if k < len(lines[n]) and _text(cells[n], *lines[n][k])), None)
    return n is not None and "".join(cells[n].chars[slice(*lines[n][k])]).lstrip(" \t\r\n")[:1] == "\xa0"


def _figure_cell(cell: HtmlCell, kinds: list[CellKind], lines: Lines) -> bool:
    """A cell of figures: no words, and a figure that is not a period's year alone."""
    return "text" not in kinds and any(
        kd == "figure" and not BARE_YEAR.match(_text(cell, a, b)) and not NUMBERED_MARKER_ALONE.match(_text(cell, a, b))
        for kd, (a, b) in zip(kinds, lines))


def _groups(labels: list[HtmlCell], lines: list[Lines], figure_kinds: list[list[CellKind]],
            depth: int) -> list[tuple[int, int]]:
    """The lines of each row, first and last: a label's line run on ("Allowance for
    doubtful<br>accounts", "Allowance for credit losses<br>(deducted from receivables)"),
    no figure beside it and the next line in lower case or a qualifier in
    parentheses, is one row with the next."""
    groups: list[tuple[int, int]] = []
    start = 0
    for k in range(depth):
        bare = all(k >= len(ks) or ks[k] in ("blank", "mark") for ks in figure_kinds)
        nxt = " ".join(_text(c, *ls[k + 1]) for c, ls in zip(labels, lines) if k + 1 < len(ls)).strip()
        if bare and RUNS_ON.match(nxt):
            continue
        groups.append((start, k))
        start = k + 1
    return groups


def _lines(cell: HtmlCell) -> Lines:
    """The cell's printed lines, its blank lines at the end dropped."""
    edges = [0, *cell.line_starts, len(cell.chars)]
    lines = list(zip(edges, edges[1:]))
    while lines and not _text(cell, *lines[-1]):
        lines.pop()
    return lines


def _text(cell: HtmlCell, start: int, end: int) -> str:
    return "".join(cell.chars[start:end]).replace("\xa0", " ").strip()


def _line_cell(cell: HtmlCell, lines: Lines, group: tuple[int, int]) -> HtmlCell:
    """The cell's lines `group` (first, last) as a cell of their own (empty past its last line)."""
    first, last = group
    if first >= len(lines):
        return HtmlCell(cell.row, cell.column, cell.colspan, 1, cell.line)
    return _slice(cell, lines[first][0], lines[min(last, len(lines) - 1)][1])


def _slice(cell: HtmlCell, start: int, end: int) -> HtmlCell:
    """Characters start:end of a cell, where they were printed."""
    places = cell.places[start:end]
    printed = [p for ch, p in zip(cell.chars[start:end], places) if ch.strip()]
    return HtmlCell(cell.row, cell.column, cell.colspan, 1, printed[0][0] if printed else cell.line,
                    cell.chars[start:end], places, cell.facts[start:end], cell.sup[start:end])


def _first_line(cells: list[HtmlCell], default: int) -> int:
    """A split row's line: where its first printed character is."""
    found = [p[0] for c in cells for ch, p in zip(c.chars, c.places) if ch.strip()]
    return min(found, default=default)


"""Render a spec's body as a word processor's HTML prints it: several rows in one <tr> (test support).

`HtmlStyle.stacked`: "account", one <tr> per account, its label cell the
account's caption and a line per period ("Allowance for doubtful
accounts:<br>Year ended December 31, 2003<br>..."), each figure cell a blank
line for the caption and a figure a line; "body", one <tr> for the whole
body, a line per period caption and per row.  `stacked_lines`: each line
ended by a <br>, or a <p> of its own ("p": "<p>&nbsp;</p>" for a blank line).
`caption_blank` False: the cells beside the label start with the first line
of figures, no blank line beside the caption on the label's first line (the
label cell a line more than the figure cells).
The rows are those `render_html` prints one <tr> each, cell by cell stacked:
the same cells ("$", figure, ")" or one cell a figure), the same marks.
"""

from __future__ import annotations

import re

CELL_EDGE = re.compile(r"(<td[^>]*>|</td>)")
LINE = '<p style="margin-top:0pt;margin-bottom:0pt">{}</p>'


def stacked_rows(lines_of_rows: list, style) -> list:
    """One <tr> of pieces per list of rows (each a <tr> of pieces, as `render_html._write_row` writes them)."""
    return [_stack([_cells(row) for row in rows], style) for rows in lines_of_rows]


def _cells(row: list) -> list:
    """A row's cells as (attributes, pieces inside), its pieces split at the cells' edges."""
    cells, current = [], None
    for piece in row:
        if isinstance(piece, tuple):
            current[1].append(piece)
            continue
        for part in CELL_EDGE.split(piece):
            if part.startswith("<td"):
                current = (part[3:-1], [])
                cells.append(current)
            elif part == "</td>":
                current = None
            elif current is not None and part:
                current[1].append(part)
    return cells


def _blank(pieces: list) -> bool:
    return all(isinstance(p, str) and p.replace("&nbsp;", "").strip() == "" for p in pieces)


def _stack(lines: list, style) -> list:
    """The lines' cells stacked: cell n of the <tr> holds cell n of every line, a
    line each (a period's caption row, one spanning cell, is its label alone)."""
    width = max(len(cells) for cells in lines)
    full = next(cells for cells in lines if len(cells) == width)  # (a row of figures: its cells' attributes)
    out = ['<tr valign="top">']
    # (the first line a caption: the label's alone)
    captioned = all(n >= len(lines[0]) or _blank(lines[0][n][1]) for n in range(1, width))
    for n in range(width):
        attrs = full[n][0]
        column = [cells[n][1] if n < len(cells) and not _blank(cells[n][1]) else [] for cells in lines]
        if n and captioned and not style.caption_blank:
            column = column[1:]
        out.append(f"<td{attrs}>")
        if all(not pieces for pieces in column):
            out.append("&nbsp;")
        elif style.stacked_lines == "p":
            for pieces in column:
                out.extend([LINE.split("{}")[0], *(pieces or ["&nbsp;"]), LINE.split("{}")[1]])
        else:
            for k, pieces in enumerate(column):
                out.extend((["<br>"] if k else []) + pieces)
        out.append("</td>\n")
    out.append("</tr>\n")
    return out

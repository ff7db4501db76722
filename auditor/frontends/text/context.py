"""What a line the grammar typed is, where its neighbours decide it.

The grammar says what one line is made of; a few kinds of line are told
apart only by the lines around them: a bare number at a page's foot is a
page number, and a line of "(1)   (2)" is the headings' footnote markers
over heading text, a wrapped label's last marker left of the figures, or
else a row of small negatives.
"""

from __future__ import annotations

import re
from typing import Optional

from auditor.frontends.text.parse import Figure, Line
from auditor.frontends.text.tokens import first_figure_column
from auditor.labels import NUMBERED_MARKER_ALONE, UNITS_FIGURE
from auditor.lazy_pattern import lazy_compile

# A page number as printed: "47", "S-2", "- 47 -", "Page 47", "(continued)".  (labels.PAGE_MARK's
# dashes and two letters "SA-2" not yet: a merge must leave every sweep's figure as it is.)
PAGE_NUMBER = re.compile(r"^(page\s+)?[a-z]?-?\s*\d{1,3}\s*-?$|\(continued\)$|^continued$", re.IGNORECASE)


def in_context(lines: list[Line]) -> list[Line]:
    """The lines with page numbers as text and each notes line as text or a row."""
    return _notes_lines(_caption_markers_as_text(_page_numbers_as_text(lines)))


def _caption_markers_as_text(lines: list[Line]) -> list[Line]:
    """A heading line ending in a footnote marker ("(In thousands)   of
    period   (1)") between a <CAPTION> and its <S>/<C> markers line: the
    grammar's row of one small negative, which only a table's headings hold
    there.  Text, so the headings go on over it."""
    opened = next((i for i, ln in enumerate(lines) if ln.kind == "caption"), None)
    if opened is None:
        return lines
    marked = next((i for i, ln in enumerate(lines) if i > opened and ln.kind == "markers"), None)
    if marked is None:
        return lines
    out = list(lines)
    for i in range(opened + 1, marked):
        ln = out[i]
        # (a heading's footnote marker "(1)": as a figure it would be a small negative)
        if ln.kind == "row" and ln.words and len(ln.figures) == 1 \
                and NUMBERED_MARKER_ALONE.match(ln.figures[0].value.text):
            out[i] = Line("text", ln.number, ln.words + (ln.figures[0].value,))
    return out


def _page_numbers_as_text(lines: list[Line]) -> list[Line]:
    """A page number printed as a bare number ("47", "- 47 -") is a row of
    figures to the grammar (a total of one figure, or figures out of their
    columns).  With no label, no "$" and no marker, at a page's foot (<PAGE>
    or </TABLE> right under it, or set apart by blank lines) it is text: a
    page number, which the body skips.  A row of "$000" alone is text too:
    the columns' units."""
    out = list(lines)
    for i, ln in enumerate(out):
        if ln.kind != "row" or ln.words:
            continue
        if all(f.value.text == UNITS_FIGURE for f in ln.figures):
            out[i] = Line("text", ln.number, tuple(t for f in ln.figures for t in (f.dollar, f.value) if t))
            continue
        if any(f.dollar or f.notes for f in ln.figures):
            continue
        if not PAGE_NUMBER.search(" ".join(f.value.text for f in ln.figures)):
            continue
        after = out[i + 1] if i + 1 < len(out) else None
        above = out[i - 1] if i else None
        if _rows_last_figure(ln, above, after, out):
            continue
        foot = after is None or after.number > ln.number + 1 or after.kind in ("page", "table_close")
        apart = (i == 0 or out[i - 1].number < ln.number - 1) and (after is None or after.number > ln.number + 1)
        if apart or (after is not None and after.kind in ("page", "table_close")) \
                or foot and not _under_a_figure_column(ln, out):
            out[i] = Line("text", ln.number, tuple(f.value for f in ln.figures))
    return out


def _under_a_figure_column(line: Line, lines: list[Line]) -> bool:
    """Whether a figure of the line ends where a labelled row's figure ends (give or take its
    parenthesis): a figure of that column, however bare.  A page's number typed right under the
    page's last row ("32" centred, or at the margin) ends under none: page furniture."""
    ends = {f.value.end for r in lines if r.kind == "row" and r.words for f in r.figures}
    return any(f.value.end + d in ends for f in line.figures for d in (-1, 0, 1))


def _rows_last_figure(line: Line, above: Optional[Line], after: Optional[Line], lines: list[Line]) -> bool:
    """One figure right of the row just above it: that row's last figure, on a line of its own.
    Double spaced, a blank line or two between (quadruple spacing), where it stands in a column of such figures and no
    <PAGE> follows it (a page's number at the margin under the page's last row)."""
    if above is None or above.kind not in ("row", "notes") or len(line.figures) != 1 \
            or line.figures[0].value.column <= _last_end(above):
        return False
    return above.number == line.number - 1 or line.number - above.number in (2, 3) and (
        after is None or after.kind != "page") and _in_a_lone_column(line, lines)


def _in_a_lone_column(line: Line, lines: list[Line]) -> bool:
    """Whether the line's one figure ends where another line's lone figure, or a labelled row's
    figure, ends: the balances typed alone under their rows, a column of them (a page's number
    stands once a page, at its foot)."""
    end = line.figures[0].value.end
    return _under_a_figure_column(line, lines) or any(
        r is not line and r.kind == "row" and not r.words and len(r.figures) == 1
        and abs(r.figures[0].value.end - end) <= 1 for r in lines)


def _last_end(line: Line) -> int:
    return line.figures[-1].value.end if line.figures else line.marks[-1].end


def _notes_lines(lines: list[Line]) -> list[Line]:
    """Each line of "(n)" markers as text (the headings' markers, a label's
    last marker) or as a row of figures."""
    if not any(ln.kind == "notes" for ln in lines):
        return lines  # (most tables)
    out, printed = list(lines), set()
    # Over heading text, before the first row: the headings' markers.
    for i, ln in enumerate(out):
        if ln.kind == "row":
            break
        if ln.kind == "notes":
            after = next((x for x in out[i + 1 :] if x.kind != "table_open"), None)
            if after is not None and after.kind == "text":
                out[i] = _as_text(ln)
                printed.add(_printed(ln))
    # The same markers at the same places further down are the headings
    # printed again after a page break, not a row of small negatives.
    out = [_as_text(ln) if ln.kind == "notes" and _printed(ln) in printed else ln for ln in out]
    # A lone marker left of every labelled row's first figure is the last
    # word of a wrapped label: text.
    labelled = [ln for ln in out if ln.kind == "row" and ln.words]
    figures_from: Optional[int] = min(first_figure_column(r) for r in labelled) if labelled else None
    return [ln if ln.kind != "notes" else
            _as_text(ln) if figures_from is not None and len(ln.marks) == 1 and ln.marks[0].end <= figures_from else
            _as_row(ln) for ln in out]


def _as_text(line: Line) -> Line:
    return Line("text", line.number, line.marks)


def _as_row(line: Line) -> Line:
    return Line("row", line.number, figures=tuple(Figure(m._replace(kind="AMOUNT"), ()) for m in line.marks))


def _printed(line: Line) -> tuple[tuple[int, str], ...]:
    return tuple((m.column, m.text) for m in line.marks)

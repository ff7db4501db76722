"""The body: rows and their cells, period and group captions, wrapped labels
and rows printed over two lines; and the figures the body prints that no
cell took (`Schedule.unread`)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends.text.below import labels_under_figures
from auditor.frontends.text.aligned import SLACK, column_for, column_of, figure_edges, lone_nil_column, marks_figure
from auditor.frontends.text.columns import is_title_or_units, units_under_caption
from auditor.frontends.text.context import PAGE_NUMBER
from auditor.frontends.text.labels import (Entry, continues, go_on, indent_of, period_in_first_cell, row_entry,
                                           settle, the_row)
from auditor.frontends.text.parse import Figure, Line, Token
from auditor.frontends.text.tokens import chunk_text, chunks, label_text, text
from auditor.labels import MINUS_SIGNS, TOTAL, is_period, restates_period, typed_negative
from auditor.model import Cell, Column, Position, Row, RowKind, figure_value


class Body(NamedTuple):
    entries: list[Entry]  # in printed order
    unread: tuple[Position, ...]  # figures printed in a figure column that no cell took


def body(lines: Sequence[Line], headings: Sequence[Line], starts: Sequence[int], columns: Sequence[Column],
         label_end: int, path: Optional[str]) -> Body:
    """Walk the body: period and account captions, rows with their wrapped labels."""
    repeated = {text(ln.words) for ln in headings}
    # Heading lines printing footnote markers or numbers: typed again after a page break, the markers and
    # numbers are figures to the grammar ("Impact of   (1)   (2)" a row of negatives, "1   EXPENSES   31"
    # the days of "BALANCE JANUARY 1" and "BALANCE DECEMBER 31"), the line the headings' all the same.
    marked = {t for ln in headings if any(w.kind != "WORD" for w in ln.words) for t in [text(ln.words)]}
    lines = labels_under_figures(lines, label_end, repeated)
    # Whether a label's next line starting in lower case says anything: not in
    # a body printed all in lower case (nor, of course, all in capitals).
    cased = any(c.isupper() for ln in lines for t in ln.words for c in t.text)
    edges = figure_edges(lines, starts)
    entries: list[Entry] = []
    pending: list[Line] = []  # text lines whose role the next row decides
    unread: list[Position] = []
    last: Optional[int] = None  # index in entries of the row a continuation line extends
    previous: Optional[int] = None
    new_page = False  # a <PAGE> tag above, and no row since
    for at, ln in enumerate(lines):
        gap = previous is not None and ln.number - previous > 1
        one_blank = previous is not None and ln.number - previous in (2, 3)  # (double spaced: a row's second line a blank or two down)
        previous = ln.number
        new_page = ln.kind == "page" or new_page and ln.kind != "row"
        if ln.kind == "text":
            if new_page and is_title_or_units(ln):
                pending = []  # a new page's running head ("SCHEDULE II (Continued)"), the company's name over it
                continue
            if text(ln.words) in repeated or PAGE_NUMBER.search(text(ln.words)):
                continue  # headings repeated after a page break, page numbers
            if new_page and not pending and _period_restated(entries, text(ln.words)):
                continue  # (its caption again over the rest of its rows, a page on, as typed above them)
            if pending and is_title_or_units(ln) and units_under_caption(ln, pending[-1], label_end):
                continue  # the units of the account captioned above (the schedule's: `layout.caption_units`)
            ln = years_as_figures(ln, starts, at_least=2)  # may make it a row (handled below)
            if ln.kind == "text" and (not gap or one_blank) and not pending and last is not None:
                # One year-like amount ("1924") alone: the rest of the row above?
                second = years_as_figures(ln, starts)
                if second.kind == "row" and _completes(the_row(entries[last]), second, starts):
                    ln = second
        if ln.kind == "text":
            unread += _strays(ln, starts)
            # (A label line may run to where the first column's rule or marker starts: a first
            # figure typed a few characters left of that column draws `label_end` in short of it.)
            if last is not None and continues(ln, entries, last, gap, max(label_end, starts[0])):
                entries[last] = go_on(entries[last], ln)
                continue
            if gap:
                settle(pending, entries, None)
                pending = []
            pending.append(ln)
            last = None
            continue
        if ln.kind == "row":
            if marked and ln.words and _repeats(ln, marked):
                continue
            ln = years_as_figures(ln, starts)
            if (not gap or one_blank) and not pending and last is not None and _completes(the_row(entries[last]), ln, starts):
                entries[last] = entries[last]._replace(row=_with_second_line(the_row(entries[last]), ln, starts, edges,
                                                                             columns, path))
                continue
            period, row_words = period_in_first_cell(ln)
            if period:
                settle(pending, entries, None)
                pending = []
                if not (row_words and _period_goes_on(entries, period)):  # (a year alone on its row is a period's row)
                    entries.append(Entry("period", period, ln.number))
            before = entries[-1] if entries and entries[-1].kind == "row" else None
            prefix, opened = settle(pending, entries, ln if not gap else None, row_words,
                            before.at if before is not None else None, cased)
            pending = []
            unread += _attached(row_words, starts)
            row = _row(ln, row_words, prefix, starts, edges, columns, path, _second_line_columns(lines, at, starts))
            entries.append(row_entry(row, indent_of(row_words, ln), opened))
            last = len(entries) - 1
            continue
        # Rules, <S>/<C> lines, tags and page markers end a wrapped label.
        settle(pending, entries, None)
        pending, last = [], None
        if ln.kind == "page" and entries and entries[-1].kind == "caption":
            entries[-1] = entries[-1]._replace(foot=True)  # (a label at the page's foot: its row may be the next page's)
    settle(pending, entries, None)
    return Body(entries, tuple(unread))


def _repeats(line: Line, marked: set[str]) -> bool:
    """The line, its figures markers alone, prints one of the headings' lines with markers again."""
    return all(f.dollar is None and not f.notes for f in line.figures) and \
        text(sorted((*line.words, *(f.value for f in line.figures)), key=lambda t: t.column)) in marked


def _period_restated(entries: Sequence[Entry], caption: str) -> bool:
    """The caption is the period's the rows above are in, printed again as it was."""
    if not entries or entries[-1].kind != "row":
        return False
    current = next((e.text for e in reversed(entries) if e.kind == "period"), "")
    return restates_period(caption.rstrip(":").strip(), current)


def _period_goes_on(entries: Sequence[Entry], period: str) -> bool:
    """The period a row's first cell names is the one its rows above are in,
    with no caption since: a column of years typed before the description
    ("1996   Allowance for doubtful accounts   $ 1,016 ...") names the period
    on each of its rows, one period, not one a row."""
    for entry in reversed(entries):
        if entry.kind != "row":
            return entry.kind == "period" and entry.text == period
    return False


def _strays(line: Line, starts: Sequence[int]) -> list[Position]:
    """The figures of a text line of the body that stand in a figure column:
    a figure printed one space after its label, or a lone year-like amount
    ("Recoveries      1950": a caption to the grammar).  None in a period's
    caption ("Year ended December 31,   1996")."""
    if not any(t.kind in _FIGURE_KINDS and t.end > starts[0] for t in line.words):
        return []  # (most lines: no figure at all)
    if is_period(text(line.words)) or is_period(chunk_text(chunks(line.words)[0])):
        return []
    found = _attached(line.words, starts)
    figures = years_as_figures(line, starts)
    if figures is not line:
        found += [Position(f.value.line, f.value.column) for f in figures.figures]
    return found


_FIGURE_KINDS = frozenset(("AMOUNT", "NIL", "YEAR"))


def _attached(words: Sequence[Token], starts: Sequence[int]) -> list[Position]:
    """Figures the parse took into a label (one space after a word) that stand in a figure column."""
    return [Position(t.line, t.column) for t in words if t.kind in ("AMOUNT", "NIL") and t.anchor >= starts[0]]


def _completes(row: Row, line: Line, starts: Sequence[int]) -> bool:
    """A line of figures with no label right under an item row, each figure in
    a column the row left blank: the rest of the row's figures, printed on a
    second line (a wrapped row whose balance at end went under its last
    movement).  An unlabelled total sits under a rule, and fills the columns
    the rows above filled.  A row labelled "Total ..." wraps alike (a reserve
    so named, "Total allowance for doubtful accounts", or a total typed so)."""
    if line.words or all(c is None for c in row.cells):
        return False  # (a row printing no figure is a movement left blank: the line under it is a row of its own)
    found = [column_of(f.value.anchor, starts) for f in line.figures]
    return all(k is not None and row.cells[k] is None for k in found) and len(set(found)) == len(found)


def _second_line_columns(lines: Sequence[Line], at: int, starts: Sequence[int]) -> frozenset[int]:
    """The columns the line right under row `at` fills, where it prints
    figures and no label (the row's second line, `_completes`): a figure of
    the row equally near one of them and another column is the other's."""
    below = lines[at + 1] if at + 1 < len(lines) else None
    if below is None or below.kind != "row" or below.words or below.number - lines[at].number > 3:
        return frozenset()
    return frozenset(k for f in below.figures for k in [column_of(f.value.anchor, starts)] if k is not None)


def _with_second_line(row: Row, line: Line, starts: Sequence[int], edges: Sequence[Optional[int]],
                      columns: Sequence[Column], path: Optional[str]) -> Row:
    second = _row(line, (), "", starts, edges, columns, path)
    cells = tuple(a if a is not None else b for a, b in zip(row.cells, second.cells))
    return replace(row, cells=cells)


def years_as_figures(line: Line, starts: Sequence[int], at_least: int = 1) -> Line:
    """A bare amount that looks like a year ("1950", printed without a "$" or
    separators) is a word before the row's figures to the grammar; standing
    in a figure column, it is the row's first figure.  A line of such amounts
    alone is a row too (`at_least` two of them: a caption ends in one year)."""
    words, figures = list(line.words), list(line.figures)
    while words and words[-1].kind == "YEAR" and words[-1].end > starts[0]:
        figures.insert(0, Figure(words.pop()._replace(kind="AMOUNT"), ()))
    if len(figures) - len(line.figures) < at_least:
        return line
    return line._replace(kind="row", words=tuple(words), figures=tuple(figures))


def _row(line: Line, row_words: Sequence[Token], prefix: str, starts: Sequence[int], edges: Sequence[Optional[int]],
         columns: Sequence[Column], path: Optional[str], taken: frozenset[int] = frozenset()) -> Row:
    words = list(row_words)
    footnote: Optional[str] = None
    while words and words[-1].kind == "NOTE":
        footnote = words.pop().text + (footnote or "")
    figures = list(line.figures)
    # A number inside the label area ends the label ("Reserve number 2"), it is no
    # figure, when the row has more figures than columns without it; otherwise
    # the row's figures are shifted out of their columns: an error, not a guess.
    while figures and figures[0].value.end <= starts[0] and len(figures) > len(starts):
        fig = figures.pop(0)
        words.extend(t for t in (fig.dollar, fig.value, *fig.notes) if t is not None)
    label = " ".join(t for t in (prefix, label_text(words)) if t).rstrip(":").strip()
    try:
        cells = _cells(_star_nil_at_end(figures, starts), starts, edges, columns, line.number, path,
                       words[-1].end - 1 if words else None, taken)
    except InputError:
        # A row printing one figure for each column: its figures are the columns'
        # in order, however far a typist set one off (a nil under the next column's).
        in_order = _one_each(figures, starts)
        if in_order is None:
            raise
        cells = in_order
    kind: RowKind = "total" if TOTAL.match(label) or not label else "item"
    return Row(label=label, kind=kind, cells=tuple(cells), line=line.number, footnote=footnote)


# How far a "*" at a row's end stands past the figure before it to be a figure of its own (the grammar's LONE_STAR).
STAR_APART = 3


def _star_nil_at_end(figures: Sequence[Figure], starts: Sequence[int]) -> Sequence[Figure]:
    """The row's figures with a "*" typed at its end, three blanks or more past the figure before it, in a
    column of its own, read as that column's nil ("1996   *   140   *   *": the grammar reads a line's last
    "*" as a marker), as a "*" so set apart between figures is one and as HTML reads a "*" alone in a cell; in
    its figure's own column it stays that figure's marker ("412   *"), as a "(2)" does."""
    last = figures[-1] if figures else None
    if last is None or not last.notes or last.notes[-1].text != "*":
        return figures
    star = last.notes[-1]
    before = last.notes[-2].end if len(last.notes) > 1 else last.value.end
    own = column_of(star.anchor, starts)
    if star.column - before < STAR_APART or own is None or own == column_of(last.value.anchor, starts):
        return figures
    return [*figures[:-1], last._replace(notes=last.notes[:-1]), Figure(star._replace(kind="NIL"), ())]


def _cells(figures: Sequence[Figure], starts: Sequence[int], edges: Sequence[Optional[int]],
           columns: Sequence[Column], number: int, path: Optional[str],
           label_end: Optional[int] = None, taken: frozenset[int] = frozenset()) -> list[Optional[Cell]]:
    """Each figure in the column it stands in (`aligned.column_for`; a nil
    alone on its row, in the column whose room it stands in, its label's
    last character at `label_end`: `aligned.lone_nil_column`); an input
    error where one stands in none, or two in one."""
    cells: list[Optional[Cell]] = [None] * len(starts)
    lone = len(figures) == 1 and figures[0].value.kind == "NIL" and not figures[0].notes
    for i, fig in enumerate(figures):
        marker = figures[i + 1] if i + 1 < len(figures) else None
        marked = marker.value.anchor if marker is not None and _marks(fig, marker, starts) else None
        k = (lone_nil_column(fig.value, starts, edges, label_end) if lone
             else column_for(fig.value, starts, edges, marked, taken))
        if k is None:
            raise InputError(
                f"figure {fig.value.text!r} lies in no figure column (expected figures under the headings)",
                path,
                number,
                fig.value.column,
            )
        before = cells[k]
        # (The figure typed a few characters left, its marker where it was: the column holds both.)
        if before is not None and marks_figure(before.end_column, fig, SLACK):
            cells[k] = replace(before, footnote=(before.footnote or "") + fig.value.text)
            continue
        if before is not None and before.value is not None and _minus_apart(before, fig):
            notes = "".join(n.text for n in fig.notes) or None  # ("1,677 -(1)": the figure's marker)
            cells[k] = replace(before, value=-before.value, raw=before.raw + " -", end_column=fig.value.end, footnote=notes)
            continue
        if before is not None and _minus_before(before, fig):
            cells[k] = replace(_cell(fig), value=-amount(fig.value.text), raw=f"{before.raw} {fig.value.text}",
                               column=before.column)
            continue
        if before is not None:
            raise InputError(
                f"two figures ({before.raw!r} and {fig.value.text!r}) in column "
                f"{columns[k].heading or k + 1!r}",
                path,
                number,
                fig.value.column,
            )
        cells[k] = _cell(fig)
    return cells


def _minus_apart(before: Cell, fig: Figure) -> bool:
    """A hyphen one space after an amount, in that amount's column: the adding
    machine's minus typed apart ("473 -", where a parenthesis would close), no
    nil of its own (one standing in no column of its own, the grid has no room
    for it).  (A hyphen reaching the next column is that column's nil.)"""
    return (fig.value.kind == "NIL" and fig.value.text == "-" and fig.dollar is None
            and before.value is not None and before.value > 0 and before.footnote is None
            and fig.value.column - before.end_column == 1)


def _minus_before(before: Cell, fig: Figure) -> bool:
    """A minus sign alone one space before an amount, both in that amount's column: the
    sign typed apart ("− 473"), no nil of its own (the grid has no room for it; a
    sign set further off, or before a negative or a "$", stays two figures)."""
    return (before.value is None and len(before.raw) == 1 and before.raw in MINUS_SIGNS and before.footnote is None
            and fig.value.kind == "AMOUNT" and fig.dollar is None and not typed_negative(fig.value.text)[1]
            and fig.value.column - before.end_column == 1)


def _marks(fig: Figure, marker: Figure, starts: Sequence[int]) -> bool:
    """`marker` is `fig`'s footnote marker: set a few spaces after it (a few
    more where the figure was typed left, its marker where it was), both
    ending in one column's span (a "(29)" in the next column is that
    column's -29)."""
    return marks_figure(fig.value.end, marker, SLACK) \
        and column_of(marker.value.anchor, starts) == column_of(fig.value.anchor, starts)


def _one_each(figures: Sequence[Figure], starts: Sequence[int]) -> Optional[list[Optional[Cell]]]:
    """The row's cells in order, where it prints exactly one figure (with its
    footnote marker) for each column, each near its own column: ending in its
    span, less than `SLACK` before it or up to 2 * SLACK past it (a nil typed
    towards the next column's figures); None otherwise (a row shifted out of
    its columns is an error, not a guess)."""
    marked: list[tuple[Figure, str]] = []
    for fig in figures:
        if marked and _marks(marked[-1][0], fig, starts):
            marked[-1] = (marked[-1][0], marked[-1][1] + fig.value.text)
        else:
            marked.append((fig, ""))
    if len(marked) != len(starts):
        return None
    for k, (fig, _) in enumerate(marked):
        edge = fig.value.anchor
        if k not in (column_of(edge, starts), column_of(edge + SLACK - 1, starts), column_of(edge - 2 * SLACK, starts)):
            return None
    cells: list[Optional[Cell]] = []
    for fig, marker in marked:
        cell = _cell(fig)
        cells.append(replace(cell, footnote=(cell.footnote or "") + marker) if marker else cell)
    return cells


def _cell(fig: Figure) -> Cell:
    tok = fig.value
    footnote = "".join(n.text for n in fig.notes) or None
    try:
        value = amount(tok.text) if tok.kind != "NIL" else None
    except InputError as exc:
        raise InputError(exc.message, None, tok.line, tok.column) from None
    return Cell(value=value, raw=tok.text, line=tok.line, column=tok.column, end_column=tok.end, footnote=footnote)


def amount(raw: str) -> Decimal:
    """The exact value of a printed figure: "(1,234)" is -1234, "473-" and "473CR" are -473."""
    digits, negative = typed_negative(raw)  # (labels: "(1,234)", "473-", "473CR")
    value = figure_value(digits.replace(",", "").replace(" ", ""), raw)
    return -value if negative else value

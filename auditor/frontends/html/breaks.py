"""A table a page break cut in two, its second part printed without headings, read as one grid.

Word processors' 10-Ks (the 2000s' HTML) print a table over two pages as two
<table> elements with the page number and a running head between, the
headings not printed again.  Where the first part cannot be read alone, its
second part is no table of its own to read under the first's headings: it
carries on the first's rows.  That is so where the first part prints no row of
figures (it ends on its headings, or on a period's caption under them, as a
schedule printed a table per year breaks), and where it prints the years as
columns (a block of movements cut in the middle, or the next accounts under
the years printed once).  Such parts are joined into one grid, their rows one
after the other, every cell keeping its place in the file.  A part laid on
other grid columns (its "$" or spacer cells elsewhere; a row of empty sizing
cells is no matter) is joined with its columns of figures put under the first
part's by order (`remap`) where they correspond one to one; any other stays
apart, and a block it leaves open is reported, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Callable, Iterator, Optional

from auditor.frontends.html.figures import kind, nonblank
from auditor.frontends.html.grid import Grid
from auditor.frontends.html.layout import frame, printed_width
from auditor.frontends.html.locate import CAPTION_TEXT, GAP_TEXT, Document, Span, furniture
from auditor.frontends.html.remap import laid_under, under_years
from auditor.frontends.html.row_marks import NOTE_OPENS, note_marker, notes_in, row_notes
from auditor.frontends.html.slots import first_figure_row
from auditor.frontends.html import transposed as html_transposed
from auditor.labels import CONTINUED, YEAR, is_period, marks_a_footnote

Open = Callable[[Grid], bool]  # whether a grid's last rows are carried on by a part without headings
Noted = Callable[[], frozenset[str]]  # the markers a schedule's notes define (`schedule_notes`), asked where needed


def joined(doc: Document, span: Span, grid: Grid, is_open: Open,
           first: Optional[Grid] = None, noted: Optional[Noted] = None) -> tuple[Grid, list[Span]]:
    """The grid of the table at `span` with the parts carrying it on after page
    breaks, and those parts' spans (none where nothing is joined); `first`, the
    schedule's first part where `span` is one of its later tables (`_under`); `noted`, the
    markers the whole schedule's notes define (`schedule_notes`; the schedule's first part is
    `span` where not given)."""
    noted = schedule_notes(doc, span) if noted is None else noted
    spans: list[Span] = []
    while is_open(grid):
        end = (spans[-1] if spans else span)[1]
        after = _block_head_again(doc, end, grid) or _part_after(doc, end)
        if after is None and not spans and headings_only(grid):
            after = _headings_after(doc, span[1], grid)
        part = None if after is None else _under(grid, after[1], first, part_notes(doc, after[0], noted))
        if after is None or part is None:
            break
        grid = under_years(_appended(grid, part), len(grid.rows))  # (its rows on a grid of their own: by the years)
        spans.append(after[0])
    return grid, spans


def under_caption(doc: Document, span: Span, grid: Grid) -> Optional[tuple[Grid, Span, str]]:
    """A table of headings alone (no figure) and the table right after it under an account's
    caption, printing no headings, on its columns: the headings set once in a <table> of their
    own over a table per account.  (The grid joined, the part's span, the caption) or None."""
    if not ends_without_figures(grid):
        return None
    nxt = doc.next_table(span[1])
    if nxt is None or nxt[0] < span[1] or len(doc.plain(span[1], nxt[0])) > GAP_TEXT:
        return None
    texts = doc.texts(span[1], nxt[0])
    if len(texts) != 1 or len(texts[0]) > CAPTION_TEXT:
        return None
    part = doc.grid(nxt)
    placed = _under(grid, part) if headless(part) else None
    return None if placed is None else (_appended(grid, placed), nxt, texts[0])


def stranded(doc: Document, span: Span, grid: Grid, is_open: Optional[Open] = None) -> Optional[Span]:
    """The part after a page break carrying on `grid`, a part that prints no
    figure (or is `is_open`), where `joined` left it apart (laid on other
    columns): its rows cannot be read under the headings, and are never
    dropped unsaid."""
    after = _part_after(doc, span[1]) if (is_open or ends_without_figures)(grid) else None
    return after[0] if after else None


def _part_after(doc: Document, end: int) -> Optional[tuple[Span, Grid]]:
    """The table right after `end`, only page furniture between (a page number,
    a running head), where it prints no headings; else None."""
    after = _table_after(doc, end)
    return after if after is not None and headless(after[1]) else None


def _table_after(doc: Document, end: int) -> Optional[tuple[Span, Grid]]:
    """The table right after `end` and its grid, only page furniture between (a page number, a
    running head: no text of a paragraph's length, none of its own; a table of the page's notes or
    an empty one, `between_parts`, as the page's foot prints them), where a part carrying a table
    on past a page break is looked for; else None."""
    while True:
        nxt = _right_after(doc, end)
        if nxt is None:
            return None
        if not between_parts(doc, nxt):
            return nxt, doc.grid(nxt)
        end = nxt[1]


def _right_after(doc: Document, end: int) -> Optional[Span]:
    """The table right after `end`, only page furniture between (a page number, a running head: no
    text of a paragraph's length, none of its own); else None."""
    nxt = doc.next_table(end)
    if nxt is None or nxt[0] < end or len(doc.plain(end, nxt[0])) > GAP_TEXT or doc.texts(end, nxt[0]):
        return None
    return nxt


def _headings_after(doc: Document, end: int, grid: Grid) -> Optional[tuple[Span, Grid]]:
    """The table right after `end` (page furniture between) that carries on the
    headings of `grid`, a part printing headings alone: its rows open with more
    headings (a page's foot fell between two heading rows), on the same columns
    and not printing `grid`'s rows again (headings repeated after a break head
    a part of their own)."""
    after = _table_after(doc, end)
    if after is None:
        return None
    nxt, part = after
    if headless(part) or not any(kind(c) == "figure" for cells in part.rows for c in cells):
        return None
    if printed_width(part) != printed_width(grid):
        return None
    ours = {_row_text(cells) for cells in grid.rows} - {""}
    return None if ours & {_row_text(cells) for cells in part.rows} else (nxt, part)


def _block_head_again(doc: Document, end: int, grid: Grid) -> Optional[tuple[Span, Grid]]:
    """The table right after `end` (page furniture between) that opens on the heading row of
    the block of years as columns `grid` ends in, cut by the page break (its account's name,
    "(continued)" after it or not, over the same years), its rows that block's rest: that
    table less the row typed again (then a part without headings); else None."""
    head = _last_head(grid)
    after = _table_after(doc, end) if head is not None else None
    if after is None:
        return None
    nxt, part = after
    shown = [i for i, cells in enumerate(part.rows) if nonblank(cells)]
    if not shown or _unmarked(part.rows[shown[0]]) != head:
        return None
    cut: list[int] = []
    html_transposed.blocks(grid, cut)
    if not cut:
        return None  # (the block closed before the break: the table after it is no rest of it)
    top = shown[0] + 1
    rest = Grid([[replace(c, row=c.row - top) for c in cells] for cells in part.rows[top:]], part.width,
                part.row_lines[top:], part.caption)
    return (nxt, rest) if headless(rest) else None


def _last_head(grid: Grid) -> Optional[str]:
    """The words of `grid`'s last heading row of periods with rows under it (the heading row of
    the block it ends in: its account's name and the years), "(continued)" aside."""
    rows = [cells for cells in grid.rows if nonblank(cells)]
    heads = [i for i, cells in enumerate(rows) if html_transposed.period_cells(cells)]
    return _unmarked(rows[heads[-1]]) if heads and heads[-1] < len(rows) - 1 else None


def _unmarked(cells: list) -> str:
    """A row's words, "(continued)" taken out."""
    return " ".join(CONTINUED.sub("", _row_text(cells)).replace("()", "").split())


def headings_only(grid: Grid) -> bool:
    """A part printing rows of words and no figure at all (headings, cut from their table)."""
    return not any(kind(c) == "figure" for cells in grid.rows for c in cells) and \
        sum(1 for cells in grid.rows if len(nonblank(cells)) > 1) > 0


def head_again(doc: Document, end: int, grid: Grid, first: Grid) -> bool:
    """A part printing only rows of `first`'s headings (`_headings`: their footnote markers
    too) printed again and period captions ("Fiscal year
    ended 2002", "2002 (continued)", "2002"), no row of figures: the next page's head where
    a page break fell right after a period's last row (a table per period cut after its one
    row), no row under it (it ends at `end`), the table after it under headings of its own.
    Page furniture, as a page number is: the tables after it go on with the schedule.  (A
    table without headings after it carries its rows on: joined to it, or refused.)"""
    if not _headings_again(grid, first):
        return False
    nxt = doc.next_table(end)
    return nxt is None or not headless(doc.grid(nxt))


def caption_again(doc: Document, end: int, grid: Grid, first: Grid) -> Optional[str]:
    """The account's caption a part at a page's foot prints under `first`'s headings typed
    again (or alone), over no row, the page broken before that account's rows: its last row
    one phrase short enough to name an account, no period nor title (`furniture`), every row
    above it a row of `first`'s headings (`_headings`), the table after it
    (ending at `end`) under headings of its own.  The caption of that table's rows (page
    furniture else, their account lost), or None."""
    rows = [cells for cells in grid.rows if nonblank(cells)]
    if not rows or len(nonblank(rows[-1])) != 1 or any(kind(c) == "figure" for cells in rows for c in cells):
        return None
    text = _row_text(rows[-1])
    ours = _headings(first)
    if (_period_again(text) or furniture(text) or len(text) > CAPTION_TEXT or text in ours
            or not all(_row_text(cells) in ours for cells in rows[:-1])):
        return None
    nxt = _right_after(doc, end)
    return None if nxt is None or headless(doc.grid(nxt)) or headings_only(doc.grid(nxt)) else text


def _headings(first: Grid) -> set[str]:
    """The words of each row of `first` above its first row of figures (`slots.first_figure_row`):
    its headings, their footnote markers too."""
    return {_row_text(cells) for cells in first.rows[:first_figure_row(first.rows)]} - {""}


def _headings_again(grid: Grid, first: Grid) -> bool:
    """Whether every row `grid` prints is a row of `first`'s headings (`_headings`) printed
    again, or a period's caption alone ("2002"); at least one row."""
    ours = _headings(first)
    rows = [cells for cells in grid.rows if nonblank(cells)]
    return bool(rows) and all(_row_text(cells) in ours or (len(nonblank(cells)) == 1 and _period_again(_row_text(cells)))
                              for cells in rows)


def _period_again(text: str) -> bool:
    """A period's caption, or its year alone ("2002", "2002 (continued)") as typed again on the next page."""
    return is_period(text) or YEAR.fullmatch(CONTINUED.sub("", text).strip(" ()")) is not None


def _row_text(cells: list) -> str:
    return " ".join(c.text.strip() for c in nonblank(cells))


def tables_after(doc: Document, span: Span, is_open: Open, first: Optional[Grid] = None,
                 noted: Noted = frozenset) -> Iterator[tuple[int, tuple[Span, ...], Grid]]:
    """(end of the one before, spans, grid) of each table after `span` while
    little text (page furniture, a caption) lies between, each joined to the
    parts carrying it on (`joined`; `noted`, the markers the schedule's notes define); the
    caller stops it."""
    end = span[1]
    while True:
        nxt = doc.next_table(end)
        if nxt is None or len(doc.plain(end, nxt[0])) > GAP_TEXT:
            return
        if between_parts(doc, nxt):
            end = nxt[1]
            continue
        grid, more = joined(doc, nxt, under_years(doc.grid(nxt)), is_open, first, noted)
        yield end, (nxt, *more), grid
        end = (more[-1] if more else nxt)[1]


# A footnote numbered as a note's heading is ("1. Uncollectible accounts written off"): its number.
FOOTNOTE_NUMBER = re.compile(r"^(\d{1,2})\.\s+\S")
# A footnote's sentence: it ends with a full stop (an account's caption never does).
FOOTNOTE_SENTENCE = re.compile(r"\.\s*$")


def texts_between(doc: Document, above: Span, end: int, start: int) -> list[str]:
    """doc.texts(end, start), the blocks between a part ending at `end` and the table at `start`,
    without the part's footnotes at its page's foot: a run of blocks first under the part
    (`above`, the table they are under) numbered as notes' headings are ("1. Uncollectible
    accounts written off, net of recoveries.", "2. ..."), each numbered as the part marks it
    (labels.marks_a_footnote) or the run counting from 1, page furniture printed under the run
    (the page's number, the next page's running head); or sentences ("Uncollectible accounts
    written off, net of recoveries."), numbered or not, under which the next page's running head
    says the part is continued ("SCHEDULE II (continued)").  A note's heading ("5. Reserves")
    stands right over its table, or numbered past a run, and an account's caption is no sentence:
    text, as any other."""
    found = doc.blocks(end, start)
    texts = [text for _, text in found]
    if not texts or not (FOOTNOTE_NUMBER.match(texts[0]) or FOOTNOTE_SENTENCE.search(texts[0])):
        return texts  # (the common case: asked first)
    marked: Optional[list[str]] = None
    run, sentences = 0, False
    for text in texts:
        m = FOOTNOTE_NUMBER.match(text)
        if m is not None and int(m.group(1)) != run + 1:
            marked = doc.printed(*above) if marked is None else marked
            m = m if marks_a_footnote(m.group(1), marked) else None
        if m is None:
            if not FOOTNOTE_SENTENCE.search(text):
                break
            sentences = True
        run += 1
    if not run or not any(furniture(text) and (not sentences or CONTINUED.search(text))
                          for _, text in doc.texts_in(found[run - 1][0], start)):
        return texts
    return texts[run:]


def headless(grid: Grid) -> bool:
    """A part printing no headings: above its first row of figures, only rows
    of one phrase at most (an account's caption, "Additions:"), and a figure
    somewhere (not a table of the page's furniture)."""
    for cells in grid.rows:
        shown = nonblank(cells)
        if any(kind(c) == "figure" for c in shown):
            return True
        if len(shown) > 1:
            return False
    return False


def _under(grid: Grid, part: Grid, first: Optional[Grid] = None, noted: Noted = frozenset) -> Optional[Grid]:
    """The part on `grid`'s columns: as it is where laid on the same ones or
    where `grid` prints labels alone (`labels_alone`), else its figures moved
    under `grid`'s by order (`remap`; `noted`, the markers the notes under it define, asked only
    then), else None.
    Where `grid` is the schedule's headings typed again over the next page (`_typed_again`: no
    figure of its own), the first part's figures are the evidence of the columns it prints in."""
    if printed_width(part) == printed_width(grid) or labels_alone(grid) or _phrases_alone(grid):
        return part
    return laid_under(grid, part, first if first is not None and _typed_again(grid, first) else None, noted())


# How far under a table its notes are looked for (a run of a few notes' paragraphs).
NOTES_REACH = 4000


def notes_below(doc: Document, end: int) -> frozenset[str]:
    """The markers ("(1)", "(a)") the notes under the schedule's part ending at `end` and under
    its parts after it define: a "(1)" so named is a note's marker, as one the table prints beside a
    figure is (`remap.laid_under`).  Notes belong to the whole schedule, printed under any of its
    parts (its first page's foot, its last part): so the notes right under the part
    (`_notes_right_under`: paragraphs, or a table of notes), and where the table after them (page
    furniture between) is the schedule's next part, one carrying it on after a page break
    (`headless`), the notes that part prints as its last rows (`_rows_notes`) and those under it
    too, to the schedule's last part (a schedule cut over many pages prints its notes under the
    last); a table of notes is walked past as the paragraphs are.  None where no note stands under
    the schedule.  Asked from the schedule's first part (`schedule_notes`), every part's notes."""
    found: set[str] = set()
    while True:
        markers, nxt = _notes_right_under(doc, end)
        found |= markers
        if nxt is None:
            return frozenset(found)
        notes = _table_notes(doc.grid(nxt))
        if notes is None and not headless(doc.grid(nxt)):
            return frozenset(found)
        found |= _rows_notes(doc.grid(nxt)) if notes is None else notes
        end = nxt[1]


def schedule_notes(doc: Document, first: Span) -> Noted:
    """The markers the notes of the whole schedule define, its first part at `first` (`notes_below`
    from it: notes under its first page's part name markers its later parts print), asked once and
    only where a part is laid under the first's columns; with the notes it prints as its own last
    rows, `_rows_notes`: a marker in the label column is no marker the table prints among words."""
    return cache(lambda: frozenset(_rows_notes(doc.grid(first))) | notes_below(doc, first[1]))


def part_notes(doc: Document, span: Span, schedule: Noted = frozenset) -> Noted:
    """The markers the part at `span` may print as notes: the whole schedule's (`schedule`), those
    the part prints as its own last rows (`_rows_notes`) and those under the part and the parts
    after it (`notes_below`: the walk from the first part stops at a part printing headings again)."""
    return lambda: schedule() | _rows_notes(doc.grid(span)) | notes_below(doc, span[1])


def _notes_right_under(doc: Document, end: int) -> tuple[set[str], Optional[Span]]:
    """The markers ("(1)", "(a)") the notes right under the table ending at `end` define, and the table
    after them where nothing else stands between (page furniture, notes), else None.  The notes:
    the run of blocks first under the table each opening on a note's marker, "(1) Includes amounts
    of acquired businesses", "(d) Charged to ...", up to the next table or the first other text
    (a table of notes after them, `_table_notes`, is the caller's to read: filing software sets
    footnotes as a table, a marker's cell and a note's)."""
    nxt = doc.next_table(end)
    below = nxt if nxt is not None and nxt[0] >= end else None
    stop = min(end + NOTES_REACH, below[0] if below is not None else len(doc.text))
    found: set[str] = set()
    for text in doc.printed(end, stop):
        m = NOTE_OPENS.match(text)
        if m is None and not furniture(text):
            return found, None
        if m is not None:
            found.add(note_marker(m))
    return found, (below if below is not None and stop >= below[0] else None)


def between_parts(doc: Document, span: Span) -> bool:
    """A table that is page furniture between two parts of a schedule: an empty one a page break
    leaves (its rows all on the page before), or a table of the notes at a page's foot
    (`_table_notes`: filing software's footnotes)."""
    return not doc.plain(*span) or _table_notes(doc.grid(span)) is not None


def _table_notes(grid: Grid) -> Optional[set[str]]:
    """The markers ("(1)", "(a)") of a table of notes: every row printing anything a note's
    (`row_marks.row_notes`).  None where the table is no table of notes."""
    found, every = _last_rows_notes(grid)
    return found if every else None


def _rows_notes(grid: Grid) -> set[str]:
    """The markers ("(1)", "(a)") of the notes a table prints as its last rows, under its rows of figures
    (a row each, a cell spanning the columns or a marker's cell and a note's, or every note in one
    cell, a line each: `row_marks.row_notes`), as word processors set a schedule's footnotes inside it;
    or in its <caption> (`row_marks.notes_in`)."""
    return (notes_in(grid.caption) or set()) | _last_rows_notes(grid)[0]


def _last_rows_notes(grid: Grid) -> tuple[set[str], bool]:
    """The markers ("(1)", "(a)") of the run of rows of notes (`row_marks.row_notes`) a table's rows
    printing anything end on, and whether that run is every such row (and there is one)."""
    found: set[str] = set()
    rows = [shown for shown in map(nonblank, grid.rows) if shown]
    for shown in reversed(rows):
        markers = row_notes(shown)
        if markers is None:
            return found, False
        found |= markers
    return found, bool(rows)


def _typed_again(grid: Grid, first: Grid) -> bool:
    """Whether `grid` prints `first`'s headings again and nothing else (a period's caption
    aside): every row a row of `first`'s headings (`_headings`), or a period's caption alone
    ("1999"), and at least one row of headings."""
    return _headings_again(grid, first) and any(len(nonblank(cells)) > 1 for cells in grid.rows)


def _phrases_alone(grid: Grid) -> bool:
    """A part printing a period's caption ("2012", "Year ended December 31, 2012") in a table of its
    own, perhaps a group's label under it ("Allowances deducted from assets"), a phrase a row and no
    figure: no columns to lay the rows after it under; they stand as they are.  (A title's block, a
    phrase a row but no period's caption, is no such part.)"""
    shown = [nonblank(cells) for cells in grid.rows if nonblank(cells)]
    periods = [len(cells) == 1 and _period_again(_row_text(cells).rstrip(":")) for cells in shown]
    return any(periods) and all(p or (len(cells) == 1 and kind(cells[0]) != "figure") for p, cells in zip(periods, shown))


def labels_alone(grid: Grid) -> bool:
    """A part printing only a label in the label column ("Allowances deducted from
    assets"), no figure, no other column: a page's last row, over a group's
    rows the next page prints; the rows after the break are its rows, on their
    own columns (it has none of its own to lay them under).  A title, a period or
    units set in a table of their own (`furniture`) are no row's label."""
    shown = [c for cells in grid.rows for c in nonblank(cells)]
    return bool(shown) and all(c.column == 0 and kind(c) != "figure" and not furniture(c.text) for c in shown)


def _appended(grid: Grid, part: Grid) -> Grid:
    """`grid`'s rows, then `part`'s, its cells numbered as rows of the one grid
    (copied: a grid read once may be asked for again)."""
    top = len(grid.rows)
    rows = [[replace(c, row=c.row + top) for c in cells] for cells in part.rows]
    return Grid(grid.rows + rows, max(grid.width, part.width), grid.row_lines + part.row_lines, grid.caption)


def ends_without_figures(grid: Grid) -> bool:
    """A part printing headings, a period's caption ("2010"), but no row of figures yet."""
    return frame(grid) is None


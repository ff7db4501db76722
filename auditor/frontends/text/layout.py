"""Lay the parsed lines out as a schedule: columns, periods, rows, cells.

The grammar has said what each line is; this stage answers the questions of
position it leaves open, across lines: where the headings end, which
character span each column owns (`columns`), which lines open a new period
and which form a wrapped label (`labels`, `rows`, `periods`).  It builds the
AST in `model.py`; roles are the next stage's job.
"""

from __future__ import annotations

import re

from typing import NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends import side_by_side, title_years
from auditor.frontends.text import columns as col
from auditor.frontends.text import headed, year_column
from auditor.frontends.text.context import PAGE_NUMBER, in_context
from auditor.frontends.text.labels import Entry, dated_chunks
from auditor.frontends.text.parse import DATE_BEFORE_ITS_YEAR, Figure, Line, Token
from auditor.frontends.text.periods import joined_years as joined_years
from auditor.frontends.text.periods import periods
from auditor.frontends.text.rows import body
from auditor.frontends.text.tokens import chunk_text, chunks, first_figure_column, text
from auditor.labels import BARE_YEAR, MONTHS, NIL_DASH_RUN, NUMBERED_MARKER, SPAN_WORD, TITLE, UNITS, YEAR, is_period, stated_units
from auditor.model import Column, Schedule


class Frame(NamedTuple):
    """What a table's lines say before its body is read: its headings, its figure columns."""

    lines: list[Line]  # the region's lines, in context
    headings: list[Line]
    body_start: int  # index in `lines` of the body's first line
    starts: list[int]  # each figure column's start
    columns: list[Column]
    label_end: int  # where the first figure starts
    label_heading: str
    preamble: list[Line]  # the text above the table: title, units, captions


def frame(lines: list[Line], title_line: int, path: Optional[str] = None) -> Frame:
    """The headings and figure columns of the table in `lines` (one located region)."""
    if not any(ln.kind in ("row", "notes") for ln in lines):
        raise InputError("a Schedule II title, but no table rows under it", path, title_line)
    lines = in_context(_years_after_periods(_title_numbers_as_text(lines)))
    body_start = next((i for i, ln in enumerate(lines) if ln.kind == "row"), None)
    if body_start is None:
        raise InputError("a Schedule II title, but no table rows under it", path, title_line)
    rows = [ln for ln in lines if ln.kind == "row"]
    # (A nil alone on its row, typed in the labels' gutter, says nothing of where the figures start.)
    label_end = min(first_figure_column(r) for r in [r for r in rows if not headed.lone_nil(r)] or rows)
    headings, separators, body_start = col.heading_block(lines, body_start, label_end)
    lines = lines[:body_start] + _dash_lines_typed_again(lines[body_start:], headings)
    _no_dash_among_words_but_headings(lines, headings, label_end, path)
    starts = col.column_starts(separators, rows, label_end, headings)
    if not headed.ruled(separators, label_end) and len(starts) > 1:
        starts = headed.starts_from_figures(headings, rows, label_end)
    extents = col.heading_extents(separators, starts, label_end, headings)
    columns = col.columns(headings, starts, col.spanning_rules(headings, separators, starts), extents)
    years = year_column.period_column(columns, rows)
    if years is not None:  # (the years at each row's end: its period, no figures)
        lines = lines[:body_start] + year_column.years_as_captions(lines[body_start:], columns[years])
        starts, columns = starts[:years] + starts[years + 1:], year_column.without(columns, years)
    # (A chunk reaching into the first column is that column's heading: `columns.columns`.)
    label_heading = " ".join(chunk_text(c) for ln in headings for c in chunks(ln.words) if c[-1].end <= starts[0])
    preamble = [ln for ln in lines[:body_start] if ln.kind == "text" and ln not in headings]
    return Frame(lines, headings, body_start, starts, columns, label_end, label_heading, preamble)


def _title_numbers_as_text(lines: list[Line]) -> list[Line]:
    """The lines, a title or units line printing a bare number after its words
    ("VALUATION AND QUALIFYING ACCOUNTS        45", a page number; "(In
    thousands)   F-23") made text, its number left out: no figure (no "$",
    no marker) over the table's headings, however far right it is typed, but
    the title block's.  (Read as the table's first row, the headings above the
    figures would be lost and the number read as a cell.)  Only the rows
    before the table's first: one test for most tables."""
    out = lines
    for i, ln in enumerate(lines):
        if ln.kind != "row":
            continue
        if not ln.words and _years_over_headings(lines, i):
            words = ln.words + tuple(f.value._replace(kind="YEAR") for f in ln.figures)
        elif _days_under_months(ln, lines[i - 1] if i else None) or _years_under_days(lines, i) \
                or _days_and_dashes_of_headings(lines, i):
            # (A heading's dash keeps its kind, as below.)
            words = tuple(sorted((*ln.words, *(f.value for f in ln.figures)), key=lambda t: t.column))
        elif _markers_over_columns(lines, i):
            words = ln.words + tuple(f.value._replace(kind="NOTE") for f in ln.figures)
        elif _dashes_between_heading_words(lines, i):
            # (The dash keeps its kind: the line typed again a page on is then known as the headings'
            # (rows.body's `marked`), not read as a row of nils.)
            words = tuple(sorted((*ln.words, *(f.value for f in ln.figures)), key=lambda t: t.column))
        elif not ln.words or any(f.dollar or f.notes for f in ln.figures) or not col.is_title_or_units(ln):
            break
        else:
            words = ln.words
        if out is lines:
            out = list(lines)
        out[i] = Line("text", ln.number, words)
    return out


def _years_after_periods(lines: list[Line]) -> list[Line]:
    """The lines, a row labelled by its period ("1997", "Fiscal 1997", "Year ended December 31,
    1997") whose first figures are bare amounts that look like years ("1997   2001   384 ..."),
    each a wide gap from the label, made to print them as its first figures: the label names its
    year once, every year-like amount after it stands where a figure does.  (Read as words, the
    balance column would print no figure at all, the table refused.)"""
    out = lines
    for i, ln in enumerate(lines):
        parts = dated_chunks(ln.words) if ln.kind == "row" and ln.figures else []
        if len(parts) < 2 or any(len(c) != 1 or c[0].kind != "YEAR" for c in parts[1:]):
            continue
        label = chunk_text(parts[0])
        if not (is_period(label) and YEAR.search(label)):
            continue
        if out is lines:
            out = list(lines)
        figures = tuple(Figure(c[0]._replace(kind="AMOUNT"), ()) for c in parts[1:])
        out[i] = ln._replace(words=tuple(parts[0]), figures=figures + ln.figures)
    return out


def _years_over_headings(lines: list[Line], i: int) -> bool:
    """Line i (no words) prints bare years alone (two or more) over heading text: each the heading of a
    group of columns (two years side by side, `side_by_side`), no row of figures."""
    ln = lines[i]
    if len(ln.figures) < 2 or not all(BARE_YEAR.match(f.value.text) and not f.dollar and not f.notes
                                                  for f in ln.figures):
        return False
    return i + 1 < len(lines) and lines[i + 1].kind in ("text", "rule")


def _days_under_months(line: Line, above: Optional[Line]) -> bool:
    """A heading line whose figures are days of a month, each right under its month on the
    heading line above ("BALANCE AT" / "DECEMBER" / "31"), and perhaps the headings' footnote
    markers ("(2)" under "DEDUCTIONS"): the stack's words, above the table's first row, no
    figures.  (A day beside its month is the grammar's DAY.)"""
    return _dates_under_headings(line, above) == {"day"}


def _dates_under_headings(line: Line, above: Optional[Line]) -> Optional[set[str]]:
    """What the figures of `line` are where each is a heading's footnote marker or a part of a date
    whose rest is right above it on the heading line over it: "day", a day under its month
    ("DECEMBER" over "31"), "year", a year under its day and comma ("DECEMBER 31," over "2007");
    None where a figure is neither (or the line prints no date)."""
    if above is None or above.kind != "text" or above.number != line.number - 1:
        return None
    if any(f.dollar is not None or f.notes for f in line.figures):
        return None
    months = [w for w in above.words if w.text.rstrip(".,").lower() in MONTHS]
    dated = _dates_before_their_years(above)
    parts = set()
    for f in line.figures:
        d = f.value
        if NUMBERED_MARKER.fullmatch(d.text):
            continue
        if d.text.isdigit() and 1 <= int(d.text) <= 31 and any(_shares_a_column(d, m) for m in months):
            parts.add("day")
        elif BARE_YEAR.match(d.text) and any(d.column < end and start < d.end for start, end in dated):
            parts.add("year")
        else:
            return None
    return parts or None


def _shares_a_column(token: Token, word: Token) -> bool:
    return word.column < token.end and token.column < word.end


def _dates_before_their_years(line: Line) -> list[tuple[int, int]]:
    """The columns [start, end) of each date on `line` that ends on its day and the comma before
    its year ("DECEMBER 31,", "31,": `parse.DATE_BEFORE_ITS_YEAR`), its year on the line under it."""
    spans = []
    for chunk in chunks(line.words):
        if any("," in w.text for w in chunk):
            spans += [(chunk[0].column + m.start(), chunk[0].column + m.end())
                      for m in DATE_BEFORE_ITS_YEAR.finditer(chunk_text(chunk))]
    return spans



def _years_under_days(lines: list[Line], i: int) -> bool:
    """Line i is the foot of a heading stack whose balances print their dates ("BALANCE AT" /
    "DECEMBER 31," / "2007"): its figures are years, each under its day and comma on the line
    above, and days under their months and the headings' footnote markers ("DESCRIPTION   2007
    EXPENSES   (1)   (2)   2008"), and its words are set over the figures of the first row below
    it (another column's heading, never a row's label, which begins at the left): a labelled row
    printing a year-like figure under such a line stays a row."""
    if "year" not in (_dates_under_headings(lines[i], lines[i - 1] if i else None) or ()):
        return False
    first_row = _first_row(lines, i)
    return first_row is not None and _over_figures(lines[i], first_row)


def _days_and_dashes_of_headings(lines: list[Line], i: int) -> bool:
    """Line i is the foot of a heading stack whose figures are days under their months (or years
    under their days: `_dates_under_headings`), the headings' footnote markers, and a heading's
    dash under a word of its heading ("DESCRIPTION OF YEAR   EXPENSES   -   (2)   31", "ACCOUNTS"
    over the dash, "DECEMBER" over the "31"): the grammar read the dash as a nil, no word after it
    on its line.  Its words are set over the figures of the first row below it (another column's
    heading, never a row's label, which begins at the left): a row of nils under the headings
    stays a row."""
    ln = lines[i]
    dashes = [f for f in ln.figures if f.value.kind == "NIL" and _DASH.fullmatch(f.value.text)]
    above = _stacked(lines, i, -1)
    if not dashes or above is None or any(f.dollar or f.notes or not _under(f.value, above) for f in dashes):
        return False
    if _dates_under_headings(ln._replace(figures=tuple(f for f in ln.figures if f not in dashes)), above) is None:
        return False
    first_row = _first_row(lines, i)
    return first_row is not None and _over_figures(ln, first_row)


def _first_row(lines: list[Line], i: int) -> Optional[Line]:
    """The first row after line i, a heading line printing its days under their months none."""
    return next((r for k, r in enumerate(lines[i + 1 :], i + 1) if r.kind == "row"
                 and not _days_under_months(r, lines[k - 1]) and not _years_under_days(lines, k)
                 and not _days_and_dashes_of_headings(lines, k)), None)


def _markers_over_columns(lines: list[Line], i: int) -> bool:
    """Line i prints a heading's words and then footnote markers alone ("IMPACT   (1)   (2)",
    the top of a heading stack), above the <S> <C> line of a tagged table with no row between,
    or, untagged, right over a heading line of two phrases or more ("Balance at   Adoption
    Charged to"): the headings' words and markers, not a row of small negatives
    (`locate.markers_over_columns`).  (A body's row is followed by rows, rules or a caption.)"""
    ln = lines[i]
    if not ln.words or not all(NUMBERED_MARKER.fullmatch(f.value.text) and not f.dollar and not f.notes
                               for f in ln.figures):
        return False
    below = next((b for b in lines[i + 1 :] if b.kind in ("row", "markers")), None)
    if below is not None and below.kind == "markers":
        return True
    under = lines[i + 1] if i + 1 < len(lines) else None
    return under is not None and under.kind == "text" and under.number == ln.number + 1 and len(chunks(under.words)) >= 2


_DASH = re.compile(NIL_DASH_RUN)


def _dashes_between_heading_words(lines: list[Line], i: int) -> bool:
    """Line i prints, for figures, only lone dashes, each a heading's own: a heading wrapped at
    its dash ("Charged to other accounts" / "-" / "describe"), the dash typed on a line of its
    own beside another heading's word ("BALANCE   -"), not a row of nils.  (Read as a row, it
    is a period with no label, and the headings under it are lost.)  Each dash touches a word
    of its heading on the line above or below, and the line is the headings' by one of:
    - the dash between its heading's words, the headings' rule (or the <S> <C> line) to come
      before any row (the middle of a stack);
    - a word beside the dash set over the figures, right of where the first row's label ends:
      another column's heading, never a label (the top or foot of a stack, ruled or not);
    - the dash alone on its line over a heading line whose words are set so, or under one and
      over the headings' rule (the foot of a stack).
    A row of nils under the headings is the body's: this is asked only of the lines above the
    table's first row, and its label is a label, at the left."""
    ln = lines[i]
    if not all(f.value.kind == "NIL" and _DASH.fullmatch(f.value.text) and not f.dollar and not f.notes
               for f in ln.figures):
        return False
    above, below = _stacked(lines, i, -1), _stacked(lines, i, 1)
    if not all(_under(f.value, above) or _under(f.value, below) for f in ln.figures):
        return False
    if all(_under(f.value, above) and _under(f.value, below) for f in ln.figures) and _ruled_before_rows(lines, i):
        return True
    first_row = _first_row(lines, i)
    if first_row is None:
        return False
    if ln.words:
        return _over_figures(ln, first_row)
    if below is not None and all(_under(f.value, below) for f in ln.figures) and _over_figures(below, first_row):
        return True  # (over a heading line)
    return above is not None and all(_under(f.value, above) for f in ln.figures) and i + 1 < len(lines) \
        and lines[i + 1].kind in ("rule", "markers")  # (under one, over the headings' rule)


def _dash_lines_typed_again(body: list[Line], headings: Sequence[Line]) -> list[Line]:
    """The body's lines, a heading line of lone dashes alone typed again a page on (the headings
    over the rest of a period's rows) made the heading text it is: the same dashes at the same
    columns, a line of the headings typed again right above or below it.  (Read as a row, its
    nil is taken for a row's or for the rest of the row above.)"""
    alone = {_columns(h.words) for h in headings if h.words and all(w.kind == "NIL" for w in h.words)}
    if not alone:
        return body
    repeated = {text(h.words) for h in headings}
    out = list(body)
    for k, ln in enumerate(body):
        if ln.kind != "row" or ln.words or any(f.dollar or f.notes for f in ln.figures) \
                or _columns(tuple(f.value for f in ln.figures)) not in alone:
            continue
        near = [body[j] for j in (k - 1, k + 1) if 0 <= j < len(body) and abs(body[j].number - ln.number) == 1]
        if any(n.kind == "text" and text(n.words) in repeated for n in near):
            out[k] = Line("text", ln.number, tuple(f.value for f in ln.figures))
    return out


def _no_dash_among_words_but_headings(lines: Sequence[Line], headings: Sequence[Line], label_end: int,
                                      path: Optional[str]) -> None:
    """Refuse a line printing a lone dash with words after it, as parse reads a heading's ("ACCOUNTS
    -   (2)   PERIOD": `parse._heading_dashes_masked`), unless it is a heading's: a line of the headings
    (or one typed again a page on) in a stack of them, its dashes over the figures.  Otherwise it is
    a caption's or a labelled row's, a nil with words after it, which no row reads: refused as the
    grammar refuses it, never read as a caption or as the headings (the row's nils lost)."""
    suspects = [ln for ln in lines if ln.kind == "text" and _dash_before_words(ln.words)]
    if not suspects:
        return  # (most tables)
    stack = {h.number for h in headings}
    repeated = {text(h.words) for h in headings}
    for ln in suspects:
        dashes = [w for w in ln.words if w.kind == "NIL"]
        stacked = ln.number in stack and (ln.number - 1 in stack or ln.number + 1 in stack)
        if not (stacked or text(ln.words) in repeated) or dashes[0].column < label_end:
            raise InputError("a nil with words after it, no heading's: no row reads so", path, ln.number,
                             dashes[0].column)


def _dash_before_words(words: Sequence[Token]) -> bool:
    """A nil among a line's words with a word after it (a heading's dash: `_heading_dashes_masked`)."""
    kinds = [w.kind for w in words]
    if "NIL" not in kinds:
        return False
    after = kinds[kinds.index("NIL") + 1:]
    return "WORD" in after or "YEAR" in after


def _columns(tokens: Sequence[Token]) -> tuple[tuple[int, str], ...]:
    """Where each token is printed, and what."""
    return tuple((t.column, t.text) for t in tokens)


def _stacked(lines: list[Line], i: int, step: int) -> Optional[Line]:
    """The text line right above (step -1) or below (step 1) line i, if one is."""
    k = i + step
    if not 0 <= k < len(lines):
        return None
    near = lines[k]
    return near if near.kind == "text" and near.number == lines[i].number + step else None


def _ruled_before_rows(lines: list[Line], i: int) -> bool:
    """The headings' rule (or the <S> <C> line) comes after line i before any row."""
    below = next((b for b in lines[i + 1:] if b.kind in ("row", "rule", "markers")), None)
    return below is not None and below.kind in ("rule", "markers")


def _over_figures(line: Line, first_row: Line) -> bool:
    """A phrase of `line` begins right of where the first row's label ends (over its figures): a
    column's heading.  (A row's label begins at the left, its label column as wide as its widest.)"""
    label_end = first_row.words[-1].end if first_row.words else first_figure_column(first_row)
    return any(c[0].column > label_end for c in chunks(line.words))


def _under(token: Token, line: Optional[Line]) -> bool:
    """A word of `line` shares a character column with `token`."""
    return line is not None and any(_shares_a_column(token, w) for w in line.words)


def build(lines: list[Line], title_line: int, path: Optional[str] = None) -> Schedule:
    """The schedule laid out in `lines` (one located region)."""
    lines, headings, body_start, starts, columns, label_end, label_heading, preamble = frame(lines, title_line, path)
    laid = body(lines[body_start:], headings, starts, columns, label_end, path)
    title, units, subtitle = title_block(preamble, headings)
    return side_by_side.split(title_years.dated(Schedule(
        title=title,
        units=units or caption_units(lines[body_start:], label_end),
        columns=tuple(columns),
        periods=tuple(periods(_accounts_above(lines, headings) + _leading_caption(preamble) + laid.entries, label_heading)),
        line=title_line,
        label_heading=label_heading,
        unread=laid.unread,
        subtitle=subtitle,
    )), headings[0].number if headings else None)


def title_block(preamble: Sequence[Line], headings: Sequence[Line]) -> tuple[str, Optional[str], str]:
    """The schedule's title, units and subtitle (the years it covers), from the lines above its figures."""
    title = _title(preamble)
    return title, _units(list(preamble) + list(headings)), _subtitle(preamble, title)


def _leading_caption(preamble: Sequence[Line]) -> list[Entry]:
    """The first block's caption, printed above the table where a schedule
    gives each account ("Allowance for doubtful accounts:") or each period
    ("Year ended December 31, 2000") its own <TABLE>."""
    # (A page number under them, "S-2": the first block's captions ended a page, its rows go on
    # under the headings typed again on the next one.)
    preamble = _without_page_numbers_at_end(preamble)
    if preamble:
        last = preamble[-1]
        last_text = text(last.words)
        if col.is_title_or_units(last):
            return _period_in_title_block(preamble)
        if len(chunks(last.words)) > 1:
            return []
        if is_period(last_text):
            return [] if _names_a_span(last_text) else [Entry("period", last_text.rstrip(":").strip(), last.number)]
        over = _period_over(preamble[:-1])  # (a group caption under it, with its colon or not)
        if last_text.endswith(":") or over:
            return over + [Entry("caption", last_text, last.number)]
    return []


def _accounts_above(lines: Sequence[Line], headings: Sequence[Line]) -> list[Entry]:
    """Labels alone at the foot of a table closed before the headings typed again (a page on):
    the first block's rows, printing no figure (a year before its accounts opened, nils left
    blank), as captions (`periods` reads one naming an account the rows print as its row)."""
    if not headings:
        return []
    top = next(k for k, ln in enumerate(lines) if ln.number == headings[0].number)
    found: list[Entry] = []
    for ln in reversed(lines[:top]):
        if ln.kind == "markers":
            return found  # (the table before's <S>/<C>: its rows all labels alone)
        if ln.kind in ("page", "table_open", "table_close"):
            continue
        words = text(ln.words)
        if ln.kind == "text" and not found and PAGE_NUMBER.search(words):
            continue  # (the page's foot)
        if ln.kind != "text" or len(chunks(ln.words)) > 1 or is_period(words):
            return []
        found.insert(0, Entry("caption", words, ln.number))
    return []


def _without_page_numbers_at_end(preamble: Sequence[Line]) -> Sequence[Line]:
    end = len(preamble)
    while end and PAGE_NUMBER.search(text(preamble[end - 1].words)) and not col.is_title_or_units(preamble[end - 1]):
        end -= 1
    return preamble[:end]


def _period_over(preamble: Sequence[Line]) -> list[Entry]:
    """The period caption over the first block's group caption ("Year ended
    November 30, 2006:" over "Reserves deducted from asset accounts:"), both
    above the table's headings typed again past a page break: the period of
    the rows under them.  (Only a period under the headings of the page
    before: a subtitle in the title block is no caption of the first rows.)"""
    if len(preamble) < 2 or col.is_title_or_units(preamble[-1]) or len(chunks(preamble[-1].words)) > 1:
        return []
    caption, above = text(preamble[-1].words), preamble[-2]
    if not is_period(caption) or col.is_title_or_units(above) or len(chunks(above.words)) < 2:
        return []
    return [Entry("period", caption.rstrip(":").strip(), preamble[-1].number)]


def _period_in_title_block(preamble: Sequence[Line]) -> list[Entry]:
    """The one year a schedule covers, named in its title block ("Year ended
    December 31, 1997" over "(in millions)"), where a filing prints one table
    per year.  A subtitle naming several years is the schedule's span, no
    period of it.  (A table with captions of its own opens its first period
    under them: this one is then left without rows.)"""
    for ln in reversed(preamble):
        ln_text = text(ln.words)
        if col.is_title_or_units(ln):
            continue
        if len(chunks(ln.words)) == 1 and is_period(ln_text) and YEAR.search(ln_text) and not _names_a_span(ln_text):
            return [Entry("period", ln_text.rstrip(":").strip(), ln.number)]
        return []
    return []


def _names_a_span(caption: str) -> bool:
    """A subtitle naming the years a schedule covers ("For the three years ended December 31,
    2004", "Years ended June 30, 2003, 2002 and 2001"), right above the table where no units
    line comes between: the schedule's span, no caption of its first period."""
    return len({m.group(0) for m in YEAR.finditer(caption)}) > 1 or bool(SPAN_WORD.search(caption))


def _title(preamble: Sequence[Line]) -> str:
    texts = [text(ln.words) for ln in preamble]
    for pattern in ("qualifying", "valuation", "schedule"):
        for t in texts:
            if pattern in t.lower() and TITLE.search(t):
                return t
    return texts[0] if texts else ""


def _subtitle(preamble: Sequence[Line], title: str) -> str:
    """The lines under the title that name the years the schedule covers
    ("Years ended June 30, 2003, 2002 and 2001", "For the three years ended
    December 31, 1996"): what the reading's completeness check compares the
    periods read with.  Only above the column headings: a year under them (a
    period's caption at a page's foot, "1996", the headings typed again on the
    next page over its rows) is the first period's, no title's."""
    below = [ln for ln in preamble if text(ln.words) == title][:1]
    if not below:
        return ""
    block = [ln for ln in preamble if ln.number > below[0].number and not col.is_title_or_units(ln)]
    end = next((k for k, ln in enumerate(block) if len(chunks(ln.words)) > 1 and not is_period(text(ln.words))), len(block))
    return " ".join(t for ln in block[:end] for t in [text(ln.words)] if is_period(t) and YEAR.search(t))


def caption_units(body: Sequence[Line], label_end: int) -> Optional[str]:
    """The units a schedule whose title block states none gives with its
    reserve's caption: on the caption's line ("Allowance for doubtful accounts
    (in thousands):", "ACCOUNTS RECEIVABLE (IN MILLIONS)") or on the line under
    it ("(Dollars in thousands)"), as a schedule of one reserve prints them.
    Only captions above the body's last row (no footnote under the table);
    units stated otherwise by two captions are no schedule's: none."""
    last = max((i for i, ln in enumerate(body) if ln.kind == "row"), default=-1)
    found = {_units([ln]) for i, ln in enumerate(body[:last])
             if ln.kind == "text" and UNITS.search(text(ln.words)) and col.is_caption(ln, label_end)
             and (not col.is_title_or_units(ln) or i > 0 and col.units_under_caption(ln, body[i - 1], label_end))
             or col.units_under_ruled_caption(body, i, label_end)}
    return found.pop() if len(found) == 1 else None


def _units(lines: Sequence[Line]) -> Optional[str]:
    """The units the first of `lines` to state them states (labels.stated_units)."""
    return next((u for ln in lines for u in [stated_units(text(ln.words))] if u), None)

"""The HTML front end: every Schedule II table of an .htm file, as the AST.

`html_locate` finds candidate tables with a regex scan; each candidate is
read into a grid (`html_table`) and kept when its headings are Schedule
II's; a kept table takes along the tables continuing it after a page break,
or printing the next accounts where the schedule has a table per account;
`html_layout` builds the Schedule.  A table under no title is also kept when
it prints the movements as rows under its accounts' names alone (a 20-F's
"Allowance for doubtful accounts" over its table of years): `_captioned`
says what evidence that takes.  Imported only for HTML input, so that
text-only runs do not pay for it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator, Optional, Sequence

from auditor.frontends.html import breaks, layout as html_layout, locate as html_locate, transposed as html_transposed
from auditor.errors import InputError
from auditor.frontends.text.headings import Vocabulary as Headings
from auditor.frontends.html.figures import kind, nonblank, plain
from auditor.frontends.html.grid import Grid
from auditor.frontends.html.layout import Frame
from auditor.frontends.html.locate import Document, Region, Span
from auditor.frontends.html.periods import years_lines
from auditor.frontends.html.remap import laid_under
from auditor.labels import (ACCOUNT_WORD, CONTINUED, INDEX_ENTRY, OPENING,
                            RESERVED_ASSET, SCHEDULE_MOVEMENT, SENTENCE, TOTAL,
                            XBRL_TITLE_MEMBER, XBRL_TITLE_UNITS, YEAR, heads_another_statement, is_period,
                            numbers_a_statement, opens_another_schedule, rule_letters_head, rule_letters_in,
                            title_words)
from auditor.model import Position, Schedule
from auditor.source import Source
from auditor.frontends.text import halves

if TYPE_CHECKING:
    from auditor.ruleset.model import RoleSpec


Title = Optional[re.Match[str]]  # where the schedule's title is matched, if it is
# A table continuing a schedule (with the parts a page break cut it into, `breaks`), its grid, the caption before it.
Part = tuple[tuple[Span, ...], Grid, Optional[str]]


def regions(doc: Document, headings: Optional[Headings] = None) -> list[Region]:
    """`headings`: the rules file's role patterns, which recognise a schedule's
    headings besides the words every schedule prints (labels)."""
    titled = html_locate.candidates(doc)
    found = _found(doc, titled, set(), headings)
    if doc.indexed and not any(r.title and not CONTINUED.search(r.title) for r in found):
        # No schedule under a title of its own but an index's line: that may be the schedule's own title
        # with its page at its end ("VALUATION AND QUALIFYING ACCOUNTS ........ F-34"), which only the
        # table under it tells (read untitled, or from its next page's running head, or not at all).
        retried = html_locate.candidates(doc, indexed=True)
        again = _found(doc, retried, set(), headings)
        if any(r.title and not CONTINUED.search(r.title) for r in again):
            titled, found = retried, again
    heads_alone = _heads_alone(doc, titled)
    if (found and not heads_alone) or doc.indexed:
        return _refuse_left_before(doc, found)
    # No titled schedule: one printed under its accounts' captions alone (a
    # 20-F's), or its first page so and its next under the running head
    # "SCHEDULE II (continued)" alone.  Looked for only then: the search runs
    # over every "reserve" and "allowance" of a 10-K, and a titled filing's
    # notes are no schedule (one whose index names the schedule's page is
    # titled, its schedule elsewhere).
    by_name = set(html_locate.named_candidates(doc)) - (set() if heads_alone else {span for span, _ in titled})
    named = _found(doc, [(span, None) for span in sorted(by_name)], by_name, headings)
    read = {span for region in named for span in region.parts}
    return _refuse_left_before(doc, named + [r for r in found if not read & set(r.parts)], heads_alone)


def _heads_alone(doc: Document, titled: list[tuple[Span, Title]]) -> bool:
    """Whether every title found is a running head carrying a schedule on
    after a page break ("SCHEDULE II (continued)"): the schedule's first page
    is then under no title (a note's tables, captioned by account)."""
    titles = [title for _, title in titled if title is not None]
    return bool(titles) and all(CONTINUED.search(html_locate.title_text(doc, t)) for t in titles)




def _continued_head(doc: Document, start: int, end: int) -> bool:
    """Whether Schedule II's title is printed between `start` and `end` as a
    running head, "continued" in its line."""
    titles = html_locate.TITLE.finditer(doc.text, start, end)
    return any(CONTINUED.search(html_locate.title_text(doc, m)) for m in titles)


def _refuse_left_before(doc: Document, found: list[Region], heads_alone: bool = False) -> list[Region]:
    """`found`, where no schedule read from a running head "SCHEDULE II
    (continued)" leaves the table just before it unread, a schedule's table
    (its balance and movement words) with only the page's furniture or a
    caption between: its accounts would be lost without a word.  An error.
    Read from the head (a head printed between them), or, where such heads
    are the file's only titles (`heads_alone`), read by its accounts' captions
    from any account on: the schedule began before its head, and a table left
    just before its first account (under a sentence, not an account's name)
    may be its first."""
    read = {span for region in found for span in region.parts}
    for region in found:
        first = region.parts[0]
        before = _table_before(doc, first)
        if (before is not None and before not in read and (heads_alone or _continued_head(doc, before[1], first[0]))
                and html_locate.holds_schedule_words(doc.plain(*before))):
            raise InputError(f"the Schedule II table at line {doc.line_of(first[0])} carries on a schedule begun "
                             f"before it (its running head says continued), but the table at line "
                             f"{doc.line_of(before[0])} just before it cannot be read with it: its accounts would "
                             "be lost", doc.source.path, doc.line_of(before[0]))
    return found


def _found(doc: Document, candidates: list[tuple[Span, Title]], by_name: set[Span],
           headings: Optional[Headings]) -> list[Region]:
    found: list[Region] = []
    used: set[Span] = set()
    stranded: dict[int, Span] = {}  # (region: the table after it its `left` figures are of)
    for span, title in sorted(candidates):
        if not _may_hold(doc, span, headings, title):
            continue
        named = title is None and span in by_name  # (found by its captions alone)
        start = _named_start(doc, span, headings) if named else (span, None)
        if start is None:
            continue
        span, grid = start[0], start[1] or doc.grid(span)
        if span in used or any(s[0] <= span[0] < s[1] for s in used):
            continue
        f = html_layout.frame(grid)
        headed = _headed(f, headings, title) and not _rolls_forward(grid, f)
        noted = breaks.schedule_notes(doc, span)  # (every part's notes, asked where a part is laid under)
        joined: list[Span] = []
        above: Optional[str] = None  # the first account's caption, under headings in a table of their own
        if not headed:  # (one under its headings reads a part without them as its own: `_continuations`)
            grid, joined = breaks.joined(doc, span, grid, _open, noted=noted)
            captioned = None if joined or named else breaks.under_caption(doc, span, grid)
            if captioned is not None and html_layout.looks_like_schedule(html_layout.frame(captioned[0]), headings):
                grid, joined, above = captioned[0], [captioned[1]], captioned[2]
            if joined:
                f = html_layout.frame(grid)
                headed = html_layout.looks_like_schedule(f, headings) and not _rolls_forward(grid, f)
            elif title is not None and html_locate.may_hold_schedule(doc, span, headings):
                _refuse_stranded(doc, span, grid)
        if named and headed:
            continue  # (only a schedule printed with the movements as rows is found by its captions)
        # (a block cut short, its rest not joined, is read so as to be refused, never dropped)
        transposed = not headed and (named or _titled(doc, span, title)) and _blocks_begun(grid)
        if not (transposed or headed):
            continue
        # (A title found inside the table, a heading's words "Valuation accounts acquired",
        # is no floor: the account's caption above the table is still its first block's name.)
        caption = above or doc.caption_before(span[0], title.end() if title and title.end() <= span[0] else 0)
        parts, grids, captions = [span, *joined], [grid], [caption]
        named_by = title_words(doc.printed(max(0, (title.start() if title else span[0]) - html_locate.CAPTION_REACH),
                                           span[0]))
        left: list[Position] = []  # (figures of a table after the last part, not joined to it)
        more = _continuations(doc, parts[-1], grid, f, headings, named_by, left, noted) if f is not None and not transposed \
            else _transposed_continuations(doc, parts[-1], grid, noted)
        for spans, nxt_grid, nxt_caption in more:
            parts.extend(spans)
            grids.append(nxt_grid)
            captions.append(nxt_caption)
        if named and not _captioned(grids, captions):
            continue
        if not left and not transposed and f is not None:
            after, left = _rows_left_after(doc, parts[-1], f, headings, html_layout.columns_printed(grid, f))
            if after is not None:
                stranded[len(found)] = after
                _parts_past(doc, after, grid, f, headings, named_by, parts, grids, captions, noted)
        used.update(parts)
        _refuse_cut_off(doc, parts)
        if transposed:
            _refuse_stranded(doc, parts[-1], grids[-1], _open)
        title_line = doc.line_of(title.start()) if title else grid.row_lines[0]
        # (the words between the title and the table; past any other table there: a note's receivables)
        under = html_locate.past_tables(doc, title.end(), span) if title else span[0]
        preamble = doc.plain(under, span[0]) if under < span[0] else ""
        subtitle = years_lines(doc, under, span[0]) if under < span[0] else ""
        found.append(Region(tuple(parts), tuple(grids), _title_of(doc, title),
                            title_line, preamble[:2000], tuple(captions), transposed, subtitle,
                            () if transposed else periods_between(doc, parts, title.end() if title else None),
                            tuple(left)))
    read = {span for region in found for span in region.parts}
    return [replace(region, left=()) if stranded.get(k) in read else region for k, region in enumerate(found)]


def _rows_left_after(doc: Document, span: Span, first: Frame, headings: Optional[Headings],
                     printed: int) -> tuple[Optional[Span], list[Position]]:
    """The table right after a schedule's last part (page furniture between,
    "F-32", "SCHEDULE II (continued)", a few lines of text, or a table printing a period's caption
    alone, `_caption_alone`) that `_continuations` did not take, and
    its figures' positions, where it can only be the schedule's rows carried on:
    no headings of its own, every row of figures printing one for each of the
    schedule's columns and closing under them as the schedule's rows do (its
    opening plus its movements, deductions taken off, its closing; one row of three or more
    may not: a misprint).  A note's
    table or a balances' table after the schedule prints other columns or rows
    that do not close: (None, []).  Its figures are to be said unread (VQ007),
    never dropped unsaid."""
    end, captioned = span[1], False
    while True:
        nxt = doc.next_table(end)
        # (A few lines of text between, footnotes or a caption the joins did not take, do not make the
        # rows after them any less the schedule's: the test is theirs, below.)
        if nxt is None or nxt[0] < end or len(doc.plain(end, nxt[0])) > html_locate.GAP_TEXT:
            return None, []
        if not breaks.between_parts(doc, nxt) and not _caption_alone(doc.grid(nxt)):
            break
        captioned = captioned or _caption_alone(doc.grid(nxt))
        end = nxt[1]  # (an empty table, a table of notes: furniture; a period's caption left over its rows)
    grid = doc.grid(nxt)
    f = html_layout.frame(grid) if breaks.headless(grid) else None
    if f is None or f.leaves:
        return None, []
    rows = html_layout.row_figures(grid, f)
    counts = set(html_layout.figure_cells_per_row(grid, f))
    if captioned and rows and len(counts) == 1 and counts <= {len(first.headings), printed}:
        # (under a period's caption left at the page's foot, rows printing a figure for each of the
        # schedule's columns, or for each the first part prints figures in (`printed`: one blank all
        # through it), are its next period's, closing or not: a misprint is the rules' to say)
        return nxt, html_layout.figure_positions(grid, f, counts.pop())
    if headings is None:
        return None, []  # (no rules' vocabulary, which the pipeline always gives: no row is told to close)
    apart = sum(not _closes(first.headings, [c.value for c in row], headings) for row in rows)
    if not rows or apart > (1 if len(rows) >= 3 else 0):
        return None, []  # (one row apart of three or more: a misprint among the schedule's rows, still said)
    return nxt, html_layout.figure_positions(grid, f, len(first.headings))


def _parts_past(doc: Document, stranded: Span, first_grid: Grid, first: Frame, headings: Optional[Headings],
                named_by: frozenset[str] | set[str], parts: list[Span], grids: list[Grid],
                captions: list[Optional[str]], noted: breaks.Noted = frozenset) -> None:
    """The tables carrying the schedule on past a part `_rows_left_after` leaves stranded (its
    figures said unread), appended to `parts`, `grids` and `captions`: the next period's own
    table under the schedule's headings (a table per period) is still the schedule's, never its
    rows dropped unsaid for the part before it the reading could not join (`noted`: the markers
    the schedule's notes define)."""
    for spans, grid, caption in _continuations(doc, stranded, first_grid, first, headings, named_by, [], noted):
        parts.extend(spans)
        grids.append(grid)
        captions.append(caption)


def _caption_alone(grid: Grid) -> bool:
    """A table printing one period's caption and nothing else ("Year ended December 31, 2003", or
    its year alone, "2003:"): the page's last line, over the rows the next page prints."""
    shown = [c for cells in grid.rows for c in nonblank(cells)]
    if len(shown) != 1:
        return False
    caption = " ".join(shown[0].text.split()).rstrip(":")
    return kind(shown[0]) == "text" and is_period(caption) or YEAR.fullmatch(caption) is not None


def _closes(columns: list[str], values: list[Optional[Decimal]], headings: Headings) -> bool:
    """Whether a row's figures, one per column headed `columns` (an opening
    balance's first, a closing balance's last), close: the opening plus each
    movement (one the rules take off, "Deductions", "Subtractions", taken off
    however signed, or subtracted as printed: "(155)" a deduction reversed, or added as printed: a column
    headed "Additions (Deductions)" its figures signed)
    is the closing."""
    if len(columns) < 3 or len(values) != len(columns) or values[0] is None and values[-1] is None:
        return False
    off = headings.subtract.search  # (the movements taken off: the rules file's alone)
    if not (headings.opening.search(columns[0]) and headings.closing.search(columns[-1])):
        return False
    moves = [(bool(off(c)), v) for c, v in zip(columns[1:-1], values[1:-1]) if v is not None]
    moved = (values[-1] or Decimal(0)) - (values[0] or Decimal(0))
    return any(sum((taken(v) if subtracted else v for subtracted, v in moves), Decimal(0)) == moved
               for taken in (lambda v: -abs(v), lambda v: -v, lambda v: v))


def periods_between(doc: Document, parts: list[Span], title_end: Optional[int] = None) -> tuple[tuple[int, str], ...]:
    """(line, caption) of each period's caption printed between two parts of a
    table, in a paragraph of its own ("Year ended December 31, 2001", one year:
    not a running head's "Years ended ..., 2002 and 2001", nor a page's
    "(continued)").  Page furniture to the parts' joining, it opens the period
    of the rows after it: else the rows of every year would read as one period's.
    Where there are such, the first table's own caption above it, after the
    title (`title_end`), opens the first period (a table per year, each under
    its caption): else its rows would read as no period's."""
    found = []
    for (_, end), (start, _) in zip(parts, parts[1:]):
        for at, text in doc.texts_in(end, start):
            if _one_period_caption(text):
                found.append((doc.line_of(at), text.rstrip(":").strip()))
    if found and title_end is not None and title_end <= parts[0][0]:
        above = doc.texts_in(title_end, parts[0][0])[-1:]
        if above and _one_period_caption(above[0][1]):
            found.insert(0, (doc.line_of(above[0][0]), above[0][1].rstrip(":").strip()))
    return tuple(found)


def _year_caption_between(doc: Document, end: int, start: int) -> bool:
    """Whether a period's caption alone opens the table at `start` (a table per year)."""
    return any(_one_period_caption(text) for _, text in doc.texts_in(end, start))


def _one_period_caption(text: str) -> bool:
    return html_layout.period_caption(text) and html_layout.one_period(text) and not CONTINUED.search(text)


def _title_of(doc: Document, title: Title) -> str:
    """The title's line, without the page an index's entry would end in (a
    schedule's own title printed with its page, tried where nothing else is)."""
    return INDEX_ENTRY.sub("", html_locate.title_text(doc, title)).rstrip() if title else ""


def _may_hold(doc: Document, span: Span, headings: Optional[Headings], title: Optional[Title]) -> bool:
    """`may_hold_schedule`, of the table or, where a page break cut it right
    after its first rows (the years, a caption), of it and the part after."""
    if html_locate.may_hold_schedule(doc, span, headings):
        return True
    if title is not None and rule_letters_in(doc.plain(*span)):
        return True  # (headed by Rule 12-09's letters alone, under the title: `_headed`)
    nxt = doc.next_table(span[1])
    return (nxt is not None and len(doc.plain(span[1], nxt[0])) <= html_locate.GAP_TEXT
            and html_locate.may_hold_joined(doc, span, nxt[1], headings))


def _headed(f: Optional[html_layout.Frame], headings: Optional[Headings], title: Optional[Title]) -> bool:
    """Headed as a schedule: its words, or (only where none is printed) Rule 12-09's
    letters alone under the schedule's title, which fix the columns' meaning."""
    return html_layout.looks_like_schedule(f, headings) or (
        title is not None and f is not None and bool(f.leaves) and rule_letters_head(f.headings))


def _rolls_forward(grid: Grid, f: Optional[Frame]) -> bool:
    """Whether the rows of figures are movements, from an opening balance on,
    though the headings read as a schedule's (an account headed "Allowance ...
    deducted from accounts receivable in the balance sheet" over its column)."""
    if f is None:
        return False
    first = plain(c for c in grid.rows[f.figure_rows[0]] if c.column < f.figure_start)
    return bool(OPENING.search(first)) and _blocks_begun(grid)


def _blocks_begun(grid: Grid) -> bool:
    """Whether the grid prints blocks of movements, whole or cut by a page break."""
    cut: list[int] = []
    return bool(html_transposed.blocks(grid, cut) or cut)


def _named_start(doc: Document, span: Span, headings: Optional[Headings]) -> Optional[tuple[Span, Grid]]:
    """Where a schedule found by an account's name starts, and its grid: the
    first table of the run `span` is in; None where `span` prints no block of
    years with a schedule's movement (read into a grid only when it may)."""
    if not SCHEDULE_MOVEMENT.search(_plain_to_next(doc, span)):
        return None
    if not html_transposed.blocks(breaks.joined(doc, span, doc.grid(span), _open)[0]):
        return None
    first = _first_of_run(doc, span, headings)
    return (span, doc.grid(span)) if first == span else (first, doc.grid(first))


def _plain_to_next(doc: Document, span: Span) -> str:
    """The table's plain text, and the next one's where little lies between (a
    page break may cut its block of years right after the years' row)."""
    nxt = doc.next_table(span[1])
    if nxt is None or len(doc.plain(span[1], nxt[0])) > html_locate.GAP_TEXT:
        return doc.plain(*span)
    return doc.plain_on(span[0], span[1], nxt[1])


def _first_of_run(doc: Document, span: Span, headings: Optional[Headings]) -> Span:
    """The first of the tables printing blocks of the same years one after
    another, each under an account's caption, that `span` is one of: the
    schedule is read from its first account, wherever a name was found."""
    while True:
        before = _table_before(doc, span)
        if before is not None:
            before = _cut_from(doc, before) or before  # (a part after a page break: the table it carries on)
        if before is None or not html_locate.holds_schedule_words(_plain_to_next(doc, before), headings):
            return span
        grid, cut = breaks.joined(doc, before, doc.grid(before), _open)
        found = html_transposed.named_blocks([grid], [doc.caption_before(before[0])])
        if not found or not all(map(_account_block, found)) or all(
                span not in spans for spans, _, _ in _transposed_continuations(doc, (cut or [before])[-1], grid)):
            return span
        span = before


def _table_before(doc: Document, span: Span) -> Optional[Span]:
    """The table just before `span`, little text between (page furniture, a caption)."""
    i = doc.starts.index(span[0]) - 1
    before = doc.tables[i] if i >= 0 else None
    if before is None or before[1] > span[0] or len(doc.plain(before[1], span[0])) > html_locate.GAP_TEXT:
        return None
    return before


def _cut_from(doc: Document, part: Span) -> Optional[Span]:
    """The table a page break cut `part` from, where `part` carries it on."""
    before = _table_before(doc, part)
    if before is None:
        return None
    return before if part in breaks.joined(doc, before, doc.grid(before), _open)[1] else None


def _captioned(grids: list[Grid], captions: list[Optional[str]]) -> bool:
    """The evidence that tables under no title are a schedule: each block of
    years an account's (`_account_block`), one named as a valuation account."""
    found = html_transposed.named_blocks(grids, captions)
    names = [name for block in found for name in block.names or [block.account]]
    return bool(found) and all(map(_account_block, found)) and any(ACCOUNT_WORD.search(n) for n in names)


def _account_block(block: html_transposed.Block) -> bool:
    """A block of years named (by its table or the caption above it), not by a
    sentence introducing a note's table, and printing a movement a schedule's
    columns print ("Charged to costs and expenses", "Deductions")."""
    return (bool(block.account) and not SENTENCE.search(block.account)
            and any(SCHEDULE_MOVEMENT.search(row.label) for row in block.rows[1:-1]))


def _refuse_cut_off(doc: Document, parts: list[Span]) -> None:
    """A schedule's table never closed: the file was cut off inside it (a
    download stopped, an exhibit truncated), and its last rows are missing.
    An error, never a half table checked clean."""
    for span in parts:
        if span in doc.unclosed and not _document_closes(doc.text, span[0]):
            raise InputError(f"the file ends inside the Schedule II table opened at line {doc.line_of(span[0])}: "
                             "expected </table> (is the file cut off?)", doc.source.path, doc.line_of(span[1] - 1))


def _refuse_stranded(doc: Document, span: Span, grid: Grid, is_open: Optional[breaks.Open] = None) -> None:
    """A schedule's headings (a year's caption under them, or the years as
    columns: `is_open`) ending a page, the rows after the break laid on other
    columns: an error, never a year or an account lost."""
    rest = breaks.stranded(doc, span, grid, is_open)
    if rest is not None:
        raise InputError(f"the Schedule II table at line {doc.line_of(span[0])} goes on after a page break at line "
                         f"{doc.line_of(rest[0])} on other columns than its headings: its rows cannot be placed",
                         doc.source.path, doc.line_of(rest[0]))


def _schedule_rows(grid: Grid, f: Frame) -> bool:
    """Whether a headless part's rows are labelled as a schedule's are (a
    period, a reserve or its asset, a balance, a movement, a total): the
    evidence that an unplaceable part is the schedule's rows, not the next
    page's table (an exhibit index, a selected-data table) left apart."""
    labels = (plain(c for c in grid.rows[i] if c.column < f.figure_start) for i in f.figure_rows)
    return any(is_period(label) or SCHEDULE_ROW.search(label) for label in labels)


SCHEDULE_ROW = re.compile("|".join(p.pattern for p in (ACCOUNT_WORD, RESERVED_ASSET, SCHEDULE_MOVEMENT, OPENING,
                                                      TOTAL)), re.IGNORECASE)


def _refuse_astray(doc: Document, span: Span, part: Span) -> None:
    """A part printing figures under no headings right after a page break (only
    the page's furniture between), its columns of figures not the headings'
    one for one: an error, never its rows dropped."""
    raise InputError(f"the Schedule II table at line {doc.line_of(span[0])} goes on after a page break at line "
                     f"{doc.line_of(part[0])} on other columns than its headings, not one column of figures "
                     "for each heading: its rows cannot be placed", doc.source.path, doc.line_of(part[0]))


BODY_CLOSE = re.compile(r"</(?:body|html)", re.IGNORECASE)


def _document_closes(text: str, at: int) -> bool:
    """Whether the document goes on to its end after `at` (a table left open
    in a document that closes its body is a filer's slip, not a cut)."""
    return BODY_CLOSE.search(text, at) is not None  # (searched in place: a lowered tail would copy it)


def _titled(doc: Document, span: Span, title: Title) -> bool:
    """Whether the table is under a title of its own: the only mark of a schedule
    printed with the years as columns, whose balances are row labels as in a
    note's roll-forward.  Not a line of a table of contents (a title inside
    another table) nor a sentence that names the schedule."""
    if title is None:
        return False
    inside = doc.enclosing(title.start())
    return ((inside is None or inside == span or _title_table(doc, inside, span))
            and len(_without_viewer_marks(html_locate.title_text(doc, title))) <= html_locate.TITLE_LINE)


def _without_viewer_marks(title: str) -> str:
    """A title without what EDGAR's XBRL viewer adds to a report's name (a lone
    member, the currency, the scale): measured as the name it is, not a sentence."""
    return XBRL_TITLE_UNITS.sub("", XBRL_TITLE_MEMBER.sub("", title))


TITLE_TABLE_TEXT = 300  # a table holding the title, units and years alone, as filing software sets them


def _title_table(doc: Document, inside: Span, span: Span) -> bool:
    """A small table of the title's lines just above the schedule's table, a
    line a row, nothing but page furniture between (not a table of contents,
    whose rows print an item and its page, nor one a sentence leads on from)."""
    if not (inside[1] <= span[0] and len(doc.plain(*inside)) <= TITLE_TABLE_TEXT):
        return False
    if doc.texts(inside[1], span[0]) or len(doc.plain(inside[1], span[0])) > html_locate.GAP_TEXT:
        return False
    return all(sum(1 for c in row if c.text.strip()) <= 1 for row in doc.grid(inside).rows)


def _continuations(doc: Document, span: Span, first_grid: Grid, first: Frame,
                   headings: Optional[Headings] = None, named_by: frozenset[str] | set[str] = frozenset(),
                   left: Optional[list[Position]] = None, noted: breaks.Noted = frozenset) -> Iterator[Part]:
    """Tables that carry `span`'s table on after a page break, or that print the
    next account's rows where the schedule is printed one table per account:
    little text between (page furniture, an account's caption) and the first
    table's columns.  Another table: one after prose, without headings of its
    own; where the first lists periods, one that does not, or that lists again
    the periods of the account before it with no caption of its own; one under
    another schedule's title (`named_by`: the words of the first's title block,
    labels.opens_another_schedule: another registrant's in a combined 10-K).
    A headless table of figures right after one of a table per account, its rows
    no periods: not joined (nothing says which account's or period's rows it
    prints), its figures put in `left`, to be said unread.  `noted`: the markers the whole
    schedule's notes define (breaks.schedule_notes), passed to each part laid under the first's
    columns with those under it."""
    listing = bool(html_layout.period_rows(first_grid, first))  # (a row per period under each account)
    periods = _ending_account(first_grid, first)  # read so far for the current account
    carried: Optional[str] = None  # (an account's caption at a page's foot, over the next page's rows)
    above = span
    for end, nxt, grid in breaks.tables_after(doc, span, breaks.ends_without_figures, first_grid, noted):
        # (the part's footnotes at its page's foot, "1. Uncollectible accounts written off", are no text between)
        between, above = breaks.texts_between(doc, above, end, nxt[0][0]), nxt[-1]
        if _another_schedule(doc, end, nxt[0][0], first_grid, grid, named_by):
            return
        if breaks.head_again(doc, nxt[-1][1], grid, first_grid):
            continue  # (the headings again over no row: a page break right after a period's last row)
        if carried is None and not between:
            carried = breaks.caption_again(doc, nxt[-1][1], grid, first_grid)
            if carried is not None:
                continue
        grid, f = _framed(grid, first_grid, first, headings, between, breaks.part_notes(doc, nxt[-1], noted))
        if f is None and html_locate.may_hold_schedule(doc, nxt[-1], headings):
            _refuse_stranded(doc, nxt[-1], grid)
        if f is None or not _carries_on(doc, span, end, nxt, grid, f, first_grid, first, headings, between):
            return
        texts, caption = between, html_locate.caption(between)
        if carried is not None:
            texts, caption, carried = texts or [carried], caption or carried, None
        if listing:
            found = _account_periods(doc, span, nxt, grid, f, texts, caption, periods, left)
            if found is None:
                return
            periods = found
        elif texts and not f.leaves:
            return
        yield nxt, grid, caption


def _headless_rows(grid: Grid, f: Frame, between: list[str]) -> bool:
    """Whether a part right under the one before (no text between) prints no headings of its own
    over rows labelled as a schedule's: the schedule's own rows, on the next page."""
    return not f.leaves and not between and breaks.headless(grid) and _schedule_rows(grid, f)


def _framed(grid: Grid, first_grid: Grid, first: Frame, headings: Optional[Headings],
            between: list[str], noted: breaks.Noted = frozenset) -> tuple[Grid, Optional[Frame]]:
    """A part's grid and frame; a part of the schedule's rows under no headings, on other grid
    columns than the first part, moved under the first part's columns (`_laid_under`; `noted`,
    the markers the notes under the part define)."""
    f = html_layout.frame(grid)
    if f is not None and _headless_rows(grid, f, between) and not html_layout.continues(grid, f, first_grid, first, headings):
        return _laid_under(first_grid, grid, f, noted())
    return grid, f


def _carries_on(doc: Document, span: Span, end: int, part: tuple[Span, ...], grid: Grid, f: Frame,
                first_grid: Grid, first: Frame, headings: Optional[Headings], between: list[str]) -> bool:
    """Whether a part carries the first part's table on: its columns, or, under a year's caption
    between them, columns of their own.  A part of the schedule's rows under no headings that does
    not is refused as astray (never its rows dropped)."""
    if html_layout.continues(grid, f, first_grid, first, headings) or (
            _year_caption_between(doc, end, part[0][0]) and html_layout.other_columns(grid, f, first_grid, first, headings)):
        return True
    if _headless_rows(grid, f, between):
        _refuse_astray(doc, span, part[0])
    return False


def _account_periods(doc: Document, span: Span, part: tuple[Span, ...], grid: Grid, f: Frame, texts: list[str],
                     caption: Optional[str], periods: set[str], left: Optional[list[Position]]) -> Optional[set[str]]:
    """Where the schedule lists a row per period under each account: the periods read so far for
    the account the part ends in (`periods`: the account's before it), the part joined; None where
    the part is no continuation: it lists no period (a headless one's figures put in `left`, to be
    said unread), it follows text naming no account, or it lists again periods of the account
    before it under no caption (refused where it prints no headings either)."""
    listed = set(html_layout.period_rows(grid, f))
    if not listed and not texts and breaks.headless(grid) and left is not None:
        left += html_layout.figure_positions(grid, f)
    if not listed or (texts and caption is None):
        return None
    if (caption is None and html_layout.caption_row(grid, f) is None and not html_layout.account_heading(grid, f)
            and html_layout.account_first_row(grid, f) is None):
        # (rows of periods up to an account's caption row inside the part carry on the account before)
        around, last = html_layout.periods_around_captions(grid, f)
        if around & periods:
            if breaks.headless(grid):
                _refuse_unnamed(doc, span, part[0])  # (read alone it has no headings: never dropped)
            return None
        return periods | around if last is None else last
    return _ending_account(grid, f)


def _refuse_unnamed(doc: Document, span: Span, part: Span) -> None:
    """A table after a schedule printed one table per account, under no headings and naming no
    account (no caption, no name on its first row), listing again periods the account before it
    listed: neither that account's rows nor another's it can be told to be.  An error, never its
    rows dropped."""
    raise InputError(f"the Schedule II table at line {doc.line_of(span[0])} is followed at line "
                     f"{doc.line_of(part[0])} by a table without headings or an account's name that lists its "
                     "periods again: it cannot be joined to it as an account's rows", doc.source.path,
                     doc.line_of(part[0]))


def _another_schedule(doc: Document, end: int, start: int, first: Grid, grid: Grid,
                      named_by: frozenset[str] | set[str]) -> bool:
    """Whether the table at `start` is another schedule (a combined 10-K prints a
    Schedule II per registrant, each under its title and the registrant's name):
    under headings of its own (a page under a running head may print none; a
    schedule of its own always does), and either titled with words the first's
    title block lacks (labels.opens_another_schedule), or titled anew (not
    "... (continued)") over the very years the first printed: a running head
    over the rest of one schedule goes on to other years or accounts.  A table
    after a note's heading ("Note 5 — Accounts Receivable": the F-pages after an
    Item 15 schedule, a note printing the allowance's roll-forward again) is the
    note's, never the schedule's next page."""
    gap = doc.printed(end, start)
    if any(numbers_a_statement(text) and heads_another_statement(gap[k:]) for k, text in enumerate(gap)):
        return True
    if breaks.headless(grid):
        return False
    if opens_another_schedule(gap, set(named_by)):
        return True
    if not doc.holds(html_locate.TITLE, end, start) or doc.holds(CONTINUED, end, start):
        return False
    years = [{m.group() for m in YEAR.finditer(" ".join(plain(cells) for cells in g.rows))} for g in (first, grid)]
    return bool(years[0]) and years[0] == years[1]



def _laid_under(first_grid: Grid, grid: Grid, f: Frame, noted: frozenset[str] = frozenset()) -> tuple[Grid, Optional[Frame]]:
    """A part after a page break, printing no headings, its rows labelled as a
    schedule's (not the next page's table), on other grid columns than the
    first part: its figures moved under the first part's columns
    (`remap`: by order, or by where each stands in its row), where they can be;
    else as it is (and refused as astray by the caller); `noted`, the markers the notes under it
    define (breaks.notes_below)."""
    moved = laid_under(first_grid, grid, noted=noted)
    placed = html_layout.frame(moved) if moved is not None else None
    return (moved, placed) if moved is not None and placed is not None else (grid, f)


def _ending_account(grid: Grid, f: Frame) -> set[str]:
    """The periods of the account a part ends in: after its last account's caption row, if it prints one."""
    carried, last = html_layout.periods_around_captions(grid, f)
    return carried if last is None else last


def _transposed_continuations(doc: Document, span: Span, first_grid: Grid,
                              noted: breaks.Noted = frozenset) -> Iterator[Part]:
    """Tables that go on printing blocks of the same years after a page break
    or one table per account: little text between, and blocks of their own (each joined to the
    parts carrying it on, `noted` the markers the whole schedule's notes define: notes under its
    first table name a "(1)" a later table's part prints)."""
    found = html_transposed.blocks(first_grid)
    if not found:
        return  # (only a block cut short: refused when built)
    years = html_layout.words(plain(found[0].periods))
    for end, nxt, grid in breaks.tables_after(doc, span, _open, noted=noted):
        found = html_transposed.blocks(grid)
        if not found or html_layout.words(plain(found[0].periods)) != years:
            return
        yield nxt, grid, html_locate.caption(doc.texts(end, nxt[0][0]))


def _open(grid: Grid) -> bool:
    """Whether a part a page break ends may be carried on by one without
    headings: it prints no figure yet, or the years as columns (its rows the
    movements: a block cut in the middle, or the next accounts under years
    printed once, or nothing yet under the years)."""
    return breaks.ends_without_figures(grid) or _blocks_begun(grid) or html_transposed.ends_on_periods(grid)


def tables(src: Source, headings: Optional[Headings] = None, roles: Optional[Sequence[RoleSpec]] = None) -> list[Schedule]:
    """Every Schedule II table of the document, laid out (roles not yet read);
    `roles`: the rules file's, to tell a table typed in two parts (`_with_rest`)."""
    doc = html_locate.Document(src)
    found = []
    joined_to = -1  # where the last second part joined to the table above it ends
    for region in regions(doc, headings):
        if region.parts[0][0] < joined_to:
            continue  # (a second part under a title of its own: read with its first)
        doc.forget_grids(region.parts)  # (the layout marks the cells of the parts it builds: read again afresh)
        try:
            schedule = (html_transposed if region.transposed else html_layout).build(region, src.path)
        except InputError as exc:
            # A table with Schedule II's headings that cannot be read is never skipped quietly.
            where = doc.line_of(region.parts[0][0])
            raise InputError(f"the Schedule II table at line {where} cannot be read: {exc.message}",
                             src.path, exc.line or where) from None
        if roles is not None and not region.transposed and halves.needs_rest(schedule, roles):
            schedule, joined_to = _with_rest(doc, region, schedule, roles, joined_to)
        found.append(schedule)
    return found


def _with_rest(doc: Document, region: Region, first: Schedule, roles: Sequence[RoleSpec],
               joined_to: int) -> tuple[Schedule, int]:
    """A table lacking a balance joined to the <table> right under it (no text
    between but page furniture) where that one holds the rest of its columns,
    its rows the same (`text.halves`, as for a text table); else as it is."""
    end = region.parts[-1][1]
    nxt = doc.next_table(end)
    if nxt is None or doc.texts(end, nxt[0]):
        return first, joined_to
    part = Region((nxt,), (doc.grid(nxt),), "", doc.line_of(nxt[0]), "")
    try:
        second = html_layout.build(part, doc.source.path)
    except InputError:
        return first, joined_to  # (no table laid out as a schedule's part)
    if not halves.supplies_rest(first, second, roles):
        return first, joined_to
    return halves.joined(first, second, doc.source.path), nxt[1]

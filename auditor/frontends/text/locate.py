"""Find the Schedule II tables in a file, without parsing anything else.

A fast scan: one regular expression over the whole text for the schedule's
title, then, from each title, the table that follows it.  Only the lines of
a located region go to the grammar.  A title that merely mentions the
schedule (an index line, "see Schedule II") is passed over: the table after
a title must be headed like a schedule (`headings`), or print its
movements as rows (`rollforward`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import AbstractSet, Any, Callable, NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends.text.documents import html_documents as html_documents  # (the pipeline's: locate.html_documents)
from auditor.frontends.text.headings import (TITLE, Vocabulary, at_most_two_phrases, balances_headed, bundled_vocabulary,
                                             headed_like_schedule, is_title_line, vocabulary_of, without_tags)
from auditor.frontends.text import pages, rollforward
from auditor import labels
from auditor.labels import (ACCOUNT_WORD, CONTINUED, LETTER, MINUS_SIGNS, NEGATIVE_AFTER, NIL_DASHES, NIL_WORD, NIL_WORD_ANY_CASE,
                            RESERVED_ASSET, is_period)
from auditor.lazy_pattern import lazy_compile
from auditor.source import Lines, Source

# (Not an HTML table closed on the line it opens, a page footer's "<TABLE ..><TR><TD>F-11</TD></TR></TABLE>"
# in an HTML document whose schedule is typed in a <PRE>: it holds no rows of a text table.  Nor one
# whose cell opens a <PRE> on its line, "<TABLE WIDTH=100%><TR><TD><PRE>": a frame around the typed
# schedule, closed after the </PRE>, not a typed table's tag.)
TABLE_OPEN = re.compile(r"^\s*<TABLE\b(?!.*</TABLE>)(?!.*<PRE\b)", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
# The edges of the documents of an EDGAR submission: no table crosses them.
DOCUMENT_EDGE = re.compile(r"^\s*(</?(TEXT|DOCUMENT|SEC-DOCUMENT|PDF)>|<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>)", re.I)
# A figure row: text then at least two numbers or nils separated by spaces
# (the first perhaps with its footnote's letter: "315,000(b)   1,747,000").
# The nils are labels.NIL, as the grammar's.
_NIL = rf"{NIL_DASHES}|\b{NIL_WORD}"
_AFTER = NEGATIVE_AFTER  # (labels: "473-", "473CR": the adding machine's negatives)
# (The lookahead lets a search skip a heading's long runs of spaces at once,
# the lookbehind the inside of a run of digits: without them, a search
# backtracked over either in quadratic time.)
# (A first figure typed "473-" or "473CR", labels.NEGATIVE_AFTER, ends past its mark; "<473>" is
# a typist's parentheses.  A figure's footnote marker glued to it or a blank apart: "96(a)", "377 (a)",
# "96*", "1,204 1/": a wrapped row's rest of figures so marked is a row's all the same.)
FIGURES = re.compile(
    rf"((?:(?<![\d,])(?=[($<\d])[(<]?\$?\s*[\d,]*\d(\.\d+)?(?:[)>]|{_AFTER})?|{_NIL})(?:[ ]?\([a-z\d]{{1,2}}\)|\*{{1,3}}|[ ]\d{{1,2}}/)?)"
    rf"(\s{{2,}}|\s*\$\s*)([(<]?\$?\s*[\d,]*\d|{_NIL})", re.IGNORECASE
)
# A heading line that opens with footnote markers ("(1)   (2)" over "CHARGED
# TO COSTS", "(1)  (2)  Changes due"): no figures, whatever FIGURES sees in it
# (no digit outside its markers, and no label before them).
HEADING_NOTES = re.compile(r"^\s*\(\d{1,2}\)(?:[^\d]|\(\d{1,2}\))*$")
# Or one with a heading's word before its markers, when a marker heads words
# of its own: "BALANCE   (1)   (2) CHARGED" (the top line of a deep heading
# stack), no digit outside its markers.  (Without a word after a marker,
# "Reserve   (1)   (2)" may be a row of small negatives: a figure row.  Nor is a nil's word a
# heading's: "LIFO reserve   (28)   (1)   NA   NA   (29)" is a row of small negatives; "na" in
# lower case too, no nil, to be refused as a row, never dropped as a heading's markers.)
_NO_DIGIT_BUT_MARKERS = re.compile(r"^(?:[^\d]|\(\d{1,2}\))*$")
_MARKER_HEADS_WORDS = lazy_compile(rf"\(\d{{1,2}}\)[ \t]+\(?(?!(?i:{NIL_WORD_ANY_CASE})(?![\w/]))[A-Za-z]")
RULE_LINE = re.compile(r"^[\s\-=_]*$")
# One figure alone, far to the right, with perhaps its marker: the rest of
# the row above, printed on a line of its own ("                   $18.1").
# Any amount the grammar reads (schedule.lark AMOUNT): a negative one too,
# in parentheses padded inside ("$( 500)", "(500 )") or with a minus sign
# ("-500"); else the table ended at the row above and lost that column.
# (No two runs of spaces may meet: "\s{12,}\s*" backtracks quadratically over a blank line.)
_LONE_AMOUNT = rf"(?:\(\s*-?\d[\d,]*(?:\.\d+)?(?:\s*\))?|\d[\d,]*(?:\.\d+)?{_AFTER}|-?\d[\d,]*(?:\.\d+)?\)?|-?\.\d+)"
LONE_FIGURE = lazy_compile(rf"^\s{{12,}}(?:\$\s*)?{_LONE_AMOUNT}(?:\s*(?:\(\w{{1,2}}\)|\*{{1,3}}|\d{{1,2}}/))?\s*$")
# The one figure of a labelled row ("$353"), its marker perhaps.
LONE_ROW_FIGURE = lazy_compile(rf"(?:\$\s*)?{_LONE_AMOUNT}(?:\s*(?:\(\w{{1,2}}\)|\*{{1,3}}))?")
# A nil alone after its label, set apart from it: a reserve with nothing to
# report ("Other reserve          -0-"), a row of the table though it prints
# no two figures.
LONE_NIL = lazy_compile(rf"^\s*[^\s$].*?\S\s{{2,}}(?:\$\s*)?(?:{_NIL})\s*$", re.IGNORECASE)
RULE_SEGMENT = re.compile(r"[-=_]{4,}")
# How far below its title a schedule's table may start, and how far above
# it a <TABLE> may open when the title is the table's own caption.
REACH = 40
CAPTION_REACH = 8
# How far under a table the <TABLE> of its second part may open (its columns split one part under the other).
PART_GAP = 16
PART_TRIES = 3
# Lines that may sit between a table and its continuation after a page break.
PAGE_TAG = lazy_compile(r"^\s*<PAGE>", re.IGNORECASE)
MARKER_LINE = re.compile(r"^\s*<S>", re.IGNORECASE)
MARKER = lazy_compile(r"<[SC]>", re.IGNORECASE)
CAPTION_LINE = re.compile(r"^\s*<CAPTION>", re.IGNORECASE)
CAPTION_TITLE = lazy_compile(r"^(\s{8,}\S|\s*SCHEDULE\b)", re.IGNORECASE)


# (Page numbers as printed: "47", "S-2", "F-12", "- 47 -", "Page 47".  Not labels.PAGE_MARK's
# form: run on every line, its leading dashes before the letters make each miss dearer.)
# (Possessive leading spaces: the alternatives after them start with no space,
# and retrying them at each shorter run of spaces was quadratic.)
BREAK = re.compile(r"^\s*+(<PAGE>.*|\f|(page\s+)?[a-z]?-?\s*\d{1,3}\s*-?\s*|[-\w ]*\(continued\)\s*|)$", re.IGNORECASE)


class Region(NamedTuple):
    """Lines first..last (1-based, inclusive) hold one schedule."""

    first: int
    last: int
    title_line: int
    transposed: bool = False  # the movements printed as rows (rollforward), read by `transposed`


def regions(source: Source, skip: Sequence[tuple[int, int]] = (), roles: Optional[tuple[Any, ...]] = None) -> list[Region]:
    """Every schedule in the file, in file order; none whose title lies in
    one of the line spans `skip` ((first, last): a submission's HTML documents).
    `roles`: the rules file's role specs, whose patterns recognise headings
    (the bundled rules' by default)."""
    vocabulary = bundled_vocabulary() if roles is None else vocabulary_of(roles)
    text = source.joined()
    titles, line, counted_to = [], 1, 0
    for start in _title_starts(text):
        line += text.count("\n", counted_to, start)
        counted_to = start
        if not any(first <= line <= last for first, last in skip):
            titles.append(line)
    found = _tables_after(source, titles, vocabulary, indexed=False)
    # No schedule under a title but an index's line: the title may be the schedule's own with its
    # page at the line's end ("VALUATION AND QUALIFYING ACCOUNTS      S-2"), which only the table under it tells.
    return found or _tables_after(source, titles, vocabulary, indexed=True)


def _tables_after(source: Source, titles: list[int], vocabulary: Vocabulary, indexed: bool) -> list[Region]:
    """The schedule under each title line, in order, none inside the one before;
    `indexed`: a title that reads as an index's entry is tried too."""
    found: list[Region] = []
    covered_to = 0
    for line in titles:
        if line <= covered_to:
            continue
        region = _table_after(source, line, vocabulary, indexed)
        years: set[int] = set()  # (the years its tables name so far: a note's table under them names them again)
        while region is not None:
            found.append(region)
            covered_to = region.last
            years |= _years_named(source.lines, region)
            region = _next_one_year_table(source, region, vocabulary, years)
    return found


# A footnote under a table: its marker first ("(a) Accounts written off", "* Net", "1/ Recoveries").
FOOTNOTE_LINE = lazy_compile(r"^\s*(?:\(\w{1,2}\)|\*{1,3}|\d{1,2}/)\s")


# A line numbered as a note's heading or a footnote may be ("1. Uncollectible accounts", "(5) ...", "5 - ...").
NUMBERED_LINE = lazy_compile(r"^\s*\(?\d{1,2}(?:\.|\)|\s+[-:\u2013\u2014])\s+\S")


def _next_one_year_table(source: Source, region: Region, vocabulary: Vocabulary,
                         years: AbstractSet[int] = frozenset()) -> Optional[Region]:
    """The <TABLE> right under a schedule's table that `_table_end` did not join,
    past blank lines, page furniture and the first table's footnotes alone (no
    title, no prose), headed like a schedule: one of several tables under one
    title, each of its own year with its own columns ("Year ended December 31,
    2003" printing a column 2002 has no figure in).  A region of its own,
    read as a schedule of its own (joined to the first where their columns
    agree, `layout.joined_years`); not joined, its rows would vanish unsaid.
    `years`: those the schedule's tables named so far (under a line numbered alone, a table
    naming one of them again is a note's roll-forward by year, "5. Reserves", no next year)."""
    lines = source.lines
    first_open = _open_of(lines, region)
    if first_open is None:
        return _next_untagged_table(source, region, vocabulary)
    numbered = False  # a line numbered alone above ("1. Uncollectible accounts"): a note's heading or a footnote
    for n in range(region.last + 1, min(len(lines), region.last + PART_GAP) + 1):
        line = lines[n - 1]
        if TABLE_OPEN.match(line):
            first_row = _first_row(lines, n)
            if first_row is None or _titled_a_note(lines, n) or rollforward.transposed(lines, n, first_row, vocabulary) \
                    or not headed_like_schedule(lines, n, first_row, vocabulary) \
                    or numbered and not (_headed_within(lines, first_open, n) and _names_a_new_year(lines, n, first_row, years)):
                return None
            return Region(n, _table_end(source, n, vocabulary), n)
        if not line.strip():
            continue
        # (Page furniture or a footnote, no title, no figures: anything else ends the search.)
        if not (BREAK.match(line) or FOOTNOTE_LINE.match(line) or NUMBERED_LINE.match(line)) or TITLE.search(line) \
                or _has_figures(line) or DOCUMENT_EDGE.match(line):
            return None
        if _heads_a_note(line) and pages.broken(lines, region.last + 1, n) or labels.NOTE_HEADING.match(line.strip()):
            return None  # (a note numbered alone opens the next page, "(5) ALLOWANCE ...", or a note by its word)
        # (Numbered alone, marking nothing in the table: a note's heading, unless the next table is
        # headed as this one, the next year's under its footnote, "1. Uncollectible accounts".)
        numbered = numbered or _opens_a_note(lines, region.first, n, vocabulary, any_case=True) or not _heads_a_note(line) \
            and not FOOTNOTE_LINE.match(line) and not BREAK.match(line)  # ("1. uncollectible accounts", "(5) allowance ...": any case)
    return None


def _names_a_new_year(lines: Sequence[str], open_line: int, first_row: int, years: AbstractSet[int]) -> bool:
    """Whether a table names a year over its first row or in that row's label ("Year ended
    December 31, 1996:", "1996"), none of `years`: a year's table, not a note's of its accounts,
    nor a note's roll-forward by year of the years the schedule printed (labels.year_named)."""
    label = re.split(r"\s{2,}", lines[first_row - 1].strip())[0]
    named = [labels.year_named(lines[k - 1]) for k in range(open_line + 1, first_row)] + [labels.year_named(label)]
    return any(year is not None for year in named) and not any(year in years for year in named)


def _years_named(lines: Sequence[str], region: Region) -> set[int]:
    """The years a schedule's region names in its lines' labels (their first phrase: a caption
    "Year ended December 31, 1997:", a heading "1997"; never a figure in a column)."""
    found: set[int] = set()
    for n in range(region.first, region.last + 1):
        label = re.split(r"\s{2,}", lines[n - 1].strip())[0]
        year = labels.year_named(label) if labels.YEAR.search(label) else None
        if year is not None:
            found.add(year)
    return found


def _headed_within(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the table opening at `other` prints headings, none a word the table at `first`
    lacks: the same schedule's next year (leaving out a movement, perhaps), not a note's table
    ("Provision for Bad Debts", "Write-offs" under "(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS")."""
    words = _heading(lines, other)[0]
    return bool(words) and words <= _heading(lines, first)[0]


TITLE_CHUNK = 1 << 20


def _title_starts(text: str) -> list[int]:
    """Where titles start.  str.find for the titles' first words, then the
    regular expression there: a case-blind regex over 10 MB takes seconds."""
    starts = []
    # Lower-cased a chunk at a time: a lower-case copy of a 200 MB file whole
    # was a fifth of the peak memory.  Chunks overlap by a word's length.
    for at in range(0, len(text), TITLE_CHUNK):
        piece = text[at : at + TITLE_CHUNK + len("valuation")]
        low = piece.lower()
        if len(low) != len(piece):  # a character whose lower case is longer: offsets would drift
            return [m.start() for m in TITLE.finditer(text)]
        for word in ("valuation", "schedule"):
            i = low.find(word)
            while i != -1 and i < TITLE_CHUNK:
                if TITLE.match(text, at + i):
                    starts.append(at + i)
                i = low.find(word, i + 1)
    return sorted(starts)


def _next_untagged_table(source: Source, region: Region, vocabulary: Vocabulary) -> Optional[Region]:
    """Typed without tags, `_next_one_year_table`'s: past blank lines, page
    furniture and footnotes alone, lines of headings naming a schedule's
    balances over a row of figures, none of them a title's or prose."""
    lines = source.lines
    top = None
    for n in range(region.last + 1, min(len(lines), region.last + PART_GAP + 2 * CAPTION_REACH) + 1):
        line = lines[n - 1]
        if DOCUMENT_EDGE.match(line) or TABLE_OPEN.match(line) or TITLE.search(line) or heads_another_statement(lines, n) \
                or _opens_a_note(lines, region.first, n, vocabulary, any_case=True):
            return None
        if _has_figures(line) and not RULE_LINE.match(line):
            if top is None or n - top > 2 * CAPTION_REACH or not headed_like_schedule(lines, top, n, vocabulary) \
                    or not balances_headed(lines, top, n - 1, vocabulary) or rollforward.transposed(lines, top, n, vocabulary):
                return None
            return Region(top, _block_end(source, n, vocabulary=vocabulary), top)
        if top is None and not (BREAK.match(line) or FOOTNOTE_LINE.match(line) or RULE_LINE.match(line)):
            top = n
        elif top is not None and SENTENCE_LINE.search(line):
            return None  # (prose between: a note's table, not the schedule's)
    return None


# A line of prose: words ending a sentence.
SENTENCE_LINE = lazy_compile(r"(?<![a-z])[a-z]{2,}+[.;]\s*+$")  # (tried once per word: linear)


def _table_after(source: Source, title: int, vocabulary: Vocabulary, indexed: bool = False) -> Optional[Region]:
    lines = source.lines
    if not indexed and labels.is_index_entry(lines[title - 1]):
        return None  # an index's line, the schedule's page at its end (labels.INDEX_ENTRY): a mention
    caption_of = _open_table_above(lines, title)
    limit = min(len(lines), title + REACH)
    first = _title_block(lines, caption_of or title, title)
    for n in range(title, limit + 1):
        line = lines[n - 1]
        if n > title and (is_title_line(line) and not _has_figures(line) or DOCUMENT_EDGE.match(line)
                          or heads_another_statement(lines, n)):
            return None  # another title (or document, or note) first: this one was a mention
        if TABLE_CLOSE.match(line):
            if caption_of is None:
                return None  # the title sat in some other table, an index
            caption_of = None  # the title had a table of its own; the schedule's follows
            continue
        if TABLE_OPEN.match(line) and caption_of is None:
            if _titled_in_caption(lines, n):
                return None  # the table's own title is in its caption: this one (a report's sentence) was a mention
            first_row = _first_row(lines, n)
            one = _first_row(lines, n, rollforward.is_row)  # (a row of one figure too)
            if one is not None and one != first_row and rollforward.one_column(lines, title, one, vocabulary):
                return Region(title, _table_end(source, n, vocabulary, first(one)), title, True)
            if first_row is None:
                first_row = _row_past_rowless_page(source, n, vocabulary)
            if first_row is None:
                return None
            if _years_over_headings(lines, first_row, vocabulary):
                first_row = _first_row(lines, first_row)  # (the years heading groups of columns: periods side by side)
                if first_row is None:
                    return None
            transposed = rollforward.transposed(lines, title, first_row, vocabulary)
            if not (transposed or headed_like_schedule(lines, title, first_row, vocabulary)):
                return None
            return Region(title, _table_end(source, n, vocabulary, first(first_row)), title, transposed)
        figures = _has_figures(line) and not _years_over_headings(lines, n, vocabulary) and not markers_over_columns(lines, n)
        if figures or rollforward.is_row(line) and rollforward.one_column(lines, caption_of or title, n, vocabulary, title):
            transposed = not figures or rollforward.transposed(lines, caption_of or title, n, vocabulary, title)
            if not (transposed or headed_like_schedule(lines, caption_of or title, n, vocabulary)):
                return None
            if caption_of is not None:
                return Region(caption_of, _table_end(source, caption_of, vocabulary, first(n)), title, transposed)
            return Region(title, _block_end(source, n, transposed, first=first(n), vocabulary=vocabulary), title, transposed)
    return None


def _title_block(lines: Sequence[str], top: int, title: int) -> Callable[[int], set[str]]:
    """The words of a schedule's title block down to its first row (given),
    from the top of the page it opens (a registrant's name printed over
    "SCHEDULE II", however far above: `_page_top`), as the HTML front end
    reads it: what a page opening another schedule's would print otherwise."""
    start = min(_page_top(lines, min(top, title)), max(1, min(top, title) - 4))
    return lambda row: labels.title_words(lines[start - 1 : row - 1])


# How far above its title a schedule's title block may reach up its page.
TITLE_BLOCK_REACH = 16
TITLE_BLOCK_WORDS = 12


_DIGIT = re.compile(r"\d")


def _page_top(lines: Sequence[str], title: int) -> int:
    """The first line (1-based) of the title block over line `title`: the
    lines above it up to the page's top (<PAGE>, a form feed), each a short
    line of a title's words; not past a tag (a table's end, a document's
    edge), a row of figures or a line of prose (more words than a title prints)."""
    n = title
    while n > 1 and title - n < TITLE_BLOCK_REACH:
        above = lines[n - 2]
        if "\f" in above or above.strip() and ("<" in above or len(above.split()) > TITLE_BLOCK_WORDS
                                                or _DIGIT.search(above) and _has_figures(above)):
            break  # (a form feed, a tag: <PAGE>, a table's end or start, a document's edge; blank lines are the block's)
        n -= 1
    return n


def _open_table_above(lines: Sequence[str], title: int) -> Optional[int]:
    """The <TABLE> line just above a title printed as the table's caption."""
    for n in range(title - 1, max(0, title - CAPTION_REACH), -1):
        line = lines[n - 1]
        if TABLE_OPEN.match(line):
            return n
        if TABLE_CLOSE.match(line) or DOCUMENT_EDGE.match(line):
            return None
    return None


def _row_past_rowless_page(source: Source, open_line: int, vocabulary: Vocabulary) -> Optional[int]:
    """The first row of a <TABLE> that closes, rowless, at a page's foot (its
    headings and its first period's caption, "2011", the rows on the next
    page) and goes on past the break (`_table_end`): the continuation's first
    row, or None."""
    lines = source.lines
    close = next((n for n in range(open_line + 1, min(len(lines), open_line + REACH) + 1) if TABLE_CLOSE.match(lines[n - 1])), None)
    if close is None or not pages.broken(lines, close + 1, min(len(lines), close + PART_GAP)):
        return None
    end = _table_end(source, open_line, vocabulary)
    reopened = next((n for n in range(close + 1, end + 1) if TABLE_OPEN.match(lines[n - 1])), None)
    return _first_row(lines, reopened) if reopened is not None else None


def _titled_in_caption(lines: Sequence[str], open_line: int) -> bool:
    """Whether the <TABLE> at `open_line` prints the schedule's title in its
    caption, over its headings ("<TABLE>", "<CAPTION>", "SCHEDULE II", the
    registrant, "VALUATION AND QUALIFYING ACCOUNTS"): that title, not one
    above, is the table's.  A title centred or numbered, in the <CAPTION>
    opened on the <TABLE>'s next line: not the label column's heading
    ("VALUATION AND QUALIFYING ACCOUNTS DEDUCTED FROM THE ASSETS" at the
    left margin)."""
    if open_line >= len(lines) or not CAPTION_LINE.match(lines[open_line]):
        return False
    for n in range(open_line + 2, min(len(lines), open_line + CAPTION_REACH) + 1):
        line = lines[n - 1]
        if TABLE_CLOSE.match(line) or MARKER_LINE.match(line):
            return False
        upper = line.upper()  # (the title's words first: the title pattern is dear, and a caption's lines are headings)
        if ("VALUATION" in upper or "SCHEDULE" in upper) and CAPTION_TITLE.match(line) and is_title_line(line):
            return True
    return False


# A line of bare years alone, two or more: headings over groups of columns, a group per year.
YEARS_LINE = re.compile(r"^\s*(?:(?:19|20)\d\d\s+)+(?:19|20)\d\d\s*$")


def _years_over_headings(lines: Sequence[str], n: int, vocabulary: Vocabulary) -> bool:
    """Line n prints years alone over the headings of a schedule (its figures below): each
    year heads a group of columns (two years side by side, `side_by_side`), no row."""
    if not YEARS_LINE.match(lines[n - 1]):
        return False
    below = _first_row(lines, n)
    return below is not None and below > n + 1 and headed_like_schedule(lines, n + 1, below - 1, vocabulary)


def _first_row(lines: Sequence[str], open_line: int, is_row: Callable[[str], bool] = lambda line: _has_figures(line)) -> Optional[int]:
    """The first row of figures (two or more, or as `is_row` tells) of the <TABLE> at `open_line`."""
    for n in range(open_line + 1, min(len(lines), open_line + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            return None
        if is_row(lines[n - 1]) and not RULE_LINE.match(lines[n - 1]) and not markers_over_columns(lines, n):
            return n  # (a rule under a spanning "ADDITIONS" heading is no row)
    return None


def markers_over_columns(lines: Sequence[str], n: int) -> bool:
    """Line n prints a heading's words and its columns' footnote markers alone ("IMPACT   (1)
    (2)", the top of a heading stack), above the <S> <C> line under a tagged table's headings
    with no figures between: a heading line, not a row of small negatives.  (No digit outside
    the markers; looked at only on a line FIGURES took for a row, a row's first digit first.)"""
    line = lines[n - 1]
    digit = _DIGIT.search(line)
    if digit is None or line[digit.start() - 1] != "(" or not _NO_DIGIT_BUT_MARKERS.match(line):
        return False
    if n < len(lines) and _heading_line(lines[n]):
        return True  # (untagged, or tagged with the <S> line lost)
    for below in range(n + 1, min(len(lines), n + CAPTION_REACH) + 1):
        line = lines[below - 1]
        if MARKER_LINE.match(line):
            return True
        if _has_figures(line) or TABLE_CLOSE.match(line):
            return False
    return False


# Phrases set apart on a line: a run of two spaces or more between two of its words.
_PHRASES_APART = lazy_compile(r"[A-Za-z] {2,}+[A-Za-z(]")


def _heading_line(line: str) -> bool:
    """The line right under one of markers alone ("Impact of   (1)   (2)"): a heading line of
    two phrases or more, no digit (a body's row is followed by rows, rules or a caption)."""
    return _DIGIT.search(line) is None and bool(_PHRASES_APART.search(line.strip()))


def _table_end(source: Source, open_line: int, vocabulary: Vocabulary, first: AbstractSet[str] = frozenset()) -> int:
    """The last line of a <TABLE>, following continuations across page breaks;
    not into a table under another schedule's title (`first`: the words of this
    one's title block, labels.opens_another_schedule).

    A table that is never closed is cut off: an error, never a half table.
    """
    lines = source.lines
    first_open, n = open_line, open_line + 1
    while True:
        n = _close_of(source, open_line, n)
        close = n
        n = _past_breaks(lines, n + 1)
        # A continuation repeats the title or opens a table within a few lines.
        # (Past a page's end, a running head of any case: pages.)
        look, account, paged = n, False, pages.broken(lines, close + 1, n)
        while look <= min(len(lines), n + 8) and not TABLE_OPEN.match(lines[look - 1]):
            if DOCUMENT_EDGE.match(lines[look - 1]) or heads_another_statement(lines, look):
                return close
            line = lines[look - 1]
            if paged and _heads_a_note(line) or _opens_a_note(lines, first_open, look, vocabulary):
                return close  # the next page opens a note numbered alone ("(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS"), or a
                # line under the table does, its number marking nothing in the table (no footnote of the table's)
            if not (BREAK.match(line) or TITLE.search(line) or _is_caption(line) or paged and pages.is_running_head(line)):
                return close
            account = account or _names_a_block(line.strip())
            look += 1
        if look > len(lines) or not TABLE_OPEN.match(lines[look - 1]) or _titled_a_note(lines, look):
            return close
        if _heading(lines, look)[0] and labels.opens_another_schedule(lines[close : look - 1], set(first)):
            return close  # (another registrant's schedule, headed and read under its own title)
        # After an account's or a period's caption, the next table is the
        # schedule's only if it is headed like one ("Accounts receivable
        # consisted of:" is prose).
        if (account and not headed_like_schedule(lines, look, _first_row(lines, look) or look, vocabulary)
                and not (paged and _headless_continuation(lines, first_open, look))):
            pages.refuse_unjoined(source, close, look, paged, (_first_row(lines, first_open), _first_row(lines, look)))
            return close
        if not (_same_columns(lines, first_open, look) or paged and _reheaded_continuation(lines, first_open, look, vocabulary)):
            if _rest_of_columns(lines, first_open, look, vocabulary):
                return close  # the table's second part: the front end joins it (`part_after`)
            pages.refuse_unjoined(source, close, look, paged, (_first_row(lines, first_open), _first_row(lines, look)),
                                  headed_like_schedule(lines, look + 1, _body_top(lines, look) - 1, vocabulary))
            return close  # another schedule (a subsidiary's), however its page is headed
        open_line, n = look, look + 1


# The tags a <TABLE> opens with above its first printed line.
_OPENING_TAG = lazy_compile(r"^\s*<(?:TABLE|CAPTION|S|C|FN)\b[^>]{0,40}>\s*$", re.IGNORECASE)


def _titled_a_note(lines: Sequence[str], open_line: int) -> bool:
    """Whether the <TABLE> opened at `open_line` prints a note's heading as its first line,
    inside its tags ("NOTE 5. ALLOWANCE FOR DOUBTFUL ACCOUNTS", "5. Reserves" typed after
    <TABLE> or <CAPTION>): the table is that note's, as under the heading typed over it, and
    no page of a schedule's table before it (labels.heads_a_note, as HTML's first row)."""
    for n in range(open_line + 1, min(len(lines), open_line + CAPTION_REACH) + 1):
        line = lines[n - 1]
        if line.strip() and not _OPENING_TAG.match(line):
            return _heads_a_note(line) or _first_row_heads_a_note(lines, n)
    return False


# The tags that open a table's body under its headings: "<S>", then "<C>" a column.
_BODY_TAGS = lazy_compile(r"^\s*<S>(?:\s*<C>)*\s*$", re.IGNORECASE)


def _first_row_heads_a_note(lines: Sequence[str], top: int) -> bool:
    """Whether a <TABLE>'s first line of its body, under its headings and <S>, is a note's heading
    typed as the table's first row, no figures in it ("NOTE 5. ALLOWANCE ...", "Note 7 - Reserves";
    "5. Reserves" where no other line of the table is numbered so: a list of accounts numbers
    each), as HTML's first row (html.locate._titled_a_note)."""
    body = next((n for n in range(top, min(len(lines), top + REACH) + 1)
                 if _BODY_TAGS.match(lines[n - 1]) or TABLE_CLOSE.match(lines[n - 1])), None)
    if body is None or TABLE_CLOSE.match(lines[body - 1]):
        return False
    first = next((n for n in range(body + 1, min(len(lines), body + CAPTION_REACH) + 1) if lines[n - 1].strip()), None)
    if first is None or _has_figures(lines[first - 1]) or not _heads_a_note(lines[first - 1]):
        return False
    if labels.NOTE_HEADING.match(lines[first - 1]):
        return True
    rest = []
    for n in range(first + 1, min(len(lines), first + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            break
        rest.append(lines[n - 1])
    return not any(labels.heads_a_note(line, numbered=True) for line in rest)


def _opens_a_note(lines: Sequence[str], top: int, n: int, vocabulary: Vocabulary, any_case: bool = False) -> bool:
    """Whether line n, under a table whose lines start at `top`, heads a note, one phrase: "NOTE 5.
    ALLOWANCE ...", or by its number alone ("(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS", "5. Reserves"),
    its number printed as no footnote's marker in the table (labels.marks_a_footnote), no column's
    movement named (the headings' vocabulary: "(1) Uncollectible accounts written off" says what a
    column holds, a footnote whose marker the filer left out) and no run of footnotes before it.
    `any_case`: its name typed in lower case too ("5. reserves and allowances"), asked under an
    untagged table's rows (where the next year's caption under a footnote so typed keeps the
    table going, `_footnotes_over_next_period`)."""
    line = lines[n - 1]
    opening = line.lstrip()[:1]
    if not (opening and (opening.isdigit() or opening in "(Nn")) \
            or not _heads_a_note(_NAME_AFTER_NUMBER.sub(_capitalised, line) if any_case else line) \
            or vocabulary.every.search(line.lower()) and not (_note_by_its_word(line) or _heading_over_its_table(lines, n)):
        return False
    number = labels.note_number(line)
    if number is None or labels.marks_a_footnote(number, lines[max(top, 1) - 1 : n - 1]):
        return False
    above = next((lines[k - 1] for k in range(n - 1, max(top, 1) - 1, -1) if lines[k - 1].strip()), "")
    return labels.note_number(above) != str(int(number) - 1)  # (the next of a run of footnotes, "(1) ..." "(2) ...": one)


# A numbered line's name typed in lower case ("5. reserves and allowances"): `any_case`, its first
# letter read as a capital.
_NAME_AFTER_NUMBER = lazy_compile(r"^(\s*\(?\d{1,2}(?:\.|\)|\s+[-:\u2013\u2014])\s+)([a-z])")


def _capitalised(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).upper()


def _note_by_its_word(line: str) -> bool:
    """Whether a line heads a note by its word and number, typed as a heading is: every word
    of four letters or more capitalised ("NOTE 7. PROVISION FOR INCOME TAXES", "Note 7 -
    Provision for Income Taxes"), or none (a file typed in lower case), a column's movement
    word in it or not.  (A footnote so
    numbered says what a column holds in words of its own: "Note 1 - Uncollectible accounts
    written off".)"""
    words = re.findall(r"[A-Za-z]{4,}", line)
    return bool(labels.NOTE_HEADING.match(line)) and (all(word[0].isupper() for word in words)
                                                      or not any(word[0].isupper() for word in words))  # (a file typed in lower case)


def _heading_over_its_table(lines: Sequence[str], n: int) -> bool:
    """Whether the numbered line n is typed as a heading ("7. PROVISION FOR DOUBTFUL ACCOUNTS":
    its words in capitals, or all in lower case as a file typed so prints it; a phrase, no
    sentence's period) over a table of its own: its <TABLE>, or untagged its column headings
    (words set apart, no figure) or their rule, before any row.  A note's, though it names a
    column's movement; a footnote so numbered ("1. UNCOLLECTIBLE ACCOUNTS WRITTEN OFF")
    explains a marker and stands over the next period's caption or nothing."""
    line = lines[n - 1].strip()
    words = re.findall(r"[A-Za-z]+", line)
    if not words or not (all(word.isupper() for word in words) or all(word.islower() for word in words)) \
            or line.endswith(".") or len(words) > 10:  # (in capitals, or a file typed in lower case)
        return False
    for k in range(n, min(len(lines), n + CAPTION_REACH)):
        below = lines[k]
        if not below.strip():
            continue
        return bool(TABLE_OPEN.match(below)) or _heading_line(below) or bool(RULE_SEGMENT.search(below)) and _DIGIT.search(below) is None
    return False


# Words typed apart as columns are ("(1)        CHANGES DUE": a marker over one heading, the
# next heading's first words): a note's heading is one phrase.
_COLUMN_GAP = lazy_compile(r"\S\s{3,}\S")


def _heads_a_note(line: str) -> bool:
    """Whether a typed line is a note's heading (labels.heads_a_note, numbered), one phrase."""
    return not _COLUMN_GAP.search(line.strip()) and labels.heads_a_note(line, numbered=True)


def part_after(source: Source, region: Region, vocabulary: Vocabulary) -> Optional[Region]:
    """The <TABLE> typed under a schedule's <TABLE>, past page furniture and
    a title typed again, or None: where a table too wide for the page is
    typed in two parts, one under the other, the part holding the rest of its
    columns.  Whether the two read as one is the front end's to say, by the
    roles their headings name and their rows (`halves`)."""
    lines = source.lines
    close = region.last
    if _open_of(lines, region) is None:
        return _untagged_part_after(source, region, vocabulary)
    for n in range(close + 1, min(len(lines), close + PART_GAP) + 1):
        line = lines[n - 1]
        if TABLE_OPEN.match(line):
            if _open_of(lines, region) is None or _first_row(lines, n) is None or _titled_a_note(lines, n):
                return None
            return Region(n, _table_end(source, n, vocabulary), n)
        if DOCUMENT_EDGE.match(line) or heads_another_statement(lines, n) or _has_figures(line):
            return None
        if not (BREAK.match(line) or TITLE.search(line) or _is_caption(line) or pages.is_running_head(line)):
            return None
    return None


def _untagged_part_after(source: Source, region: Region, vocabulary: Vocabulary) -> Optional[Region]:
    """Typed without tags, the part under a table: the lines after it down to
    its first row, none a title's or another statement's, heading a balance
    (`balances_headed`), and its block."""
    lines = source.lines
    for n in range(region.last + 1, min(len(lines), region.last + PART_GAP + REACH) + 1):
        line = lines[n - 1]
        if DOCUMENT_EDGE.match(line) or TABLE_OPEN.match(line) or heads_another_statement(lines, n):
            return None
        if _has_figures(line) and not RULE_LINE.match(line):
            top = region.last + 1
            if not balances_headed(lines, top, n - 1, vocabulary):
                return None
            return Region(top, _block_end(source, n, vocabulary=vocabulary), top)
    return None


def part_starts_within(source: Source, region: Region, vocabulary: Vocabulary) -> list[int]:
    """The lines of a table typed without <TABLE> tags where a second part of
    its columns may start: a line after a blank one, under the first row,
    opening lines without figures down to the next row whose headings name a
    balance (the rest of the columns typed under the first part, read by the
    blocks that follow as the same table's).  The front end tries each."""
    lines = source.lines
    if any(TABLE_OPEN.match(lines[n - 1]) for n in range(region.first, region.last + 1)):
        return []  # (tagged: the parts are <TABLE>s, `part_after`)
    rows = [n for n in range(region.first, region.last + 1) if _has_figures(lines[n - 1])]
    starts: list[int] = []
    for n in range(rows[0] + 2 if rows else region.last + 1, region.last + 1):
        if lines[n - 2].strip() or not lines[n - 1].strip() or _has_figures(lines[n - 1]):
            continue
        at = bisect_right(rows, n)
        # (Headings a few lines over the row; a few starts at most: each is laid out to be tried.)
        if at < len(rows) and rows[at] - n <= CAPTION_REACH and balances_headed(lines, n, rows[at] - 1, vocabulary):
            starts.append(n)
            if len(starts) == PART_TRIES:
                break
    return starts


def table_on_next_page(source: Source, last: int) -> Optional[int]:
    """The <TABLE> opened after line `last` across a page break, under page
    furniture alone (no title), its rows printing figures, or None: after a
    table typed in two parts, a continuation no part of it reads (whose rows
    would vanish unsaid)."""
    lines = source.lines
    for n in range(last + 1, min(len(lines), last + PART_GAP) + 1):
        line = lines[n - 1]
        if TABLE_OPEN.match(line):
            return n if pages.broken(lines, last + 1, n) and _first_row(lines, n) is not None \
                and not _titled_a_note(lines, n) else None
        if DOCUMENT_EDGE.match(line) or TITLE.search(line) or heads_another_statement(lines, n) or _has_figures(line):
            return None
        if not (BREAK.match(line) or pages.is_running_head(line)):
            return None
    return None


def _open_of(lines: Sequence[str], region: Region) -> Optional[int]:
    """The last <TABLE> opened in a region (its part nearest the next)."""
    return next((n for n in range(region.last, region.first - 1, -1) if TABLE_OPEN.match(lines[n - 1])), None)


def _rest_of_columns(lines: Sequence[str], first: int, other: int, vocabulary: Vocabulary) -> bool:
    """Whether the <TABLE> at `other` heads a balance the one at `first`
    does not: the rest of its columns, typed under it (the first part lacks
    the balance at end, or the second opens the balances)."""
    first_named = balances_headed(lines, first + 1, _body_top(lines, first) - 1, vocabulary)
    other_named = balances_headed(lines, other + 1, _body_top(lines, other) - 1, vocabulary)
    return bool(other_named - first_named) and len(first_named) < 2


def _past_breaks(lines: Lines, n: int) -> int:
    """The first line from line n on that is no page break nor page furniture
    (BREAK), or len(lines) + 1: runs of empty lines skipped at once."""
    while n <= len(lines):
        n += lines.empty_from(n - 1)
        if n > len(lines) or not BREAK.match(lines[n - 1]) or TABLE_OPEN.match(lines[n - 1]):
            break
        n += 1
    return n


def _same_columns(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the table opening at `other` has the columns of the one at
    `first`: the same <S>/<C> markers where both print them, and no heading
    word the first lacks (a continuation repeats the headings, or prints none).
    A caption of the first's rows is none: a page may end under a period's
    and its group's captions ("Allowances deducted from assets"), the
    headings typed again under them on the next."""
    (first_words, first_marks), (other_words, other_marks) = _heading(lines, first), _heading(lines, other)
    if first_marks and other_marks and first_marks != other_marks:
        return False
    if other_words and other_words < first_words and not _columns_line_up(lines, first, other):
        # Headings of fewer words, the columns standing elsewhere: a table of its own
        # with fewer columns (a one-year table leaving out a movement), not the same.
        return False
    return other_words <= first_words or other_words <= first_words | _caption_words(lines, first)


def _caption_words(lines: Sequence[str], open_line: int) -> set[str]:
    """The words of a <TABLE>'s lines that print no figures, from its body's
    top (its first row's captions) to its end: its periods' and groups' captions."""
    words: set[str] = set()
    n = _body_top(lines, open_line)
    while n <= len(lines) and not TABLE_CLOSE.match(lines[n - 1]) and not TABLE_OPEN.match(lines[n - 1]):
        if not _has_figures(lines[n - 1]):
            words.update(re.findall(r"[a-z]{2,}", without_tags(lines[n - 1]).lower()))
        n += 1
    return words


def _headless_continuation(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the table opening at `other`, on the page after the one at
    `first`, prints no heading and the same column edges: the <S>/<C>
    markers, else where its first row's figures end.  An account's caption
    above it (one page per reserve) then heads its rows, not another table's."""
    return not _heading(lines, other)[0] and _columns_line_up(lines, first, other)


def _reheaded_continuation(lines: Sequence[str], first: int, other: int, vocabulary: Vocabulary) -> bool:
    """Whether the table opening at `other`, on the page after the one at
    `first`, goes on with its columns under headings typed again otherwise
    (a word more or less, wrapped anew, a line left off, column letters
    added): its columns line up with the first's and its headings name a
    schedule's roles.  Its rows are the schedule's, never dropped for a word.
    (Its <S>/<C> line typed anew may stand apart from the first's: its
    figures standing where the first's stand line its columns up too.)"""
    return ((_columns_line_up(lines, first, other) or _figures_line_up(lines, first, other))
            and headed_like_schedule(lines, other + 1, _body_top(lines, other) - 1, vocabulary))


def _columns_line_up(lines: Sequence[str], first: int, other: int) -> bool:
    """The same column edges: the <S>/<C> markers where both print them,
    else where their first rows' figures end."""
    first_marks, other_marks = _markers(lines, first), _markers(lines, other)
    if first_marks and other_marks:
        return first_marks == other_marks
    return _figures_line_up(lines, first, other)


def _figures_line_up(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the two tables' first rows print as many figures, each ending
    where the other's does (a negative's ")" hangs a column past the digits)."""
    first_row, other_row = _first_row(lines, first), _first_row(lines, other)
    if first_row is None or other_row is None:
        return False
    ends, other_ends = _figure_ends(lines[first_row - 1]), _figure_ends(lines[other_row - 1])
    return len(ends) == len(other_ends) and all(abs(a - b) <= 1 for a, b in zip(ends, other_ends))


def _markers(lines: Sequence[str], open_line: int) -> tuple[int, ...]:
    """The columns of a <TABLE>'s <S>/<C> markers, wherever in it they stand
    (a heading's "(1)" can pass for a row: `_heading` stops there), or ()."""
    for n in range(open_line + 1, min(len(lines), open_line + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            break
        if MARKER_LINE.match(lines[n - 1]):
            return tuple(m.start() for m in MARKER.finditer(lines[n - 1]))
    return ()


def _figure_ends(row: str) -> list[int]:
    # (A figure's match runs on over the spaces after it: its edge is its last character's.)
    return [m.start() + len(m.group().rstrip()) for m in pages.FIGURE.finditer(row)]


def _heading(lines: Sequence[str], open_line: int) -> tuple[set[str], tuple[int, ...]]:
    """A <TABLE>'s heading words (above its <S>/<C> line or its body; not
    period or account captions) and the columns of its <S>/<C> markers."""
    words: set[str] = set()
    marks: tuple[int, ...] = ()
    for n in range(open_line + 1, _body_top(lines, open_line)):
        line = lines[n - 1]
        if MARKER_LINE.match(line):
            marks = tuple(m.start() for m in MARKER.finditer(line))
            break
        if not _names_a_block(line.strip()):
            words.update(re.findall(r"[a-z]{2,}", without_tags(line).lower()))
    return words, marks


def _body_top(lines: Sequence[str], open_line: int) -> int:
    """The first line of a <TABLE>'s body: its first row, with the lines
    right above it that end before its figures (a wrapped label's first
    lines, captions).  A continuation after a page break printed without
    headings or markers opens on these: their words are no headings."""
    row = _first_row(lines, open_line)
    if row is None:
        return open_line + 1
    found = FIGURES.search(lines[row - 1])  # (a first row has figures: never None)
    figures_at = found.start() if found else len(lines[row - 1])
    top = row
    while top - 1 > open_line and lines[top - 2].strip() and len(lines[top - 2].rstrip()) <= figures_at:
        top -= 1
    return top


def _close_of(source: Source, open_line: int, n: int) -> int:
    lines = source.lines
    while n <= len(lines):
        line = lines[n - 1]
        if TABLE_CLOSE.match(line):
            return n
        if TABLE_OPEN.match(line) or DOCUMENT_EDGE.match(line):
            raise InputError(
                f"the table opened at line {open_line} is cut off: expected </TABLE> before {line.strip()!r}",
                source.path,
                n,
            )
        n += 1
    raise InputError(
        f"the file ends inside the table opened at line {open_line}: expected </TABLE>",
        source.path,
        len(lines),
    )


def heads_another_statement(lines: Sequence[str], n: int) -> bool:
    """Whether line n heads what a 10-K prints around its Schedule II that is
    none: a note ("NOTE 9 -- STOCK OPTIONS"), another schedule ("SCHEDULE III")."""
    return labels.heads_another_statement(lines[n - 1 : n + 3])


# How many lines above a title's line its first line, the schedule's number, may stand ("SCHEDULE II", a
# blank, the company's name, a blank, "VALUATION AND QUALIFYING ACCOUNTS").
TITLE_HEAD_REACH = 4


def title_units_above(lines: Lines, title_line: int) -> Optional[str]:
    """The units the title's first lines state above its line (the region opens at the line naming
    the schedule: "SCHEDULE II (Dollars in millions)" over "VALUATION AND QUALIFYING ACCOUNTS"): the
    lines from the schedule's number ("SCHEDULE II", labels.SCHEDULE_NUMBER) down to the title's line,
    each a phrase or two without figures (the company's name between, say), blank lines between; None
    where no such line heads the title, so that no prose above it is read for units."""
    if not (1 <= title_line <= len(lines)) or not TITLE.search(lines[title_line - 1]):
        return None
    block: list[str] = []
    for n in range(title_line - 1, max(0, title_line - 1 - TITLE_HEAD_REACH * 2), -1):
        line = lines[n - 1]
        if not line.strip():
            continue
        if len(block) == TITLE_HEAD_REACH or _has_figures(line) or not at_most_two_phrases(line) \
                or line.rstrip().endswith("."):
            return None
        block.append(line)
        if labels.SCHEDULE_NUMBER.match(line):
            return next((u for u in map(labels.stated_units, reversed(block)) if u), None)
    return None


def _has_figures(line: str) -> bool:
    """A row of figures; not heading footnote markers, not a dashed rule
    (whose "---  ---" FIGURES would read as two nils)."""
    if RULE_LINE.match(line) and RULE_SEGMENT.search(line):
        return False
    return bool(FIGURES.search(line)) and not _heading_notes(line)


# A line of small negatives among nils, no word: "(8)     -     -    (12)    (13)", a row (or a wrapped row's
# rest) whose figures read as markers would; a heading's markers stand among words or alone, never beside a nil.
# (Told word by word: one pattern over the line backtracks quadratically on a long run of dashes.)
_NIL_ALONE = lazy_compile(rf"(?:{NIL_DASHES})")


def _nil_among_negatives(line: str) -> bool:
    return not LETTER.search(line) and any(_NIL_ALONE.fullmatch(word) for word in line.split())


def _heading_notes(line: str) -> bool:
    """A heading line whose figures are its footnote markers (HEADING_NOTES), no nil set
    apart among them (a row of small negatives, `_nil_among_negatives`)."""
    if HEADING_NOTES.match(line):
        return not _nil_among_negatives(line)
    return bool(_NO_DIGIT_BUT_MARKERS.match(line) and _MARKER_HEADS_WORDS.search(line))


def _is_caption(line: str) -> bool:
    """A heading between a table and its continuation: a title in capitals,
    or an account's caption ("Inventory obsolescence reserve:") where the
    schedule prints one <TABLE> per account."""
    stripped = line.strip()
    if not stripped or _has_figures(line) or len(stripped) >= 80:
        return False
    return stripped.upper() == stripped or _names_a_block(stripped)


def _names_a_block(text: str) -> bool:
    """An account's caption ("Inventory reserve:") or a period's ("Year
    ended December 31, 1999"), printed above its own <TABLE>."""
    return text.endswith(":") or is_period(text)


def _block_end(source: Source, first_row: int, transposed: bool = False, edges: frozenset[int] = frozenset(),
               first: AbstractSet[str] = frozenset(), vocabulary: Optional[Vocabulary] = None) -> int:
    """A table without <TABLE> tags ends at two blank lines after its figures,
    or where its document ends (or, movements as rows, where no block follows).
    `edges`: where the figures of its rows on earlier pages end (a page's rows
    may leave a column blank that the next page's fill); `first`: the words of
    its title block (no page under another schedule's title carries it on);
    `vocabulary`: the headings' (a note's heading under its rows ends it, `_opens_a_note`)."""
    lines = source.lines
    n, blanks, last_figures, written = first_row, 0, first_row, first_row
    columns = _heading_rule_ends(lines, first_row)
    while n <= len(lines):
        line = lines[n - 1]
        if DOCUMENT_EDGE.match(line) or TABLE_OPEN.match(line) or TABLE_CLOSE.match(line):
            break
        if not line.strip():
            blanks += 1
            if blanks >= 2 and n > last_figures and not _next_period_follows(lines, n) and not (
                    transposed and rollforward.block_follows(lines, n)) and not (
                    _next_block_in_columns(lines, n, edges | columns | figure_ends(lines, first_row, last_figures))) and not (
                    written > last_figures and _caption_over_rows(lines, written, n)) and not _ruled_on(lines, written, n) \
                    and not (n == last_figures + 2 and _balance_under(lines, last_figures, n + 1)):
                break
        else:
            if n > last_figures and vocabulary is not None and _opens_a_note(lines, first_row - REACH, n, vocabulary, any_case=True) \
                    and not _footnotes_over_next_period(lines, first_row, n):
                break  # a note's heading under the rows ("(5) ALLOWANCE ...", "NOTE 5. ..."): its table is the note's
            blanks, written = 0, n
            if _is_row(line, transposed) or _balance_under(lines, last_figures, n) \
                    or _under_a_row_of_one(lines, n) or _ruled_total_of_one(lines, n):
                last_figures = n
        n += 1
    resumed = _resumes_after_page_break(lines, last_figures, transposed)
    if resumed and not _another_schedule_resumes(lines[last_figures : resumed - 1], first):
        return _block_end(source, resumed, transposed, edges | figure_ends(lines, first_row, last_figures), first, vocabulary)
    return _footer_caption_end(lines, _wrapped_label_end(lines, last_figures))


def _footnotes_over_next_period(lines: Sequence[str], first_row: int, n: int) -> bool:
    """Whether the line numbered alone at n, under an untagged table's rows from `first_row`, and
    the lines numbered or marked under it stand over the table's next period (`_next_period_follows`:
    its caption, figures under it) whose caption names a year the rows above named none of: the
    rows' footnotes ("1. Uncollectible accounts"), the next year's rows under them, as a <TABLE> a
    year is asked (`_next_one_year_table`); a note's table copying a year's caption names one
    the schedule printed."""
    if labels.NOTE_HEADING.match(lines[n - 1]):
        return False
    k = n
    while k < len(lines) and (not lines[k].strip() or NUMBERED_LINE.match(lines[k]) or FOOTNOTE_LINE.match(lines[k])):
        k += 1
    if k >= len(lines) or not _next_period_follows(lines, k):
        return False
    year = labels.year_named(lines[k].strip())
    return year is not None and year not in _years_named(lines, Region(max(1, first_row - CAPTION_REACH), n - 1, first_row))


def _heading_rule_ends(lines: Sequence[str], first_row: int) -> frozenset[int]:
    """Where the columns of the rule under the headings end, right above the first
    row (<S> <C> and blank lines between): the table's columns as its headings set
    them, a column its first period leaves blank included (its figures in the
    next period, the periods uncaptioned, are the same table's)."""
    for line in reversed(lines[max(first_row - 10, 0) : first_row - 1]):  # (captions between, double spaced too)
        if _has_figures(line):
            break
        if RULE_LINE.match(line) and line.strip():
            ends = [m.end() for m in RULE_SEGMENT.finditer(line)]
            return frozenset(ends) if len(ends) > 1 else frozenset()
    return frozenset()


def _footer_caption_end(lines: Sequence[str], end: int) -> int:
    """The line of the last period's caption printed under its rows (a
    footer: "Year ended December 31, 2001" right under the last row or its
    rules (one blank line between at most: a table goes on past one), a blank
    line or the file's end under it), else `end`.  Untagged, no </TABLE>
    holds it in the table: left out, the rows above it would be read as the
    next caption's, the last caption's own rows under the one before."""
    at, blank = end, False
    while at < len(lines) and RULE_LINE.match(lines[at]) and not (blank and not lines[at].strip()):
        blank = blank or not lines[at].strip()
        at += 1  # (the total's rules between, "=====", and one blank line at most: double spaced)
    if at >= len(lines):
        return end
    caption = lines[at].strip()
    if not caption or FIGURES.search(lines[at]) or not is_period(caption):
        return end
    return at + 1 if at + 1 >= len(lines) or not lines[at + 1].strip() else end


def _another_schedule_resumes(gap: Sequence[str], first: AbstractSet[str]) -> bool:
    """Whether the lines between a table's last row and rows after a page break
    open another schedule (labels.opens_another_schedule) that prints its own
    headings: a page carrying the table on under a running head may print none,
    a schedule of its own always does."""
    return any(labels.BALANCE_WORD.search(line) for line in gap) and labels.opens_another_schedule(gap, set(first))


def _lone_entry(line: str) -> bool:
    """A line of one entry right under a row: the rest of that row (LONE_FIGURE),
    or a row of its own whose one entry is a nil (LONE_NIL; not a rule's last dashes)."""
    return bool(LONE_FIGURE.match(line) or LONE_NIL.match(line) and not RULE_LINE.match(line))


def _balance_under(lines: Sequence[str], row: int, n: int) -> bool:
    """Line n one entry under line `row`, right under it or one or two blank lines down (double
    or quadruple spacing): the rest of that row (`_lone_entry`)."""
    return row < n <= min(row + 3, len(lines)) and _lone_entry(lines[n - 1]) \
        and not any(line.strip() for line in lines[row : n - 1])


def _under_a_row_of_one(lines: Sequence[str], n: int) -> bool:
    """Line n a lone figure right under a labelled line of one figure: a row
    whose other columns are blank, its balance at end printed on the line
    under it (a period of that one row is no row of two figures for _is_row)."""
    if n < 2 or not LONE_FIGURE.match(lines[n - 1]):
        return False
    label, _, last = lines[n - 2].rstrip().rpartition("  ")
    return bool(LONE_ROW_FIGURE.fullmatch(last.strip())) and any(c.isalpha() for c in label) \
        and not _has_figures(label)


def _ruled_total_of_one(lines: Sequence[str], n: int) -> bool:
    """Line n a total of one figure under its rule ("Total      $353"): the
    balance at end of a period whose other totals are nils printed blank."""
    if n < 2 or not RULE_SEGMENT.search(lines[n - 2]) or not RULE_LINE.match(lines[n - 2]):
        return False
    label, _, last = lines[n - 1].strip().partition("  ")
    return bool(labels.TOTAL.match(label)) and bool(LONE_ROW_FIGURE.fullmatch(last.strip()))


def _wrapped_label_end(lines: Sequence[str], last_row: int) -> int:
    """The last line of the last row's label wrapped under it: the lines right
    below (no blank between), no figures, set in from the label or going on
    in lower case ("  doubtful accounts"), within the label's column (left of
    the row's first figure).  Untagged, no </TABLE> holds them in the table; a
    note under it opens with its mark, "See accompanying notes." flush left."""
    row = lines[last_row - 1]
    found = FIGURES.search(row)
    if found is None:  # (movements as rows: a row of one figure)
        return last_row
    label_at, figures_at = len(row) - len(row.lstrip()), found.end(1)
    n = last_row
    while n < len(lines) and _continues_label(lines[n], label_at, figures_at):
        n += 1
    return n


def _continues_label(line: str, label_at: int, figures_at: int) -> bool:
    text = line.strip()
    set_in = len(line) - len(line.lstrip()) > label_at
    return (bool(text) and not _has_figures(line) and not RULE_LINE.match(line) and not BREAK.match(line)
            and len(line.rstrip()) <= figures_at and (set_in or text[0].islower())
            and not TABLE_OPEN.match(line) and not HEADING_NOTES.match(line))


def _next_period_follows(lines: Sequence[str], blank: int) -> bool:
    """After blank lines, the table's next period: its caption ("Fiscal 1995:",
    "Year ended March 31, 1997"), then figures within a few lines.  Filings
    that double-space their rows leave two blank lines between periods.
    (Between caption and figures: group captions and a label's wrapped lines.)"""
    following = [line for line in lines[blank : blank + PAGE_GAP] if line.strip()][:8]
    return (bool(following) and is_period(following[0].strip()) and not _has_figures(following[0])
            and any(_has_figures(line) for line in following[1:])
            or bool(following) and _period_in_first_cell(following[0])
            and any(_has_figures(line) for line in following[:8])
            or len(following) > 1 and _names_an_account(following[0]) and _opens_with_its_period(following[1]))


def _period_in_first_cell(line: str) -> bool:
    """A period's label in the first cell, words after it: the period's first row
    ("Year ended December 31, 2004   Allowance for doubtful accounts   $16,422 ...") or
    its group's caption ("2010   Deducted from asset accounts:").  (Not a year over
    figures alone, "1997   $1,234", as a table of future payments prints its years.)"""
    cells = re.split(r"\s{2,}|\$", line.strip(), maxsplit=1)
    return len(cells) == 2 and cells[1][:1].isalpha() and is_period(cells[0])


def _next_block_in_columns(lines: Sequence[str], blank: int, edges: AbstractSet[int]) -> bool:
    """After blank lines, more of the same table: a row whose figures end where
    the table's own figures end, or a caption alone on its line ("Warranty",
    "Returns and allowances:") over such a row.  The table's columns are the
    evidence, not the caption's words: a double-spaced table leaves two blank
    lines before each account's caption, whatever the account is called (and
    a table typed with two between its rows, two before each row: a reserve's
    label printed alone, no figure that year, over the next period's caption,
    a group's caption over it, between the period's caption and its first row, or none).  Rules above the row
    are passed over: a block whose total is printed above its rows opens on the total's rule."""
    following = [line for line in lines[blank : blank + PAGE_GAP] if line.strip() and not RULE_LINE.match(line)][:6]
    rest = _past_captions(following)
    if rest and is_period(rest[0].strip()) and not _has_figures(rest[0]):
        rest = _past_captions(rest[1:])
    return _row_in_columns(rest, edges)


def _past_captions(following: Sequence[str]) -> Sequence[str]:
    """The lines after the captions (up to two, not a period's) that open them: a group's caption
    over a reserve's label printed alone, no figure that year."""
    k = 0
    while k < min(2, len(following)) and _is_block_caption(following[k]) and not is_period(following[k].strip()):
        k += 1
    return following[k:]


def _row_in_columns(following: Sequence[str], edges: AbstractSet[int]) -> bool:
    """The first of the lines a row in the table's columns: two figures or more, or one labelled
    figure (its other columns blank) over its balance alone, more rows or the next period's caption."""
    return bool(following) and _in_columns(following[0], edges) or (
        len(following) >= 2 and _one_figure_in_columns(following[0], edges) and (
            _in_columns(following[1], edges) or bool(LONE_FIGURE.match(following[1]))
            or is_period(following[1].strip()) and not _has_figures(following[1])))


def _next_written(lines: Sequence[str], blank: int) -> str:
    """The first line not blank after line `blank` (within a page's gap), or ""."""
    return next((line for line in lines[blank : blank + PAGE_GAP] if line.strip()), "")


def _is_rule(line: str) -> bool:
    return bool(RULE_LINE.match(line) and RULE_SEGMENT.search(line))


def _caption_over_rows(lines: Sequence[str], caption: int, blank: int) -> bool:
    """Line `caption` a period's or a group's caption ("Year ended December 31, 2020:",
    "Allowances deducted from assets", a colon or none) typed with blank lines under it: the rows
    under it are the table's (its period's next caption and figures within a few lines)."""
    if _next_period_follows(lines, caption - 1):
        return True
    return (_names_a_block(lines[caption - 1].strip()) or _is_block_caption(lines[caption - 1])) \
        and _has_figures(_next_written(lines, blank))


def _ruled_on(lines: Sequence[str], written: int, blank: int) -> bool:
    """After blank lines, a rule (over a total or under one: what follows it decides where the
    table ends), or a total's row under the rule last written ("Total allowances   $275 ...",
    however its figures stand): a table typed with two blank lines after every line."""
    following = _next_written(lines, blank)
    return _is_rule(following) or _is_rule(lines[written - 1]) and _has_figures(following) \
        and bool(labels.TOTAL.match(following.strip()))


def _one_figure_in_columns(line: str, edges: AbstractSet[int]) -> bool:
    """A labelled row of one figure, last on its line and ending where the table's figures
    end ("Adoption of ASC 326 on January 1, 2020       412"): a row whose other columns
    are blank, more rows, its balance alone on the line under it or the next period's
    caption under it."""
    label, _, last = line.rstrip().rpartition("  ")
    return any(c.isalpha() for c in label) and not _has_figures(label) \
        and bool(LONE_ROW_FIGURE.fullmatch(last.strip())) and any(abs(len(line.rstrip()) - e) <= 1 for e in edges)


def _is_block_caption(line: str) -> bool:
    """A short phrase alone on its line, no figures: an account's or a group's caption."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) < 60 and not re.search(r"\s{2,}", stripped) and not _has_figures(line) \
        and not TABLE_OPEN.match(line) and not PAGE_TAG.match(line)


# A figure set apart from what precedes it (two spaces, or its "$"), as a row's
# columns print it, with its footnote marker; not a digit of its label ("December 31, 1996").
# (A negative's parenthesis after a blank, "(162 )": its digits' end or the parenthesis', either
# the column's edge as typed.  A minus sign a blank before its amount, "− 155,000", is the
# amount's, no nil.)
_SET_FIGURE = lazy_compile(rf"(?:(?<=\s\s)|(?<=\$)|(?<=\$\s)|(?<=[{MINUS_SIGNS}] )|^)"
                         rf"(\(?[\d,]*\d(?:\.\d+)?(?:\)|{_AFTER})?|(?:{_NIL})(?! \d))(?: \))?"
                         r"(?:\(\w{1,2}\)|\*{1,3}|\d{1,2}/)*(?=\s|$)", re.IGNORECASE)


def figure_ends(lines: Sequence[str], first: int, last: int) -> set[int]:
    """Where the figures of the table's rows (lines `first` to `last`) end, with
    or without their markers: its columns' edges."""
    return {end for line in lines[first - 1 : last] if _has_figures(line)
            for m in _SET_FIGURE.finditer(line) for end in (m.end(1), m.end())}


def _in_columns(line: str, edges: AbstractSet[int]) -> bool:
    """A row of two or more figures, each ending where the table's figures end
    (with or without its marker, a character either way: a typist's hand), or
    where they end moved as far as the row's last figure is (a sign hanging past
    its column, "(94 )", pushed the rest of the line a character right)."""
    found = list(_SET_FIGURE.finditer(line))
    if not (_has_figures(line) and len(found) >= 2):
        return False
    if _all_near(found, edges):
        return True
    shift = min((end - edge for edge in edges for end in _edges_of(found[-1])), key=abs, default=0)
    return abs(shift) == 1 and _all_near(found, {edge + shift for edge in edges})


def _all_near(found: "Sequence[re.Match[str]]", edges: AbstractSet[int]) -> bool:
    return all(any(abs(end - edge) <= 1 for edge in edges for end in _edges_of(m)) for m in found)


def _edges_of(figure: "re.Match[str]") -> tuple[int, ...]:
    """Where a figure set in its column may meet the column's edge: its end, its marker's, and a
    negative's digits' ("(688)", "688-", "688CR": the sign hangs past the edge, on a line a typist
    already set a space right)."""
    body = figure.group(1)
    if body[-1:].isdigit() or not body[:1].isdigit() and not body.startswith("("):
        return figure.end(1), figure.end()
    return figure.end(1), figure.end(), figure.start(1) + len(body.rstrip(")-CRcr "))


def _names_an_account(line: str) -> bool:
    """A caption, no figures, naming a reserve or the asset it is deducted from
    ("Reserve for inventory obsolescence"), with or without a ":"."""
    return not _has_figures(line) and bool(ACCOUNT_WORD.search(line) or RESERVED_ASSET.search(line))


def _opens_with_its_period(line: str) -> bool:
    """A row of figures whose label is its period ("  1996   1,234 ...",
    "  Year ended December 31, 1996   $1,234 ..."): under the line above it, an
    account's caption, with or without a ":", opening the next account's block."""
    label = re.split(r"\s{2,}|\$", line.strip(), maxsplit=1)[0]
    return _has_figures(line) and bool(label) and is_period(label)


# How far past a page break an untagged table's figures may resume.
PAGE_GAP = 30


def _is_row(line: str, transposed: bool) -> bool:
    """A row of figures: of two or more, or, movements as rows, of one with its label."""
    return _has_figures(line) or transposed and rollforward.is_row(line)


def _resumes_after_page_break(lines: Sequence[str], end: int, transposed: bool = False) -> Optional[int]:
    """The first figure row of the same table on the next page, or None.

    Only across evidence of a page break (<PAGE>, a form feed, a
    "(continued)" title), past page numbers, titles and repeated headings:
    two schedules one after the other are never joined."""
    broke = False
    for n in range(end + 1, min(len(lines), end + PAGE_GAP) + 1):
        line = lines[n - 1]
        if DOCUMENT_EDGE.match(line) or TABLE_OPEN.match(line) or TABLE_CLOSE.match(line):
            return None
        if broke and (heads_another_statement(lines, n) or _heads_a_note(line)):
            return None  # the next page is Schedule III's, or the notes': not this table's
            # (a note under the table, before the break, is its footnote)
        if "\f" in line or PAGE_TAG.match(line) or CONTINUED.search(line):
            broke = True
        elif _is_row(line, transposed) and not RULE_LINE.match(line):
            return n if broke else None
    return None

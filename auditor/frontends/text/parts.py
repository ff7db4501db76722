"""The tables under a schedule's table that are more of it: the next year's
<TABLE> under one title, a second part holding the rest of the columns (a table
too wide for the page, typed one part under the other), a continuation on the
next page after the parts.

Each is offered as a region of its own; whether parts read as one is the front
end's to say (`halves`).  A note's table, prose between, or another title ends
the search: none is ever joined by guess.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import AbstractSet, Optional, Sequence

from auditor import labels
from auditor.frontends.text import pages, rollforward
from auditor.frontends.text.headings import Vocabulary, balances_headed, headed_like_schedule
from auditor.frontends.text.line_kinds import RULE_LINE, has_figures, is_caption, label_of
from auditor.frontends.text.markup import BREAK, DOCUMENT_EDGE, TABLE_OPEN
from auditor.frontends.text.note_headings import (FOOTNOTE_LINE, NUMBERED_LINE, heads_a_note, heads_another_statement,
                                                  opens_a_note, titled_a_note)
from auditor.frontends.text.region import CAPTION_REACH, PART_GAP, PART_TRIES, REACH, Region
from auditor.frontends.text.table_columns import first_row_of, heading_of, open_of
from auditor.frontends.text.tagged_end import table_end
from auditor.frontends.text.untagged_end import block_end
from auditor.labels import TITLE
from auditor.lazy_pattern import lazy_compile
from auditor.source import Source


def next_one_year_table(source: Source, region: Region, vocabulary: Vocabulary,
                         years: AbstractSet[int] = frozenset()) -> Optional[Region]:
    """The <TABLE> right under a schedule's table that `table_end` did not join,
    past blank lines, page furniture and the first table's footnotes alone (no
    title, no prose), headed like a schedule: one of several tables under one
    title, each of its own year with its own columns ("Year ended December 31,
    2003" printing a column 2002 has no figure in).  A region of its own,
    read as a schedule of its own (joined to the first where their columns
    agree, `layout.joined_years`); not joined, its rows would vanish unsaid.
    `years`: those the schedule's tables named so far (under a line numbered alone, a table
    naming one of them again is a note's roll-forward by year, "5. Reserves", no next year)."""
    lines = source.lines
    first_open = open_of(lines, region)
    if first_open is None:
        return _next_untagged_table(source, region, vocabulary)
    numbered = False  # a line numbered alone above ("1. Uncollectible accounts"): a note's heading or a footnote
    for n in range(region.last + 1, min(len(lines), region.last + PART_GAP) + 1):
        line = lines[n - 1]
        if TABLE_OPEN.match(line):
            first_row = first_row_of(lines, n)
            if first_row is None or titled_a_note(lines, n) or rollforward.transposed(lines, n, first_row, vocabulary) \
                    or not headed_like_schedule(lines, n, first_row, vocabulary) \
                    or numbered and not (_headed_within(lines, first_open, n) and _names_a_new_year(lines, n, first_row, years)):
                return None
            return Region(n, table_end(source, n, vocabulary), n)
        if not line.strip():
            continue
        # (Page furniture or a footnote, no title, no figures: anything else ends the search.)
        if not (BREAK.match(line) or FOOTNOTE_LINE.match(line) or NUMBERED_LINE.match(line)) or TITLE.search(line) \
                or has_figures(line) or DOCUMENT_EDGE.match(line):
            return None
        if heads_a_note(line) and pages.broken(lines, region.last + 1, n) or labels.NOTE_HEADING.match(line.strip()):
            return None  # (a note numbered alone opens the next page, "(5) ALLOWANCE ...", or a note by its word)
        # (Numbered alone, marking nothing in the table: a note's heading, unless the next table is
        # headed as this one, the next year's under its footnote, "1. Uncollectible accounts".)
        numbered = numbered or opens_a_note(lines, region.first, n, vocabulary, any_case=True) or not heads_a_note(line) \
            and not FOOTNOTE_LINE.match(line) and not BREAK.match(line)  # ("1. uncollectible accounts", "(5) allowance ...": any case)
    return None


def _names_a_new_year(lines: Sequence[str], open_line: int, first_row: int, years: AbstractSet[int]) -> bool:
    """Whether a table names a year over its first row or in that row's label ("Year ended
    December 31, 1996:", "1996"), none of `years`: a year's table, not a note's of its accounts,
    nor a note's roll-forward by year of the years the schedule printed (labels.year_named)."""
    label = label_of(lines[first_row - 1])
    named = [labels.year_named(lines[k - 1]) for k in range(open_line + 1, first_row)] + [labels.year_named(label)]
    return any(year is not None for year in named) and not any(year in years for year in named)


def _headed_within(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the table opening at `other` prints headings, none a word the table at `first`
    lacks: the same schedule's next year (leaving out a movement, perhaps), not a note's table
    ("Provision for Bad Debts", "Write-offs" under "(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS")."""
    words = heading_of(lines, other)[0]
    return bool(words) and words <= heading_of(lines, first)[0]


def _next_untagged_table(source: Source, region: Region, vocabulary: Vocabulary) -> Optional[Region]:
    """Typed without tags, `next_one_year_table`'s: past blank lines, page
    furniture and footnotes alone, lines of headings naming a schedule's
    balances over a row of figures, none of them a title's or prose."""
    lines = source.lines
    top = None
    for n in range(region.last + 1, min(len(lines), region.last + PART_GAP + 2 * CAPTION_REACH) + 1):
        line = lines[n - 1]
        if DOCUMENT_EDGE.match(line) or TABLE_OPEN.match(line) or TITLE.search(line) or heads_another_statement(lines, n) \
                or opens_a_note(lines, region.first, n, vocabulary, any_case=True):
            return None
        if has_figures(line) and not RULE_LINE.match(line):
            if top is None or n - top > 2 * CAPTION_REACH or not headed_like_schedule(lines, top, n, vocabulary) \
                    or not balances_headed(lines, top, n - 1, vocabulary) or rollforward.transposed(lines, top, n, vocabulary):
                return None
            return Region(top, block_end(source, n, vocabulary=vocabulary), top)
        if top is None and not (BREAK.match(line) or FOOTNOTE_LINE.match(line) or RULE_LINE.match(line)):
            top = n
        elif top is not None and SENTENCE_LINE.search(line):
            return None  # (prose between: a note's table, not the schedule's)
    return None


# A line of prose: words ending a sentence.
SENTENCE_LINE = lazy_compile(r"(?<![a-z])[a-z]{2,}+[.;]\s*+$")  # (tried once per word: linear)


def part_after(source: Source, region: Region, vocabulary: Vocabulary) -> Optional[Region]:
    """The <TABLE> typed under a schedule's <TABLE>, past page furniture and
    a title typed again, or None: where a table too wide for the page is
    typed in two parts, one under the other, the part holding the rest of its
    columns.  Whether the two read as one is the front end's to say, by the
    roles their headings name and their rows (`halves`)."""
    lines = source.lines
    close = region.last
    if open_of(lines, region) is None:
        return _untagged_part_after(source, region, vocabulary)
    for n in range(close + 1, min(len(lines), close + PART_GAP) + 1):
        line = lines[n - 1]
        if TABLE_OPEN.match(line):
            if open_of(lines, region) is None or first_row_of(lines, n) is None or titled_a_note(lines, n):
                return None
            return Region(n, table_end(source, n, vocabulary), n)
        if DOCUMENT_EDGE.match(line) or heads_another_statement(lines, n) or has_figures(line):
            return None
        if not (BREAK.match(line) or TITLE.search(line) or is_caption(line) or pages.is_running_head(line)):
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
        if has_figures(line) and not RULE_LINE.match(line):
            top = region.last + 1
            if not balances_headed(lines, top, n - 1, vocabulary):
                return None
            return Region(top, block_end(source, n, vocabulary=vocabulary), top)
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
    rows = [n for n in range(region.first, region.last + 1) if has_figures(lines[n - 1])]
    starts: list[int] = []
    for n in range(rows[0] + 2 if rows else region.last + 1, region.last + 1):
        if lines[n - 2].strip() or not lines[n - 1].strip() or has_figures(lines[n - 1]):
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
            return n if pages.broken(lines, last + 1, n) and first_row_of(lines, n) is not None \
                and not titled_a_note(lines, n) else None
        if DOCUMENT_EDGE.match(line) or TITLE.search(line) or heads_another_statement(lines, n) or has_figures(line):
            return None
        if not (BREAK.match(line) or pages.is_running_head(line)):
            return None
    return None

"""Where a <TABLE>-tagged schedule ends: its </TABLE>, or past page breaks the
last of the <TABLE>s that carry it on.

A continuation is joined only across page furniture (a page number, a
running head, the title typed again, an account's caption) and only with the
same columns; a note's or another schedule's table after the break ends it.
A table never closed is refused (an input error), never read half.
"""

from __future__ import annotations

from typing import AbstractSet

from auditor import labels
from auditor.errors import InputError
from auditor.frontends.text import pages
from auditor.frontends.text.headings import Vocabulary, headed_like_schedule
from auditor.frontends.text.line_kinds import is_caption, names_a_block
from auditor.frontends.text.markup import BREAK, DOCUMENT_EDGE, TABLE_CLOSE, TABLE_OPEN
from auditor.frontends.text.note_headings import heads_a_note, heads_another_statement, opens_a_note, titled_a_note
from auditor.frontends.text.table_columns import (body_top, first_row_of, heading_of, headless_continuation,
                                                  reheaded_continuation, rest_of_columns, same_columns)
from auditor.labels import TITLE
from auditor.source import Lines, Source


def table_end(source: Source, open_line: int, vocabulary: Vocabulary, first: AbstractSet[str] = frozenset()) -> int:
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
            if paged and heads_a_note(line) or opens_a_note(lines, first_open, look, vocabulary):
                return close  # the next page opens a note numbered alone ("(5) ALLOWANCE FOR DOUBTFUL ACCOUNTS"), or a
                # line under the table does, its number marking nothing in the table (no footnote of the table's)
            if not (BREAK.match(line) or TITLE.search(line) or is_caption(line) or paged and pages.is_running_head(line)):
                return close
            account = account or names_a_block(line.strip())
            look += 1
        if look > len(lines) or not TABLE_OPEN.match(lines[look - 1]) or titled_a_note(lines, look):
            return close
        if heading_of(lines, look)[0] and labels.opens_another_schedule(lines[close : look - 1], set(first)):
            return close  # (another registrant's schedule, headed and read under its own title)
        # After an account's or a period's caption, the next table is the
        # schedule's only if it is headed like one ("Accounts receivable
        # consisted of:" is prose).
        if (account and not headed_like_schedule(lines, look, first_row_of(lines, look) or look, vocabulary)
                and not (paged and headless_continuation(lines, first_open, look))):
            pages.refuse_unjoined(source, close, look, paged, (first_row_of(lines, first_open), first_row_of(lines, look)),
                                  headless=not heading_of(lines, look)[0])
            return close
        if not (same_columns(lines, first_open, look) or paged and reheaded_continuation(lines, first_open, look, vocabulary)):
            if rest_of_columns(lines, first_open, look, vocabulary):
                return close  # the table's second part: the front end joins it (`part_after`)
            pages.refuse_unjoined(source, close, look, paged, (first_row_of(lines, first_open), first_row_of(lines, look)),
                                  headed_like_schedule(lines, look + 1, body_top(lines, look) - 1, vocabulary),
                                  not heading_of(lines, look)[0])
            return close  # another schedule (a subsidiary's), however its page is headed
        open_line, n = look, look + 1


def _past_breaks(lines: Lines, n: int) -> int:
    """The first line from line n on that is no page break nor page furniture
    (BREAK), or len(lines) + 1: runs of empty lines skipped at once."""
    while n <= len(lines):
        n += lines.empty_from(n - 1)
        if n > len(lines) or not BREAK.match(lines[n - 1]) or TABLE_OPEN.match(lines[n - 1]):
            break
        n += 1
    return n


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

"""Find the Schedule II tables in a file, without parsing anything else.

A fast scan: one regular expression over the whole text for the schedule's
title, then, from each title, the table that follows it.  Only the lines of
a located region go to the grammar.  A title that merely mentions the
schedule (an index line, "see Schedule II") is passed over: the table after
a title must be headed like a schedule (`headings`), or print its
movements as rows (`rollforward`).

This module finds the titles and the table under each; the rest it asks of
the modules that each decide one thing: `markup` (tags, page breaks),
`line_kinds` (what one line is), `note_headings` (a note's heading, not the
schedule's), `table_columns` and `tagged_end` (a <TABLE>'s columns and end),
`block_columns` and `untagged_end` (an untagged table's), `parts` (the tables
under a schedule's that are more of it), `region` (the located lines, reaches).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional, Sequence

from auditor import labels
from auditor.frontends.text import pages, rollforward
from auditor.frontends.text.documents import html_documents as html_documents  # (the pipeline's: locate.html_documents)
from auditor.frontends.text.headings import (Vocabulary, at_most_two_phrases, bundled_vocabulary, headed_like_schedule,
                                             is_title_line, vocabulary_of)
from auditor.frontends.text.line_kinds import DIGIT, has_figures, markers_over_columns, years_named
from auditor.frontends.text.markup import CAPTION_LINE, DOCUMENT_EDGE, MARKER_LINE, TABLE_CLOSE, TABLE_OPEN
from auditor.frontends.text.note_headings import heads_another_statement
from auditor.frontends.text.parts import next_one_year_table
from auditor.frontends.text.region import CAPTION_REACH, PART_GAP, REACH, Region
from auditor.frontends.text.table_columns import first_row_of
from auditor.frontends.text.tagged_end import table_end
from auditor.frontends.text.untagged_end import block_end
from auditor.labels import TITLE
from auditor.lazy_pattern import lazy_compile
from auditor.source import Lines, Source

# The entry points other modules import from here (the text front end's, the pipeline's, wrapped's, the tests').
from auditor.frontends.text.line_kinds import FIGURES as FIGURES, LONE_FIGURE as LONE_FIGURE
from auditor.frontends.text.parts import part_after as part_after, part_starts_within as part_starts_within
from auditor.frontends.text.parts import table_on_next_page as table_on_next_page


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
            years |= years_named(source.lines, region)
            region = next_one_year_table(source, region, vocabulary, years)
    return found


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


def _table_after(source: Source, title: int, vocabulary: Vocabulary, indexed: bool = False) -> Optional[Region]:
    """The schedule under the title at line `title`: the first table within REACH lines, tagged
    or not, headed like a schedule (or printing its movements as rows); None where another title,
    document or note comes first, or the title is a mention (an index's line, a sentence)."""
    lines = source.lines
    if not indexed and labels.is_index_entry(lines[title - 1]):
        return None  # an index's line, the schedule's page at its end (labels.INDEX_ENTRY): a mention
    caption_of = _open_table_above(lines, title)
    limit = min(len(lines), title + REACH)
    first = _title_block(lines, caption_of or title, title)
    for n in range(title, limit + 1):
        line = lines[n - 1]
        if n > title and (is_title_line(line) and not has_figures(line) or DOCUMENT_EDGE.match(line)
                          or heads_another_statement(lines, n)):
            return None  # another title (or document, or note) first: this one was a mention
        if TABLE_CLOSE.match(line):
            if caption_of is None:
                return None  # the title sat in some other table, an index
            caption_of = None  # the title had a table of its own; the schedule's follows
            continue
        if TABLE_OPEN.match(line) and caption_of is None:
            return _tagged_table_under(source, title, n, vocabulary, first)
        figures = has_figures(line) and not _years_over_headings(lines, n, vocabulary) and not markers_over_columns(lines, n)
        if figures or rollforward.is_row(line) and rollforward.one_column(lines, caption_of or title, n, vocabulary, title):
            transposed = not figures or rollforward.transposed(lines, caption_of or title, n, vocabulary, title)
            if not (transposed or headed_like_schedule(lines, caption_of or title, n, vocabulary)):
                return None
            if caption_of is not None:
                return Region(caption_of, table_end(source, caption_of, vocabulary, first(n)), title, transposed)
            return Region(title, block_end(source, n, transposed, first=first(n), vocabulary=vocabulary), title, transposed)
    return None


def _tagged_table_under(source: Source, title: int, open_line: int, vocabulary: Vocabulary,
                        first: Callable[[int], set[str]]) -> Optional[Region]:
    """The schedule in the <TABLE> opened at `open_line`, the first under the title at line `title`,
    or None: a table printing its own title in its caption (the one above was a sentence's), or
    headed like no schedule.  `first`: the words of the title block down to a given row."""
    lines = source.lines
    if _titled_in_caption(lines, open_line):
        return None  # the table's own title is in its caption: this one (a report's sentence) was a mention
    first_row = first_row_of(lines, open_line)
    one = first_row_of(lines, open_line, rollforward.is_row)  # (a row of one figure too)
    if one is not None and one != first_row and rollforward.one_column(lines, title, one, vocabulary):
        return Region(title, table_end(source, open_line, vocabulary, first(one)), title, True)
    if first_row is None:
        first_row = _row_past_rowless_page(source, open_line, vocabulary)
    if first_row is None:
        return None
    if _years_over_headings(lines, first_row, vocabulary):
        first_row = first_row_of(lines, first_row)  # (the years heading groups of columns: periods side by side)
        if first_row is None:
            return None
    transposed = rollforward.transposed(lines, title, first_row, vocabulary)
    if not (transposed or headed_like_schedule(lines, title, first_row, vocabulary)):
        return None
    return Region(title, table_end(source, open_line, vocabulary, first(first_row)), title, transposed)


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


def _page_top(lines: Sequence[str], title: int) -> int:
    """The first line (1-based) of the title block over line `title`: the
    lines above it up to the page's top (<PAGE>, a form feed), each a short
    line of a title's words; not past a tag (a table's end, a document's
    edge), a row of figures or a line of prose (more words than a title prints)."""
    n = title
    while n > 1 and title - n < TITLE_BLOCK_REACH:
        above = lines[n - 2]
        if "\f" in above or above.strip() and ("<" in above or len(above.split()) > TITLE_BLOCK_WORDS
                                                or DIGIT.search(above) and has_figures(above)):
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
    page) and goes on past the break (`table_end`): the continuation's first
    row, or None."""
    lines = source.lines
    close = next((n for n in range(open_line + 1, min(len(lines), open_line + REACH) + 1) if TABLE_CLOSE.match(lines[n - 1])), None)
    if close is None or not pages.broken(lines, close + 1, min(len(lines), close + PART_GAP)):
        return None
    end = table_end(source, open_line, vocabulary)
    reopened = next((n for n in range(close + 1, end + 1) if TABLE_OPEN.match(lines[n - 1])), None)
    return first_row_of(lines, reopened) if reopened is not None else None


# A title in a <CAPTION>: centred (set well in) or the schedule's number at the margin.
CAPTION_TITLE = lazy_compile(r"^(\s{8,}\S|\s*SCHEDULE\b)", re.IGNORECASE)


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
    below = first_row_of(lines, n)
    return below is not None and below > n + 1 and headed_like_schedule(lines, n + 1, below - 1, vocabulary)


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
        if len(block) == TITLE_HEAD_REACH or has_figures(line) or not at_most_two_phrases(line) \
                or line.rstrip().endswith("."):
            return None
        block.append(line)
        if labels.SCHEDULE_NUMBER.match(line):
            return next((u for u in map(labels.stated_units, reversed(block)) if u), None)
    return None

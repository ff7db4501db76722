"""Where a schedule typed without <TABLE> tags ends: at two blank lines after
its figures, unless what follows is more of it (its next period, an account's
block in its columns, a balance alone under its row, a total under a rule),
or past a page break its rows resume.

The last row's wrapped label and a period's caption printed as a footer are
the table's too; a note's heading under its rows ends it.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Optional, Sequence

from auditor import labels
from auditor.frontends.text import rollforward
from auditor.frontends.text.block_columns import figure_ends, heading_rule_ends, next_block_in_columns
from auditor.frontends.text.headings import Vocabulary
from auditor.frontends.text.line_kinds import (FIGURES, HEADING_NOTES, LONE_FIGURE, LONE_NIL, LONE_ROW_FIGURE, RULE_LINE,
                                               RULE_SEGMENT, has_figures, is_block_caption, labelled_one_figure, names_a_block,
                                               years_named)
from auditor.frontends.text.markup import BREAK, DOCUMENT_EDGE, PAGE_TAG, TABLE_CLOSE, TABLE_OPEN
from auditor.frontends.text.note_headings import (FOOTNOTE_LINE, NUMBERED_LINE, heads_a_note, heads_another_statement,
                                                  opens_a_note)
from auditor.frontends.text.region import CAPTION_REACH, PAGE_GAP, REACH, Region
from auditor.labels import ACCOUNT_WORD, CONTINUED, RESERVED_ASSET, is_period
from auditor.source import Source


def block_end(source: Source, first_row: int, transposed: bool = False, edges: frozenset[int] = frozenset(),
               first: AbstractSet[str] = frozenset(), vocabulary: Optional[Vocabulary] = None) -> int:
    """A table without <TABLE> tags ends at two blank lines after its figures,
    or where its document ends (or, movements as rows, where no block follows).
    `edges`: where the figures of its rows on earlier pages end (a page's rows
    may leave a column blank that the next page's fill); `first`: the words of
    its title block (no page under another schedule's title carries it on);
    `vocabulary`: the headings' (a note's heading under its rows ends it, `opens_a_note`)."""
    lines = source.lines
    n, blanks, last_figures, written = first_row, 0, first_row, first_row
    columns = heading_rule_ends(lines, first_row)
    while n <= len(lines):
        line = lines[n - 1]
        if DOCUMENT_EDGE.match(line) or TABLE_OPEN.match(line) or TABLE_CLOSE.match(line):
            break
        if not line.strip():
            blanks += 1
            if blanks >= 2 and n > last_figures \
                    and not _goes_on_past_blanks(lines, n, first_row, last_figures, written, transposed, edges | columns):
                break
        else:
            if n > last_figures and vocabulary is not None and opens_a_note(lines, first_row - REACH, n, vocabulary, any_case=True) \
                    and not _footnotes_over_next_period(lines, first_row, n):
                break  # a note's heading under the rows ("(5) ALLOWANCE ...", "NOTE 5. ..."): its table is the note's
            blanks, written = 0, n
            if _is_row(line, transposed) or _balance_under(lines, last_figures, n) \
                    or _under_a_row_of_one(lines, n) or _ruled_total_of_one(lines, n):
                last_figures = n
        n += 1
    resumed = _resumes_after_page_break(lines, last_figures, transposed)
    if resumed and not _another_schedule_resumes(lines[last_figures : resumed - 1], first):
        return block_end(source, resumed, transposed, edges | figure_ends(lines, first_row, last_figures), first, vocabulary)
    return _footer_caption_end(lines, _wrapped_label_end(lines, last_figures))


def _goes_on_past_blanks(lines: Sequence[str], blank: int, first_row: int, last_figures: int, written: int,
                         transposed: bool, edges: AbstractSet[int]) -> bool:
    """Whether the table goes on past the blank lines down to line `blank` (its rows from `first_row`,
    its last figures at `last_figures`, its last line written at `written`): its next period, a block
    of its movements as rows, a block in its columns (`edges`, with its rows' own), rows under a
    caption, a rule, or a balance alone under its last row (double spaced)."""
    return _next_period_follows(lines, blank) or transposed and rollforward.block_follows(lines, blank) \
        or next_block_in_columns(lines, blank, edges | figure_ends(lines, first_row, last_figures)) \
        or written > last_figures and _caption_over_rows(lines, written, blank) or _ruled_on(lines, written, blank) \
        or blank == last_figures + 2 and _balance_under(lines, last_figures, blank + 1)


def _footnotes_over_next_period(lines: Sequence[str], first_row: int, n: int) -> bool:
    """Whether the line numbered alone at n, under an untagged table's rows from `first_row`, and
    the lines numbered or marked under it stand over the table's next period (`_next_period_follows`:
    its caption, figures under it) whose caption names a year the rows above named none of: the
    rows' footnotes ("1. Uncollectible accounts"), the next year's rows under them, as a <TABLE> a
    year is asked (`next_one_year_table`); a note's table copying a year's caption names one
    the schedule printed."""
    if labels.NOTE_HEADING.match(lines[n - 1]):
        return False
    k = n
    while k < len(lines) and (not lines[k].strip() or NUMBERED_LINE.match(lines[k]) or FOOTNOTE_LINE.match(lines[k])):
        k += 1
    if k >= len(lines) or not _next_period_follows(lines, k):
        return False
    year = labels.year_named(lines[k].strip())
    return year is not None and year not in years_named(lines, Region(max(1, first_row - CAPTION_REACH), n - 1, first_row))


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
    return labelled_one_figure(lines[n - 2])


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
    return (bool(text) and not has_figures(line) and not RULE_LINE.match(line) and not BREAK.match(line)
            and len(line.rstrip()) <= figures_at and (set_in or text[0].islower())
            and not TABLE_OPEN.match(line) and not HEADING_NOTES.match(line))


def _next_period_follows(lines: Sequence[str], blank: int) -> bool:
    """After blank lines, the table's next period: its caption ("Fiscal 1995:",
    "Year ended March 31, 1997"), then figures within a few lines.  Filings
    that double-space their rows leave two blank lines between periods.
    (Between caption and figures: group captions and a label's wrapped lines.)"""
    following = [line for line in lines[blank : blank + PAGE_GAP] if line.strip()][:8]
    return (bool(following) and is_period(following[0].strip()) and not has_figures(following[0])
            and any(has_figures(line) for line in following[1:])
            or bool(following) and _period_in_first_cell(following[0])
            and any(has_figures(line) for line in following[:8])
            or len(following) > 1 and _names_an_account(following[0]) and _opens_with_its_period(following[1]))


def _period_in_first_cell(line: str) -> bool:
    """A period's label in the first cell, words after it: the period's first row
    ("Year ended December 31, 2004   Allowance for doubtful accounts   $16,422 ...") or
    its group's caption ("2010   Deducted from asset accounts:").  (Not a year over
    figures alone, "1997   $1,234", as a table of future payments prints its years.)"""
    cells = _first_cell_and_rest(line)
    return len(cells) == 2 and cells[1][:1].isalpha() and is_period(cells[0])


def _next_written(lines: Sequence[str], blank: int) -> str:
    """The first line not blank after line `blank` (within a page's gap), or ""."""
    return next((line for line in lines[blank : blank + PAGE_GAP] if line.strip()), "")


def _caption_over_rows(lines: Sequence[str], caption: int, blank: int) -> bool:
    """Line `caption` a period's or a group's caption ("Year ended December 31, 2020:",
    "Allowances deducted from assets", a colon or none) typed with blank lines under it: the rows
    under it are the table's (its period's next caption and figures within a few lines)."""
    if _next_period_follows(lines, caption - 1):
        return True
    return (names_a_block(lines[caption - 1].strip()) or is_block_caption(lines[caption - 1])) \
        and has_figures(_next_written(lines, blank))


def _ruled_on(lines: Sequence[str], written: int, blank: int) -> bool:
    """After blank lines, a rule (over a total or under one: what follows it decides where the
    table ends), or a total's row under the rule last written ("Total allowances   $275 ...",
    however its figures stand): a table typed with two blank lines after every line."""
    following = _next_written(lines, blank)
    return labels.is_rule_line(following) or labels.is_rule_line(lines[written - 1]) and has_figures(following) \
        and bool(labels.TOTAL.match(following.strip()))


def _names_an_account(line: str) -> bool:
    """A caption, no figures, naming a reserve or the asset it is deducted from
    ("Reserve for inventory obsolescence"), with or without a ":"."""
    return not has_figures(line) and bool(ACCOUNT_WORD.search(line) or RESERVED_ASSET.search(line))


def _opens_with_its_period(line: str) -> bool:
    """A row of figures whose label is its period ("  1996   1,234 ...",
    "  Year ended December 31, 1996   $1,234 ..."): under the line above it, an
    account's caption, with or without a ":", opening the next account's block."""
    label = _first_cell_and_rest(line)[0]
    return has_figures(line) and bool(label) and is_period(label)


def _first_cell_and_rest(line: str) -> list[str]:
    """A row's first cell and the rest: split at the first run of two spaces or more, or its "$"."""
    return re.split(r"\s{2,}|\$", line.strip(), maxsplit=1)


def _is_row(line: str, transposed: bool) -> bool:
    """A row of figures: of two or more, or, movements as rows, of one with its label."""
    return has_figures(line) or transposed and rollforward.is_row(line)


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
        if broke and (heads_another_statement(lines, n) or heads_a_note(line)):
            return None  # the next page is Schedule III's, or the notes': not this table's
            # (a note under the table, before the break, is its footnote)
        if "\f" in line or PAGE_TAG.match(line) or CONTINUED.search(line):
            broke = True
        elif _is_row(line, transposed) and not RULE_LINE.match(line):
            return n if broke else None
    return None

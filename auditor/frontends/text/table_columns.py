"""A <TABLE>'s shape: its first row, its heading words, its <S>/<C> markers
and where its figures end; and whether two <TABLE>s have the same columns.

Where a tagged table goes on past a page break (`tagged_end`) or a second part
holds the rest of its columns (`parts`), the columns decide: a continuation
prints the first part's headings again or none, its columns lining up.
"""

from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

from auditor.frontends.text import pages
from auditor.frontends.text.headings import Vocabulary, balances_headed, headed_like_schedule, without_tags
from auditor.frontends.text.line_kinds import (FIGURES, LONE_NIL, RULE_LINE, has_figures, label_of,
                                              labelled_one_figure, markers_over_columns, names_a_block)
from auditor.frontends.text.markup import MARKER, MARKER_LINE, TABLE_CLOSE, TABLE_OPEN
from auditor.frontends.text.region import REACH, Region


def first_row_of(lines: Sequence[str], open_line: int,
                 is_row: Callable[[str], bool] = lambda line: has_figures(line)) -> Optional[int]:
    """The first row of figures (two or more, or as `is_row` tells) of the <TABLE> at `open_line`."""
    for n in range(open_line + 1, min(len(lines), open_line + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            return None
        if is_row(lines[n - 1]) and not RULE_LINE.match(lines[n - 1]) and not markers_over_columns(lines, n):
            return n  # (a rule under a spanning "ADDITIONS" heading is no row)
    return None


def open_of(lines: Sequence[str], region: Region) -> Optional[int]:
    """The last <TABLE> opened in a region (its part nearest the next)."""
    return next((n for n in range(region.last, region.first - 1, -1) if TABLE_OPEN.match(lines[n - 1])), None)


def rest_of_columns(lines: Sequence[str], first: int, other: int, vocabulary: Vocabulary) -> bool:
    """Whether the <TABLE> at `other` heads a balance the one at `first`
    does not: the rest of its columns, typed under it (the first part lacks
    the balance at end, or the second opens the balances)."""
    first_named = balances_headed(lines, first + 1, body_top(lines, first) - 1, vocabulary)
    other_named = balances_headed(lines, other + 1, body_top(lines, other) - 1, vocabulary)
    return bool(other_named - first_named) and len(first_named) < 2


def same_columns(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the table opening at `other` has the columns of the one at
    `first`: the same <S>/<C> markers where both print them, and no heading
    word the first lacks (a continuation repeats the headings, or prints none).
    A caption of the first's rows is none: a page may end under a period's
    and its group's captions ("Allowances deducted from assets"), the
    headings typed again under them on the next."""
    (first_words, first_marks), (other_words, other_marks) = heading_of(lines, first), heading_of(lines, other)
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
    n = body_top(lines, open_line)
    while n <= len(lines) and not TABLE_CLOSE.match(lines[n - 1]) and not TABLE_OPEN.match(lines[n - 1]):
        if not has_figures(lines[n - 1]):
            words.update(_words(lines[n - 1]))
        n += 1
    return words


def headless_continuation(lines: Sequence[str], first: int, other: int) -> bool:
    """Whether the table opening at `other`, on the page after the one at
    `first`, prints no heading and the same column edges: the <S>/<C>
    markers, else where its first row's figures end.  An account's caption
    above it (one page per reserve) then heads its rows, not another table's."""
    return not heading_of(lines, other)[0] and _columns_line_up(lines, first, other)


def reheaded_continuation(lines: Sequence[str], first: int, other: int, vocabulary: Vocabulary) -> bool:
    """Whether the table opening at `other`, on the page after the one at
    `first`, goes on with its columns under headings typed again otherwise
    (a word more or less, wrapped anew, a line left off, column letters
    added): its columns line up with the first's and its headings name a
    schedule's roles.  Its rows are the schedule's, never dropped for a word.
    (Its <S>/<C> line typed anew may stand apart from the first's: its
    figures standing where the first's stand line its columns up too.)"""
    return ((_columns_line_up(lines, first, other) or _figures_line_up(lines, first, other))
            and headed_like_schedule(lines, other + 1, body_top(lines, other) - 1, vocabulary))


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
    first_row, other_row = first_row_of(lines, first), first_row_of(lines, other)
    if first_row is None or other_row is None:
        return False
    ends, other_ends = _figure_ends(lines[first_row - 1]), _figure_ends(lines[other_row - 1])
    return len(ends) == len(other_ends) and all(abs(a - b) <= 1 for a, b in zip(ends, other_ends))


def _markers(lines: Sequence[str], open_line: int) -> tuple[int, ...]:
    """The columns of a <TABLE>'s <S>/<C> markers, wherever in it they stand
    (a heading's "(1)" can pass for a row: `heading_of` stops there), or ()."""
    for n in range(open_line + 1, min(len(lines), open_line + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            break
        if MARKER_LINE.match(lines[n - 1]):
            return _marker_columns(lines[n - 1])
    return ()


def _figure_ends(row: str) -> list[int]:
    # (A figure's match runs on over the spaces after it: its edge is its last character's.)
    return [m.start() + len(m.group().rstrip()) for m in pages.FIGURE.finditer(row)]


def heading_of(lines: Sequence[str], open_line: int) -> tuple[set[str], tuple[int, ...]]:
    """A <TABLE>'s heading words (above its <S>/<C> line or its body; not
    period or account captions) and the columns of its <S>/<C> markers."""
    words: set[str] = set()
    marks: tuple[int, ...] = ()
    for n in range(open_line + 1, body_top(lines, open_line)):
        line = lines[n - 1]
        if MARKER_LINE.match(line):
            marks = _marker_columns(line)
            break
        if not names_a_block(line.strip()):
            words.update(_words(line))
    return words, marks


def body_top(lines: Sequence[str], open_line: int) -> int:
    """The first line of a <TABLE>'s body: its first row, with the lines
    right above it that end before its figures (a wrapped label's first
    lines, captions).  A continuation after a page break printed without
    headings or markers opens on these: their words are no headings."""
    row = first_row_of(lines, open_line)
    if row is None:
        return open_line + 1
    if row - 1 > open_line and (_opens_wrapped_row(lines[row - 2], lines[row - 1])
                                or _labels_wrapped_row(lines[row - 2], lines[row - 1])
                                or _label_runs_on(lines, row)):
        row -= 1
        figures_at = len(lines[row - 1]) - len(lines[row - 1].lstrip()) + len(label_of(lines[row - 1]))
    else:
        found = FIGURES.search(lines[row - 1])  # (a first row has figures: never None)
        figures_at = found.start() if found else len(lines[row - 1])
    top = row
    while top - 1 > open_line and lines[top - 2].strip() and len(lines[top - 2].rstrip()) <= figures_at:
        top -= 1
    return top


def _opens_wrapped_row(line: str, rest: str) -> bool:
    """Whether `line` is the first line of a row wrapped onto the next: its
    label and one figure ("Allowance for doubtful accounts    $  559") or
    one nil ("Provision for purchase commitments    -") over the rest of its
    figures, printed with no label ("$  517    $  -  ...").  The row's, not a
    heading's: a continuation printed without headings opens on it (its
    label's words are no headings).  A "$" last on the line is the next
    figure's, its digits cut onto the next line."""
    line = _without_dangling_dollar(line)
    return ((labelled_one_figure(line) or _labelled_nil(line))
            and not any(c.isalpha() for c in label_of(rest)))


def _labelled_nil(line: str) -> bool:
    """A label, then one nil set apart from it (LONE_NIL): a row's first line
    when its other figures are wrapped onto the next; not a rule's dashes."""
    return bool(LONE_NIL.match(line)) and not RULE_LINE.match(line) and any(c.isalpha() for c in label_of(line))


def _without_dangling_dollar(line: str) -> str:
    """`line` without a "$" last on it after a blank (the next figure's, its
    digits cut onto the next line).  Not a regex: a "\\s+\\$" search from
    every blank of a long run of them is quadratic (tests/test_hostile_regex)."""
    body = line.rstrip()
    if body.endswith("$") and body[-2:-1].isspace():
        return body[:-1].rstrip()
    return line


def _labels_wrapped_row(line: str, rest: str) -> bool:
    """Whether `line` is a row's label alone over its figures, printed with
    no label (a row wrapped narrower than its label's column: "Allowance for
    doubtful accounts" over "$  514    $  388 ..."): the row's first line, not
    a heading."""
    return _label_alone(line) and not any(c.isalpha() for c in label_of(rest))


def _label_runs_on(lines: Sequence[str], row: int) -> bool:
    """Whether the line over `row` is a row's label alone, wrapped inside its
    words, over the row whose label's rest opens its figures' line
    ("Allowance for" over "doubtful accounts   1,234   567 ..."): the row's
    first line, not a heading.  Told by the rest opening in lower case (a
    heading's next line is no row of figures), or, in capitals, by the
    line's width: the rest's first word would not have fitted on it within
    the table's widest row (the width its rows were cut at), the rest naming
    no period or group."""
    line = lines[row - 2]
    if not _label_alone(line):
        return False
    opening = label_of(lines[row - 1])
    if opening[:1].islower():
        return True
    return (any(c.isalpha() for c in opening) and not names_a_block(opening)
            and len(line.rstrip()) + 1 + len(opening.split()[0]) > _widest_row(lines, row))


def _widest_row(lines: Sequence[str], row: int) -> int:
    """The longest line of a <TABLE>'s body from its first row to its end: a
    wrapped table's rows were cut at this width or wider."""
    widest = 0
    for n in range(row, min(len(lines), row + REACH) + 1):
        if TABLE_CLOSE.match(lines[n - 1]):
            break
        widest = max(widest, len(lines[n - 1].rstrip()))
    return widest


def _label_alone(line: str) -> bool:
    """One phrase, no figure, naming no period or group: a row's label on a
    line of its own.  A "$" last on it is the first figure's."""
    label = _without_dangling_dollar(line).strip()
    return (label == label_of(label) and any(c.isalpha() for c in label) and not pages.figure_count(label)
            and not names_a_block(label))


def _marker_columns(line: str) -> tuple[int, ...]:
    """Where the <S>/<C> markers of a table's marker line stand: its columns."""
    return tuple(m.start() for m in MARKER.finditer(line))


def _words(line: str) -> list[str]:
    """A heading's or a caption's words, in lower case, tags left out."""
    return re.findall(r"[a-z]{2,}", without_tags(line).lower())

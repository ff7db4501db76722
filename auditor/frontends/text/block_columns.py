"""Whether lines after blank lines are more of an untagged table: a row whose
figures end where the table's columns end, a caption over such a row.

A table typed without tags has no </TABLE>: the figures' edges (and the rule
under its headings) are the evidence that a block after blank lines is the
same table's, whatever its captions say.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Sequence

from auditor.frontends.text.line_kinds import (FIGURE_MARK, LONE_FIGURE, NIL_FIGURE, RULE_LINE, RULE_SEGMENT, has_figures,
                                               is_block_caption, labelled_one_figure)
from auditor.frontends.text.region import PAGE_GAP
from auditor.labels import MINUS_SIGNS, NEGATIVE_AFTER, is_period
from auditor.lazy_pattern import lazy_compile


def heading_rule_ends(lines: Sequence[str], first_row: int) -> frozenset[int]:
    """Where the columns of the rule under the headings end, right above the first
    row (<S> <C> and blank lines between): the table's columns as its headings set
    them, a column its first period leaves blank included (its figures in the
    next period, the periods uncaptioned, are the same table's)."""
    for line in reversed(lines[max(first_row - 10, 0) : first_row - 1]):  # (captions between, double spaced too)
        if has_figures(line):
            break
        if RULE_LINE.match(line) and line.strip():
            ends = [m.end() for m in RULE_SEGMENT.finditer(line)]
            return frozenset(ends) if len(ends) > 1 else frozenset()
    return frozenset()


def next_block_in_columns(lines: Sequence[str], blank: int, edges: AbstractSet[int]) -> bool:
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
    if rest and is_period(rest[0].strip()) and not has_figures(rest[0]):
        rest = _past_captions(rest[1:])
    return _row_in_columns(rest, edges)


def _past_captions(following: Sequence[str]) -> Sequence[str]:
    """The lines after the captions (up to two, not a period's) that open them: a group's caption
    over a reserve's label printed alone, no figure that year."""
    k = 0
    while k < min(2, len(following)) and is_block_caption(following[k]) and not is_period(following[k].strip()):
        k += 1
    return following[k:]


def _row_in_columns(following: Sequence[str], edges: AbstractSet[int]) -> bool:
    """The first of the lines a row in the table's columns: two figures or more, or one labelled
    figure (its other columns blank) over its balance alone, more rows or the next period's caption."""
    return bool(following) and _in_columns(following[0], edges) or (
        len(following) >= 2 and _one_figure_in_columns(following[0], edges) and (
            _in_columns(following[1], edges) or bool(LONE_FIGURE.match(following[1]))
            or is_period(following[1].strip()) and not has_figures(following[1])))


def _one_figure_in_columns(line: str, edges: AbstractSet[int]) -> bool:
    """A labelled row of one figure, last on its line and ending where the table's figures
    end ("Adoption of ASC 326 on January 1, 2020       412"): a row whose other columns
    are blank, more rows, its balance alone on the line under it or the next period's
    caption under it."""
    return labelled_one_figure(line) and any(abs(len(line.rstrip()) - e) <= 1 for e in edges)


# A figure set apart from what precedes it (two spaces, or its "$"), as a row's
# columns print it, with its footnote marker; not a digit of its label ("December 31, 1996").
# (A negative's parenthesis after a blank, "(162 )": its digits' end or the parenthesis', either
# the column's edge as typed.  A minus sign a blank before its amount, "− 155,000", is the
# amount's, no nil.)
SET_FIGURE = lazy_compile(rf"(?:(?<=\s\s)|(?<=\$)|(?<=\$\s)|(?<=[{MINUS_SIGNS}] )|^)"
                         rf"(\(?[\d,]*\d(?:\.\d+)?(?:\)|{NEGATIVE_AFTER})?|(?:{NIL_FIGURE})(?! \d))(?: \))?"
                         rf"(?:{FIGURE_MARK})*(?=\s|$)", re.IGNORECASE)


def figure_ends(lines: Sequence[str], first: int, last: int) -> set[int]:
    """Where the figures of the table's rows (lines `first` to `last`) end, with
    or without their markers: its columns' edges."""
    return {end for line in lines[first - 1 : last] if has_figures(line)
            for m in SET_FIGURE.finditer(line) for end in (m.end(1), m.end())}


def _in_columns(line: str, edges: AbstractSet[int]) -> bool:
    """A row of two or more figures, each ending where the table's figures end
    (with or without its marker, a character either way: a typist's hand), or
    where they end moved as far as the row's last figure is (a sign hanging past
    its column, "(94 )", pushed the rest of the line a character right)."""
    found = list(SET_FIGURE.finditer(line))
    if not (has_figures(line) and len(found) >= 2):
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

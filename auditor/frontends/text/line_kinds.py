"""What one typed line is, told by the line itself (or its next few): a row of
figures, a heading's footnote markers, a rule, a lone figure or nil, a
caption of a period, an account or a group; a row's label, and the years a
region's labels name.

The locator decides where a table starts and ends by these kinds; the grammar
reads the lines later.  A kind here says "may be a row", never what a figure
means: no column is read here.
"""

from __future__ import annotations

import re
from typing import Sequence

from auditor import labels
from auditor.frontends.text.markup import MARKER_LINE, PAGE_TAG, TABLE_CLOSE, TABLE_OPEN
from auditor.frontends.text.region import CAPTION_REACH, Region
from auditor.labels import (LETTER, NEGATIVE_AFTER, NIL_DASHES, NIL_WORD, NIL_WORD_ANY_CASE, NUMBERED_MARK, RULE_LINE, RULE_SEGMENT,
                            SLASH_MARK, is_period, is_rule_line)
from auditor.lazy_pattern import lazy_compile


# A figure row: text then at least two numbers or nils separated by spaces
# (the first perhaps with its footnote's letter: "315,000(b)   1,747,000").
# The nils are labels.NIL, as the grammar's.
NIL_FIGURE = rf"{NIL_DASHES}|\b{NIL_WORD}"
# (The lookahead lets a search skip a heading's long runs of spaces at once,
# the lookbehind the inside of a run of digits: without them, a search
# backtracked over either in quadratic time.)
# (A first figure typed "473-" or "473CR", labels.NEGATIVE_AFTER, ends past its mark; "<473>" is
# a typist's parentheses.  A figure's footnote marker glued to it or a blank apart: "96(a)", "377 (a)",
# "96*", "1,204 1/": a wrapped row's rest of figures so marked is a row's all the same.)
FIGURES = re.compile(
    rf"((?:(?<![\d,])(?=[($<\d])[(<]?\$?\s*[\d,]*\d(\.\d+)?(?:[)>]|{NEGATIVE_AFTER})?|{NIL_FIGURE})(?:[ ]?\([a-z\d]{{1,2}}\)|\*{{1,3}}|[ ]{SLASH_MARK})?)"
    rf"(\s{{2,}}|\s*\$\s*)([(<]?\$?\s*[\d,]*\d|{NIL_FIGURE})", re.IGNORECASE
)
# A heading line that opens with footnote markers ("(1)   (2)" over "CHARGED
# TO COSTS", "(1)  (2)  Changes due"): no figures, whatever FIGURES sees in it
# (no digit outside its markers, and no label before them).
HEADING_NOTES = re.compile(rf"^\s*{NUMBERED_MARK}(?:[^\d]|{NUMBERED_MARK})*$")
# Or one with a heading's word before its markers, when a marker heads words
# of its own: "BALANCE   (1)   (2) CHARGED" (the top line of a deep heading
# stack), no digit outside its markers.  (Without a word after a marker,
# "Reserve   (1)   (2)" may be a row of small negatives: a figure row.  Nor is a nil's word a
# heading's: "LIFO reserve   (28)   (1)   NA   NA   (29)" is a row of small negatives; "na" in
# lower case too, no nil, to be refused as a row, never dropped as a heading's markers.)
_NO_DIGIT_BUT_MARKERS = re.compile(rf"^(?:[^\d]|{NUMBERED_MARK})*$")
_MARKER_HEADS_WORDS = lazy_compile(rf"{NUMBERED_MARK}[ \t]+\(?(?!(?i:{NIL_WORD_ANY_CASE})(?![\w/]))[A-Za-z]")
# One figure alone, far to the right, with perhaps its marker: the rest of
# the row above, printed on a line of its own ("                   $18.1").
# Any amount the grammar reads (schedule.lark AMOUNT): a negative one too,
# in parentheses padded inside ("$( 500)", "(500 )") or with a minus sign
# ("-500"); else the table ended at the row above and lost that column.
# (No two runs of spaces may meet: "\s{12,}\s*" backtracks quadratically over a blank line.)
LONE_AMOUNT = rf"(?:\(\s*-?\d[\d,]*(?:\.\d+)?(?:\s*\))?|\d[\d,]*(?:\.\d+)?{NEGATIVE_AFTER}|-?\d[\d,]*(?:\.\d+)?\)?|-?\.\d+)"
# A figure's footnote marker as typed beside it, or opening a footnote's line: "(a)", "*", "1/".
FIGURE_MARK = rf"\(\w{{1,2}}\)|\*{{1,3}}|{SLASH_MARK}"
LONE_FIGURE = lazy_compile(rf"^\s{{12,}}(?:\$\s*)?{LONE_AMOUNT}(?:\s*(?:{FIGURE_MARK}))?\s*$")
# The one figure of a labelled row ("$353"), its marker perhaps.
LONE_ROW_FIGURE = lazy_compile(rf"(?:\$\s*)?{LONE_AMOUNT}(?:\s*(?:\(\w{{1,2}}\)|\*{{1,3}}))?")
# A nil alone after its label, set apart from it: a reserve with nothing to
# report ("Other reserve          -0-"), a row of the table though it prints
# no two figures.
LONE_NIL = lazy_compile(rf"^\s*[^\s$].*?\S\s{{2,}}(?:\$\s*)?(?:{NIL_FIGURE})\s*$", re.IGNORECASE)


DIGIT = re.compile(r"\d")


def markers_over_columns(lines: Sequence[str], n: int) -> bool:
    """Line n prints a heading's words and its columns' footnote markers alone ("IMPACT   (1)
    (2)", the top of a heading stack), above the <S> <C> line under a tagged table's headings
    with no figures between: a heading line, not a row of small negatives.  (No digit outside
    the markers; looked at only on a line FIGURES took for a row, a row's first digit first.)"""
    line = lines[n - 1]
    digit = DIGIT.search(line)
    if digit is None or line[digit.start() - 1] != "(" or not _NO_DIGIT_BUT_MARKERS.match(line):
        return False
    if n < len(lines) and is_heading_line(lines[n]):
        return True  # (untagged, or tagged with the <S> line lost)
    for below in range(n + 1, min(len(lines), n + CAPTION_REACH) + 1):
        line = lines[below - 1]
        if MARKER_LINE.match(line):
            return True
        if has_figures(line) or TABLE_CLOSE.match(line):
            return False
    return False


# Phrases set apart on a line: a run of two spaces or more between two of its words.
_PHRASES_APART = lazy_compile(r"[A-Za-z] {2,}+[A-Za-z(]")


def is_heading_line(line: str) -> bool:
    """The line right under one of markers alone ("Impact of   (1)   (2)"): a heading line of
    two phrases or more, no digit (a body's row is followed by rows, rules or a caption)."""
    return DIGIT.search(line) is None and bool(_PHRASES_APART.search(line.strip()))


def has_figures(line: str) -> bool:
    """A row of figures; not heading footnote markers, not a dashed rule
    (whose "---  ---" FIGURES would read as two nils)."""
    if is_rule_line(line):
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


def is_caption(line: str) -> bool:
    """A heading between a table and its continuation: a title in capitals,
    or an account's caption ("Inventory obsolescence reserve:") where the
    schedule prints one <TABLE> per account."""
    stripped = line.strip()
    if not stripped or has_figures(line) or len(stripped) >= 80:
        return False
    return stripped.upper() == stripped or names_a_block(stripped)


def names_a_block(text: str) -> bool:
    """An account's caption ("Inventory reserve:") or a period's ("Year
    ended December 31, 1999"), printed above its own <TABLE>."""
    return text.endswith(":") or is_period(text)


def is_block_caption(line: str) -> bool:
    """A short phrase alone on its line, no figures: an account's or a group's caption."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) < 60 and not re.search(r"\s{2,}", stripped) and not has_figures(line) \
        and not TABLE_OPEN.match(line) and not PAGE_TAG.match(line)


def labelled_one_figure(line: str) -> bool:
    """A label, then one figure last on the line ("Adoption of ASC 326       412",
    LONE_ROW_FIGURE): a row whose other columns are blank."""
    label, _, last = line.rstrip().rpartition("  ")
    return bool(LONE_ROW_FIGURE.fullmatch(last.strip())) and any(c.isalpha() for c in label) and not has_figures(label)


def label_of(line: str) -> str:
    """A row's label: its first phrase, up to the first run of two spaces or more."""
    return re.split(r"\s{2,}", line.strip())[0]


def years_named(lines: Sequence[str], region: Region) -> set[int]:
    """The years a schedule's region names in its lines' labels (their first phrase: a caption
    "Year ended December 31, 1997:", a heading "1997"; never a figure in a column)."""
    found: set[int] = set()
    for n in range(region.first, region.last + 1):
        label = label_of(lines[n - 1])
        year = labels.year_named(label) if labels.YEAR.search(label) else None
        if year is not None:
            found.add(year)
    return found

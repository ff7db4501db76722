"""Typed footnote lines under or between a schedule's rows.

An untagged schedule (no <TABLE>, so no <FN> block) prints its footnotes as
lines of prose opening with a marker: "(1) Amounts written off", "1/ ...",
"* Includes $40 charged to sales.", "Note 1 -- Amounts written off, net of
recoveries".  The grammar reads a line by its tokens, and such a line can
look like the start of a row ("Note" then the figure "1", "Includes" then
"$40") that goes on in words: an input error.  Below the first row they are
left blank, as <FN> blocks are (parse._without_table_footnotes): no row.
Above it a "(1) CHARGED TO COSTS" is a heading's footnote marker and its
words, which the headings need: those stay.
"""

from __future__ import annotations

import re
from typing import Sequence

from auditor.labels import NEGATIVE_AFTER, NIL_DASHES, NOTE_MARK, NUMBERED_MARK, SLASH_MARK
from auditor.lazy_pattern import lazy_compile

# A marker opening the line, then perhaps a separator, then prose from a letter on:
# "(1)", "(a)", "*", a dagger, "1/", "Note 1", "Footnote 2", "Note A" ("Note 1 --", "Note 1:", "Note 1.").
_OPENING = re.compile(
    r"^[ \t\f]*(?:" + NUMBERED_MARK + r"|" + NOTE_MARK + r"|" + SLASH_MARK + r"|(?:foot)?notes?[ \t\f]+(?:\d{1,2}|[A-Za-z])\b)"
    r"(?:[ \t\f]*(?:--?|\u2013|\u2014|\x97|:|\.))?[ \t\f]+(?=[A-Za-z])",
    re.IGNORECASE,
)
# A figure after a gap of two spaces or more: a row's cell, never a footnote's prose
# (whose words, and amounts, are set one space apart).  The gap is tried only
# where a run of spaces begins, and "$" is the only thing between the gap and
# the spaces after it: from every space of a long run, a gap read two ways
# ("[ ]{2,}" then "[ ]*") made each search cubic in the run (9 ms a heading).
# (A figure typed "473-" or "473CR" is a cell too: labels.NEGATIVE_AFTER.)
_CELL = r"(?<![ \t\f])[ \t\f]{2,}(?:\$[ \t\f]*)?\(?-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\)|" + NEGATIVE_AFTER + r")?"
_ROW = re.compile(r"(?:" + _CELL + r"){2,}")
_CELL_AFTER_GAP = lazy_compile(_CELL + r"(?=[ \t\f]|$)")


def is_typed_footnote(line: str) -> bool:
    """A line of a footnote's prose under its marker, no row's figures on it
    (and no caption's colon at its end: "(a) Allowance for doubtful accounts:"
    names the rows under it)."""
    opening = _OPENING.match(line)
    return (opening is not None and not line.rstrip().endswith(":")
            and _CELL_AFTER_GAP.search(line, opening.end()) is None)


def without_typed_footnotes(lines: Sequence[str]) -> list[str]:
    """The lines with each typed footnote line below the first row of figures
    left blank, save a row's label opening with a marker (`labels_a_row`)."""
    out, below_rows = [], False
    for n, line in enumerate(lines):
        if below_rows and is_typed_footnote(line) and not labels_a_row(line, lines[n + 1 : n + 3]):
            line = ""
        below_rows = below_rows or _ROW.search(line) is not None
        out.append(line)
    return out


# A line of figures alone, no label: a row's cells printed under its label.
_FIGURES_ONLY = lazy_compile(r"^(?:" + _CELL + r"(?:[ \t\f]*(?:\(\w{1,2}\)|\*{1,3}))?|(?<![ \t\f])[ \t\f]{2,}(?:" + NIL_DASHES + r"))+[ \t\f]*$")


# A marker a row's label may open with: "(a)", "(1)" (never "Note 1 --", "1/", "*").
_LABEL_MARK = lazy_compile(r"^[ \t\f]*\(\w{1,2}\)[ \t\f]+[A-Za-z]")


def labels_a_row(line: str, below: Sequence[str]) -> bool:
    """A marker line that is a row's label, no footnote ("(a) Allowance for
    doubtful accounts"): its figures on the line under it, or its label
    wrapped there (going on in lower case, or set in past the label's words,
    the marker line no sentence) with the figures at its end or on the line
    after.  A footnote's line is followed by a blank, another row or its
    prose."""
    if not below or not below[0].strip() or not _LABEL_MARK.match(line):
        return False
    if _FIGURES_ONLY.match(below[0]):
        return True
    if not _wraps(line, below[0]):
        return False
    return _ROW.search(below[0]) is not None or len(below) > 1 and _FIGURES_ONLY.match(below[1]) is not None


def _wraps(line: str, under: str) -> bool:
    """`under` goes on with the label `line` opens: in lower case, or set in
    past where the label's words begin (after its marker), `line` no sentence."""
    opening = _OPENING.match(line)
    words = under.lstrip(" \t\f")
    if opening is None or not words[:1].isalpha():
        return False
    set_in = len(under) - len(words) >= opening.end() and not line.rstrip().endswith(".")
    cased = any(c.isupper() for c in line)  # (in a text typed all in lower case, lower case says nothing)
    return words[:1].islower() and cased or set_in

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

from auditor.labels import NOTE_MARK

# A marker opening the line, then perhaps a separator, then prose from a letter on:
# "(1)", "(a)", "*", a dagger, "1/", "Note 1", "Footnote 2", "Note A" ("Note 1 --", "Note 1:", "Note 1.").
_OPENING = re.compile(
    r"^[ \t\f]*(?:\(\d{1,2}\)|" + NOTE_MARK + r"|\d{1,2}/|(?:foot)?notes?[ \t\f]+(?:\d{1,2}|[A-Za-z])\b)"
    r"(?:[ \t\f]*(?:--?|\u2013|\u2014|\x97|:|\.))?[ \t\f]+(?=[A-Za-z])",
    re.IGNORECASE,
)
# A figure after a gap of two spaces or more: a row's cell, never a footnote's prose
# (whose words, and amounts, are set one space apart).  The gap is tried only
# where a run of spaces begins, and "$" is the only thing between the gap and
# the spaces after it: from every space of a long run, a gap read two ways
# ("[ ]{2,}" then "[ ]*") made each search cubic in the run (9 ms a heading).
_CELL = r"(?<![ \t\f])[ \t\f]{2,}(?:\$[ \t\f]*)?\(?-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\)?"
_ROW = re.compile(r"(?:" + _CELL + r"){2,}")
_CELL_AFTER_GAP = re.compile(_CELL + r"(?=[ \t\f]|$)")


def is_typed_footnote(line: str) -> bool:
    """A line of a footnote's prose under its marker, no row's figures on it
    (and no caption's colon at its end: "(a) Allowance for doubtful accounts:"
    names the rows under it)."""
    opening = _OPENING.match(line)
    return (opening is not None and not line.rstrip().endswith(":")
            and _CELL_AFTER_GAP.search(line, opening.end()) is None)


def without_typed_footnotes(lines: Sequence[str]) -> list[str]:
    """The lines with each typed footnote line below the first row of figures left blank."""
    out, below_rows = [], False
    for line in lines:
        if below_rows and is_typed_footnote(line):
            line = ""
        below_rows = below_rows or _ROW.search(line) is not None
        out.append(line)
    return out

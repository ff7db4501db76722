"""Whether a table under a Schedule II title prints its movements as rows.

Most schedules head their columns with the balances and the movements; some
print them as rows instead, from "Balance at beginning of year" down to
"Balance at end of year", under headings of years (a block per account) or
of account names (a block per year).  `locate` asks this of a table whose
headings name no balance, on its lines as they are (before any parse): its
first labelled row of figures must be an opening balance, and a closing
balance must follow it within a block's reach.  A title of its own is
asked too: a note's roll-forward after a sentence naming the schedule is
no schedule.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from auditor.frontends.text.headings import Vocabulary, headed_like_schedule
from auditor.labels import CLOSING, NIL, OPENING, TITLE
from auditor.lazy_pattern import lazy_compile

# A row's label: its text up to the first figure or nil (two spaces or a "$" before
# it), perhaps after its period ("1994  Balance at beginning of year").  (A nil
# is a dash or three, set apart: a longer run is a rule.)
# (Possessive runs: the label's lazy scan retries no run of spaces.)
LABELLED = re.compile(
    rf"^\s*+((?:(?:19|20)\d\d:?\s++)?[A-Za-z][^\n]*?)(?:\s{{2,}}+|\s*+\$\s*+)(?:\(?\$?\s*+-?\d|(?:{NIL})(?!\S))", re.IGNORECASE)
# Words after the "figures": a heading line with its footnote markers ("Balance   (1)
# (2) Charged"), no row (a row prints nothing after its figures but markers and nils).
WORDS_AFTER = re.compile(r"\b(?!(?:nil|none)\b)[A-Za-z]{3,}", re.IGNORECASE)
# A line of years and nothing else after its label: the headings of a block per account.
YEARS = re.compile(r"^\s*+(?:(?:19|20)\d\d\s*+)+$")
TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
TAG = lazy_compile(r"<[^>]{0,40}>")
# How many labelled rows a block may print between its balances.
BLOCK_ROWS = 12
# Words a title's line may print besides the title ("ACME CORPORATION", "- (In thousands)").
TITLE_EXTRA = 6


def transposed(lines: Sequence[str], first: int, row: int, vocabulary: Vocabulary, title: int = 0) -> bool:
    """Whether the table whose first row of figures is line `row` prints its
    movements as rows: headings (lines `first` to the row, less the row, whose
    balance reads as one) that name no schedule, rows that roll forward."""
    return rolls_forward(lines, title or first, row) and not headed_like_schedule(lines, first, row - 1, vocabulary)


def one_column(lines: Sequence[str], first: int, row: int, vocabulary: Vocabulary, title: int = 0) -> bool:
    """Whether line `row`, a row of one figure, opens a table of one figure
    column printing its movements as rows (one reserve, or one year): an
    opening balance, movements the rules' vocabulary names, a closing balance.
    A 10-K prints many lines of one figure; only these three together, under a
    title of their own, make a table of them."""
    label = _label(lines[row - 1])
    if label is None or not OPENING.search(label) or not transposed(lines, first, row, vocabulary, title):
        return False
    labels = _labels(lines, row)
    closing = next(k for k in range(2, len(labels)) if CLOSING.search(labels[k]))  # (transposed: one there is)
    return any(vocabulary.every.search(m) and not vocabulary.balances.search(m) for m in labels[1:closing])


def is_row(line: str) -> bool:
    """A labelled row of figures, one figure or more."""
    return _label(line) is not None


def rolls_forward(lines: Sequence[str], title: int, first_row: int) -> bool:
    """The table from line `first_row` (1-based) opens with a balance row and
    reaches a closing one, under a title line of its own (line `title`)."""
    if not _title_alone(lines[title - 1]):
        return False
    labels = _labels(lines, first_row)
    if not labels or not OPENING.search(labels[0]):
        return False
    return any(CLOSING.search(label) for label in labels[2 : BLOCK_ROWS + 1])


def _labels(lines: Sequence[str], first_row: int) -> list[str]:
    """The labels of the rows from line `first_row`, a block's reach down (to the table's end)."""
    labels = []
    for line in lines[first_row - 1 : first_row + 3 * BLOCK_ROWS]:
        if TABLE_CLOSE.match(line):
            break
        if "<" in line:
            line = TAG.sub(lambda m: " " * len(m.group()), line)
        label = _label(line)
        if label is not None:
            labels.append(label)
    return labels[: BLOCK_ROWS + 1]


def _title_alone(line: str) -> bool:
    """A line that names the schedule and little else: no sentence."""
    rest = TITLE.sub(" ", line)
    return len(rest.split()) <= TITLE_EXTRA and not rest.rstrip().endswith((".", ","))


def block_follows(lines: Sequence[str], blank: int) -> bool:
    """After blank lines (line `blank` the last seen), the table's next block:
    at most two caption lines (an account's, its years), then an opening
    balance.  A table printed double-spaced leaves two blank lines between
    its blocks."""
    following = [line for line in lines[blank : blank + 12] if line.strip()][:3]
    for line in following:
        label = _label(line)
        if label is not None:
            return bool(OPENING.search(label))
    return False


def _label(line: str) -> Optional[str]:
    """The label of a row of figures, or None for any other line (a heading
    line of years or of footnote markers too)."""
    line = line[:400]
    match = LABELLED.match(line)
    if match is None or YEARS.match(line[match.end(1):]) or WORDS_AFTER.search(line, match.end(1)):
        return None
    return match.group(1).strip()

"""Labels typed under their figures: a table whose reserves' rows print their
figures first and the reserve's name on the line right under them.

    YEAR ENDED JANUARY 3, 1998:
                                  $  1,519  $   310  $   1,016
    Allowance for doubtful accounts
                                     5,796       -       6,730
    Reserves for sales programs

Read line by line, each name would go to the figures under it (a wrapped
label's first line) and the first row would be an unlabelled total: every
figure in its column, every name one row off.  A table is read so only when
every row of its figures but its totals prints no label and each has a name
right under it: then each name goes up onto its row's line."""

from __future__ import annotations

from typing import Sequence

from auditor.frontends.text.parse import Line
from auditor.frontends.text.tokens import text
from auditor.labels import TOTAL, is_period


def labels_under_figures(lines: Sequence[Line], label_end: int) -> Sequence[Line]:
    """The lines with each name typed under its row's figures moved up onto them,
    where the whole table is typed so (else the lines as they are)."""
    named: list[int] = []  # indices of the unlabelled rows with a name right under them
    for i, ln in enumerate(lines):
        if ln.kind != "row":
            continue
        if ln.words:
            if not TOTAL.match(ln.words[0].text):
                return lines  # a row labelled on its own line: the table's labels are where they belong
            continue
        if _name_under(lines, i, label_end):
            named.append(i)
        elif i == 0 or lines[i - 1].kind != "rule":  # (not an unlabelled total under its rule)
            return lines
    if len(named) < 2:
        return lines
    out = list(lines)
    for i in named:
        out[i] = out[i]._replace(words=lines[i + 1].words)
    return [ln for k, ln in enumerate(out) if k - 1 not in named]


def _name_under(lines: Sequence[Line], i: int, label_end: int) -> bool:
    """The line right under row i is a name alone in the label column: no caption's colon, no period."""
    if i + 1 >= len(lines):
        return False
    under = lines[i + 1]
    if under.kind != "text" or under.number != lines[i].number + 1 or not under.words:
        return False
    if any(t.end > label_end + 1 for t in under.words):
        return False
    words = text(under.words)
    return not words.endswith(":") and not is_period(words)

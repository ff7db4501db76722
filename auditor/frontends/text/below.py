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

from typing import Collection, Optional, Sequence

from auditor.frontends.text.context import PAGE_NUMBER
from auditor.frontends.text.parse import Line
from auditor.frontends.text.tokens import text
from auditor.labels import TOTAL, is_period


# Lines a page break puts between a row and the name under it: tags, markers, a page number,
# "(Continued)", the headings typed again.
PAGE_KINDS = frozenset({"page", "table_open", "table_close", "caption", "markers"})


def labels_under_figures(lines: Sequence[Line], label_end: int, repeated: Collection[str] = ()) -> Sequence[Line]:
    """The lines with each name typed under its row's figures moved up onto them,
    where the whole table is typed so (else the lines as they are).  `repeated`:
    the headings' lines, typed again after a page break."""
    named: dict[int, int] = {}  # an unlabelled row's index -> its name's, right under it
    for i, ln in enumerate(lines):
        if ln.kind != "row":
            continue
        if ln.words:
            if not TOTAL.match(ln.words[0].text):
                return lines  # a row labelled on its own line: the table's labels are where they belong
            continue
        name = _name_under(lines, i, label_end, repeated)
        if name is not None:
            named[i] = name
        elif i == 0 or lines[i - 1].kind != "rule":  # (not an unlabelled total under its rule)
            return lines
    if len(named) < 2:
        return lines
    out = list(lines)
    for i, k in named.items():
        out[i] = out[i]._replace(words=lines[k].words)
    taken = set(named.values())
    return [ln for k, ln in enumerate(out) if k not in taken]


def _name_under(lines: Sequence[Line], i: int, label_end: int, repeated: Collection[str]) -> Optional[int]:
    """The index of the line under row i (on the next line, or past a page break) that is a name
    alone in the label column: no caption's colon, no period."""
    k, broke = i + 1, False
    while k < len(lines) and (_page_furniture(lines[k], repeated) or broke and lines[k].kind == "rule"):
        broke = broke or lines[k].kind in PAGE_KINDS  # (past a page break, a rule is the headings')
        k += 1
    if k >= len(lines):
        return None
    under = lines[k]
    if under.kind != "text" or not under.words or k == i + 1 and under.number != lines[i].number + 1:
        return None
    if any(t.end > label_end + 1 for t in under.words):
        return None
    words = text(under.words)
    return None if words.endswith(":") or is_period(words) else k


def _page_furniture(ln: Line, repeated: Collection[str]) -> bool:
    if ln.kind in PAGE_KINDS:
        return True
    return ln.kind == "text" and (text(ln.words) in repeated or PAGE_NUMBER.search(text(ln.words)) is not None)

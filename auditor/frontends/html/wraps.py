"""Labels wrapped over two rows of an HTML table: which rows holding a phrase
alone are a line of the label of the row of figures beside them.

A word processor's table, or a typed schedule converted a row per typed line,
prints a long label over two <tr>s, its figures on the first or on the last
("Allowance for Doubtful" / "Accounts   303 ...").  In Title Case the second
line starts with a capital like any account's name, so case alone cannot tell
it from a caption over an account; the evidence here is the words and the
table's structure:

- lexical: the first line ends on a word no label ends on ("Reserve for" /
  "Inventory Obsolescence") or leaves a parenthesis open, the second starts
  with a dash or goes on in lower case under a capitalised phrase (in
  capitals: set in under it), or one of them is a single word naming no
  account ("Accounts") beside a row opening an account's name of its own;
- structural: a phrase right under a row that captions no row (the next is a
  total, a period, another caption or the table's end) ends that row's label;
  a phrase opening a period (or after a total) over one row alone, or right
  under a caption with its ":", begins its label; a word alone naming no
  reserve that makes the row above's label name an account (it names none
  without) ends that label; and where a table's phrases
  settled so all go one way, a phrase between two rows goes that way, each
  pair of rows standing alone (a caption over its accounts has more than one
  row under it).  The structure is no evidence outside a schedule's rows: its
  joins are made only where the two lines name a valuation account together,
  never of a phrase the table prints as a caption elsewhere, nor over a row
  whose label opens an account's name of its own (a group's caption over its
  one account), nor a phrase opening a reserve's name of its own ("Reserve for
  restructuring", its figures nils printed blank), or an account's under a row
  naming one already (a group's caption left at the foot of a page, its
  accounts on the next), to the row above.  A phrase (or a caption with its
  ":") over a row of figures with an empty label cell (not under a labelled row
  it could total) is that row's label, printed in a row of its own.  Over the
  772 HTML tables of the 8 real filings: no join.
- dated: a phrase right over one row of figures labelled by a date alone, in a
  table by period, is that label's first line ("Restructuring reserve
  established" / "March 31, 1997 | 1,500 ..."), decided as the text front end
  decides it (`labels.label_over_date`), before any other evidence is asked.

A phrase ending in ":" or naming a period is a caption, never a label's line (a caption
is a whole label only of an unlabelled row right under it).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, Optional, Sequence

from auditor.labels import ACCOUNT_WORD, CONNECTIVE, RESERVED_ASSET, TOTAL, by_period_if_dated, label_over_date

# The reserves a schedule prints that name no allowance or reserve (labels.ACCOUNT_WORD): accruals of liabilities.
ACCRUAL = re.compile(r"\b(?:accru(?:als?|ed)|self-insurance|warrant(?:y|ies))\b", re.IGNORECASE)

# A label that opens an account's name of its own (two words at least: "Allowance" alone is a label's
# last line, "Deferred Tax Asset Valuation" / "Allowance").
OPENS_ACCOUNT = re.compile(r"(?:allowances?|reserves?|provisions?|valuation|accruals?|accounts\s+(?:and\s+notes\s+)?"
                           r"receivable|notes\s+receivable|inventor(?:y|ies)|deferred\s+tax|warranty|self-insurance|lifo)"
                           r"\b\S*\s+\S", re.IGNORECASE)

# A phrase that begins a reserve's name of its own ("Reserve for restructuring", "Allowance for
# returns"): never the last line of the label above it, where that reserve prints its label alone
# (its figures nils printed blank, as in a year before it was set up).
OWN_RESERVE = re.compile(r"(?:allowances?|reserves?|provisions?)\s+(?:for|against)\s+\S", re.IGNORECASE)

# The words of a phrase (a footnote marker "(c)" is none).
WORDS = re.compile(r"[A-Za-z]{2,}")

LineKind = Literal["row", "total", "text", "caption", "dated", "period", "other"]


class Line(NamedTuple):
    """A non-blank row of a table part, as the wrapping reads it."""

    row: int  # index of its <tr> in the grid
    # row: figures under a label; total: a total's or unlabelled figures; text: a phrase alone;
    # caption: a phrase ending in ":"; dated: figures under a date alone; period: a period's caption;
    # other: a note, figures under a period's name
    kind: LineKind
    text: str  # the label (row, total) or the phrase (text)
    set_in: bool  # its label set in by &nbsp;


def wrapped(lines: Sequence[Line], before: Optional[Line] = None) -> dict[int, int]:
    """{row of a phrase: row of figures whose label it is a line of}; `before` the last line of
    the part before a page break, what a phrase opening this part is read under."""
    over_dates = _over_dates(lines)
    phrases = [p for p, line in enumerate(lines) if line.kind == "text" and p not in over_dates]
    ways = {p: w for p in phrases if (w := _lexical(lines, p) or _fragment(lines, p)
                                      or (-1 if _dangling(lines, p) or _completes(lines, p) else 0))}
    if -1 not in ways.values():
        # (a phrase over one row may be its caption where the table's labels end in rows of their own)
        ways.update({p: 1 for p in phrases if p not in ways and _opening(lines, p)})
    captions = _captions(lines)
    ways = {p: w for p, w in ways.items() if _lexical(lines, p) or _may_join(lines, p, w, captions)}
    settled = set(ways.values())
    if len(settled) == 1:
        way = settled.pop()
        taken = {p + w for p, w in ways.items()}
        for p in phrases:
            if (p not in ways and _kind(lines, p + way) == "row" and p + way not in taken and _alone(lines, p, way)
                    and _may_join(lines, p, way, captions)):
                ways[p] = way
                taken.add(p + way)
    ways.update({p: 1 for p, line in enumerate(lines) if p not in ways and _names_unlabelled(lines, p, before)
                 and (_may_join(lines, p, 1, captions) if line.kind == "text" else _names_account(lines, p, 1))})
    ways.update({p: 1 for p in over_dates})
    return {lines[p].row: lines[p + w].row for p, w in ways.items()}


def _over_dates(lines: Sequence[Line]) -> set[int]:
    """The phrases that are the first words of the label of the row of figures under them,
    labelled by a date alone (`labels.label_over_date`: "Restructuring reserve established" /
    "March 31, 1997 | 1,200 ..."), in a table by period."""
    if not any(line.kind == "dated" for line in lines) or not by_period_if_dated(
            any(line.kind == "period" for line in lines),
            (line.text for line in lines if line.kind in ("row", "total", "dated"))):
        return set()
    return {p for p, line in enumerate(lines) if line.kind == "text" and _kind(lines, p + 1) == "dated"
            and label_over_date(line.text, lines[p + 1].text, _figures_label(lines, p + 2))}


def _figures_label(lines: Sequence[Line], p: int) -> Optional[str]:
    """The label of line `p` where it is a row of figures; None where it is none."""
    return lines[p].text if _kind(lines, p) in ("row", "total", "dated") else None


def left_at_foot(parts: Sequence[Sequence[Line]], joins: Sequence[dict[int, int]]) -> dict[int, Line]:
    """{part: the phrase ending the part before it} where a page break parted a label from its
    figures: the phrase (naming an account, joined to no row) the last line of a part, the next
    part's first line a row of figures with an empty label cell (`_names_unlabelled` across the break)."""
    out: dict[int, Line] = {}
    for k in range(1, len(parts)):
        before, after = parts[k - 1], parts[k]
        if not before or not after or before[-1].row in joins[k - 1] or after[0].row in joins[k].values():
            continue
        lines = [*before, after[0]]
        p = len(before) - 1
        if _names_unlabelled(lines, p) and _names_account(lines, p, 1):
            out[k] = before[-1]
    return out


def _names_unlabelled(lines: Sequence[Line], p: int, before: Optional[Line] = None) -> bool:
    """A phrase (or a caption, its ":" ended) over a row of figures whose label cell is empty, not
    under a labelled row of figures (whose unlabelled total the row could be): that row's label,
    printed a row above it ("Allowance for doubtful accounts" / "  $ 303  ...").  A phrase opening
    a part is under `before`, the last line of the page before (a reserve printing its label alone
    at a page's top, its period's unlabelled total under it, the accounts' rows on the page before)."""
    line_above = lines[p - 1] if p > 0 else before
    above = line_above.kind if line_above is not None else None
    return (lines[p].kind in ("text", "caption") and _kind(lines, p + 1) == "total" and not lines[p + 1].text and above != "row"
            and not (line_above is not None and above == "total" and line_above.text))


def _captions(lines: Sequence[Line]) -> set[str]:
    """The phrases the table prints as captions somewhere: with a ":", or over a run of rows (not right
    under a caption with its ":", where a phrase is a label's first line: `_opening`)."""
    return {line.text.rstrip(":").strip() for p, line in enumerate(lines)
            if line.kind == "caption" or line.kind == "text" and _kind(lines, p + 1) == _kind(lines, p + 2) == "row"
            and _kind(lines, p - 1) != "caption" and not _fragment(lines, p)}


def _may_join(lines: Sequence[Line], p: int, way: int, captions: set[str]) -> bool:
    """Whether a phrase the structure alone joins to a row may be a line of its
    label: never a phrase the table prints as a caption elsewhere, nor over a
    row whose label opens an account's name of its own ("Allowances Deducted from
    Assets" over "Accounts Receivable (for Doubtful Receivables)", a group's
    caption over its one account), nor under a row naming a valuation account a phrase
    opening one ("Allowances Deducted from Assets" left at a page's foot over the next
    page's accounts); and the two naming an account together."""
    if lines[p].text in captions or way > 0 and OPENS_ACCOUNT.match(lines[p + 1].text):
        return False
    if way < 0 and (OWN_RESERVE.match(lines[p].text) or _group_caption(lines[p].text, lines[p - 1].text)):
        return False
    return _names_account(lines, p, way)


def _group_caption(phrase: str, above: str) -> bool:
    """A phrase of words opening an account's name under a label naming a valuation account
    already: a caption over the accounts after it ("Reserve (c)" is a label's last line)."""
    return bool(OPENS_ACCOUNT.match(phrase)) and len(WORDS.findall(phrase)) > 1 and bool(ACCOUNT_WORD.search(above))


def _names_account(lines: Sequence[Line], p: int, way: int) -> bool:
    """Whether the phrase and the row's label together name a valuation account
    ("Allowance for Doubtful" + "Accounts"): the structure alone is no evidence
    outside a schedule's rows (a cash flow statement's "Operating activities"
    over "Net income", a debt table's "Senior notes" over "5.1% due 2012")."""
    pair = (lines[p].text, lines[p + way].text)
    return _account(" ".join(pair if way > 0 else reversed(pair)))


def _account(label: str) -> bool:
    return bool(ACCOUNT_WORD.search(label) or RESERVED_ASSET.search(label) or ACCRUAL.search(label))


def _kind(lines: Sequence[Line], p: int) -> Optional[LineKind]:
    return lines[p].kind if 0 <= p < len(lines) else None


# A line no label begins with: it goes on from the line above ("Deferred tax assets" / "- valuation allowance").
GOES_ON = re.compile(r"^[-\u2013\u2014&)]")


def _lexical(lines: Sequence[Line], p: int) -> int:
    """+1 / -1 where the words say the phrase goes on into the row below / ends the row above; else 0."""
    line = lines[p]
    below = lines[p + 1] if _kind(lines, p + 1) in ("row", "total") and lines[p + 1].text else None
    above = lines[p - 1] if _kind(lines, p - 1) in ("row", "total") and lines[p - 1].text else None
    if below is not None and not line.set_in and (CONNECTIVE.search(line.text) or _open(line.text)
                                                  or GOES_ON.match(below.text) or _cased(line.text, below)):
        return 1
    if above is not None and (CONNECTIVE.search(above.text) or _open(above.text) or GOES_ON.match(line.text)):
        return -1
    return 0


def _open(text: str) -> bool:
    """A parenthesis left open: the remark goes on ("Accounts Receivable (for Doubtful" / "Receivables)")."""
    return text.count("(") > text.count(")")


def _cased(first: str, below: Line) -> bool:
    """The label below goes on in lower case under a capitalised phrase (in a
    table all in lower case, a group's caption over its first account looks the
    same); in a table all in capitals, it is set in under the phrase."""
    label = below.text
    if label[0].islower():
        return first[:1].isupper()
    return below.set_in and first.isupper() and label.isupper()


def _fragment(lines: Sequence[Line], p: int) -> int:
    """+1 / -1 where a one-word label line that is no whole label ("Accounts",
    "Allowance", "Commitments"; an asset's name is one: "Receivables") lies
    between the phrase or row it ends and a row opening an account's name of
    its own, or the end of its period: "Allowance for Doubtful" / "Accounts
    303 ..." / "Inventory Reserve  1,212 ...", or the same with the figures on
    the first line.  (A caption's accounts are alike: "Receivables" / "Inventories".)"""
    for way, word in ((1, p + 1), (-1, p)):
        row, beyond = (p + 1, p + 2) if way > 0 else (p - 1, p + 1)
        if (_kind(lines, row) == "row" and _fragmentary(lines[word].text) and _names_account(lines, p, way)
                and (_kind(lines, beyond) not in ("row", "text") or _kind(lines, beyond) == "row"
                     and OPENS_ACCOUNT.match(lines[beyond].text))
                and not (way > 0 and lines[p].set_in)):
            return way
    return 0


def _fragmentary(text: str) -> bool:
    """A single word no label is made of alone (not an asset's name, not a total)."""
    return len(text.split()) == 1 and not RESERVED_ASSET.search(text) and not TOTAL.match(text)


def _completes(lines: Sequence[Line], p: int) -> bool:
    """A word alone naming no reserve under a row whose label (no phrase over it
    begins it) names no account alone and does with it: that label's last line
    ("Accounts and Notes  130 ..." / "Receivable"), whatever comes under it."""
    above = lines[p - 1] if _kind(lines, p - 1) == "row" and _kind(lines, p - 2) != "text" else None
    phrase = lines[p].text
    return (above is not None and not lines[p].set_in and len(phrase.split()) == 1 and not ACCOUNT_WORD.search(phrase)
            and not _account(above.text) and _account(f"{above.text} {phrase}"))


def _dangling(lines: Sequence[Line], p: int) -> bool:
    """A phrase right under a row that captions none (a total, a period, a
    caption or the table's end comes next): the row's label's last line."""
    return _kind(lines, p - 1) == "row" and _kind(lines, p + 1) not in ("row", "text") and _alone(lines, p, -1)


def _opening(lines: Sequence[Line], p: int) -> bool:
    """A phrase over one row alone, opening a period (or after a total), or
    right under a group's caption ("Allowances Deducted from Assets:" / "Accounts
    and Notes" / "Receivable  1,212 ..."; a caption is not captioned again
    without its own ":"): the first line of that row's label."""
    above, below = _kind(lines, p - 1), _kind(lines, p + 1)
    if below != "row" or lines[p].set_in:
        return False
    return above == "caption" or above != "row" and _kind(lines, p + 2) not in ("row", "total")


def _alone(lines: Sequence[Line], p: int, way: int) -> bool:
    """Whether the row the phrase would join has no row on its other side (a
    caption's accounts come in runs; a wrapped label's rows stand alone)."""
    return _kind(lines, p + 2 * way) != "row" and (way < 0 or not lines[p].set_in)

"""Wrapped labels and captions: which text lines of the body are period or
group captions, and which are the first or further lines of a row's label."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal, NamedTuple, Optional, Sequence

from auditor.frontends.text.parse import Line, Token
from auditor.frontends.text.tokens import Chunk, chunk_text, chunks, label_text, text
from auditor.labels import (ACCOUNT_WORD, CONNECTIVE, GROUP_CAPTION, GROUP_PLACE_END, GROUP_WORDS, date_goes_on,
                            dated_by, is_period)
from auditor.lazy_pattern import lazy_compile
from auditor.model import Row



class Entry(NamedTuple):
    """What the body prints, in order: a period's or a group's caption, or a row."""

    kind: Literal["period", "caption", "row"]
    text: str  # the caption as printed ("" for a row)
    at: int  # a caption's line; a row's label indent
    row: Optional[Row] = None
    opened: Optional[int] = None  # a row's label's first line's indent, where it wrapped above the figures
    foot: bool = False  # a caption the page broke under (<PAGE>, a form feed), the next row on the next page


def row_entry(row: Row, indent: int, opened: Optional[int] = None) -> Entry:
    return Entry("row", "", indent, row, opened)


def the_row(entry: Entry) -> Row:
    assert entry.row is not None, "a row entry holds its row"
    return entry.row


def continues(ln: Line, entries: Sequence[Entry], last: Optional[int], gap: bool, label_end: int) -> bool:
    """A label line right under a row, indented deeper: the row's label goes on.
    (Or level with the row's figures line where the label opened shallower above
    it: "Allowance" / "  for        $ 1,212" / "  cooperative advertising", a
    label wrapped over three lines with its figures on the middle one.)"""
    if last is None or gap or not ln.words or any(t.end > label_end + 1 for t in ln.words):
        return False
    words = text(ln.words)
    entry = entries[last]
    column = ln.words[0].column
    deeper = column > entry.at or (entry.opened is not None and column == entry.at > entry.opened)
    return deeper and not words.endswith(":") and not is_period(words) and bool(the_row(entry).label)


def go_on(entry: Entry, ln: Line) -> Entry:
    """The row with the label line `ln` added to its label."""
    row = the_row(entry)
    return entry._replace(row=replace(row, label=f"{row.label} {label_text(ln.words)}"))


def settle(pending: Sequence[Line], entries: list[Entry], row_line: Optional[Line],
           row_words: Sequence[Token] = (), previous_indent: Optional[int] = None,
           cased: bool = True) -> tuple[str, Optional[int]]:
    """Give each pending text line its role; return the row's label prefix.

    Lines right above a row that neither end in ":" nor name a period, and
    that the row's own label continues (it starts in lower case, the line
    ends on "for", "of"..., the row is indented deeper, or the lines start
    where the row before them did), are the first lines of the row's wrapped
    label.  Returns the prefix and its first line's indent (None without one).
    """
    prefix: list[Sequence[Token]] = []  # the label's first lines' words
    period: Optional[tuple[str, int]] = None
    if any(is_period(text(ln.words)) for ln in pending):
        previous_indent = None  # a new period: the row before is no guide to this one's label
    dated = False  # (the row opens on a date the line right above leads into: "Adoption of ASC 326 on")
    if row_line is not None and row_words and is_period(text(row_words)):
        dated = (bool(pending) and pending[-1].number == row_line.number - 1
                 and date_goes_on(text(pending[-1].words), text(row_words)))
        # A row that starts with its period ("1996", "Year ended December 31,
        # 1996") under an account's caption: the lines above are captions,
        # with or without a ":", never the first lines of a period's name.
        if not dated:
            row_line = None
    if row_line is not None:
        row_indent = indent_of(row_words, row_line)
        first = row_words[0].text if row_words else ""
        below = {row_indent}  # the indents of the label's lines so far
        k = len(pending)
        while k > 0:
            ln = pending[k - 1]
            words: Sequence[Token] = ln.words
            head = None
            parts = chunks(words)
            if len(parts) > 1 and is_period(chunk_text(parts[0])):
                # The period in the first cell of a label's first line
                # ("Year ended December 31, 1996   Allowance for doubtful").
                head, words = chunk_text(parts[0]).rstrip(":").strip(), tuple(t for c in parts[1:] for t in c)
            line_text = text(words)
            if (line_text.endswith(":") or is_period(line_text)
                    or ln.number != (pending[k].number if k < len(pending) else row_line.number) - 1):
                break
            # A label's continuation lines share one indent, deeper than its
            # first line: a line shallower still is a caption above the label.
            # (In capitals, indents are all there is to go by: a line level
            # with the row under a shallower one is a continuation line too.)
            if k == len(pending) and (_caption_over_account(line_text, text(row_words), cased)
                                      or _reserve_over_reserve(line_text, text(row_words), cased)):
                break
            deeper = len(below) == 1 and (row_indent > words[0].column or _under_first_line(pending, k, row_indent))
            joins = (cased and first[:1].islower() or CONNECTIVE.search(line_text) or deeper
                     or dated and k == len(pending))
            if not joins and not (previous_indent is not None and words[0].column <= previous_indent):
                break
            k -= 1
            prefix.insert(0, words)
            first = words[0].text
            row_indent = words[0].column
            below.add(row_indent)
            if head is not None:
                period = (head, ln.number)
                break  # a period opens the label: nothing above it belongs to it
        pending = pending[:k]
    for ln in pending:
        _caption(entries, ln)
    if period is not None:
        entries.append(Entry("period", *period))
    return " ".join(label_text(words) for words in prefix), (prefix[0][0].column if prefix else None)


# A label that opens on its reserve's word and names it whole ("Allowance for
# doubtful accounts", "Reserve for bad debts", "Provision for purchase commitments").
OPENS_ACCOUNT = lazy_compile(r"^(?:allowances?|reserves?|provisions?)\s+(?:for|against|on)\s+\S", re.IGNORECASE)
# A label that names its reserve whole by its last word ("Warranty reserve", "Valuation allowance").
ENDS_ON_RESERVE = lazy_compile(r"\b(?:allowances?|reserves?|provisions?)$", re.IGNORECASE)


def _caption_over_account(line_text: str, below: str, cased: bool) -> bool:
    """A line right over a row whose label (on the row's line) is an account's
    own ("Reserves deducted from assets" over "  Allowance for doubtful
    accounts   $ 318", "Accounts receivable allowance": a reserve's word in a
    label of three words or more), itself a whole phrase (no "for", "of" at its
    end, the label under it not in lower case): a group caption typed without
    its colon, however the label under it is indented, not the label's first
    line.  ("Deferred Tax" over "  Allowance" is one label wrapped.)"""
    if CONNECTIVE.search(line_text) or cased and below[:1].islower():
        return False
    # (A line naming a reserve itself, "ALLOWANCE FOR DOUBTFUL ACCOUNTS" over "  RECEIVABLE FROM
    # JOINT VENTURE", is a label's first line; one naming the assets reserves are deducted from, a group's.)
    # (A line opening on its group's place in the balance sheet and ending on it, "Classified as current
    # liabilities", "Reserves included in other liabilities", is a caption over any label, "Self-insurance
    # accruals" too -- "included in accrued" over "liabilities" is a label's middle line; one naming the
    # place anywhere, over any label naming an account, "LIFO allowance" too.)
    if GROUP_CAPTION.match(line_text) and GROUP_PLACE_END.search(line_text):
        return True
    if GROUP_WORDS.search(line_text):
        return bool(OPENS_ACCOUNT.match(below) or ACCOUNT_WORD.search(below))
    return not ACCOUNT_WORD.search(line_text) and bool(OPENS_ACCOUNT.match(below)
                                                         or ACCOUNT_WORD.search(below) and len(below.split()) >= 3)


def _reserve_over_reserve(line_text: str, below: str, cased: bool) -> bool:
    """A line naming a reserve whole ("Provision for purchase commitments",
    "Warranty reserve") right over a row opening on a reserve's word of its own
    ("Reserve for self-insurance  1,250"): a reserve printing its label alone
    (its nils blank), not the first line of the label under it.  (In a body
    all in lower case, the row's word is all there is to go by.)"""
    return ((not cased or below[:1].isupper()) and bool(OPENS_ACCOUNT.match(below))
            and bool(OPENS_ACCOUNT.match(line_text) or ENDS_ON_RESERVE.search(line_text)))


def _caption(entries: list[Entry], ln: Line) -> None:
    """A text line no row's label takes: a period's or a group's caption, or both, the
    period in its first cell ("2010   Deducted from asset accounts:")."""
    line_text = text(ln.words)
    parts = chunks(ln.words)
    first = chunk_text(parts[0])
    # (a period before a group's caption: "2010   Deducted from asset accounts:", "PRIOR YEAR   Reserves ...:")
    if len(parts) > 1 and is_period(first):
        entries.append(Entry("period", first.rstrip(":").strip(), ln.number))
        entries.append(Entry("caption", " ".join(chunk_text(c) for c in parts[1:]), ln.number))
    elif is_period(line_text):
        entries.append(Entry("period", line_text.rstrip(":").strip(), ln.number))
    elif _wraps_caption(entries, ln, line_text):
        # "Allowance for losses on" / "foreclosed real estate:": one caption.
        entries[-1] = entries[-1]._replace(text=f"{entries[-1].text} {line_text}")
    else:
        entries.append(Entry("caption", line_text, ln.number))


def indent_of(words: Sequence[Token], line: Line) -> int:
    return words[0].column if words else line.figures[0].value.column


def _under_first_line(pending: Sequence[Line], k: int, row_indent: int) -> bool:
    """pending[k - 1] sits level with the row, right under a shallower line
    that is no caption: "ALLOWANCE FOR DOUBTFUL ACCOUNTS" / "  RECEIVABLE
    FROM JOINT VENTURE" / "  PARTNERS   $ 4.2 ..."."""
    ln = pending[k - 1]
    if k < 2 or ln.words[0].column != row_indent:
        return False
    above = pending[k - 2]
    above_text = text(above.words)
    return (above.number == ln.number - 1 and above.words[0].column < row_indent
            and not above_text.endswith(":") and not is_period(above_text))


def _wraps_caption(entries: Sequence[Entry], ln: Line, line_text: str) -> bool:
    """A caption line that goes on from the caption line right above it."""
    if not entries or entries[-1].kind != "caption":
        return False
    above = entries[-1]
    # (Not a line naming a reserve whole under one that does: two accounts' labels alone, lower case.)
    return (ln.number - above.at == 1 and not above.text.endswith(":")
            and (line_text[:1].islower() and not _reserve_over_reserve(above.text, line_text, False)
                 or bool(CONNECTIVE.search(above.text))))


def dated_chunks(words: Sequence[Token]) -> list[Chunk]:
    """The words' chunks, a period's words and its date parted by a wide gap one chunk ("Year
    ended      December 31, 1997   $ 1,137": one period's label, however wide its gap)."""
    parts = chunks(words)
    if len(parts) >= 2 and dated_by(chunk_text(parts[0]), chunk_text(parts[1])):
        return [parts[0] + parts[1], *parts[2:]]
    return parts


def period_in_first_cell(line: Line) -> tuple[Optional[str], tuple[Token, ...]]:
    """("Year ended December 31, 2003", label words) for a row whose first cell names its period."""
    parts = dated_chunks(line.words)
    if len(parts) == 1 and len(chunks(line.words)) == 2:
        return None, tuple(line.words)  # (a dated row: the whole its label)
    if len(parts) >= 2 and is_period(chunk_text(parts[0])):
        rest = tuple(t for c in parts[1:] for t in c)
        return chunk_text(parts[0]).rstrip(":").strip(), rest
    if parts:
        # (A short year one blank before the account's name, "Dec. 31, 03 Allowance ...": the
        # grammar's COUNT ends the period there.)
        for k, token in enumerate(parts[0][1:-1], 1):
            if token.kind == "COUNT" and is_period(chunk_text(parts[0][:k + 1])):
                return chunk_text(parts[0][:k + 1]), tuple(line.words[k + 1:])
    return None, tuple(line.words)

"""Periods x rows from what a table's parts print, in order.

`html_layout` walks a table's rows into entries: a `Caption`, a
`PeriodStart` (a period caption) or a `Printed` row.  Printed by period, each period
caption opens a period and its rows follow.  Printed by account (a table or a
caption per account, a block per reserve, one account's table), each row's
period is its own label or the period caption above it, and its label the
account's: regrouped here into the same periods x rows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple, Optional, Union

from auditor.frontends.html.locate import BLOCK, Document
from auditor.labels import NOTE_SIGNS, TOTAL, XBRL_MEMBER, YEAR, continues_period, is_period, period_from_caption
from auditor.model import Period, Position, Row


class Caption(NamedTuple):
    """A caption printed over rows: an account's, or a group's."""

    text: str


class PeriodStart(NamedTuple):
    """A period's caption on a row of its own ("Year ended December 31, 2023:")."""

    label: str
    line: int


class Printed(NamedTuple):
    """A row of figures, and the line of its <tr>."""

    row: Row
    line: int


Entry = Union[Caption, PeriodStart, Printed]

# Footnote markers ending a label ("(1)", "(a)(b)", "**", a dagger), matched at
# the start of the label reversed: a search for them anchored at its end
# retried every start (and "(\s*(...|\*{1,3}))+$" backtracked exponentially
# over a run of asterisks).
NOTES_REVERSED = re.compile(rf"(?:(?:\)(?:\d{{1,2}}|[a-zA-Z]{{1,2}}|[ivxIVX]{{1,4}})\(|\*{{1,3}}|[{NOTE_SIGNS}])\s*)+")


def notes_start(text: str) -> int:
    """Where the footnote markers ending `text` start (with the spaces before
    them); len(text) where there are none."""
    notes = NOTES_REVERSED.match(text[::-1])
    return len(text) - notes.end() if notes else len(text)


def regroup(entries: list[Entry], preamble: str = "") -> tuple[list[Period], list[Position]]:
    """The periods of a table's entries, in either arrangement, and the figures
    of rows no period takes (to be said unread, VQ007, never dropped unsaid)."""
    if _by_account(entries):
        return _periods_by_account(entries, named_account(preamble))
    return _periods(entries), []


def _periods(entries: list[Entry]) -> list[Period]:
    """Periods as printed: each period caption opens one, its rows follow (captions of groups are not read)."""
    periods: list[Period] = []
    rows: list[Row] = []
    label, line = "", 0  # line 0: no period caption yet, the first row's line opens it
    for entry in entries + [PeriodStart("", 0)]:
        if isinstance(entry, PeriodStart) and rows and continues_period(entry.label, label):
            continue  # (its caption again over the rest of its rows, a page on)
        if isinstance(entry, PeriodStart):
            if rows:
                periods.append(period_from_caption(label, line, rows))
            label, line, rows = entry.label, entry.line, []
        elif isinstance(entry, Printed):
            if not line:
                line = entry.line
            rows.append(entry.row)
    return periods


def _by_account(entries: list[Entry]) -> bool:
    """Whether the table prints accounts with their periods inside them: most
    rows labelled by a period ("2023", "Year ended December 31, 2023": a table
    per account, or one account's table), or account captions each followed by
    the same period captions again (a block per reserve, the years as captions
    over its sub-rows)."""
    rows = [e.row for e in entries if isinstance(e, Printed)]
    if sum(1 for r in rows if r.label and is_period(r.label)) > len(rows) / 2:
        return True
    seen: set[str] = set()  # period keys of earlier accounts
    listed: set[str] = set()  # of the current one
    for entry in entries:
        if isinstance(entry, Caption):
            seen |= listed
            listed = set()
        else:
            label = entry.label if isinstance(entry, PeriodStart) else entry.row.label
            if isinstance(entry, Printed) and not (label and is_period(label)):
                continue
            key = period_key(label)
            if key in seen:
                return True
            listed.add(key)
    return False


def _periods_by_account(entries: list[Entry], named: str = "") -> tuple[list[Period], list[Position]]:
    """Accounts printed with their periods inside: regrouped as periods x rows.
    A row labelled by a period is that account's row of that period, labelled
    with the account's caption; a row under a period caption ("-Current" under
    "2024") is the account's sub-row, labelled with caption and its own label.
    An account without a caption is the one the prose above names (`named`),
    else it reads as a total.  A row of figures before any period's caption in its
    account's block is in no period: its figures are returned unplaced."""
    order: list[str] = []
    unplaced: list[Position] = []
    rows_of: dict[str, list[Row]] = {}
    first: dict[str, tuple[str, int]] = {}
    account, period = named, None
    for entry in entries:
        if isinstance(entry, Caption):
            account, period = without_notes(entry.text), None
        elif isinstance(entry, PeriodStart):
            period = (entry.label, entry.line)
        else:
            row = entry.row
            if row.label and is_period(row.label):
                opened, label = (row.label, row.line), account
            elif period is not None:
                opened, label = period, " ".join(p for p in (account, row.label) if p)
            else:  # a row before any period: in none, its figures said unread
                unplaced += [c.position for c in row.cells if c is not None]
                continue
            key = period_key(opened[0])
            if key not in rows_of:
                order.append(key)
                rows_of[key], first[key] = [], opened
            total = not label or bool(TOTAL.match(label)) or (opened is period and row.is_total)
            rows_of[key].append(replace(row, label=label, kind="total" if total else "item"))
    return [period_from_caption(first[k][0], first[k][1], rows_of[k]) for k in order], unplaced


# The account a sentence above the table names: "the activity of the allowance
# for credit losses and sales credits for the years ended ..." (Rule 12-09 accounts
# are allowances, reserves and valuation allowances).
NAMED_ACCOUNT = re.compile(
    r"\b((?:valuation\s+)?(?:allowances?|reserves?|provisions?)\s+for\s+[a-z][^,.;:()]*?)"
    r"(?=\s+(?:for|during|in|over)\s+(?:the|each|fiscal)\b|\s*[(,.;:]|$)", re.IGNORECASE)


def named_account(preamble: str) -> str:
    match = NAMED_ACCOUNT.search(preamble or "")
    if not match:
        return ""
    name = " ".join(match.group(1).split())
    return name[0].upper() + name[1:]


def without_notes(text: str) -> str:
    """A caption without its footnote markers: "Allowance For Credit Losses (1) (2)", nor
    the XBRL viewer's mark of a member: "Allowance for Doubtful Accounts [Member]"."""
    text = XBRL_MEMBER.sub("", text)
    start = notes_start(text)
    return text[:start].strip() if 0 < start < len(text) else text


def period_key(label: str) -> str:
    return " ".join(label.rstrip(":").lower().split())


# A line naming the years covered is short ("For the years ended December 31,
# 2003, 2002 and 2001"); a sentence of prose naming years runs on.
YEARS_LINE = 120


def years_line(text: str) -> bool:
    """A line that names the years a schedule covers, as a title's subtitle does."""
    return len(text) <= YEARS_LINE and is_period(text) and YEAR.search(text) is not None


def years_lines(doc: Document, start: int, end: int) -> str:
    """The blocks of doc.text[start:end] (between a title and its table) that
    name the years the schedule covers, each in a <p>, <div> or line of its
    own: what the completeness check compares the periods read with, as the
    subtitle of a text schedule (the title's own block is its title)."""
    found, at = [], start
    # (A tag ends in ">": searching past the last one only rescans a run of "<".)
    for m in [*BLOCK.finditer(doc.text, start, doc.text.rfind(">", start, end) + 1 or start), None]:
        text = doc.plain(at, m.start() if m else end)
        if years_line(text):
            found.append(text)
        at = m.end() if m else end
    return " ".join(found)

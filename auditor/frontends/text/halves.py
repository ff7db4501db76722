"""A table too wide for the page, typed in two parts one under the other.

A typist short of width types the labels and the first columns (A, B, C),
then, under it (perhaps on the next page), the rest (D, E), the row labels
typed again or not.  Neither part is a schedule alone: the first names no
balance at end, the second no balance at beginning.  Two such parts whose
rows match one for one are read as one table, the columns side by side, so
the carry-forward and every row's identity span both; two complete tables
are never joined (`needs_rest`: only a part that cannot be read alone).
Rows that do not match are an input error naming both parts: a figure read
into another row would be a silent misread.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional, Sequence

from auditor.errors import InputError
from auditor.model import Period, Row, Schedule
from auditor.reading import balances_named

if TYPE_CHECKING:
    from auditor.ruleset.model import RoleSpec


def needs_rest(part: Schedule, specs: Sequence[RoleSpec]) -> bool:
    """Whether a laid-out table lacks a balance Rule 12-09 requires (its
    headings and positions name no balance at end, or none at beginning)."""
    return bool(part.columns) and 0 in balances_named(part, specs)


def supplies_rest(first: Schedule, second: Schedule, specs: Sequence[RoleSpec]) -> bool:
    """Whether the second part, whose headings name no schedule's two
    balances either, names what the first lacks: side by side, their columns name each balance once (as
    one table's headings and positions are read: "Balance at" first opens,
    last closes)."""
    side_by_side = replace(first, columns=first.columns + second.columns)
    # (The second part's headings alone: by position its first column would open, "Col. E" over deductions.)
    return 0 in balances_named(second, specs, by_position=False) and balances_named(side_by_side, specs) == (1, 1)


def joined(first: Schedule, second: Schedule, path: Optional[str]) -> Schedule:
    """The two parts as one table: each row of the first with its match's
    cells after its own (`matched`)."""
    rests = iter(_matched(first, second, path))
    periods = tuple(replace(p, rows=tuple(replace(r, cells=r.cells + next(rests).cells) for r in p.rows))
                    for p in first.periods)
    return replace(first, columns=first.columns + second.columns, periods=periods,
                   unread=first.unread + second.unread)


def _matched(first: Schedule, second: Schedule, path: Optional[str]) -> list[Row]:
    """The second part's rows, one per row of the first, in order: the same
    periods' captions where the second prints them, and each row's label the
    same where the second types it again; else an input error naming both."""
    ours, theirs = [r for p in first.periods for r in p.rows], [r for p in second.periods for r in p.rows]
    why = _mismatch(first.periods, second.periods, ours, theirs)
    if why:
        where = theirs[0].line if theirs else second.line
        raise InputError(f"the table's columns go on in a second part (line {where}) whose rows do not match "
                         f"the first part's row for row: {why}", path, first.line)
    return theirs


def _mismatch(periods: Sequence[Period], others: Sequence[Period], ours: Sequence[Row],
              theirs: Sequence[Row]) -> str:
    """What keeps the second part's rows from matching the first's, or ""."""
    if len(ours) != len(theirs):
        return f"{len(ours)} rows, then {len(theirs)}"
    captioned = [p for p in others if p.label]
    if captioned:
        if [_words(p.label) for p in others] != [_words(p.label) for p in periods]:
            return "other periods: " + "; ".join(p.label for p in others)
        if [len(p.rows) for p in others] != [len(p.rows) for p in periods]:
            return "the periods' rows differ in number"
    for row, other in zip(ours, theirs):
        if other.label and _words(other.label) != _words(row.label):
            return f"line {other.line} {other.label!r} against line {row.line} {row.label!r}"
    return ""


def _words(text: str) -> str:
    return " ".join(text.lower().rstrip(":").split())

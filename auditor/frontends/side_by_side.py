"""Two reserves side by side: one table whose figure columns are a group per
reserve, each group its own balance at beginning, movements and balance at
end, under a heading spanning the group that names the reserve ("Allowance for
Doubtful Accounts" over four columns, "Inventory Reserve" over the next four),
the periods as rows or as row blocks.

Read as one schedule whose rows are the reserves: each printed row becomes a
row per group (the reserve's name, the row's own label after it where it is
no period's), its cells the group's, under the first group's columns (their
headings less the reserve's name: each group's columns take their roles from
their own headings, which must read alike).  So every reserve is an account
of every period, its row identity checked on its own figures and its carry
forward matched by its name, as a schedule printing a row per reserve is.
A row labelled by a period (the years as rows) is that period.  Groups
whose headings do not read alike, or that name no reserve, are refused: read
as one row their second reserve's balances would be taken for movements.

Two periods side by side: groups of columns each under its period ("1998"
over four columns, "1997" over the next four; "Fiscal 2004"; "Year ended
December 31, 2003"), one row per reserve.  Found by the period caption each
column's heading opens with (not by balance words: "Balance at" alone heads
both balances), they are read as a period per group of the same rows, each
row's cells its group's, so carry forward is checked between the groups as
between periods.  Years over rows that are periods themselves are refused.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from auditor.errors import InputError
from auditor.labels import (BALANCE_WORD, GROUP_CLOSES, GROUP_OPENS, RULE_LETTER, YEAR, is_period, period_from_caption,
                            row_key)
from auditor.model import Column, Period, Row, Schedule

Group = tuple[str, tuple[int, ...]]  # (the reserve's name or the period's caption, its columns)


def split(schedule: Schedule, headings_line: Optional[int] = None) -> Schedule:
    """`schedule` read as a row per reserve where its columns are a group per reserve, or as a
    period per group where each group is headed by its period (`headings_line`: where the
    headings over the groups are printed, for a refusal to name)."""
    columns = schedule.columns
    # (one search for most tables: their first heading names no year)
    by_period = _period_groups(columns) if columns and YEAR.search(columns[0].heading) else None
    if by_period is not None:
        if _one_block_of_reserves(schedule, by_period):
            return _as_periods(schedule, by_period, headings_line)
        _refuse_unmatched(schedule, headings_line)
        raise InputError(f"{len(by_period)} groups of columns each headed by a period ({by_period[0][0]}, ...) over "
                         "rows that are no one block of reserves: neither periods nor reserves side by side",
                         None, headings_line or schedule.line)
    opens = [k for k, c in enumerate(schedule.columns) if GROUP_OPENS.search(c.heading)]
    if len(opens) < 2:  # (a single reserve's columns, as most tables print)
        # (or reserves side by side headed by Rule 12-09's letters alone: one test for most tables)
        if not columns or _letter(columns[-1].heading) is None:
            return schedule
        groups = _lettered_groups(columns, headings_line)
        if groups is None:
            return schedule
    else:
        groups = _groups(schedule.columns, opens)
    if groups is None or any(is_period(name) for name, _ in groups):  # (periods over groups not read as such)
        _refuse_unmatched(schedule, headings_line)
        return schedule
    name, first = groups[0]
    columns = tuple(replace(schedule.columns[k], heading=_less(schedule.columns[k].heading, name)) for k in first)
    periods: list[Period] = []
    for period in schedule.periods:
        by_row = all(r.label and is_period(r.label) for r in period.rows) and period.fiscal_year is None
        if by_row:  # (the years as rows, each a period of its own: "Year ended" over "December 31, 2003" one caption)
            periods += [period_from_caption(f"{period.label} {r.label}".strip(), r.line, _reserves(r, groups, own=False))
                        for r in period.rows]
        else:
            rows = tuple(x for r in period.rows for x in _reserves(r, groups, own=not is_period(r.label or "")))
            periods.append(replace(period, rows=rows))
    return replace(schedule, columns=columns, periods=tuple(periods))


# How many words a period's caption heading a group of columns may print up to its year
# ("For the fifty-two weeks ended January 3, 1998"): a heading naming a year further on names no group.
PERIOD_HEAD_WORDS = 8


def _period_of(heading: str) -> Optional[str]:
    """The period caption opening a column's heading ("2003 Balance at", "Fiscal 2003 Deductions"):
    its words up to its first year, where they read as a period's."""
    year = YEAR.search(heading)
    if year is None:
        return None
    caption = " ".join(heading[: year.end()].split())
    return caption if len(caption.split()) <= PERIOD_HEAD_WORDS and is_period(caption) else None


def _period_groups(columns: Sequence[Column]) -> Optional[list[Group]]:
    """The columns as runs each under a period of its own, their headings alike less the
    period (two years side by side, each group headed by its year); None unless two or more
    such runs of one width cover every column."""
    captions = [_period_of(c.heading) for c in columns]
    if None in captions:
        return None
    groups: list[Group] = []
    for k, caption in enumerate(captions):
        if groups and row_key(groups[-1][0]) == row_key(caption or ""):
            groups[-1] = (groups[-1][0], groups[-1][1] + (k,))
        else:
            groups.append((caption or "", (k,)))
    if len(groups) < 2 or len({row_key(c) for c, _ in groups}) < len(groups) or len({len(ks) for _, ks in groups}) > 1:
        return None
    shapes = {tuple(row_key(_less(columns[k].heading, c)) for k in ks) for c, ks in groups}
    return groups if len(shapes) == 1 else None


def _one_block_of_reserves(schedule: Schedule, groups: Sequence[Group]) -> bool:
    """One block of rows, none of them a period's, under no period of its own but the one a
    title names ("For the year ended December 31, 2003" over groups 2003, 2002, 2001: the
    latest, the groups' own years deciding): rows each group prints again for its period
    (two years side by side, a row per reserve)."""
    if len(schedule.periods) != 1:
        return False
    only = schedule.periods[0]
    if only.label or only.fiscal_year is not None:
        years = [period_from_caption(caption, 0, ()).fiscal_year for caption, _ in groups]
        if only.fiscal_year is None or None in years or only.fiscal_year != max(y for y in years if y is not None):
            return False
    return not any(is_period(r.label or "") for r in only.rows)


def _as_periods(schedule: Schedule, groups: Sequence[Group], headings_line: Optional[int]) -> Schedule:
    """A period per group, named by the heading over it, its rows the printed rows' cells in
    the group (a reserve printing no figure in a period is not of that period's rows)."""
    name, first = groups[0]
    columns = tuple(replace(schedule.columns[k], heading=_less(schedule.columns[k].heading, name)) for k in first)
    rows = schedule.periods[0].rows
    line = headings_line or schedule.periods[0].line
    periods = tuple(period_from_caption(caption, line, [replace(r, cells=tuple(r.cells[k] for k in ks)) for r in rows
                                                         if any(r.cells[k] for k in ks)])
                    for caption, ks in groups)
    return replace(schedule, columns=columns, periods=periods)


def _groups(columns: Sequence[Column], starts: list[int]) -> Optional[list[Group]]:
    """The columns in groups, each from a balance at beginning to a balance at end (`starts`:
    the columns whose headings open one), each naming its reserve before its first heading's
    balance words; None unless there are two or more, of one width, with the same headings
    but for the name."""
    if starts[0] != 0:
        return None
    starts = [k for k in starts if not GROUP_CLOSES.search(columns[k].heading)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    width = starts[1]
    if any(b - a != width for a, b in zip(starts, starts[1:] + [len(columns)])):
        return None
    groups: list[Group] = []
    for s in starts:
        ks = tuple(range(s, s + width))
        heading = columns[s].heading
        at = BALANCE_WORD.search(heading)
        name = _without_letter(" ".join(heading[: at.start() if at else 0].split()))
        if not name or not GROUP_CLOSES.search(columns[ks[-1]].heading):
            return None
        groups.append((name, ks))
    if len({row_key(n) for n, _ in groups}) < len(groups):
        return None
    shapes = {tuple(row_key(_less(columns[k].heading, n)) for k in ks) for n, ks in groups}
    return groups if len(shapes) == 1 else None


def _letter(heading: str) -> Optional[str]:
    """The Rule 12-09 letter a column's heading ends with ("Inventory reserve COL. B": "B")."""
    letters = list(RULE_LETTER.finditer(heading))
    return letters[-1].group(1).upper() if letters and letters[-1].end() == len(heading.rstrip()) else None


def _lettered_groups(columns: Sequence[Column], headings_line: Optional[int]) -> Optional[list[Group]]:
    """Reserves side by side headed by Rule 12-09's letters alone, each group's from B again
    under its reserve's name ("Allowance for doubtful accounts" over "COL. B" .. "COL. E", then
    "Inventory reserve" over "COL. B" ..): the groups, their headings alike less the name.
    None where the letters run once; refused where they run again but name no reserve each,
    or the groups differ (read as one row, the second reserve's balances would be movements)."""
    found = [_letter(c.heading) for c in columns]
    letters = [x for x in found if x is not None]
    if len(letters) < len(found):
        return None
    starts = [k for k, letter in enumerate(letters) if k == 0 or letter <= letters[k - 1]]
    if len(starts) < 2:
        return None
    bounds = starts + [len(columns)]
    groups = [(_without_letter(" ".join(columns[a].heading.split())), tuple(range(a, b))) for a, b in zip(bounds, bounds[1:])]
    shapes = {tuple(row_key(_less(columns[k].heading, n)) for k in ks) for n, ks in groups}
    if any(not n or _letter(n) for n, _ in groups) or len({row_key(n) for n, _ in groups}) < len(groups) \
            or len(shapes) > 1:
        raise InputError(f"Rule 12-09's column letters run {len(groups)} times over the figures ({', '.join(letters)}): "
                         "groups of columns side by side that do not each name their reserve alike",
                         None, columns[starts[1]].heading_line or headings_line)
    return groups


def _without_letter(name: str) -> str:
    """A group's name less Rule 12-09's letter its first column prints under it ("Inventory
    reserve" over "COLUMN B" over "Balance at beginning": each group lettered B to E again)."""
    letters = list(RULE_LETTER.finditer(name))
    return name[: letters[-1].start()].rstrip() if letters and letters[-1].end() == len(name) else name


def _refuse_unmatched(schedule: Schedule, headings_line: Optional[int]) -> None:
    """Refuse columns that run twice or more from a balance at beginning to a balance at
    end where they make no groups of reserves: one row identity across them would take
    the second reserve's balances for movements."""
    columns = schedule.columns
    ends = [("open" if GROUP_OPENS.search(c.heading) else "close", k) for k, c in enumerate(columns)
            if bool(GROUP_OPENS.search(c.heading)) != bool(GROUP_CLOSES.search(c.heading))]
    kinds = [kind for kind, _ in ends]
    if kinds.count("open") < 2 or kinds != ["open", "close"] * (len(kinds) // 2):
        return
    second = columns[ends[2][1]]
    n = len(kinds) // 2
    raise InputError(f"{n} balances at beginning and {n} at end: {n} reserves side by side whose groups "
                     f"do not match ({_mismatch(columns, [k for kind, k in ends if kind == 'open'])})",
                     None, second.heading_line or headings_line or schedule.line)


def _mismatch(columns: Sequence[Column], starts: list[int]) -> str:
    """What keeps the groups starting at `starts` from being a group per reserve."""
    bounds = starts + [len(columns)]
    if len({b - a for a, b in zip(bounds, bounds[1:])}) > 1:
        return "groups of different widths"
    names = [" ".join(columns[s].heading[: m.start()].split()) if (m := BALANCE_WORD.search(columns[s].heading)) else ""
             for s in starts]
    if any(is_period(n) for n in names):
        return "the headings over the groups name periods, not reserves"
    if not all(names):
        return "no heading over each group names its reserve"
    return "their column headings differ"


def _less(heading: str, name: str) -> str:
    """A heading less the reserve's name opening it."""
    words, named = heading.split(), name.split()
    return " ".join(words[len(named):]) if [w.lower() for w in words[: len(named)]] == [w.lower() for w in named] else heading


def _reserves(row: Row, groups: Sequence[Group], own: bool) -> tuple[Row, ...]:
    """A row per reserve of a printed row: the group's cells, labelled by the reserve (and
    the row's `own` label after it); an account's row, unless its own label makes it a total
    (a row without one is no total of the reserve it now names)."""
    named = own and bool(row.label)
    return tuple(replace(row, label=f"{name} {row.label}" if named else name,
                         kind=row.kind if named else "item",
                         cells=tuple(row.cells[k] for k in ks)) for name, ks in groups)

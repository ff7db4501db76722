"""Periods named only in the title: "Schedule II ... For the year ended December
31, 2003" over one block of rows, or "Years ended December 31, 2003, 2002 and
2001" over blocks of the same accounts set apart by rules or blank lines, no
caption over any.  Each block is a period of the year the title names in its
place, where the blocks are exactly as many as the years; fewer blocks (a file cut
between two) are periods without a year, as where nothing names one (below);
otherwise the rows stay one period without a year, as read (and VQ006 says the title names years
no period covers, or counts more years, "For the three years ended December
31, 2003", than periods are read).

A block starts again where an account of the block before is printed again:
the accounts in the same order each year, the title's years in the blocks'
order -- unless the blocks' own carry forward runs the other way (the title
naming the years newest first over blocks printed oldest first): the years then
go to the blocks in that order.  "For the three years ended December 31, 2003"
over three such blocks names them so: December 31 of 2003, 2002 and 2001.

Where nothing names a year -- no caption, and no year in the title, the years
only in the text around the table -- blocks that print the same rows in the
same order (each account, each total) are a year each all the same: periods
without a caption, their order left to the carry forward (`reading.carry`: the
order in which the blocks' balances carry on; neither: not checked, and said).
Blocks that differ in a row (a year printing an account the others do not) are
years only where their balances carry on from one to the next; otherwise --
sections of different accounts, a grand total under the last -- they stay one
period.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from auditor.labels import DATE, SPAN_WORD, TOTAL, YEAR, period_from_caption, row_key, years_counted
from auditor.model import Period, Row, Schedule
from auditor.reading.carry import carried_each_way


def dated(schedule: Schedule) -> Schedule:
    """`schedule` with its one yearless period split into the title's years, where they fit."""
    if len(schedule.periods) != 1:
        return schedule
    only = schedule.periods[0]
    if only.label or only.fiscal_year is not None or only.end_date is not None:
        return schedule
    captions = _captions(schedule.subtitle) if schedule.subtitle else []
    if not captions and years_counted(schedule.subtitle) < 2:
        return _yearless(schedule, only) if not YEAR.search(schedule.subtitle) else schedule
    named = len(captions) or years_counted(schedule.subtitle)
    blocks = _blocks(only.rows, named)
    captions = captions or _counted(schedule.subtitle, len(blocks))
    if len(blocks) < named:
        # (fewer blocks than the title's years, a file cut between two: which years they are is not
        # told, but each is a year, as where nothing names one; VQ006 says the years not read)
        return _yearless(schedule, only)
    if len(blocks) != len(captions):
        return schedule
    periods = [period_from_caption(c, b[0].line, b) for c, b in zip(captions, blocks)]
    if _printed_against_title(periods):
        periods = [period_from_caption(c, b[0].line, b) for c, b in zip(reversed(captions), blocks)]
    return replace(schedule, periods=tuple(periods))


def _yearless(schedule: Schedule, only: Period) -> Schedule:
    """`schedule` with its rows split into captionless periods where they are blocks
    printing the same rows in the same order, else as it is."""
    blocks = _blocks(only.rows)
    if len(blocks) < 2:
        return schedule
    periods = tuple(Period("", b, b[0].line) for b in blocks)
    if len({_shape(b) for b in blocks}) != 1 and not _carried_on(periods):
        return schedule
    return replace(schedule, periods=periods)


def _shape(block: tuple[Row, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((r.kind, row_key(r.label)) for r in block)


def _carried_on(periods: Sequence[Period]) -> bool:
    """Whether the blocks' balances carry on from one to the next, one way more than the
    other and at least once a block on average: the blocks are successive years whatever
    accounts each prints (a year without an account closed or not yet opened)."""
    columns = max(len(r.cells) for p in periods for r in p.rows)
    forward, backward = carried_each_way(periods, 0, columns - 1)
    return forward != backward and max(forward, backward) >= len(periods) - 1


def _counted(subtitle: str, blocks: int) -> list[str]:
    """"For the three years ended December 31, 2003" over three blocks: the date named and the
    same date of each year before it, newest first (`_printed_against_title` turns them where
    the figures carry forward the other way)."""
    dates = list(DATE.finditer(subtitle))
    if len(dates) != 1 or len(YEAR.findall(subtitle)) != 1 or years_counted(subtitle) != blocks:
        return []
    month, day, year = dates[0].group(1), dates[0].group(2), int(dates[0].group(3))
    return [f"{month} {day}, {year - k}" for k in range(blocks)]


def _printed_against_title(periods: list[Period]) -> bool:
    """Whether the blocks' own carry forward runs against the title's order of the years:
    the title names them newest first, and more rows open with the balances of the block
    printed before them than after (the blocks printed oldest first), or the other way.
    The balances read by place, Rule 12-09's: the first figure column opens, the last closes."""
    years = [p.fiscal_year or 0 for p in periods]
    columns = max((len(r.cells) for p in periods for r in p.rows), default=0)
    if columns < 2 or years[0] == years[-1]:
        return False
    forward, backward = carried_each_way(periods, 0, columns - 1)
    newest_first = years[0] > years[-1]
    return forward > backward if newest_first else backward > forward


def _captions(subtitle: str) -> list[str]:
    """The period caption of each year the subtitle names, in its order: its date where it
    names one per year, the year under its one month and day, or the year alone."""
    years = [m.group(0) for m in YEAR.finditer(subtitle)]
    if len(set(years)) != len(years) or (len(years) > 1) != bool(SPAN_WORD.search(subtitle)):
        return []  # (a year named twice, or "the three years ended December 31, 1996": no year per block)
    dates = list(DATE.finditer(subtitle))
    if len(dates) == len(years):
        return [d.group(0) for d in dates]
    if len(dates) == 1:
        return [f"{dates[0].group(1)} {dates[0].group(2)}, {y}" for y in years]
    return years


def _blocks(rows: Sequence[Row], count: Optional[int] = None) -> list[tuple[Row, ...]]:
    """The rows in blocks by their labels (`_by_label`); where those blocks differ in their
    rows' kinds, or are not the `count` the title names, the blocks of one shape the balances
    carry on between, if the rows fall so (`_alike`): accounts renamed between years
    ("Reserve: allowance for ..." printed "Allowance for ..." the next year) start no block
    by their labels."""
    blocks = _by_label(rows)
    if len({_kinds(b) for b in blocks}) == 1 and count in (None, len(blocks)):
        return blocks
    return _alike(rows, count) or (_carried_into(rows, count) if count else None) or blocks


def _kinds(block: Sequence[Row]) -> tuple[str, ...]:
    return tuple(r.kind for r in block)


def _alike(rows: Sequence[Row], count: Optional[int]) -> Optional[list[tuple[Row, ...]]]:
    """The rows cut into `count` (or the most) blocks of the same length whose rows are of the
    same kinds in the same order, none printing an account twice, each block's rows opening
    with the balances the same rows of the block before it closed with (or each the block
    after's: printed oldest or newest first) -- most of them at every cut; None where no cut does."""
    # (the title's count of years: so many blocks, not a fourth of a row left over)
    sizes = ([len(rows) // count] if len(rows) % count == 0 else []) if count else range(1, len(rows) // 2 + 1)
    for size in sizes:
        if not size or len(rows) % size or len(rows) == size:
            continue
        blocks = [tuple(rows[k:k + size]) for k in range(0, len(rows), size)]
        if len({_kinds(b) for b in blocks}) == 1 and all(_accounts_once(b) for b in blocks) and _carried_by_place(blocks):
            return blocks
    return None


def _carried_into(rows: Sequence[Row], count: int) -> Optional[list[tuple[Row, ...]]]:
    """The rows cut into the title's `count` years where an account opens with a balance an
    account already in the block closed with (printed oldest first), or closes with one an
    account in the block opened with (newest first): a year printing fewer accounts than
    another, renamed, is no block of one shape, but its balances still carry on.  Blocks
    opening on their total (printed above their rows) keep it: it opens the block it sums."""
    columns = max(len(r.cells) for r in rows)
    if columns < 2:
        return None
    for opening, closing in ((0, columns - 1), (columns - 1, 0)):
        blocks: list[tuple[Row, ...]] = []
        current: list[Row] = []
        for row in rows:
            amount = _balance(row, opening)
            if amount and any(_balance(r, closing) == amount for r in current if r.kind == "item") \
                    and row.kind == "item":
                # (each block's total printed above its rows: the total just before opens this one)
                moved = 1 if len(current) > 1 and current[0].kind == current[-1].kind == "total" else 0
                blocks.append(tuple(current[:len(current) - moved]))
                current = current[len(current) - moved:]
            current.append(row)
        blocks.append(tuple(current))
        if len(blocks) == count and all(_accounts_once(b) for b in blocks):
            return blocks
    return None


def _balance(row: Row, k: int) -> Optional[object]:
    cell = row.cells[k] if k < len(row.cells) else None
    return cell.value if cell is not None else None


def _accounts_once(block: Sequence[Row]) -> bool:
    keys = [row_key(r.label) for r in block if r.label and r.kind == "item"]
    return len(keys) == len(set(keys))


def _carried_by_place(blocks: Sequence[tuple[Row, ...]]) -> bool:
    """Whether at every cut most of the rows printing balances on both sides carry them on
    by their place in the block, the same way at every cut, and at least one row does (a
    cut between years of nils alone compares none)."""
    columns = max(len(r.cells) for b in blocks for r in b)
    if columns < 2:
        return False
    for pairs in (zip(blocks, blocks[1:]), zip(blocks[1:], blocks)):
        cuts = [_carried(earlier, later, columns) for earlier, later in pairs]
        if all(2 * carried >= compared for carried, compared in cuts) and any(carried for carried, _ in cuts):
            return True
    return False


def _carried(earlier: tuple[Row, ...], later: tuple[Row, ...], columns: int) -> tuple[int, int]:
    """(rows opening with the balance the same row of `earlier` closed with, rows printing both)."""
    compared = carried = 0
    for before, after in zip(earlier, later):
        closed, opened = _balance(before, columns - 1), _balance(after, 0)
        if closed is None or opened is None:
            continue
        compared += 1
        carried += closed == opened
    return carried, compared


def _by_label(rows: Sequence[Row]) -> list[tuple[Row, ...]]:
    """The rows in blocks: a block ends before an account already printed in it, or
    before a total naming one ("Total allowance for doubtful accounts", a reserve so
    named opening each block) already printed in it; a bare "Total" ends a block, or, the
    block opening on it (each block's total printed above its rows), starts the next."""
    blocks: list[tuple[Row, ...]] = []
    current: list[Row] = []
    seen: set[str] = set()
    for row in rows:
        key: Optional[str] = row_key(row.label) if row.label and (row.kind == "item" or _names_account(row.label)) else None
        if key is not None and key in seen or _opens_again(current, row):
            blocks.append(tuple(current))
            current, seen = [], set()
        if key is not None:
            seen.add(key)
        current.append(row)
    if current:
        blocks.append(tuple(current))
    return blocks


def _opens_again(block: Sequence[Row], row: Row) -> bool:
    """The block opened on a total (printed above its rows) and `row` is that total again."""
    return bool(block) and row.kind == "total" and block[0].kind == "total" and \
        row_key(row.label) == row_key(block[0].label)


def _names_account(label: str) -> bool:
    """A total's label naming more than the total: "Total allowance for doubtful accounts",
    not "Total" nor "Grand total:"."""
    return bool(row_key(TOTAL.sub("", label, count=1)))

"""Read a Schedule II printed with the years as columns and the movements as rows.

Some filers print each account as a block: a heading row of periods ("2003",
"2002", "2001"), then a row per movement, from "Balance at January 1" down to
"Balance at December 31" (Boeing's 10-Ks, 20-F schedules).  Here each block's
rows become the schedule's columns (their labels the headings, so the roles
stage reads them as it reads any heading), each period column a period, and
each block the account's row in every period: the same periods x rows x
columns model the rules check, every cell keeping its place in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends.html.figures import figures, kind, nonblank, placed, plain
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.leaves import Leaves
from auditor.frontends.html.layout import BARE_YEAR, SCALES, frame, row_label, units_in, words
from auditor.frontends.html.periods import named_account, without_notes
from auditor.labels import (CLOSING, DATE, OPENING, TOTAL, XBRL_TITLE_MEMBER, YEAR, is_period, period_from_caption,
                            period_struck)
from auditor.frontends.html.locate import Region, furniture
from auditor.model import Cell, Column, Period, Row, Schedule


class BlockRow(NamedTuple):
    """A movement's row in a block: its label, footnote marker, the cells of its figure area, its line."""

    label: str
    footnote: Optional[str]
    area: list[HtmlCell]
    line: int


@dataclass
class Block:
    """One account: its heading row of periods, its rows from opening to closing balance."""

    account: str  # (accounts as columns: the block's period)
    periods: list[HtmlCell]  # the heading row's period cells, left to right (accounts as columns: account cells)
    rows: list[BlockRow]  # from opening to closing balance
    names: Optional[list[str]] = None  # accounts as columns: each figure column's account
    members: Optional[list[str]] = None  # each period column's account, named under its period ("" for none)


def period_cells(row: list[HtmlCell]) -> list[HtmlCell]:
    """The period cells of a heading row ("2003", "Year ended December 31, 2003"),
    or [] when the row is not one: every cell after its label names a period."""
    cells = nonblank(row)
    if cells and kind(cells[0]) == "text" and not _names_period(cells[0]):
        cells = cells[1:]
    if not cells or not all(_names_period(c) for c in cells) or cells[0].column == 0:
        return []  # (a caption in the label column, "2003:", heads a period's rows: accounts as columns)
    return cells


def _names_period(cell: HtmlCell) -> bool:
    text = " ".join(cell.text.replace("\xa0", " ").split()).rstrip(":")
    return bool(BARE_YEAR.match(text) or (kind(cell) == "text" and is_period(text)))


def ends_on_periods(grid: Grid) -> bool:
    """Whether the grid's last row is a heading row of periods, nothing under it
    (a page break right after the years)."""
    shown = [cells for cells in grid.rows if nonblank(cells)]
    return bool(shown) and bool(period_cells(shown[-1]))


def _spans_over(top: list[HtmlCell], under: list[HtmlCell]) -> bool:
    """Whether a row of period cells spans the row of period cells under it."""
    over, below = period_cells(top), period_cells(under)
    return len(over) < len(below) and over[0].column <= below[0].column and over[-1].last >= below[-1].last


def blocks(grid: Grid, incomplete: Optional[list[int]] = None) -> list[Block]:
    """The grid's blocks of years as columns, or [] when it is not printed so.
    `incomplete` gets the line of each block that opens with a balance but does
    not end with one (cut by a page break, or rows the reading cannot place)."""
    found, rows = [], grid.rows
    heads = [i for i, cells in enumerate(rows) if period_cells(cells)]
    # A duration spanning the dates under it ("12 Months Ended" over "Dec. 31, 2019",
    # as EDGAR's XBRL viewer heads its columns): the dates' row heads the block.
    heads = [i for i in heads if i + 1 not in heads or not _spans_over(rows[i], rows[i + 1])]
    if not heads:
        return _by_period(grid, incomplete)
    for n, i in enumerate(heads):
        periods = period_cells(rows[i])
        start = periods[0].column
        heading = [c for c in rows[i] if c.last < start and c.text.strip()]
        named = without_notes(plain(heading).rstrip(":").strip()) if heading else ""
        first = "" if furniture(named) else named  # (a units statement in the label cell names no account)
        members = _members(rows[i + 1], periods) if i + 1 < len(rows) else None
        for k, (captions, body) in enumerate(_segments(grid, i + 1 + bool(members),
                                                       heads[n + 1] if n + 1 < len(heads) else len(rows), start)):
            while body and not any(kind(c) == "figure" for c in body[-1].area):
                body.pop()  # a trailing caption of the next account, or a blank line
            # (an account first printed in the latest year opens blank: no fact, as the XBRL viewer prints it)
            opens = bool(body) and OPENING.search(body[0].label) and any(kind(c) == "figure" for r in body for c in r.area)
            if not opens:
                continue
            if len(body) < 3 or not CLOSING.search(body[-1].label):
                if incomplete is not None:
                    incomplete.append(body[0].line if k else grid.row_lines[i])
                continue
            account = first if k == 0 and first else captions[-1] if captions else ""  # (a group's caption is above)
            found.append(Block(account or (_caption_above(rows, i, start) if k == 0 else ""), periods, body,
                               members=members))
    return found


def _members(row: list[HtmlCell], periods: list[HtmlCell]) -> Optional[list[str]]:
    """The accounts named one per period column in the row under the periods
    ("Allowance for Doubtful Accounts [Member]" under "Dec. 31, 2019", as the XBRL
    viewer heads a column per member and date), or None when the row is not one;
    a column of no member (the totals) is named "" there."""
    cells = nonblank(row)
    if not cells or any(kind(c) != "text" or _names_period(c) for c in cells):
        return None
    by_column = {c.column: c for c in cells}
    if any(c.column not in {p.column for p in periods} for c in cells):
        return None
    return [without_notes(plain([by_column[p.column]])) if p.column in by_column else "" for p in periods]


def _segments(grid: Grid, top: int, end: int, start: int) -> list[tuple[list[str], list[BlockRow]]]:
    """The rows under a heading row of periods, cut into accounts: (captions, rows)
    per account.  A row with a label and no figures after an account's closing
    balance is a caption of the next account ("Allowance for doubtful
    accounts:"), or one of a group of them ("Reserves deducted from assets:"),
    when the years are printed once over several accounts."""
    found: list[tuple[list[str], list[BlockRow]]] = [([], [])]
    for r in range(top, end):
        cells = grid.rows[r]
        label_cells = [c for c in cells if c.last < start and c.text.strip()]
        area = [c for c in cells if c.column >= start]
        figured = any(kind(c) == "figure" for c in area)
        if not label_cells and not figured:
            continue
        if any(kind(c) == "text" for c in area):
            break  # prose or another table's headings: the block is over
        label, footnote = row_label(label_cells)
        captions, body = found[-1]
        if not figured and (_closed(body) or body and _opening_next(grid, r + 1, end, start, body)):
            found.append(([], []))
            captions, body = found[-1]
        if not figured and not body and not (area and OPENING.search(label)):
            if not furniture(label):
                captions.append(without_notes(label))
            continue
        if not figured and plain(label_cells).rstrip().endswith(":"):
            continue  # a caption among the block's movements ("Additions:"), no row of figures
        body.append(BlockRow(label, footnote, area, grid.row_lines[r]))
    return found


def _by_period(grid: Grid, incomplete: Optional[list[int]]) -> list[Block]:
    """The accounts as columns, headed by their names: a block of movements per
    period, each under its caption ("Year ended December 31, 2003:") or
    naming it in a balance ("Balance at December 31, 2003"); or [] when the
    grid is not printed so.  Other captions (a group's) name nothing."""
    f = frame(grid)
    if f is None or not f.leaves or any(_names_period(leaf) for leaf in f.leaves):
        return []
    segments: list[tuple[str, list[BlockRow]]] = [("", [])]
    for r in range(f.heading_rows[-1] + 1 if f.heading_rows else 0, len(grid.rows)):
        cells = grid.rows[r]
        area = [c for c in cells if c.column >= f.figure_start]
        if not any(kind(c) == "figure" for c in area):
            text = plain(cells).strip().rstrip(":").strip()
            if text and is_period(text) and not any(kind(c) == "text" for c in area):
                segments.append((text, []))
            continue
        label, footnote = row_label([c for c in cells if c.column < f.figure_start and c.text.strip()])
        if _closed(segments[-1][1]):
            # A movement right after a closing balance: a chained roll-forward, whose
            # period opens on the row the period before closed on.  That row is
            # the very same row of both (its figures one cell each, `_periods`).
            segments.append(("", [] if OPENING.search(label) else [segments[-1][1][-1]]))
        segments[-1][1].append(BlockRow(label, footnote, area, grid.row_lines[r]))
    found: list[Block] = []
    for period, body in (s for s in segments if s[1]):
        if not OPENING.search(body[0].label):
            return []  # rows of figures that open with no balance: not this shape
        if not _closed(body):
            if incomplete is not None:
                incomplete.append(body[0].line)
            continue
        found.append(Block(period or period_struck(body[0].label, body[-1].label), f.leaves, body, f.headings))
    return found


def _opening_next(grid: Grid, top: int, end: int, start: int, body: list[BlockRow]) -> bool:
    """Whether the next row with figures opens a block again, labelled as this
    block's opening balance is (the caption over it is the next account's,
    and this block is cut, never joined to it)."""
    for r in range(top, end):
        if any(kind(c) == "figure" for c in grid.rows[r] if c.column >= start):
            label = row_label([c for c in grid.rows[r] if c.last < start and c.text.strip()])[0]
            return words(label) == words(body[0].label)
    return False


def _closed(body: list[BlockRow]) -> bool:
    """Whether the rows so far run from an opening balance to a closing one."""
    return (len(body) >= 3 and bool(CLOSING.search(body[-1].label)) and bool(OPENING.search(body[0].label))
            and any(kind(c) == "figure" for c in body[-1].area))


def named_blocks(grids: Sequence[Grid], captions: Sequence[Optional[str]],
                 incomplete: Optional[list[int]] = None) -> list[Block]:
    """The blocks of a schedule's tables, a table's first block named by the
    caption printed above the table where the table does not name it."""
    found: list[Block] = []
    for grid, caption in zip(grids, captions or (None,) * len(grids)):
        for n, block in enumerate(blocks(grid, incomplete)):
            if n == 0 and not block.account and caption:
                block.account = without_notes(caption.rstrip(":").strip())
            found.append(block)
    return found


def _caption_above(rows: list[list[HtmlCell]], i: int, start: int) -> str:
    """An account's caption on its own row right above the block's heading row."""
    for cells in reversed(rows[:i]):
        texts = nonblank(cells)
        if not texts:
            continue
        if len(texts) == 1 and kind(texts[0]) == "text" and texts[0].column < start:
            return without_notes(plain(texts).rstrip(":").strip())
        return ""
    return ""


def _keys(block: Block) -> list[str]:
    """Each row's column key: the balances by place, a movement by its words (a
    label printed twice in one block is two columns: no figure is dropped)."""
    keys: list[str] = []
    for k, (label, *_rest) in enumerate(block.rows):
        key = "<opening>" if k == 0 else "<closing>" if k == len(block.rows) - 1 else " ".join(words(label))
        keys.append(key + f" #{keys.count(key) + 1}" if key in keys else key)
    return keys


def build(region: Region, path: Optional[str] = None) -> Schedule:
    """The Schedule of a region whose grids print blocks of years as columns."""
    incomplete: list[int] = []
    found = named_blocks(region.grids, region.captions, incomplete)
    if incomplete:  # never half a table: its other blocks read, this one left out
        raise InputError("a block of the years as columns does not end with a balance", path, incomplete[0])
    if not found:
        raise InputError("a table with the years as columns but no balances in its rows", path, region.title_line)
    heading_of: dict[str, str] = {}  # column key -> heading: the movements in the order first printed
    for block in found:
        for key, (label, *_rest) in zip(_keys(block), block.rows):
            heading_of.setdefault(key, label)
    order = ["<opening>"] + [k for k in heading_of if not k.startswith("<")] + ["<closing>"]
    named = _title_member(region.title) or named_account(region.preamble) if len(found) == 1 else ""
    scales: set[str] = set()
    periods = _periods(found, order, named, path, scales)
    grid = region.grids[0]
    units = units_in([region.preamble, grid.caption] + [plain(r) for r in grid.rows[:3]])
    return Schedule(
        title=region.title,
        units=units or (SCALES.get(scales.pop()) if len(scales) == 1 else None),
        # A column's span is its place among the block's rows (there is no character span to give).
        columns=tuple(Column(heading=_heading(heading_of[k], k), role=None, start=n + 1, end=n + 2)
                      for n, k in enumerate(order)),
        periods=tuple(periods),
        line=region.title_line or found[0].rows[0].line,
        label_heading="",
        subtitle=region.subtitle,
    )


def _heading(label: str, key: str) -> str:
    """A column's heading: its row's label; a balance's less its date, which is
    its block's, not the column's ("Balance, December 31, 1994" heads the
    balances at the beginning of every year of a chained roll-forward)."""
    if not key.startswith("<"):
        return label
    return YEAR.sub("", DATE.sub("", label)).rstrip(" ,:-").strip() or label


def _title_member(title: str) -> str:
    """The one account a report of EDGAR's XBRL viewer names in its title ("... (Details)
    - Allowance for Doubtful Accounts [Member] - USD ($)"), or ""."""
    match = XBRL_TITLE_MEMBER.search(title)
    return " ".join(match.group(1).split()) if match else ""


def _periods(found: list[Block], order: list[str], named: str, path: Optional[str],
             scales: set[str]) -> list[Period]:
    """Each block's account as a row of every period it prints figures for."""
    by_period: dict[str, list[Row]] = {}
    first: dict[str, int] = {}
    made: dict[int, list[Optional[Cell]]] = {}  # a row's cells, by the row: one row closing a period and opening the next
    for block in found:
        cells_by_period: list[dict[int, Optional[Cell]]] = [{} for _ in block.periods]
        periods = Leaves(block.periods)  # (indexed once: asked per figure of every row)
        for key, row in zip(_keys(block), block.rows):
            if id(row) not in made:
                made[id(row)] = placed(figures(row.area, periods, path), periods,
                                       [plain([p]) for p in block.periods], path, scales)
            out = made[id(row)]
            for p, cell in enumerate(out):
                cells_by_period[p][order.index(key)] = cell
        for p, period_cell in enumerate(block.periods):
            label = " ".join(plain([period_cell]).split()).rstrip(":")
            line = period_cell.places[0][0] if period_cell.places else period_cell.line
            account = block.members[p] if block.members is not None else block.account or named
            if block.names is not None:  # the accounts as columns: the block is the period
                label, line, account = block.account, block.rows[0].line, without_notes(" ".join(block.names[p].split()))
            cells = tuple(cells_by_period[p].get(k) for k in range(len(order)))
            present = [c for c in cells if c is not None]
            if not present:
                continue  # the account is not printed in this period
            if label not in by_period:
                by_period[label], first[label] = [], line
            total = not account or bool(TOTAL.match(account))  # a "Total" block sums the accounts above
            by_period[label].append(Row(label=account, kind="total" if total else "item", cells=cells,
                                        line=present[0].line))
    return [period_from_caption(label, first[label], rows) for label, rows in by_period.items()]

"""Read a Schedule II text table printed with the movements as rows.

Two shapes of 1990s filings print each movement on a row of its own, from
"Balance at beginning of year" down to "Balance at end of year":

- the years as columns, a block of rows per account (Boeing's 10-Ks, 20-F
  schedules): "ALLOWANCE FOR DOUBTFUL ACCOUNTS   1995   1994   1993";
- the accounts as columns, a block of rows per year (1993's "Schedule
  VIII"): columns headed "Allowance for Doubtful Accounts", "Reserve for
  Returns", "Total", each block under "Year ended December 31, 1993:" or
  with the year in its first row's label ("1993  Balance at beginning of
  year", or "Balance at January 1, 1993" ... "Balance at December 31, 1993").

`locate` marks such a table (`rollforward`: its headings name no balance,
its first labelled row is one); the usual layout stages read its headings,
figure columns and rows (`layout.frame`, `rows.body`); here each block's
rows become the schedule's columns (their labels the headings, which the
roles stage reads as it reads any heading), and each block's figures the
account's row in each period: the same periods x rows x columns model as
any schedule, every cell at its place in the file.  An account column
headed "Total" is a total row.  As in the HTML front end's `transposed`.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends.text.columns import units_under_caption
from auditor.frontends.text.labels import Entry, the_row
from auditor.frontends.text.layout import Frame, caption_units, frame, title_block
from auditor.frontends.text.parse import Line, Token
from auditor.frontends.text.rows import body
from auditor.frontends.text.tokens import chunk_text, chunks, text
from auditor.labels import (CONNECTIVE, DATE, OPENING, SCHEDULE_MOVEMENT, TOTAL, YEAR, is_period, period_from_caption,
                            period_struck, row_key)
from auditor.lazy_pattern import lazy_compile
from auditor.model import Cell, Column, Period, Row, RowKind, Schedule

# What the figure columns of the table are: its years, or its accounts.
Shape = Literal["years", "accounts"]
# A block's last row: a balance, or a row "at end" ("Ending balance", "End of year").
CLOSES = lazy_compile(r"balance|\b(end|ending|closing)\b", re.IGNORECASE)


class Block(NamedTuple):
    """One account's rows (years as columns) or one period's (accounts as columns)."""

    name: str  # its caption as printed: the account, or the period ("" where none is printed)
    line: int  # where it is captioned, or its first row
    rows: list[Row]  # from the opening balance to the closing one


def build(lines: list[Line], title_line: int, path: Optional[str] = None) -> Schedule:
    """The Schedule of a region whose table prints its movements as rows."""
    f = frame(lines, title_line, path)
    shape: Shape = "years" if all(_names_period(c.heading) for c in f.columns) else "accounts"
    laid = body(_captions_marked(f, shape, path), f.headings, f.starts, f.columns, f.label_end, path)
    first = f.label_heading.rstrip(":").strip() if shape == "years" else ""
    blocks = _blocks(laid.entries, first, path, shape)
    if not blocks:
        raise InputError("a table with the movements as rows but no balances in its rows", path, title_line)
    keys = [_keys(b) for b in blocks]
    heading_of: dict[str, Row] = {}  # column key -> the row first printing it
    for block, block_keys in zip(blocks, keys):
        for key, row in zip(block_keys, block.rows):
            heading_of.setdefault(key, row)
    order = ["<opening>"] + [k for k in heading_of if not k.startswith("<")] + ["<closing>"]
    at = {ln.number: ln for ln in f.lines}
    columns = tuple(_column(heading_of[k], at, k.startswith("<")) for k in order)
    found = _by_account(f, blocks, keys, order) if shape == "years" else _by_year(f, blocks, keys, order, path)
    title, units, subtitle = title_block(f.preamble, f.headings)
    units = units or caption_units(f.lines[f.body_start:], f.label_end)
    return Schedule(title=title, units=units, columns=columns, periods=tuple(found), line=title_line,
                    unread=laid.unread, subtitle=subtitle)


def _names_period(heading: str) -> bool:
    return bool(heading) and bool(YEAR.search(heading)) and is_period(heading)


def _captions_marked(f: Frame, shape: Shape, path: Optional[str]) -> list[Line]:
    """The body's lines, each account's caption marked as one (a ":" after it).

    Years as columns, each block may print its account on a line of years
    ("RESERVE FOR RETURNS   1995   1994   1993"): its years, the same as the
    headings', are dropped.  A caption line right above a block's opening
    balance is no first line of its label, however it is indented.  A units
    line under an account's caption is left out (the schedule's units:
    `caption_units`), so that the caption stays right above its block."""
    body = f.lines[f.body_start :]
    out = _blank_movements([ln for i, ln in enumerate(body)
                            if not (i and units_under_caption(ln, body[i - 1], f.label_end))], f.label_end)
    years = [_years(c.heading) for c in f.columns]
    for i, ln in enumerate(out):
        if ln.kind != "text" or not ln.words:
            continue
        if shape == "years":
            label = [t for t in ln.words if t.end <= f.label_end]
            over = [t for t in ln.words if t.end > f.label_end]
            if over and all(t.kind == "YEAR" for t in over):
                if [_years(t.text) for t in over] != years:
                    raise InputError("a block heads its figures with other years than the table's headings",
                                     path, ln.number, over[0].column)
                out[i] = ln = ln._replace(words=tuple(label))
                if not label:
                    continue
        after = next((x for x in out[i + 1 :] if x.kind != "rule"), None)
        if i and _movement_without_figures(out[i - 1], ln, out[i + 1 : i + 8]):
            out[i] = ln._replace(words=ln.words[:-1] + (ln.words[-1]._replace(text=ln.words[-1].text + ":"),))
            continue
        if after is not None and after.kind == "row" and _opens(after) and not OPENING.search(text(ln.words)):
            last = ln.words[-1]
            # (A year takes no mark: a line of years left out of the year columns (a damaged
            # layout) stays what it is, and the block is refused downstream, not misread.)
            if last.kind != "YEAR" and not last.text.endswith(":"):
                out[i] = ln._replace(words=ln.words[:-1] + (last._replace(text=last.text + ":"),))
    return [ln for ln in out if ln.kind != "text" or ln.words]


def _blank_movements(lines: list[Line], label_end: int) -> list[Line]:
    """The lines, each movement or balance printed with its cells left blank
    made a row of no figures (its nils): a label line alone whose words are a
    row's whole label in another block of the table (every block prints the
    same rows: "Balance at beginning of period" alone in the account whose
    first year opened on nothing, "Charged to other accounts" alone in the
    account that had none), at the indent of the line under it or over a line
    of figures with no label (another row, not the rest of this one), or
    last before a rule.  Joined to the next row as its label's first line, it
    would move that row's figures into its own role, or open the block on
    them; read as a row, each of its cells is blank, every other figure in
    its own row.  (A label printed alone in every block is no such row: its
    figures may well be on the line under it; but not a movement's words
    right over the closing balance's rule, with no line under them to join.)"""
    printed = {row_key(text(ln.words)) for ln in lines if ln.kind == "row" and ln.words}
    if len(printed) < 2:
        return lines  # (one block, or none: nothing says which rows each block has)
    out = list(lines)
    for i, ln in enumerate(lines):
        if ln.kind != "text" or not ln.words or ln.words[-1].end > label_end + 1:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if row_key(text(ln.words)) not in printed:
            # (No other block prints it, but a movement's words alone right over the closing
            # balance's rule have no row under them to be a first line of: that movement, blank.)
            if after is not None and after.kind == "rule" and after.number == ln.number + 1 \
                    and SCHEDULE_MOVEMENT.search(text(ln.words)):
                out[i] = ln._replace(kind="row", figures=())
            continue
        if after is None or after.number != ln.number + 1 or after.kind == "rule" \
                or (after.kind == "row" and not after.words) \
                or (after.kind in ("text", "row") and after.words and after.words[0].column == ln.words[0].column):
            out[i] = ln._replace(kind="row", figures=())
    return out


def _movement_without_figures(before: Line, ln: Line, rest: Sequence[Line]) -> bool:
    """A movement printed with no figure in its block (its nils left blank): a
    label line alone right under a movement's row (or under another such line),
    at its indent, naming a movement in words of its own ("Charged to other
    accounts - describe"), over a run of such lines ending on a row at that
    indent that opens a label of its own (a capital).  Joined as the first
    line of that row's label, it would head that row's figures with its own
    role ("Charged to other accounts Deductions"); read as a caption among the
    block's movements it opens nothing and heads no figure.  (A single word,
    "Deductions" over "Charged to reserve", may be a spanner: left as the
    label's first line.  One that names no movement the vocabulary knows,
    "Recoveries" or "Acquisitions" over "Deductions - accounts written off",
    is no spanner: a movement of its own where the row under it opens a whole
    label, as the row above opens (a capital, or lower case in a table typed
    all so) and with a movement's words.)"""
    indent = ln.words[0].column if ln.words else 0
    if not (before.number + 1 == ln.number and before.words and before.words[0].column == indent):
        return False
    if before.kind != "row" and not (before.kind == "text" and text(before.words).endswith(":")):
        return False
    number = ln.number
    unnamed = False  # a line whose words name no movement the vocabulary knows
    # (How the block's labels open: a capital, or lower case in a table typed all so.)
    opens_upper = before.words[0].text[:1].isupper()
    for line in (ln, *rest):
        if line.number != number or not line.words or line.words[0].column != indent:
            return False
        if line.kind == "row":
            row_text = text(line.words)
            names = bool(SCHEDULE_MOVEMENT.search(row_text) or CLOSES.search(row_text))
            # (Its own label: a capital, or, in lower case, a movement's or balance's words;
            # under a line naming none, opening as the row above does and a movement's words both.)
            capital = line.words[0].text[:1].isupper()
            if unnamed:
                return capital == opens_upper and names
            return line is not ln and (capital or names)
        line_text = text(line.words)
        if line.kind != "text" or line_text.endswith(":") or CONNECTIVE.search(line_text):
            return False
        if not SCHEDULE_MOVEMENT.search(line_text):
            # "Recoveries", "Acquisitions", "Other" alone over "Deductions - written off":
            # no spanner (those are "Additions", "Deductions"), a label of its own.  (One
            # word: "Reserves of Acquired" over "Businesses Charged Off" may be one label.)
            if line_text[:1].isupper() != opens_upper or len(line.words) > 1:
                return False
            unnamed = True
        elif len(line.words) < 2:
            return False
        number += 1
    return False


def _years(text: str) -> list[str]:
    return [m.group(0) for m in YEAR.finditer(text)]


def _opens(line: Line) -> bool:
    """A row whose label (less a period in its first cell) is an opening balance."""
    parts = chunks(line.words)
    if len(parts) > 1 and is_period(chunk_text(parts[0])):
        parts = parts[1:]
    return bool(OPENING.search(" ".join(chunk_text(c) for c in parts)))


def _blocks(entries: Sequence[Entry], first: str, path: Optional[str], shape: Shape = "years") -> list[Block]:
    """The blocks of rows, each from an opening balance to a closing one.  A
    caption opens a block; so does an opening balance after a closed block,
    or, blocks of periods (accounts as columns), a movement right after one: a
    chained roll-forward, whose year opens on the line the year before closed
    on.  A caption among a block's movements ("Additions:") opens none; of
    captions printed one over the other, a group's ("Reserves deducted from
    assets:") names no block: the account under it does, or the period over it."""
    chained = shape == "accounts"
    blocks: list[Block] = []
    name, at = first, 0
    current: Optional[list[Row]] = None
    for i, entry in enumerate(entries):
        if entry.kind != "row":
            caption = entry.text.rstrip(":").strip()
            if current is not None and not _closed(current) and not _opening_next(entries, i, current):
                continue
            if current is None and shape == "accounts" and is_period(name) and not is_period(caption):
                continue
            _end(blocks, name, at, current, path)
            name, at, current = caption, entry.at, None
            continue
        row = the_row(entry)
        if current is not None and _closed(current):
            _end(blocks, name, at, current, path)
            # That line's figures are each the closing cell of one period and the
            # opening cell of the next: the very same cells, printed once (the
            # carry-forward holds by construction; a wrong figure is one cell).
            # Never between accounts' blocks: an account opens on its own balance.
            carried = chained and not OPENING.search(row.label)
            current, name, at = ([current[-1]], "", current[-1].line) if carried else (None, "", row.line)
        if current is None:
            if not OPENING.search(row.label):
                raise InputError("a block of the movements as rows does not open with a balance", path, row.line)
            current, at = [], at or row.line
        current.append(row)
    _end(blocks, name, at, current, path)
    return blocks


def _opening_next(entries: Sequence[Entry], i: int, current: list[Row]) -> bool:
    """Whether the next row after entry i opens a block again, labelled as the
    current block's opening balance is (the caption over it is an account's)."""
    row = next((e for e in entries[i + 1 :] if e.kind == "row"), None)
    return row is not None and row_key(the_row(row).label) == row_key(current[0].label)


def _closed(rows: Sequence[Row]) -> bool:
    return len(rows) >= 3 and bool(CLOSES.search(rows[-1].label))


def _end(blocks: list[Block], name: str, at: int, rows: Optional[list[Row]], path: Optional[str]) -> None:
    """The block of `rows` added, or an error where it is not closed (never half a table)."""
    if rows is None:
        return
    if not _closed(rows):
        raise InputError("a block of the movements as rows does not end with a balance", path, rows[-1].line)
    blocks.append(Block(name, at, rows))


def _keys(block: Block) -> list[str]:
    """Each row's column key: the balances by place, a movement by its words (a
    label printed twice in one block is two columns: no figure is dropped)."""
    keys: list[str] = []
    for k, row in enumerate(block.rows):
        key = "<opening>" if k == 0 else "<closing>" if k == len(block.rows) - 1 else row_key(row.label)
        keys.append(key + f" #{keys.count(key) + 1}" if key in keys else key)
    return keys


def _column(row: Row, at: dict[int, Line], balance: bool) -> Column:
    """A movement's column, where its label is printed (the heading the roles stage reads).
    A balance's date is its block's, not the column's ("Balance at December 31, 1990"
    heads the balances at beginning of every year): the heading is "Balance at"."""
    words = [t for t in at[row.line].words if t.kind != "NOTE"] if row.line in at else []
    start = words[0].column if words else 1
    heading = row.label
    if balance:
        heading = YEAR.sub("", DATE.sub("", heading)).rstrip(" ,:-").strip() or heading
    return Column(heading=heading, role=None, start=start, end=start + len(row.label), heading_line=row.line)


def _by_account(f: Frame, blocks: Sequence[Block], keys: Sequence[list[str]], order: list[str]) -> list[Period]:
    """Years as columns: each figure column a period, each block its account's row in it."""
    found = []
    for k, column in enumerate(f.columns):
        rows = [_row(block.name, block_keys, block.rows, order, k) for block, block_keys in zip(blocks, keys)]
        present = [r for r in rows if r is not None]
        if present:
            found.append(period_from_caption(column.heading.rstrip(":"), _heading_line(f, column), present))
    return found


def _by_year(f: Frame, blocks: Sequence[Block], keys: Sequence[list[str]], order: list[str],
             path: Optional[str] = None) -> list[Period]:
    """Accounts as columns: each block a period, each figure column an account's row in it."""
    rows_of: dict[str, list[Row]] = {}
    line_of: dict[str, int] = {}
    for block, block_keys in zip(blocks, keys):
        label = block.name or period_struck(block.rows[0].label, block.rows[-1].label)
        if not any(c.heading for c in f.columns) and not YEAR.search(label):
            # Figure columns that name no account under captions that name no year (an
            # account's caption, the year said elsewhere): not read as periods, refused.
            raise InputError("a block of the movements as rows names no period, and no column an account",
                             path, block.line)
        line_of.setdefault(label, block.line)
        for k, column in enumerate(f.columns):
            row = _row(column.heading, block_keys, block.rows, order, k)
            if row is not None:
                rows_of.setdefault(label, []).append(row)
    return [period_from_caption(label, line_of[label], rows) for label, rows in rows_of.items()]


def _row(account: str, block_keys: list[str], block_rows: list[Row], order: list[str], k: int) -> Optional[Row]:
    """The account's row of figure column k of a block, or None where it prints no figure there."""
    cells: list[Optional[Cell]] = [None] * len(order)
    for key, row in zip(block_keys, block_rows):
        cells[order.index(key)] = row.cells[k]
    present = [c for c in cells if c is not None]
    if not present:
        return None
    kind: RowKind = "total" if not account or TOTAL.match(account) else "item"
    # The row runs down the block: its line is its last figure's, where the block ends.
    return Row(label=account, kind=kind, cells=tuple(cells), line=max(c.line for c in present))


def _heading_line(f: Frame, column: Column) -> int:
    """The line printing a column's year (its lowest heading line over it)."""
    over: list[Token] = [t for ln in f.headings for t in ln.words if column.start <= t.end and t.column < column.end]
    years = [t for t in over if YEAR.search(t.text)]
    return (years or over)[-1].line if (years or over) else f.lines[f.body_start].number


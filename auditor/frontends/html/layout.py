"""Lay HTML table grids out as a schedule: columns, periods, rows, cells.

The HTML counterpart of `layout`: it builds the same AST from the grid
`html_table` reads.  Which grid columns hold the labels and which the
figures is read from the rows with figures; the header rows above them give
the headings, and a figure belongs to the heading it sits under once spans
are resolved, whatever spacer, "$" or ")" cells lie between (`figures`
joins a figure EDGAR splits over several cells back).  A schedule printed one table per account, each
account's caption above its table and a row per period in it, is regrouped
into periods of accounts, as `layout` does for the same layout in text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Hashable, Iterable, Literal, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends import side_by_side, title_years, union
from auditor.frontends.html import marks
from auditor.frontends.html.columns import HeadingCells, heading_of, own_columns
from auditor.frontends.html.figures import (Leaf, figures, kind, lone_marker, nil_mark, nonblank, placed, plain,
                                            printed_figures)
from auditor.frontends.html.locate import CAPTION_TEXT, Region, furniture
from auditor.frontends.html.periods import (Caption, Entry, PeriodStart, Printed, notes_start, period_key, regroup,
                                            years_line)
from auditor.labels import (ACCOUNT_WORD, BALANCE_WORD, BARE_YEAR, DATE, LABEL_DOLLAR, LEADER, LETTER, MOVEMENT_WORD, NOTE_SIGNS, NUMERIC_DATE, PAGE_MARK,
                            PERIOD_START,
                            RESERVED_ASSET, TITLE, TOTAL, UNITS, YEAR, YEAR_BY_PLACE, is_date, is_period, names_a_year,
                            restates_period, restates_year, rule_letters_head, stated_units, uncontinued)
from auditor.frontends.text.headings import Vocabulary as Headings
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.leaves import Leaves
from auditor.frontends.html.wraps import OPENS_ACCOUNT, Line, LineKind, left_at_foot, wrapped
from auditor.model import Cell, Column, Position, Row, RowKind, Schedule

# ("2003*", "2003 (a)", "2003 (A)": a year, its note marked)
MARKED_YEAR = re.compile(rf"^(19|20)\d\d(?:\*{{1,3}}|\s?\((?:\d{{1,2}}|[a-zA-Z])\)|[{NOTE_SIGNS}])?$")
SCHEDULE_HEADINGS = (BALANCE_WORD, MOVEMENT_WORD)  # (labels: every schedule's headings print both)
# A heading's footnote marker alone in its cell.  ("\*" repeated, not "\*+":
# a repetition of a repetition backtracks exponentially over "****...x".)
MARKER = re.compile(r"^(?:\(\w{1,2}\)|\*)+$")
SCALES = {"3": "thousands", "6": "millions", "9": "billions"}


@dataclass
class Frame:
    """Where the labels and figures are in one table part, and its headings."""

    figure_start: int  # first grid column of the figures
    figure_rows: list[int]  # indices of the rows with figures
    heading_rows: list[int]
    leaves: list[HtmlCell]  # the lowest heading cell of each schedule column, left to right
    headings: list[str]  # heading text of each schedule column
    label_heading: str = ""
    year_column: Optional[int] = None  # a label column of years beside the accounts' names (`_year_column`)


def _figure_row(row: list[HtmlCell], year_labels: bool) -> Literal["figures", "nils", ""]:
    """Whether a row is one of figures: "figures", or "nils" where it prints a reserve's nils as
    stars (`_nils_starred`: no figure then), "" where it is none (said once: `_frame` asks which)."""
    cells = nonblank(row)
    # A lone "(1)" is a heading's footnote marker more often than a figure.
    figures = [c for c in cells if kind(c) == "figure" and not lone_marker(c)]
    if year_labels and cells and BARE_YEAR.match(cells[0].text.strip()) and len(figures) >= 2:
        return "figures"
    if figures and (kind(cells[0]) == "text" or len(figures) >= 2):
        return "figures"
    return "nils" if _nils_starred(cells) else ""


def _nils_starred(cells: list[HtmlCell]) -> bool:
    """A reserve's row printing "*" for its every figure, the filer's nil, as a year it held
    none of the reserve: a row of nils (each "*" its column's: figures._marked_ahead), not a
    caption over the rows; left unread, a carry forward into or out of it went unchecked.  (Above
    every row of figures, only beside an account's name: `_frame`.)"""
    return len(cells) > 2 and kind(cells[0]) == "text" and all(kind(c) == "mark" for c in cells[1:]) \
        and sum(nil_mark(c) for c in cells[1:]) >= 2


YEAR_HEADING = re.compile(r"^(?:fiscal\s+)?(?:year|period)s?(?:\s+ended)?$", re.IGNORECASE)


def _year_column(rows: list[list[HtmlCell]], figure_rows: list[int]) -> Optional[int]:
    """The grid column of a second label column holding each row's year
    ("Description | Year | Balance at ...": the account's name on its first row
    or on every row, the year on every row), as converted word-processor
    tables print periods: every row of figures prints a year as its first
    figure, all in one column, the years a run (1995 to 1997; no column of
    amounts is all years).  None
    where there is no such column."""
    columns, years = set(), set()
    for i in figure_rows:
        shown = [c for c in nonblank(rows[i]) if kind(c) != "text"]
        if not shown or not MARKED_YEAR.match(shown[0].text.strip()) or not any(kind(c) == "figure" for c in shown[1:]):
            return None  # (a row of a year and no figure: no column of years beside figures)
        columns.add(shown[0].column)
        years.add(int(shown[0].text.strip()[:4]))
    if len(columns) != 1:
        return None
    column = columns.pop()
    if max(years) - min(years) >= len(years) or _balances_like_years(rows, figure_rows, column):
        return None  # (amounts that look like years, "2001", "1953": no run of years, or balances that run so)
    # (one row of figures, a part a page break cut short: its heading says so, "Year")
    headed = any(c.column == column and YEAR_HEADING.match(" ".join(c.text.split()))
                 for cells in rows[:figure_rows[0]] for c in cells)
    return column if len(figure_rows) >= 2 or headed else None


def _balances_like_years(rows: list[list[HtmlCell]], figure_rows: list[int], column: int) -> bool:
    """A run of year-like figures in `column` that are balances printed without commas (openings
    2001, 2000, 1999 in thousands), not the rows' years: every row's label names its period's year
    already ("Fiscal 1997 | 2001 | ..."), or, every row labelled ("Prior year"), each carries
    forward, one row's the closing (last figure) of the row beside it, as an opening does.  (A
    heading over the column is no evidence: an account's name spanning rows and columns, rowspan
    and colspan, shifts the years' column under the first balance's heading.)"""
    def label(i: int) -> str:
        return plain(c for c in nonblank(rows[i]) if kind(c) == "text" and c.last < column)

    labels = [label(i) for i in figure_rows]
    if all(names_a_year(text) for text in labels):
        return True
    if not all(labels):  # (rows with no label of their own: the column would be all that tells them apart)
        return False

    def year_and_closing(i: int) -> tuple[str, str]:
        cells = nonblank(rows[i])
        year = next(c for c in cells if c.column == column).text.strip()[:4]
        return year, re.sub(r"[$,\s]", "", [c for c in cells if c.column > column and kind(c) == "figure"][-1].text)

    ends = [year_and_closing(i) for i in figure_rows]
    return len(ends) >= 2 and all(a[0] == b[1] or b[0] == a[1] for a, b in zip(ends, ends[1:]))


def _leading_label(row: list[HtmlCell], year_labels: bool, year_column: Optional[int] = None) -> list[HtmlCell]:
    """The row's label cells: its text up to the first figure or mark, after a
    year labelling it (where years label the rows, or one printed in the first
    row of its accounts, before an account's name: "2023 | Allowance ... | $ | 1,047",
    else the "$" beside that name would be taken for part of it)."""
    out: list[HtmlCell] = []
    cells = nonblank(row)
    for n, c in enumerate(cells):
        named_next = n + 1 < len(cells) and kind(cells[n + 1]) == "text"
        if kind(c) == "text" or c.column == year_column or (
                (year_labels or named_next) and not out and MARKED_YEAR.match(c.text.strip())):
            out.append(c)
        else:
            break
    return out


def frame(grid: Grid) -> Optional[Frame]:
    """The frame of a grid, or None when it has no rows of figures (framed once:
    a grid's cells do not change once laid, and no caller changes a frame)."""
    if grid.framed is None:
        grid.framed = (_frame(grid),)
    found: Optional[Frame] = grid.framed[0]
    return found


def _frame(grid: Grid) -> Optional[Frame]:
    rows = grid.rows
    unyeared = [_figure_row(r, False) for r in rows]
    worded = [r for r, one in zip(rows, unyeared) if one]
    captioned = [k for k, r in enumerate(worded) if kind(nonblank(r)[0]) == "text"]
    # Rows labelled by their years alone (a block per account): an account's caption row printing
    # a stray figure too is still its caption, its block's first year right under it, not a row of
    # figures (read by `build` as the caption, its figure unread).
    year_labels = all(k + 1 < len(worded) and _captions_with_figures(worded[k])
                      and MARKED_YEAR.match(nonblank(worded[k + 1])[0].text.strip()) for k in captioned)
    found = [_figure_row(r, True) for r in rows] if year_labels else unyeared  # (no year labels: asked alike)
    figure_rows = [i for i, r in enumerate(rows) if found[i] and not (year_labels and _captions_with_figures(r))]
    while figure_rows and found[figure_rows[0]] == "nils" and not _names_account(rows[figure_rows[0]]):
        figure_rows.pop(0)  # (stars above every figure beside no account's name: a heading's markers, not nils)
    if not figure_rows:
        return None
    years = figure_rows.pop(0) if len(figure_rows) > 1 and _years_over_headings(rows, *figure_rows[:2]) else None
    year_column = None if year_labels else _year_column(rows, figure_rows)
    starts: list[int] = []
    unlabelled: list[int] = []
    label_columns: set[int] = set()
    labels_end = -1  # (the last grid column a row's label takes)
    for i in figure_rows:
        labels = _leading_label(rows[i], year_labels, year_column)
        rest = [c for c in nonblank(rows[i]) if c not in labels]
        label_columns.update(c.column for c in labels)
        labels_end = max([labels_end, *(c.last for c in labels)])
        (starts if labels else unlabelled).append(rest[0].column)
    # An unlabelled total's "$" may stand left of every labelled row's figures.
    figure_start = min(starts + [s for s in unlabelled if s > max(label_columns, default=-1)])
    numbers = _numbers(rows, figure_rows, figure_start)

    def over_figures(c: HtmlCell) -> bool:
        if c.column >= figure_start:
            return True
        over = range(c.column, c.last + 1)  # (a colspan wide: asked per column, not per number)
        return any(n in numbers for n in over) and not any(n in label_columns for n in over)

    headed: dict[int, bool] = {}  # (per row: a heading over figures in it; asked per cell, found once)

    def heads(c: HtmlCell) -> bool:
        # (or right of every label, beside headings over figures, over a column every row of this
        # table prints blank: "Balance at beginning of period" over a year's table whose every
        # opening is nil, Toppan's table per year)
        if over_figures(c):
            return True
        if not 0 <= labels_end < c.column or c.row >= figure_rows[0]:
            return False
        if c.row not in headed:
            headed[c.row] = any(over_figures(d) and LETTER.search(d.text) for d in rows[c.row])
        return headed[c.row]

    heading_rows = [
        i for i in range(figure_rows[0])
        if i == years or any(heads(c) and kind(c) == "text" for c in rows[i]) and not _is_title(rows[i])
        and not _lone_period(rows[i])
    ]
    while len(heading_rows) > 1 and heading_rows[-1] != years and _account_across(rows[heading_rows[-1]], figure_start):
        heading_rows.pop()  # (under the headings, an account's name across the table: its rows' caption)
    heading_cells = [[c for c in rows[i] if heads(c) and (LETTER.search(c.text) or i == years and BARE_YEAR.match(c.text.strip()))
                      and not MARKER.match(c.text.strip())] for i in heading_rows]
    heading = HeadingCells(heading_cells)
    leaves = _leaves(heading)
    if marks.signs(rows, figure_rows, figure_start, leaves):  # (a sign's cell is no column of figures)
        numbers = _numbers(rows, figure_rows, figure_start)
    leaves, headings = own_columns(rows, heading_rows, figure_rows, figure_start, leaves,
                                   [heading_of(leaf, heading, numbers) for leaf in leaves], heading, numbers)
    marks.notes(rows, figure_rows, figure_start, leaves)
    result = Frame(figure_start, figure_rows, heading_rows, leaves, headings, year_column=year_column)
    result.label_heading = plain(c for i in heading_rows for c in rows[i] if not heads(c))
    return result


def _account_across(cells: list[HtmlCell], figure_start: int) -> bool:
    """A row of one phrase from the label column on across the figures' columns opening a
    valuation account's name ("Allowance for doubtful accounts" over its row of figures, its
    label cell empty): a caption, no heading of the columns under it."""
    texts = nonblank(cells)
    return (len(texts) == 1 and texts[0].column < figure_start <= texts[0].last
            and bool(OPENS_ACCOUNT.match(texts[0].text.strip())))


def _years_over_headings(rows: list[list[HtmlCell]], i: int, below: int) -> bool:
    """Row i prints bare years alone (two or more) over heading rows before row `below`: each
    the heading of a group of columns (two years side by side, `side_by_side`), no row of figures."""
    cells = nonblank(rows[i])
    return len(cells) >= 2 and all(BARE_YEAR.match(c.text.strip()) for c in cells) and any(
        sum(bool(LETTER.search(c.text)) for c in rows[j]) >= 2 for j in range(i + 1, below))


def _numbers(rows: list[list[HtmlCell]], figure_rows: list[int], figure_start: int) -> set[int]:
    """The grid columns the rows of figures print figures in."""
    return {n for i in figure_rows for c in nonblank(rows[i]) if c.column >= figure_start and kind(c) == "figure"
            for n in range(c.column, c.last + 1)}


def _leaves(heading: HeadingCells) -> list[HtmlCell]:
    """Heading cells with no heading cell below them over the same columns."""
    deepest = {n: max(c.row for c in cells) for n, cells in heading.over.items()}  # lowest heading row per column
    leaves = [cell for cells in heading.rows for cell in cells
              if all(deepest[n] <= cell.row + cell.rowspan - 1 for n in range(cell.column, cell.last + 1))]
    return sorted(leaves, key=lambda c: c.column)


def _names_account(cells: list[HtmlCell]) -> bool:
    words = nonblank(cells)[0].text
    return bool(ACCOUNT_WORD.search(words) or RESERVED_ASSET.search(words))


def _is_title(cells: list[HtmlCell]) -> bool:
    """A row holding only the schedule's title or units, centred over the table.
    (Not the heading of a schedule's one account named with its units,
    "Allowance for doubtful accounts (in thousands)": its units are read all the same.)"""
    texts = nonblank(cells)
    if len(texts) != 1:
        return False
    words = texts[0].text
    return bool(TITLE.search(words) or UNITS.search(words) and (furniture(words) or not _names_account(cells)))


def _lone_period(cells: list[HtmlCell]) -> bool:
    """A row holding only one period's caption, wherever in the row it is set
    ("Year ended December 31, 2002" centred over the figures' columns): it opens
    its period, it heads no column.  The schedule's title set in the table's first row with the
    years it covers ("Schedule II ... For the three years ended May 31, 2003") is no period's
    caption: its years are the subtitle's (`_years_rows`)."""
    texts = nonblank(cells)
    if len(texts) != 1:
        return False
    # ("2017 (continued)" over its rows a page on: that period's caption still)
    text = uncontinued(" ".join(texts[0].text.replace("\xa0", " ").split()).rstrip(":").strip())
    return bool(WHOLE_PERIOD.match(text)) and one_period(text) and not TITLE.search(text)


def one_period(text: str) -> bool:
    """Whether a caption names one year, in words or in a date in figures ("12/31/02")."""
    years = {m.group(0) for m in YEAR.finditer(text)}
    return len(years) == 1 or not years and len(NUMERIC_DATE.findall(text)) == 1


def looks_like_schedule(f: Optional[Frame], headings: Optional[Headings] = None) -> bool:
    """Headed as a schedule: the words every one prints, or the rules file's
    role patterns naming a balance and one more column."""
    if not (f and f.leaves):
        return False
    if all(p.search(" ".join(f.headings)) for p in SCHEDULE_HEADINGS):
        return True
    named = [h for h in f.headings if headings is not None and headings.every.search(h)]
    return len(named) >= 2 and any(headings.balances.search(h) for h in named if headings is not None)


def continues(grid: Grid, f: Optional[Frame], first_grid: Grid, first: Frame,
              headings: Optional[Headings] = None) -> bool:
    """A part after a page break or the next account's table: figures, and the
    first part's columns: its headings repeated, or none and figures that fall
    under the first part's headings."""
    if not f:
        return False
    if f.leaves:
        # (The first part's headings repeated: Rule 12-09's letters alone too, the first read under its title.)
        return ((looks_like_schedule(f, headings) or rule_letters_head(f.headings))
                and [words(h) for h in f.headings] == [words(h) for h in first.headings])
    cells = _figure_cells(grid, f)
    columns = _figure_columns(grid, f)
    if len(columns) == len(first.leaves) and (len({c.column for c in cells}) == len(columns) or all(
            sum(leaf.column <= k <= leaf.last for k in columns) <= 1 for leaf in first.leaves)):
        # laid out on a grid of its own, a column for each of the first part's: its small negatives'
        # columns counted too, and each under a leaf of its own where those alone make the count
        return True
    extent = max(c.last for c in first.leaves) + 1
    # (its width the first's, not by a caption's colspan alone: its rows reach under the last column)
    return (grid.width == extent and printed_width(grid) > max(c.column for c in first.leaves)
            and all(any(_overlaps(c, leaf) for leaf in first.leaves) for c in cells))


def printed_width(grid: Grid) -> int:
    """The grid's width over the rows that print something: a row of empty
    sizing cells, which filing software lays wider or narrower, aside; and a
    row of one cell spanning the table (a period's caption, "2004") where others
    print more: it spans whatever columns the part is laid on, telling none."""
    printed = [cells for cells in grid.rows if nonblank(cells)]
    laid = [cells for cells in printed if len(nonblank(cells)) > 1] or printed
    return max((c.last + 1 for cells in laid for c in cells), default=0)


def _figure_columns(grid: Grid, f: Frame) -> set[int]:
    """The grid columns a part prints figures in (`printed_figures`)."""
    return {c.column for i in f.figure_rows
            for c in printed_figures([c for c in grid.rows[i] if c.column >= f.figure_start])}


def other_columns(grid: Grid, f: Optional[Frame], first_grid: Grid, first: Frame,
                  headings: Optional[Headings] = None) -> bool:
    """Another year's table of the same accounts under headings of its own, other than the
    first's (a column more or less, or in another order): both headed as a schedule, the
    same balances first and last, each heading once in each, and an account named in both
    (read as one schedule's periods, its columns matched by heading: `union`)."""
    if not (f and f.leaves and looks_like_schedule(f, headings) and looks_like_schedule(first, headings)):
        return False
    own, theirs = [tuple(words(h)) for h in f.headings], [tuple(words(h)) for h in first.headings]
    if own == theirs or own[0] != theirs[0] or own[-1] != theirs[-1] or not (own[0] and own[-1]):
        return False
    if len(set(own)) < len(own) or len(set(theirs)) < len(theirs):
        return False
    return bool(_accounts(grid, f) & _accounts(first_grid, first))


def _accounts(grid: Grid, f: Frame) -> set[str]:
    """The names labelling a table's rows of figures, by their words (no total)."""
    labels = (_lone_label(grid.rows[i], f) for i in f.figure_rows)
    return {" ".join(words(label)) for label in labels if label and not TOTAL.match(label) and not is_period(label)}


def words(text: str) -> list[str]:
    """A heading compared across table parts: its words, whatever the case, spacing or markers."""
    return re.findall(r"[a-z]{2,}", text.lower())


def _overlaps(cell: HtmlCell, leaf: HtmlCell) -> bool:
    return leaf.column <= cell.last and cell.column <= leaf.last


def _figure_cells(grid: Grid, f: Frame) -> list[HtmlCell]:
    """The cells holding figures in the figure area (not a lone footnote marker "(1)")."""
    return [c for i in f.figure_rows for c in _row_figure_cells(grid, f, i)]


def _row_figure_cells(grid: Grid, f: Frame, i: int) -> list[HtmlCell]:
    return [c for c in grid.rows[i] if c.column >= f.figure_start and kind(c) == "figure" and not lone_marker(c)]


def row_figures(grid: Grid, f: Frame) -> list[list[Cell]]:
    """The figures of each of a part's rows of figures, in order (a nil's value None)."""
    return [[fig.cell() for fig in figures(_row_figure_cells(grid, f, i), [], None)] for i in f.figure_rows]


def figure_cells_per_row(grid: Grid, f: Frame) -> list[int]:
    """How many cells of figures each of a part's rows of figures prints (a small negative alone in
    its cell, "(93)", one of them)."""
    return [sum(c.column >= f.figure_start and kind(c) == "figure" for c in grid.rows[i]) for i in f.figure_rows]


def columns_printed(grid: Grid, f: Frame) -> int:
    """How many of a part's columns print a figure in some row of figures (a column printed
    blank all through aside: the next page's rows laid on a grid of their own print none for it)."""
    leaves = sorted(f.leaves, key=lambda leaf: leaf.column)
    starts = [leaf.column for leaf in leaves]
    printed = set()
    for i in f.figure_rows:
        for c in _row_figure_cells(grid, f, i):
            # (the leaf a cell stands under found by its start, not by asking every leaf: a table
            # thousands of columns wide, test_hostile_wide, stays linear)
            k = bisect_right(starts, c.column) - 1
            if k >= 0 and c.column <= leaves[k].last:
                printed.add(k)
    return len(printed)


def figure_positions(grid: Grid, f: Frame, columns: Optional[int] = None) -> list[Position]:
    """Where each figure of a part's rows of figures starts (at its "(" where printed in the cell
    before, DFIN's "$(": the figure's first character).  Given the schedule's `columns`, a row
    printing a cell of figures for each, a small negative alone in one ("(93)") among them, counts
    that one too: on a part laid on a grid of its own it is the column's figure, no note's marker."""
    out: list[Position] = []
    for i in f.figure_rows:
        shown = [c for c in grid.rows[i] if c.column >= f.figure_start and kind(c) in ("figure", "mark")]
        numbers = [c.column for c in shown if kind(c) == "figure"]
        if columns is not None and len(numbers) == columns:
            own = _spans_up_to_next(numbers, grid.width)
            out.extend(fig.position for fig in figures(shown, own, None))
        else:
            out.extend(fig.position for fig in figures([c for c in shown if not lone_marker(c)], [], None))
    return out


def period_rows(grid: Grid, f: Optional[Frame]) -> list[str]:
    """The period captions labelling the rows of figures ("Year ended December
    31, 1999", "1999"), lower-cased, when most rows have one (a table of one
    account, a row per period); else [].  A row whose label cells print two
    phrases, a period beside an account's name, is an account's row under a
    period printed in a column of its own, not a period's row (nor is one whose
    label cell prints a period's caption over the account's name)."""
    if not f:
        return []
    if f.year_column is not None:  # (the period in a column of its own: each row's, named or not)
        by_account = _by_account_years(grid, f) or account_first_row(grid, f) is not None
        return [period_key(y) for y in _years_of(grid, f)] if by_account else []
    labels = [_lone_label(grid.rows[i], f) if _period_over_label(grid.rows[i], f) is None else ""
              for i in f.figure_rows]
    periods = [period_key(label) for label in labels if label and is_period(label)]
    return periods if len(periods) > len(labels) / 2 else []


def periods_around_captions(grid: Grid, f: Frame) -> tuple[set[str], Optional[set[str]]]:
    """The periods labelling a part's rows before its first account's caption
    row (rows carrying on the account the part before ended in), and those
    after its last one (the account it ends in), None where it prints none."""
    before: set[str] = set()
    after: Optional[set[str]] = None
    for i, cells in enumerate(grid.rows):
        if _is_caption(cells, f) and not is_period(plain(nonblank(cells))):
            after = set()
        elif i in f.figure_rows and is_period(label := _lone_label(cells, f)):
            (before if after is None else after).add(period_key(label))
    return before, after


def _years_of(grid: Grid, f: Frame) -> list[str]:
    """The year each row of figures prints in the year column."""
    return [next((c.text.strip() for c in grid.rows[i] if c.column == f.year_column), "") for i in f.figure_rows]


def _names(cells: list[HtmlCell], f: Frame) -> str:
    """The account's name a row of figures prints beside its year (the label cells but the year's)."""
    return plain(nonblank(c for c in cells if c.column < f.figure_start and c.column != f.year_column))


def account_first_row(grid: Grid, f: Frame) -> Optional[str]:
    """The account's name where a table of one account prints it as its first row's label, beside
    that row's year in a column of years, the rows of its other years naming none ("Allowance for
    doubtful accounts | 2003 | ...", "| 2002 | ..."): a table per account under headings printed
    once, or each under its own; read as its caption.  None otherwise."""
    if f.year_column is None:
        return None
    names = [_names(grid.rows[i], f) for i in f.figure_rows]
    if not names[0] or any(names[1:]) or len(set(_years_of(grid, f))) < len(names):
        return None
    return names[0]


def _lone_label(cells: list[HtmlCell], f: Frame) -> str:
    texts = nonblank(c for c in cells if c.column < f.figure_start)
    return plain(texts) if len(texts) == 1 else ""


# The label column's heading where it is no account's name ("Description", "Col. A", "Account").
DESCRIPTION = re.compile(r"\b(?:description|classification|col(?:umn)?\.?\s+a)\b|^(?:accounts?|items?|dates?)$",
                         re.IGNORECASE)


def account_heading(grid: Grid, f: Frame) -> list[str]:
    """The account's name where a table with no caption prints it as its label column's heading
    over rows labelled by the periods ("Allowance for doubtful accounts", "Total" over "2013",
    "2012", where a table by period prints "Description"): read as its caption."""
    text = " ".join(f.label_heading.split())
    name = " ".join(UNITS.sub("", text).replace("()", "").split()).strip(" ,;:")
    if not name or DESCRIPTION.search(name) or is_period(name):
        return []
    return [text] if period_rows(grid, f) else []


def caption_row(grid: Grid, f: Frame) -> Optional[str]:
    """An account's caption printed as the table's own first row, above its
    headings ("Allowance for doubtful accounts:" in one cell), or None."""
    top = f.heading_rows[0] if f.heading_rows else f.figure_rows[0]
    for i in reversed(range(top)):
        if _is_caption(grid.rows[i], f):
            return plain(grid.rows[i])
    return None


def _captions_with_figures(cells: list[HtmlCell]) -> bool:
    """A row whose words are one caption closed by its colon ("Allowance for doubtful
    accounts:"), figures or marks after it."""
    texts = [c for c in nonblank(cells) if kind(c) == "text"]
    return len(texts) == 1 and texts[0] is nonblank(cells)[0] and plain(texts).endswith(":")


def _caption_over_figures(cells: list[HtmlCell], f: Frame) -> Optional[str]:
    """The caption of a row that is no row of figures but prints one as well (`_frame`): its
    label, the figures read as unplaced."""
    labels = nonblank(c for c in cells if c.column < f.figure_start)
    if not _captions_with_figures(cells) or len(labels) != 1 or not _is_caption(labels, f):
        return None
    return plain(labels)


def _is_caption(cells: list[HtmlCell], f: Frame) -> bool:
    """One phrase in the label cell or across the row: not a title, units, period or footnote."""
    texts = nonblank(cells)
    if len(texts) != 1 or kind(texts[0]) != "text" or texts[0].column >= f.figure_start:
        return False
    text = plain(texts)
    return len(text) <= CAPTION_TEXT and not (furniture(text) or TITLE.search(text))


# --- the schedule ------------------------------------------------------------------


def build(region: Region, path: Optional[str] = None) -> Schedule:
    frames = [_framed(g, path, region.title_line) for g in region.grids]
    first = frames[0]
    columns, places = _columns(frames)
    if not columns:
        raise InputError("a table with figures but no column headings over them", path, region.title_line)
    if first.heading_rows:  # (where a column's heading is named: its table's first heading row)
        named_at = region.grids[0].row_lines[first.heading_rows[0]]
        columns = [replace(c, heading_line=named_at) for c in columns]
    entries: list[Entry] = []  # what the parts print, in order
    scales: set[str] = set()
    unread: list[Position] = []
    captions = region.captions or (None,) * len(region.grids)
    between = _Between(list(region.periods))
    # (one over the parts: a period goes on over a page break)
    year_rows = _YearRows(any(_by_account_years(g, f) for g, f in zip(region.grids, frames)))
    headed, own, spread = first, columns, None  # (the part whose headings a part without any goes on under)
    starts = [f.heading_rows[-1] + 1 if f.heading_rows else 0 for f in frames]
    lines_of = [wrap_lines(g, f, start) for g, f, start in zip(region.grids, frames, starts)]
    # (the phrase rows that are a line of a row's label; a part's first read under the page before's last)
    joins_of = [wrapped(lines, lines_of[n - 1][-1] if n and lines_of[n - 1] else None) for n, lines in enumerate(lines_of)]
    carried = left_at_foot(lines_of, joins_of)  # (a label at a page's foot, its figures on the next)
    for n, (grid, f, caption, at) in enumerate(zip(region.grids, frames, captions, places)):
        if f.leaves and at is not None:
            headed, own, spread = f, [columns[k] for k in at], at
        leaves = Leaves(f.leaves if f.leaves else _inherited(grid, f, headed))  # (indexed: asked per figure)
        if not f.leaves:  # (a continuation's marks, found under the columns it goes on in)
            marks.signs(grid.rows, f.figure_rows, f.figure_start, leaves)
            marks.notes(grid.rows, f.figure_rows, f.figure_start, leaves)
        opened = len(entries) if n else None  # (a part after a page break: its rows not begun yet)
        named = [c for c in (caption, caption_row(grid, f)) if c is not None] or account_heading(grid, f)
        for c in named:
            entries.append(Caption(c.rstrip(":").strip()))
        entries += [e for e in _period_over_headings(grid, f)
                    if opened is None or not isinstance(e, PeriodStart) or not _restated(entries, opened, e.label)]
        start, joins = starts[n], joins_of[n]
        foot = carried[n + 1].row if n + 1 in carried else None
        for i in range(start, len(grid.rows)):
            cells = grid.rows[i]
            entries += between.before(grid.row_lines[i], entries)
            if i in joins or i == foot:
                continue  # (read with the row whose label it is a line of)
            if i in f.figure_rows and f.year_column is not None:
                year = next(c for c in cells if c.column == f.year_column)
                row = _row([c for c in cells if c is not year], f, leaves, own, grid.row_lines[i], path, scales)
                row = row if spread is None else union.spread(row, spread, len(columns))
                entries += year_rows.entries(row, year.text.strip(), grid.row_lines[i])
                continue
            if i in f.figure_rows:
                over = _period_over_label(cells, f)
                if over is not None:
                    entries.append(PeriodStart(*over[0]))
                    cells = over[1]
                period = _period_cell(cells, f)
                if period is not None:
                    entries.append(PeriodStart(plain([period]).rstrip(":").strip(), _first_line([period], grid.row_lines[i])))
                    cells = [c for c in cells if c is not period]
                row = _row(cells, f, leaves, own, grid.row_lines[i], path, scales)
                row = row if spread is None else union.spread(row, spread, len(columns))
                lines = [j for j, k in joins.items() if k == i]
                if lines:
                    row = _label_joined([plain(grid.rows[j]) for j in sorted(lines) if j < i], row,
                                        [plain(grid.rows[j]) for j in sorted(lines) if j > i])
                elif n in carried and lines_of[n][0].row == i:
                    row = _label_joined([carried[n].text], row, [])
                entries.append(Printed(row, grid.row_lines[i]))
                continue
            beside = period_beside_headings(cells, f, grid.row_lines[i])
            if beside is not None:
                entries.append(beside)
                continue
            text = plain(cells)
            is_period = _period_row(cells, f, text)
            if is_period and opened is not None and _restated(entries, opened, text.rstrip(":").strip()):
                pass  # (its caption typed again over the rest of its rows, a page on: the period goes on)
            elif is_period:
                entries.append(PeriodStart(text.rstrip(":").strip(), _first_line(cells, grid.row_lines[i])))
            elif text and _is_caption(cells, f):
                entries.append(Caption(text.rstrip(":").strip()))
            elif text and (over_figures := _caption_over_figures(cells, f)):
                entries.append(Caption(over_figures.rstrip(":").strip()))
            unread += _unplaced(cells, f, is_period)
    periods, unplaced = regroup(entries, region.preamble)
    unread += unplaced
    if not periods:
        raise InputError("a Schedule II table with no rows of figures", path, region.title_line)
    return side_by_side.split(title_years.dated(Schedule(
        title=region.title or _title(region.grids[0], first),
        units=units_of(region, first) or (SCALES.get(scales.pop()) if len(scales) == 1 else None),
        columns=tuple(columns),
        periods=tuple(periods),
        line=region.title_line,
        label_heading=first.label_heading,
        unread=tuple(unread) + region.left,
        subtitle=" ".join(t for t in (region.subtitle, _years_rows(region.grids[0], first)) if t),
    )), region.grids[0].row_lines[first.heading_rows[0]] if first.heading_rows else None)


def _columns(frames: list[Frame]) -> tuple[list[Column], list[Optional[list[int]]]]:
    """The schedule's columns, and where each part's own columns stand among them (None
    throughout where every part with headings prints the first's: as before, by order).
    Tables per year under headings of their own, other than the first's, are read under
    the columns of them all, matched by heading (`union`)."""
    keys: list[Optional[list[tuple[str, ...]]]] = [
        [tuple(words(h)) for h in f.headings] if f.leaves else None for f in frames]
    if keys[0] is None or all(k is None or k == keys[0] for k in keys):
        return [Column(heading=h, role=None, start=leaf.column + 1, end=leaf.last + 2)
                for h, leaf in zip(frames[0].headings, frames[0].leaves)], [None] * len(keys)
    merged = union.merged(keys)
    columns: dict[Hashable, Column] = {}
    for f, own in zip(frames, keys):
        for key, h, leaf in zip(own or [], f.headings, f.leaves):
            columns.setdefault(key, Column(heading=h, role=None, start=leaf.column + 1, end=leaf.last + 2))
    return [columns[k] for k in merged], [None if k is None else union.mapping(k, merged) for k in keys]


def _restated(entries: list[Entry], opened: int, caption: str) -> bool:
    """Whether a caption over a part's first rows, none read in it yet (past
    `opened`), is the period's the rows before the page break are in, printed
    again as it was (labels.restates_period; as in text, text.rows), or its year alone
    (labels.restates_year: "2003" under "Year ended December 31, 2003")."""
    if any(isinstance(e, Printed) for e in entries[opened:]):
        return False
    last = next((e for e in reversed(entries) if not isinstance(e, Caption)), None)
    if not isinstance(last, Printed):
        return False  # (the period has no rows yet: a caption again opens nothing new, and is not ours)
    current = next((e.label for e in reversed(entries) if isinstance(e, PeriodStart)), "")
    return restates_period(caption, current) or restates_year(caption, current)


class _Between:
    """The periods captioned between a table's parts (Region.periods), each
    opening its period before the first row printed under it, unless the rows
    already read are that period's (its caption printed again over a page's rows, as it was or
    its year alone: labels.restates_year)."""

    def __init__(self, periods: list[tuple[int, str]]):
        self.periods = periods

    def before(self, line: int, entries: list[Entry]) -> list[Entry]:
        out: list[Entry] = []
        while self.periods and self.periods[0][0] < line:
            at, text = self.periods.pop(0)
            current = next((e.label for e in reversed(entries) if isinstance(e, PeriodStart)), None)
            if current is None or period_key(current) != period_key(text) and not restates_year(text, current):
                out.append(PeriodStart(text, at))
        return out


def _period_over_headings(grid: Grid, f: Frame) -> list[Entry]:
    """The period whose caption is a row of its own above the part's headings
    ("December 31, 2002" over them, each year's headings printed again under
    its caption in one table): it opens the period of the rows under them."""
    top = f.heading_rows[0] if f.heading_rows else 0
    for i in reversed(range(top)):
        if _lone_period(grid.rows[i]):
            return [PeriodStart(plain(grid.rows[i]).rstrip(":").strip(), _first_line(grid.rows[i], grid.row_lines[i]))]
    for i in f.heading_rows:
        beside = period_beside_headings(grid.rows[i], f, grid.row_lines[i])
        if beside is not None:
            return [beside]
    return []


def period_beside_headings(cells: list[HtmlCell], f: Frame, line: int) -> Optional[PeriodStart]:
    """The period a row of headings names in its label cell ("2012" or "Year ended December 31,
    2012" where "Description" stands, the columns' headings beside it: each year's headings
    printed again over its rows in one table): it opens the period of the rows under it."""
    labels = nonblank(c for c in cells if c.last < f.figure_start)  # (a heading's cell may start over a "$")
    over = nonblank(c for c in cells if c.last >= f.figure_start)
    # (A heading's footnote marker "(2)" alone in its cell is no figure.)
    if len(labels) != 1 or not over or any(kind(c) == "figure" and not lone_marker(c) for c in over):
        return None
    text = " ".join(labels[0].text.replace("\xa0", " ").split()).rstrip(":").strip()
    if not (WHOLE_PERIOD.match(text) and one_period(text)):
        return None
    return PeriodStart(text, _first_line(labels, line))


def _by_account_years(grid: Grid, f: Frame) -> bool:
    """Whether a table with a column of years prints its rows by account: a row
    with a year and no account's name under a row of another year (the
    account's next period), where by period such a row is the period's total."""
    if f.year_column is None:
        return False
    before = None
    for i in f.figure_rows:
        year = next((c.text.strip() for c in grid.rows[i] if c.column == f.year_column), None)
        named = any(c.column < f.figure_start and c.column != f.year_column and c.text.strip() for c in grid.rows[i])
        if not named and before is not None and year != before:
            return True
        before = year
    return False


class _YearRows:
    """The entries of rows labelled in two columns, the account's name and the
    year: by period, each year opens its period (a row without a name is that
    period's total); by account, the name captions the account's rows and each
    row is labelled by its year (regrouped as a table per account is)."""

    def __init__(self, by_account: bool):
        self.by_account, self.period = by_account, ""

    def entries(self, row: Row, year: str, line: int) -> list[Entry]:
        if self.by_account:
            caption: list[Entry] = [Caption(row.label)] if row.label else []
            return caption + [Printed(replace(row, label=year, kind="item"), line)]
        opens: list[Entry] = [PeriodStart(year, line)] if year != self.period else []
        self.period = year
        return opens + [Printed(row, line)]


def wrap_lines(grid: Grid, f: Frame, start: int) -> list[Line]:
    """The part's non-blank rows from `start`, as `wraps` reads them: a row of
    figures by its label (a period's row or one under a period in a column of
    its own begins anew), a phrase alone (no ":" at its end, no period), or other."""
    out: list[Line] = []
    for i in range(start, len(grid.rows)):
        cells = grid.rows[i]
        if i in f.figure_rows:
            period = _period_cell(cells, f)
            if period is not None:
                out.append(Line(i, "period", "", False))
                cells = [c for c in cells if c is not period]
            label = row_label([c for c in cells if c.column < f.figure_start and c.text.strip()])[0]
            kind_: LineKind = (("dated" if is_date(label) else "other") if is_period(label)
                               else "total" if not label or TOTAL.match(label) else "row")
            out.append(Line(i, kind_, label, _set_in(cells, f)))
            continue
        text = plain(cells)
        if not text:
            continue  # (a blank or spacer row: no line of text)
        if _period_row(cells, f, text):
            out.append(Line(i, "period", text, False))
            continue
        # (a group's caption ends in ":", a note's marker after it or not: "assets:<sup>(1)</sup>")
        kind_ = ("caption" if text[:notes_start(text)].rstrip().endswith(":") else "text") if _is_caption(cells, f) else "other"
        out.append(Line(i, kind_, text, _set_in(cells, f)))
    return out


def _period_row(cells: list[HtmlCell], f: Frame, text: str) -> bool:
    """A row captioning a period (no text among the figures' columns), or a
    period's caption alone in its row wherever it stands (centred over the figures)."""
    return bool(text and (period_caption(text) or _year_by_place_first(cells, f))
                and not any(c.column >= f.figure_start and kind(c) == "text" for c in cells)
                or _lone_period(cells))


def _year_by_place_first(cells: list[HtmlCell], f: Frame) -> bool:
    """A year named by its place in the first label cell, before a group's caption
    ("Prior year | Reserves deducted from asset accounts:")."""
    texts = nonblank(c for c in cells if c.column < f.figure_start)
    return bool(texts) and YEAR_BY_PLACE.match(plain([texts[0]]).strip()) is not None


def _set_in(cells: list[HtmlCell], f: Frame) -> bool:
    """Whether the row's label is set in by &nbsp; in its cell (not by the
    spaces and line ends between tags, which HTML does not print)."""
    labels = [c for c in cells if c.column < f.figure_start and c.text.strip()]
    return bool(labels) and labels[0].text.lstrip(" \t\r\n")[:1] == "\xa0"


def _label_joined(above: list[str], row: Row, below: list[str]) -> Row:
    """The row with its label's lines printed in rows of their own above and below it (a footnote
    marker at the end of the last line read as the row's)."""
    label = " ".join(" ".join([*above, row.label, *below]).split())
    footnote = row.footnote
    start = notes_start(label)
    if below and footnote is None and 0 < start < len(label):
        footnote, label = label[start:].replace(" ", ""), label[:start].strip()
    label = label.rstrip(":").strip()
    kind_: RowKind = "total" if TOTAL.match(label) else "item"
    return replace(row, label=label, kind=kind_, footnote=footnote)


def _period_cell(cells: list[HtmlCell], f: Frame) -> Optional[HtmlCell]:
    """The period printed in a label column of its own, in the first row of its
    accounts (its cell often spanning their rows): "2023" or "Year ended
    December 31, 2023" in the first label cell, an account's name in the next."""
    texts = nonblank(c for c in cells if c.column < f.figure_start)
    if len(texts) < 2 or kind(texts[0]) != "text" and not MARKED_YEAR.match(texts[0].text.strip()):
        return None
    caption = plain([texts[0]])
    # (after the basis it is reported on too, "Pre-acquisition basis: Year ended ...": else the period and
    # the account's name are read as one label, the period's, and the row under no name as a total)
    return texts[0] if period_caption(caption) and names_a_year(caption) or YEAR_BY_PLACE.match(caption) else None


# A period's caption that can be nothing else: a year alone or named so ("For the year 2022",
# "Fiscal 2002"), a date, or "ended" and a year.
WHOLE_PERIOD = re.compile(r"^(?:(?:for\s+the\s+)?(?:fiscal\s+)?(?:(?:year|fiscal|fy)\s*)?(?:19|20)\d\d"
                          r"|.*\b(?:ended|ending)\b.*\b(?:19|20)\d\d|.*" + DATE.pattern + ".*"
                          r"|(?:.*\b(?:ended|ending)\s+)?" + NUMERIC_DATE.pattern + ")$", re.IGNORECASE)


def _period_over_label(cells: list[HtmlCell], f: Frame) -> Optional[tuple[tuple[str, int], list[HtmlCell]]]:
    """The period captioned on the first line of the label's cell, over the
    account's name on the lines below ("Year ended December 31, 2002:<br>
    Allowance for doubtful accounts", a converter's caption row folded into
    the row under it): ((caption, line), the row's cells with the label's
    cell from its second line on); None where the first line is no period's
    caption (a wrapped name's first words) or nothing follows it."""
    labels = [c for c in cells if c.column < f.figure_start and c.text.strip()]
    if not labels or not labels[0].line_starts:
        return None
    cell = labels[0]
    cut = cell.line_starts[0]
    first = " ".join("".join(cell.chars[:cut]).replace("\xa0", " ").split()).rstrip(":").strip()
    if not (first and WHOLE_PERIOD.match(first) and one_period(first)
            and LETTER.search("".join(cell.chars[cut:]))):
        return None
    rest = replace(cell, chars=cell.chars[cut:], places=cell.places[cut:], facts=cell.facts[cut:], sup=cell.sup[cut:],
                   line_starts=[n - cut for n in cell.line_starts[1:]])
    line = cell.places[0][0] if cell.places else cell.line
    return (first, line), [rest if c is cell else c for c in cells]


# The basis a period is reported on, before its caption: "Successor:", "Pre-acquisition basis:".
BASIS = re.compile(r"^[a-z][\w\s-]{0,40}:\s*", re.IGNORECASE)


def period_caption(text: str) -> bool:
    """A period's caption, or one after the basis it is reported on (around an
    acquisition: "Successor: Period from July 1 to December 31, 2001")."""
    if PERIOD_START.match(text) or YEAR_BY_PLACE.match(text):
        return True
    basis = BASIS.match(text)
    return bool(basis and YEAR.search(text) and PERIOD_START.match(text[basis.end():]))


def _unplaced(cells: list[HtmlCell], f: Frame, is_period: bool) -> list[Position]:
    """Where the figures of a row read as no row of figures start (a lone
    figure without a label, say): located in the table, placed in no cell.
    Not a footnote marker "(1)", nor a period row's year printed apart (in
    any form a caption names it: "2003", "2003*", "Dec. 31, 03").  In
    a row printing no words, a figure under the label column too (a spacing
    row of filing software's, its label cell spanning the label's columns,
    holding a figure): no label it can be part of."""
    wordless = not any(kind(c) == "text" for c in cells if c.text.strip())
    if _page_mark_row(cells, f):
        return []
    shown = [c for c in cells if (c.column >= f.figure_start or wordless) and kind(c) == "figure"
             and not lone_marker(c) and not (is_period and names_a_year(c.text))]
    return [fig.position for fig in figures(shown, [], None)]


def _page_mark_row(cells: list[HtmlCell], f: Frame) -> bool:
    """A row printing only a page's number ("32", "S-2", "- 2 -"), in its label cell or centred
    across the table: the page broken inside the table, furniture (no figure of the schedule's
    stands alone in a row in the label's place)."""
    printed = nonblank(cells)
    return len(printed) == 1 and printed[0].column < f.figure_start \
        and PAGE_MARK.match(" ".join(printed[0].text.replace("\xa0", " ").split())) is not None


def _framed(grid: Grid, path: Optional[str], line: int) -> Frame:
    """The frame of a part the front end kept (it has rows of figures)."""
    found = frame(grid)
    if found is None:
        raise InputError("a part of the table has no rows of figures", path, line)
    return found


def _inherited(grid: Grid, f: Frame, first: Frame) -> Sequence[Leaf]:
    """Columns of a continuation printed without headings: the first part's,
    or on a grid of its own its columns of figures in their order, each up to
    the next (a footnote marker in a cell of its own after a figure stays its)."""
    numbers = sorted({c.column for c in _figure_cells(grid, f)})
    if _rows_width(grid, f) == max(c.last for c in first.leaves) + 1 or len(numbers) != len(first.leaves):
        return first.leaves
    return _spans_up_to_next(numbers, grid.width)


def _rows_width(grid: Grid, f: Frame) -> int:
    """How wide a part's rows of figures lay it (its grid's width: a period's caption row spanning the
    table, joined over the part, may make it the first part's, whatever grid the rows stand on)."""
    return max((c.last + 1 for i in f.figure_rows for c in grid.rows[i]), default=grid.width)


def _spans_up_to_next(numbers: list[int], width: int) -> list[_Span]:
    """A column for each of a row's figure columns (sorted), each up to the next, the last to the grid's edge."""
    return [_Span(n, after - 1) for n, after in zip(numbers, numbers[1:] + [max(width, numbers[-1] + 1)])]


@dataclass
class _Span:
    column: int
    last: int

    def covers(self, n: int) -> bool:
        return self.column <= n <= self.last


def _first_line(cells: list[HtmlCell], default: int) -> int:
    for c in cells:
        if c.text.strip():
            return c.places[len(c.text) - len(c.text.lstrip())][0]
    return default


def _title(grid: Grid, f: Frame) -> str:
    for i in range(f.figure_rows[0]):
        text = plain(grid.rows[i])
        if TITLE.search(text):
            return text
    return ""


def _years_rows(grid: Grid, f: Frame) -> str:
    """A title printed inside the table: the rows under it and above the
    headings, each one line naming the years covered (as `periods.years_lines`
    reads them between a title and its table), and the title's row itself where
    it names them ("... ACCOUNTS FOR THE YEARS ENDED ..., 2006, 2005 AND 2004"):
    the schedule's title is then the page's (its <title>), which names none."""
    top = f.heading_rows[0] if f.heading_rows else f.figure_rows[0]
    texts = [plain(grid.rows[i]) for i in range(top) if len(nonblank(grid.rows[i])) == 1]
    titled = next((k for k, t in enumerate(texts) if TITLE.search(t)), None)
    if titled is None:
        return ""
    own = [texts[titled]] if YEAR.search(texts[titled]) else []
    return " ".join(own + [t for t in texts[titled + 1:] if years_line(t)])


def units_of(region: Region, f: Frame) -> Optional[str]:
    grid = region.grids[0]
    return units_in([region.preamble, grid.caption] + [plain(r) for r in grid.rows[: f.figure_rows[0]]])


def units_in(texts: Iterable[str]) -> Optional[str]:
    """The units the first of `texts` to state them states ("(In thousands)", "$000")."""
    return next((u for text in texts for u in [stated_units(text)] if u), None)


# --- rows and figures ------------------------------------------------------------


def _row(cells: list[HtmlCell], f: Frame, leaves: Sequence[Leaf], columns: list[Column], line: int,
         path: Optional[str], scales: set[str]) -> Row:
    label_cells = [c for c in cells if c.column < f.figure_start and c.text.strip()]
    label, footnote = row_label(label_cells)
    found = figures([c for c in cells if c.column >= f.figure_start], leaves, path)
    out = placed(found, leaves, [c.heading for c in columns], path, scales)
    if label_cells:
        line = _first_line(label_cells, line)
    elif found:
        line = found[0].line
    kind_: RowKind = "total" if TOTAL.match(label) or not label else "item"
    either = _other_way(cells, f, leaves, columns, path) if any(c.either for c in cells) else None
    return Row(label=label, kind=kind_, cells=tuple(out), line=line, footnote=footnote,
               either=either if either != tuple(out) else None)


def _other_way(cells: list[HtmlCell], f: Frame, leaves: Sequence[Leaf], columns: list[Column],
               path: Optional[str]) -> Optional[tuple[Optional[Cell], ...]]:
    """A row's cells with each "(1)" the table does not tell a marker from a figure (HtmlCell.either)
    read the other way; None where they cannot be placed so."""
    moved = [replace(c, column=c.either[0], colspan=c.either[1], either=None) if c.either else c
             for c in cells if c.column >= f.figure_start]
    try:
        return tuple(placed(figures(moved, leaves, path), leaves, [c.heading for c in columns], path, set()))
    except InputError:
        return None


# A footnote's reference set in <sup> at a label's end: a digit, a letter or two, marks ("accounts<sup>2</sup>").
SUP_MARK = re.compile(rf"\(?[0-9a-z]{{1,2}}\)?|\*{{1,3}}|[{NOTE_SIGNS}]", re.IGNORECASE)


def _sup_mark(label_cells: list[HtmlCell]) -> Optional[tuple[str, str]]:
    """(label, marker) where the label's last cell ends in a <sup> run printing a footnote's
    reference, words before it: filing software's "accounts<sup>2</sup>" is the label
    "accounts" and note 2, not "accounts2" (a bare digit no text marker tells apart)."""
    if not label_cells:
        return None
    cell = label_cells[-1]
    chars, sup = cell.chars, cell.sup
    end = len(chars)
    while end and chars[end - 1] in " \xa0":
        end -= 1
    start = end
    while start and sup[start - 1]:
        start -= 1
    mark = "".join(chars[start:end]).replace("\xa0", " ").strip()
    if start == end or not start or not SUP_MARK.fullmatch(mark.replace(" ", "")):
        return None
    before = label_cells[:-1] + [replace(cell, chars=chars[:start], places=cell.places[:start],
                                          facts=cell.facts[:start], sup=sup[:start])]
    label = " ".join(plain(before).split())
    return (label, mark.replace(" ", "")) if LETTER.search(label) else None


def row_label(label_cells: list[HtmlCell]) -> tuple[str, Optional[str]]:
    """A row's label as printed, without leaders and colon, and its footnote marker."""
    marked = _sup_mark(label_cells)
    label = " ".join(plain(label_cells).split())
    footnote = None
    if marked:
        label, footnote = marked
        return _words(label), footnote
    start = notes_start(label)
    if 0 < start < len(label):
        footnote, label = label[start:].replace(" ", ""), label[:start]
    return _words(label), footnote


def _words(label: str) -> str:
    """The label without its leaders, a dollar sign after them (`LABEL_DOLLAR`) and a colon."""
    return LEADER.sub("", LABEL_DOLLAR.sub("", label.strip())).strip().rstrip(":").strip()

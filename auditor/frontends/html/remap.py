"""A part after a page break laid on other grid columns, put under the first part's.

Filing software and word processors lay each <table> on a grid of its own: the
part a page break cuts off may print its "$" in a cell of its own where the
first part does not (or the other way round), its spacer cells elsewhere, a
colspan wider.  Its figures still stand in the first part's columns, in the
same order: the k-th column of figures of the part is the k-th of the first
(`breaks` joins the parts as one grid).  The part is put under the first only
where that correspondence is plain: as many columns of figures as the first
prints (its columns of figures, or where it prints none yet its lowest row of
headings or of years), and no text right of the row labels; otherwise None,
and the part is refused by its caller, never dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from itertools import combinations, product
from typing import Iterator, NamedTuple, Optional, Union

from auditor.frontends.html.figures import SMALL_PAREN, kind, lone_marker, nonblank, printed_figures, tokens
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.transposed import period_cells
from auditor.labels import typed_negative
from auditor.lazy_pattern import lazy_compile

Slot = tuple[int, int]  # a column of figures: its first and last grid column
# A note's marker among words: "Reserves (1)", "(1) Includes ..." (not "(12,345)": a figure's).
NUMBERED_MARK = lazy_compile(r"(?<![\d,.])\(\d{1,2}\)")
MOST_COLUMNS = 8  # (the arithmetic tries each way of placing a short row's figures: C(8, 4) = 70 ways at most)
MOST_ROWS = 64  # (the rows of each side the arithmetic reads: enough to tell, bounded in a hostile table)
MOST_DIGITS = 30  # (an amount longer is no schedule's: its row tells nothing)


class Among(NamedTuple):
    """A short row's figures placed by where each stands (`_aligned`), only in one of `ways` (those
    the arithmetic leaves), or in any (`every`: no arithmetic to go by)."""

    ways: frozenset[tuple[Slot, ...]]
    every: bool = False


WHERE_IT_STANDS = Among(frozenset(), True)
Placing = Union[tuple[Slot, ...], Among, None]  # (a short row's columns; by where it stands; None: refused)


class Across(NamedTuple):
    """The first part's columns of figures, and where its labels end; `short`, the columns decided
    for each of the part's rows printing fewer figures than there are columns, by the id of its
    cells (`_short_rows`; None where the evidence does not tell: refused)."""

    slots: list[Slot]
    label: int
    markers: frozenset[str] = frozenset()  # the "(1)"s the table prints as notes' markers (`_markers`)
    short: dict[int, Placing] = {}


def laid_under(grid: Grid, part: Grid, first: Optional[Grid] = None,
               noted: frozenset[str] = frozenset()) -> Optional[Grid]:
    """`part` with its cells moved into `grid`'s columns of figures; None where
    a row's figures cannot be placed plainly (`_row_slots`).  `first`: the schedule's
    first part where `grid` is its headings typed again, printing no figure: its rows
    are then the evidence `_short_rows` goes by, where it has `grid`'s columns.  `noted`:
    the markers ("(1)") the notes under the table define (breaks.notes_below), markers
    as those the table prints as such (`_markers`)."""
    # (a part printing small negatives alone, "(11)" "(10)": their columns, none a note's marker then)
    own = _figure_columns(part.rows) or sorted({c.column for cells in _figure_rows(part.rows) for c in _printed(cells)})
    slots = _columns(grid)
    if not own or not slots:
        return None
    to = dict(zip(own, slots)) if len(own) == len(slots) else {}  # (the part's columns, one for one: by order)
    across = Across(slots, _label_end(grid.rows), _markers(grid, part) | noted)
    if not to:
        shown = first if first is not None and not _figure_columns(grid.rows) and _columns(first) == slots else grid
        across = across._replace(short=_short_rows(shown, part.rows, own, across))
    rows = [_moved(cells, own, to, across) for cells in part.rows]
    if any(row is None for row in rows):
        return None
    return Grid([row for row in rows if row is not None], grid.width, part.row_lines, part.caption)


def _figure_columns(rows: list[list[HtmlCell]]) -> list[int]:
    """The grid columns a part prints figures in, left to right (`printed_figures`)."""
    return sorted({c.column for cells in _figure_rows(rows) for c in printed_figures([c for c in cells if c.column > 0])})


def _figure_rows(rows: list[list[HtmlCell]]) -> list[list[HtmlCell]]:
    """The rows of figures, not a row of the years over a block ("2003" is no figure there)."""
    return [cells for cells in rows if not period_cells(cells)]


def _figure(cell: HtmlCell) -> bool:
    """A figure right of the label column (a year's caption, "2015", in the label
    column heads a period's rows), not a note's "(2)"."""
    return cell.column > 0 and kind(cell) == "figure" and not lone_marker(cell)


def _figure_in(cell: HtmlCell, own: list[int], before: Optional[HtmlCell]) -> bool:
    """A figure of the row: `_figure`, or a small one in parentheses ("(96)") in
    a column other rows print figures in, not right after a figure (a note's
    "(2)" beside its figure)."""
    if _figure(cell):
        return True
    after_figure = before is not None and before.last + 1 == cell.column and kind(before) == "figure"
    return cell.column in own and kind(cell) == "figure" and not after_figure


def _columns(grid: Grid) -> list[Slot]:
    """The first part's columns of figures: where it prints figures, or under
    its lowest row of headings (or of years) above them where those name more
    (a column printed blank all through the first part: the part's columns
    put by order under the printed ones alone would shift past it)."""
    rows = _figure_rows(grid.rows)
    figures = sorted({(c.column, c.last) for cells in rows for c in cells if _figure(c)})
    if len({first for first, _ in figures}) != len(figures):
        figures = []
    heads = _heading_leaves(grid, figures)
    return heads if len(heads) > len(figures) else figures


def _heading_leaves(grid: Grid, figures: list[Slot]) -> list[Slot]:
    """The cells of the lowest row of several cells above the first figure (a
    label's heading, in the label column, aside), where each column of figures
    stands under one of them; [] where there is none."""
    top = min((r for r, cells in enumerate(grid.rows) for c in cells if _figure(c) and not period_cells(cells)),
              default=len(grid.rows))
    for cells in reversed(grid.rows[:top]):
        shown = [c for c in nonblank(cells) if c.column > 0]
        if len(shown) > 1 or (len(shown) == 1 and len(nonblank(cells)) > 1):
            leaves = [(c.column, c.last) for c in shown]
            under = all(any(a <= first and last <= b for a, b in leaves) for first, last in figures)
            return leaves if under else []
    return []


def _label_end(rows: list[list[HtmlCell]]) -> int:
    """Where a grid's labels end: after its label column's cells (1 where none)."""
    return min((c.last + 1 for cells in rows for c in cells[:1] if c.column == 0 and kind(c) == "text"), default=1)


def _moved(cells: list[HtmlCell], own: list[int], to: dict[int, Slot], across: Across) -> Optional[list[HtmlCell]]:
    """A row's cells in the first part's columns: its labels left of the first
    figure, each figure in its column, a mark ("$", ")", a note) beside the
    figure it goes with; blank cells dropped.  A row of no figure (the years
    over the next block, an account's caption) keeps its label and puts one
    cell in each column.  A row printing a "$" for each column is placed by
    its "$" (`_by_dollars`).  None where text stands right of the labels, or
    the row's figures cannot be placed (`_row_slots`)."""
    shown, slots = nonblank(cells), across.slots
    if period_cells(cells):
        return _headed(shown, slots)
    dollars, figures = _figures(cells, shown, own, to, across)
    if not figures:
        return _headed(shown, slots)
    placed = [slot for _, slot in dollars] if dollars else _row_slots(cells, figures, to, across)
    if placed is None:
        return None
    at = {id(c): slot for c, slot in zip(figures, placed)}
    out: list[HtmlCell] = []
    for cell in shown:
        if id(cell) in at:
            out.append(_at(cell, at[id(cell)]))
        elif cell.column < figures[0].column and (kind(cell) == "text" or cell.column == 0):  # (a year, "2017")
            out.append(_label(cell, slots))
        elif kind(cell) != "text":  # (a "$" before its figure, a ")" or a note, "(2)", after)
            beside = max((f for f in figures if f.column < cell.column), key=lambda f: f.column, default=figures[0])
            out.append(_at(cell, at[id(beside)]))
        else:
            return None
    return out


def _figures(cells: list[HtmlCell], shown: list[HtmlCell], own: list[int], to: dict[int, Slot],
             across: Across) -> tuple[Optional[list[tuple[HtmlCell, Slot]]], list[HtmlCell]]:
    """A row's figures, and where it prints a "$" for each column their columns by it (`_by_dollars`)."""
    dollars = _by_dollars(shown, across.slots)
    if dollars:
        return dollars, [c for c, _ in dollars]
    return dollars, _row_figures(cells, shown, own, to, len(across.slots), across.markers)


def _row_figures(cells: list[HtmlCell], shown: list[HtmlCell], own: list[int], to: dict[int, Slot],
                 columns: int, markers: frozenset[str] = frozenset()) -> list[HtmlCell]:
    """A row's figures (`_figure_in`).  A small one in parentheses right after a figure ("(96)",
    "(1)") is a note's marker beside it, but not where the row prints one figure fewer than the
    first part's columns without it, as many with it, and either a cell for every column, none
    blank (a row laid on a grid of its own, no spacer between its figures), or a note's marker of
    its own right after it ("(1)" "(d)": a marker carries none; `_marked`): its negative figure then
    (in the part's columns of figures where those are the first's one for one: "(11)" "(10)")."""
    figures = [c for c, before in zip(shown, [None, *shown]) if (c.column in own or not to) and _figure_in(c, own, before)]
    if len(figures) >= columns:
        return figures
    every = [c for c in shown if c.column > 0 and kind(c) == "figure"]
    printed = [c for c in cells if c.column >= _label_end([cells])]
    plain = len(every) == columns and (all(kind(c) != "blank" for c in printed) or _marked(shown, every, figures, markers))
    return every if plain and all(c.column in to for c in every if to) else figures


def _marked(shown: list[HtmlCell], every: list[HtmlCell], figures: list[HtmlCell],
            markers: frozenset[str] = frozenset()) -> bool:
    """Whether each small figure in parentheses `figures` sets aside as a note's marker is followed,
    in the next cell printing something, by a note's marker alone ("(1)" then "(d)"), or by another
    such figure that is ("5" "(4)" "(1)" "(b)": a charge turned negative right after the opening's
    cell, the next column's "(1)" with its note; a marker carries none); none of them a marker the
    table prints as one elsewhere (`markers`: "231" "(1)" "(d)", a figure's two notes)."""
    after = dict(zip(map(id, shown), [*shown[1:], None]))
    kept = set(map(id, figures))
    aside = [c for c in every if id(c) not in kept]
    told: set[int] = set()  # (from the right: the figure a chain's next one is, told first)
    for c in reversed(aside):
        nxt = after[id(c)]
        if not lone_marker(c) or c.text.strip() in markers or nxt is None or not (_note(nxt) or id(nxt) in told):
            return False
        told.add(id(c))
    return True


def _markers(grid: Grid, part: Grid) -> frozenset[str]:
    """The small figures in parentheses ("(1)") a table prints as notes' markers: in the first
    part, one right after a figure in grid columns no figure of it stands in (beside its figure,
    under its heading: "12 | | (1) | | 5"); in either part, one raised (<sup>), flagged a figure's
    marker by its columns (`marks.notes`), or among words (a label's or a heading's "Reserves (1)",
    a note's line under the table "(1) Includes ...")."""
    found: set[str] = set()
    rows = _figure_rows(grid.rows)
    figured = {n for cells in rows for c in cells if _figure(c) for n in range(c.column, c.last + 1)}
    for cells in rows:
        shown = [c for c in nonblank(cells) if c.text.strip() != ")"]
        found.update(c.text.strip() for c, before in zip(shown[1:], shown) if lone_marker(c) and _figure(before)
                     and figured.isdisjoint(range(c.column, c.last + 1)))
    for either in (grid, part):
        for cells in either.rows:
            for c in cells:
                if "(" not in c.text:
                    continue
                if c.note:
                    found.add(c.text.strip())
                elif kind(c) == "text":
                    found.update(m.group() for m in NUMBERED_MARK.finditer(c.text))
                else:
                    found.update(t.text.strip() for t in tokens(c) if c.sup[t.start] and SMALL_PAREN.match(t.text.strip()))
    return frozenset(found)


def _note(cell: HtmlCell) -> bool:
    """A cell printing a note's marker alone ("(d)", "*")."""
    toks = tokens(cell)
    return bool(toks) and all(t.kind == "note" for t in toks)


def _row_slots(cells: list[HtmlCell], figures: list[HtmlCell], to: dict[int, Slot],
               across: Across) -> Optional[list[Slot]]:
    """The first part's column of each of a row's figures: by the part's
    columns where they are the first's one for one; else by order where the row
    prints a figure in each column (a row laid on a grid of its own: a "$"
    inside one row's cells only); else where each figure's right edge stands,
    measured across the row as the first part's across its grid (a column
    printed blank in the row, or all through the part), where that is plain.
    A row printing fewer: by its own run of cells where an empty one stands
    for each blank column (`_run`); else as decided for the part's rows of its
    count (`_short_rows`); where each stands only where nothing else tells."""
    if to:
        return [to[c.column] for c in figures]
    if len(figures) == len(across.slots):
        return list(across.slots)
    if len(figures) > len(across.slots):
        return None
    run = _run(cells, figures, across.slots)
    if run is not None:
        return run
    decided = across.short.get(id(cells), WHERE_IT_STANDS)
    if not isinstance(decided, Among):
        return None if decided is None else list(decided)
    aligned = _aligned(cells, figures, across)
    return aligned if aligned is not None and (decided.every or tuple(aligned) in decided.ways) else None


def _run(cells: list[HtmlCell], figures: list[HtmlCell], slots: list[Slot]) -> Optional[list[Slot]]:
    """A row printing fewer figures than there are columns, on a grid of its own, whose cells right of
    its label are one per column: its figures and an empty cell for each column it leaves blank,
    between its first figure and its last ("200 | | 40 | 10 | 230"; a "$", ")" or a note's "(1)"
    beside a figure no place of its own).  Where those are more than the columns, the empty cells
    between two figures one place ("24 | 19 | (1) | (d) | | | | 12 | 31": a blank column's cells,
    its "$" and its ")" too, after a figure's notes), where so they are one per column.  Each figure
    the column of its place; None otherwise (a spacer cell leading or trailing the row, or more
    places than columns, tells nothing)."""
    kept = set(map(id, figures))
    places = [c for c in cells if c.column >= _label_end([cells]) and (id(c) in kept or kind(c) == "blank")]
    if len(places) > len(slots):  # (a blank column's several cells: the empty ones between two figures, one place)
        places = [c for c, before in zip(places, [None, *places]) if id(c) in kept or before is None or id(before) in kept]
    if len(places) != len(slots) or id(places[0]) not in kept or id(places[-1]) not in kept:
        return None
    return [slot for c, slot in zip(places, slots) if id(c) in kept]


def _short_rows(grid: Grid, rows: list[list[HtmlCell]], own: list[int], across: Across) -> dict[int, Placing]:
    """The columns of each of the part's rows printing fewer figures than there are columns and no
    empty cell for the blank ones (`_run`), by the row (its cells' id), from the evidence in this
    order.  (b) The schedule leaves columns blank all through (the first part's rows and the part's
    placed plainly print none in them) and the row prints as many figures as the columns left, and
    no empty cell of its own (one may stand for a blank column, where is not plain): those, by
    order, where the row closes so or closes under no other placement.  (c) The
    arithmetic: each way of placing the row's figures (the first under the opening balance, the
    last under the ending: an ending put under a deduction closes any row), the movements added or
    taken off as the rows placed plainly close (`_patterns`; a column blank all through them either
    way, the same for the whole part): the one way it closes under.  A row closing under none (a
    misprint) or several takes the way the part's other rows of its count closing under one took,
    where they agree; else, closing under several, (d) where its figures stand (`_aligned`) where
    that is one of them; closing under none, the one of (b); else None (refused, never guessed).
    Where no row placed plainly closes (no arithmetic to go by): (b), else (d) where its figures
    stand.  Decided from the part's rows together: one misprinted row moves no other."""
    slots = across.slots
    plain = _first_rows(grid, slots)
    short: list[tuple[list[HtmlCell], list[HtmlCell], bool]] = []
    for cells in _figure_rows(rows):
        dollars, figures = _figures(cells, nonblank(cells), own, {}, across)
        if dollars:
            plain.append({slot: c for c, slot in dollars})
        elif len(figures) == len(slots):
            plain.append(dict(zip(slots, figures)))
        elif figures and len(figures) < len(slots):
            run = _run(cells, figures, slots)
            if run is not None:
                plain.append(dict(zip(run, figures)))
            else:
                label = _label_end([cells])
                short.append((cells, figures, any(kind(c) == "blank" for c in cells if c.column >= label)))
    if not short:
        return {}
    printed = tuple(sorted({slot for row in plain for slot in row}))
    priors = [printed if len(printed) == len(figures) and not blank else None for _, figures, blank in short]
    patterns = _patterns(slots, plain) if 2 < len(slots) <= MOST_COLUMNS else []
    if not patterns:
        return {id(cells): prior or WHERE_IT_STANDS for (cells, _, _), prior in zip(short, priors)}
    tried = [_placings([(cells, figures) for cells, figures, _ in short], slots, priors, pattern) for pattern in patterns]
    most = max(n for _, n in tried)
    found = [placing for placing, n in tried if n == most]
    return {key: _together([other[key] for other in found]) for key in found[0]}


def _together(placings: list[Placing]) -> Placing:
    """A row's placing under each way of adding and taking off most rows close under equally: the
    same, or by where it stands among the ways any leaves; None where one refuses."""
    if all(p == placings[0] for p in placings):
        return placings[0]
    ways: set[tuple[Slot, ...]] = set()
    for p in placings:
        if p is None:
            return None
        ways |= p.ways if isinstance(p, Among) else {p}
    return Among(frozenset(ways))


def _placings(short: list[tuple[list[HtmlCell], list[HtmlCell]]], slots: list[Slot],
              priors: list[Optional[tuple[Slot, ...]]], pattern: tuple[bool, ...]) -> tuple[dict[int, Placing], int]:
    """Each short row's columns under one way of adding and taking off the movements (`_short_rows`),
    and how many rows close so."""
    closing: list[list[tuple[Slot, ...]]] = []
    for i, (_, figures) in enumerate(short):
        count = len(figures)
        ways = [(slots[0], *inner, slots[-1]) for inner in combinations(slots[1:-1], count - 2)] if count > 2 else []
        closing.append([way for way in ways if i < MOST_ROWS and _closes(_values(dict(zip(way, figures)), slots), [pattern])])
    chosen: list[Optional[tuple[Slot, ...]]] = []
    for prior, ways in zip(priors, closing):
        chosen.append(prior if prior is not None and prior in ways else ways[0] if len(ways) == 1 else None)
    agreed: dict[int, set] = {}
    for (_, figures), way in zip(short, chosen):
        if way is not None:
            agreed.setdefault(len(figures), set()).add(way)
    out: dict[int, Placing] = {}
    for (cells, figures), ways, way, prior in zip(short, closing, chosen, priors):
        placing: Placing = way
        if way is None:
            together = agreed.get(len(figures), set())
            placing = next(iter(together)) if len(together) == 1 and (not ways or next(iter(together)) in ways) else None
            if placing is None:  # (several ways close: where it stands among them; none: the schedule's blank one)
                placing = Among(frozenset(ways)) if ways else prior
        out[id(cells)] = placing
    return out, sum(way is not None and way in ways for way, ways in zip(chosen, closing))


def _first_rows(grid: Grid, slots: list[Slot]) -> list[dict[Slot, HtmlCell]]:
    """The first part's rows of figures, each figure under its column (a row with a figure under none
    aside; each column found by bisection: linear in a wide table's columns)."""
    starts = [a for a, _ in slots]  # (left to right, none overlapping)
    out = []
    for cells in _figure_rows(grid.rows):
        row: dict[Slot, HtmlCell] = {}
        for c in cells:
            if _figure(c):
                k = bisect_right(starts, c.column)
                if not k or c.last > slots[k - 1][1]:
                    break
                row[slots[k - 1]] = c
        else:
            if row:
                out.append(row)
    return out


def _patterns(slots: list[Slot], plain: list[dict[Slot, HtmlCell]]) -> list[tuple[bool, ...]]:
    """Which movements are taken off (the others added) for most of the rows placed plainly to close:
    every such way most close under, more than half of those read (a row closing under every way,
    no movement in it, aside); [] where none (no arithmetic)."""
    ways = list(product((False, True), repeat=len(slots) - 2))
    rows = [v for v in (_values(row, slots) for row in plain[:MOST_ROWS]) if v is not None]
    rows = [v for v in rows if not all(_closes(v, [way]) for way in ways)]  # (no movement, "$—" all through: tells nothing)
    if not rows:
        return []
    counts = [sum(_closes(v, [way]) for v in rows) for way in ways]
    best = max(counts)
    return [way for way, n in zip(ways, counts) if n == best] if 2 * best > len(rows) else []


def _values(row: dict[Slot, HtmlCell], slots: list[Slot]) -> Optional[list[Decimal]]:
    """A row's amounts under `slots` (a blank column nil); None where one is not plainly an amount."""
    out = []
    for slot in slots:
        cell = row.get(slot)
        value = Decimal(0) if cell is None else _amount(cell)
        if value is None:
            return None
        out.append(value)
    return out


def _amount(cell: HtmlCell) -> Optional[Decimal]:
    """The amount a cell prints ("5,412", "(130)", a nil: 0; a note's "(2)" after it aside); None
    where it prints other than one."""
    found = [t for t in tokens(cell) if t.kind in ("amount", "nil")]
    if not found or any(not SMALL_PAREN.match(t.text) for t in found[1:]):
        return None
    if found[0].kind == "nil":
        return Decimal(0)
    digits, negative = typed_negative(found[0].text)
    digits = digits.replace(",", "")
    if not (0 < len(digits) <= MOST_DIGITS) or not digits.replace(".", "", 1).isdigit():
        return None
    return -Decimal(digits) if negative else Decimal(digits)


def _closes(values: Optional[list[Decimal]], patterns: list[tuple[bool, ...]]) -> bool:
    """Whether a row's amounts close under one of `patterns`: the opening, each movement added or taken
    off (however printed: "30" or "(30)"), the ending."""
    if values is None:
        return False
    moved = values[-1] - values[0]
    return any(sum((-abs(v) if off else v for off, v in zip(way, values[1:-1])), Decimal(0)) == moved
               for way in patterns)


def _by_dollars(shown: list[HtmlCell], slots: list[Slot]) -> Optional[list[tuple[HtmlCell, Slot]]]:
    """A row printing a "$" for each of the first part's columns, a blank one's too ("$" | ""):
    its figures, each in the column of the "$" that opens its place (the first figure at or after
    the "$", a "(9)" too; a note's "(1)" after it its mark), whatever cells the row lays between
    (a row laid on a grid of its own: where its cells stand tells nothing).  None where the row
    prints another count of "$", a figure before the first "$", or two in one place."""
    opens = [i for i, c in enumerate(shown) if c.column > 0 and kind(c) != "text" and _opens(c)]
    if len(opens) != len(slots) or any(kind(c) == "figure" for c in shown[:opens[0]] if c.column > 0):
        return None
    out = []
    for at, end, slot in zip(opens, [*opens[1:], len(shown)], slots):
        place = [c for c in shown[at:end] if kind(c) == "figure"]
        if not place:
            continue
        if (place[0] is not shown[at] and place[0] is not shown[at + 1]) or any(not lone_marker(c) for c in place[1:]):
            return None
        out.append((place[0], slot))
    return out


def _opens(cell: HtmlCell) -> bool:
    """A cell opening a figure's place: its first token a "$" ("$", "$2,459")."""
    toks = tokens(cell)
    return bool(toks) and toks[0].kind == "dollar"


def _aligned(cells: list[HtmlCell], figures: list[HtmlCell], across: Across) -> Optional[list[Slot]]:
    """Each figure's column by where its right edge stands between the end of
    the label and the end of the row, against the first part's columns' right
    edges between its label column and its last column: the nearest, nearer
    than half the gap between two columns, each column once and in order;
    else None (refused, never guessed)."""
    slots = across.slots
    label, end = _label_end([cells]), max(c.last + 1 for c in cells)
    edges = [Fraction(b + 1 - across.label, slots[-1][1] + 1 - across.label) for _, b in slots]
    gap = min((edges[i + 1] - edges[i] for i in range(len(edges) - 1)), default=Fraction(1))
    out: list[Slot] = []
    for f in figures:
        x = Fraction(f.last + 1 - label, end - label) if end > label else Fraction(0)
        i = min(range(len(edges)), key=lambda k: abs(edges[k] - x))
        if abs(edges[i] - x) >= gap / 2 or (out and slots[i] <= out[-1]):
            return None
        out.append(slots[i])
    return out


def _headed(shown: list[HtmlCell], slots: list[Slot]) -> Optional[list[HtmlCell]]:
    """A row of no figure: one phrase (a caption), or a cell per column (the
    years), after a label or none."""
    if len(shown) <= 1:
        return [_label(c, slots) for c in shown]
    heads = shown[len(shown) - len(slots):] if len(shown) in (len(slots), len(slots) + 1) else None
    if heads is None:
        return None
    return [_label(c, slots) for c in shown[:len(shown) - len(slots)]] + [_at(c, s) for c, s in zip(heads, slots)]


def _label(cell: HtmlCell, slots: list[Slot]) -> HtmlCell:
    """A label (or a caption) in the label column, left of the first column of figures."""
    return _placed(cell, 0, max(1, min(cell.colspan, slots[0][0])))


def _at(cell: HtmlCell, slot: Slot) -> HtmlCell:
    return _placed(cell, slot[0], slot[1] - slot[0] + 1)


def _placed(cell: HtmlCell, column: int, colspan: int) -> HtmlCell:
    """A copy of the cell at other grid columns, its tokens read again: a token
    names its cell, and a figure falls under the heading its cell's columns do."""
    return replace(cell, column=column, colspan=colspan)


def under_years(grid: Grid, top: int = 0) -> Grid:
    """`grid` printing blocks of the years as columns, its rows from `top` on (a part after a page
    break, or a table after one) laid on a grid of their own: a row's figure under none of its
    block's years, or two under one.  Those rows each moved under the years of the row of years
    last above them (the block a page break cut, or the next block that row opens), left to right
    as `_moved` places a part's (by its "$", by order where it prints a figure for each year, by
    where each stands); as it is where nothing is apart, or where a row cannot be placed so (then
    refused as it was, never guessed)."""
    heads = [r for r, cells in enumerate(grid.rows) if period_cells(cells)]
    if not any(h < r for h in heads for r in range(top, len(grid.rows))):
        return grid
    rows, apart = list(grid.rows), False
    label = _label_end(grid.rows)
    for r, head in _under_heads(rows, heads, top):
        years = [(c.column, c.last) for c in period_cells(grid.rows[head])]
        at = {id(c): next((k for k, (a, b) in enumerate(years) if a <= c.column and c.last <= b), None)
              for c in _printed(rows[r])}
        own = [at[id(c)] for c in rows[r] if _figure(c)]  # (a note's "(1)" beside its figure shares its year)
        apart = apart or None in at.values() or len(set(own)) < len(own)
    if not apart:
        return grid
    for r, head in _under_heads(rows, heads, top):
        across = Across([(c.column, c.last) for c in period_cells(grid.rows[head])], label)
        moved = _moved(rows[r], [], {}, across)
        if moved is None:
            return grid
        rows[r] = moved
    return Grid(rows, grid.width, grid.row_lines, grid.caption)


def _under_heads(rows: list[list[HtmlCell]], heads: list[int], top: int) -> Iterator[tuple[int, int]]:
    """(row, the row of years last above it) for each row from `top` on printing a figure under
    a row of years (`heads`), as `rows` stands when the row is reached."""
    for r in range(top, len(rows)):
        head = max((h for h in heads if h <= r), default=None)
        if head is not None and head != r and _printed(rows[r]):
            yield r, head


def _printed(cells: list[HtmlCell]) -> list[HtmlCell]:
    """A row's cells printing a figure right of its label, a small one in parentheses ("(5)") too."""
    return [c for c in cells if c.column > 0 and kind(c) == "figure"]

"""The columns of a part's rows printing fewer figures than there are columns and no empty cell
for the blank ones, decided from the part's rows together: by the columns the schedule leaves
blank all through, by arithmetic (the row's identity, opening plus movements to ending, under
the way the rows placed plainly add and take off their movements), else by where its figures
stand among the placements that close.  The arithmetic is bounded (`MOST_COLUMNS`, `MOST_ROWS`,
`MOST_DIGITS`) so a hostile table costs no more than a schedule.
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from itertools import combinations, product
from typing import Optional

from auditor.frontends.html.figures import kind, nonblank, tokens
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.row_places import own_run, dollars_and_figures
from auditor.frontends.html.slots import (WHERE_IT_STANDS, Across, Among, Placing, Slot, column_figure, figure_rows,
                                          label_end)
from auditor.labels import NUMBERED_MARKER_ALONE, typed_negative


MOST_COLUMNS = 8  # (the arithmetic tries each way of placing a short row's figures: C(8, 4) = 70 ways at most)
MOST_ROWS = 64  # (the rows of each side the arithmetic reads: enough to tell, bounded in a hostile table)
MOST_DIGITS = 30  # (an amount longer is no schedule's: its row tells nothing)


def short_rows(grid: Grid, rows: list[list[HtmlCell]], own: list[int], across: Across) -> dict[int, Placing]:
    """The columns of each of the part's rows printing fewer figures than there are columns and no
    empty cell for the blank ones (`row_places.own_run`), by the row (its cells' id), from the
    evidence in this order.  (b) The schedule leaves columns blank all through (the first part's rows
    and the part's placed plainly print none in them) and the row prints as many figures as the
    columns left, and no empty cell of its own (one may stand for a blank column, where is not
    plain): those, by order, where the row closes so or closes under no other placement.  (c) The
    arithmetic: each way of placing the row's figures (the first under the opening balance, the last
    under the ending: an ending put under a deduction closes any row), the movements added or taken
    off as the rows placed plainly close (`_patterns`; a column blank all through them either way,
    the same for the whole part): the one way it closes under.  A row closing under none (a misprint)
    or several takes the way the part's other rows of its count closing under one took, where they
    agree; else, closing under several, (d) where its figures stand (`row_places._aligned`) where
    that is one of them; closing under none, the one of (b); else None (refused, never guessed).
    Where no row placed plainly closes (no arithmetic to go by): (b), else (d) where its figures
    stand.  Decided from the part's rows together: one misprinted row moves no other."""
    slots = across.slots
    plain = _first_rows(grid, slots)
    short: list[tuple[list[HtmlCell], list[HtmlCell], bool]] = []
    for cells in figure_rows(rows):
        dollars, figures = dollars_and_figures(cells, nonblank(cells), own, {}, across)
        if dollars:
            plain.append({slot: c for c, slot in dollars})
        elif len(figures) == len(slots):
            plain.append(dict(zip(slots, figures)))
        elif figures and len(figures) < len(slots):
            run = own_run(cells, figures, slots)
            if run is not None:
                plain.append(dict(zip(run, figures)))
            else:
                label = label_end([cells])
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
    """Each short row's columns under one way of adding and taking off the movements (`short_rows`),
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
    for cells in figure_rows(grid.rows):
        row: dict[Slot, HtmlCell] = {}
        for c in cells:
            if column_figure(c):
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
    if not found or any(not NUMBERED_MARKER_ALONE.match(t.text) for t in found[1:]):
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

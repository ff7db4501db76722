"""Where a row of a part after a page break puts its figures, by what the row itself prints: a
"$" opening each column's place, a figure for each column, its own run of cells (an empty one
for each blank column), or where each figure stands across the row.  A row printing fewer
figures than there are columns, placed by none of these, takes what `placing.short_rows`
decided for it from the part's rows together; where nothing is plain, None (refused, never
guessed).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Optional

from auditor.frontends.html.figures import kind, lone_marker, tokens
from auditor.frontends.html.grid import HtmlCell
from auditor.frontends.html.row_marks import figures_not_markers
from auditor.frontends.html.slots import WHERE_IT_STANDS, Across, Among, Slot, label_end


def dollars_and_figures(cells: list[HtmlCell], shown: list[HtmlCell], own: list[int], to: dict[int, Slot],
                        across: Across) -> tuple[Optional[list[tuple[HtmlCell, Slot]]], list[HtmlCell]]:
    """A row's figures, and where it prints a "$" for each column their columns by it (`_by_dollars`)."""
    dollars = _by_dollars(shown, across.slots)
    if dollars:
        return dollars, [c for c, _ in dollars]
    return dollars, figures_not_markers(cells, shown, own, to, len(across.slots), across.markers, across.noted)


def row_slots(cells: list[HtmlCell], figures: list[HtmlCell], to: dict[int, Slot],
              across: Across) -> Optional[list[Slot]]:
    """The first part's column of each of a row's figures: by the part's columns where they are
    the first's one for one; else by order where the row prints a figure in each column (a row
    laid on a grid of its own: a "$" inside one row's cells only); else where each figure's right
    edge stands, measured across the row as the first part's across its grid (a column printed
    blank in the row, or all through the part), where that is plain.  A row printing fewer: by its
    own run of cells where an empty one stands for each blank column (`own_run`); else as decided
    for the part's rows of its count (`placing.short_rows`); where each stands only where nothing
    else tells."""
    if to:
        return [to[c.column] for c in figures]
    if len(figures) == len(across.slots):
        return list(across.slots)
    if len(figures) > len(across.slots):
        return None
    run = own_run(cells, figures, across.slots)
    if run is not None:
        return run
    decided = across.short.get(id(cells), WHERE_IT_STANDS)
    if not isinstance(decided, Among):
        return None if decided is None else list(decided)
    aligned = _aligned(cells, figures, across)
    return aligned if aligned is not None and (decided.every or tuple(aligned) in decided.ways) else None


def own_run(cells: list[HtmlCell], figures: list[HtmlCell], slots: list[Slot]) -> Optional[list[Slot]]:
    """A row printing fewer figures than there are columns, on a grid of its own, whose cells right of
    its label are one per column: its figures and an empty cell for each column it leaves blank,
    between its first figure and its last ("200 | | 40 | 10 | 230"; a "$", ")" or a note's "(1)"
    beside a figure no place of its own).  Where those are more than the columns, the empty cells
    between two figures one place ("24 | 19 | (1) | (d) | | | | 12 | 31": a blank column's cells,
    its "$" and its ")" too, after a figure's notes), where so they are one per column.  Each figure
    the column of its place; None otherwise (a spacer cell leading or trailing the row, or more
    places than columns, tells nothing)."""
    kept = set(map(id, figures))
    places = [c for c in cells if c.column >= label_end([cells]) and (id(c) in kept or kind(c) == "blank")]
    if len(places) > len(slots):  # (a blank column's several cells: the empty ones between two figures, one place)
        places = [c for c, before in zip(places, [None, *places]) if id(c) in kept or before is None or id(before) in kept]
    if len(places) != len(slots) or id(places[0]) not in kept or id(places[-1]) not in kept:
        return None
    return [slot for c, slot in zip(places, slots) if id(c) in kept]


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
    label, end = label_end([cells]), max(c.last + 1 for c in cells)
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

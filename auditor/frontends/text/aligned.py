"""Which figure column a printed figure belongs to.

A figure's column is the span its last digit stands in (`column_of`).  A
typist's figure may stand a few characters off its column, its last digit
under the next column's heading or in the label's gutter: it is read in the
column whose figures, printed in the other rows, end where it ends (within
`SLACK` characters), when exactly one column's do.  An amount flush with no
column's figures, ending well short of where its own span's figures end and
nearer the column before's end (or, that column blank, its span's end), is
the column before's, typed right.  Two columns equally near leave it in no
column: an input error, not a guess.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Optional, Sequence

from auditor.frontends.text.parse import Figure, Line, Token
from auditor.labels import NUMBERED_MARKER_ALONE

# How far a typed figure may stand off the edge its column's figures are set flush on.
SLACK = 3


def column_of(anchor: int, starts: Sequence[int]) -> Optional[int]:
    """The figure column whose span holds `anchor`; None left of the first."""
    k = bisect_right(starts, anchor) - 1  # (`starts` run left to right)
    return k if k >= 0 else None


def figure_edges(lines: Sequence[Line], starts: Sequence[int]) -> list[Optional[int]]:
    """Each column's edge: where most of the amounts that stand wholly in its
    span end (or its nils, where fewer than two amounts agree); None where
    no two figures agree (one figure is no evidence of a column's alignment).
    A figure reaching over from the column before is no evidence of either."""
    amounts: list[Counter[int]] = [Counter() for _ in starts]
    nils: list[Counter[int]] = [Counter() for _ in starts]
    for ln in lines:
        for fig in ln.figures if ln.kind == "row" else ():
            anchor = fig.value.anchor  # (a property that searches the text: read once)
            k = column_of(anchor, starts)
            if k is not None and column_of(fig.value.column, starts) == k:
                (amounts if fig.value.kind == "AMOUNT" else nils)[k][anchor] += 1
    return [_agreed(a) or _agreed(n) for a, n in zip(amounts, nils)]


def _agreed(ends: Counter[int]) -> Optional[int]:
    return next((end for end, n in ends.most_common(1) if n >= 2), None)


def column_for(value: Token, starts: Sequence[int], edges: Sequence[Optional[int]],
               marked: Optional[int] = None, taken: frozenset[int] = frozenset()) -> Optional[int]:
    """The column `value` is read in, or None: in no column, or equally near two.
    `marked`: where the footnote marker set after it ends ("$249  (1)"), the
    figure then standing short of its column's edge by the marker's width.
    `taken`: columns its row fills with figures printed on its second line;
    of two columns equally near, one taken so, the figure is the other's; a
    figure between the column before's figures and its own column's, its own
    taken so, the column before's."""
    anchor = value.anchor  # (a property that searches the text: read once)
    k = column_of(anchor, starts)
    own = edges[k] if k is not None else None
    if k is not None and own is not None and abs(anchor - own) <= SLACK:
        return k if _within(value, k, starts) else None
    if k is not None and own is None and column_of(value.column, starts) == k:
        return k  # wholly in a column whose figures say nothing against it
    near = sorted((abs(anchor - e), j) for j, e in enumerate(edges)
                  if e is not None and abs(anchor - e) <= SLACK)
    if not near:  # flush with no column's figures (a nil centred in its column): its span's
        if k is None:
            return None
        if _overhangs(value, k, starts, edges):
            return k - 1
        reach = _short_of(value, k, starts, edges) if marked is None else None
        if reach is not None:
            past, short = reach
            return k - 1 if past < short else _free((k - 1, k), taken)  # (equally near both: in neither)
        if _short_of_taken(value, k, edges, taken):
            return k - 1
        return k if _within(value, k, starts) else None
    if len(near) > 1 and near[0][0] == near[1][0]:
        return _free((near[0][1], near[1][1]), taken)
    return near[0][1]


def _short_of_taken(value: Token, k: int, edges: Sequence[Optional[int]], taken: frozenset[int]) -> bool:
    """An amount standing between where column k-1's figures end and where
    column k's do, column k filled by its row's second line and k-1 not:
    column k-1's, typed right (the row cannot print two balances at end)."""
    before, own = (edges[k - 1], edges[k]) if k > 0 else (None, None)
    return (k in taken and k - 1 not in taken and before is not None and own is not None
            and value.kind == "AMOUNT" and before < value.anchor < own)


def _free(tied: tuple[int, int], taken: frozenset[int]) -> Optional[int]:
    """Of two columns a figure stands equally near, the one its row leaves
    free (the other taken by the row's second line), else neither."""
    free = [k for k in tied if k not in taken]
    return free[0] if len(free) == 1 else None


def _within(value: Token, k: int, starts: Sequence[int]) -> bool:
    """A figure reaching back at most into the column before its own."""
    left = column_of(value.column, starts)
    return left is None or left in (k, k - 1)


def _overhangs(value: Token, k: int, starts: Sequence[int], edges: Sequence[Optional[int]]) -> bool:
    """A figure of the column before reaching its last digits a few characters
    into column k's span: it starts in that column's span, ends less than
    `SLACK` past its end, and neither column's figures say where they end
    (a column typed off whole, its neighbour blank).  Figures are set flush
    right: column k's own end at the right of its span, not at its start."""
    return (k > 0 and edges[k - 1] is None and column_of(value.column, starts) == k - 1
            and value.anchor - starts[k] < SLACK)


def _short_of(value: Token, k: int, starts: Sequence[int], edges: Sequence[Optional[int]]) -> Optional[tuple[int, int]]:
    """An amount ending more than `SLACK` short of where its column's figures
    end, nearer where the column before's end: that column's, typed a few
    characters right (past its span's end, under the next column's heading).
    Figures are set flush right: one of column k's own ends at k's edge, not
    a span's width short of it.  Where the column before's figures say
    nothing (a blank column), its span's end stands for their edge.  At most
    2 * SLACK past it: that column's edge may itself be set by figures typed
    SLACK the other way.  Not a nil: a nil is typed centred as often as flush
    (a lone nil between two columns' figures is its span's: `lone_nils` in
    tests/typed.py).  (How far it stands past the column before's end,
    and short of its own column's; None where it is no such figure.)"""
    own = edges[k]
    if k == 0 or own is None or own - value.anchor <= SLACK or value.kind != "AMOUNT":
        return None
    before = edges[k - 1]
    past = value.anchor - (before if before is not None else starts[k] - 1)
    return (past, own - value.anchor) if 0 <= past <= min(2 * SLACK, own - value.anchor) else None


def marks_figure(figure_end: int, fig: Figure, off: int = 0) -> bool:
    """A "(2)" set a few spaces after the figure before it (ending at
    `figure_end`), in that figure's column: its footnote marker ("250  (2)",
    "-   (2)"), not a second figure.  `off`: how much further the figure may
    have been typed from it (where both are known to stand in one column)."""
    return (fig.dollar is None and not fig.notes and NUMBERED_MARKER_ALONE.match(fig.value.text) is not None
            and 0 < fig.value.column - figure_end <= 4 + off)


def lone_nil_column(value: Token, starts: Sequence[int], edges: Sequence[Optional[int]],
                    label_end: Optional[int]) -> Optional[int]:
    """The column of a nil typed alone on its row (`value`), or None.

    A nil is short: a typist centred it in its column's space, or set it
    left, so it may stand left of its column's rule or <C> marker, in the
    gap after the column before's figures (for the first column, in the
    labels' gutter after its own row's label, which ends at `label_end`).
    It is no evidence of a column (`headed.lone_nil`); its column is, in turn:
    the one whose rule or marker span holds it wholly, clear of the column
    before's figures; the one whose figures it is flush with, within
    `SLACK`, as any figure (`column_for`; equally near two, none); else the column whose room holds
    it wholly: right of where the column before's figures end, ending where
    its own end or short of it.  Where a column's figures say nothing (a
    blank column), its span's bounds stand for their edges.  Standing in no
    column's room, or across two, it is in none: an input error, not a guess."""
    k = column_of(value.column, starts)
    if k is not None and column_of(value.anchor, starts) == k and _in_room(value, k, edges):
        return k  # under its own column's rule or marker, clear of the figures before
    near = sorted(abs(value.anchor - e) for e in edges if e is not None and abs(value.anchor - e) <= SLACK)
    if len(near) > 1 and near[0] == near[1]:
        return None  # across two columns' spans, equally near both columns' figures
    if near:
        return column_for(value, starts, edges)
    rights = [e if e is not None else _span_end(j, starts) for j, e in enumerate(edges)]
    lefts = [label_end if label_end is not None else starts[0] - 1]
    lefts += [e if e is not None else starts[j + 1] - 1 for j, e in enumerate(edges[:-1])]
    rooms = [k for k, (lo, hi) in enumerate(zip(lefts, rights)) if lo < value.column and value.anchor <= hi]
    return rooms[0] if len(rooms) == 1 else None


def _in_room(value: Token, k: int, edges: Sequence[Optional[int]]) -> bool:
    """Wholly right of where the column before's figures end, and ending
    short of `SLACK` past where column k's own end."""
    before, own = edges[k - 1] if k else None, edges[k]
    return (before is None or value.column > before) and (own is None or value.anchor <= own + SLACK)


def _span_end(k: int, starts: Sequence[int]) -> int:
    """The last character of column k's span (the last column's has no end)."""
    return starts[k + 1] - 1 if k + 1 < len(starts) else 10**6  # (columns.FAR)

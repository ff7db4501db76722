"""Columns of an unruled table that its headings show and its figures do not.

Where no rule and no <C> marker says where the columns are, they come from
the figures' alignment (`columns._aligned_starts`).  Two things the figures
alone get wrong, that the headings settle:

- a column whose cells are all blank prints no figure to align: its heading
  ("Charged to other accounts") stands over a gap between two columns'
  figures and was read as part of the next column's heading;
- a nil printed alone on its row ("Restructuring reserve    -0-") between two
  columns' figures, or left of the first column's, made a column of its own.

The headings are read as stacks: the heading phrases of all heading lines,
joined where they overlap (a heading wrapped over three lines is one stack, a
phrase spanning two columns joins theirs).  A stack over the gap between two
columns' figures heads a blank column of its own.  A lone nil is no evidence
of a column: the columns are found from the other rows, and the nil is read
in the column whose span holds it (or in a blank column its heading shows).
"""

from __future__ import annotations

from typing import Optional, Sequence

from auditor.frontends.text.columns import RULE_TEXT, _aligned_starts
from auditor.frontends.text.parse import Line
from auditor.frontends.text.tokens import chunks

Extent = tuple[int, int]  # [lo, hi): first column and one past the last


def ruled(separators: Sequence[Line], label_end: int) -> bool:
    """Whether a <C> marker line or a dashed rule says where the columns are (not the figures).
    A rule typed as one unbroken run from the labels across every column says nothing of them."""
    return any(sep.kind == "markers" and any(m.text.upper() == "<C>" for m in sep.marks)
               or sep.kind == "rule" and not _unbroken(sep, label_end) and any(m.end > label_end for m in sep.marks)
               for sep in separators)


def _unbroken(rule: Line, label_end: int) -> bool:
    return len(rule.marks) == 1 and rule.marks[0].column < label_end < rule.marks[0].end


def starts_from_figures(headings: Sequence[Line], rows: Sequence[Line], label_end: int) -> list[int]:
    """Each column's start, from the figures' alignment less the lone nils,
    with a blank column wherever a heading stands over a gap between two
    columns' figures."""
    counted = [r for r in rows if not lone_nil(r)] or list(rows)
    starts = _aligned_starts(counted, label_end)
    figures = _figure_extents(counted, starts)
    stacks = heading_stacks(headings, label_end)
    out = list(starts)
    for lo, hi in reversed(_blank_stacks(stacks, figures)):  # (right to left: the columns left of each stay)
        k = next(k for k, f in enumerate(figures) if f is not None and f[0] >= hi)  # the column after the gap
        before = max(j for j, f in enumerate(figures) if f is not None and f[1] <= lo)
        if _own_heading(before, stacks, figures) and _own_heading(k, stacks, figures):
            out[k:k + 1] = [out[k], max(out[k], hi)]
    return out


def lone_nil(row: Line) -> bool:
    """A row whose one entry is a nil: it says nothing of where a column's figures stand."""
    return len(row.figures) == 1 and row.figures[0].value.kind != "AMOUNT"


def _figure_extents(rows: Sequence[Line], starts: Sequence[int]) -> list[Optional[Extent]]:
    """Each column's figures' extent (None where it holds none), by the span each figure's last digit is in."""
    extents: list[Optional[Extent]] = [None for _ in starts]
    for row in rows:
        for fig in row.figures:
            k = sum(1 for s in starts if s <= fig.value.anchor) - 1
            if k < 0:
                continue
            lo, hi = (fig.dollar or fig.value).column, (fig.notes[-1] if fig.notes else fig.value).end
            seen = extents[k]
            extents[k] = (min(lo, seen[0]), max(hi, seen[1])) if seen else (lo, hi)
    return extents


def heading_stacks(headings: Sequence[Line], label_end: int) -> list[Extent]:
    """The extents of the heading phrases right of the labels, joined where
    they overlap from line to line."""
    phrases = sorted((c[0].column, c[-1].end) for ln in headings
                     for c in chunks([w for w in ln.words if not RULE_TEXT.match(w.text)]) if c and c[-1].end > label_end)
    stacks: list[Extent] = []
    for lo, hi in phrases:
        if stacks and lo < stacks[-1][1]:
            stacks[-1] = (stacks[-1][0], max(hi, stacks[-1][1]))
        else:
            stacks.append((lo, hi))
    return stacks


def _blank_stacks(stacks: Sequence[Extent], figures: Sequence[Optional[Extent]]) -> list[Extent]:
    """The stacks wholly inside the gap between two neighbouring columns' figures."""
    seen = [f for f in figures if f is not None]
    gaps = [(a[1], b[0]) for a, b in zip(seen, seen[1:])]
    return [s for s in stacks if any(left < s[0] and s[1] <= right for left, right in gaps)]


def _own_heading(k: int, stacks: Sequence[Extent], figures: Sequence[Optional[Extent]]) -> bool:
    """Whether column k's figures stand under a heading over no other column's:
    where they do not (figures typed off their heading, a heading spanning
    two columns), a heading over a gap beside them may be theirs."""
    mine = figures[k]
    return mine is not None and any(
        _overlap(s, mine) and not any(_overlap(s, f) for j, f in enumerate(figures) if j != k and f is not None)
        for s in stacks)


def _overlap(a: Extent, b: Extent) -> bool:
    return a[0] < b[1] and b[0] < a[1]

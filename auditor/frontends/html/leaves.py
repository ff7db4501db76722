"""The schedule columns of a table part, indexed by grid column.

Which column a figure cell falls under is asked once per figure; asked of a
list of leaves it costs the list's length, and a table of thousands of
columns took minutes (issue 16).  Indexed by grid column it costs a lookup:
the same answer, the first leaf covering the cell's right edge, else the
last one overlapping it, else the nearest (the left one on a tie).
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Protocol, Sequence, overload

from auditor.frontends.html.grid import HtmlCell


class Leaf(Protocol):
    """A schedule column's place in the grid: its lowest heading cell, or a
    continuation's column of figures (`layout._Span`)."""

    @property
    def column(self) -> int: ...

    @property
    def last(self) -> int: ...

    def covers(self, column: int) -> bool: ...


class Leaves(Sequence[Leaf]):
    """Leaves in their order, with the leaf of a cell found by its grid columns."""

    def __init__(self, leaves: Iterable[Leaf]):
        self._leaves = tuple(leaves)
        self._place = {id(leaf): k for k, leaf in reversed(list(enumerate(self._leaves)))}
        self.extent = max((leaf.last for leaf in self._leaves), default=-1) + 1
        # Per grid column: the first and the last leaf covering it (-1: none).
        # Each leaf is at most a colspan wide (or a run of figures no leaf is
        # over, and those runs do not overlap), so this is linear in the leaves.
        self._first = [-1] * self.extent
        self._last = [-1] * self.extent
        for k, leaf in enumerate(self._leaves):
            for n in range(max(0, leaf.column), leaf.last + 1):
                if self._first[n] < 0:
                    self._first[n] = k
                self._last[n] = k
        self._left, self._right = self._nearest()

    def _nearest(self) -> tuple[list[int], list[int]]:
        """left[x]: the leaf ending closest before column x; right[y]: the leaf
        starting closest after column y (the first printed of those alike)."""
        by_last: dict[int, int] = {}
        by_column: dict[int, int] = {}
        for k, leaf in enumerate(self._leaves):
            by_last.setdefault(leaf.last, k)
            by_column.setdefault(leaf.column, k)
        left, right = [-1] * (self.extent + 1), [-1] * (self.extent + 1)
        for x in range(1, self.extent + 1):
            left[x] = by_last.get(x - 1, left[x - 1])
        for y in reversed(range(self.extent)):
            right[y] = by_column.get(y + 1, right[y + 1])
        return left, right

    def of(self, cell: HtmlCell) -> Optional[Leaf]:
        """The leaf a figure in `cell` falls under (None only without leaves)."""
        if not self._leaves:
            return None
        if 0 <= cell.last < self.extent and self._first[cell.last] >= 0:
            return self._leaves[self._first[cell.last]]
        overlapping = self._last[max(0, cell.column): max(0, cell.last + 1)]
        if overlapping and max(overlapping) >= 0:
            return self._leaves[max(overlapping)]
        return self._leaves[self._closest(cell)]

    def _closest(self, cell: HtmlCell) -> int:
        """The nearest leaf to a cell no leaf overlaps: the left one on a tie."""
        left = self._left[min(max(0, cell.column), self.extent)]
        right = self._right[cell.last] if 0 <= cell.last < self.extent else -1
        if right < 0 or (left >= 0 and cell.column - self._leaves[left].last
                         <= self._leaves[right].column - cell.last):
            return left
        return right

    def index(self, leaf: object, start: int = 0, stop: Optional[int] = None) -> int:
        """The place of one of these leaves (by identity: a dict, not a scan)."""
        k = self._place.get(id(leaf), -1)
        if start <= k and (stop is None or k < stop):
            return k
        return super().index(leaf, start, len(self) if stop is None else stop)

    @overload
    def __getitem__(self, k: int) -> Leaf: ...

    @overload
    def __getitem__(self, k: slice) -> Sequence[Leaf]: ...

    def __getitem__(self, k: int | slice) -> Leaf | Sequence[Leaf]:
        return self._leaves[k]

    def __len__(self) -> int:
        return len(self._leaves)

    def __iter__(self) -> Iterator[Leaf]:
        return iter(self._leaves)


def indexed(leaves: Sequence[Leaf]) -> Leaves:
    """`leaves` indexed (as they are, when they already are)."""
    return leaves if isinstance(leaves, Leaves) else Leaves(leaves)

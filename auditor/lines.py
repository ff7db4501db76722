"""The lines of a file's text, held once: the text, and an entry per block of it.

A list of a file's lines held a str object (about 50 bytes) and 8 bytes for
each line besides the text; Lines splits a block of the text into lines when
one of them is asked for.  Used by source.Source.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import accumulate, chain, islice, repeat
from operator import add
from typing import Iterator, Sequence, cast, overload

TAB = 8
# Lines are found a block of text at a time, each block at most this many
# characters (or one line, if longer): the file holds its text once, and an
# entry per block; a block's lines are split when asked for, and the last
# block asked for kept.  A list of the whole file's lines would hold 8 bytes
# a line and a str object (about 50 bytes) for each line not blank.
BLOCK = 1 << 16
# Blocks kept split: a loop looking back or ahead of its line across a
# block's edge must not split a block at each line.
KEPT = 4
# The full line index (for bisect, by the HTML front end) is built a chunk at a time.
CHUNK = 1 << 20


def _index(size: int) -> array:
    """An empty offset index for a text of `size` characters: 4 bytes an entry
    while offsets fit (every file --max-bytes lets in, unless tabs widen it)."""
    return array("I" if size < 0xFFFF_FFFF else "Q")


_NEWLINES = re.compile("\n*")


def line_starts(text: str) -> array:
    """The offset of each line of `text` (lines end at "\n"), and len(text) + 1
    after the last: line n (1-based) is text[starts[n - 1] : starts[n] - 1]."""
    starts = _index(len(text))
    starts.append(0)
    for at in range(0, len(text), CHUNK):
        parts = text[at : at + CHUNK].split("\n")
        if len(parts) > 1:
            # The chunk's first newline ends the line running into it; each later
            # part is a whole line, its start one past the newline before it.
            first = at + len(parts[0]) + 1
            starts.extend(accumulate(chain((first,), map(add, map(len, islice(parts, 1, len(parts) - 1)), repeat(1)))))
    starts.append(len(text) + 1)
    return starts


class Lines(Sequence[str]):
    """The lines of a text (split at "\n"), held once: as the text and the
    offset and first line of each block of it (see BLOCK).  With `tabs`, each
    line is laid out with its tabs expanded (8-column stops) when split: the
    text stays as typed (a laid-out copy of a tab-laid file was 2.5 times its
    size, kept beside the text its columns map back to)."""

    def __init__(self, text: str, count_none: bool = False, tabs: bool = False):
        self.text = text
        self.tabs = tabs
        # Block k: lines firsts[k] .. firsts[k + 1] - 1, the text from edges[k]
        # to edges[k + 1] - 1 (the newline ending its last line, or the end).
        self._edges, self._firsts = _index(len(text) + 1), _index(len(text) + 1)
        at, line = 0, 0
        while not count_none:
            self._edges.append(at)
            self._firsts.append(line)
            end = text.rfind("\n", at, at + BLOCK) if at + BLOCK < len(text) else -1
            if end == -1 and at + BLOCK < len(text):
                end = text.find("\n", at + BLOCK)  # a line longer than a block: a block of its own
            if end == -1:
                line += text.count("\n", at) + 1
                break
            line += text.count("\n", at, end) + 1
            at = end + 1
        self._edges.append(len(text) + 1 if not count_none else 0)
        self._firsts.append(line)
        self._count = line
        self._starts: array | None = None
        # The blocks last split (by block, least recently asked for first), and
        # of the last one asked for its first line, one past its last, its lines.
        self._kept: dict[int, list[str]] = {}
        self._first, self._stop, self._lines = 0, 0, cast(list[str], [])
        # The block whose lines' offsets were last asked for, and those offsets.
        self._offsets: tuple[int, array] = (-1, _index(0))

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        try:  # (the front ends' loops ask for line after line: the kept block's first)
            if self._first <= index < self._stop:  # type: ignore[operator]  # a slice raises TypeError
                return self._lines[index - self._first]  # type: ignore[operator]
        except TypeError:
            if not isinstance(index, slice):
                raise
            first, stop, step = index.indices(self._count)
            if step == 1 and self._first <= first and stop <= self._stop:
                return self._lines[first - self._first : stop - self._first]
            return self._slice(first, stop) if step == 1 else [self[i] for i in range(first, stop, step)]
        assert not isinstance(index, slice)
        if index < 0:
            index += self._count
            if self._first <= index < self._stop:
                return self._lines[index - self._first]
        if not 0 <= index < self._count:
            raise IndexError("line index out of range")
        block = bisect_right(self._firsts, index) - 1
        first, stop = self._firsts[block], self._firsts[block + 1]
        lines = self._kept.pop(block, None)
        if lines is None:
            text = self._block(block)
            if stop - first == 1:
                return text  # a block of one line (a long one): not kept
            lines = text.split("\n")
            if len(self._kept) >= KEPT:
                del self._kept[next(iter(self._kept))]  # the least recently asked for
        self._kept[block] = lines
        self._first, self._stop, self._lines = first, stop, lines
        return lines[index - first]

    def _slice(self, first: int, stop: int) -> list[str]:
        """Lines first..stop-1, from the blocks' lines (a loop slicing a few
        lines at each line must not split a block each time)."""
        found: list[str] = []
        while first < stop:
            line = self[first]  # its block split and kept, unless a block of one line
            if self._first <= first < self._stop:
                end = min(stop, self._stop)
                found.extend(self._lines[first - self._first : end - self._first])
                first = end
            else:
                found.append(line)
                first += 1
        return found

    def _block(self, block: int) -> str:
        """The lines of a block, joined (laid out, with tabs)."""
        text = self.text[self._edges[block] : self._edges[block + 1] - 1]
        return text.expandtabs(TAB) if self.tabs else text

    def offset(self, index: int) -> int:
        """Where line `index` (0-based) starts in the text; len(text) + 1 for
        the line after the last."""
        if index >= self._count:
            return len(self.text) + 1
        block = bisect_right(self._firsts, index) - 1
        first = self._firsts[block]
        if index == first:
            return self._edges[block]
        # (From the text, not the lines: laid out, their lengths are not the
        # text's.  Kept for the block: a loop asks line after line.)
        if self._offsets[0] != block:
            self._offsets = (block, line_starts(self.text[self._edges[block] : self._edges[block + 1] - 1]))
        return self._edges[block] + self._offsets[1][index - first]

    def empty_from(self, index: int) -> int:
        """How many lines from line `index` (0-based) on are empty, counted in
        the text at C speed (a loop reading millions of blank lines one by one
        through this Sequence was the slowest part of a check)."""
        if index >= self._count:
            return 0
        at = self.offset(index)
        found = _NEWLINES.match(self.text, at)  # ("\n*" matches anywhere)
        end = found.end() if found else at
        return end - at + (end == len(self.text))  # (the last line, after the last newline, is empty too)

    def typed(self, index: int) -> str:
        """Line `index` (0-based) as the text has it: with its tabs."""
        return self.text[self.offset(index) : self.offset(index + 1) - 1]

    def span(self, first: int, stop: int) -> str:
        """Lines first..stop-1 (0-based) joined by newlines, first < stop, as
        the text has them (with their tabs)."""
        return self.text[self.offset(first) : self.offset(stop) - 1]

    def starts(self) -> array:
        """Every line's offset, then len(text) + 1 (line_starts), built once when asked."""
        if self._starts is None:
            self._starts = line_starts(self.text) if self._count else self._firsts[:1]
        return self._starts

    def __iter__(self) -> Iterator[str]:
        for block in range(len(self._firsts) - 1):
            text = self._block(block)
            if self._firsts[block + 1] - self._firsts[block] == 1:
                yield text
            else:
                yield from text.split("\n")

"""The source holds a file's text once (issue 16, part 2).

Lines are split from the text a block at a time when asked for; these tests
check that every way of asking gives the lines a split of the text would,
whatever the block size, and that reading a file costs no memory per line
(measured with tracemalloc, in this process: allocations, not RSS).
benchmarks/memory.py measures the whole command's peak RSS.
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

import auditor.lines
from auditor import source
from auditor.frontends.text import locate

SEED = Path(__file__).parent / "fixtures" / "lantronix-2003.txt"

PIECES = ["a", "bb", "\n", "\n\n", "x" * 20, "\t", "c" * 70, "\r\n", "\r", " \t "]


def typed(text: str) -> list:
    """The lines of `text` as typed (with their tabs)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def expected(text: str) -> list:
    return [line.expandtabs(source.TAB) for line in typed(text)]


def starts(lines: list) -> list:
    return [0, *[len("\n".join(lines[:i])) + 1 for i in range(1, len(lines))], len("\n".join(lines)) + 1] if lines else [0]


def texts(count: int) -> list:
    rnd = random.Random(16)
    found = ["", "\n", "a", "a\n", "a\n\n", "\t\n\tx\n\n\n", "\n" * 40, "ab\n" * 30 + "z" * 50 + "\nq"]
    for _ in range(count):
        found.append("".join(rnd.choice(PIECES) for _ in range(rnd.randrange(0, 40))))
    return found


@pytest.mark.parametrize("block", [1, 16, 1 << 16])
def test_lines_are_those_of_a_split(monkeypatch, block):
    monkeypatch.setattr(auditor.lines, "BLOCK", block)
    rnd = random.Random(block)
    for text in texts(150):
        src, want = source.from_text(text), expected(text)
        n = len(want)
        assert len(src.lines) == n and list(src.lines) == want and src.lines[:] == want
        assert src.lines[1:3] == want[1:3] and src.lines[::-1] == want[::-1] and src.lines[-2:] == want[-2:]
        order = list(range(n))
        rnd.shuffle(order)
        assert [src.lines[i] for i in order] == [want[i] for i in order]
        assert src.joined() == "\n".join(typed(text)) and list(src.line_starts()) == starts(typed(text))
        laid_out, laid_starts = src.laid_out()
        assert laid_out == "\n".join(want) and list(laid_starts) == starts(want)
        for first in range(1, n + 1):
            assert src.text(first, first + 2) == "\n".join(want[first - 1 : first + 2]) + "\n"
            assert src.lines.typed(first - 1) == typed(text)[first - 1]
            assert src.lines.empty_from(first - 1) == next((i for i, line in enumerate(want[first - 1 :]) if line),
                                                            n - first + 1)
            for head, tail in ((1, 1), (3, 2), (40, 30), (400, 400)):
                after = "\n".join(want[first:])
                assert src.ends(first, head, tail) == (after[:head], len(after) <= head, laid_out[-tail:])
        spans = [(rnd.randrange(1, n + 2), rnd.randrange(0, n + 2)) for _ in range(rnd.randrange(0, 3))]
        blanked = [""] * n
        for a, b in spans:
            blanked[a - 1 : b] = want[a - 1 : b]
        assert list(src.only(spans).lines) == blanked
        with pytest.raises(IndexError):
            src.lines[n]


def test_columns_map_back_to_the_file_with_its_tabs():
    src = source.from_text("plain\n\tx\ty\nab\tc\n")
    assert src.has_tabs and src.lines[1] == "        x       y"
    assert [src.original_column(2, c) for c in (1, 8, 9, 10, 17)] == [1, 1, 2, 3, 4]
    assert src.original_column(1, 3) == 3 and src.original_column(3, 9) == 4


@pytest.mark.parametrize("unit", ["\n", "a\n", "\tNet sales\t\t$\t12,345\n", "  Allowance for doubtful accounts   1,234\n"])
def test_reading_a_file_costs_no_memory_per_line(unit):
    """Peak allocations while a source is read from 8 MB of bytes, and what
    it keeps: the bytes and the text at the peak, the text after (with tabs
    too: a laid-out copy of the file is 2.5 times its size, its lines are laid
    out when split); a list of lines held 8 to 57 bytes a line more."""
    data = b"x" + (unit * ((8 << 20) // len(unit))).encode()  # (a file of blank lines alone is empty)
    tracemalloc.start()
    try:
        src = source.from_bytes(data, "big.txt")
        kept, peak = tracemalloc.get_traced_memory()
        src.lines[len(src.lines) // 2]  # a block split, and kept
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(src.lines) == (8 << 20) // len(unit)
    assert kept <= len(data) + len(data) // 50, kept
    assert peak <= 2 * len(data) + len(data) // 50, peak
    assert held - kept <= 8 * auditor.lines.BLOCK + (1 << 20), held - kept


def test_blank_lines_after_a_table_are_skipped_not_read(monkeypatch):
    """A table followed by a million blank lines: the locate skips them in the
    text (Lines.empty_from), not line by line through the Sequence, as it did
    (1.45 times slower than a list of lines, seconds for 20 MB)."""
    src = source.from_text(SEED.read_text() + "\n" * 1_000_000)
    read = []
    split = auditor.lines.Lines.__getitem__
    monkeypatch.setattr(auditor.lines.Lines, "__getitem__", lambda self, index: read.append(index) or split(self, index))
    (region,) = locate.regions(src)
    assert region.last < 100 and len(read) < 2000, len(read)

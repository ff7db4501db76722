"""Find the Schedule II tables in a file, without parsing anything else.

A fast scan: one regular expression over the whole text for the schedule's
title, then, from each title, the table that follows it.  Only the lines of
a located region go to the grammar.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .source import Source

TITLE = re.compile(
    r"valuation\s+and\s+qualifying\s+accounts|schedule\s+ii\b|valuation\s+accounts",
    re.IGNORECASE,
)
TABLE_OPEN = re.compile(r"^\s*<TABLE\b", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)
# A figure row: text then at least two numbers or nils separated by spaces.
FIGURES = re.compile(r"(\(?\$?\s*[\d,]*\d(\.\d+)?\)?|-{1,3}|\u2014)(\s{2,}|\s*\$\s*)(\(?[\d,]*\d|-{1,3}|\u2014)")
# How far below its title a schedule's table may start.
REACH = 40
# Lines that may sit between a table and its continuation after a page break.
BREAK = re.compile(r"^\s*(<PAGE>.*|\f|S?-?\s*\d{1,3}\s*|[-\w ]*\(continued\)\s*|)$", re.IGNORECASE)


@dataclass(frozen=True)
class Region:
    """Lines first..last (1-based, inclusive) hold one schedule."""

    first: int
    last: int
    title_line: int


def _line_starts(text: str) -> list:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def regions(source: Source) -> list:
    text = "\n".join(source.lines)
    starts = _line_starts(text)
    found, covered_to = [], 0
    for match in TITLE.finditer(text):
        title = bisect_right(starts, match.start())
        if title <= covered_to:
            continue
        region = _table_after(source, title)
        if region is not None:
            found.append(region)
            covered_to = region.last
    return found


def _table_after(source: Source, title: int):
    lines = source.lines
    limit = min(len(lines), title + REACH)
    for n in range(title, limit + 1):
        line = lines[n - 1]
        if n > title and TITLE.search(line) and not FIGURES.search(line):
            return None  # another title first: this one was a mention
        if TABLE_OPEN.match(line):
            return Region(title, _table_end(lines, n), title)
        if FIGURES.search(line):
            return Region(title, _block_end(lines, n), title)
    return None


def _table_end(lines: list, open_line: int) -> int:
    """The last line of a <TABLE>, following continuations across page breaks."""
    n = open_line
    while True:
        while n <= len(lines) and not TABLE_CLOSE.match(lines[n - 1]):
            n += 1
        if n > len(lines):
            return len(lines)
        close = n
        n += 1
        while n <= len(lines) and BREAK.match(lines[n - 1]) and not TABLE_OPEN.match(lines[n - 1]):
            n += 1
        # A continuation repeats the title or opens a table within a few lines.
        look = n
        while look <= min(len(lines), n + 8) and not TABLE_OPEN.match(lines[look - 1]):
            if not (BREAK.match(lines[look - 1]) or TITLE.search(lines[look - 1]) or _is_caption(lines[look - 1])):
                return close
            look += 1
        if look > len(lines) or not TABLE_OPEN.match(lines[look - 1]):
            return close
        n = look


def _is_caption(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not FIGURES.search(line) and len(stripped) < 80 and stripped.upper() == stripped


def _block_end(lines: list, first_row: int) -> int:
    """A table without <TABLE> tags ends at two blank lines after its figures."""
    n, blanks, last_figures = first_row, 0, first_row
    while n <= len(lines):
        line = lines[n - 1]
        if not line.strip():
            blanks += 1
            if blanks >= 2 and n > last_figures:
                break
        else:
            blanks = 0
            if FIGURES.search(line):
                last_figures = n
        n += 1
    return last_figures

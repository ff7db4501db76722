"""Page furniture between a table and its continuation on the next page.

A typed filing breaks a schedule's table across pages: the typist closes the
<TABLE>, ejects the page (<PAGE>, a form feed) and, on the next page, types
a running head before opening the next <TABLE>: the company's name, "page 2
of exhibit", in capitals or not.  Across such a break, any short line with
no figures is furniture; without one, only a title in capitals or a caption
is (`line_kinds.is_caption`): prose between two tables parts them.  The grammar
reads neither a running head nor a "page 2 of 3" line (`without_running_heads`,
`PAGE_OF`): no caption of the rows under it, no row.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from auditor.errors import InputError
from auditor.labels import ACCOUNT_WORD, AMOUNT, CONTINUED, CONTINUED_ALONE, NIL, TITLE, is_period
from auditor.lazy_pattern import lazy_compile
from auditor.lines import Lines
from auditor.source import Source

PAGE_BROKEN = re.compile(r"^\s*<PAGE>|\f", re.IGNORECASE)
# A page's number as a line of its own with its count or document: "page 2
# of exhibit", "Page 2 of 3".  (A bare "S-2", "- 47 -" is markup.BREAK's.)
PAGE_OF = re.compile(r"^\s*page\s+\d{1,3}\s+of\s+[a-z\d][\w .-]{0,30}$", re.IGNORECASE)
# A running head: a few words on a line (a sentence of prose runs longer).
HEAD_WORDS = 10
HEAD_WIDTH = 80


def broken(lines: Lines, first: int, last: int) -> bool:
    """Whether a page ends among lines first..last (1-based, inclusive)."""
    # (Runs of empty lines skipped in the text: a slice of millions of blank
    # lines between a table and what follows it was 8 bytes a line of memory.)
    n, last = first, min(last, len(lines))
    while n <= last:
        n += lines.empty_from(n - 1)
        if n <= last and PAGE_BROKEN.search(lines[n - 1]):
            return True
        n += 1
    return False


def is_running_head(line: str) -> bool:
    """A short line of words with no figure: the company's name, a page's
    number and count, in any case."""
    stripped = line.strip()
    return (bool(stripped) and len(stripped) < HEAD_WIDTH and len(stripped.split()) <= HEAD_WORDS
            and (PAGE_OF.match(stripped) is not None or not re.search(r"\d", stripped)))


# A figure of a row: an amount ("$1,234", "(1,889)", "$( 443)(1)") or a nil word or dashes, standing apart.
# (Spaces inside it only after a "$" or a "(": a figure's pattern free to
# open on spaces was tried from every space of a run to its end, quadratic.)
# (labels.AMOUNT, the grammar's: "473-", "473 CR" are one figure each.)
FIGURE = lazy_compile(r"(?<!\S)(?:\$\s*)?(?:" + AMOUNT + r")(?:\(\w{1,2}\))?(?!\S)"
                    rf"|(?<!\S)(?:{NIL})(?!\S)", re.IGNORECASE)


def figure_count(row: str) -> int:
    """How many figures a row prints (its label's words are none)."""
    return len(FIGURE.findall(row))


TABLE_OPEN = re.compile(r"^\s*<TABLE\b", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)


def without_running_heads(lines: Sequence[str]) -> list[str]:
    """The lines with each running head between a </TABLE> and the next
    <TABLE> past a page's end left blank: no caption of the rows under it
    (`_captions_rows`: those stay).  Untagged, the block of running heads
    typed under a page's end (`_untagged_heads`) is left blank too."""
    out, between, paged = [], False, False
    for line in lines:
        if TABLE_CLOSE.match(line) or TABLE_OPEN.match(line):
            between, paged = bool(TABLE_CLOSE.match(line)), False
        elif between and PAGE_BROKEN.search(line):
            paged = True
        elif paged and is_running_head(line) and not _captions_rows(line.strip()):
            line = ""
        out.append(line)
    for n in _untagged_heads(out):
        out[n] = ""
    return out


def _untagged_heads(lines: Sequence[str]) -> list[int]:
    """The running heads of an untagged table's next page: the lines typed
    under a page's end (<PAGE>, a form feed) outside any <TABLE>, up to a
    blank line, each a running head of one phrase, no title, no caption of
    rows ("The Registrant, Inc. and subsidiaries" over "page 2 of
    exhibit").  A block printing any other line (headings typed again, a
    caption, a row) is the table's own, left whole.  (0-based indexes.)"""
    found: list[int] = []
    inside = False
    for n, line in enumerate(lines):
        inside = bool(TABLE_OPEN.match(line)) or inside and not TABLE_CLOSE.match(line)
        if inside or not PAGE_BROKEN.search(line):
            continue
        # (A form feed may open the head's own line: "\fTHE REGISTRANT".)
        start = n if line.strip() and not line.strip().upper().startswith("<PAGE") else n + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[start:end]
        if block and all(_one_phrase_head(ln) for ln in block):
            found.extend(range(start, end))
    return found


def _one_phrase_head(line: str) -> bool:
    stripped = line.strip()
    return (is_running_head(stripped) and "  " not in stripped and not _captions_rows(stripped)
            and not re.search(r"\bschedule\b|<", stripped, re.IGNORECASE))


def _captions_rows(text: str) -> bool:
    """An account's caption ("Inventory reserve:", "Allowance for doubtful
    accounts" without its colon) or a period's ("Year ended June 30, 1996")."""
    return text.endswith(":") or is_period(text) or ACCOUNT_WORD.search(text) is not None


def refuse_unjoined(source: Source, close: int, look: int, paged: bool, rows: tuple[Optional[int], Optional[int]],
                    headed: bool = False, headless: bool = False) -> None:
    """An input error where the table opened at line `look`, on the page after
    the schedule's table (closed at line `close`), is its continuation yet is
    not joined: under the schedule's title typed again, "(continued)" or not, or
    printing no headings (`headless`), whatever its rows print, unless headed
    as a schedule (`headed`: read as its own, a subsidiary's schedule "(continued)"
    as the registrant's); or under nothing but page furniture (no schedule's title), its
    first row printing as many figures as the schedule's (`rows`: the first
    row of each, wrapped or not: `row_figures`), or rows under headings of a
    schedule's roles (`headed`).  Else its rows would vanish unsaid."""
    lines, (first, other) = source.lines, rows
    if not paged or other is None:
        return
    between = lines[close : look - 1]
    continued = continues_title(between)
    # (The title typed again without "(continued)" over a table headed as no schedule: the rows under it
    # are the schedule's, their first line's words, a wrapped label's, taken for headings.)
    titled = continued or any(TITLE.search(line) for line in between)
    if not ((titled or headless) and not headed):
        if any(re.search(r"\bschedule\b", line, re.IGNORECASE) for line in between):
            return  # (another schedule's table, or one headed as a schedule: read under its own headings)
        if first is None or (row_figures(lines, first) != row_figures(lines, other) and not headed):
            return
    said = ("prints rows under the schedule's title typed again \"(continued)\"" if continued
            else "prints rows under no headings of its own" if headless
            else "prints rows under the schedule's title typed again" if titled
            else "prints rows of the schedule's figures under other headings")
    raise InputError(f"the table opened at line {look}, on the page after the schedule's table (closed at line {close}), "
                     f"{said}: its continuation, not joined (rows of the schedule would be missing)", source.path, look)


def continues_title(lines: Sequence[str]) -> bool:
    """Whether page furniture prints the schedule's title typed again, saying so:
    "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS (CONTINUED)", or its
    "(CONTINUED)" on a line of its own under it (the title wrapped)."""
    stripped = [line.strip() for line in lines if line.strip()]
    return any(TITLE.search(line) and (CONTINUED.search(line) or CONTINUED_ALONE.match(below))
               for line, below in zip(stripped, stripped[1:] + [""]))


def row_figures(lines: Sequence[str], row: int) -> int:
    """How many figures the row printed from line `row` (1-based) prints, its
    wrapped lines counted: the lines under it that print figures and no
    label (a row wrapped narrower than the table prints its label alone, or
    with a figure or two, over the rest of its figures)."""
    count, n = figure_count(lines[row - 1]), row + 1
    while n <= len(lines) and figure_count(lines[n - 1]) and not any(c.isalpha() for c in lines[n - 1]):
        count += figure_count(lines[n - 1])
        n += 1
    return count

"""How a typist's hand changes a rendered exhibit, as 1990s EDGAR text
filings show it: figures a character or two off their column, labels run
out with leader dots to the figures, runs of spaces typed as tabs, a page
break with a running head inside the table.

Test support, not part of the tool.  Each variation takes a `Rendered`
(tests/render.py) and returns a new one whose `figures` say where every
figure now stands, so a test asserts each is read back where it is printed.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Optional

from render import Printed, Rendered

TOKEN = re.compile(r"\S+")


def _lines(rendered: Rendered) -> list[str]:
    return rendered.text.split("\n")


def _with(rendered: Rendered, lines: list[str], figures: list[Printed]) -> Rendered:
    return dataclasses.replace(rendered, text="\n".join(lines), figures=figures)


def _run_around(line: str, start: int, end: int) -> tuple[int, int]:
    """0-based [lo, hi) of the figure with what touches it: a "$" before it, a marker after."""
    lo, hi = start - 1, end - 1
    while lo > 0 and line[lo - 1] not in " ":
        lo -= 1
    while hi < len(line) and line[hi] != " ":
        hi += 1
    return lo, hi


def misaligned(rendered: Rendered, by: int) -> Rendered:
    """Every other figure of a line moved `by` characters, right or left in
    turn (a typewriter's figures are rarely all flush): only where the move
    leaves two spaces between it and whatever else the line prints (one
    space after a label word makes a number part of the label: "Reserve
    number 2")."""
    lines = _lines(rendered)
    figures = []
    turn = 0
    for f in sorted(rendered.figures, key=lambda f: (f.line, f.start)):
        line = lines[f.line - 1]
        shift = (0, by, 0, -by)[turn % 4]
        turn += 1
        lo, hi = _run_around(line, f.start, f.end)
        moved_lo, moved_hi = lo + shift, hi + shift
        padded = line + " " * (moved_hi + 2)
        room = padded[:lo] + " " * (hi - lo) + padded[hi:]
        if shift == 0 or moved_lo < 2 or room[moved_lo - 2:moved_hi + 2].strip():
            figures.append(f)
            continue
        lines[f.line - 1] = (room[:moved_lo] + line[lo:hi] + room[moved_hi:]).rstrip()
        figures.append(dataclasses.replace(f, start=f.start + shift, end=f.end + shift))
    return _with(rendered, lines, figures)


def leaders(rendered: Rendered, dots: str = ".", spaces: int = 2) -> Rendered:
    """Each row's label run out with leader dots ("Allowance for doubtful
    accounts..........  $ 1,234") to `spaces` spaces before its first figure
    (or its "$")."""
    lines = _lines(rendered)
    for number in sorted({f.line for f in rendered.figures}):
        line = lines[number - 1]
        first = min(f.start for f in rendered.figures if f.line == number) - 1
        dollar = line.find("$")
        target = dollar if 0 <= dollar < first else first  # the row's "$" stays where it is printed
        end = len(line[:target].rstrip())
        stop = target - spaces
        if end == 0 or stop - end < 3:
            continue
        lines[number - 1] = line[:end] + (dots * (stop - end))[: stop - end] + line[stop:]
    return _with(rendered, lines, list(rendered.figures))


def tabbed(rendered: Rendered) -> Rendered:
    """Runs of spaces typed as tabs where they reach an 8-column tab stop: the
    same layout once tabs are expanded.  A figure is then at another column
    of the file: the tool names the file's column."""
    lines = _lines(rendered)
    moved: dict[tuple[int, int], int] = {}
    for n, line in enumerate(lines, 1):
        out, where = "", {}
        for i in range(0, len(line), 8):
            chunk = line[i:i + 8]
            for j in range(len(chunk)):
                where[i + j + 1] = len(out) + j + 1
            out += chunk.rstrip(" ") + "\t" if len(chunk) == 8 and chunk.endswith("  ") else chunk
        lines[n - 1] = out
        for column, file_column in where.items():
            moved[(n, column)] = file_column
    figures = [dataclasses.replace(f, start=moved[(f.line, f.start)], end=moved[(f.line, f.start)] + f.end - f.start)
               for f in rendered.figures]
    return _with(rendered, lines, figures)


def running_head(rendered: Rendered) -> Rendered:
    """A page break between two periods as a typed filing prints it: the page
    number, "<PAGE> 45" and a running head ("SCHEDULE II (Continued)") over
    the next period's rows, the headings not printed again."""
    lines = _lines(rendered)
    first, last = min(f.line for f in rendered.figures), max(f.line for f in rendered.figures)
    at = next((n for n in range(first, last) if not lines[n - 1].strip()), None)
    if at is None:
        return rendered
    company = "THE REGISTRANT, INC. AND SUBSIDIARIES"  # (some real tables are named by a filer id: digits)
    head = ["", " " * 38 + "S-2", "<PAGE> 45", " " * 22 + company,
            " " * 18 + "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS (Continued)", ""]
    lines[at - 1:at - 1] = head
    figures = [dataclasses.replace(f, line=f.line + len(head)) if f.line >= at else f for f in rendered.figures]
    return _with(rendered, lines, figures)


def split_at_page(rendered: Rendered, head: tuple[str, ...] = ("The Registrant, Inc. and subsidiaries",
                                                               "page 2 of exhibit")) -> Rendered:
    """A page break between two periods where the typist closed the <TABLE>
    and opened another on the next page under a running head in lower or
    mixed case (the company's name, "page 2 of exhibit"), no headings
    repeated; an untagged table the same, without the tags."""
    lines = _lines(rendered)
    first, last = min(f.line for f in rendered.figures), max(f.line for f in rendered.figures)
    at = next((n for n in range(first, last) if not lines[n - 1].strip() and _between_rows(lines, n)), None)
    if at is None:
        return rendered
    tagged = any(line.strip().upper().startswith("<TABLE") for line in lines[:first])
    page = ["", " " * 38 + "S-2", "<PAGE>", *(" " * 22 + line for line in head), ""]
    inserted = ["</TABLE>", *page, "<TABLE>"] if tagged else page
    lines[at - 1:at - 1] = inserted
    figures = [dataclasses.replace(f, line=f.line + len(inserted)) if f.line >= at else f for f in rendered.figures]
    return _with(rendered, lines, figures)


def _between_rows(lines: list[str], n: int) -> bool:
    """Whether the blank line n stands inside a table's body (not in a page break the layout printed)."""
    above = next(line for line in reversed(lines[: n - 1]) if line.strip())
    below = next((line for line in lines[n:] if line.strip()), "<")
    return not any(line.strip().startswith("<") or "S-2" in line for line in (above, below))


RULE_ONLY = re.compile(r"^[ \t]*-{2,}(?:[ \t]+-+)*[ \t]*$")


def rules_typed_as(rendered: Rendered, char: str) -> Rendered:
    """Every line of dashed rules typed with another character ("____", "====")."""
    lines = [ln.replace("-", char) if RULE_ONLY.match(ln) else ln for ln in _lines(rendered)]
    return _with(rendered, lines, list(rendered.figures))


def narrow_rules(rendered: Rendered) -> Rendered:
    """Each run of a rule line under the headings typed narrower than its
    column, centred under the heading's words (a third off each side, four
    dashes at least); the rules over totals as they were."""
    lines = _lines(rendered)
    first = min(f.line for f in rendered.figures)
    for n in range(first - 1, 0, -1):
        if RULE_ONLY.match(lines[n - 1]):
            runs = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[n - 1])]
            out = [" "] * len(lines[n - 1])
            for lo, hi in runs:
                cut = max(0, min((hi - lo) // 3, (hi - lo - 4) // 2))
                out[lo + cut:hi - cut] = "-" * (hi - lo - 2 * cut)
            lines[n - 1] = "".join(out).rstrip()
            break
    return _with(rendered, lines, list(rendered.figures))


def dollars_apart(rendered: Rendered, by: int = 3) -> Rendered:
    """Each "$" typed `by` characters further left, into the gutter before its
    column ("$      1,234" where the column's rule starts under the "1"),
    where that leaves two spaces after whatever stands left of it."""
    lines = _lines(rendered)
    for number in sorted({f.line for f in rendered.figures}):
        line = lines[number - 1]
        for m in reversed(list(re.finditer(r"\$(?= )", line))):
            at = m.start()
            if at - by - 2 >= 0 and not line[at - by - 2:at].strip():
                line = line[:at - by] + "$" + line[at - by + 1:at] + " " + line[at + 1:]
        lines[number - 1] = line
    return _with(rendered, lines, list(rendered.figures))


def double_spaced(rendered: Rendered) -> Rendered:
    """Double spaced: a blank line between two rows of figures, and two
    between blocks (where the layout prints one), as a typist's
    double-spaced exhibit leaves them.  A row's balance printed alone on the
    line under it stays there.  (An untagged table ends at two blank lines:
    with "tags=no" the sweep prints the layout without its tags.)"""
    lines = _lines(rendered)
    first, last = min(f.line for f in rendered.figures), max(f.line for f in rendered.figures)
    counts: dict[int, int] = {}
    for f in rendered.figures:
        counts[f.line] = counts.get(f.line, 0) + 1
    out: list[str] = []
    moved: dict[int, int] = {}
    for n, line in enumerate(lines, 1):
        inside = first < n <= last
        if inside and counts.get(n, 0) >= 2 and counts.get(n - 1, 0) >= 1:
            out.append("")  # between two rows
        if inside and not line.strip() and counts.get(n - 1, 0):
            out.append("")  # a block's gap after its last row, doubled
        out.append(line)
        moved[n] = len(out)
    figures = [dataclasses.replace(f, line=moved[f.line]) for f in rendered.figures]
    return _with(rendered, out, figures)


MARKER_ONLY = re.compile(r"^\s*(?:<[SC]>\s*)+$", re.IGNORECASE)


def unruled(rendered: Rendered) -> Rendered:
    """No rule under the headings and no <S>/<C> marker line: the columns are
    only where the figures and the headings stand (a typist's table ruled
    only over its totals).  Rules under a row of figures stay."""
    lines = _lines(rendered)
    rows = {f.line for f in rendered.figures}
    out: list[str] = []
    moved: dict[int, int] = {}
    for n, line in enumerate(lines, 1):
        above = lines[n - 2] if n > 1 else ""
        if MARKER_ONLY.match(line) or RULE_ONLY.match(line) and n - 1 not in rows and not RULE_ONLY.match(above):
            continue
        out.append(line)
        moved[n] = len(out)
    figures = [dataclasses.replace(f, line=moved[f.line]) for f in rendered.figures]
    return _with(rendered, out, figures)


def lone_nils(rendered: Rendered, nil: str = "-0-") -> Rendered:
    """Two reserves with nothing to report, each a row of one nil typed off
    its column's figures: under the first column, in the labels' gutter left
    of its widest figure; under the second, in the gap between the first
    column's figures and its own.  Each row goes in under a row whose label is
    on one line (never inside a wrapped label, nor between a row and the rest
    of its figures on the line under it); where there is no room, no such row."""
    lines = _lines(rendered)
    by_column: dict[int, list[Printed]] = {}
    for f in rendered.figures:
        by_column.setdefault(f.column, []).append(f)
    first, second = by_column.get(0, []), by_column.get(1, [])
    if not first or not second:
        return rendered
    left, right = min(_with_dollar(lines, f) for f in first), max(f.end for f in first)
    after = min(_with_dollar(lines, f) for f in second)
    places = [(0, left - 2 - len(nil)), (1, (right + after - len(nil)) // 2)]
    figures, labels, added = list(rendered.figures), dict(rendered.row_labels), 0
    if _by_period(lines, rendered):
        return _lone_nil_blocks(rendered, lines, places, nil)
    for column, start in places:
        found = _one_line_row(lines, figures, rendered.row_labels, skip=added)
        if found is None:
            break
        labelled, under = found
        row = lines[labelled - 1]
        label = " " * (len(row) - len(row.lstrip())) + "Other reserve"
        gap_ok = column == 1 and start - right >= 2 and after - (start + len(nil)) >= 2
        if not (column == 0 and start - len(label) >= 3 or gap_ok):
            continue
        lines.insert(under, label.ljust(start - 1) + nil)
        figures = [dataclasses.replace(f, line=f.line + 1) if f.line > under else f for f in figures]
        period = next(f.period for f in figures if f.line == labelled)
        figures.append(Printed(period, -1 - column, column, nil, None, under + 1, start, start + len(nil)))
        labels[(period, -1 - column)] = "Other reserve"
        added += 1
    return dataclasses.replace(rendered, text="\n".join(lines), figures=figures, row_labels=labels)


def _by_period(lines: list[str], rendered: Rendered) -> bool:
    """Whether the rows are labelled by their period (one block per account, its caption over it)."""
    return all(_label_of(lines, rendered.figures, f.line).rstrip(":") == rendered.period_labels[f.period]
               for f in rendered.figures if f.row >= 0 and _label_of(lines, rendered.figures, f.line))


def _lone_nil_blocks(rendered: Rendered, lines: list[str], places: list[tuple[int, int]], nil: str) -> Rendered:
    """`lone_nils` where each account is a block of rows labelled by period: a
    reserve with nothing to report is a block of its own, its caption over one
    period's row of one nil, after an account's block (its last row, then a
    blank line; not the totals').  A block a place, a block apart; where there
    is no room, none."""
    figures, labels, added = list(rendered.figures), dict(rendered.row_labels), 0
    totals = {f.line for f in figures if labels.get((f.period, f.row), "").lower().startswith("total")}
    ends = [n for n in sorted({f.line for f in figures}) if n < len(lines) and not lines[n].strip() and n not in totals]
    right = max(f.end for f in figures if f.column == 0)
    for (column, start), end in zip(places, ends[::2]):
        under = end + 3 * added
        row = lines[under - 1]
        label = row[: len(row) - len(row.lstrip())] + _label_of(lines, figures, under)
        if not (column == 0 and start - len(label) >= 3 or column == 1 and start - right >= 2):
            continue
        caption = next(ln for ln in reversed(lines[:under]) if ln.strip() and not _label_of(lines, figures, lines.index(ln) + 1))
        period = next(f.period for f in figures if f.line == under)
        lines[under:under] = ["", "Other reserve" + (":" if caption.rstrip().endswith(":") else ""), label.ljust(start - 1) + nil]
        figures = [dataclasses.replace(f, line=f.line + 3) if f.line > under else f for f in figures]
        figures.append(Printed(period, -1 - column, column, nil, None, under + 3, start, start + len(nil)))
        labels[(period, -1 - column)] = "Other reserve"
        added += 1
    return dataclasses.replace(rendered, text="\n".join(lines), figures=figures, row_labels=labels)


def _with_dollar(lines: list[str], f: Printed) -> int:
    """Where a figure starts with its "$" (set apart from it or not)."""
    line = lines[f.line - 1]
    before = line[: f.start - 1].rstrip()
    return len(before) if before.endswith("$") else f.start


def _label_of(lines: list[str], figures: list[Printed], n: int) -> str:
    """The label row `n` prints left of its figures ("" where it prints none, or is no row)."""
    starts = [f.start for f in figures if f.line == n]
    label = lines[n - 1][: min(starts) - 1].strip() if starts else ""
    return "" if label.startswith("$") else label.rstrip("$ ")


def _one_line_row(lines: list[str], figures: list[Printed], row_labels: dict, skip: int) -> Optional[tuple[int, int]]:
    """The (skip+1)th item row whose label is on one line: its labelled line and its last line
    (its figures run on to a second line in some layouts), the line after it blank or another
    labelled row."""
    totals = {f.line for f in figures if row_labels.get((f.period, f.row), "").lower().startswith("total")}
    rows = sorted({f.line for f in figures})
    found = 0
    for n in rows:
        end = n
        while end + 1 in rows and not _label_of(lines, figures, end + 1):
            end += 1  # (the rest of its figures, on a line of their own)
        after = lines[end] if end < len(lines) else ""
        if n in totals or not _label_of(lines, figures, n) or (after.strip() and not _label_of(lines, figures, end + 1)):
            continue
        if found == skip * 3:  # (rows apart: the second lone nil goes in further down)
            return n, end
        found += 1
    return None


# Name -> how the exhibit is changed; a `Layout` nil is changed in the layout, not here.
def title_page_number(rendered: Rendered, page: str = "47") -> Rendered:
    """A bare page number typed at the right margin of the line naming the
    schedule ("VALUATION AND QUALIFYING ACCOUNTS                 47"): no "$",
    no marker, over the table's headings (under a figure column where the
    table is wider than the title)."""
    lines = _lines(rendered)
    for n, line in enumerate(lines):
        if TITLE_LINE.search(line):
            lines[n] = line.rstrip().ljust(76) + page
            break
    return _with(rendered, lines, list(rendered.figures))


TITLE_LINE = re.compile(r"valuation\s+and\s+qualifying", re.IGNORECASE)


VARIATIONS: dict[str, Callable[[Rendered], Rendered]] = {
    "misaligned-1": lambda r: misaligned(r, 1),
    "misaligned-2": lambda r: misaligned(r, 2),
    "misaligned-3": lambda r: misaligned(r, 3),
    "leader-dots": lambda r: leaders(r),
    "leader-dots-one-space": lambda r: leaders(r, spaces=1),
    "leader-dots-touching": lambda r: leaders(r, spaces=0),
    "spaced-leaders": lambda r: leaders(r, dots=". "),
    "tabs": tabbed,
    "running-head": running_head,
    "split-lower-head": split_at_page,
    "underscore-rules": lambda r: rules_typed_as(r, "_"),
    "equals-rules": lambda r: rules_typed_as(r, "="),
    "narrow-heading-rules": narrow_rules,
    "dollars-apart": dollars_apart,
    "double-spaced": double_spaced,
    "unruled": unruled,
    "lone-nils": lone_nils,
    "title-page-number": title_page_number,
}


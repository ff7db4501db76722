"""Lines wrapped by the filer's software: rejoined where their columns are sure, else refused.

Some 1990s submissions were typed by software that wrapped every line at 80
columns (or a word processor's narrower margin), a table wider than that too:
the words that no longer fitted went on a line of their own from column 1 (or
a few blanks in), the row's last figures under it ("Reserve for bad debts
1,128   676   467" over "1,337").  Read as they stand, the wrapped figures
would become rows of their own (false errors in every total).

What the software took away is the blanks at the cut alone: the rest keeps
its own spacing, so the rest is put back where it was once its last figure
is set under the table's right edge, where the headings typed whole (or a rule,
or a row that fitted) show it.  The rest is rejoined to its row there, each
figure still located where it is printed (`Rejoined.printed_at`).  Where no
line shows that edge (the headings wrapped too), the rows show it (`_edge_of_rows`,
`_rule_starts`), their rests' figures lining up column by column, and each
heading's rest is placed where its words would stand over the same columns
wherever it may have started (its first word past the margin, its last at the
edge), or else at the one place leaving each column's joined heading naming
what its place holds (`heading_rests.place_headings`); the columns those of a wrapped rule under
the headings where one reaches the edge, its runs of dashes (`_ruled_columns`: a
column left blank in every row is a column too).  Where a rejoined row holds fewer
figures than the table's columns (a blank cell: its last figure may not be the
last column's), or the rests or a heading's rest place otherwise, the table is
refused at the wrapped line, naming it.  A row wrapped twice (its middle figures
on a line, its last under them; or a label alone, every figure wrapped off it
twice) is rejoined where a rule (the headings', wrapped or typed whole, or one
among the rows left whole, `_figure_runs`) has a run for each of its figures:
the last set under the last run, the middle ones each under a run of its own
(`_twice_joined`); else refused.  The
headings typed again after a page break, wrapped as the first were, are joined
back as the first ones are, line for line (`_headings_again`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations
from typing import NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.frontends.text.line_kinds import LONE_AMOUNT as _LONE_AMOUNT, NIL_FIGURE as _NIL
from auditor.frontends.text.region import Region
from auditor.frontends.text.heading_rests import (MARK, MARKER, OVERHANG, Moved, is_rule, is_tags,
                                                  place_headings, printed_from, set_back)
from auditor.frontends.text.headings import Vocabulary, names_a_movement
from auditor.labels import BARE_YEAR, NOTE_MARK, NUMBERED_MARK, NUMBERED_MARKER, SLASH_MARK
from auditor.lazy_pattern import lazy_compile
from auditor.model import Cell, Position, Schedule

# EDGAR's width: the message's; the width a table was wrapped at is read off its cut lines.
WIDTH = 80
# A rest is set at most this many blanks in (a paragraph's indent); past it, a row's figures under its label.
MOST_INDENT = 8
# The most blanks a rest's first figure may have stood after its row's last word at the cut.
COLUMN_BLANKS = 16
_FIGURE = rf"(?:\$\s*)?(?:{_LONE_AMOUNT}|{_NIL})"  # (a nil after its "$" too: "$      -")
FIRST_FIGURE = lazy_compile(_FIGURE, re.IGNORECASE)
# Nothing but figures and nils, a few blanks in at most (a bare year is a year-first row's caption, not a rest).
# Each figure its footnote's marker after it perhaps, the marker glued to it ("249(a)", "2,894(c)", "96*",
# "-(2)") or a blank apart ("377 (a)": a positive figure's ")" hanging out, the marker kept where the
# negatives' stand; "96 (2)", the grammar's NOTE one blank after a figure; the typewriter's "1,204 1/"):
# heading_rests.MARK's markers (labels.NOTE_MARK's and "(n)"); the last a "$" perhaps, its figure cut off
# onto the next line (a row wrapped twice: "(3)  $   -  $   4  $" over "(6)").
_NOTED = rf"(?:{_FIGURE})(?:{MARK}|[ ](?:{MARK}|{SLASH_MARK}(?!\S)))?"
NOTED = lazy_compile(_NOTED, re.IGNORECASE)
MARK_WORD = lazy_compile(rf"{MARK}|{SLASH_MARK}")
# A rest may open with the marker of the row's last figure before the cut, set a blank apart from it and cut
# there ("2,602" over "(b)     1,550     9,786"): a marker that can be nothing else (labels.NOTE_MARK, "1/";
# a "(2)" there may be a small negative, a figure of the rest's).
_LEAD = rf"(?:{NOTE_MARK}|{SLASH_MARK})"
LEADING_MARK = lazy_compile(rf"^[ \t]*({_LEAD})(?=[ \t]+\S)")
# A rest opening on "(2)": the marker of the row's last figure before the cut, or a small negative of the
# rest's, the first of its figures: told by the table's rows (`_marks_told`).
LEADING_NUMBERED = lazy_compile(rf"^[ \t]*({NUMBERED_MARK})(?=[ \t]+\S)")
REMNANT = lazy_compile(rf"^[ \t]{{0,{MOST_INDENT}}}(?:{_LEAD}[ \t]+)?(?!(?:19|20)\d\d\b){_NOTED}(?:\s+{_NOTED})*"
                       rf"(?:\s+\$)?\s*$", re.IGNORECASE)


class Cut(NamedTuple):
    line: int  # the rest's line, in the file (the row's is the line above)
    over: str  # the row's line, as cut (its label's rest joined to it: `label_rests`)
    rest: str  # the rest, as printed
    row: int = 0  # the row's line, where its label's first line is (0: the line above)
    tail: int = 0  # a row wrapped twice: where its rest's rest (the next line) begins in `rest`, joined to it
    mark: int = 0  # the characters joined onto `over` from the rest: its last figure's marker and the blank before

    @property
    def width(self) -> int:
        """How wide the row's line was printed (before its marker, wrapped off it, was joined back)."""
        return len(self.over) - self.mark

    @property
    def at(self) -> int:
        """The row's line, the rest set back on it."""
        return self.row or self.line - 1


class Rejoined(NamedTuple):
    """The region's lines with every rest put back on its row's line (its own
    line left blank), and where each rejoined character is printed."""

    lines: list[str]  # the file's lines up to the region's last, those above it blank
    cuts: tuple[Cut, ...]
    shift: dict[int, tuple[Moved, ...]]  # row's line -> its parts moved onto it, left to right
    last: int  # the table's last line: the last row's rest, where it was wrapped
    labels: tuple[int, ...] = ()  # the lines of the labels' rests joined to their rows (`label_rests`)

    def printed_at(self, line: int, column: int) -> tuple[int, int]:
        for moved in reversed(self.shift.get(line, ())):
            if column >= moved.first:
                return line + moved.down, column - moved.right
        return line, column


def cuts(lines: Sequence[str], region: Region) -> tuple[list[Cut], list[Cut]]:
    """Each line of the region that is the rest of the row above, wrapped onto
    a line of its own: figures alone from column 1 (or a few blanks in), under
    a line so long that the rest's first figure did not fit on it; and apart,
    those under a label alone too short to show it (every figure wrapped off:
    rejoined only where a line typed whole shows the table's edge, `_alone_fitting`)."""
    # (One slice: a long file's lines are fetched by block.  The line after the region too: the last
    # row's rest, figures alone, is no row of the table to locate.)
    block = lines[region.first - 1 : region.last + 1]
    found = _headings_apart(block, region.first, _figures_under(block, region.first, WIDTH // 2))
    # The software's width is at least its longest cut line; each rest's first figure, and the blanks
    # before it (as many as a column's width: a nil right-aligned in a wide column), would have passed it.
    width = max((len(above) for _, above, _, _ in found), default=0)
    sure = [_marked(Cut(n, above, line)) for n, above, line, first in found if len(above) + COLUMN_BLANKS + first > width]
    if not sure:
        return sure, []  # (most regions: nothing wrapped, no second pass)
    tails = _under_short_rests(block, region.first)
    sure = _marks_told(_rests_rests(sure, found, block, region.first, tails), block, region.first)
    sure_lines = {c.line for c in sure}
    alone = [_marked(Cut(n, above, line)) for n, above, line, _ in _figures_under(block, region.first, 0)
             if n not in sure_lines and _label_alone(above)]
    # (A label alone over figures whose own last figures were wrapped onto the line under them, a sure rest: a
    # row wrapped twice, every figure wrapped off its label's line; `_twice_joined` places both rests under the
    # headings' rule's runs, or refuses them.)
    twice = [c for c in alone if c.line + 1 in sure_lines]
    if twice:
        return sorted(sure + twice), [c for c in alone if c.line + 1 not in sure_lines]
    return sure, alone


def _marked(cut: Cut, leading: re.Pattern[str] = LEADING_MARK) -> Cut:
    """The cut with the marker its rest opens with (`LEADING_MARK`) put back after the row's last figure,
    a blank between as it was typed, and blanked in the rest (its figures where they are printed)."""
    m = leading.match(cut.rest)
    if m is None:
        return cut
    mark = " " + m.group(1)
    return cut._replace(over=cut.over + mark, rest=" " * m.end() + cut.rest[m.end():], mark=len(mark))


def _under_short_rests(block: Sequence[str], first: int) -> list[tuple[int, str, str, int]]:
    """The lines of figures alone under a line of figures alone under a label alone, not found under a line
    long enough to show its cut: a row wrapped twice, its rest too short to show it, the blanks of a
    column every row leaves blank (or of a nil right-aligned in a wide one) lost at the second cut, "2,193
    3,414" over "2,500(a)   3,107" wrapped at 66; `_rests_rests` tells which are rests' rests."""
    alone = _figures_under(block, first, 0)
    figures = {n for n, *_ in alone}
    return [under for under in alone
            if under[0] - 1 in figures and under[0] - 2 >= first and _label_alone(block[under[0] - 2 - first])]


def _rests_rests(sure: list[Cut], found: Sequence[tuple[int, str, str, int]], block: Sequence[str],
                 first: int, tails: Sequence[tuple[int, str, str, int]] = ()) -> list[Cut]:
    """The cuts with the rests not sure for their lines' shortness (a column's blanks wider than COLUMN_BLANKS
    at a cut: a nil or a figure right-aligned in a wide column, or the gutters widened by markers hanging past
    their columns, "-(b)" then 26 blanks and "-") that the table's rows tell are rests.  A row wrapped twice,
    figures alone on two lines one under the other under the row's line (a label's): both lines, where the row's
    line and its rest hold fewer figures than the table's fullest row (its other rows' lines, each with its sure
    rests; as they stand the row is short, refused as it is); `_twice_joined` then places the three parts under
    the headings' rule's runs, or refuses them (their columns are not sure).  A row wrapped once, figures alone
    on one line under a row's line holding a figure at least: where the row's line holds fewer figures than the
    fullest row and exactly as many with the line (never a line of figures more: a row of its own, say).  A
    rest's rest under a rest too short to show its cut, under its label alone (`tails`): where the rest holds
    fewer figures than the fullest row and exactly as many with it."""
    rests = {c.line: c for c in sure}
    chains: list[list[tuple[int, tuple[str, str]]]] = []  # (consecutive lines of figures alone: a row's rests)
    for n, above, line, _ in found:
        if chains and chains[-1][-1][0] == n - 1:
            chains[-1].append((n, (above, line)))
        else:
            chains.append([(n, (above, line))])
    twice = [chain for chain in chains if len(chain) == 2 and not all(n in rests for n, _ in chain)]
    once = [chain[0] for chain in chains if len(chain) == 1 and chain[0][0] not in rests
            and _label_first(chain[0][1][0]) and _figures(chain[0][1][0]) > 0]
    if not twice and not once and not tails:
        return sure
    rows = {c.line - 1 for c in sure} | set(rests)
    joined: dict[int, Cut] = {}  # each wrapped row's last sure rest -> the row's line and its every sure rest
    for c in sure:
        head = c if c.line - 1 not in rests else joined.pop(c.line - 1, None)
        if head is not None:
            joined[c.line] = head._replace(rest=head.rest + "  " + c.rest) if head is not c else c
    fullest = max([_figures(c.over + "  " + c.rest) for c in joined.values()]
                  + [_figures(line) for n, line in enumerate(block, first) if n not in rows and _label_first(line)])
    more = [_marked(Cut(n, above, line)) for chain in twice for n, (above, line) in chain
            if n not in rests and _label_first(chain[0][1][0])
            and _figures(chain[0][1][0] + "  " + chain[0][1][1]) < fullest]
    # (A row wrapped once: its rest's figures exactly the row's missing ones, the row's line short without them.)
    more += [_marked(Cut(n, above, line)) for n, (above, line) in once
             if _figures(above.rstrip().removesuffix("$")) < fullest == _figures(above + "  " + line)]
    taken = {c.line for c in more}
    more += [_marked(Cut(n, above, line)) for n, above, line, _ in tails
             if n not in rests and n not in taken and _figures(above) < fullest == _figures(above + "  " + line)]
    return sorted(sure + more) if more else sure


def _marks_told(found: list[Cut], block: Sequence[str], first: int) -> list[Cut]:
    """The cuts with each rest opening on "(2)" (`LEADING_NUMBERED`) after a row's line ending on a figure
    of no marker of its own read as that figure's marker (`_marked`) where the table's rows tell: read as a
    figure, its row would hold one figure more than the table's fullest row (every other row's line, a rest
    set after it, opening on no such "(2)") and than the headings' rule typed whole, where there is one, has
    runs right of the labels' (a column the other rows all leave blank: its "(2)" a figure); read as a marker
    exactly as many.  Else left as it is printed, a figure (its row as full as the fullest: a small negative;
    or neither: refused as the rows are, never guessed).  A rest's rest and its rest (a row wrapped twice) are
    told by the headings' rule in `_twice_joined`."""
    rests = {c.line for c in found}
    single = [c for c in found if c.line - 1 not in rests and c.line + 1 not in rests]
    told = {c.line: c for c in single if not c.mark and LEADING_NUMBERED.match(c.rest) and _ends_unmarked(c.over)}
    if not told:
        return found
    rows = {c.line - 1 for c in found} | rests
    fullest = max([_figures(c.over + "  " + c.rest) for c in found if c.line not in told]
                  + [_figures(line) for n, line in enumerate(block, first) if n not in rows and _label_first(line)],
                  default=0)
    if not fullest:
        return found
    # (The headings' rule typed whole, where there is one, counts the columns too: its runs but the labels', from
    # the margin.)
    rule = _rule_typed_whole(block, 1, min(c.line for c in found) - 1 - first)
    columns = sum(m.start() > MOST_INDENT for m in _RUN.finditer(rule)) if rule else fullest
    marked = {n for n, cut in told.items() if _figures(cut.over + "  " + cut.rest) == fullest + 1 == columns + 1}
    return [_marked(c, LEADING_NUMBERED) if c.line in marked else c for c in found]


# A footnote's marker alone on its line from the margin (or a few blanks in): "(b)", "*", "1/".
MARK_ALONE = lazy_compile(rf"^[ \t]{{0,{MOST_INDENT}}}({_LEAD})[ \t]*$")


def _marks_alone_joined(lines: Sequence[str], found: list[Cut]) -> list[Cut]:
    """The rests with the marker alone on the line under one ("(b)" under "... 1,513,611": the row's last figure's
    marker, typed a blank apart inside its column, wrapped onto a line of its own, the blank at the cut lost) joined
    to it as its rest's rest, a blank between as typed, where the rest ends on a figure of no marker of its own."""
    rests = {c.line for c in found}
    joined = []
    for cut in found:
        mark = MARK_ALONE.match((lines[cut.line : cut.line + 1] or [""])[0])
        if mark is None or cut.tail or cut.line + 1 in rests or not _ends_unmarked(cut.rest):
            joined.append(cut)
            continue
        body = cut.rest.strip()
        indent = " " * (printed_from(cut.rest) - 1)
        joined.append(cut._replace(rest=indent + body + " " + mark.group(1), tail=len(body) + 1))
    return joined


def _figures(line: str) -> int:
    """How many figures a row's line holds, each with its marker (`NOTED`): those it ends on, nothing but
    blanks between (a label's dash or number, "Deferred tax assets - valuation", none of them; nor its
    marker, "Self-insurance accruals (3)", a blank after its word)."""
    count, end = 0, len(line.rstrip())
    for m in reversed(list(NOTED.finditer(line))):
        if line[m.end() : end].strip() or (NUMBERED_MARKER.fullmatch(m.group())
                                           and line[max(0, m.start() - 2) : m.start()].strip(" ").isalpha()):
            break
        count, end = count + 1, m.start()
    return count


def _ends_unmarked(over: str) -> bool:
    """Whether a row's line, cut, ends on a figure with no marker after it."""
    figures = list(NOTED.finditer(over))
    return bool(figures) and not over[figures[-1].end():].strip() and not _marker_width(over)


def _figures_under(block: Sequence[str], first: int, least: int) -> list[tuple[int, str, str, int]]:
    """Each line of `block` (its first the file's line `first`) holding figures alone from the margin
    (or a few blanks in) under a line `least` characters long at least and WIDTH at most: its number,
    the line above (its blanks after stripped), the line, its first figure's end past its first character."""
    found: list[tuple[int, str, str, int]] = []
    for n, over, line in zip(range(first + 1, first + len(block)), block, block[1:]):
        if not line or line[0] == "<" or len(over) < least or line[:MOST_INDENT + 1].isspace():
            continue  # (a rest starts within a few blanks, under a long line: most lines are passed over here)
        above = over.rstrip()
        if len(above) > WIDTH or not REMNANT.match(line):  # (a row's line fails at its label's first letter)
            continue
        lead = LEADING_MARK.match(line)  # (a marker opening the rest: where the line was cut, after it)
        figure = FIRST_FIGURE.search(line, lead.end() if lead else 0)
        if figure is not None:
            found.append((n, above, line, (lead or figure).end() + 1 - printed_from(line)))
    return found


def _headings_apart(block: Sequence[str], first: int,
                    found: list[tuple[int, str, str, int]]) -> list[tuple[int, str, str, int]]:
    """The lines of figures alone under a line (`_figures_under`) less those under a line holding no label
    above the table's first row (a label and a figure): a heading line of notes' markers alone, "(1)
    (2)" over the movements' headings, its rest "(2)" (a heading's rest, `_heading_rests`, never a row's)."""
    row = next((n for n, line in enumerate(block, first) if _label_first(line) and FIRST_FIGURE.search(line)), None)
    if row is None:
        return found
    return [cut for cut in found if cut[0] - 1 >= row or _label_first(cut[1])]


def _rules_reach(lines: Sequence[str], first: int, found: Sequence[Cut], width: int) -> int:
    """How far the headings' rules wrapped by the software reach (0: none wrapped), above the first row wrapped."""
    rules = _chains([(n, body) for n, body in _heading_rests(lines, first, found[0].at - 1, width) if is_rule(body)])
    return max((_rule_starts(lines[r[0][0] - 2].rstrip(), r)[-1] + len(r[-1][1]) - 1 for r in rules), default=0)


def _cut_after_a_row(lines: Sequence[str], last: int, found: Sequence[Cut], path: str) -> None:
    """An input error where the file ends on a row's line (`last`, the table's, past every rest) as long as
    the rows whose last figures were wrapped onto a line of their own, holding fewer figures than they
    do: its own rest is cut off (read as it stands, its figures would be a row's first ones alone, or
    the row dropped)."""
    for k in (last, last + 1):  # (the table's last line, or the line under it the table stopped short of)
        line, after = (lines[k - 1 : k] or [""])[0], lines[k : k + 8]
        if (k > found[-1].line and len(after) < 8 and not any(a.strip() for a in after)
                and len(line.rstrip()) >= min(len(c.over) for c in found) and _label_first(line)
                and 0 < len(NOTED.findall(line)) < max(len(NOTED.findall(c.over + " " + c.rest)) for c in found)):
            raise InputError("the file ends on a row's line as long as the rows whose last figures the filer's "
                             "software wrapped onto a line of their own: its own are cut off?", path, k)


def _label_first(line: str) -> bool:
    return line[:1].isalpha() or line[:MOST_INDENT + 1].lstrip()[:1].isalpha()


def _cuttable(line: str) -> bool:
    """Whether the filer's software could have cut the line: a blank after a word within WIDTH (a line
    it could not cut it left whole, however wide: its words begin past the width, or run on without one)."""
    return " " in line[:WIDTH + 1].lstrip()


def _label_alone(line: str) -> bool:
    """A row's label and nothing else, from the margin (or a few blanks in): no figure, no year, no caption's ":"."""
    body = line.lstrip()
    return (body[:1].isalpha() and printed_from(line) <= MOST_INDENT + 1 and not body.endswith(":")
            and not any(ch.isdigit() for ch in body))


def _alone_fitting(alone: Sequence[Cut], edge: int, width: int) -> list[Cut]:
    """The rests under a label alone (`cuts`) that are the label's row's figures, every one wrapped off:
    set at the edge a line typed whole shows, right of their label with two blanks at least, their
    first figure past the software's width (`width`, its widest cut line: else it would have stood on
    the label's line)."""
    fitting = []
    for cut in alone:
        body = cut.rest.strip()
        start = edge - len(body) + _last_hang(body) + 1
        first = FIRST_FIGURE.search(body)
        if first is not None and start >= len(cut.over) + 3 and start + first.end() - 1 > width:
            fitting.append(cut)
    return fitting


def refusal(cut: Cut, path: str) -> InputError:
    return InputError(f"figures from column {printed_from(cut.rest)} under a line {cut.width} columns wide: "
                      f"the row's last figures, wrapped at column {WIDTH} by the filer's software? (their columns "
                      f"are lost: no heading typed whole shows the table's right edge)", path, cut.line)


def rejoined(lines: Sequence[str], region: Region, path: str, vocabulary: Vocabulary) -> Optional[Rejoined]:
    """The region's lines with its wrapped rows rejoined (None: nothing wrapped), the headings typed
    again under them (a page on) joined back as the first were; an input error where the rests cannot
    be placed for sure (a rest's rest: where no rule under the headings places its figures, `_twice_joined`)."""
    found, alone = cuts(lines, region)
    if not found:
        return None  # (a rest under a label alone is sure only beside rests under longer lines)
    rests, beside = {c.line for c in found}, {c.line for c in alone}
    width = max(c.width for c in found if c.line - 1 not in rests)
    if any(c.line - 1 in rests for c in found):
        found = _twice_joined(lines, region.first, found, width, path)
    found = _marks_alone_joined(lines, found)
    labels = label_rests(lines, region, width)
    last = max(region.last, found[-1].line + (found[-1].tail > 0))
    _cut_after_a_row(lines, last, found, path)
    block = list(lines[region.first - 1 : last])
    # (A heading line the software cut, and its rest, are no line typed whole, however long: the headings
    # may have been cut wider than the rows were, the rows' cut the narrower.)
    heads = {n for n, _ in _heading_rests(lines, region.first, found[0].at - 1, width)}
    whole = [line for k, line in enumerate(block, region.first)
             if k not in rests and k + 1 not in labels and len(line.rstrip()) > width
             and not line.lstrip().startswith("<") and k not in beside and k not in heads and k + 1 not in heads]
    edge = max((len(line.rstrip()) for line in whole), default=0)
    if whole and not any(map(_cuttable, whole)) and _rules_reach(lines, region.first, found, width) > edge:
        edge = 0  # (lines the software could not cut, a rule spanning some columns, say, short of a wrapped rule)
    labels = _fitting(labels, found, edge)
    found = [c._replace(over=labels[c.line - 1] + c.over[c.width:], row=c.line - 2) if c.line - 1 in labels else c
             for c in found]
    # No line shows where the table's last column ends (the headings wrapped too; a line wider than
    # the rows' cut, a heading word with no blank to cut at, ends short of where the rows reach): the rows show it.
    least = _edge_of_rows(found)
    from_rows = edge < least
    if not from_rows and alone:
        found = sorted(found + _alone_fitting(alone, edge, width))
        if any(c.line - 1 in {r.line for r in found} for c in found):
            raise refusal(found[0], path)
        last = max(last, found[-1].line)
        block = list(lines[region.first - 1 : last])
    first_row = min([found[0].at] + [n - 1 for n in labels])
    # (The headings wrapped, a line typed whole shows the edge all the same: one from past the width that the
    # software found no blank to cut at, a rule under the totals' columns, a heading line over the last ones.
    # Their rests are placed too where they place, else left as they stand, as where the headings are typed whole.)
    headings = _heading_rests(lines, region.first, first_row - 1, width) if from_rows or heads else []
    rules = _chains([(n, body) for n, body in headings if is_rule(body)])
    reach = max(least, _rules_reach(lines, region.first, found, width)) if from_rows else edge
    # (A rule under the headings reaching past the rows' cut ends under their last figures' last digit, or
    # under a negative's ")" hanging past it: each tried, the first where the rows' figures stand under its runs.)
    hangs = sorted({_last_hang(c.rest) for c in found} - {0}) if reach > least and from_rows else []
    tries: list[tuple[int, int, Optional[int], bool]] = [(reach, reach, None, from_rows or bool(headings))]
    tries += [(reach - h, reach, None, True) for h in hangs if reach - h >= least]
    tries += [(reach, reach, None, False)] if headings and not from_rows else []
    if from_rows and any(_edge_hang(c.rest, 0) != _last_hang(c.rest) for c in found):
        # (Markers typed inside their columns, "1,234(a)" ending where "567" does, the figure moved left by its
        # marker: the edge a marked row's rest shows is its marker's end, not its last digit; or one past it,
        # where the column's unmarked figures are negatives hanging their ")" past the digits, "(6)(c)" ending
        # where "(31)" does.  Tried after the markers hanging past, where the rows' figures do not line up so.)
        for past in (0, 1):
            at = max(_edge_of_rows(found, past), _rules_reach(lines, region.first, found, width))
            tries.append((at, at, past, True))
    # (Where no try reads: what the try that got furthest met, the rows set back in line, the columns placed,
    # the headings failing, rather than rows out of line; of those as far, the markers hanging past's last.)
    refused: list[tuple[int, bool, InputError]] = []  # (each try's: how far it got, the markers hanging past)
    for edge, reach, inside, placing in tries:
        reached = 0
        try:
            out, shift = _set_back(lines, region, block, labels, found, edge, path, inside)
            if placing:
                _check_aligned([list(NOTED.finditer(out[c.at - 1])) for c in found], found, path)
                reached = 1
                widest = max([width] + [len(out[n - 2].rstrip()) for n, _ in headings])  # (the headings' cut lines)
                # (The rests under labels alone a try added, `_alone_fitting`, are rows' rests too.)
                columns = _columns_placed(out, shift, (block, rests | {c.line for c in found}, found), (headings, rules),
                                          reach, region.first, path)
                reached = 2
                _headings_placed(out, shift, (headings, rules, _lost_blanks(lines, headings, width)), columns,
                                 (edge, widest), (region.first, first_row - 1), path, vocabulary)
            break
        except InputError as error:
            refused.append((reached, inside is None, error))
    else:
        furthest = max((got, plain) for got, plain, _ in refused)
        raise [error for got, plain, error in refused if (got, plain) == furthest][-1]
    # (After the headings are placed: the <S>/<C> line's width, where it is one, bounds where their rests start.)
    for n in _tags_rests(lines, region.first, first_row - 1):
        out[n - 2], out[n - 1] = "<S>", ""  # (the <C> markers' columns are lost: the rules and headings show them)
    _middled(out, shift, first_row)
    _closed_up(lines, out, shift, (region.first, first_row))
    _headings_again(lines, out, shift, (region.first, first_row), last, path)
    return Rejoined(out, tuple(found), shift, last, tuple(labels))


def _headings_again(lines: Sequence[str], out: list[str], shift: dict[int, tuple[Moved, ...]],
                    heads: tuple[int, int], last: int, path: str) -> None:
    """The headings typed again under the rows (a page on), wrapped as they were the first time, the
    same lines as printed: joined back as the first ones were, line for line (read as they stand, their
    rests would be rows and captions: "Balance at   (1)" a row of one figure).  An input error where a
    heading line holding what reads as a figure (a heading's footnote marker, "(1)", at the cut) stands
    again under the rows not so joined (the headings typed again otherwise: its marker would be a row's figure)."""
    first, first_row = heads
    changed = [k for k in range(first, first_row) if out[k - 1] != lines[k - 1]]
    if not changed:
        return
    a, b = changed[0], changed[-1]
    typed = [line.rstrip() for line in lines[a - 1 : b]]
    moved = {k: shift[k] for k in range(a, b + 1) if k in shift}
    below = [line.rstrip() for line in lines[first_row - 1 : last]]  # (one slice: a long file's lines are fetched by block)
    at = 0
    joined: set[int] = set()  # (the lines of `below` joined back)
    while at + len(typed) <= len(below):
        if below[at] != typed[0] or below[at : at + len(typed)] != typed:
            at += 1
            continue
        k = first_row + at
        out[k - 1 : k - 1 + len(typed)] = out[a - 1 : b]
        for n, parts in moved.items():
            shift[n - a + k] = parts
        joined.update(range(at, at + len(typed)))
        at += len(typed)
    marked = {lines[k - 1].rstrip() for k in changed if lines[k - 1].strip() and not is_rule(lines[k - 1])
              and _figures(lines[k - 1])}
    again = next((at for at, line in enumerate(below) if at not in joined and line in marked), None)
    if again is not None:
        raise InputError("a heading line the filer's software cut (its last word a footnote's marker, read as a "
                         "figure) typed again under the rows, the headings there not as the first ones were "
                         "(their rests would be read as rows)", path, first_row + again)


def _middled(out: list[str], shift: dict[int, tuple[Moved, ...]], first_row: int) -> None:
    """Each heading line wrapped twice (a heading: its rest's rest set back on it too) moved onto its
    rest's line, the middle of the three, its own and its rest's rest's left blank: two lines emptied in
    a row would read as the gap of blank lines that ends a table's headings; a rule so joined typed again
    on each of its three lines (a blank line after it, or more, still the gap of the file's own)."""
    for row in [n for n, moved in shift.items() if n < first_row and max(m.down for m in moved) == 2]:
        if is_rule(out[row - 1]):  # (a rule typed again on each of its lines: no line of its emptied, whatever the blanks after)
            out[row] = out[row + 1] = out[row - 1]
            continue
        out[row], out[row - 1] = out[row - 1], ""
        shift[row + 1] = (Moved(1, -1, 0),) + tuple(m._replace(down=m.down - 1) for m in shift.pop(row))


def _closed_up(lines: Sequence[str], out: list[str], shift: dict[int, tuple[Moved, ...]], heads: tuple[int, int]) -> None:
    """The heading lines moved down onto the lines emptied under them, where two emptied in a row stand
    between two of them (heading lines each wrapped, "PROVISIONS" once, "BALANCE AT ... FOR LOSSES" twice:
    the gap of blank lines that ends a table's headings): each run of lines the file prints with no blank
    line between closed up, its lines in order, the emptied ones above them.  The table's opening markup
    ("<TABLE>", "<CAPTION>") bounds a run as a blank line does: no heading line, it stays where it is
    printed (moved, the headings' lines as joined would no longer be those typed again a page on without
    it, `_headings_again`, and their rests there would be read as rows: "Balance at   (1)" a row of -1);
    the <S>/<C> line under the headings is theirs, closed up with them."""
    first, first_row = heads
    run: list[int] = []
    for k in range(first, first_row + 1):
        if k < first_row and lines[k - 1].strip() and not _opening_markup(lines[k - 1]):
            run.append(k)
            continue
        kept = [n for n in run if out[n - 1].strip()]
        if any(m - n > 2 for n, m in zip(kept, kept[1:])):
            for n, to in reversed(list(zip(kept, run[len(run) - len(kept):]))):
                if to != n:
                    out[to - 1], out[n - 1] = out[n - 1], ""
                    shift[to] = (Moved(1, n - to, 0),) + tuple(m._replace(down=m.down + n - to)
                                                              for m in shift.pop(n, ()))
        run = []


def _opening_markup(line: str) -> bool:
    """A line of EDGAR's markup other than the <S>/<C> line: "<TABLE>", "<CAPTION>"."""
    return line.lstrip().startswith("<") and not is_tags(line)


def _set_back(lines: Sequence[str], region: Region, block: Sequence[str], labels: dict[int, str],
              found: Sequence[Cut], edge: int, path: str,
              inside: Optional[int] = None) -> tuple[list[str], dict[int, tuple[Moved, ...]]]:
    """The region's lines with each label's rest joined to its row and each row's rest set back on
    it, its last figure's last digit at `edge` (the markers typed inside their columns, `_edge_hang`:
    its marker's end); and where each part moved.  An input error where a rest does not fit right of
    its row there."""
    out = [""] * (region.first - 1) + list(block)
    shift: dict[int, tuple[Moved, ...]] = {}
    for n, joined in labels.items():
        label = len(lines[n - 2].rstrip()) + 2  # (where its rest goes, the one blank at the cut put back)
        out[n - 2], out[n - 1] = joined, ""
        shift[n - 1] = (Moved(label, 1, label - printed_from(lines[n - 1])),)
    for cut in found:
        body = cut.rest.strip()
        hang = _edge_hang(body, inside)
        start = edge - len(body) + hang + 1  # (1-based, where the rest's first character goes)
        if start < len(cut.over) + 2:
            raise refusal(cut, path)  # (the rest does not fit right of its row: not this table's edge)
        printed = printed_from(cut.rest)
        out[cut.at - 1] = cut.over + " " * (start - len(cut.over) - 1) + body
        out[cut.line - 1] = ""
        shift[cut.at] = shift.get(cut.at, ()) + (Moved(start, cut.line - cut.at, start - printed),)
        if cut.tail:  # (its rest's rest, on the next line)
            tail = start + cut.tail
            out[cut.line] = ""
            shift[cut.at] += (Moved(tail, cut.line + 1 - cut.at, tail - printed_from(lines[cut.line])),)
    return out, shift


# Where a row wrapped twice may be set back (`_twice_joined`): its rest's start, how its rest's rest's marker stands
# (0: inside its column, 1: hanging past), its rest's rest's start, the rule's runs its rest's figures stand under.
Place = tuple[int, int, int, tuple[tuple[int, int], ...]]


def _twice_joined(lines: Sequence[str], first: int, found: Sequence[Cut], width: int, path: str) -> list[Cut]:
    """The rests with each rest's rest (a row wrapped twice: "$975" under "$433   -   $(443)(a)   -") joined
    to its rest where the headings' rule, wrapped too, shows its columns: the rest's rest's last figure
    under the rule's last run, the rest's figures each under a run of its own in order, the runs as many as
    the row's figures (the blanks at both cuts lost: the rule's runs show where the rest's figures stood).
    An input error at the rest's rest where no rule shows them, or no place puts each under its run."""
    rests = {c.line for c in found}
    twice = {c.line for c in found if c.line - 1 in rests}
    if any(n - 1 in twice for n in twice):
        raise _twice(next(iter(sorted(twice))), "wrapped three times", path)
    rows = [c for c in found if c.line not in twice]
    ruled = _figure_runs(lines, first, (rows[0].at, max(twice)), width)
    joined: list[Cut] = []
    untold: dict[int, tuple[Cut, list[Place]]] = {}  # (rows telling no marker's place: their best places)
    hanging: set[bool] = set()  # (how the markers stand where a row's figures tell: past their runs, or inside)
    for cut in rows:
        if cut.line + 1 not in twice:
            joined.append(cut)
            continue
        body, tail = cut.rest.strip(), lines[cut.line].strip()
        # (The row's line's figures those it ends on, a "$" cut from its figure perhaps: a dash in its label,
        # "Deferred Tax Assets—Valuation Allowance", none of them.)
        counts = [_figures(cut.over.rstrip().removesuffix("$")), *(len(NOTED.findall(part)) for part in (body, tail))]
        indent = " " * (printed_from(cut.rest) - 1)  # (kept: where the rest's figures are printed)
        if ruled and NUMBERED_MARKER.fullmatch(tail) and _ends_unmarked(body) and sum(counts) == len(ruled[0]) + 1:
            # (A rest's rest "(1)" alone, one figure more than the rule's runs as a figure: the marker of the rest's
            # last figure, the cut in the blank between, set back after it.)
            joined.append(cut._replace(rest=indent + body + " " + tail, tail=len(body) + 1))
            continue
        # (A rule with a run for each of its figures; else one with more, a column the row leaves blank between
        # its rest's figures: "$ 30,378" and "$ 25,186" under the costs' and the deductions' runs, the other
        # accounts' between them blank.)
        runs = next((runs for runs in ruled if len(runs) == sum(counts)),
                    next((runs for runs in ruled if len(runs) > sum(counts)), None))
        if runs is None:
            raise _twice(cut.line + 1, "no rule under the headings shows a run for each of its columns", path)
        # (The rest's rest set with its last character at the last run's end, its figures under the last runs.)
        # (Or, a footnote's marker after its last figure, the figure's edge at the run's end, the marker hanging past.)
        last = runs[len(runs) - counts[2]:]
        unders = list(combinations(runs[counts[0] : len(runs) - counts[2]], counts[1]))
        tail_starts = dict.fromkeys(runs[-1][1] - len(tail) + 1 + hang for hang in (0, _marker_width(tail)))
        places = [(start, k, tail_start, under) for k, tail_start in enumerate(tail_starts)
                  if _under_runs(tail, tail_start, last) for under in unders
                  for start in _rest_starts(cut, body, tail, tail_start) if _under_runs(body, start, under)]
        if not places:
            raise _twice(cut.line + 1, "no place puts each of its rest's figures under a run of the headings' rule", path)
        # (Every place puts each figure under the same run: the one whose digits reach past the runs' ends least,
        # the rest's and its rest's together (its marker hanging past or not); of those, the one whose figures end
        # nearest their runs' ends, right-aligned under them as the other rows' stand (the markers all hanging past
        # the runs or all inside them); of those, where the row's figures tell nothing of its rest's rest's marker
        # (hanging past or inside, "1,098,652 (c)" ending where "3,655,190" does), the way the other rows that tell
        # show, all alike, else inside; nearest the edge.)
        def fit(place: Place) -> tuple[int, int, int]:
            start, _, tail_start, under = place
            offs = zip(_off_runs(body, start, under), _off_runs(tail, tail_start, last))
            return -_past_runs(body, start, under) - _past_runs(tail, tail_start, last), -min(map(sum, offs)), start
        def fittest(places: list[Place]) -> list[Place]:
            best = max(map(fit, places))[:2]
            return [place for place in places if fit(place)[:2] == best]
        ties = fittest(places)
        if len({under for *_, under in ties}) > 1:
            # (Where the places leave it open, the software's width chooses: see `_cut_there`.)
            cut_there = [place for place in places if _cut_there(cut, body, tail, place, width)]
            ties = fittest(cut_there) if cut_there else ties
        if len({under for *_, under in ties}) > 1:  # (a column left blank in it, which is not sure)
            raise _twice(cut.line + 1, "its rest's figures fit under more than one choice of the rule's runs", path)
        if len({k for _, k, _, _ in ties}) > 1:
            untold[len(joined)] = (cut, ties)
        else:
            offs = zip(_off_runs(body, ties[0][0], ties[0][3]), _off_runs(tail, ties[0][2], last))
            past, inside = map(sum, offs)
            hanging |= {past < inside} if past != inside else set()
        joined.append(_set_after(cut, lines[cut.line], max(ties, key=lambda place: (-place[1], place[0]))))
    for k, (cut, ties) in untold.items() if hanging == {True} else ():
        joined[k] = _set_after(cut, lines[cut.line], max(ties, key=lambda place: (place[1], place[0])))
    return joined


def _rest_starts(cut: Cut, body: str, tail: str, tail_start: int) -> range:
    """Where a row's rest (`body`) may start, its rest's rest (`tail`) set from `tail_start`: a blank past its
    row's line at least, two before its rest's rest at most (a gutter between their columns); a blank before
    it exactly where the rest's rest opens on a marker that can be nothing else ("(c)   (29)": the marker of
    the rest's last figure, cut off it in the one blank typed between, "- (c)")."""
    least = len(cut.over) + 2
    if LEADING_MARK.match(tail) and _ends_unmarked(body):
        start = tail_start - len(body) - 1
        return range(start, start + 1) if start >= least else range(0)
    return range(least, tail_start - len(body) - 1)


def _cut_there(cut: Cut, body: str, tail: str, place: Place, width: int) -> bool:
    """Whether a software cutting each line at its last blank before its width, `width` (its widest cut line)
    at least, cut the row at `place`: the rest's first word would not have fitted on its row's line, nor its
    rest's rest's first word on the rest's line as printed ("3,318   1,207" under a label alone, "(1,865)
    2,660" its rest's rest: the opening's and the charges' figures, not the charges' and the other
    accounts', a column every row leaves blank).  Asked only where the places leave the runs open: a row
    cut by hand, or by software keeping a "$" with its figure, is read as before."""
    start, _, tail_start, _ = place
    word, then, indent = len(body.split()[0]), len(tail.split()[0]), printed_from(cut.rest) - 1
    return start + word - 1 > width and tail_start + then - start + indent > width


def _set_after(cut: Cut, tail: str, place: Place) -> Cut:
    """The rest with its rest's rest (`tail`, the next line) joined after it, each set from its place, the blanks
    between as they stood."""
    start, _, tail_start, _ = place
    body = cut.rest.rstrip()
    gap = tail_start - (start + len(body.strip()))
    return cut._replace(rest=body + " " * gap + tail.strip(), tail=len(body.strip()) + gap)


def _figure_runs(lines: Sequence[str], first: int, rows: tuple[int, int], width: int) -> list[list[tuple[int, int]]]:
    """The runs (first and last columns) over the figures' columns of the rules that show them, the surest first:
    the headings' rule typed whole, a rule among the rows (lines `rows`) the software left whole (wider than its
    widest cut line, `width`: a rule under a total's columns alone, no blank to cut it at within the width), then
    the headings' rule wrapped (its rests set back by the blanks between its runs: those at its cuts a guess).
    The labels' run, from the margin, is none of them."""
    found = []
    for rule in (_rule_typed_whole(lines, first, rows[0] - 1),
                 *(line for line in lines[rows[0] - 1 : rows[1]] if len(line.rstrip()) > width and line.strip()
                   and is_rule(line.strip())),
                 _wrapped_rule(lines, first, rows[0] - 1, width)):
        runs = [(m.start() + 1, m.end()) for m in _RUN.finditer(rule)]
        figures = runs[1:] if runs and runs[0][0] <= MOST_INDENT + 1 else runs
        if figures and figures not in found:
            found.append(figures)
    return found


def _under_runs(body: str, start: int, runs: Sequence[tuple[int, int]]) -> bool:
    """Whether the figures of `body`, set from column `start`, stand one under each run (in order),
    reaching past it by OVERHANG at most (a footnote's marker after a figure hanging past as it may)."""
    figures = [(start + m.start(), start + m.start() + _unmarked(m.group()) - 1) for m in NOTED.finditer(body)]
    return len(figures) == len(runs) and all(r0 - OVERHANG <= a and b <= r1 + OVERHANG and a <= r1 and b >= r0
                                             for (a, b), (r0, r1) in zip(figures, runs))


def _past_runs(body: str, start: int, runs: Sequence[tuple[int, int]]) -> int:
    """How far the figures of `body`, set from column `start`, reach past their runs' ends, in all: their
    last digits, a nil's dash (a negative's ")" or a marker may hang past: "-(a)" as "-")."""
    bare = [(m.start(), m.group()[:_unmarked(m.group())]) for m in NOTED.finditer(body)]
    return sum(max(0, start + at + len(figure) - 1 - _hang(figure) - r1) for (at, figure), (_, r1) in zip(bare, runs))


def _off_runs(body: str, start: int, runs: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """How far the figures of `body`, set from column `start`, end from their runs' ends, in all: each at its
    last digit or its negative's ")", the nearer; its marker hanging past the column ("-(a)" as "-"), and
    inside it ("1,597,843 (b)" ending there): the two sums."""
    hanging = inside = 0
    for m, (_, r1) in zip(NOTED.finditer(body), runs):
        at, bare = start + m.start() - 1, m.group()[:_unmarked(m.group())]
        plain = min(abs(at + end - r1) for end in (len(bare) - _hang(bare), len(bare)))
        hanging += plain
        inside += abs(at + len(m.group()) - r1) if len(bare) < len(m.group()) else plain
    return hanging, inside


def _wrapped_rule(lines: Sequence[str], first: int, last: int, width: int) -> str:
    """The headings' rule wrapped by the software reaching furthest, its rests set back on it ("": none)."""
    best = ""
    for chain in _chains([(n, body) for n, body in _heading_rests(lines, first, last, width) if is_rule(body)]):
        over = lines[chain[0][0] - 2].rstrip()
        for (_, body), start in zip(chain, _rule_starts(over, chain)):
            over += " " * (start - len(over) - 1) + body
        best = max(best, over, key=len)
    return best


def _rule_typed_whole(lines: Sequence[str], first: int, last: int) -> str:
    """The headings' rule typed whole (the headings typed within a wider margin than the rows): the last
    rule above the first row (`last`), under the headings; "" where none is wider than the width."""
    for n in range(last, first - 1, -1):
        body = lines[n - 1].rstrip()
        if body.strip() and is_rule(body.strip()):
            return body if len(body) > WIDTH else ""
    return ""


def _twice(line: int, why: str, path: str) -> InputError:
    return InputError(f"figures under a row's wrapped figures: the row wrapped twice by the filer's software, the "
                      f"blanks at both cuts lost ({why}: their columns are not sure)", path, line)


def _columns_placed(out: list[str], shift: dict[int, tuple[Moved, ...]], table: tuple, rests: tuple, reach: int,
                    first: int, path: str) -> list[tuple[int, int]]:
    """The table's columns where the rows' figures (set at the edge the rows show, in line: `_check_aligned`)
    place them: the runs of the rules (`rests`: the headings' rests, the rules' among them) that reach
    `reach` (the edge, or past it by the figures' hang), each rule's rests set back on them, else the
    figures' own (`_ruled_columns`); an input error where a rest of figures stands under no row, or the
    figures stand under no rule's runs."""
    (lines_, wrapped_, found), (headings, rules) = table, rests
    heads = {n for n, _ in headings}
    # (Figures alone at the margin under no row's line, a page's headings between, say: a rest whose
    # row is not sure, read as a row of its own it would be a total.)
    # (A heading's rest of notes' markers alone, "(2)" cut off "(1)", is the headings'.)
    stray = next((k for k, line in enumerate(lines_, first)
                  if k not in wrapped_ and k not in heads and REMNANT.match(line)), None)
    if stray is not None:
        raise InputError("figures alone at the margin under no row wrapped there, in a table wrapped by the "
                         "filer's software: whose row's rest? (their row is not sure)", path, stray)
    # (A row's line ending on a marked figure, "2,345,628(a)", shows the edge past where it is by its marker
    # (a negative's ")" by one).)
    slack = max(_last_hang(c.over) for c in found)
    figures = [list(NOTED.finditer(out[c.at - 1])) for c in found]  # (each rejoined row's)
    columns = _ruled_columns(out, shift, rules, reach, _columns(figures), path, slack)
    # (A heading's words over its column's rule, its run of dashes as wide as the heading typed over it:
    # "other accounts" over a column of nils "-", 14 letters over one; else over its column's figures.)
    return _run_columns(out, columns, rules, reach)


def _headings_placed(out: list[str], shift: dict[int, tuple[Moved, ...]], rests: tuple, columns: list[tuple[int, int]],
                     edges: tuple[int, int], block: tuple[int, int], path: str, vocabulary: Vocabulary) -> None:
    """The headings' words' rests (`rests`: the headings' rests, the rules' among them, and the rests' rests
    told only by the blanks lost at the second cut, `_lost_blanks`) set back over
    the table's `columns` (`_columns_placed`), as far as the `edges` (the rows', the widest of the
    headings' cut lines as they were before the rules' rests were set back); an input error where a
    heading's rest has no one place."""
    (headings, rules, lost_blanks), (edge, widest) = rests, edges
    ruled = {part for chain in rules for part in chain}
    words = [h for h in headings if h not in ruled]
    place_headings(out, shift, words, (edge, widest), columns, block, path, vocabulary, lost_blanks)


def _run_columns(out: Sequence[str], columns: list[tuple[int, int]], rules: Sequence[Sequence[tuple[int, str]]],
                 reach: int) -> list[tuple[int, int]]:
    """The columns (`columns`, counted from the right, as `_ruled_columns` found them under a rule
    set back at the edge) each widened to its rule's run of dashes; as they are where no rule was set back."""
    for chain in rules:
        rule = out[chain[0][0] - 2]
        if len(rule.rstrip()) != reach:
            continue
        runs = [(m.start() + 1, m.end()) for m in _RUN.finditer(rule)][::-1]
        return [(min(c0, r0), max(c1, r1)) for (c0, c1), (r0, r1) in zip(columns, runs)]
    return columns


_TOKEN = lazy_compile(r"\S+")


def label_rests(lines: Sequence[str], region: Region, width: int) -> dict[int, str]:
    """Each line of the region that is the rest of a row's label, wrapped inside it by the filer's
    software (an 86-character label: "... in the balance" over "sheet   $ 4,870,000 ..."): a label's
    words from column 1 (or a few blanks in), its figures after them, under a label alone, no figure
    on it, so long that the rest's first word did not fit within the rows' cut (`width`); each with
    the row's line joined, one blank between (as the label was typed), its figures where they stood."""
    block = lines[region.first - 1 : region.last]
    found: dict[int, str] = {}
    for n, over, line in zip(range(region.first + 1, region.last + 1), block, block[1:]):
        label = over.rstrip()
        if (len(label) < WIDTH // 2 or len(label) > WIDTH or not line or line[:MOST_INDENT + 1].isspace()
                or printed_from(label) > MOST_INDENT + 1 or not label.lstrip()[:1].isalpha() or label.endswith(":")):
            continue  # (a group's caption ends on ":"; most lines are passed over here)
        words = [(m.start(), m.group()) for m in _TOKEN.finditer(line)]
        figures = len(words)
        while figures and (words[figures - 1][1] == "$" or NOTED.fullmatch(words[figures - 1][1])
                           or figures > 1 and MARK_WORD.fullmatch(words[figures - 1][1])
                           and NOTED.fullmatch(words[figures - 2][1])):  # (a figure's marker apart: "- (a)", "96 1/")
            figures -= 1
        tail = [w for _, w in words[figures:] if w != "$"]
        if (not figures or not tail or any(ch.isdigit() for _, w in words[:figures] for ch in w)
                or all(BARE_YEAR.match(w) for w in tail) or not words[0][1][:1].isalpha()
                or words[figures][0] - words[figures - 1][0] - len(words[figures - 1][1]) < 2
                or any(ch.isdigit() for m in NOTED.finditer(label) for ch in m.group())):
            continue  # (words, two blanks, figures alone; a year is a caption's, a label's figure a row's)
        if len(label) + 1 + len(words[0][1]) > width:
            found[n] = label + " " + line.strip()
    return found


def _fitting(labels: dict[int, str], found: Sequence[Cut], edge: int) -> dict[int, str]:
    """The labels' rests (`label_rests`) whose rows, each joined, fit within the table's edge: the
    edge a line typed whole shows (`edge`), else as far right as the other rows' rests reach (a
    column's blanks past where they show it at least); all of them where every wrapped row's label
    is (nothing else shows the edge: their figures are checked aligned)."""
    others = [c for c in found if c.line - 1 not in labels]
    if edge >= _edge_of_rows(found):
        bound = edge
    elif others:
        bound = _edge_of_rows(others) + COLUMN_BLANKS
    else:
        return labels
    under = {c.line - 1: c for c in found}
    return {n: joined for n, joined in labels.items() if _fits(joined, bound, under.get(n))}


def _fits(joined: str, edge: int, cut: Optional[Cut]) -> bool:
    """Whether a row, its label's rest joined to it, fits within the table's edge: its rest (`cut`,
    if it has one) set at the edge right of it, else its last figure at the edge at most (where
    not, the label was typed on two lines by the filer, its figures in place)."""
    if cut is not None:
        body = cut.rest.strip()
        return edge - len(body) + _last_hang(body) + 1 >= len(joined) + 2
    return len(joined.rstrip()) - _last_hang(joined) <= edge + OVERHANG


def _columns(rows: Sequence[Sequence[re.Match[str]]]) -> list[tuple[int, int]]:
    """Each figure column's span (1-based first and last column) on the rejoined rows (`rows`:
    each one's figures), counted from the right, as many as every row holds (a year or a number in
    a row's label is no column; a row holding fewer figures is refused by `short_rows`): to its figures'
    last digits or ")", a footnote's marker hanging past ("975(a)", "377 (a)": a note, not the column's)."""
    return [(min(r[-1 - k].start() for r in rows if len(r) > k) + 1,
             max(r[-1 - k].start() + _unmarked(r[-1 - k].group()) for r in rows if len(r) > k))
            for k in range(min(len(r) for r in rows))]


def _ruled_columns(out: list[str], shift: dict[int, tuple[Moved, ...]], rules: Sequence[Sequence[tuple[int, str]]],
                   edge: int, columns: list[tuple[int, int]], path: str, slack: int = 0) -> list[tuple[int, int]]:
    """The table's columns (counted from the right) where a wrapped rule under the headings reaches
    the edge: its dashes' runs, each rule set back on its line, its every rest (`rules`: each rule's
    rests, a rest's rest after it) set back in turn (a column no row prints a figure in, "Charged to
    other accounts" left blank throughout, is a column: the heading words over it are placed as over
    any other); else the figure columns (`columns`).  A rule ending short of the edge by `slack` at most
    (the widest marker ending a row's line before its cut) is set back ending at it.  An input error at
    the rule's rest where a figure column does not stand under one run of its own, or the last run holds none."""
    ruled: Optional[list[tuple[int, int]]] = None
    for chain in rules:
        head = chain[0][0] - 1
        starts = _rule_starts(out[head - 1].rstrip(), chain)
        short = edge - (starts[-1] + len(chain[-1][1]) - 1)
        if short < 0 or short > slack:
            continue  # (a rule short of the edge shows no column's place: the figures' columns serve)
        # (Set back at its fewest blanks it ends short of the edge the rows show by a footnote's marker at
        # most, "2,345,628(a)" cut off its row's rest a blank after its marker: the blanks at its cut were
        # as many, its last run ends under the last figures' last digits.)
        starts = [start + short for start in starts]
        for (n, body), start in zip(chain, starts):
            set_back(out, shift, n, body, start, head)
        runs = _columns_under(out[head - 1], columns, chain[0][0], path)
        if ruled is not None and runs != ruled:
            raise InputError(_NOT_RULED, path, chain[0][0])
        ruled = runs
    return columns if ruled is None else ruled


_RUN = lazy_compile(r"[-=]+")
_NOT_RULED = ("the figures do not stand under the headings' rule, one column under each run of its dashes, in a table "
              "wrapped by the filer's software: their columns are not sure")


def _columns_under(rule: str, columns: Sequence[tuple[int, int]], n: int, path: str) -> list[tuple[int, int]]:
    """The figure columns and the rule's runs no figure stands under, from the first figure
    column's run to the last (counted from the right); an input error (line `n`) where a figure
    column stands under other than one run (its figures OVERHANG past it at most), two under one,
    or the last run holds none."""
    runs = [(m.start() + 1, m.end()) for m in _RUN.finditer(rule)]
    held = [[j for j, (a, b) in enumerate(runs) if c0 <= b and c1 >= a] for c0, c1 in columns]
    if (not columns or any(len(h) != 1 for h in held) or len({h[0] for h in held}) != len(held)
            or held[0][0] != len(runs) - 1
            or any(c0 < runs[h[0]][0] - OVERHANG or c1 > runs[h[0]][1] + OVERHANG for (c0, c1), h in zip(columns, held))):
        raise InputError(_NOT_RULED, path, n)
    spans = {h[0]: column for column, h in zip(columns, held)}
    return [spans.get(j, runs[j]) for j in range(len(runs) - 1, held[-1][0] - 1, -1)]


def _chains(rests: Sequence[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The rests (line, words), each with the rests of it after it: a line wrapped twice, its rest's
    rest on the line under its rest (a rule 150 columns wide at 80: three lines)."""
    chains: list[list[tuple[int, str]]] = []
    for n, body in rests:
        if chains and chains[-1][-1][0] == n - 1:
            chains[-1].append((n, body))
        else:
            chains.append([(n, body)])
    return chains


def _rule_starts(over: str, chain: Sequence[tuple[int, str]]) -> list[int]:
    """Where each of a rule's rests (`chain`, a rest's rest after it) starts (1-based) set back on the
    rule's line (`over`), the blanks at each cut as few as between any two of its columns' rules (a
    rule typed under each column, as far apart throughout): the last one's end shows the edge as a
    row's rest does.  The gap after the labels' rule, from the margin, is none of them: often the
    narrowest, it would set the rests short of where they stood (the cut is between two columns)."""
    label = _RUN.match(over.lstrip()) if printed_from(over) <= MOST_INDENT + 1 else None
    columns = over[printed_from(over) - 1 + label.end():] if label else over
    gaps = [len(g) for part in (columns, *(body for _, body in chain))
            for g in re.findall(r"(?<=[-=]) +(?=[-=])", part)] or [1]
    starts, end = [], len(over)
    for _, body in chain:
        starts.append(end + min(gaps) + 1)
        end = starts[-1] + len(body) - 1
    return starts


def _edge_of_rows(found: Sequence[Cut], inside: Optional[int] = None) -> int:
    """The table's right edge (its last column's last digit) where no line shows it: at least
    each row's line and its rest with one blank between; the widest so (a rest set further
    right than its widest row is set as far right alike: every rest kept in line); `inside`, the
    markers typed inside their columns (`_edge_hang`)."""
    return max(len(c.over) + 1 + len(c.rest.strip()) - _edge_hang(c.rest, inside) for c in found)


def _heading_rests(lines: Sequence[str], first: int, last: int, width: int) -> list[tuple[int, str]]:
    """The headings' lines (`first` to `last`, above the first wrapped row) that are the rest of
    the heading line above, wrapped as the rows were: words from column 1 (or a few blanks in)
    under a line so long that their first word did not fit on it (`heading_rests.place_headings` sets each
    back where it fits right of its line); a rule's rest shows the edge as a row's does (rules
    are typed under their columns' figures).  `width`: the rows' cut."""
    found = _rests_under(lines, (first, last), width, width)
    # (The software cut at least as wide as each heading line of several words it cut: where every row's line
    # is its label alone, "Allowance for doubtful accounts   $", the rows' cut falls short of it, and a heading
    # word alone past the rows' cut, "AT" over "BEGINNING ... BALANCE AT", is a line cut all the same.)
    widest = max([width] + [len(lines[n - 2].rstrip()) for n, _ in found if " " in lines[n - 2].strip()])
    return _rests_under(lines, (first, last), width, widest) if widest > width else found


def _rests_under(lines: Sequence[str], block: tuple[int, int], width: int, cut: int) -> list[tuple[int, str]]:
    """`_heading_rests`, a heading word alone on a line longer than `cut` (the software's cut, at least the
    rows', `width`) left whole by the software (`_uncut`)."""
    first, last = block
    found: list[tuple[int, str]] = []
    for n in range(first + 1, last + 1):
        # (A rest's rest: words from the margin under a rest of a line cut once, however short the rest as
        # printed: the blanks between its words and its rest's rest's, lost at the cut, made it long; unless
        # it is a line cut itself, typed whole from the margin under the rest: "DEDUCTED FROM ... BEGINNING OF".)
        rests_rest = (bool(found) and found[-1][0] == n - 1 and (len(found) < 2 or found[-2][0] != n - 2)
                      and _cut_off(lines, n, (width, cut), short=True)
                      and not (n < last and _cut_off(lines, n + 1, (width, cut))))
        if rests_rest or _cut_off(lines, n, (width, cut)):
            found.append((n, lines[n - 1].strip()))
    return found


def _cut_off(lines: Sequence[str], n: int, widths: tuple[int, int], short: bool = False) -> bool:
    """Whether line `n` may be the rest of the line above it (`short`: however short that line as printed):
    words from column 1 (or a few blanks in) under a line so long that their first word did not fit on it
    (`widths`: the rows' cut, and the software's, `_rests_under`)."""
    width, cut = widths
    over, line = lines[n - 2].rstrip(), lines[n - 1]
    body = line.strip()
    if (not body or line[:MOST_INDENT + 1].isspace() or len(over) > WIDTH or is_rule(body) != is_rule(over)
            or is_tags(over) and not is_tags(body) or _uncut(over, cut)):
        # (A rule under words, or words under a rule, is a line of its own: a rule's rest is a rule; a <S>/<C>
        # line's rest is markers, "Year ended December 31, 1994:" under "<C>   <C>" a line of its own.)
        return False
    return short or _past_the_cut(over, body, width)


def _past_the_cut(over: str, body: str, width: int) -> bool:
    """Whether a line's first word (`body`'s) could not have stood after the line above as printed (`over`,
    at least half EDGAR's width long) within the rows' cut (`width`)."""
    # (A <S>/<C> line's rest, markers alone under markers, whatever the blanks before them: a column's width.)
    return len(over) >= WIDTH // 2 and (len(over) + COLUMN_BLANKS + len(body.split()[0]) > width
                                        or (is_tags(body) and is_tags(over)))


def _lost_blanks(lines: Sequence[str], headings: Sequence[tuple[int, str]], width: int) -> frozenset[int]:
    """The heading rests' rests (`_heading_rests`) told only by the blanks lost at the second cut: their first
    word would have fitted after their rest as printed (`heading_rests.place_headings` lets the headings tell
    their place among several)."""
    rests = {n for n, _ in headings}
    return frozenset(n for n, body in headings if n - 1 in rests and not _past_the_cut(lines[n - 2].rstrip(), body, width))


def _uncut(line: str, width: int) -> bool:
    """Whether a heading line reaching past the rows' cut is one word alone ("ADDITIONS" from column 70 at
    72): the software, finding no blank to cut it at, left it whole; the line under it is no rest of it.
    (A footnote's marker alone, "(1)", is a line cut after it: the marker opens its heading's words.)"""
    body = line.strip()
    return len(line) > width and " " not in body and not is_tags(body) and not MARKER.fullmatch(body)


def _tags_rests(lines: Sequence[str], first: int, last: int) -> list[int]:
    """The headings' lines (`first` to `last`) that are the rest of an <S>/<C> line wrapped by the
    filer's software: <C> markers alone from the margin (or a few blanks in) under a line of markers
    from <S> (a wide label column: "<S>" alone, its blanks cut).  EDGAR's markers are typed on one
    line, <S> first: markers under it starting with <C> are its rest, however few blanks it kept."""
    found: list[int] = []
    for n in range(first + 1, last + 1):
        over, line = lines[n - 2].strip(), lines[n - 1]
        body = line.strip()
        if (body[:3].upper() == "<C>" and is_tags(body) and not line[:MOST_INDENT + 1].isspace()
                and over[:3].upper() == "<S>" and is_tags(over)):
            found.append(n)
    return found


def _check_aligned(rows: Sequence[Sequence[re.Match[str]]], found: Sequence[Cut], path: str) -> None:
    """An input error where the rests, set at an edge read off the rows, do not
    land in the same columns row after row: each of a rest's figures must end
    where the figures of its column end on every rejoined row (`rows`: each one's figures)."""
    ends: dict[int, set[int]] = {}
    for cut, row in zip(found, rows):
        # (The rest's figures and the row's last before them; a nil's dash counted, not placed.)
        figures = row[-len(NOTED.findall(cut.rest)) - 1:]
        for j, m in enumerate(reversed(figures)):
            if any(ch.isdigit() for ch in m.group()):
                shown = _edges_shown(m.group(), m.end())
                ends[j] = ends.get(j, shown) & shown
    if not all(ends.values()):
        raise refusal(found[0], path)


def _edges_shown(figure: str, end: int) -> set[int]:
    """Where the column of a figure ending at `end` (its marker with it) may end: under its last digit,
    or one past it (a negative's ")" standing in the gutter, its own or its column's others'); where its
    marker ends (figure and marker set to the edge together, "5,483,000 (b)"), or one short of that on a
    negative, its ")" in the gutter pushing the marker on by one ("(5,483,000) (b)")."""
    last, bare = end - _hang(figure), _unmarked(figure)
    pushed = bare < len(figure) and figure[bare - 1] == ")"
    return {last, last + 1, end, end - 1 if pushed else end}


def _hang(figure: str) -> int:
    """How far a figure reaches past its last digit, the column's edge: a negative's ")", a
    footnote's marker ("975(a)", "1,204 1/": the marker's own digits none of the figure's); a nil's
    dash stands at the edge."""
    amount = FIRST_FIGURE.match(figure)
    digits = [k for k, ch in enumerate(amount.group() if amount else figure) if ch.isdigit()]
    return len(figure) - digits[-1] - 1 if digits else 0


def _unmarked(figure: str) -> int:
    """How long a figure is without the footnote's marker after it ("975(a)", "377 (a)": 3)."""
    amount = FIRST_FIGURE.match(figure)
    return amount.end() if amount else len(figure)


def _marker_width(text: str) -> int:
    """How wide the footnote's marker after the last figure of `text` is, with its blank (0: none)."""
    figures = list(NOTED.finditer(text))
    return len(figures[-1].group()) - _unmarked(figures[-1].group()) if figures else 0


def _last_hang(text: str) -> int:
    """`_hang` of the last figure of `text` (a rest, a row's line), its marker with it where one is set a
    blank apart ("377 (a)", "1,204 1/"), else of its last word."""
    last = text.split()[-1]
    if not NOTED.fullmatch(last):
        figures = list(NOTED.finditer(text))
        if figures and not text[figures[-1].end():].strip():
            last = figures[-1].group()
    return _hang(last)


def _edge_hang(text: str, inside: Optional[int]) -> int:
    """How far the last figure of `text` reaches past the column's edge (`_last_hang`: None, the markers
    hanging past their columns, a nil's too, "-(a)" its dash at the edge); the markers typed inside their columns, a marked figure's marker ends
    `inside` past the edge (0: where "567" ends, "1,234(a)", "(96)(b)", "96 (2)"; 1: where "(31)" ends,
    the column's unmarked figures negatives hanging their ")" past the digits, "(6)(c)", "995(b)")."""
    figures = list(NOTED.finditer(text))
    if not figures or text[figures[-1].end():].strip() or not _marker_width(text):
        return _last_hang(text)
    if inside is None:
        return _last_hang(text) or _marker_width(text)
    return inside


def short_rows(rejoined_: Rejoined, figures: dict[int, int], path: str) -> None:
    """An input error at the first rest whose rejoined row holds fewer figures than
    the table's fullest row (`figures`: each row line's count): a blank cell on
    it, its last figure may stand under another column than the last; likewise at
    a label's rest (its row's last figures wrapped off it and lost: a page break
    between, say)."""
    most = max(figures.values(), default=0)
    for cut in rejoined_.cuts:
        if figures.get(cut.at, 0) < most:
            raise InputError(f"the row's last figures wrapped onto a line of their own, the row holding "
                             f"{figures.get(cut.at, 0)} figures of {most}: their columns are not sure", path, cut.line)
    for n in rejoined_.labels:
        if figures.get(n - 1, 0) < most:
            raise InputError(f"the row's label wrapped onto a line of its own, its figures after it, the row holding "
                             f"{figures.get(n - 1, 0)} figures of {most}: the rest of its figures wrapped off and "
                             f"lost? (their columns are not sure)", path, n)


def closing_last(schedule: Schedule, rejoined_: Rejoined, path: str, vocabulary: Vocabulary) -> None:
    """An input error at the first rest where the table's last column, the one every rest's last
    figure is set under, is headed as a movement or the opening balance (no closing's word in its
    heading): a row's last figure is its closing balance, so the rests were set a column too far
    right (a headings' rule, or a heading typed whole, running past the rows' last figures over a
    column no row prints in)."""
    heading = schedule.columns[-1].heading if schedule.columns else ""
    if rejoined_.cuts and (names_a_movement(heading, vocabulary) or vocabulary.opening_only.search(heading)) \
            and not vocabulary.closing_only.search(heading):
        raise InputError(f"the rows' last figures wrapped onto a line of their own, set under the last column, "
                         f"headed '{heading}': not the balance at end (their columns are not sure)",
                         path, rejoined_.cuts[0].line)


def as_printed(schedule: Schedule, rejoined_: Rejoined) -> Schedule:
    """The schedule with every rejoined figure located where it is printed."""
    def cell(c: Optional[Cell]) -> Optional[Cell]:
        if c is None or c.line not in rejoined_.shift:
            return c
        line, column = rejoined_.printed_at(c.line, c.column)
        return c if line == c.line else replace(c, line=line, column=column, end_column=column + c.end_column - c.column)

    def position(p: Position) -> Position:
        return Position(*rejoined_.printed_at(p.line, p.column))

    periods = tuple(replace(p, rows=tuple(replace(r, cells=tuple(cell(c) for c in r.cells)) for r in p.rows))
                    for p in schedule.periods)
    return replace(schedule, periods=periods, unread=tuple(position(p) for p in schedule.unread))

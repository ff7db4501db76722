"""A note's marker or a negative figure: which of the small figures in parentheses ("(1)",
"(96)") a row of a part after a page break prints are its figures, and which are notes' markers
beside them, before `row_places` and `placing` place its figures.

A "(1)" right after a figure is a note's marker unless the row, without it, prints one figure too
few and a cell for every column (or a note's own marker after it, or the table's notes naming
markers but not it): then a negative figure.  The markers the table prints as such elsewhere
(under a heading of their own, raised, among words) are markers everywhere in it.
"""

from __future__ import annotations

import re
from typing import Optional

from auditor.frontends.html.figures import kind, lone_marker, nonblank, tokens
from auditor.frontends.html.grid import Grid, HtmlCell
from auditor.frontends.html.slots import Slot, column_figure, figure_rows, label_end
from auditor.labels import NUMBERED_MARK, NUMBERED_MARKER_ALONE
from auditor.lazy_pattern import lazy_compile


# A note's "(1)" among a text cell's words, not a figure's digits.
_NUMBERED_IN_WORDS = lazy_compile(rf"(?<![\d,.]){NUMBERED_MARK}")
# A note under a table, opening on its marker ("(1) Includes ...", "(d) Charged to ..."): the marker.
NOTE_OPENS = lazy_compile(r"\((\d{1,2}|[a-z])\)\s*(?=[a-z])", re.IGNORECASE)
# A note's marker opening a later line of a cell holding a run of notes ("... businesses.<br>(2) ...").
NOTE_OPENS_AFTER = lazy_compile(r"(?<=[.;])\s+\((\d{1,2}|[a-z])\)\s*(?=[a-z])", re.IGNORECASE)


def _figure_in(cell: HtmlCell, own: list[int], before: Optional[HtmlCell]) -> bool:
    """A figure of the row: `column_figure`, or a small one in parentheses ("(96)") in
    a column other rows print figures in, not right after a figure (a note's
    "(2)" beside its figure)."""
    if column_figure(cell):
        return True
    after_figure = before is not None and before.last + 1 == cell.column and kind(before) == "figure"
    return cell.column in own and kind(cell) == "figure" and not after_figure


def figures_not_markers(cells: list[HtmlCell], shown: list[HtmlCell], own: list[int], to: dict[int, Slot],
                        columns: int, markers: frozenset[str] = frozenset(),
                        noted: frozenset[str] = frozenset()) -> list[HtmlCell]:
    """A row's figures (`_figure_in`).  A small one in parentheses right after a figure ("(96)",
    "(1)") is a note's marker beside it, but not where the row prints one figure fewer than the
    first part's columns without it, as many with it, and either a cell for every column, none
    blank (a row laid on a grid of its own, no spacer between its figures), or a note's marker of
    its own right after it ("(1)" "(d)": a marker carries none; `_marked`), or none of the markers
    the table and its notes name (`markers`) where the notes name any (`noted`, `_unnamed`): its
    negative figure then
    (in the part's columns of figures where those are the first's one for one: "(11)" "(10)")."""
    figures, every = _both(shown, own, to, columns)
    if every is None:
        return figures
    plain = _spacerless(cells) or _marked(shown, every, figures, markers) or _unnamed(every, figures, markers, noted)
    return every if plain else figures


def unsure(cells: list[HtmlCell], shown: list[HtmlCell], own: list[int], to: dict[int, Slot], columns: int,
           markers: frozenset[str] = frozenset(), noted: frozenset[str] = frozenset()) -> list[HtmlCell]:
    """The small figure in parentheses ("(1)") right after a figure that `figures_not_markers` read one
    way with nothing in the table telling: the row prints a figure for every column with it, one too
    few without (it alone set aside), blank spacer cells between its figures, no note read anywhere
    (`noted`), and it no marker the table prints as one elsewhere (`markers`).  Its reading is the
    arithmetic's (Row.either; `_marked`'s "(1)" "(d)" a guess too, the "(d)" as well a second marker)."""
    figures, every = _both(shown, own, to, columns)
    if every is None or noted or _spacerless(cells):
        return []
    kept = set(map(id, figures))
    aside = [c for c in every if id(c) not in kept]
    # (one alone: where two are set aside, "29" "(14)" "(1)" "(d)", the reading with fewer figures
    # finds less by having less to add, a real figure among them dropped: `_marked` reads them)
    return aside if len(aside) == 1 and lone_marker(aside[0]) and aside[0].text.strip() not in markers else []


def _both(shown: list[HtmlCell], own: list[int], to: dict[int, Slot],
          columns: int) -> tuple[list[HtmlCell], Optional[list[HtmlCell]]]:
    """A row's figures read with each small one in parentheses right after a figure a note's marker
    (`_figure_in`), and read with each a figure where that prints one figure for every column and
    the marker reading fewer (None where not)."""
    figures = [c for c, before in zip(shown, [None, *shown]) if (c.column in own or not to) and _figure_in(c, own, before)]
    if len(figures) >= columns:
        return figures, None
    every = [c for c in shown if c.column > 0 and kind(c) == "figure"]
    if len(every) != columns or not all(c.column in to for c in every if to):
        return figures, None
    return figures, every


def _spacerless(cells: list[HtmlCell]) -> bool:
    """A row laid on a grid of its own with no spacer between its figures: a cell for each, none blank."""
    return all(kind(c) != "blank" for c in cells if c.column >= label_end([cells]))


def _marked(shown: list[HtmlCell], every: list[HtmlCell], figures: list[HtmlCell],
            markers: frozenset[str] = frozenset()) -> bool:
    """Whether each small figure in parentheses `figures` sets aside as a note's marker is followed,
    in the next cell printing something, by a note's marker alone ("(1)" then "(d)"), or by another
    such figure that is ("5" "(4)" "(1)" "(b)": a charge turned negative right after the opening's
    cell, the next column's "(1)" with its note; a marker carries none); none of them a marker the
    table prints as one elsewhere (`markers`: "231" "(1)" "(d)", a figure's two notes)."""
    after = dict(zip(map(id, shown), [*shown[1:], None]))
    kept = set(map(id, figures))
    aside = [c for c in every if id(c) not in kept]
    told: set[int] = set()  # (from the right: the figure a chain's next one is, told first)
    for c in reversed(aside):
        nxt = after[id(c)]
        if not lone_marker(c) or c.text.strip() in markers or nxt is None or not (_note(nxt) or id(nxt) in told):
            return False
        told.add(id(c))
    return True


def _unnamed(every: list[HtmlCell], figures: list[HtmlCell], markers: frozenset[str], noted: frozenset[str]) -> bool:
    """Whether each small figure in parentheses `figures` sets aside ("(1)") is none of the markers
    the table and its notes name (`markers`), where the schedule's notes were read and name some
    (`noted`): beside notes naming "(a)" and "(d)", a "(1)" no note names is the row's negative
    figure, not a marker whose note is lost (with no note read, it may be: a marker then)."""
    kept = set(map(id, figures))
    aside = [c for c in every if id(c) not in kept]
    return bool(noted) and all(lone_marker(c) and c.text.strip() not in markers for c in aside)


def table_markers(grid: Grid, part: Grid) -> frozenset[str]:
    """The small figures in parentheses ("(1)") a table prints as notes' markers: in the first
    part, one right after a figure in grid columns no figure of it stands in (beside its figure,
    under its heading: "12 | | (1) | | 5"); in either part, one raised (<sup>), flagged a figure's
    marker by its columns (`marks.notes`), or among words (a label's or a heading's "Reserves (1)",
    a note's line under the table "(1) Includes ...")."""
    found: set[str] = set()
    rows = figure_rows(grid.rows)
    figured = {n for cells in rows for c in cells if column_figure(c) for n in range(c.column, c.last + 1)}
    for cells in rows:
        shown = [c for c in nonblank(cells) if c.text.strip() != ")"]
        found.update(c.text.strip() for c, before in zip(shown[1:], shown) if lone_marker(c) and column_figure(before)
                     and figured.isdisjoint(range(c.column, c.last + 1)))
    for either in (grid, part):
        for cells in either.rows:
            for c in cells:
                if "(" not in c.text:
                    continue
                if c.note:
                    found.add(c.text.strip())
                elif kind(c) == "text":
                    found.update(m.group() for m in _NUMBERED_IN_WORDS.finditer(c.text))
                else:
                    found.update(t.text.strip() for t in tokens(c)
                                 if c.sup[t.start] and NUMBERED_MARKER_ALONE.match(t.text.strip()))
    return frozenset(found)


def _note(cell: HtmlCell) -> bool:
    """A cell printing a note's marker alone ("(d)", "*")."""
    toks = tokens(cell)
    return bool(toks) and all(t.kind == "note" for t in toks)


def row_notes(shown: list[HtmlCell]) -> Optional[set[str]]:
    """The markers ("(1)", "(a)") of a row of notes (its cells printing anything, `shown`): it opens on a
    note's marker, in a cell of its own or not, followed by the note's words ("(1)" | "Includes
    amounts of acquired businesses.", spacer cells between or none), no figure after it; the markers
    opening the notes after it in the same cell, a sentence ended before each, too.  None where the
    row is no row of notes."""
    return None if any(kind(c) == "figure" for c in shown[1:]) else notes_in(" ".join(c.text.strip() for c in shown))


def notes_in(text: str) -> Optional[set[str]]:
    """The markers ("(1)", "(a)") of a text of notes (a row's, a table's <caption>): it opens on a note's
    marker and its words, and the notes after it open on theirs, a sentence ended before each.
    None where the text opens on no note."""
    m = NOTE_OPENS.match(text.strip())
    if m is None:
        return None
    return {note_marker(n) for n in [m] + list(NOTE_OPENS_AFTER.finditer(text))}


def note_marker(opening: re.Match) -> str:
    """The marker a note opens on (NOTE_OPENS), as the table prints it beside a figure: "(1)", "(a)"."""
    return f"({opening.group(1).lower()})"

"""The text front end: every Schedule II of an EDGAR text exhibit, laid out.

`locate` finds each table under its title, `parse` reads its lines, `layout`
builds the Schedule; schedules printed one table per year are joined into
one (`layout.joined_years`), which needs their columns read: the reading
stage is passed in for that decision alone.  A table typed in two parts, its
columns split one part under the other, is joined side by side (`halves`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from auditor.errors import InputError
from auditor.frontends import Read, Vocabulary
from auditor.frontends.text import halves, layout, locate, parse, transposed, wrapped
from auditor.frontends.text.headings import vocabulary_of
from auditor.model import Schedule
from auditor.source import Source


def tables(src: Source, vocabulary: Vocabulary, read: Read) -> list[Schedule]:
    found: list[Schedule] = []
    joined_to = 0  # the last line of a second part joined to the table above it
    for region in locate.regions(src, [], vocabulary.roles):
        if region.last <= joined_to:
            continue  # (a second part under a title typed again: read with its first)
        rejoined = wrapped.rejoined(src.lines, region, src.path, vocabulary_of(vocabulary.roles))
        if rejoined is not None:
            region = region._replace(last=rejoined.last)
        lines = parse.lines(src, region) if rejoined is None else _rejoined_parsed(src.path, rejoined, region)
        if rejoined is not None:
            wrapped.short_rows(rejoined, {ln.number: len(ln.figures) for ln in lines if ln.kind == "row"}, src.path)
        # (A table printing its movements as rows is marked so by locate: `transposed`.)
        laid = (transposed if region.transposed else layout).build(lines, region.title_line, src.path)
        if rejoined is not None:
            if not region.transposed:
                wrapped.closing_last(laid, rejoined, src.path, vocabulary_of(vocabulary.roles))
            laid = wrapped.as_printed(laid, rejoined)
        if laid.units is None:  # (stated on the title's first line, above the line naming the schedule)
            laid = replace(laid, units=locate.title_units_above(src.lines, region.title_line))
        if not region.transposed and halves.needs_rest(laid, vocabulary.roles):
            laid, joined_to = _with_rest(src, region, laid, vocabulary, joined_to)
        found.append(laid)
    return _years_joined(found, read)


def _rejoined_parsed(path: str, rejoined: wrapped.Rejoined, region: locate.Region) -> list[parse.Line]:
    """A wrapped table's lines, its rows rejoined, typed by the grammar; a line it refuses is named where
    the refused text is printed (a rest set back on its row's line: "21076)" printed at 4:6, not 3:68)."""
    try:
        return parse.lines(_Lines(path, rejoined.lines), region)
    except InputError as error:
        if error.line is None or error.column is None:
            raise
        line, column = rejoined.printed_at(error.line, error.column)
        raise InputError(error.message, error.path, line, column) from None


class _Lines(NamedTuple):
    """A source's lines as the grammar is to read them (a wrapped table's rows rejoined)."""

    path: str
    lines: list[str]


def _with_rest(src: Source, region: locate.Region, first: Schedule, vocabulary: Vocabulary,
               joined_to: int) -> tuple[Schedule, int]:
    """A table lacking a balance joined to the second part typed under it,
    where one holds the rest of its columns (`halves`); else as it is."""
    headings = vocabulary_of(vocabulary.roles)
    part = locate.part_after(src, region, headings)
    if part is not None:
        second = layout.build(parse.lines(src, part), part.title_line, src.path)
        if not halves.supplies_rest(first, second, vocabulary.roles):
            return first, joined_to
        after = locate.table_on_next_page(src, part.last)
        if after is not None:
            raise InputError(f"the table opened at line {after}, on the page after the schedule's two parts (the second "
                             f"opened at line {part.first}), is not read with them: its rows would be missing", src.path, after)
        return halves.joined(first, second, src.path), part.last
    # Typed without tags, the second part is read as the first's blocks: split where it starts.
    for start in locate.part_starts_within(src, region, headings):
        first_part = locate.Region(region.first, start - 1, region.title_line)
        second_part = locate.Region(start, region.last, start)
        try:
            alone = layout.build(parse.lines(src, first_part), region.title_line, src.path)
            second = layout.build(parse.lines(src, second_part), start, src.path)
        except InputError:
            continue
        if halves.supplies_rest(alone, second, vocabulary.roles):
            return halves.joined(alone, second, src.path), joined_to
    return first, joined_to


def _years_joined(laid_out: list[Schedule], read: Read) -> list[Schedule]:
    """One-year tables joined where their titles, units and columns as read
    agree (`layout.joined_years`), each joined or lone table as laid out."""
    if sum(len(s.periods) == 1 for s in laid_out) < 2:
        return laid_out  # nothing to join: no table is read twice
    assigned = [read(s) for s in laid_out]
    # joined_years gives back a lone table as read (this very object) and a
    # joined one through its last argument: here, unread.
    laid_out_of = {id(a): s for a, s in zip(assigned, laid_out)}
    return [laid_out_of.get(id(s), s) for s in layout.joined_years(laid_out, assigned, lambda s: s)]

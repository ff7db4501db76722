"""The HTML front end: every Schedule II table of an .htm file, as the AST.

`html_locate` finds candidate tables with a regex scan; each candidate is
read into a grid (`html_table`) and kept when its headings are Schedule
II's; a kept table takes along the tables continuing it after a page break;
`html_layout` builds the Schedule.  Imported only for HTML input, so that
text-only runs do not pay for it.
"""

from __future__ import annotations

from . import html_layout, html_locate, roles
from .errors import InputError
from .html_locate import Region
from .source import Source


def regions(doc: html_locate.Document) -> list:
    found, used = [], set()
    for span, title in html_locate.candidates(doc):
        if span in used or any(s[0] <= span[0] < s[1] for s in used):
            continue
        grid = doc.grid(span)
        f = html_layout.frame(grid)
        if not html_layout.looks_like_schedule(f):
            continue
        parts, grids = [span], [grid]
        for nxt in _continuations(doc, span, f):
            parts.append(nxt[0])
            grids.append(nxt[1])
        used.update(parts)
        title_line = doc.line_of(title.start()) if title else grid.row_lines[0]
        preamble = doc.plain(title.end(), span[0]) if title and title.end() < span[0] else ""
        found.append(Region(tuple(parts), tuple(grids), html_locate.title_text(doc, title) if title else "",
                            title_line, preamble[:2000]))
    return found


def _continuations(doc, span, first):
    """Tables that carry `span`'s table on after a page break."""
    end = span[1]
    while True:
        nxt = doc.next_table(end)
        if nxt is None or len(doc.plain(end, nxt[0])) > html_locate.GAP_TEXT:
            return
        grid = doc.grid(nxt)
        f = html_layout.frame(grid)
        if not html_layout.continues(f, first):
            return
        yield nxt, grid
        end = nxt[1]


def schedules(src: Source, ruleset) -> list:
    doc = html_locate.Document(src)
    found = []
    for region in regions(doc):
        try:
            schedule = html_layout.build(region, src.path)
        except InputError as exc:
            # A table with Schedule II's headings that cannot be read is never skipped quietly.
            where = doc.line_of(region.parts[0][0])
            raise InputError(f"the Schedule II table at line {where} cannot be read: {exc.message}",
                             src.path, exc.line or where) from None
        found.append(roles.assign(schedule, ruleset, src.path))
    return found

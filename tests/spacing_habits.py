"""How 1990s text submissions typed double-spaced print a Schedule II, as edits
of a rendered exhibit (tests/render.py's `Rendered`).

Test support, not part of the tool.  A typist's double spacing leaves a blank
line after every line, not only between rows (tests/typed.py's
"double-spaced" puts one between two rows of figures); each habit here
spaces the table out from its first row (or from its title) to the end of the
exhibit, the tags a filing agent inserted (<TABLE>, <S>, </TABLE>) left as
they stand:

- rows: a blank line after every line from the first row on (captions,
  rows, rules, totals, footnotes);
- headings-too: the same from the title on, the heading lines set apart too;
- two-blanks: two blank lines after every line from the first row on;
- spaced-blanks: "rows" with the blank lines holding spaces ("   ");
- page-between: "rows" with a "<PAGE>" line (a blank under it) after the
  row in the middle of the table, as a page break falls;
- second-line-apart: "rows" with a row's balance at end printed alone on the
  line under it set a blank line down too, as every line is;
- second-line-two-apart: "two-blanks" with a row's balance at end alone on
  the line under it set two blank lines down too (quadruple spacing).

Elsewhere a row's balance at end printed alone on the line under it stays
there (the typist's one entry), as typed.double_spaced keeps it.  Each figure keeps its
place in the line: only its line number moves.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from render import Rendered

TITLE = re.compile(r"valuation\s+and\s+qualifying", re.IGNORECASE)
AGENT_TAG = re.compile(r"^\s*(?:</?TABLE>|<CAPTION>|(?:<[SC]>\s*)+)\s*$", re.IGNORECASE)


def _spaced(rendered: Rendered, gap: str = "", count: int = 1, from_title: bool = False,
            page_after_middle: bool = False, second_line_kept: bool = True) -> Rendered:
    lines = rendered.text.split("\n")
    rows = sorted({f.line for f in rendered.figures})
    first = rows[0]
    if from_title:
        first = next((n for n, line in enumerate(lines, 1) if TITLE.search(line)), first)
    middle = rows[len(rows) // 2]
    alone = {f.line for f in rendered.figures if not lines[f.line - 1][:f.start - 1].strip(" $")} \
        if second_line_kept else set()
    out: list[str] = []
    moved: dict[int, int] = {}
    for n, line in enumerate(lines, 1):
        out.append(line)
        moved[n] = len(out)
        if n < first or not line.strip() or AGENT_TAG.match(line) or line.strip().upper() == "<PAGE>" \
                or n + 1 in alone:
            continue
        out.extend([gap] * count)
        if page_after_middle and n == middle:
            out.extend(["<PAGE>", gap])
    figures = [dataclasses.replace(f, line=moved[f.line]) for f in rendered.figures]
    return dataclasses.replace(rendered, text="\n".join(out), figures=figures)


HABITS: dict[str, Callable[[Rendered], Rendered]] = {
    "rows": lambda r: _spaced(r),
    "headings-too": lambda r: _spaced(r, from_title=True),
    "two-blanks": lambda r: _spaced(r, count=2),
    "spaced-blanks": lambda r: _spaced(r, gap="   "),
    "page-between": lambda r: _spaced(r, page_after_middle=True),
    "second-line-apart": lambda r: _spaced(r, second_line_kept=False),
    "second-line-two-apart": lambda r: _spaced(r, count=2, second_line_kept=False),
}

"""Text Schedule IIs whose lines the filer's software wrapped: each of the 24
real tables (/work/shared/real-tables/) typed wider than the width, every line
longer than it cut at its last blank before the width, the rest of the line
(a row's last figures) on a line of its own, flush left or indented a few
blanks.

Test support, not part of the tool.  A habit is `wrap-WIDTH[-indent-N][-rows]`:
- WIDTH: 80 (EDGAR's limit), 76 or 72 (word processors' margins);
- indent-N: the rest set N blanks in (flush left without);
- rows: the rows alone wrapped, the headings typed whole (retyped by the
  filer, or within a wider margin), so that they show where the columns wrapped
  off stand; without: the headings wrapped too;
- short-last: the last column's heading "End of Period" (its "Balance at"
  dropped), the shortest: the top heading lines end over another column, their
  rests one column's words that are not the last column's.
- marks-FORM (on -rows habits, and on the habits wrapping the headings too): footnote markers on figures, as real exhibits type them, each
  period's rows marking a column apiece from the last leftwards (the closing balance on the first
  row, the deductions on the second, ...: figures on a row's first line and on its wrapped rest),
  and every period's first nil too; the footnotes' text under the table.  FORM: glued ("2,894(c)"),
  apart ("377 (a)"), digit ("96(2)"), digit-apart ("96 (2)"), slash ("1,204 1/"), star ("96*"),
  each marker kept inside its column (the figure moved left by the marker's width) or overhanging
  into the gutter (-over).

Tallied right (every printed figure read where printed, exactly the errors the
figures hold) / wrong (silently misread, false or missed errors) / refused (an
input error) by tests/test_wrap_habits.py:

    cd tests && PYTHONPATH=..:. python wrap_habits.py [HABIT ...]

A HABIT may name a width not registered ("wrap-58-indent-4"), or "width-58" every
habit at it, measured by the script alone.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Optional

import auditor
from auditor import source
from expect import expected_errors
from habit_tally import clean_and_planted, misread, tally
from render import Rendered, parse_cell, render
from submission_habits import wrapped
from test_html_era_markup import TABLES, planted
from test_real_tables import LAYOUTS, applicable

RULES = auditor.load_rules()

TEXT = {
    "text-tagged": LAYOUTS["seed-like"],
    "text-untagged": LAYOUTS["span-untagged"],
}
WIDTHS = (80, 76, 72)
INDENTS = (0, 4)


def _name(width: int, indent: int, rows: bool) -> str:
    return f"wrap-{width}" + (f"-indent-{indent}" if indent else "") + ("-rows" if rows else "")


HABITS = {_name(w, i, r): (w, i, r) for w in WIDTHS for i in INDENTS for r in (True, False)}
HABITS.update({_name(80, i, r): (80, i, r) for i in (2, 8) for r in (True, False)})
# The last column's heading the shortest ("End of Period" under no "Balance at"): the headings' top
# lines end over another column, their rests one column's words that are not the last column's.
SHORT_LAST = "-short-last"
HABITS.update({_name(w, 0, False) + SHORT_LAST: (w, 0, False) for w in WIDTHS})
# Footnote markers on the figures (-marks-FORM): the renderer's (note_marks, note_gap, note_place).
MARKS = {
    "glued": ("(a)", 0, "inside"), "apart": ("(a)", 1, "inside"), "digit": ("(1)", 0, "inside"),
    "digit-apart": ("(1)", 1, "inside"), "slash": ("1/", 0, "inside"), "star": ("*", 0, "inside"),
    "glued-over": ("(a)", 0, "overhang"), "apart-over": ("(a)", 1, "overhang"),
}
MARKED = "-marks-"
HABITS.update({_name(w, 0, True) + MARKED + form: (w, 0, True) for w in WIDTHS for form in MARKS})
# The same with the headings wrapped too (no line typed whole shows the edge: the rows show it).
HABITS.update({_name(w, 0, False) + MARKED + form: (w, 0, False) for w in WIDTHS for form in MARKS})
_BALANCE_AT = re.compile(r"\bbalance\s+(?:at|as\s+of)\s+(?=end\b)", re.IGNORECASE)


def marked(spec: dict) -> dict:
    """The spec with footnotes on figures: each period's k-th row marks the k-th column from the last
    (its first nil too), three notes in turn; a figure's own note kept, as the first."""
    spec = json.loads(json.dumps(spec))
    n = 0
    for period in spec["periods"]:
        nil_marked = False
        for k, row in enumerate(period["rows"]):
            cells = row.get("cells") or []
            if not cells:
                continue
            notes = ["note 0" if note else "" for note in row.get("footnotes") or []]  # (three notes at most: "***")
            notes += [""] * (len(cells) - len(notes))
            chosen = {len(cells) - 1 - k % len(cells)}
            if not nil_marked:
                nil = next((m for m, c in enumerate(cells) if parse_cell(c)[0] == "nil"), None)
                if nil is not None:
                    chosen.add(nil)
                    nil_marked = True
            for m in chosen:
                if parse_cell(cells[m])[0] != "blank" and not notes[m]:
                    notes[m] = f"note {n % 3}"
                    n += 1
            row["footnotes"] = notes
    return spec


_SHAPE = re.compile(r"wrap-(\d+)(?:-indent-(\d+))?(-rows)?(?:-short-last|-marks-[a-z-]+)?")


def shape(habit: str) -> tuple[int, int, bool]:
    """(width, indent, rows only) of a habit: a registered one's, or one named in the same
    grammar at a width not registered ("wrap-58-rows-marks-star"), measured by the script alone."""
    if habit in HABITS:
        return HABITS[habit]
    named = _SHAPE.fullmatch(habit)
    form = habit.split(MARKED)[1] if MARKED in habit else None
    if named is None or form is not None and form not in MARKS:
        raise KeyError(f"no habit {habit!r}")
    return int(named[1]), int(named[2] or 0), bool(named[3])


def at_width(width: int) -> list[str]:
    """Every registered habit's name at 80, 76 or 72 named again at `width` (once each)."""
    return list(dict.fromkeys(re.sub(r"^wrap-\d+", f"wrap-{width}", h) for h in HABITS))


def wrap(rendered: Rendered, habit: str) -> Rendered:
    width, indent, rows = shape(habit)
    lines_of = frozenset(f.line for f in rendered.figures) if rows else None
    return wrapped(rendered, width, indent, lines_of)


def printed(spec: dict, habit: str, layout: str) -> Optional[Rendered]:
    """The table as typed, wrapped by the habit; None where no line is wider than its width (or,
    short-last, no closing balance's heading to shorten)."""
    if habit.endswith(SHORT_LAST):
        *others, closing = spec["columns"]
        if not _BALANCE_AT.search(closing):
            return None
        spec = {**spec, "columns": [*others, _BALANCE_AT.sub("", closing)]}
    layout_of = applicable(spec, TEXT[layout])
    if MARKED in habit:
        style, gap, place = MARKS[habit.split(MARKED)[1]]
        spec = marked(spec)
        layout_of = replace(layout_of, note_marks=style, note_gap=gap, note_place=place)
    rendered = render(spec, layout_of)
    width = shape(habit)[0]
    if all(len(line) <= width for line in rendered.text.split("\n")):
        return None
    return wrap(rendered, habit)


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused" | "n/a", what differed)."""
    rendered = printed(spec, habit, layout)
    if rendered is None:
        return "n/a", "no line wider than the width"
    result = auditor.check_source(source.from_text(rendered.text, "t.txt"), RULES)
    wrong = misread(result, rendered, lambda: expected_errors(spec, rendered))
    return wrong or ("right", "")


cases = clean_and_planted(TABLES)


def case_spec(spec: dict, kind: str) -> dict:
    return planted(spec) if kind == "planted" else spec


def verdicts(habit: str, layout: str):
    for path in TABLES:
        for kind, spec in cases(path):
            yield (f"{path.stem}/{kind}", *outcome(case_spec(spec, kind), habit, layout))


def measure(only: list[str]) -> None:
    """The habits named (any width: "wrap-58", "width-58" for every habit at 58), else the registered ones."""
    habits = [h for name in only for h in (at_width(int(name[6:])) if name.startswith("width-") else [name])]
    tally(habits or list(HABITS), list(TEXT), verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

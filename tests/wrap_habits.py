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

Tallied right (every printed figure read where printed, exactly the errors the
figures hold) / wrong (silently misread, false or missed errors) / refused (an
input error) by tests/test_wrap_habits.py:

    cd tests && PYTHONPATH=..:. python wrap_habits.py [HABIT ...]
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
from render import Rendered, render
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
_BALANCE_AT = re.compile(r"\bbalance\s+(?:at|as\s+of)\s+(?=end\b)", re.IGNORECASE)


def wrap(rendered: Rendered, habit: str) -> Rendered:
    width, indent, rows = HABITS[habit]
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
    rendered = render(spec, applicable(spec, TEXT[layout]))
    width = HABITS[habit][0]
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
    tally(only or list(HABITS), list(TEXT), verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

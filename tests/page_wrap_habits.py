"""A 1990s tagged text Schedule II broken at a page's end between periods, its
rows wrapped by the filer's software: each of the 24 real tables
(/work/shared/real-tables/) rendered as a tagged submission (render's
seed-like layout), the first period's block closed ("</TABLE>", the page's
number, "<PAGE>"), the title typed again and a new <TABLE> over the later
periods; then every row's line longer than the width cut at its last blank
before it, the rest on a line of its own (submission_habits.wrapped, the
headings typed whole, as wrap_habits' -rows habits).

Test support, not part of the tool.  A habit is `pagewrap-WIDTH-TITLE-HEAD[-within][-capitals]`:
- WIDTH: 80 (EDGAR's limit), 72 (a row's label and first figure over the rest),
  66, 62 (narrower than the label column: a row's label alone over its figures);
- TITLE: the title typed again as one line: continued ("SCHEDULE II - VALUATION AND
  QUALIFYING ACCOUNTS (CONTINUED)"), again (the same without "(CONTINUED)"),
  unnamed-continued (its "VALUATION AND QUALIFYING ACCOUNTS" line alone, "(CONTINUED)"
  after it: no word "schedule");
- HEAD: headed (the new <TABLE>'s <CAPTION> repeats the headings and the <S>/<C>
  line, tests/reheads.py's `same`), headless (no headings: the rows right under
  "<TABLE>");
- -within: the page broken inside the first period instead, after its second row
  (tables whose first period prints three rows or more);
- -capitals: every label, heading, caption and the company's name typed in capitals,
  as many older filings print them: a label wrapped inside its words has no
  lower-case rest to tell it a row's (table_columns.body_top).

Cases: each table clean, and every other one with one figure planted in the first
continued period (its first row's closing balance 1,000 more than printed), so a
continuation read the way it is printed but taken apart from the schedule's rows
is not enough: the planted error must be found.  Tallied right / wrong (silently
misread: a figure not read where printed, periods dropped, an error missed or
false) / refused (an input error) by tests/test_page_wrap_habits.py:

    cd tests && PYTHONPATH=..:. python page_wrap_habits.py [HABIT ...]
"""

from __future__ import annotations

import copy
from typing import Optional

import auditor
from auditor import source
from expect import expected_errors
from habit_tally import clean_and_planted, each_case, misread, tally
from render import Rendered, render
from reheads import _heads
from submission_habits import wrapped
from test_html_era_markup import TABLES
from test_html_era_markup import planted as planted_in
from test_real_tables import LAYOUTS, applicable
from text_era import _insert, _lines, _with

RULES = auditor.load_rules()
LAYOUT = "text-tagged"
WIDTHS = (80, 72, 66, 62)
TITLES = ("continued", "again", "unnamed-continued")
HEADS = ("headed", "headless")
WITHIN = "-within"
CAPITALS = "-capitals"
HABITS = {f"pagewrap-{w}-{t}-{h}{at}{case}": (w, t, h, at, case)
          for case in ("", CAPITALS) for at in ("", WITHIN) for w in WIDTHS for t in TITLES for h in HEADS}


def in_capitals(spec: dict) -> dict:
    """The spec with its company, headings, period captions and row labels in capitals."""
    spec = copy.deepcopy(spec)
    spec["company"] = spec.get("company", "").upper()
    spec["columns"] = [c.upper() for c in spec["columns"]]
    for period in spec["periods"]:
        period["label"] = period["label"].upper()
        for row in period["rows"]:
            row["label"] = row["label"].upper()
    return spec


def planted(spec: dict) -> dict:
    """The spec with one closing balance 1,000 more than printed: the continued
    (second) period's first row with a figure there."""
    return planted_in(spec, 1)


def second_period(lines: list[str], r: Rendered) -> Optional[int]:
    """The 1-based line the second period's block opens with: its captions (a period's,
    an account group's: "2010", "Reserves deducted from asset accounts:") and the
    blank line over them; None where the table prints one period."""
    if len({f.period for f in r.figures}) < 2:
        return None
    first_rows = {f.line for f in r.figures if f.period == 0}
    at = min(f.line for f in r.figures if f.period == 1)
    while at > 1 and lines[at - 2].strip() and at - 1 not in first_rows and "<" not in lines[at - 2]:
        at -= 1
    return at - 1 if at > 1 and not lines[at - 2].strip() else at


def within_first(lines: list[str], r: Rendered) -> Optional[int]:
    """The 1-based line after the first period's second row (its wrapped rest's, once
    wrapped: the rows are wrapped after the break); None where it prints fewer than three."""
    rows = sorted({f.line for f in r.figures if f.period == 0})
    return rows[1] + 1 if len(rows) > 2 else None


def broken(r: Rendered, title: str, head: str, where: str = "", caption: str = "") -> Optional[Rendered]:
    """The table closed before its second period's caption (or inside its first,
    `WITHIN`) and opened again on the next page, `caption` (a group's: "RESERVES")
    typed over the first row there; None where there is no such place."""
    lines = _lines(r)
    at = (within_first if where == WITHIN else second_period)(lines, r)
    if at is None:
        return None
    typed = next((ln.strip() for ln in lines if "VALUATION" in ln.upper()), "VALUATION AND QUALIFYING ACCOUNTS")
    again = typed if title.startswith("unnamed") else "SCHEDULE II - " + typed
    again += " (CONTINUED)" if title.endswith("continued") else ""
    page = ["</TABLE>", "", " " * 38 + "F-21", "<PAGE>", "", " " * 10 + again, "", "<TABLE>"]
    if head == "headed":
        page += ["<CAPTION>", *_heads(lines)]
    figures = _insert(lines, list(r.figures), at, page)
    if caption:
        figures = _insert(lines, figures, min(f.line for f in figures if f.line >= at + len(page)), [caption])
    return _with(r, lines, figures)


def printed(spec: dict, habit: str, caption: str = "") -> Optional[Rendered]:
    """The table as typed, broken and wrapped by the habit (`caption` over the
    continuation's first row: `broken`); None where it has no place to break (one
    period; fewer than three rows in the first, `WITHIN`), or no row wider than the width."""
    width, title, head, where, _ = HABITS[habit]
    r = broken(render(spec, applicable(spec, LAYOUTS["seed-like"])), title, head, where, caption)
    if r is None:
        return None
    rows = frozenset(f.line for f in r.figures)
    if all(len(line) <= width for n, line in enumerate(r.text.split("\n"), 1) if n in rows):
        return None
    return wrapped(r, width, 0, rows)


def outcome(spec: dict, habit: str, caption: str = "") -> tuple[str, str]:
    """("right" | "wrong" | "refused" | "n/a", what differed), `caption` over the continuation's first row."""
    if HABITS[habit][4] == CAPITALS:
        spec = in_capitals(spec)
    rendered = printed(spec, habit, caption)
    if rendered is None:
        return "n/a", "no place to break, or no row wider than the width"
    result = auditor.check_source(source.from_text(rendered.text, "t.txt"), RULES)
    wrong = misread(result, rendered, lambda: expected_errors(spec, rendered))
    if wrong:
        return wrong
    periods = sum(len(s.periods) for s in result.schedules)
    if periods != len(spec["periods"]):
        return "wrong", f"{periods} periods read of {len(spec['periods'])}"
    return "right", ""


def cases(path):
    """(kind, spec): the table clean, and every other table again with a figure planted (`planted`)."""
    for kind, spec in clean_and_planted(TABLES)(path):
        yield kind, planted(spec) if kind == "planted" else spec


verdicts = each_case(TABLES, cases, lambda spec, habit, layout: outcome(spec, habit))


def measure(only: list[str]) -> None:
    tally(only or list(HABITS), [LAYOUT], verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])

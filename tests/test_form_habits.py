"""The 24 real tables with what filers type in one figure's cell (form_habits: nils as "*",
"None", "N/A", dashes of every kind, "$ -", "0", "-0-", a dash with a marker; negatives as
"93-", "-93", "− 93", "( 93)", "93CR", "$(93)", "($93)"; markers inside and after a negative's
parentheses, superscripts and daggers after a figure, <sup>(1)</sup> in HTML), one habit at a
time, typed (tagged, untagged, by account), in HTML and in the filing software's markup (Workiva,
DFIN, Toppan: "$", the figure and ")" in cells of their own, the figure in an ix:nonFraction, its
marker or sign outside the tag; s36: 34 habits x 3 layouts, 36 of 36 right each, "*" nils read
as blank cells as in HTML): every figure read where it is printed,
exactly the table's errors found, and a figure changed in every other table found at its cell
(test_label_habits.outcome).  `measure` prints right / silently wrong / refused per habit and
layout:

    cd tests && PYTHONPATH=..:. python test_form_habits.py [HABIT ...]
"""

from __future__ import annotations

import re

import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from form_habits import HABITS
from habit_tally import each_case, habit_cases, tally
from test_html_era_markup import TABLES
from test_label_habits import outcome as label_outcome, printed
from test_real_tables import LAYOUTS
from test_text_era import cases  # (each table, and every other one with a figure changed)

TYPED = {"typed": LAYOUTS["seed-like"], "typed-untagged": LAYOUTS["span-untagged"],
         "typed-by-account": LAYOUTS["by-account"]}
# The filing software's markup (test_html_real_tables.SOFTWARE): "$", the figure and ")" in cells of
# their own, the label spanning columns, inline XBRL tags (workiva, dfin), a <table> per period (toppan).
SOFTWARE_LAYOUTS = frozenset({"workiva", "dfin", "toppan"})
LAYOUT_NAMES = [*TYPED, "html", *sorted(SOFTWARE_LAYOUTS)]


# Habits that are no figure: refused is right, a read is silently wrong.
NOT_FIGURES = {"percent"}


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    verdict, why = label_outcome(spec, habit, layout, HABITS, TYPED, SOFTWARE_LAYOUTS)
    if habit in NOT_FIGURES and verdict == "right":
        made = printed(spec, habit, layout, HABITS, TYPED, SOFTWARE_LAYOUTS)
        return ("wrong", "read as a figure") if made and re.search(r"\d%(?:<|\s)", made[1].text) else ("n/a", "")
    if habit in NOT_FIGURES and verdict == "refused":
        return "right", why
    return verdict, why


# "*" where a figure stands at a text line's end, in a column of its own, is that column's nil
# (rows._star_nil_at_end; s48-tidy2: typed 18 right / 8 wrong -> 26 / 0 in each layout, the 8 the nil read as a
# blank cell, the "*" as a marker of the figure before it).  In HTML a "*" alone in a
# column the row prints nothing else in is read as that column's nil (s29, html.figures), a row of
# them too (s46-tally2: a reserve printing "*" in every column was no row, its carry forward
# unchecked): HTML's nils are read exactly.


# Not read right yet (strict: a fix must take it off): habit, layout -> what it gives instead.
# (In text "− 473" is read as one negative only where the sign stands alone one space before
# the amount, both in the amount's column (rows._minus_before): a sign further off, before a "$"
# or a negative, stays "two figures in one column", refused; "(473(1))" is the grammar's.)
UNREAD: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("habit, layout", list(habit_cases(LAYOUT_NAMES, HABITS, UNREAD)))
def test_real_tables_with_figure_forms_read_exactly(habit, layout):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, habit, layout)
            if verdict in ("wrong", "refused"):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def measure(only: list[str]) -> None:
    tally(only or HABITS, LAYOUT_NAMES, each_case(TABLES, cases, outcome))


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])


def test_a_reserve_printing_a_star_nil_in_every_column_is_a_row_of_nils():
    """kestrel-marine (HTML, "* None." under the table): the purchase commitments reserve prints
    "*" in every column of 2008: read as 2008's row of nils (831543a1 read no such row, so a 2009
    opening typed 150 for "*" was only a warning that 2008 printed no row), its closing nil carried
    into 2009: the typo's carry forward found at the opening, its identity at the closing."""
    name = FIXTURES / "html" / "kestrel-marine-2009-reserve-row-of-star-nils"
    clean = auditor.check_file(f"{name}-clean.htm")
    assert clean.findings == []
    commitments = [[c.value if c else "blank" for c in r.cells] for s in clean.schedules for p in s.periods
                   for r in p.rows if r.label == "Reserve for purchase commitments"]
    assert commitments == [[None, 920, 310, 610], [None] * 4, [240, None, 240, None]]
    typo = auditor.check_file(f"{name}-opening-typo.htm")
    assert [(f.check, f.severity, f.location.line) for f in typo.findings] == [
        ("carry_forward", "error", 35), ("row_identity", "error", 38)]


def test_markers_alone_under_the_headings_beside_no_account_are_no_row_of_nils():
    """A row of "*" and "**" under the headings beside "Description", above every figure: the
    headings' markers (their notes under the table), never a row of nils in a period of no name."""
    head = "".join(f"<td>{h}</td>" for h in ("Balance at beginning of year", "Charged to expense", "Write-offs",
                                              "Balance at end of year"))
    rows = "".join(f"<tr><td>{label}</td>" + "".join(f"<td>{v}</td>" for v in figures) + "</tr>\n"
                   for label, figures in (("Allowance for doubtful accounts", (100, 40, "(30)", 110)),
                                          ("Reserve for returns", (50, 5, "(5)", 50))))
    table = ("<html><body><p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>\n"
             f"<tr><td></td>{head}</tr>\n<tr><td>Description</td><td>*</td><td></td><td>**</td><td></td></tr>\n"
             f"<tr><td>Year ended December 31, 2001</td></tr>\n{rows}</table>"
             "<p>* Includes translation.</p><p>** Accounts written off.</p></body></html>\n")
    result = auditor.check_source(source.from_text(table, "t.htm"))
    assert result.error is None and result.findings == []
    assert [(p.label, [r.label for r in p.rows]) for s in result.schedules for p in s.periods] == [
        ("Year ended December 31, 2001", ["Allowance for doubtful accounts", "Reserve for returns"])]


def test_a_star_at_a_text_lines_end_is_the_nil_of_its_own_column_and_the_marker_of_its_figures():
    """quenby-ceramics: the sales returns' balance at end typed "*" at its line's end, in a column of
    its own: that column's nil (s48-tidy2: the 58's footnote marker before, the balance a blank cell).
    Typed three blanks after the 554 instead, in the 554's column, it is the 554's marker, as a "(2)"
    so set is; and after a heading's last word it stays the headings'."""
    path = FIXTURES / "quenby-ceramics-1997-star-nil-at-line-end-clean.txt"
    text = path.read_text("utf-8")

    def cells(printed: str, label: str) -> list:
        result = auditor.check_source(source.from_text(printed, path.name))
        assert result.error is None and result.findings == []
        (row,) = [r for s in result.schedules for p in s.periods[:1] for r in p.rows if r.label == label]
        return [(c.raw, c.footnote) if c else None for c in row.cells]

    assert cells(text, "Reserve for sales returns") == [("41", None), ("17", None), ("58", None), ("*", None)]
    marked = text.replace("181           554\n", "181           554   *\n", 1)
    assert marked != text
    assert cells(marked, "Reserve for obsolete inventory") == [("502", None), ("233", None), ("181", None), ("554", "*")]
    headed = text.replace("Deductions      Period\n", "Deductions      Period   *\n", 1)
    assert headed != text
    assert cells(headed, "Reserve for sales returns") == cells(text, "Reserve for sales returns")

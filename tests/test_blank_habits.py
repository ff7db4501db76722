"""The 24 real tables with nils printed as nothing at all (blank_habits: every
nil blank, blanks mixed with dashes, a movement column blank for a period,
the "other accounts" column blank but in one row, a reserve of balances only,
a new reserve's opening balance blank, a closed reserve's closing balance
blank, a reserve printing its label alone, a total blank where its items
are), one habit at a time, in tagged and untagged EDGAR text, two typed
layouts, HTML and one filing software's iXBRL (a blank there is an untagged
cell): every figure read where it is printed, exactly the table's errors
found, and a figure changed in every other table found at its cell.
`measure` prints right / silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_blank_habits.py [HABIT ...]
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import auditor
from auditor import source
from blank_habits import HABITS
from expect import expected_errors, row_name
from habit_tally import clean_and_planted, habit_cases, habit_spec, misread, refusal_as_said, tally
from render import render
from render_filing import TYPED_LAYOUT
from render_html import render as render_html
from render_software import render_software
from test_html_era_markup import TABLES, planted
from test_html_real_tables import SOFTWARE, STYLES
from test_real_tables import LAYOUTS, applicable

RULES = auditor.load_rules()

TEXT = {
    "text-tagged": LAYOUTS["seed-like"],
    "text-untagged": LAYOUTS["span-untagged"],
    "typed": TYPED_LAYOUT,
    "typed-second-line": LAYOUTS["typed-second-line"],
}
LAYOUT_NAMES = [*TEXT, "html", "workiva", "dfin", "toppan"]


def _print(spec: dict, layout: str):
    if layout in TEXT:
        return render(spec, applicable(spec, TEXT[layout])), "t.txt"
    if layout == "html":
        return render_html(spec, STYLES["split"]), "t.htm"
    return render_software(spec, SOFTWARE[layout]), "t.htm"


def outcome(spec: dict, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    rendered, name = _print(spec, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    wrong = misread(result, rendered, lambda: expected_errors(spec, rendered))
    if wrong is not None:
        return _warned(result, spec, rendered) or wrong
    # (a reserve printing its label alone is no line of the label above it: each row named as printed)
    of = {(f.line, f.start): (f.period, f.row) for f in rendered.figures}
    for schedule in result.schedules:
        for period in schedule.periods:
            for row in period.rows:
                keys = {of[(c.line, c.column)] for c in row.cells if c and (c.line, c.column) in of}
                names = {row_name(rendered.row_labels[k]) for k in keys}
                if names and row_name(row.label) not in names:
                    return "wrong", f"row {row.label!r} read where {sorted(names)} is printed"
    return "right", ""


def _warned(result, spec: dict, rendered):
    """("refused", the warning) where the tool read every printed figure as printed,
    found the table's errors, and besides them warned of a period it did not read
    (VQ006, periods_named: a whole period printed blank): no silent misread."""
    if result.error is not None:
        return None
    extra = {f for f in result.findings if f.severity == "warning" and f.check == "periods_named"}
    rest = replace(result, findings=[f for f in result.findings if f not in extra])
    if not extra or misread(rest, rendered, lambda: expected_errors(spec, rendered)) is not None:
        return None
    return "refused", "warned: " + "; ".join(f.message for f in extra)


cases = clean_and_planted(TABLES)


def _habit_spec(spec: dict, habit: str, kind: str):
    return habit_spec(HABITS, planted, spec, habit, kind)


# Habits not read right yet, by layout (strict: a fix must take it off).
UNREAD: dict[tuple[str, str], str] = {}

# Refusals, never readings, each an input error naming its line: (table, habit or "*", layout or "*").
# A warning is tallied as a refusal: the tool says what it did not read.
# (cik947425 prints its 2001 with no figure at all, every nil blank: untagged, oldest first, its
# caption, labels and "Total" over the first row of figures are the body's, no page's foot: no
# period of figures, as tagged; the later years keep their carry forward.)
REFUSED: set = set()


@pytest.mark.parametrize("habit, layout", list(habit_cases(LAYOUT_NAMES, sorted(HABITS), UNREAD)))
def test_real_tables_with_nils_printed_blank_read_exactly(habit, layout):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            made = _habit_spec(s, habit, kind)
            if made is None:
                continue
            verdict, why = outcome(made, layout)
            if verdict == "wrong" or verdict == "refused" and not refusal_as_said(REFUSED, path.stem, habit, layout):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def test_each_habit_applies_to_enough_tables():
    import json

    specs = [json.loads(path.read_text()) for path in TABLES]
    for name, habit in HABITS.items():
        assert sum(habit.spec(s) is not None for s in specs) >= 4, name


def _verdicts(habit: str, layout: str):
    for path in TABLES:
        for kind, s in cases(path):
            made = _habit_spec(s, habit, kind)
            if made is not None:
                yield (f"{path.stem}/{kind}", *outcome(made, layout))


@pytest.mark.parametrize("kind, errors", [("clean", []), ("total-typo", ["carry_forward", "column_total", "row_identity"])])
def test_a_reserves_label_alone_at_a_pages_top_is_no_line_of_the_total_under_it(kind, errors):
    # (DFIN's table cut by a page break right before 2005's last account row, the restructuring reserve
    # set up in 2006 printing its label alone, 2005's unlabelled total under it: before s36 the total was
    # read as that reserve's row, its column totals unchecked, the typo in it unfound)
    from conftest import FIXTURES

    result = auditor.check_file(str(FIXTURES / "html" / f"corrie-brake-2006-label-alone-at-page-top-{kind}.htm"))
    periods = [p for s in result.schedules for p in s.periods]
    assert [r.label for r in periods[1].rows] == ["Allowance for doubtful accounts", "Reserve for warranty claims", ""]
    assert sorted(f.check for f in result.findings if f.severity == "error") == errors



@pytest.mark.parametrize("kind, errors", [("clean", []), ("charge-typo", ["column_total", "row_identity"])])
def test_a_years_table_printing_every_opening_blank_keeps_its_balance_at_beginning(kind, errors):
    # (Toppan's table per year, newest first, 2004 the reserves' first year, its every balance at
    # beginning blank: before s37 the heading over that empty column was dropped and the file refused,
    # "no column for the balance at beginning")
    from conftest import FIXTURES

    name = f"quenby-kiln-2006-year-of-blank-openings-in-its-own-table-{kind}.htm"
    result = auditor.check_file(str(FIXTURES / "html" / name))
    assert result.error is None
    assert [c.heading for s in result.schedules for c in s.columns][0] == "Balance at Beginning of Year"
    oldest = [p for s in result.schedules for p in s.periods][-1]
    assert oldest.label.endswith("2004") and all(r.cells[0] is None for r in oldest.rows)
    assert sorted(f.check for f in result.findings if f.severity == "error") == errors

def measure(only: list[str]) -> None:
    tally(sorted(only or HABITS), LAYOUT_NAMES, _verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])


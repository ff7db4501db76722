"""A column of figures with no heading text of its own in HTML (issue 12,
part 2): an empty heading cell over it, or a heading spanning it and its
neighbour.  It is read as a column of its own, whose direction the
arithmetic decides as in text, not joined to its neighbour ("two figures
under the heading ...", or its figures read under the neighbour's heading).
A neighbour's figure printed a grid column off, and the "$", ")" and
footnote marker cells around a figure, still join the column they belong to."""

import copy
import json
from decimal import Decimal

import pytest

import auditor
from auditor import source
from expect import expected_errors, reported_errors
from render_html import render
from test_html_real_tables import STYLES
from test_reading_real_variants import variants

TITLE = "<p align=center><b>SCHEDULE II &#8212; VALUATION AND QUALIFYING ACCOUNTS</b></p>\n"


def heading_row(*headings, span=3):
    """Description, then a spacer and a heading cell over "$", figure, ")" for each column ("" for an empty one)."""
    cells = "".join(f"<td>&nbsp;</td><td colspan={span} align=center>{h or '&nbsp;'}</td>" for h in headings)
    return f"<tr><td>Description</td>{cells}</tr>\n"


def row(label, *figures):
    """A row of figures: a spacer, "$", the figure and its ")" in cells of their own, per column."""
    cells = ""
    for f in figures:
        close = "<td>)</td>" if f.startswith("(") else "<td></td>"
        cells += f"<td>&nbsp;</td><td>{'$' if f else ''}</td><td align=right>{f.rstrip(')')}</td>{close}"
    return f"<tr><td>{label}</td>{cells}</tr>\n"


def check(*rows, head=None):
    head = head or heading_row("Balance at Beginning of Year", "Charged to Expense", "", "Deductions",
                               "Balance at End of Year")
    text = f"<html><body>{TITLE}<table>\n{head}<tr><td colspan=21>Year ended December 31, 2020:</td></tr>\n" \
           + "".join(rows) + "</table></body></html>\n"
    src = source.from_text(text, "t.htm")
    result = auditor.check_source(src, auditor.load_rules(), input_format="html")
    assert result.error is None, result.error
    (schedule,) = result.schedules
    return schedule, result, text.split("\n")


def values(schedule, r=0):
    return [c.value if c else None for c in schedule.periods[0].rows[r].cells]


def test_a_column_under_an_empty_heading_cell_is_a_column_of_its_own():
    schedule, result, _ = check(row("Allowance", "100", "20", "7", "(30)", "97"),
                                row("Reserve", "50", "10", "(4)", "(6)", "50"),
                                row("Total", "150", "30", "3", "(36)", "147"))
    assert [c.heading for c in schedule.columns] == ["Balance at Beginning of Year", "Charged to Expense", "",
                                                     "Deductions", "Balance at End of Year"]
    assert values(schedule, 1) == [50, 10, -4, -6, 50]
    assert [f for f in result.findings if f.severity == "error"] == []


def test_its_figures_are_not_read_under_an_empty_neighbour():
    """The neighbour prints nothing in any row: the empty heading cell, as
    wide as the others, says the figures are a column of their own; the
    footnote marker in a cell after one of them is its marker."""
    head = heading_row("Balance at Beginning of Year", "Charged to Other Accounts", "", "Balance at End of Year")
    marked = row("Allowance", "100", "", "(30)", "70").replace("<td>)</td>", "<td>)</td><td>(1)</td>", 1)
    schedule, result, _ = check(marked, row("Total", "100", "", "(30)", "70"), head=head)
    assert len(schedule.columns) == 4 and schedule.columns[2].heading == ""
    assert values(schedule) == [100, None, -30, 70]
    assert schedule.periods[0].rows[0].cells[2].footnote == "(1)"
    assert [f for f in result.findings if f.severity == "error"] == []


def test_a_wrong_figure_in_the_column_is_found_at_its_cell():
    schedule, result, lines = check(row("Allowance", "100", "20", "7", "(30)", "97"),
                                    row("Reserve", "50", "10", "(9)", "(6)", "50"),
                                    row("Total", "150", "30", "3", "(36)", "147"))
    wrong = schedule.periods[0].rows[1].cells[2]
    assert wrong.value == Decimal(-9) and lines[wrong.line - 1][wrong.column - 1:].startswith("(9")
    total = schedule.periods[0].rows[2].cells[2]
    broken = {(f.rule, f.location.line, f.location.column) for f in result.findings if f.severity == "error"}
    assert ("VQ002", total.line, total.column) in broken  # the column's total: 3 printed, 7 - 9 = -2
    assert any(rule == "VQ001" and line == wrong.line for rule, line, _ in broken)  # the reserve's row


def test_a_heading_over_two_columns_of_figures_heads_each():
    head = heading_row("Balance at Beginning of Year", "Additions", "Deductions", "Balance at End of Year").replace(
        "colspan=3 align=center>Additions", "colspan=7 align=center>Additions")
    schedule, result, _ = check(row("Allowance", "100", "20", "7", "(30)", "97"),
                                row("Total", "100", "20", "7", "(30)", "97"), head=head)
    assert [c.heading for c in schedule.columns] == ["Balance at Beginning of Year", "Additions", "Additions",
                                                     "Deductions", "Balance at End of Year"]
    assert values(schedule) == [100, 20, 7, -30, 97]
    assert [f for f in result.findings if f.severity == "error"] == []


def test_a_neighbours_figure_printed_a_grid_column_off_still_joins_it():
    """Every "Charged to Expense" figure printed in the spacer right of its
    column (its own cells empty; a spacer's cell over them, no heading cell
    of a column): the neighbour's, not a column of its own."""
    head = heading_row("Balance at Beginning of Year", "Charged to Expense", "Deductions", "Balance at End of Year")
    off = [row(label, "100", "", "(30)", "90").replace(
        "<td></td><td align=right></td><td></td><td>&nbsp;</td>", "<td></td><td align=right></td><td></td><td>20</td>", 1)
        for label in ("Allowance", "Total")]
    schedule, result, _ = check(*off, head=head)
    assert len(schedule.columns) == 4
    assert values(schedule, 0) == values(schedule, 1) == [100, 20, -30, 90]
    assert [f for f in result.findings if f.severity == "error"] == []


def test_a_figure_astray_in_one_row_is_no_column():
    """One row prints a figure past the last column (no heading cell there):
    no column of one figure; the table is refused at that row, as before."""
    head = heading_row("Balance at Beginning of Year", "Charged to Expense", "Deductions", "Balance at End of Year")
    astray = row("Allowance", "100", "20", "(30)", "90").replace("</tr>", "<td>&nbsp;</td><td></td><td>90</td></tr>")
    text = (f"<html><body>{TITLE}<table>\n{head}<tr><td colspan=21>Year ended December 31, 2020:</td></tr>\n"
            + astray + row("Total", "100", "20", "(30)", "90") + "</table></body></html>\n")
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.schedules == [] and "two figures" in result.error.message


def test_dollar_close_and_marker_cells_under_one_heading_stay_one_column():
    head = heading_row("Balance at Beginning of Year", "Charged to Expense", "Deductions", "Balance at End of Year")
    marked = row("Allowance", "100", "20", "(30)", "90").replace("<td>)</td>", "<td>)</td><td>(a)</td>", 1)
    schedule, result, _ = check(marked, row("Total", "100", "20", "(30)", "90"), head=head)
    assert len(schedule.columns) == 4 and values(schedule) == [100, 20, -30, 90]
    assert schedule.periods[0].rows[0].cells[2].footnote == "(a)"


@pytest.mark.parametrize("style", sorted(STYLES))
def test_real_tables_with_a_deduction_heading_left_blank_give_exactly_their_errors(shared, style):
    """The 24 real tables, a deduction column's heading left blank, in every
    HTML style of the real-tables sweep: read, with exactly their real
    failures (the reading decides the blank column's direction)."""
    ruleset = auditor.load_rules()
    mismatches = []
    for path in sorted((shared / "real-tables").glob("*.json")):
        spec = json.loads(path.read_text())
        blank = dict(variants(spec)).get("blank")
        if blank is None:
            continue
        changed = copy.deepcopy(spec)
        blank(changed)
        rendered = render(changed, STYLES[style])
        result = auditor.check_source(source.from_text(rendered.text, f"{path.stem}.htm"), ruleset, input_format="html")
        if result.error is not None:
            mismatches.append((path.stem, str(result.error)))
        elif reported_errors(result) != expected_errors(changed, rendered):
            mismatches.append((path.stem, sorted(reported_errors(result) ^ expected_errors(changed, rendered))))
    assert mismatches == []

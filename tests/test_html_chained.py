"""A chained roll-forward in HTML (issue 12): the accounts as columns, the years
oldest first with no caption of their own, each opening on the row that closed
the year before.  That row's figures are each one cell of both periods, the
very same cell objects, as the text front end reads them (text/transposed):
the carry-forward holds by construction and a wrong figure there is reported
once by each rule, the diagnosis putting every failure it causes on it."""

import json

import pytest

import auditor
from auditor import diagnose, source
from conftest import FIXTURES, SHARED
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from render_html import HtmlStyle, render

RULES = auditor.load_rules()
NAMES = sorted(p.stem for p in (SHARED / "real-tables").glob("*.json")) if (SHARED / "real-tables").is_dir() else []
CHAINED = {
    "chained": HtmlStyle(transposed=True, account_columns=True, chained=True, nil="&mdash;", dollar="every"),
    # ... under no title, inline XBRL; and cut by a page break, no headings after it.
    "chained-untitled": HtmlStyle(transposed=True, account_columns=True, chained=True, titled=False, ixbrl=True,
                                  negative="ix", wrapper="span", nil="&#8212;"),
    "chained-page-break": HtmlStyle(transposed=True, account_columns=True, chained=True, nil="&mdash;", page_break=6),
}


def _check(text):
    return auditor.check_source(source.from_text(text, "t.htm"), RULES, input_format="html")


@pytest.mark.parametrize("style", sorted(CHAINED))
def test_real_tables_as_a_chained_roll_forward_give_exactly_their_failures(shared, style):
    mismatches = []
    for name in NAMES:
        spec = json.loads((shared / "real-tables" / f"{name}.json").read_text())
        rendered = render(spec, CHAINED[style])
        result = _check(rendered.text)
        if result.error is not None:
            mismatches.append((name, str(result.error)))
            continue
        if reported_errors(result) != expected_errors(spec, rendered):
            mismatches.append((name, "findings"))
        # A figure printed once is reported once by each rule, however many cells of the model it is.
        if len([f for f in result.findings if f.severity in ("error", "warning")]) != len(reported_errors(result)):
            mismatches.append((name, "reported twice"))
        (schedule,) = result.schedules
        cells = [c for p in schedule.periods for r in p.rows for c in r.cells if c]
        if read_cells(result.schedules) != printed_html_cells(rendered):
            mismatches.append((name, "cells"))
        objects = {(c.line, c.column): set() for c in cells}
        for c in cells:
            objects[(c.line, c.column)].add(id(c))
        if any(len(ids) > 1 for ids in objects.values()):
            mismatches.append((name, "a figure printed once is two cells"))
        if len(schedule.periods) != len(spec["periods"]):
            mismatches.append((name, "periods"))
    assert mismatches == []


@pytest.mark.parametrize("name", NAMES[::4])
def test_a_wrong_figure_closing_one_year_and_opening_the_next_is_found_once(shared, name):
    """Each shared figure printed wrong in turn (its first digit moved by one):
    every failure it causes is put on it, once."""
    spec = json.loads((shared / "real-tables" / f"{name}.json").read_text())
    rendered = render(spec, CHAINED["chained"])
    at = {}
    for f in rendered.figures:
        at.setdefault((f.line, f.start), []).append(f)
    carried = [fs[0] for fs in at.values() if len(fs) > 1 and fs[0].value is not None and abs(fs[0].value) >= 10]
    if _check(rendered.text).findings or not carried:
        pytest.skip("a table with findings of its own, or no figure carried")
    lines = rendered.text.split("\n")
    for figure in carried[:6]:
        line = lines[figure.line - 1]
        first = next(i for i in range(figure.start - 1, figure.end - 1) if line[i].isdigit())
        wrong = line[:first] + str((int(line[first]) + 1) % 10 or 1) + line[first + 1:]
        planted = _check("\n".join(lines[: figure.line - 1] + [wrong] + lines[figure.line:]))
        errors = [f for f in planted.findings if f.severity == "error"]
        assert errors
        assert len({(f.rule, f.location) for f in planted.findings}) == len(planted.findings)
        diagnosis = diagnose.result(planted, RULES)
        for finding in errors:
            s = diagnosis.suggestions[finding]
            assert ((s.cell.line, s.cell.column), s.value) == ((figure.line, figure.start), figure.value)


def test_the_chained_fixture_finds_its_planted_charge_in_its_year():
    result = auditor.check_file(str(FIXTURES / "html" / "marten-savings-1996-chained-roll-forward-row-typo.htm"))
    (schedule,) = result.schedules
    assert [p.fiscal_year for p in schedule.periods] == [1994, 1995, 1996]
    # The 1995 closing row is the 1996 opening row: the very same cells.
    closing = [r.cells[-1] for r in schedule.periods[1].rows]
    opening = [r.cells[0] for r in schedule.periods[2].rows]
    assert all(a is b for a, b in zip(closing, opening)) and len(closing) == 3
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("column_total", "December 31, 1995", "Total"), ("row_identity", "December 31, 1995", "Allowance for loan losses")]

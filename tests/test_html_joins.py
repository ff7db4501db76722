"""A Schedule II split over several <table>s joined into one schedule (stop 27), over the 24
real tables (the habits of html_joins; test_html_era_markup reads every figure of each in
place): a table per year under headings of its own, other columns than the first's, is one
schedule's period, the carry into it checked; a table per account naming no account and
printing no headings is refused, never dropped."""

from __future__ import annotations

import json
import re

import pytest

import auditor
from auditor import source
from conftest import SHARED
from expect import expected_errors, reported_errors
from html_era import edited
from render import parse_cell
from test_html_table_per_account import exhibit

RULES = auditor.load_rules()
TABLES = sorted((SHARED / "real-tables").glob("*.json"))


def _opening_moved(spec: dict) -> dict:
    """The spec with the first account's opening balance 1,000 higher in its later one of the
    first two periods (its row and the carry from the period before break)."""
    spec = json.loads(json.dumps(spec))
    years = [re.findall(r"(?:19|20)\d\d", p["label"])[-1:] for p in spec["periods"][:2]]
    later = 0 if years[0] > years[1] else 1
    for row in spec["periods"][later]["rows"]:
        cells = row["cells"]
        if cells and not row.get("is_total") and parse_cell(cells[0])[0] == "amount":
            _, value, decimals = parse_cell(cells[0])
            changed = value + 1000
            cells[0] = f"({abs(changed):,.{decimals}f})" if changed < 0 else f"{changed:,.{decimals}f}"
            return spec
    raise AssertionError("no opening balance to move")


@pytest.mark.parametrize("path", TABLES, ids=[p.stem for p in TABLES])
def test_year_tables_of_other_columns_are_one_schedule_its_carry_checked(path):
    spec = json.loads(path.read_text())
    if len(spec["periods"]) < 2:
        pytest.skip("one period")
    for s in (spec, _opening_moved(spec)):
        rendered = edited(s, "year-tables-columns")
        result = auditor.check_source(source.from_text(rendered.text, "t.htm"), RULES)
        assert result.error is None, str(result.error)
        assert [len(x.periods) for x in result.schedules] == [len(s["periods"])]
        assert reported_errors(result) == expected_errors(s, rendered)
    assert any(check == "carry_forward" for check, *_ in expected_errors(s, rendered))


def test_a_headless_table_listing_the_account_periods_again_unnamed_is_refused():
    # The second account's table prints neither its name nor headings: read, it would be the
    # first account's years again; left, its figures would be lost without a word.
    result = auditor.check_source(source.from_text(exhibit("none", repeat=False), "t.htm"), RULES)
    assert result.error is not None and "lists its periods again" in str(result.error)
    assert result.error.line == 27


def _after_last_table(text: str, table: str) -> str:
    at = text.rindex("</TABLE>\n") + len("</TABLE>\n")
    return text[:at] + table + text[at:]


def test_a_headless_table_of_no_periods_after_the_account_tables_is_said_unread():
    # A table with no headings, no caption and no period on its rows ("Total reserves" and
    # its figures) right under the last account's table: which period's or account's row it
    # prints nothing says, so it is not joined; its figures are not dropped quietly either:
    # each is a VQ007 warning at its cell, the schedule read as before.
    from test_html_table_per_account import TABLE

    figures = ("2,286", "855", "1,013", "2,051")
    cells = "".join(f"<TD>&nbsp;</TD><TD ALIGN=right>{f}</TD>" for f in figures)
    total = f"{TABLE}<TR VALIGN=bottom><TD>Total reserves</TD>{cells}</TR>\n</TABLE>\n"
    for repeat in (True, False):
        plain = auditor.check_source(source.from_text(exhibit("p", repeat), "t.htm"), RULES)
        text = _after_last_table(exhibit("p", repeat), total)
        result = auditor.check_source(source.from_text(text, "t.htm"), RULES)
        assert result.error is None
        (schedule,), (before,) = result.schedules, plain.schedules
        assert [len(p.rows) for p in schedule.periods] == [len(p.rows) for p in before.periods]
        unread = [f for f in result.findings if f.rule == "VQ007"]
        assert [f.severity for f in unread] == ["warning"] * len(figures)
        lines = text.split("\n")
        assert [lines[f.location.line - 1][f.location.column - 1:].split("<")[0] for f in unread] == list(figures)
        assert [f for f in result.findings if f.rule != "VQ007"] == plain.findings


def test_prose_between_the_account_tables_and_a_later_table_ends_the_schedule_quietly():
    # The other side: a paragraph between says the later table is the document's next one.
    from test_html_table_per_account import TABLE

    later = f"<P>Selected quarterly data follows.</P>\n{TABLE}<TR><TD>Net sales</TD><TD>12,345</TD><TD>11,002</TD></TR></TABLE>\n"
    result = auditor.check_source(source.from_text(_after_last_table(exhibit("p"), later), "t.htm"), RULES)
    assert result.error is None and not [f for f in result.findings if f.rule == "VQ007"]

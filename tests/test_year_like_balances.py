"""HTML rows labelled by their periods whose balances print without commas and run year by
year (openings 2001, 2000, 1999 in thousands): a column of balances, never the rows' years
(s36 yearcol).  What tells them apart: each row's label names its year already ("Fiscal
1997"), or, the rows labelled by place ("Prior year"), each year-like opening is the closing
of the row beside it, as balances carry forward.  Rows with no label of their own keep the
column as their years (the account's name spanning them: test_ixbrl_habits rowspan-accounts)."""

from __future__ import annotations

from pathlib import Path

import pytest

import auditor
from auditor import source

RULES = auditor.load_rules()
HTML = Path(__file__).parent / "fixtures" / "html"
STOWE = "stowe-awning-1997-dated-rows-year-run-balances-{}.htm"
BY_PLACE = {"Fiscal 1997": "Current year", "Fiscal 1996": "Prior year", "Fiscal 1995": "Second prior year"}


def _check(text: str):
    result = auditor.check_source(source.from_text(text, "t.htm"), RULES)
    assert result.error is None, result.error
    return result


def _by_place(text: str) -> str:
    for was, now in BY_PLACE.items():
        text = text.replace(f">{was}<", f">{now}<")
    return text


@pytest.mark.parametrize("edit", [lambda t: t, _by_place], ids=["year-named", "by-place"])
def test_openings_that_run_like_years_are_read_as_balances(edit):
    clean = _check(edit((HTML / STOWE.format("clean")).read_text()))
    assert [f for f in clean.findings if f.severity == "error"] == []
    openings = sorted(r.cells[0].value for s in clean.schedules for p in s.periods for r in p.rows
                      if r.cells and r.cells[0] is not None)
    assert [str(v) for v in openings] == ["1999", "2000", "2001"]  # (the first column's: the openings)
    typo = _check(edit((HTML / STOWE.format("charge-off")).read_text()))
    assert [(f.check, f.location.line) for f in typo.findings if f.severity == "error"] == [("row_identity", 30)]


def test_rows_without_labels_keep_the_column_as_their_years():
    """The account's name on the first row alone, the others blank: nothing but the column tells
    the rows apart, so no carry-forward turns it into balances (refused as before, no findings)."""
    text = (HTML / STOWE.format("clean")).read_text()
    text = text.replace(">Fiscal 1997<", ">Allowance for doubtful accounts<")
    text = text.replace(">Fiscal 1996<", "><").replace(">Fiscal 1995<", "><")
    result = auditor.check_source(source.from_text(text, "t.htm"), RULES)
    assert result.error is not None or not [f for f in result.findings if f.severity == "error"]

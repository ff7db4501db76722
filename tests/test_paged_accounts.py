"""A by-account schedule with each account after the first on a page of its
own (issue 12): the <TABLE> closed, the page ejected under a running head and
a page number, the table re-opened with its <S>/<C> markers but no headings,
the next account's caption heading its rows, printed inside the re-opened
table or between the two tables.  Each of the 24 real tables in
the by-account layouts of test_real_tables so printed must read back exactly:
every figure in its period, row and column, each account named by the caption
above it, its errors found and no other."""

import dataclasses
import json
import re

import pytest

from expect import expected_errors, reported_errors, row_name
from test_real_tables import LAYOUTS, NAMES, _check, applicable

BY_ACCOUNT = [name for name, layout in LAYOUTS.items() if layout.by_account]


CASES = [pytest.param(t, n, where, id=f"{t}-{n}-caption-{where}")
         for t in NAMES for n in BY_ACCOUNT for where in ("inside", "between")]


@pytest.mark.parametrize("table,layout_name,where", CASES)
def test_an_account_per_page_reads_back_exactly(shared, tmp_path, table, layout_name, where):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    layout = dataclasses.replace(applicable(spec, LAYOUTS[layout_name]), page_per_account=where)
    rendered, result = _check(spec, layout, tmp_path)
    assert result.error is None, f"{result.error}\n{rendered.text}"
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == spec["roles"][1:]
    got = {(cell.line, cell.column): (row_name(row.label), k, cell.value, cell.raw)
           for period in schedule.periods for row in period.rows for k, cell in enumerate(row.cells) if cell is not None}
    printed = {(f.line, f.start): (row_name(rendered.row_labels[(f.period, f.row)]), f.column, f.value, f.raw)
               for f in rendered.figures}
    assert got == printed
    assert reported_errors(result) == expected_errors(spec, rendered, blank_nils=layout.nil == "")


def _planted(spec: dict) -> dict:
    """The spec with one figure mistyped on the last account's page: the
    first period's last row's balance at end, its first digit off by one
    (a last digit's is within the rounding a schedule allows)."""
    planted = json.loads(json.dumps(spec))
    cells = planted["periods"][0]["rows"][-1]["cells"]
    k = max(i for i, cell in enumerate(cells) if re.search(r"\d", cell))
    digit = re.search(r"\d", cells[k]).start()
    cells[k] = cells[k][:digit] + str((int(cells[k][digit]) + 1) % 10) + cells[k][digit + 1:]
    return planted


@pytest.mark.parametrize("table,layout_name", [pytest.param(t, n, id=f"{t}-{n}") for t in NAMES for n in BY_ACCOUNT])
def test_an_error_planted_past_the_break_is_found(shared, tmp_path, table, layout_name):
    spec = _planted(json.loads((shared / "real-tables" / f"{table}.json").read_text()))
    layout = dataclasses.replace(applicable(spec, LAYOUTS[layout_name]), page_per_account="between")
    rendered, result = _check(spec, layout, tmp_path)
    assert result.error is None, f"{result.error}\n{rendered.text}"
    expected = expected_errors(spec, rendered, blank_nils=layout.nil == "")
    assert expected and reported_errors(result) == expected

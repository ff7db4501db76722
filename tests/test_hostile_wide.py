"""HTML tables thousands of grid columns wide (issue 16): read in work linear
in their columns, and refused past limits.MAX_GRID_COLUMNS as they are read.

Work is counted, not timed: the function calls the interpreter makes
(cProfile's count) while the file is checked, front end, reading and rules.
A step that asks every column about every column (as the headings, the
leaves and the signs did: 5,000 columns took 27 s) makes ten times the
columns a hundred times the calls; linear work makes it ten.
"""

import cProfile
import pstats

import pytest

from auditor import check_source, limits, source
from auditor.frontends.html import grid as html_grid
from auditor.ruleset import rules
from conftest import run
from wide_tables import ACCOUNT, SHAPES, WRONG, headings

RULES = rules.load()
GROWTH = 15  # ten times the columns: at most this many times the calls


def counted(text: str):
    """(function calls made checking the text as an .htm file, the result)."""
    src = source.from_text(text, "wide.htm")
    return calls(lambda: check_source(src, RULES))


@pytest.mark.parametrize("shape, small", [("repeated", 500), ("movements", 200), ("spanned", 200),
                                          ("padded", 200), ("stacked", 200), ("across", 200)])
def test_work_grows_linearly_with_the_columns(shape, small):
    few, _ = counted(SHAPES[shape](small))
    many, result = counted(SHAPES[shape](10 * small))
    assert many <= GROWTH * few, (shape, few, many, many / few)
    if shape == "repeated":  # the 5,000 columns: read through to the headings (it repeats the balances), not refused
        # for their number: refused as a table whose balances repeat, 1,250 reserves side by side
        # naming none (the reading stage's "matches no role" before side_by_side saw them)
        assert "1250 balances at beginning and 1250 at end" in str(result.error)
        return
    (schedule,) = result.schedules
    wrong = [f for f in result.findings if f.rule == "VQ001" and f.severity == "error"]
    assert len(wrong) == 1 and wrong[0].row == ACCOUNT and f"{WRONG:,}" in wrong[0].message
    wide = {"movements": 10 * small, "stacked": 10 * small, "spanned": 10 * small // 4}.get(shape, 4)
    assert len(schedule.columns) == len(headings(wide))


def test_a_table_wider_than_the_limit_is_refused_in_one_line(tmp_path):
    # 60 cells of colspan 200: 12,000 grid columns from 2 KB.
    path = tmp_path / "spans.htm"
    path.write_text(SHAPES["movements"](20).replace("<td>Description</td>", '<td colspan="200">x</td>' * 60))
    proc = run("check", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert f"{path}:1:" in line and f"more than {limits.MAX_GRID_COLUMNS:,} columns wide" in line


def test_a_table_past_the_limit_is_refused_before_its_cells_past_it_are_read(monkeypatch):
    """A row of 50,000 cells: its cells are made only up to the limit (the
    refusal comes as the row is read, not after the table is)."""
    made = []

    class Counted(html_grid.HtmlCell):
        def __post_init__(self):
            made.append(1)

    monkeypatch.setattr(html_grid, "HtmlCell", Counted)
    _, result = counted(SHAPES["movements"](50_000))
    assert f"more than {limits.MAX_GRID_COLUMNS:,} columns wide" in str(result.error)
    assert len(made) <= limits.MAX_GRID_COLUMNS + 1, len(made)


def test_rowspans_cost_their_columns_not_their_rows_times_columns():
    """A row of cells each spanning a thousand rows: each row below is laid
    past them in a step per spanning cell (the places they cover were a set
    of rows times columns, scanned once per row)."""
    def laid(rows: int):
        text = ("<table><tr>" + '<td rowspan="1000">Balance</td>' * 100 + "</tr>"
                + "<tr><td>100</td><td>Deductions</td></tr>" * rows + "</table>")
        return calls(lambda: html_grid.read(text, 0, len(text), [0]))

    few, _ = laid(100)
    many, grid = laid(1000)
    assert many <= GROWTH * few, (few, many)
    assert grid.width == 102 and all(row[0].column == 100 for row in grid.rows[1:1000])
    assert grid.rows[1000][0].column == 0  # past the thousand rows the cells span


def calls(work):
    """(function calls `work()` makes, what it returns)."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        done = work()
    finally:
        profile.disable()
    return pstats.Stats(profile).total_calls, done

"""The one walker of cells: every printed figure of every fixture, exactly
once, with the place in the table that leads back to it."""

import pytest

import auditor
from auditor.cells import by_place, located
from conftest import FIXTURES, ROOT

RULES = auditor.load_rules()
CASES = sorted(p for pattern in ("*.txt", "html/*.htm", "submissions/*.txt") for p in FIXTURES.glob(pattern))


@pytest.mark.parametrize("path", CASES, ids=[p.relative_to(FIXTURES).as_posix() for p in CASES])
def test_every_non_empty_cell_is_visited_once(path):
    result = auditor.check_file(str(path.relative_to(ROOT)), RULES)
    for schedule in result.schedules:
        printed = [id(c) for period in schedule.periods for row in period.rows for c in row.cells if c is not None]
        walked = list(located(schedule))
        assert sorted(id(c.cell) for c in walked) == sorted(printed)
        assert len({(c.period, c.row, c.column) for c in walked}) == len(walked)
        for c in walked:
            assert schedule.periods[c.period].rows[c.row].cells[c.column] is c.cell
            assert c.place == (c.cell.line, c.cell.column)
    places = by_place(result.schedules)
    for s in result.schedules:
        for c in located(s):
            assert places[c.place].cell.line == c.cell.line
    assert len(places) == len({c.place for s in result.schedules for c in located(s)})


def test_the_fixtures_have_blank_cells_to_skip():
    """(Else the walk's skipping of blanks would be untested.)"""
    blanks = 0
    for path in CASES:
        for s in auditor.check_file(str(path), RULES).schedules:
            blanks += sum(c is None for p in s.periods for r in p.rows for c in r.cells)
    assert blanks > 0

"""Completeness (issue 12, part 6): what the reading could not cover is said."""

from dataclasses import replace
from pathlib import Path

import auditor
from auditor import engine
from auditor.model import Position

SEED = Path(__file__).parent / "fixtures" / "lantronix-2003.txt"
TITLE = "CONSOLIDATED VALUATION AND QUALIFYING ACCOUNTS"


def _check(tmp_path, title):
    path = tmp_path / "seed.txt"
    path.write_text(SEED.read_text().replace(TITLE, title))
    return auditor.check_file(str(path))


def test_a_title_naming_a_year_no_period_covers_warns(tmp_path):
    result = _check(tmp_path, "VALUATION AND QUALIFYING ACCOUNTS, YEARS ENDED JUNE 30, 2003, 2002, 2001 AND 2000")
    (warning,) = [f for f in result.findings if f.rule == "VQ006"]
    assert warning.severity == "warning" and "2000" in warning.message and warning.location.line == 8
    assert "2003" not in warning.message.split("no period of", 1)[1]


def test_a_title_naming_the_years_read_is_quiet(tmp_path):
    result = _check(tmp_path, "VALUATION AND QUALIFYING ACCOUNTS, YEARS ENDED JUNE 30, 2003, 2002 AND 2001")
    assert [f.rule for f in result.findings if f.severity == "warning"] == []
    assert result.schedules[0].reading.years_named == (2001, 2002, 2003)


def test_a_figure_no_cell_holds_warns_where_it_is_printed():
    ruleset = auditor.load_rules()
    (schedule,) = auditor.check_file(str(SEED)).schedules
    stray = replace(schedule, unread=(Position(30, 12),))
    found = [f for f in engine.evaluate(stray, ruleset) if f.rule == "VQ007"]
    assert [(f.severity, f.location) for f in found] == [("warning", Position(30, 12))]
    assert [f for f in engine.evaluate(schedule, ruleset) if f.rule == "VQ007"] == []

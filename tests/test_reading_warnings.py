"""Completeness (issue 12, part 6): what the reading could not cover is said."""

from dataclasses import replace
from pathlib import Path

import auditor
from auditor.ruleset import engine
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


def test_a_balance_read_by_place_alone_needs_the_rows_to_close(tmp_path):
    """An unnamed last column is read as the balance at end where the rows
    close so; where they do not, an input error names it and what was tried."""
    lines = SEED.read_text().splitlines()
    head = next(i for i, ln in enumerate(lines) if "DEDUCTIONS" in ln)
    for i in range(head - 4, head + 1):  # blank the last heading, "BALANCE END OF PERIOD" (from column 96)
        lines[i] = lines[i][:95].rstrip()
    read = tmp_path / "read.txt"
    read.write_text("\n".join(lines) + "\n")
    result = auditor.check_file(str(read))
    assert result.error is None, result.error
    assert result.schedules[0].reading.columns[-1].basis == ("position: the last column closes",)
    for i, ln in enumerate(lines):  # no row's last figure closes any more
        if ln[:1].isalpha() and ln.rstrip()[-1:].isdigit() and "Year" not in ln:
            lines[i] = ln[:-1] + str((int(ln[-1]) + 3) % 10)
    broken = tmp_path / "broken.txt"
    broken.write_text("\n".join(lines) + "\n")
    error = auditor.check_file(str(broken)).error
    assert error is not None and "column 5" in error.message and "balance at end" in error.message


DATED = Path(__file__).parent / "fixtures" / "quillby-brass-2013-one-year-dated-balance-headings-clean.txt"
DATED_HTML = DATED.parent / "html" / "quillby-brass-2013-one-year-dated-balance-headings-clean.htm"


def _periods_named(tmp_path, path, *edits):
    text = path.read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    edited = tmp_path / path.name
    edited.write_text(text)
    result = auditor.check_file(str(edited))
    assert result.error is None, result.error
    return result.schedules[0], [f.message for f in result.findings if f.rule == "VQ006"]


def test_a_one_year_tables_opening_balance_dated_the_year_before_names_no_period_unread(tmp_path):
    """"Balance at November 30, 2012" over the year ended November 30, 2013: the prior year's
    end, the date the year read opens on (s48-dated; a false VQ006 on 67dfc1c2, text and HTML)."""
    for path in (DATED, DATED_HTML):
        schedule, warned = _periods_named(tmp_path, path)
        assert schedule.reading.years_named == (2012, 2013) and len(schedule.periods) == 1
        assert warned == [], path.name
    # (no year in the title: the closing balance's date names the year the opening one begins)
    _, warned = _periods_named(tmp_path, DATED, ("      Year ended November 30, 2013\n", "\n"))
    assert warned == []


def test_a_title_naming_the_opening_balances_year_still_claims_its_period(tmp_path):
    """The title naming 2012 too ("2013, 2012 and 2011", "2013 and 2012") over one period read
    claims a period of 2012: still warned, in text and HTML."""
    for path in (DATED, DATED_HTML):
        month = "November 30" if path is DATED else "December 31"
        for years in ("2013, 2012 and 2011", "2013 and 2012"):
            _, warned = _periods_named(tmp_path, path, (f"Year ended {month}, 2013", f"Years ended {month}, {years}"))
            assert len(warned) == 1 and "2012" in warned[0], (path.name, years, warned)


def test_an_opening_balance_dated_two_years_before_names_a_year_unread(tmp_path):
    """Only the year right before a period read (or before the closing balance's date) is the
    date the year opens on: "Balance at November 30, 2011" over 2013 still warns of 2011."""
    _, warned = _periods_named(tmp_path, DATED, ("Description                       2012 ", "Description                       2011 "))
    assert len(warned) == 1 and "no period of 2011" in warned[0]

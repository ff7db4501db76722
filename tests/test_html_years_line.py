"""The HTML completeness feed (issue 12, part 6): a line naming the years a
schedule covers, printed between its title and its table in an element of
its own (a <p>, a <div>, a <font> line after a <br>, a row of the table under
a title printed inside it), is the schedule's subtitle, and a year it names
that no period read covers warns (periods-named), as in text."""

import pytest

import auditor
from auditor import source
from conftest import FIXTURES

EXHIBIT = (FIXTURES / "html" / "linden-pumps-2003-years-line-own-block.htm").read_text(encoding="utf-8")
SPAN = '<span style="font-family:Times New Roman;font-size:10pt">'
YEARS_P = f'<p style="text-align:center">{SPAN}For the years ended December 31, 2003, 2002 and 2001</span></p>\n'
TITLE_P = ('<p style="text-align:center"><span style="font-family:Times New Roman;font-size:10pt;font-weight:bold">'
           'SCHEDULE II &#8212; VALUATION AND QUALIFYING ACCOUNTS</span></p>\n')
TABLE = '<table cellspacing="0" cellpadding="0" width="100%" border="0" style="font-size:10pt">\n'
assert YEARS_P in EXHIBIT and TITLE_P in EXHIBIT and TABLE in EXHIBIT


def _read(text: str):
    src = source.from_text(text, "t.htm")
    result = auditor.check_source(src, auditor.load_rules(), input_format="html")
    assert result.error is None, result.error
    (schedule,) = result.schedules
    return schedule, [f for f in result.findings if f.rule == "VQ006"]


YEARS = "For the years ended December 31, 2003, 2002 and 2001"
PLACES = {
    "p": YEARS_P,
    "div": f"<div align=center><font size=2>{YEARS}</font></div>\n",
    "font-after-br": f"<br>\n<font size=2>{YEARS.upper()}</font><br>\n",
    "center": f"<center><b>{YEARS}</b></center>\n",
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_the_years_line_in_an_element_of_its_own_is_compared_with_the_periods_read(place):
    schedule, warnings = _read(EXHIBIT.replace(YEARS_P, PLACES[place]))
    assert "2001" in schedule.subtitle and schedule.reading.years_named == (2001, 2002, 2003)
    (warning,) = warnings
    assert warning.severity == "warning" and warning.location.line == 6
    assert "no period of 2001 is read (2 read)" in warning.message


def test_a_years_line_naming_the_years_read_is_quiet():
    schedule, warnings = _read(EXHIBIT.replace("2003, 2002 and 2001", "2003 and 2002"))
    assert schedule.reading.years_named == (2002, 2003) and warnings == []


def test_the_years_row_under_a_title_printed_inside_the_table():
    inside = EXHIBIT.replace(TITLE_P, "").replace(YEARS_P, "").replace(
        TABLE, TABLE + '<tr><td colspan="21" align="center">SCHEDULE II &#8212; VALUATION AND QUALIFYING ACCOUNTS</td></tr>\n'
                       f'<tr><td colspan="21" align="center">{YEARS}</td></tr>\n')
    schedule, warnings = _read(inside)
    assert schedule.reading.years_named == (2001, 2002, 2003)
    (warning,) = warnings
    assert "no period of 2001" in warning.message


def test_a_sentence_of_prose_naming_years_is_no_years_line():
    """A paragraph between the title and the table that names other years in
    passing (a change of estimate, a restatement) names no period of the
    schedule: only a line as short as a title's is read as one."""
    prose = (f"<p>{SPAN}In 2001 the Company changed its estimate of the allowance; the schedule below presents the "
             "activity in its reserves for each of the years ended December 31, 2003 and 2002.</span></p>\n")
    schedule, warnings = _read(EXHIBIT.replace(YEARS_P, prose))
    assert schedule.subtitle == "" and warnings == []

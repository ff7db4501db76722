"""The years only in the title (issue 12, s28 shapes): a schedule printing no
caption over its rows, its year or years named under the title.  Each block of
the same accounts is the year the title names in its place where the blocks
are exactly as many as the years; else the rows stay one period without a year."""

from __future__ import annotations

import auditor
from auditor import source
from conftest import FIXTURES

RULES = auditor.load_rules()
TEXT = (FIXTURES / "holloway-brass-2003-years-in-title-clean.txt").read_text()


def _periods(text: str, name: str = "t.txt") -> list[tuple[object, object, int]]:
    result = auditor.check_source(source.from_text(text, name), RULES)
    assert result.error is None, result.error
    return [(p.fiscal_year, str(p.end_date), len(p.rows)) for s in result.schedules for p in s.periods]


def test_each_block_is_the_year_the_title_names_in_its_place():
    assert _periods(TEXT) == [(2003, "2003-12-31", 3), (2002, "2002-12-31", 3), (2001, "2001-12-31", 3)]


def test_the_html_blocks_and_the_one_year_of_a_title():
    html = FIXTURES / "html"
    assert _periods((html / "linnet-optics-2004-years-in-title-clean.htm").read_text(), "t.htm") == [
        (2004, "2004-12-31", 3), (2003, "2003-12-31", 3), (2002, "2002-12-31", 3)]
    assert _periods((html / "linnet-optics-2004-year-in-title-clean.htm").read_text(), "t.htm") == [
        (2004, "2004-12-31", 3)]


def test_each_year_its_own_date_where_the_title_dates_each():
    text = TEXT.replace("Years ended December 31, 2003, 2002 and 2001",
                        "Years ended June 28, 2003, June 29, 2002 and June 30, 2001")
    assert _periods(text) == [(2003, "2003-06-28", 3), (2002, "2002-06-29", 3), (2001, "2001-06-30", 3)]


def test_blocks_and_years_that_do_not_match_stay_one_period():
    two_years = TEXT.replace("December 31, 2003, 2002 and 2001", "December 31, 2003 and 2002")
    assert _periods(two_years) == [(None, "None", 9)]
    span = TEXT.replace("Years ended December 31, 2003, 2002 and 2001", "For the two years ended December 31, 2003")
    assert _periods(span) == [(None, "None", 9)]


def test_a_title_counting_the_years_names_the_blocks_back_from_its_date():
    """s29: "For the three years ended December 31, 2003" over three blocks: 2003, 2002, 2001
    (it stayed one period, VQ006 saying so).  (Blocks printed oldest first under it, their own
    carry forward turning the years: tests/period_habits.py's title habits.)"""
    span = TEXT.replace("Years ended December 31, 2003, 2002 and 2001", "For the three years ended December 31, 2003")
    assert _periods(span) == [(2003, "2003-12-31", 3), (2002, "2002-12-31", 3), (2001, "2001-12-31", 3)]
    assert not auditor.check_source(source.from_text(span, "t.txt"), RULES).findings


def test_vq006_says_when_the_title_names_more_years_than_the_yearless_periods_read():
    two_years = TEXT.replace("December 31, 2003, 2002 and 2001", "December 31, 2003 and 2002")
    result = auditor.check_source(source.from_text(two_years, "t.txt"), RULES)
    said = [f.message for f in result.findings if f.rule == "VQ006"]
    assert said == ["the title names 2002, 2003, but the rows are read as 1 period naming no year"]
    assert not [f for f in auditor.check_source(source.from_text(TEXT, "t.txt"), RULES).findings]


def test_vq006_says_when_the_title_counts_more_years_than_the_periods_read():
    def vq006(text: str, name: str = "t.txt") -> list[str]:
        return [f.message for f in auditor.check_source(source.from_text(text, name), RULES).findings
                if f.rule == "VQ006"]
    # (s29: a title counting as many years as the blocks names them: only a count that differs is left)
    for title in ("For the two years ended December 31, 2003", "For each of the four years ended December 31, 2003",
                  "For the two fiscal years ended December 31, 2003"):
        counted = "4" if "four" in title else "2"
        span = TEXT.replace("Years ended December 31, 2003, 2002 and 2001", title)
        assert span != TEXT
        # (s48-cuts4: fewer blocks than the years counted, a file cut between two, are periods without a caption)
        read = "3 periods" if counted == "4" else "1 period"
        assert vq006(span) == [f"the title counts {counted} years, but the rows are read as {read} naming no year"]
    # (as many periods read as the title counts: nothing to say)
    all_three = TEXT.replace("Years ended", "For the three years ended")
    assert all_three != TEXT and _periods(all_three)[0] == (2003, "2003-12-31", 3)
    assert vq006(all_three) == []

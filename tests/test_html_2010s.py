"""What the habits of 2008-2018 filing software's HTML (html_2010s) must read, beyond the
findings the fixtures check: the periods apart, the labels without their markers, the
accounts' names, and invisible characters at no figure's place."""

from __future__ import annotations

import pytest

import auditor
from auditor import source
from auditor.labels import period_from_caption
from conftest import FIXTURES

RULES = auditor.load_rules()
HTML = FIXTURES / "html"


def _read(name: str):
    result = auditor.check_source(source.from_text((HTML / f"{name}.htm").read_text(), f"{name}.htm"), RULES)
    assert result.error is None, result.error
    return result.schedules


def test_fy_glued_to_its_year_captions_a_period_of_that_year():
    assert period_from_caption("FY2012", 1, ()).fiscal_year == 2012
    [schedule] = _read("heron-optics-2012-fy-captions-clean")
    assert [(p.label, p.fiscal_year) for p in schedule.periods] == [("FY2012", 2012), ("FY2011", 2011), ("FY2010", 2010)]


def test_a_label_s_sup_digit_is_its_marker_not_part_of_its_name():
    [schedule] = _read("kite-brands-2015-sup-digits-clean")
    first = schedule.periods[0].rows
    assert [(r.label, r.footnote) for r in first[:2]] == [("Allowance for doubtful accounts", "2"),
                                                          ("Reserve for returns", "2")]
    assert all(r.label in ("Allowance for doubtful accounts", "Reserve for returns", "Total")
               for p in schedule.periods for r in p.rows)


@pytest.mark.parametrize("name", ["loon-foods-2016-account-in-heading-clean"])
def test_an_account_named_in_the_label_heading_of_its_own_table_is_one_schedule_s_account(name):
    [schedule] = _read(name)
    assert [p.fiscal_year for p in schedule.periods] == [2014, 2015, 2016]
    assert [r.label for r in schedule.periods[0].rows] == [
        "Allowance for doubtful accounts", "Reserve for inventory obsolescence", "Total"]


def test_a_year_in_the_label_cell_of_repeated_headings_opens_its_period():
    [schedule] = _read("marten-chemical-2011-period-label-heading-clean")
    assert [len(p.rows) for p in schedule.periods] == [3, 3, 3]
    assert [p.fiscal_year for p in schedule.periods] == [2011, 2010, 2009]


@pytest.mark.parametrize("invisible", ["&#8203;", "\u200b", "&#173;", "\u00ad", "&#xFEFF;"])
def test_invisible_characters_print_nothing_and_move_no_figure(invisible):
    head = "".join(f"<td>{h}</td>" for h in ("Balance at begin" + invisible + "ning of year", "Charged to expense",
                                              "Deduc" + invisible + "tions", "Balance at end of year"))
    table = ("<html><body><p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>\n"
             f"<tr><td>Description</td>{head}</tr>\n<tr><td>Year ended December 31, 2012</td></tr>\n"
             f"<tr><td>{invisible}Allowance for doubtful accounts</td><td>$" + invisible + "100</td>"
             f"<td>{invisible}40</td><td>30</td><td>11{invisible}0</td></tr>\n"
             "</table></body></html>\n")
    result = auditor.check_source(source.from_text(table, "t.htm"), RULES)
    assert result.error is None, result.error
    [schedule] = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    [row] = schedule.periods[0].rows
    assert row.label == "Allowance for doubtful accounts"
    assert [c.raw for c in row.cells] == ["100", "40", "30", "110"]
    line = table.split("\n")[3]
    assert row.cells[0].position.column == line.index("100<") + 1
    assert row.cells[3].position.column == line.index(f"11{invisible}0") + 1

"""Two reserves side by side (issue 12, s28 shapes): a group of columns per
reserve, each from its balance at beginning to its balance at end, under a
heading naming the reserve.  Read as a row per reserve in each period, each
group's figures its own row; groups naming no reserve, or whose headings do
not read alike, are refused (read as one row, the second reserve's balances
would be taken for movements)."""

from __future__ import annotations

import auditor
from auditor import source
from conftest import FIXTURES

RULES = auditor.load_rules()
TEXT = (FIXTURES / "merganser-textile-2003-reserves-side-by-side-clean.txt").read_text()
HTML = (FIXTURES / "html" / "merganser-rugs-2003-reserves-side-by-side-clean.htm").read_text()


def _read(text: str, name: str = "t.txt"):
    result = auditor.check_source(source.from_text(text, name), RULES)
    assert result.error is None, result.error
    return result


def _rows(text: str, name: str = "t.txt") -> list[tuple[object, str, tuple[str, ...]]]:
    return [(p.fiscal_year, r.label, tuple(c.raw for c in r.cells if c))
            for s in _read(text, name).schedules for p in s.periods for r in p.rows]


def test_each_group_is_a_row_of_its_reserve_in_each_year():
    for text, name in ((TEXT, "t.txt"), (HTML, "t.htm")):
        rows = _rows(text, name)
        assert [(y, label) for y, label, _ in rows] == [
            (y, reserve) for y in (2003, 2002, 2001)
            for reserve in ("Allowance for Doubtful Accounts", "Inventory Reserve")]
        assert rows[1][2] == ("1,540", "410", "688", "1,262")
        schedule = _read(text, name).schedules[0]
        assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]



def _refused(text: str, name: str) -> str:
    result = auditor.check_source(source.from_text(text, name), RULES)
    assert result.error is not None and not result.schedules
    return str(result.error)


def test_groups_named_by_a_year_are_refused():
    text = TEXT.replace("Allowance for Doubtful Accounts", "          Fiscal year 2003       ").replace(
        "Inventory Reserve", "Fiscal year 2002 ")
    assert "Allowance" not in text
    said = _refused(text, "t.txt")
    assert "2 balances at beginning and 2 at end" in said and "name periods, not reserves" in said


def test_groups_whose_headings_differ_are_refused():
    text = HTML.replace("<td align=\"center\">Deductions</td>", "<td align=\"center\">Write-offs</td>", 1)
    assert text != HTML
    said = _refused(text, "t.htm")
    assert "2 reserves side by side whose groups do not match (their column headings differ)" in said


def test_groups_naming_no_reserve_are_refused():
    text = HTML.replace("<b>Allowance for Doubtful Accounts</b>", "").replace("<b>Inventory Reserve</b>", "")
    assert "Inventory" not in text
    assert "no heading over each group names its reserve" in _refused(text, "t.htm")


def test_groups_of_different_widths_are_refused():
    more = "<td align=\"center\">Recoveries</td><td align=\"center\">Balance at End of Year</td></tr>"
    text = HTML.replace("<td align=\"center\">Balance at End of Year</td></tr>", more, 1)
    assert text != HTML
    assert "groups of different widths" in _refused(text, "t.htm")


# Two years side by side: a group of columns per year, each headed by its year, a row per reserve.
YEARS_TEXT = (FIXTURES / "pelham-instruments-1998-years-side-by-side-clean.txt").read_text()
YEARS_HTML = (FIXTURES / "html" / "fenwick-optics-2004-years-side-by-side-clean.htm").read_text()


def test_groups_headed_by_years_are_periods_of_the_same_rows():
    for text, name, years in ((YEARS_TEXT, "t.txt", (1998, 1997)), (YEARS_HTML, "t.htm", (2004, 2003))):
        result = _read(text, name)
        assert not result.findings
        (schedule,) = result.schedules
        assert [p.fiscal_year for p in schedule.periods] == list(years)
        assert [[r.label for r in p.rows] for p in schedule.periods][0] == [r.label for r in schedule.periods[1].rows]
        assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
        # (each period's figures are its own group's: the later group's balance at end is the earlier's opening)
        first, second = schedule.periods
        assert first.rows[0].cells[0].raw == second.rows[0].cells[3].raw


def test_a_bare_year_over_each_group_is_a_heading_not_a_row():
    untagged = "\n".join(line for line in YEARS_TEXT.split("\n") if not line.startswith(("<TABLE", "<CAPTION", "<S>", "</TABLE")))
    for text in (YEARS_TEXT, untagged):
        (schedule,) = _read(text).schedules
        assert [p.label for p in schedule.periods] == ["1998", "1997"]
        assert len(schedule.periods[0].rows) == 4 and schedule.periods[0].rows[-1].kind == "total"


def test_groups_headed_by_years_over_period_rows_are_refused():
    """Years over the groups and years as rows: neither periods nor reserves side by side."""
    rows = YEARS_HTML.replace("<td>Allowance for doubtful accounts</td>", "<td>Year ended June 30, 2004</td>")
    assert rows != YEARS_HTML
    said = _refused(rows.replace("<td>Allowance for sales returns</td>", "<td>Year ended June 30, 2003</td>"), "t.htm")
    assert "name periods, not reserves" in said


def test_the_refusal_names_the_headings_line_not_the_titles():
    text = YEARS_TEXT.replace("1998                                               1997",
                              "                                                       ")
    assert text != YEARS_TEXT
    said = _refused(text, "t.txt")
    headings = next(n for n, line in enumerate(text.split("\n"), 1) if "Balance at" in line)
    assert said.startswith(f"t.txt:{headings}:") and "no heading over each group names its reserve" in said


def test_years_side_by_side_under_a_title_naming_the_latest_year_are_that_many_periods():
    text = (FIXTURES / "sorrento-valve-2003-three-years-side-by-side-under-the-year.txt").read_text()
    assert [p.fiscal_year for s in _read(text).schedules for p in s.periods] == [2003, 2002, 2001]
    # (a title naming another year than the latest group's: which year is whose is not the groups' to say)
    for other in ("2001", "2004"):
        said = _refused(text.replace("December 31, 2003", f"December 31, {other}"), "t.txt")
        assert "side by side" in said


def test_letters_starting_again_open_a_group_per_reserve_and_without_names_are_refused():
    text = (FIXTURES / "calloway-ceramics-2003-reserves-side-by-side-letters-only.txt").read_text()
    rows = _rows(text)
    assert [(y, label) for y, label, _ in rows] == [
        (y, reserve) for y in (2003, 2002, 2001) for reserve in ("Allowance for doubtful accounts", "Inventory reserve")]
    assert rows[1][2] == ("1,540", "410", "688", "1,262")
    # (no reserve named over the groups: one row across them would take the second's balances for movements)
    lines = text.split("\n")
    named = next(i for i, ln in enumerate(lines) if "Inventory reserve" in ln)
    said = _refused("\n".join(lines[:named] + lines[named + 1:]), "t.txt")
    assert "letters run 2 times" in said and "t.txt:" in said

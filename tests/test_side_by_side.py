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

"""A text table too wide for the page, typed in two parts one under the other
(frontends/text/halves): the labels with the first columns, then the rest,
its rows labelled again or not.  Read as one table where neither part names
both balances and the rows match one for one; an input error naming both
parts where they do not; two complete tables never joined."""

from __future__ import annotations

from decimal import Decimal

import auditor
from auditor import diagnose, source
from conftest import FIXTURES

RULES = auditor.load_rules()
LABELLED = "harrow-steel-1995-columns-in-two-parts"
UNLABELLED = "westbrook-paper-1998-columns-in-two-parts-unlabelled"


def _check_text(text: str):
    return auditor.check_source(source.from_text(text, "t.txt"), RULES)


def _fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text()


def test_the_parts_read_as_one_table_each_figure_in_its_row_and_column():
    result = _check_text(_fixture(LABELLED))
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    assert [p.fiscal_year for p in schedule.periods] == [1995, 1994, 1993]
    row = schedule.periods[1].rows[1]  # 1994 inventory reserve: the first part's line 25, the second's 56
    assert row.label == "Reserve for inventory obsolescence"
    assert [(c.line, c.value) for c in row.cells if c] == [
        (25, Decimal(1870)), (25, Decimal(585)), (25, Decimal(42)), (56, Decimal(482)), (56, Decimal(2015))]


def test_a_wrong_figure_of_the_second_part_is_named_at_its_cell():
    result = _check_text(_fixture(UNLABELLED + "-misfooted"))
    assert result.error is None, str(result.error)
    diagnosis = diagnose.result(result, RULES)
    cells = {(s.cell.line, s.cell.column, s.cell.raw, s.value) for s in diagnosis.suggestions.values()}
    assert cells == {(37, 52, "359,600", Decimal(395600))}


def test_a_second_part_short_of_a_row_is_refused_naming_both_parts():
    lines = _fixture(UNLABELLED).split("\n")
    short = "\n".join(ln for i, ln in enumerate(lines, 1) if i != 44)  # the 1997 sales returns' rest
    result = _check_text(short)
    assert result.error is not None and not result.schedules
    message = str(result.error)
    assert "t.txt:5:" in message and "second part (line 36)" in message and "6 rows, then 5" in message


def test_a_second_part_labelled_otherwise_is_refused_not_joined():
    text = _fixture(LABELLED).replace("  Allowance for doubtful accounts   $    245        $  1,240",
                                      "  Allowance for sales returns       $    245        $  1,240")
    result = _check_text(text)
    assert result.error is not None
    assert "'Allowance for sales returns'" in str(result.error) and "second part" in str(result.error)


COMPLETE = """                       VALUATION AND QUALIFYING ACCOUNTS

<TABLE>
<CAPTION>
                                    BALANCE AT   CHARGED TO                BALANCE AT
                                    BEGINNING    COSTS AND                   END OF
DESCRIPTION                          OF YEAR      EXPENSES    DEDUCTIONS      YEAR
<S>                                 <C>          <C>          <C>          <C>
Year ended December 31, 1996:
  Allowance for doubtful accounts   $      812   $      240   $      198   $      854
</TABLE>

<TABLE>
<CAPTION>
                                    BALANCE AT   CHARGED TO                BALANCE AT
                                    BEGINNING    COSTS AND                   END OF
DESCRIPTION                          OF YEAR      EXPENSES    WRITE-OFFS      YEAR
<S>                                 <C>          <C>          <C>          <C>
Year ended December 31, 1995:
  Allowance for doubtful accounts   $      790   $      215   $      193   $      812
</TABLE>
"""


def test_two_complete_tables_one_under_the_other_are_not_joined_side_by_side():
    result = _check_text(COMPLETE)
    assert result.error is None, str(result.error)
    # (The second, under no title of its own and naming the same account, is the
    # schedule's earlier year (text/periods.joined_years, stop 27): one schedule of two
    # periods over the union of the two tables' columns, never one period's columns side by side.)
    [schedule] = result.schedules
    assert [p.fiscal_year for p in schedule.periods] == [1996, 1995]
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "writeoffs", "deductions", "ending"]
    assert [f for f in result.findings if f.severity == "error"] == []


def test_two_one_year_tables_joined_as_years_check_the_carry_between_them():
    # 1996 opens at 822 (and so ends at 864): its row closes, the carry from 1995's 812 does not.
    slipped = COMPLETE.replace("$      812   $      240   $      198   $      854",
                               "$      822   $      240   $      198   $      864")
    result = _check_text(slipped)
    assert result.error is None, str(result.error)
    errors = [f for f in result.findings if f.severity == "error"]
    assert [(f.check, f.column, f.actual, f.expected) for f in errors] == [
        ("carry_forward", "beginning", Decimal("822"), Decimal("812"))]


def test_a_table_on_the_page_after_the_two_parts_is_refused_not_dropped():
    more = """<PAGE>
<TABLE>
<CAPTION>
                                    BALANCE AT   CHARGED TO   CHARGED TO                BALANCE AT
         DESCRIPTION                BEGINNING    COSTS        OTHER       DEDUCTIONS    END OF PERIOD
<S>                                 <C>          <C>          <C>         <C>           <C>
Year ended December 31, 1992:
  Allowance for doubtful accounts   $    901     $   301      $    -      $   222       $    980
</TABLE>
"""
    result = _check_text(_fixture(LABELLED) + more)
    assert result.error is not None and not result.schedules
    assert "on the page after the schedule's two parts" in str(result.error)


def test_two_html_tables_one_under_the_other_read_as_one_the_error_at_its_cell():
    result = auditor.check_file(str(FIXTURES / "html" / "quarry-tile-2006-columns-in-two-parts-row-typo.htm"), RULES)
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    diagnosis = diagnose.result(result, RULES)
    assert {(s.cell.line, s.cell.column) for s in diagnosis.suggestions.values()} == {(108, 43)}  # (the deductions printed 533 for 493; the row identity is found at its balance at end, 109)


BLANK_FIRST = """                        VALUATION AND QUALIFYING ACCOUNTS

                                          BALANCE AT    CHARGED TO
                                          BEGINNING     COSTS AND
DESCRIPTION                               OF YEAR       EXPENSES
---------------------------------------   -----------   -----------

YEAR ENDED DECEMBER 31, 1997
Allowance for doubtful accounts           $     1,210   $       405
Inventory reserve                               2,300           612


                                          CHARGED TO                  BALANCE AT
                                          OTHER                       END OF
DESCRIPTION                               ACCOUNTS      DEDUCTIONS    YEAR
---------------------------------------   -----------   -----------   -----------

YEAR ENDED DECEMBER 31, 1997
Allowance for doubtful accounts                         $       380   $     1,235
Inventory reserve                                               512         2,400
"""


def test_a_second_part_whose_first_column_prints_no_figure_keeps_that_column():
    # (Untagged, no <S>/<C> line: the rule's run under "CHARGED TO OTHER ACCOUNTS", right of every
    # label, rules a column no row prints in; without it the heading went to no column.)
    result = _check_text(BLANK_FIRST)
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    assert [c.raw if c else None for c in schedule.periods[0].rows[1].cells] == ["2,300", "612", None, "512", "2,400"]
    assert not [f for f in result.findings if f.severity == "error"]

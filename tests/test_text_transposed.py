"""Text tables printed with the movements as rows (issue 12, class 8): the
years as columns with a block per account, or the accounts as columns with a
block per year.  Each is read as the usual periods x rows x columns, every
cell where it is printed; each wrong figure is found at its cell; and a table
in the usual shape is never read this way."""

import re
from decimal import Decimal

import pytest

import auditor
from auditor import diagnose, source
from auditor.frontends.text import locate
from conftest import FIXTURES

RULES = auditor.load_rules()


def _check(name):
    result = auditor.check_file(str(FIXTURES / name), RULES)
    assert result.error is None, str(result.error)
    return result


def _figures(row):
    return [c.value if c is not None else None for c in row.cells]


def test_years_as_columns_read_as_periods_of_accounts():
    result = _check("summit-aerospace-1995-years-as-columns.txt")
    (schedule,) = result.schedules
    assert [p.label for p in schedule.periods] == [f"Year ended December 31, {y}" for y in (1995, 1994, 1993)]
    assert [p.fiscal_year for p in schedule.periods] == [1995, 1994, 1993]
    assert [r.label for r in schedule.periods[0].rows] == [
        "ALLOWANCE FOR DOUBTFUL ACCOUNTS", "INVENTORY OBSOLESCENCE RESERVE", "WARRANTY RESERVE"]
    assert [c.role for c in schedule.columns][0] == "beginning" and schedule.columns[-1].role == "ending"
    first = schedule.periods[0].rows[0]
    assert [v for v in _figures(first) if v is not None] == [Decimal(1200), Decimal(400), Decimal(-300), Decimal(1300)]
    # 1993's write-offs of the allowance, as printed: "(220)" on line 18 at column 75.
    cell = schedule.periods[2].rows[0].cells[2]
    assert (cell.line, cell.column, cell.raw) == (18, 75, "(220)")
    assert schedule.units == "thousands" and result.findings == []


def test_accounts_as_columns_read_with_a_total_row_the_totals_check_covers():
    result = _check("kenmore-housewares-1993-accounts-as-columns.txt")
    (schedule,) = result.schedules
    assert [(p.fiscal_year, [(r.label, r.kind) for r in p.rows]) for p in schedule.periods][0] == (
        1993, [("Allowance for Doubtful Accounts", "item"), ("Reserve for Returns", "item"), ("Total", "total")])
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    assert {(t.period, t.row, t.parts) for t in schedule.reading.totals} == {(p, 2, (0, 1)) for p in range(3)}
    assert result.findings == []


def test_a_wrong_total_of_an_account_column_is_found_by_the_totals_check():
    text = (FIXTURES / "kenmore-housewares-1993-accounts-as-columns.txt").read_text()
    text = text.replace("436             825           1,261", "436             825           1,216")
    result = auditor.check_source(source.from_text(text, "k.txt"), RULES)
    assert sorted((f.check, f.location.line, f.location.column) for f in result.findings) == [
        ("column_total", 22, 83), ("row_identity", 25, 83)]


def test_the_year_in_the_balances_labels_names_each_block():
    (schedule,) = _check("crosswind-financial-1993-accounts-as-columns-dated-balances.txt").schedules
    assert [p.label for p in schedule.periods] == ["December 31, 1991", "December 31, 1992", "December 31, 1993"]
    # The balances' dates are each block's: the columns are headed "Balance".
    assert [c.heading for c in schedule.columns] == [
        "Balance", "Provision charged to income", "Accounts written off, net", "Balance"]
    assert schedule.reading.years_named == (1993,)


def test_a_roll_forward_without_each_years_opening_balance_reads_each_balance_line_as_both():
    # Each year opening on the balance the year before closed on: the line
    # "Balance, December 31, 1991" closes 1991 and opens 1992, its figures one
    # cell each, held by both periods (read once, never twice).
    text = (FIXTURES / "crosswind-financial-1993-accounts-as-columns-dated-balances.txt").read_text()
    chained = "\n".join(line for line in text.split("\n")
                        if "January 1, 1992" not in line and "January 1, 1993" not in line)
    result = auditor.check_source(source.from_text(chained, "c.txt"), RULES)
    assert result.error is None
    (schedule,) = result.schedules
    assert [p.label for p in schedule.periods] == ["December 31, 1991", "December 31, 1992", "December 31, 1993"]
    for before, after in zip(schedule.periods, schedule.periods[1:]):
        assert [r.cells[-1] for r in before.rows] == [r.cells[0] for r in after.rows]
    # The Total's 703,000 (730,000 meant) is found as in the printed-opening table.
    assert sorted((f.check, f.location.line, f.location.column) for f in result.findings) == [
        ("column_total", 20, 70), ("row_identity", 23, 68)]


def test_a_wrong_figure_carried_from_one_year_to_the_next_is_found_once_and_named():
    result = _check("birchwood-savings-1994-chained-roll-forward.txt")
    (schedule,) = result.schedules
    assert [p.label for p in schedule.periods] == [f"December 31, {y}" for y in (1992, 1993, 1994)]
    assert [r.kind for r in schedule.periods[0].rows] == ["item", "item", "total"]
    # One figure at line 21, column 49: 1993's closing balance and 1994's opening one.
    assert schedule.periods[1].rows[0].cells[-1] is schedule.periods[2].rows[0].cells[0]
    diagnosis = diagnose.result(result, RULES)
    assert len(result.findings) == 3 and not diagnosis.candidates
    for finding in result.findings:
        s = diagnosis.suggestions[finding]
        assert (s.cell.line, s.cell.column, s.cell.raw, s.value) == (21, 49, "2,503", Decimal(2530))


CHAINED = """SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS

Balance, December 31, 1993 ......  $1,000
  Additions charged to income         200
  Write-offs                         (100)
Balance, December 31, 1994 ......   1,100
  Additions charged to income         300
  Write-offs                         (250)
Balance, December 31, 1995 ......  $1,150
"""


def test_a_chained_roll_forward_of_one_reserve_is_read_a_period_a_year():
    result = auditor.check_source(source.from_text(CHAINED, "c.txt"), RULES)
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    # (No headings: the title is no caption of the first year's block.)
    assert schedule.title.startswith("SCHEDULE II") and [p.label for p in schedule.periods] == [
        "December 31, 1994", "December 31, 1995"]
    assert [[_figures(r) for r in p.rows] for p in schedule.periods] == [
        [[Decimal(1000), Decimal(200), Decimal(-100), Decimal(1100)]],
        [[Decimal(1100), Decimal(300), Decimal(-250), Decimal(1150)]]]
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "writeoffs", "ending"]


ONE_RESERVE = """                      ALDER CREEK MILLING COMPANY

            SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS

                                        1995
   Balance at beginning of year       $1,234
   Additions charged to expense          500
   Deductions (a)                        300
   Balance at end of year             $1,434

(a) Accounts written off, net of recoveries.
"""


def test_one_reserve_for_one_year_a_line_of_one_figure_each_is_read():
    result = auditor.check_source(source.from_text(ONE_RESERVE, "a.txt"), RULES)
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    assert [(p.fiscal_year, [_figures(r) for r in p.rows]) for p in schedule.periods] == [
        (1995, [[Decimal(1234), Decimal(500), Decimal(300), Decimal(1434)]])]


TWO_RESERVES = ONE_RESERVE.replace("\n   Balance at beginning", "\nAllowance for doubtful accounts:\n   Balance at beginning").replace(
    "\n\n(a)", """

Inventory obsolescence reserve:
   Balance at beginning of year         $410
   Additions charged to expense          120
   Deductions                             95
   Balance at end of year               $435

(a)""")


def test_a_caption_per_reserve_over_one_column_of_one_year_is_read_an_account_a_block():
    result = auditor.check_source(source.from_text(TWO_RESERVES, "a.txt"), RULES)
    assert result.error is None and result.findings == []
    (period,) = result.schedules[0].periods
    assert [(r.label, _figures(r)) for r in period.rows] == [
        ("Allowance for doubtful accounts", [Decimal(1234), Decimal(500), Decimal(300), Decimal(1434)]),
        ("Inventory obsolescence reserve", [Decimal(410), Decimal(120), Decimal(95), Decimal(435)])]


def test_captions_naming_no_period_over_a_column_naming_no_account_are_refused_not_read_as_periods():
    result = auditor.check_source(source.from_text(TWO_RESERVES.replace("                  1995\n", "\n"), "a.txt"), RULES)
    assert result.error is not None and "names no period" in result.error.message


@pytest.mark.parametrize("text", [
    # No movement the rules name between the balances: a note's table, not a schedule.
    ONE_RESERVE.replace("Additions charged to expense", "Shares issued               ").replace("Deductions (a)", "Shares retired"),
    # The schedule named in a sentence, then a roll-forward of one figure a line.
    "Schedule II, valuation and qualifying accounts, is omitted as not required; the allowance\n"
    "is shown in Note 4.\n\n" + ONE_RESERVE[ONE_RESERVE.index("   Balance"):],
    # A balance of one figure in a 10-K's prose, under an index line of the schedule.
    "Schedule II - Valuation and Qualifying Accounts                      S-1\n\n"
    "Liquidity and Capital Resources\n   Cash at beginning of year        $1,234\n"
    "   Net cash provided by operations      500\n   Cash at end of year              $1,734\n",
])
def test_lines_of_one_figure_that_are_no_schedule_are_left_alone(text):
    result = auditor.check_source(source.from_text(text, "t.txt"), RULES)
    assert result.error is not None and "no Schedule II found" in result.error.message


def test_a_units_phrase_under_each_account_heading_sets_the_units_and_stays_in_the_name():
    text = (FIXTURES / "kenmore-housewares-1993-accounts-as-columns.txt").read_text().replace(
        "                                     (In thousands)\n", "\n").replace(
        "                                               Accounts         Returns          Total\n",
        "                                               Accounts         Returns          Total\n"
        "                                            (in thousands)  (in thousands)  (in thousands)\n")
    result = auditor.check_source(source.from_text(text, "k.txt"), RULES)
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    assert schedule.units == "thousands"
    assert [r.label for r in schedule.periods[0].rows] == [
        "Allowance for Doubtful Accounts (in thousands)", "Reserve for Returns (in thousands)", "Total (in thousands)"]


@pytest.mark.parametrize("name,line,column,printed,meant", [
    ("nordhavn-shipping-1996-years-as-columns-20f.txt", 23, 59, "12,560", 12650),
    ("crosswind-financial-1993-accounts-as-columns-dated-balances.txt", 21, 70, "703,000", 730000),
    ("grantham-textile-1994-accounts-as-columns-year-in-label.txt", 22, 44, "165", 156),
])
def test_each_wrong_figure_is_found_at_its_printed_cell(name, line, column, printed, meant):
    result = _check(name)
    diagnosis = diagnose.result(result, RULES)
    assert result.findings and not diagnosis.candidates
    for finding in result.findings:
        s = diagnosis.suggestions[finding]
        assert (s.cell.line, s.cell.column, s.cell.raw, s.value) == (line, column, printed, Decimal(meant))


def test_tables_in_the_usual_shape_are_never_read_as_movements_as_rows():
    for path in sorted(FIXTURES.glob("*.txt")):
        regions = locate.regions(source.from_text(path.read_text(encoding="utf-8", errors="replace"), path.name))
        marked = [r for r in regions if r.transposed]
        assert bool(marked) == bool(TRANSPOSED_NAME.search(path.name)), path.name


# A fixture named for its shape: "-years-as-columns", "-as-rows-..."; "-roll-forward" as a word
# ("note-roll-forwards" names a note's tables the schedule is found among, not the schedule's shape).
TRANSPOSED_NAME = re.compile(r"-(?:as-columns|as-rows|roll-forward)(?=[-.])")


ROLL_FORWARD = """
                                                  1995         1994
Allowance for doubtful accounts
  Balance at beginning of year                 $  1,200     $  1,100
  Charged to costs and expenses                     400          350
  Write-offs                                       (300)        (250)
  Balance at end of year                       $  1,300     $  1,200


Note 6. Inventories
"""


def test_a_roll_forward_after_a_sentence_naming_schedule_ii_is_not_one():
    text = ("In our opinion, the related financial statement schedule, Schedule II, when\n"
            "considered in relation to the basic financial statements, presents fairly.\n" + ROLL_FORWARD)
    result = auditor.check_source(source.from_text(text, "t.txt"), RULES)
    assert result.error is not None and "no Schedule II found" in result.error.message


TITLE = "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS\n"
YEARS_LINE = "                                                  1995         1994\n"


def _second_block(years_line: str) -> str:
    """A second account's block under the first, headed by `years_line`."""
    block = ROLL_FORWARD.replace(YEARS_LINE, years_line).replace("Allowance for doubtful accounts\n", "")
    return ROLL_FORWARD.replace("\n\nNote 6. Inventories\n", "") + block


def test_a_block_cut_before_its_closing_balance_is_an_input_error():
    whole = auditor.check_source(source.from_text(TITLE + _second_block("Reserve for returns".ljust(50) + "1995         1994\n"), "t.txt"), RULES)
    assert whole.error is None and [len(p.rows) for p in whole.schedules[0].periods] == [2, 2]
    cut = (TITLE + _second_block("Reserve for returns".ljust(50) + "1995         1994\n")).replace(
        "  Balance at end of year                       $  1,300     $  1,200\n\n\nNote", "\n\nNote")
    result = auditor.check_source(source.from_text(cut, "t.txt"), RULES)
    assert result.error is not None and "does not end with a balance" in result.error.message


def test_a_block_headed_with_other_years_is_an_input_error():
    text = TITLE + _second_block("Reserve for returns".ljust(50) + "1996         1995\n")
    result = auditor.check_source(source.from_text(text, "t.txt"), RULES)
    assert result.error is not None and "other years" in result.error.message


def test_a_block_whose_figures_slid_off_their_columns_is_refused_not_misread(tmp_path):
    # Found by the fuzz suite: a rule line damaged and a label wrapped away from its
    # figures left a line of years outside the year columns; marking it as a caption
    # turned "1994" into "1994:", read later as a figure (an internal error, exit 3).
    text = (FIXTURES / "nordhavn-shipping-1996-years-as-columns-20f.txt").read_text()
    lines = text.split("\n")
    lines[8] = "            \u040a" + lines[8][13:]
    lines[11] = "Amounts written off      \n                      (824)        (550)        (414)"
    path = tmp_path / "slid.txt"
    path.write_text("\n".join(lines))
    result = auditor.check_file(str(path), RULES)
    assert result.error is not None and "internal" not in result.error.message
    assert "cannot be read" not in result.error.message  # refused by the layout, before any figure


def test_a_movement_or_opening_balance_left_blank_is_a_row_of_its_own_not_a_wrapped_label():
    # exabyte-1999 style: the write-offs printed with no label under "Charged to
    # other accounts", that label alone where the account had no such charge (the
    # next block prints it with figures); cik866970 style: an account set up in
    # the last year, its opening balance left blank.
    result = _check("wexford-tape-1999-years-as-columns-blank-cells.txt")
    (schedule,) = result.schedules
    roles = [c.role for c in schedule.columns]
    assert roles == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    allowance, sales, returns = schedule.periods[0].rows
    assert allowance.cells[2] is None and (allowance.cells[3].raw, allowance.cells[3].line) == ("(611)", 14)
    assert sales.cells[2].raw == "9,234" and sales.cells[3].raw == "(8,767)"
    assert returns.label == "Reserve for product returns" and returns.cells[0] is None
    assert [c.raw if c else None for c in returns.cells[1:]] == ["800", None, "(300)", "500"]
    assert [len(p.rows) for p in schedule.periods] == [3, 2, 2] and result.findings == []


def test_a_bare_page_number_on_the_title_or_units_line_is_no_row_over_the_headings():
    result = _check("marston-valve-1997-page-number-on-title-line.txt")
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    assert schedule.title.startswith("SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS") and schedule.units == "thousands"
    assert [len(p.rows) for p in schedule.periods] == [2, 2, 2] and result.findings == []


def test_the_last_period_caption_printed_under_untagged_rows_stays_in_the_table():
    result = _check("quarry-lime-1996-untagged-period-captions-below.txt")
    (schedule,) = result.schedules
    assert [(p.fiscal_year, p.rows[0].cells[0].line) for p in schedule.periods] == [(1996, 12), (1995, 19), (1994, 26)]
    assert result.findings == []


def test_a_one_word_movement_left_blank_over_a_whole_label_is_no_first_line_of_it():
    # "Recoveries" alone with no figure, over "Deductions - accounts written off" (a
    # capital, a movement's words: a label of its own), no other block printing it:
    # joined, the deductions (printed positive) were read as recoveries, added.
    result = _check("halsted-gear-1995-years-as-columns-blank-one-word-movement.txt")
    (schedule,) = result.schedules
    assert [c.heading for c in schedule.columns if c.role not in ("beginning", "ending")] == [
        "Charged to costs and expenses", "Deductions - accounts written off", "Deductions - claims paid"]
    allowance, warranty = schedule.periods[0].rows
    assert (allowance.cells[2].raw, allowance.cells[2].line) == ("288", 14)
    assert (warranty.cells[3].raw, warranty.cells[3].line) == ("1,037", 23)
    assert result.findings == []


def test_a_blank_label_line_over_a_lower_case_run_on_is_still_its_first_line(tmp_path):
    # The other side of the evidence: "Recoveries of accounts" over "written off  288"
    # is one label wrapped (the line under it opens in lower case), read as one.
    text = (FIXTURES / "halsted-gear-1995-years-as-columns-blank-one-word-movement.txt").read_text()
    text = text.replace("  Recoveries\n  Deductions - accounts written off                   288",
                        "  Amounts of accounts\n  written off                                        288")
    path = tmp_path / "wrapped.txt"
    path.write_text(text)
    result = auditor.check_file(str(path), RULES)
    (schedule,) = result.schedules
    assert "Amounts of accounts written off" in [c.heading for c in schedule.columns]
    assert result.findings == []

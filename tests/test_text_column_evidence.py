"""Typed text tables read by their columns' evidence (issue 12): a
double-spaced untagged table goes on under an account's caption whatever
its words, where the rows under it print figures in the table's columns; a
blank column of an unruled table keeps its heading; a nil alone on its row
between two columns' figures makes no column of its own."""

import auditor
from auditor import source
from conftest import FIXTURES


def _schedule(name):
    (schedule,) = auditor.schedules(source.from_text((FIXTURES / name).read_text(), name), auditor.load_rules())
    return schedule


def _rows(schedule):
    return {(p.fiscal_year, r.label): [c.raw if c else None for c in r.cells] for p in schedule.periods for r in p.rows}


def test_a_double_spaced_table_goes_on_under_captions_that_name_no_reserve():
    rows = _rows(_schedule("bristol-appliance-1996-double-spaced-account-captions.txt"))
    assert len(rows) == 9
    assert rows[(1995, "Warranty")] == ["790", "286", "231", "845"]
    assert rows[(1994, "Restructuring")] == ["--", "250", "50", "200"]


def test_a_double_spaced_table_stops_at_prose_after_two_blank_lines():
    # The caption's line is no caption, or the row under it keeps none of the
    # table's column edges: the table ends at its last row, as before.
    text = (FIXTURES / "bristol-appliance-1996-double-spaced-account-captions.txt").read_text()
    cut = text.index("Warranty")
    moved = text[:cut] + "Warranty\n\n  Year ended December 31, 1996   $  845   $  312   $  401   $  756\n"
    (schedule,) = auditor.schedules(source.from_text(moved, "moved.txt"), auditor.load_rules())
    assert len(_rows(schedule)) == 3


def test_a_blank_column_of_an_unruled_table_keeps_its_heading():
    schedule = _schedule("ferris-tool-1997-unruled-blank-column.txt")
    assert [c.heading for c in schedule.columns] == [
        "BALANCE AT BEGINNING OF PERIOD", "CHARGED TO COSTS AND EXPENSES", "CHARGED TO OTHER ACCOUNTS", "DEDUCTIONS",
        "BALANCE AT END OF PERIOD"]
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    assert _rows(schedule)[(1997, "Inventory obsolescence reserve")] == ["2,310", "940", None, "1,105", "2,145"]


def test_a_nil_alone_on_its_row_makes_no_column():
    schedule = _schedule("harbor-valve-1996-lone-nil-rows.txt")
    assert len(schedule.columns) == 4
    rows = _rows(schedule)
    assert rows[(1996, "Restructuring reserve")] == ["-0-", None, None, None]  # under "Balance at", left of its figures
    assert rows[(1995, "Restructuring reserve")] == [None, "--", None, None]  # under "Charged to", short of its figures
    assert rows[(1996, "Allowance for doubtful accounts")] == ["1,210,400", "640", "430", "1,210,610"]


BETWEEN = """                                  SCHEDULE II
                       VALUATION AND QUALIFYING ACCOUNTS

                            Balance at     Charged to                 Balance at
                             Beginning      Costs and                     End of
Description                    of Year       Expenses   Deductions          Year

Year ended December 31, 1996
Allowance for doubtful accounts  1,210,400        640          430     1,210,610
Reserve for obsolescence           725,000        310          285       725,025
Restructuring reserve                        -0-
Warranty reserve                     1,104         20           --         1,124

Year ended December 31, 1995
Allowance for doubtful accounts  1,209,990        800          390     1,210,400
Reserve for obsolescence           720,000        200        9,200       711,000
Restructuring reserve                        --
Warranty reserve                     1,000        104           --         1,104
"""


def test_a_nil_alone_between_two_columns_figures_is_no_input_error():
    # The lone nils in the gap between the balances at beginning and the
    # charges: before, a blank column of their own that left "Balance at" and
    # "Charged to" one heading ("no column for the balance at beginning").
    result = auditor.check_source(source.from_text(BETWEEN, "between.txt"))
    assert result.error is None
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    assert _rows(schedule)[(1996, "Restructuring reserve")] == [None, "-0-", None, None]
    # Its one error, the obsolescence reserve's carry from 1995, is found where it is printed.
    assert [(f.rule, f.location.line, f.location.column) for f in result.findings] == [("VQ003", 10, 36)]


def test_headings_over_the_figures_add_no_column():
    # A heading over a column's figures, however wide, is that column's: no
    # blank column where every heading stands over figures.
    schedule = _schedule("harbor-valve-1996-lone-nil-rows.txt")
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]


def test_nils_typed_left_of_their_columns_markers_are_read_in_the_room_they_stand_in():
    # Each lone nil stands left of its column's <C>: in the labels' gutter,
    # and in the gaps after the balances at beginning and after the charges.
    # Before: "-0-" was an input error; moved under its marker, "--" was read
    # as a balance at beginning and "None" as a charge.
    rows = _rows(_schedule("kingsbury-pump-1995-lone-nils-left-of-their-columns.txt"))
    assert rows[(1995, "Environmental reserve")] == ["-0-", None, None, None]
    assert rows[(1994, "Environmental reserve")] == [None, "--", None, None]
    assert rows[(1994, "Self-insurance reserve")] == [None, None, "None", None]
    assert rows[(1995, "Self-insurance reserve")] == ["-", "250", "40", "210"]


def test_a_row_of_one_nil_ends_an_untagged_table():
    # Without <TABLE> tags the table ends at its last row of figures: a last
    # row printing one nil, no two figures, is still the table's (before: the
    # "None" was lost without a word).
    text = (FIXTURES / "kingsbury-pump-1995-lone-nils-left-of-their-columns.txt").read_text()
    untagged = "\n".join(ln for ln in text.splitlines() if ln not in ("<TABLE>", "<CAPTION>", "</TABLE>"))
    result = auditor.check_source(source.from_text(untagged, "untagged.txt"))
    assert result.error is None and not result.findings
    (schedule,) = result.schedules
    assert _rows(schedule) == _rows(_schedule("kingsbury-pump-1995-lone-nils-left-of-their-columns.txt"))


ACROSS = """                         SCHEDULE II
              VALUATION AND QUALIFYING ACCOUNTS

<TABLE>
<CAPTION>
                               Balance at  Charged to              Balance at
Description                    Beginning   Costs       Deductions  End
<S>                            <C>         <C>         <C>         <C>
Year ended December 31, 1995
Allowance for doubtful accounts     1,842   615            703        1,754
Warranty reserve                      615   410            388          637
Environmental reserve                     --
</TABLE>
"""


def test_a_lone_nil_equally_near_two_columns_figures_is_an_input_error_naming_it():
    # "--" ends three characters past the balances at beginning and three short
    # of the charges, across the charges' <C>: no way to tell (before: read as
    # a charge).  Two characters right, wholly under that <C>, it is a charge.
    result = auditor.check_source(source.from_text(ACROSS, "across.txt"))
    assert result.error is not None and "'--'" in result.error.message
    assert (result.error.line, result.error.column) == (12, 43)
    moved = ACROSS.replace("reserve                     --", "reserve                       --")
    assert _rows(_schedule_of(moved))[(1995, "Environmental reserve")] == [None, "--", None, None]


def _schedule_of(text):
    (schedule,) = auditor.schedules(source.from_text(text, "moved.txt"), auditor.load_rules())
    return schedule

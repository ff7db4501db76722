"""A combined 10-K prints a Schedule II per registrant, each under its own
title (the registrant's name with "SCHEDULE II"): each is read on its own,
never as the next page of the one before (labels.opens_another_schedule).
The 24 real tables so printed twice: sweep_filings' "combined-registrants"
(test_locate_whole_filings)."""

import pytest

import auditor
from auditor import source
from auditor.labels import opens_another_schedule, title_words

FIRST = title_words(["SCHEDULE II", "NORTHFIELD ENERGY CORPORATION", "VALUATION AND QUALIFYING ACCOUNTS",
                     "(In thousands)", "Balance at Beginning of Year   Charged to Costs   Deductions   Balance at End"])


@pytest.mark.parametrize("gap,other", [
    (["<PAGE>", "SCHEDULE II", "NORTHFIELD ELECTRIC COMPANY", "VALUATION AND QUALIFYING ACCOUNTS"], True),
    (["SCHEDULE II (PARENT COMPANY ONLY)", "VALUATION AND QUALIFYING ACCOUNTS"], True),
    # the next page of the same schedule: its title again, or "continued", or a fuller name, or no title
    (["<PAGE>", "SCHEDULE II", "NORTHFIELD ENERGY CORPORATION", "VALUATION AND QUALIFYING ACCOUNTS"], False),
    (["S-2", "<PAGE>", "SCHEDULE II (continued)", "NORTHFIELD ELECTRIC COMPANY"], False),
    (["<PAGE>", "NORTHFIELD ENERGY CORPORATION AND SUBSIDIARIES", "VALUATION AND QUALIFYING ACCOUNTS"], False),
    (["<PAGE>", "NORTHFIELD ELECTRIC COMPANY", "Year ended December 31, 1996:"], False),
    (["Page 2", "Schedule II - Valuation and Qualifying Accounts (in thousands)", "Year ended December 31, 1995:"], False),
])
def test_what_opens_another_schedule(gap, other):
    assert opens_another_schedule(gap, FIRST) is other


TABLE = """<TABLE>
<CAPTION>
                                    Balance at   Charged to                Balance at
                                    Beginning    Costs and                   End of
Description                          of Year      Expenses    Deductions       Year
<S>                                 <C>          <C>          <C>          <C>
Year ended December 31, 1996:
  Allowance for doubtful accounts   $      812   $      240   $      198   $      854

Year ended December 31, 1995:
  Allowance for doubtful accounts          790          215          {d}          812
</TABLE>
"""


def _filing(second_name: str, planted: str = "193") -> str:
    def schedule(name: str, deductions: str) -> str:
        return (f"                                      SCHEDULE II\n\n{name:^88}\n\n"
                "                        VALUATION AND QUALIFYING ACCOUNTS\n\n" + TABLE.format(d=deductions))
    return schedule("NORTHFIELD ENERGY CORPORATION", "193") + "\n                S-7\n<PAGE>\n" + schedule(second_name, planted)


def test_each_registrant_s_schedule_is_read_and_its_error_found_at_its_cell():
    """Two registrants' schedules, the same accounts and years: two schedules
    of two periods, the subsidiary's planted error found in the subsidiary's
    table (never a carry between the two registrants' rows)."""
    result = auditor.check_source(source.from_text(_filing("NORTHFIELD ELECTRIC COMPANY", "139"), "x.txt"),
                                  auditor.load_rules())
    assert result.error is None
    assert [len(s.periods) for s in result.schedules] == [2, 2]
    errors = [(f.check, f.location.line) for f in result.findings if f.severity == "error"]
    assert errors == [("row_identity", 38)]  # (the second table's 1995 row)

"""A combined 10-K prints a Schedule II per registrant, each under its own
title (the registrant's name with "SCHEDULE II"): each is read on its own,
never as the next page of the one before (labels.opens_another_schedule).
The 24 real tables so printed twice: sweep_filings' "combined-registrants"
(test_locate_whole_filings)."""

import pytest

import auditor
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


@pytest.mark.parametrize("name,errors", [("ashby-valve-1996-two-schedules-paged.txt", []),
                                         ("ashby-valve-1996-two-schedules-paged-misfooted.txt", [("row_identity", 44)])])
def test_each_registrant_s_schedule_is_read_and_its_error_found_at_its_cell(name, errors):
    """The parent's and its finance subsidiary's schedules, each under its own
    title on its own page: two schedules of three periods (they were read as
    one of six, each year twice), the subsidiary's planted error found in the
    subsidiary's table."""
    from conftest import FIXTURES

    result = auditor.check_file(str(FIXTURES / name))
    assert result.error is None
    assert [len(s.periods) for s in result.schedules] == [3, 3]
    assert [(f.check, f.location.line) for f in result.findings if f.severity == "error"] == errors

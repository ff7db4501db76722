"""Habits of whole 1993-2002 text submissions around the schedule
(tests/submission_habits.py; swept over the 24 real tables by
test_locate_whole_filings and sweep_filings): what the tool does with the two
it did not read before.

- A table's lines wrapped at column 80 by the filer's software (each row's
  last figures on a line of their own from column 1), the headings too: read
  where the rows show the table's edge, never with the figures as rows of
  their own.
- The schedule's title typed in the <TABLE>'s <CAPTION>, under an auditors'
  report whose sentence names the schedule: the caption's title is the
  table's (fixtures/granite-falls-1997-title-in-table-caption*.txt).
"""

import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from render import Rendered
from submission_habits import wrapped

ACME = FIXTURES / "acme-tool-1996-clean.txt"


def _check(text: str):
    return auditor.check_source(source.from_text(text, "exhibit.txt"))


def _cells(result) -> list:
    return [(p.label, r.label, k, c.value) for s in result.schedules for p in s.periods for r in p.rows
            for k, c in enumerate(r.cells) if c is not None]


@pytest.mark.parametrize("tags", [True, False])
def test_a_table_wrapped_at_80_columns_headings_too_is_read_where_printed(tags):
    """The headings wrapped too (s31-wrapheads: read where the rows show the table's edge, each
    heading's rest one column's words): every figure read as typed whole, each where it is printed."""
    text = ACME.read_text()
    if not tags:
        text = "\n".join(line for line in text.split("\n") if not line.startswith(("<TABLE", "</TABLE", "<CAPTION", "<S>")))
    lines = wrapped(Rendered(text)).text.split("\n")
    result = _check("\n".join(lines))
    assert result.findings == [] and result.error is None
    assert _cells(result) == _cells(_check(text))
    first = next(n for n, line in enumerate(lines, 1) if line.startswith("$     143"))  # (1994's doubtful accounts)
    at = [(c.line, c.column) for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c]
    assert (first, 7) in at and all(lines[n - 1][k - 1] in "$(-0123456789" for n, k in at)


def test_a_year_first_row_under_a_long_line_is_no_wrapped_one():
    """A row that opens with its year at column 1 ("1996   $ 440 ..."), under
    a heading line reaching column 80: the row of a table, read."""
    text = """                              SCHEDULE II
                   VALUATION AND QUALIFYING ACCOUNTS
                            (In thousands)

                        Balance at      Charged to                    Balance at
Allowance for            Beginning       Costs and                        End of
doubtful accounts        of Period        Expenses    Deductions          Period
1996                       $   440         $   176       $   158         $   458
1995                           457             201           218             440

                                  S-2
<PAGE>
                                  SIGNATURES

     Pursuant to the requirements of Section 13 or 15(d) of the Securities
Exchange Act of 1934, the registrant has duly caused this report to be signed.
"""
    result = _check(text)
    assert result.error is None and result.findings == []
    assert sum(len(p.rows) for p in result.schedules[0].periods) == 2

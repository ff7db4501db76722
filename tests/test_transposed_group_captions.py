"""Caption rows without figures inside a schedule printed with the movements as
rows, in both front ends: a group's caption over its accounts ("Reserves
deducted from assets:"), over the accounts of a period (accounts as columns),
or among one block's movements ("Additions:").  None names a row, none is a
column; a block cut before its closing balance is still refused, never joined
to the next account's."""

import auditor
from auditor import source
from conftest import FIXTURES

YEARS = """                              SCHEDULE II
                   VALUATION AND QUALIFYING ACCOUNTS
                            (In thousands)

                                          1995       1994       1993
                                        -------    -------    -------
Reserves deducted from assets
  Allowance for doubtful accounts
    Balance at beginning of year        $ 1,000    $   900    $   800
    Charged to costs and expenses           300        250        200
    Deductions                             (200)      (150)      (100)
    Balance at end of year              $ 1,100    $ 1,000    $   900
Reserves deducted from liabilities:
  Warranty reserve:
    Balance at beginning of year            200        100        100
    Charged to costs and expenses            60        150         20
    Deductions                              (10)       (50)       (20)
    Balance at end of year                  250        200        100
"""

ACCOUNTS = """                              SCHEDULE II
                   VALUATION AND QUALIFYING ACCOUNTS
                            (In thousands)

                                     Allowance for     Inventory
                                       Doubtful         Reserve       Total
                                       Accounts
                                     -------------    ---------    -------
Year ended December 31, 1995:
  Reserves deducted from assets:
    Balance at beginning of year        $ 1,000      $   500     $ 1,500
    Charged to costs and expenses           300          100         400
    Deductions                             (200)         (50)       (250)
    Balance at end of year              $ 1,100      $   550     $ 1,650
Year ended December 31, 1994:
  Reserves deducted from assets:
    Balance at beginning of year        $   900      $   400     $ 1,300
    Charged to costs and expenses           250          150         400
    Deductions                             (150)         (50)       (200)
    Balance at end of year              $ 1,000      $   500     $ 1,500
"""


def _check(text, name):
    return auditor.check_source(source.from_text(text, name), auditor.load_rules())


def _shape(result):
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    return [c.heading for c in schedule.columns], [(p.label, [r.label for r in p.rows]) for p in schedule.periods]


def test_text_group_captions_over_the_accounts_of_years_as_columns_name_no_account():
    headings, periods = _shape(_check(YEARS, "t.txt"))
    assert len(headings) == 4
    assert periods == [(y, ["Allowance for doubtful accounts", "Warranty reserve"]) for y in ("1995", "1994", "1993")]


def test_text_a_caption_among_a_blocks_movements_opens_no_block():
    text = YEARS.replace("$ 1,000    $   900    $   800\n", "$ 1,000    $   900    $   800\n    Additions:\n", 1)
    assert _shape(_check(text, "t.txt")) == _shape(_check(YEARS, "t.txt"))


def test_text_a_block_cut_before_the_next_accounts_caption_is_still_refused():
    cut = YEARS.replace("    Balance at end of year              $ 1,100    $ 1,000    $   900\n", "")
    result = _check(cut, "t.txt")
    assert result.error is not None and "does not end with a balance" in result.error.message


def test_text_a_group_caption_under_a_period_caption_leaves_the_period_its_name():
    headings, periods = _shape(_check(ACCOUNTS, "t.txt"))
    assert periods == [(f"Year ended December 31, {y}", ["Allowance for Doubtful Accounts", "Inventory Reserve", "Total"])
                       for y in ("1995", "1994")]


FENNEL = FIXTURES / "html" / "fennel-brands-2012-years-once-group-captions-clean.htm"
ADDITIONS_ROW = '<tr><td style="padding-left:10pt">Additions:</td></tr>\n'


def test_html_a_caption_among_a_blocks_movements_opens_no_block():
    text = FENNEL.read_text()
    first = text.index("Additions Charged to Costs")
    at = text.rindex("<tr", 0, first)
    changed = text[:at] + ADDITIONS_ROW + text[at:]
    assert _shape(_check(changed, "t.htm")) == _shape(_check(text, "t.htm"))


def test_html_a_block_cut_before_the_next_accounts_caption_is_refused():
    text = FENNEL.read_text()
    closing = text.index("Balance at End of Period")
    cut = text[:text.rindex("<tr", 0, closing)] + text[text.index("</tr>", closing) + 6:]
    result = _check(cut, "t.htm")
    assert result.error is not None and "does not end with a balance" in result.error.message

"""A balance printed as adjusted for a standard's adoption (ASC 326, 2020): read as a balance
within the row (the rules' `adjusted` role), checked by VQ009, never a movement; the
fixtures are tamarind-foods-2020-balance-as-adjusted(-typo) and
quince-textiles-2020-ixbrl-adjusted-balance-* (tests/test_xbrl_filing_habits.py)."""

import auditor
from auditor import source

RULES = auditor.load_rules()

TABLE = """                          HICKORY BRANDS, INC.
            SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS
                            (in thousands)

                             Balance at    Impact of    Balance at      Charged to                 Balance at
                             Beginning     Adoption     Beginning,      Costs and                  End of
Description                  of Year                    as Adjusted     Expenses      Deductions   Year
-----------                  ----------    --------     -----------     ----------    ----------   ----------
Year ended December 31, 2020
  Allowance for credit losses   1,200         300          1,500            800           600        1,700
Year ended December 31, 2019
  Allowance for credit losses   1,000          --          1,000            700           500        1,200
"""


def _check(text: str):
    return auditor.check_source(source.from_text(text, "t.txt"), RULES)


def test_the_adjusted_balance_is_no_movement_and_is_checked_against_the_adoption():
    clean = _check(TABLE)
    assert [f for f in clean.findings if f.severity != "info"] == []
    columns = clean.schedules[0].columns
    assert [(c.role, c.effect) for c in columns][:3] == [("beginning", "opening"), ("adoption", "add"),
                                                         ("adjusted", "adjusted")]
    wrong = _check(TABLE.replace("300          1,500", "300          1,600"))
    failed = [f for f in wrong.findings if f.severity != "info"]
    assert [(f.rule, f.location.line, f.location.column) for f in failed] == [("VQ009", 10, 60)]


def test_a_movement_as_adjusted_stays_a_movement():
    """A balance's word must come before "as adjusted": "Charged to Costs and Expenses, as
    Adjusted" is the provision, not a balance within the row."""
    text = """                          HICKORY BRANDS, INC.
            SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS
                            (in thousands)

                             Balance at      Charged to                 Balance at
                             Beginning       Costs and                  End of
Description                  of Year         Expenses,     Deductions   Year
                                             as Adjusted
-----------                  -----------     ----------    ----------   ----------
Year ended December 31, 2020
  Allowance for credit losses   1,200            800           600        1,400
Year ended December 31, 2019
  Allowance for credit losses   1,000            700           500        1,200
"""
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []
    assert [c.role for c in result.schedules[0].columns] == ["beginning", "charged_costs", "deductions", "ending"]


def test_a_balance_as_adjusted_alone_opens_the_row():
    """No balance at beginning printed before it: the adjusted balance is the row's opening."""
    text = """                          HICKORY BRANDS, INC.
            SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS
                            (in thousands)

                             Balance at      Charged to                 Balance at
                             Beginning,      Costs and                  End of
Description                  as Adjusted     Expenses      Deductions   Year
-----------                  -----------     ----------    ----------   ----------
Year ended December 31, 2020
  Allowance for credit losses   1,200            800           600        1,400
Year ended December 31, 2019
  Allowance for credit losses   1,000            700           500        1,200
"""
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []
    assert [c.effect for c in result.schedules[0].columns] == ["opening", "add", "subtract", "closing"]


def test_a_closing_balance_as_adjusted_closes_the_row():
    """No balance at end printed after it: the adjusted balance is the row's closing."""
    text = """                          HICKORY BRANDS, INC.
            SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS
                            (in thousands)

                             Balance at      Charged to                 Balance at
                             Beginning       Costs and                  End of Year,
Description                  of Year         Expenses      Deductions   as Adjusted
-----------                  -----------     ----------    ----------   ----------
Year ended December 31, 2020
  Allowance for credit losses   1,200            800           600        1,400
Year ended December 31, 2019
  Allowance for credit losses   1,000            700           500        1,200
"""
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []
    assert [c.effect for c in result.schedules[0].columns] == ["opening", "add", "subtract", "closing"]


def test_a_balance_as_adjusted_left_nil_in_a_year_without_an_adoption_is_not_printed():
    """2019 adopts nothing and prints its balance as adjusted "--": not printed (the row runs
    from its balance at beginning), not a balance of zero (a false VQ009 at each such cell).
    Where an adoption is printed, a nil balance as adjusted is still checked (and found)."""
    unprinted = TABLE.replace("--          1,000", "--             --")
    assert unprinted != TABLE
    result = _check(unprinted)
    assert [f for f in result.findings if f.severity != "info"] == []
    adopted_nil = _check(TABLE.replace("300          1,500", "300             --"))
    failed = [f for f in adopted_nil.findings if f.severity != "info"]
    assert [(f.rule, f.location.line) for f in failed] == [("VQ009", 10)]


# Refused by design: kept out of tests/fixtures, whose every exhibit the corpus tests expect read.
ADOPTION_ROWS = __import__("pathlib").Path(__file__).parent / "refused" / "adoption"


def test_an_adoption_printed_as_a_row_of_its_own_is_refused_naming_it(capsys):
    """"Cumulative effect of adoption of ASC 326" / "Adoption of ASC 326" as a row of the year it was
    adopted: its figure moves that year's balance at beginning, which no check reads.  Read as a
    reserve of its own, the allowance's balances failed to carry (false errors): an input error
    naming the file and the row (exit 2), text and HTML alike."""
    from auditor import cli

    for name, label in [("mulberry-chemical-2020-adoption-row.txt", "Cumulative effect of adoption of ASC 326"),
                        ("mulberry-chemical-2020-adoption-row.htm", "Adoption of ASC 326")]:
        assert cli.main(["check", "--no-cache", str(ADOPTION_ROWS / name)]) == 2
        lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
        assert len(lines) == 1 and f"{name}:" in lines[0] and label in lines[0], lines


def test_a_reserve_named_for_an_adoption_elsewhere_in_its_label_is_read():
    """Only a label opening as the adoption column is headed is an adoption's row: "Allowance for
    credit losses (ASC 326)" is a reserve."""
    text = TABLE.replace("Allowance for credit losses", "Allowance for losses (ASC 326)   ")
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []

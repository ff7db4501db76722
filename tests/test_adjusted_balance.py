"""A balance printed as adjusted for a standard's adoption (ASC 326, 2020): read as a balance
within the row (the rules' `adjusted` role), checked by VQ009, never a movement; the
fixtures are tamarind-foods-2020-balance-as-adjusted(-typo) and
quince-textiles-2020-ixbrl-adjusted-balance-* (tests/test_xbrl_filing_habits.py)."""

from decimal import Decimal

import pytest

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


FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"
ADOPTION_ROW = FIXTURES / "mulberry-chemical-2020-adoption-row-clean.txt"


def test_an_adoption_printed_as_a_row_of_its_own_is_read_into_the_carry_it_moves(capsys):
    """"Cumulative effect of adoption of ASC 326" / "Adoption of ASC 326" as a row of the year it was
    adopted (s31 adoption2 refused it; adoptrow reads it): the arithmetic decides which carry it moves
    (here 2021's opening: the allowance's 2020 end plus the adoption), the JSON's carry basis names it,
    and a carry misprinted through it is found at its cell, text and HTML alike."""
    from auditor import cli

    for name in ["mulberry-chemical-2020-adoption-row-clean.txt", "html/mulberry-chemical-2020-adoption-row-clean.htm"]:
        assert cli.main(["check", "--no-cache", "--format", "json", str(FIXTURES / name)]) == 0
        out = capsys.readouterr().out
        assert "is added to the balance of 'Allowance for credit losses' carried into 'Year ended December 31, 2021'" in out
    typo = ADOPTION_ROW.read_text().replace("$    2,215 ", "$    2,251 ")
    carried = [f for f in _check(typo).findings if f.rule == "VQ003"]
    assert [(f.location.line, f.expected) for f in carried] == [(14, Decimal(2215))]
    assert "plus 'Cumulative effect of adoption of ASC 326' (412)" in carried[0].message


def test_an_adoption_row_opening_the_year_it_stands_in_is_read_so():
    """The other form: the adoption's one figure under the balance at beginning, the account's row
    opening at the year before's end plus it; a misprint there is found at its cell."""
    opened = (ADOPTION_ROW.read_text()
              .replace("$      412            --            --    $      412", "$      412            --            --            --")
              .replace("1,786          1,102           1,085         1,803", "2,198          1,102           1,085         2,215"))
    assert [f for f in _check(opened).findings if f.severity != "info"] == []
    failed = _check(opened.replace("2,198  ", "2,189  ")).findings
    assert [(f.rule, f.location.line, f.location.column) for f in failed if f.severity != "info"] == [
        ("VQ003", 19, 44), ("VQ001", 19, 89)]


def test_an_ambiguous_adoption_row_is_refused_naming_it():
    """Kept refused: one adoption beside two accounts naming neither (s32: an adoption naming one of
    them is read, below), and an adoption printing a figure in a movement's column: an input error
    naming the row."""
    text = ADOPTION_ROW.read_text()
    two = text.replace("  Allowance for credit losses              1,786          1,102           1,085         1,803",
                       "  Allowance for credit losses              1,786          1,102           1,085         1,803\n"
                       "  Reserve for sales returns                  100             50              50           100")
    moved = text.replace("$      412            --            --    $      412", "$      412            40            --    $      452")
    for variant, why in [(two, "beside several accounts"), (moved, "in the movements' columns")]:
        result = _check(variant)
        assert result.error is not None and why in result.error.message
        assert "Cumulative effect of adoption" in result.error.message and result.error.line == 18  # (its row)


def test_a_reserve_named_for_an_adoption_elsewhere_in_its_label_is_read():
    """Only a label opening as the adoption column is headed is an adoption's row: "Allowance for
    credit losses (ASC 326)" is a reserve."""
    text = TABLE.replace("Allowance for credit losses", "Allowance for losses (ASC 326)   ")
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []


PER_ACCOUNT = FIXTURES / "bramble-ceramics-2020-adoption-rows-per-account-clean.txt"
ADOPTION = FIXTURES.parent / "adoption"  # (exhibits with a figure no check reads: tests/adoption/README.md)


def _carry_findings(text: str):
    return [(f.rule, f.location.line, f.expected) for f in _check(text).findings if f.severity != "info"]


def test_adoption_rows_beside_several_accounts_are_matched_by_their_labels_words():
    """"Adoption of ASC 326 - trade receivables" / "- contract assets" above both accounts: each
    joins the account a word of its label names (a word of that account's label alone), wherever
    it stands; a total carries both.  Swapping the figures between the labels is found, not
    matched by position."""
    text = PER_ACCOUNT.read_text()
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []
    carry = result.schedules[0].reading.carry_basis
    assert ("'Adoption of ASC 326 - contract assets' (line 25) is added to the balance of "
            "'Allowance for credit losses - contract assets'") in carry
    swapped = (text.replace("$      412            --            --    $      412", "$       57            --            --    $       57")
               .replace("     57            --            --            57", "    412            --            --           412"))
    found = _carry_findings(swapped)
    assert ("VQ003", 15, Decimal(1803 + 57)) in found and ("VQ003", 17, Decimal(261 + 412)) in found


def test_an_adoption_row_naming_no_one_account_among_several_is_refused():
    """Words every account shares ("credit loss"), a standard's number and a date name none:
    refused naming the row; so is a second adoption naming an account already adopted."""
    text = PER_ACCOUNT.read_text()
    shared = text.replace("Adoption of ASC 326 - trade\n    receivables  ", "Adoption of credit loss\n    standard     ")
    dated = text.replace("Adoption of ASC 326 - trade\n    receivables  ", "Adoption, January 1, 2020\n               ")
    twice = text.replace("Adoption of ASC 326 - contract\n    assets      ", "Adoption of ASC 326 - trade\n    receivables ")
    assert shared != text and dated != text and twice != text
    for variant, why in [(shared, "naming none of them alone"), (dated, "naming none of them alone"),
                         (twice, "a second naming the same account")]:
        result = _check(variant)
        assert result.error is not None and why in result.error.message, variant


def test_an_adoption_label_wrapped_onto_a_line_opening_on_its_date_is_one_label():
    """"Adoption of ASC 326 on" / "    January 1, 2020   $ 412 ...": the date is the label's last
    words, not a row of its own under a caption (main read it so: two false VQ003).  Naming none of
    the accounts beside it, it is refused at its first line; naming one, it is read into its carry."""
    text = PER_ACCOUNT.read_text()
    wrapped = text.replace("Adoption of ASC 326 - trade\n    receivables    ", "Adoption of ASC 326 on\n    January 1, 2020")
    named = text.replace("Adoption of ASC 326 - trade\n    receivables    ",
                         "Adoption of ASC 326 for trade receivables at\n    January 1, 2020")
    assert wrapped != text and named != text
    result = _check(wrapped)
    assert result.error is not None and "naming none of them alone" in result.error.message
    assert "'Adoption of ASC 326 on January 1, 2020'" in result.error.message and result.error.line == 23
    result = _check(named)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []
    assert ("'Adoption of ASC 326 for trade receivables at January 1, 2020' (line 23) is added to the balance of "
            "'Allowance for credit losses - trade receivables'") in result.schedules[0].reading.carry_basis
    found = _carry_findings(named.replace("$    2,215 ", "$    2,251 "))
    assert ("VQ003", 15, Decimal(1803 + 412)) in found


def test_a_first_year_opening_with_its_adoption_is_read_and_said_unchecked():
    """The adoption's row in the first printed year, its figure at beginning alone, the account
    opening with it: the year before's end is not printed, so that carry is not checked (the carry
    note says so; main read the adoption into 2021's carry: a false VQ003), the next year's carry
    is checked without it, and the adoption's own unprinted end is no row identity to check."""
    text = (ADOPTION / "sorrel-looms-2020-adoption-row-first-year-clean.txt").read_text()
    result = _check(text)
    assert result.error is None and [f for f in result.findings if f.severity != "info"] == []
    assert "opens the first printed year of 'Allowance for credit losses'" in result.schedules[0].reading.carry_basis
    assert _carry_findings(text.replace("$    2,215 ", "$    2,251 "))[0] == ("VQ003", 14, Decimal(2215))
    alone = text[:text.index("Year ended December 31, 2021:")] + text[text.index("Year ended December 31, 2020:"):]
    assert [rule for rule, _, _ in _carry_findings(alone)] == ["VQ008"]  # (one period read: no false VQ001)


@pytest.mark.parametrize("path", sorted(ADOPTION.glob("*.expected.yaml")), ids=lambda p: p.name)
def test_a_first_year_adoption_exhibit_gives_its_findings(path):
    """tests/adoption's exhibits, text and HTML, each beside the findings it must produce."""
    import yaml

    exhibit = next(path.parent.glob(path.name.replace(".expected.yaml", ".*[tm]")))
    result = auditor.check_file(str(exhibit), RULES)
    assert result.error is None
    want = [(f["check"], f["severity"], f["line"], f["column"]) for f in yaml.safe_load(path.read_text())["findings"]]
    got = [(f.check, f.severity, f.location.line, f.location.column) for f in result.findings if f.severity != "info"]
    assert sorted(got) == sorted(want)
    assert "opens the first printed year of 'Allowance for credit losses'" in result.schedules[0].reading.carry_basis

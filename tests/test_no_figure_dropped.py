"""No printed figure dropped unsaid: every figure of a located schedule is read
into a cell, said unread (VQ007 at its cell), or the table is refused, naming
the line.  The layouts here are those that once lost a row of figures quietly."""

from pathlib import Path

import pytest

import auditor
from auditor import source
from auditor.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def _check(text: str, name: str):
    return auditor.check_source(source.from_text(text, name), auditor.load_rules())


def test_a_row_before_any_period_caption_in_an_account_block_is_said_unread_in_html():
    """A block per reserve, years as captions over its sub-rows: a row of figures printed
    before the block's first year's caption is in no period; each figure is said unread at
    its cell, never dropped (it was: 0 findings, the row gone)."""
    path = FIXTURES / "html" / "sorrel-foods-2022-reserve-blocks-row-before-years-clean.htm"
    result = _check(path.read_text(), str(path))
    unread = sorted((f.location.line, f.location.column) for f in result.findings if f.check == "figures_unread")
    assert [line for line, _ in unread] == [22] * 5
    read = {(c.line, c.column) for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c}
    assert not read & set(unread) and len(read) == 6 * 5


def test_a_row_naming_no_period_among_an_accounts_rows_by_period_is_refused_in_text():
    """Accounts captioned, each row labelled by its period: a row labelled otherwise ("Domestic")
    is in no period of its own; read as one, it named a period "Domestic" and broke every carry
    after it (six false errors).  Refused, naming its line."""
    text = (FIXTURES / "harlow-paper-1996-account-captions-without-colon-misfooted.txt").read_text()
    text = text.replace("Allowance for doubtful accounts\n", "Allowance for doubtful accounts\n"
                        "  Domestic                            $  100       $   20      $ (10)         $  110\n", 1)
    with pytest.raises(InputError) as caught:
        list(auditor.schedules(source.from_text(text, "t.txt"), auditor.load_rules()))
    assert caught.value.line == 15 and "names no period" in caught.value.message


# Text, years as columns: each real table with one row of one account's block printed as its label
# alone (tests/sweep_blank_movements.py).  A movement row so printed is read blank, its neighbours in
# their own roles; a balance blank in every year of a block may be refused (no block without its
# balances is a schedule's), never misread.  Warned, not right: a one-word movement ("Deductions")
# over a one-word label ("Other") in a table of one block, where nothing tells a blank row from a
# spanner over its sub-label (the s28 rule's limit): read joined, VQ005 names "Deductions Other".
WARNED = {("cik840467-2002", 2)}
TABLES = __import__("conftest").SHARED / "real-tables"


@pytest.mark.parametrize("table", sorted(p.stem for p in TABLES.glob("*.json")))
def test_a_row_of_a_block_left_blank_is_read_blank_or_refused_never_misread_unsaid(table):
    import json

    from sweep_blank_movements import LAYOUTS, cases, outcome

    spec = json.loads((TABLES / f"{table}.json").read_text())
    rules = auditor.load_rules()
    for name, m, edited in cases(spec):
        role = spec["roles"][m + 1]
        for layout in LAYOUTS:
            verdict, why = outcome(edited, layout, rules)
            if (table, m) in WARNED:
                assert verdict == "warned", (name, m, layout, why)
            elif role in ("beginning", "ending"):
                assert verdict in ("right", "refused"), (name, m, layout, why)
            else:
                assert verdict == "right", (name, m, layout, why)


# The property sweep over the fixtures (tests/sweep_unread.py): every amount-like token in a
# located schedule's span read into a cell or said.  What it leaves, each for a reason that is no
# silent drop (strict: a fixture leaving other tokens, or these no more, fails).
LEFT_SAID = {
    # a breakdown of the deductions printed under each year's table: a table of its own, not the schedule's
    "fixtures/harrow-beverage-1997-one-year-tables.txt": "breakdown table",
    # "Note 1 -- ... net of recoveries of $14." typed between two rows: a footnote's prose
    "fixtures/wrenfield-tool-1995-typed-footnotes-between-rows.txt": "footnote prose",
    "fixtures/wrenfield-tool-1995-typed-footnotes-between-rows-misfooted.txt": "footnote prose",
    # rows hidden by CSS (display:none, a hiding class): not printed, by design never read
    "fixtures/html/bittern-mills-2016-hidden-rows-clean.htm": "hidden rows",
    "fixtures/html/bittern-mills-2016-hidden-rows-row-typo.htm": "hidden rows",
    "fixtures/html/dipper-foods-2014-class-hidden-clean.htm": "hidden rows",
    "fixtures/html/dipper-foods-2014-class-hidden-row-typo.htm": "hidden rows",
    # a bare page number ("32", "- 2 -") alone in a row where the page broke: furniture, dropped (s31)
    "fixtures/html/kelso-bearings-2005-page-numbers-in-rows-clean.htm": "page numbers",
    "fixtures/html/kelso-bearings-2005-page-numbers-in-rows-row-typo.htm": "page numbers",
    # numbered footnotes ("1. Uncollectible accounts ...") at a page's foot between a split table's
    # parts: their numbers, no figures (s38 numpara)
    "fixtures/html/heron-castings-2004-numbered-footnotes-at-page-foot.htm": "footnote numbers",
    # the heading typed again after a page break, the days of its balance dates on its last line
    # ("1   EXPENSES   DEDUCTIONS   31"): the heading's, no figures (s36 pairs6)
    "fixtures/dunlin-marine-2005-balance-dates-heading-over-page-clean.txt": "repeated heading",
    "fixtures/dunlin-marine-2005-balance-dates-heading-over-page-deduction-typo.txt": "repeated heading",
}


def test_every_amount_in_a_fixtures_schedule_is_read_or_said():
    from sweep_unread import fixtures, unsaid

    rules = auditor.load_rules()
    left = {name for name, path in fixtures() if unsaid(path, rules)[0]}
    assert left == set(LEFT_SAID)


@pytest.mark.parametrize("table", sorted(p.stem for p in TABLES.glob("*.json")))
def test_a_star_before_or_after_its_figure_marks_that_figure_in_every_html_layout(table):
    """tests/star_habits.py: a "*" after its figure in a cell of its own, in the figure's "$"
    cell before it, or before its digits, in split cells, filing software's and Workiva's: each
    marked figure, and only it, carries its "*" (before s29, the two forms before a figure
    marked the figure in the column to its left: 144 of 144 cases)."""
    import json

    from star_habits import FORMS, LAYOUTS, outcome

    spec = json.loads((TABLES / f"{table}.json").read_text())
    rules = auditor.load_rules()
    for layout in LAYOUTS:
        for form in FORMS:
            assert outcome(spec, layout, form, rules) == ("right", ""), (layout, form)


def test_a_movement_alone_over_the_closing_rule_in_a_table_of_one_block_is_a_blank_row():
    """Years as columns, one block: "Deductions" printed with no figure, right over the closing
    balance's rule, is that movement (read blank), not dropped (nor, under a short "Balance at",
    joined to the balance's label and the block refused: cpi-holdco-fy2004 so printed)."""
    path = FIXTURES / "osprey-marine-1997-years-as-columns-one-block-blank-deductions.txt"
    result = auditor.check_file(str(path))
    (schedule,) = result.schedules
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    assert all(r.cells[2] is None for p in schedule.periods for r in p.rows)

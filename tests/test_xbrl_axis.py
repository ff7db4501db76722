"""A filer's own reserve axis: Schedule II facts on `abc:ReserveTypeAxis` with `abc:...Member`s.

The fixtures tests/fixtures/xbrl/sorrel-goods-2023-ixbrl-company-axis-*.htm (written
by its _make.py) are Willow Labs' page tagged on an axis and members of the
filer's own; the -wrong-member copy tags one printed figure of "Sales returns and
allowances" with the other reserve's member.  The axis is told by what its members
carry (a balance and a movement of the family, as the only dimension of their
contexts), never by its name.

The fixtures ...hazel-tools-2023-ixbrl-two-axes-*.htm mix axes: the credit losses on the
standard axis, the tax valuation allowance on an axis of the filer's own, the totals
(no member) summing both.  Both axes are read; the -wrong-member copy tags a printed
figure of the tax valuation allowance with the standard axis's member.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor import source
from auditor.frontends.xbrl import facts as xbrl_facts, schedule as xbrl_schedule
from auditor.frontends.xbrl.axis import reserve_axes, reserve_axis

from conftest import FIXTURES
from test_xbrl_facts import REAL, RULES, _check, _edit, _element, _position
from test_xbrl_layouts import LAYOUTS

CLEAN = FIXTURES / "xbrl" / "sorrel-goods-2023-ixbrl-company-axis-clean.htm"
WRONG_MEMBER = FIXTURES / "xbrl" / "sorrel-goods-2023-ixbrl-company-axis-wrong-member.htm"
MEMBERS = ["Allowance for doubtful accounts", "Sales returns and allowances", "Total (no member)"]
TWO_AXES = FIXTURES / "xbrl" / "hazel-tools-2023-ixbrl-two-axes-clean.htm"
TWO_AXES_WRONG = FIXTURES / "xbrl" / "hazel-tools-2023-ixbrl-two-axes-wrong-member.htm"
HAZEL = ["Allowance for credit loss", "Tax valuation allowance", "Total (no member)"]


def _reading(text: str) -> xbrl_schedule.Reading:
    return xbrl_schedule.build(xbrl_facts.read(source.from_text(text, "doc.htm"), RULES.xbrl.family), RULES)


def test_the_filers_own_axis_gives_the_rows_and_every_fact_is_read():
    text = CLEAN.read_text("utf-8")
    reading = _reading(text)
    assert reading.axis == "ReserveTypeAxis"
    assert reading.unread == () and reading.schedule.notes == ()
    assert [[r.label for r in p.rows] for p in reading.schedule.periods] == [MEMBERS, MEMBERS]
    # each fact in the row of its member, at its element: the 2023 sales returns' charge is (150)
    cell = reading.schedule.periods[1].rows[1].cells[1]
    assert cell.value == Decimal(-150)
    assert (cell.line, cell.column) == _position(text, _element(text, "f-7").start())
    for sources in ("both", "xbrl"):
        result = _check(text, sources=sources)
        assert result.error is None and result.findings == [], [f.message for f in result.findings]


def test_a_figure_tagged_with_the_other_reserves_member_is_found_at_its_cell():
    text = WRONG_MEMBER.read_text("utf-8")
    element = _position(text, _element(text, "f-7").start())
    result = _check(text)
    failed = [f for f in result.findings if f.severity != "info"]
    assert [(f.rule, f.source, f.row) for f in failed] == [("VX002", "table", "Sales returns and allowances")], \
        [f.message for f in failed]
    assert "'Allowance for doubtful accounts'" in failed[0].message
    assert element in [(p.line, p.column) for p in failed[0].related]
    # The facts alone: the misplaced fact contradicts the one its member prints, at its element.
    alone = [f for f in _check(text, sources="xbrl").findings if f.severity == "error"]
    assert [(f.rule, (f.location.line, f.location.column)) for f in alone] == [("VX002", element)]


@pytest.mark.parametrize("fact_id, row", [("f-5", MEMBERS[0]), ("f-8", MEMBERS[1])])
def test_the_facts_alone_check_each_reserve_of_the_filers_axis(fact_id, row):
    """A misprinted figure of a reserve row: read through the facts only, its row no
    longer closes, nor does the total of its column."""
    text = _edit(CLEAN.read_text("utf-8"), fact_id, "text", "9,999")
    failed = [f for f in _check(text, sources="xbrl").findings if f.severity == "error"]
    assert failed and all(f.source == "xbrl" for f in failed)
    assert {(f.rule, f.row) for f in failed} == {("VQ001", row), ("VQ002", MEMBERS[2])}, [f.message for f in failed]
    element = _position(text, _element(text, fact_id).start())
    assert any(element in [(f.location.line, f.location.column)] + [(p.line, p.column) for p in f.related]
               for f in failed)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_filers_axis_whatever_the_layout(layout):
    text = LAYOUTS[layout](CLEAN.read_text("utf-8"))
    assert text != CLEAN.read_text("utf-8")
    assert _check(text).findings == []
    damaged = _edit(text, "f-8", 'decimals="-3"', 'decimals="-3" sign="-"')
    failed = [f for f in _check(damaged).findings if f.severity != "info"]
    assert [(f.rule, f.source) for f in failed] == [("VX001", "table")], [f.message for f in failed]
    assert _position(damaged, _element(damaged, "f-8").start()) in [(p.line, p.column) for p in failed[0].related]


# --- which axis: by what its members carry --------------------------------------------------


def _fact(concept: str, members: tuple, instant: bool = False) -> xbrl_facts.Fact:
    from datetime import date

    context = xbrl_facts.Context("c", None if instant else date(2023, 1, 1), date(2023, 12, 31), members)
    return xbrl_facts.Fact("", "us-gaap:ValuationAllowancesAndReserves" + concept, context, Decimal(1), "1", "", 0,
                           None, "", 0, 0, False)


BALANCES = {"us-gaap:ValuationAllowancesAndReservesBalance"}
MOVES = {"us-gaap:ValuationAllowancesAndReservesChargedToCostAndExpense"}
STANDARD = ("us-gaap:ValuationAllowancesAndReservesTypeAxis", "us-gaap:AllowanceForCreditLossMember")
OWN = ("abc:ReserveTypeAxis", "abc:SalesReturnsMember")
SEGMENT = ("us-gaap:StatementBusinessSegmentsAxis", "abc:RetailMember")


def _axis(*facts: xbrl_facts.Fact) -> str:
    return reserve_axis(facts, BALANCES, MOVES, "ValuationAllowancesAndReservesTypeAxis")


def test_an_axis_is_the_reserves_where_a_member_alone_tags_a_balance_and_a_movement():
    row = lambda m: [_fact("Balance", (m,), True), _fact("ChargedToCostAndExpense", (m,))]  # noqa: E731
    assert _axis(*row(OWN)) == "ReserveTypeAxis"
    # a breakdown tagged beside the reserves (two dimensions) names no row
    assert _axis(*row(OWN), *(_fact("ChargedToCostAndExpense", (OWN, SEGMENT)) for _ in range(5))) == "ReserveTypeAxis"
    # a member tagging movements only is no row: the rules file's axis stays
    assert _axis(_fact("ChargedToCostAndExpense", (OWN,)), _fact("ChargedToCostAndExpense", (OWN,))) == \
        "ValuationAllowancesAndReservesTypeAxis"
    # the rules file's axis, where it carries rows, over a filer's own that does too
    assert _axis(*row(OWN), *row(OWN), *row(STANDARD)) == "ValuationAllowancesAndReservesTypeAxis"
    # of two axes of the filer's own, the one tagging more facts
    assert _axis(*row(SEGMENT), *row(OWN), *row(OWN)) == "ReserveTypeAxis"


@pytest.mark.parametrize("path", REAL, ids=[p.parent.name for p in REAL])
def test_the_real_filings_keep_the_standard_axis(path):
    assert _reading(path.read_text("utf-8")).axes == (RULES.xbrl.axis,)


# --- reserves on two axes: the standard one and the filer's own ------------------------------


def test_reserves_on_two_axes_are_each_a_row_and_every_fact_is_read_once():
    text = TWO_AXES.read_text("utf-8")
    reading = _reading(text)
    assert reading.axes == ("ValuationAllowancesAndReservesTypeAxis", "TaxValuationAllowanceAxis")
    assert reading.axis == RULES.xbrl.axis
    assert reading.unread == () and reading.schedule.notes == ()
    assert [[r.label for r in p.rows] for p in reading.schedule.periods] == [HAZEL, HAZEL]
    # the tax valuation allowance's 2023 charge, (150), in its row at its element
    cell = reading.schedule.periods[1].rows[1].cells[1]
    assert cell.value == Decimal(-150)
    assert (cell.line, cell.column) == _position(text, _element(text, "f-7").start())
    for sources in ("both", "xbrl"):
        result = _check(text, sources=sources)
        assert result.error is None and result.findings == [], [f.message for f in result.findings]


def test_a_figure_tagged_with_the_other_axis_member_is_found_at_its_cell():
    text = TWO_AXES_WRONG.read_text("utf-8")
    element = _position(text, _element(text, "f-7").start())
    failed = [f for f in _check(text).findings if f.severity != "info"]
    assert [(f.rule, f.source, f.row) for f in failed] == [("VX002", "table", "Tax valuation allowance")], \
        [f.message for f in failed]
    assert "'Allowance for credit loss'" in failed[0].message
    assert element in [(p.line, p.column) for p in failed[0].related]
    alone = [f for f in _check(text, sources="xbrl").findings if f.severity == "error"]
    assert [(f.rule, (f.location.line, f.location.column)) for f in alone] == [("VX002", element)]


@pytest.mark.parametrize("fact_id, row", [("f-5", HAZEL[0]), ("f-8", HAZEL[1])])
def test_the_facts_alone_check_each_reserve_of_either_axis(fact_id, row):
    text = _edit(TWO_AXES.read_text("utf-8"), fact_id, "text", "9,999")
    failed = [f for f in _check(text, sources="xbrl").findings if f.severity == "error"]
    assert {(f.rule, f.row) for f in failed} == {("VQ001", row), ("VQ002", HAZEL[2])}, [f.message for f in failed]
    element = _position(text, _element(text, fact_id).start())
    assert any(element in [(f.location.line, f.location.column)] + [(p.line, p.column) for p in f.related]
               for f in failed)


def _axes(*facts: xbrl_facts.Fact) -> tuple:
    return reserve_axes(facts, BALANCES, MOVES, "ValuationAllowancesAndReservesTypeAxis")


def _valued(fact: xbrl_facts.Fact, value: int) -> xbrl_facts.Fact:
    return fact._replace(value=Decimal(value))


TAX = ("abc:TaxValuationAllowanceAxis", "abc:DeferredTaxMember")


def test_axes_whose_members_sum_to_the_totals_only_together_are_all_read():
    def row(m, balance, charge):
        return [_valued(_fact("Balance", m, True), balance), _valued(_fact("ChargedToCostAndExpense", m), charge)]
    standard, tax = row((STANDARD,), 10, 3), row((TAX,), 20, 4)
    assert _axes(*standard, *tax, *row((), 30, 7)) == ("ValuationAllowancesAndReservesTypeAxis",
                                                       "TaxValuationAllowanceAxis")
    # one wrong total still leaves both axes the best reading of the others
    assert len(_axes(*standard, *tax, *row((), 30, 8))) == 2
    # a second cut of the same reserves (by segment) sums alone: the standard axis, never both
    segment = row((SEGMENT,), 10, 3)
    assert _axes(*standard, *segment, *row((), 10, 3)) == ("ValuationAllowancesAndReservesTypeAxis",)
    # no total tagged: one axis, as before
    assert _axes(*standard, *tax) == ("ValuationAllowancesAndReservesTypeAxis",)
    # two axes of the filer's own, each a reserve, summing together
    own = row((OWN,), 20, 4)
    assert set(_axes(*row((TAX,), 10, 3), *own, *row((), 30, 7))) == {"TaxValuationAllowanceAxis", "ReserveTypeAxis"}
    # a fact tagged on both reserve axes at once is a cut of one by the other: no row, no part
    assert _axes(*standard, *tax, *row((), 30, 7), *row((STANDARD, TAX), 1, 1))[1] == "TaxValuationAllowanceAxis"

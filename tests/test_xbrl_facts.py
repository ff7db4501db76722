"""Inline XBRL facts: read, checked on their own, and checked against the printed table.

The fixture tests/fixtures/xbrl/willow-labs-2023-ixbrl.htm is a small page in the
modern filing-software style whose table the HTML front end reads; the real
inline XBRL 10-Ks of ../shared/filings/ are read through their facts.  Each
damaged document is made here, in memory, by changing one attribute or text of
one `ix:nonFraction` element in place.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

import auditor
from auditor.ruleset import rules
from auditor import source
from auditor.frontends.xbrl import facts as xbrl_facts, schedule as xbrl_schedule

from conftest import FIXTURES, SHARED, run

FIXTURE = FIXTURES / "xbrl" / "willow-labs-2023-ixbrl.htm"
RULES = rules.load()
FAMILY = re.compile(r'<ix:nonFraction\b[^>]*\bname="[\w-]+:ValuationAllowancesAndReserves\w*"')


def _check(text: str, sources: str = "both", path: str = "doc.htm"):
    return auditor.check_source(source.from_text(text, path), RULES, sources=sources)


def _element(text: str, fact_id: str) -> re.Match:
    m = re.search(rf'<ix:nonFraction\b[^>]*\bid="{fact_id}"[^>]*>', text)
    assert m, fact_id
    return m


def _edit(text: str, fact_id: str, old: str, new: str) -> str:
    """The document with one attribute (or the text) of one fact changed in place."""
    m = _element(text, fact_id)
    tag = m.group(0)
    if old == "text":
        end = text.index("</ix:nonFraction>", m.end())
        return text[:m.end()] + new + text[end:]
    assert old in tag, (old, tag)
    return text[:m.start()] + tag.replace(old, new, 1) + text[m.end():]


def _position(text: str, offset: int) -> tuple:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# --- the fixture: the table read, every figure tagged ---------------------------------


def test_fixture_table_and_facts_agree_and_close():
    text = FIXTURE.read_text("utf-8")
    result = _check(text)
    assert result.error is None
    assert result.findings == []
    table, facts = result.schedules
    assert table.source == "table" and facts.source == "xbrl"
    # one period per duration, one row per member, the default member as the total
    assert [p.label for p in facts.periods] == ["Year ended 2022-12-31", "Year ended 2023-12-31"]
    assert [r.label for r in facts.periods[1].rows] == [
        "Allowance for credit loss", "Valuation allowance of deferred tax assets", "Total (no member)"]
    assert [r.kind for r in facts.periods[1].rows] == ["item", "item", "total"]
    assert [c.role for c in facts.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    # a sign="-" fact: (150), in thousands as most facts are scaled
    assert facts.periods[1].rows[1].cells[1].value == Decimal(-150)
    # a printed fact is preferred to the same fact hidden in ix:hidden
    total = facts.periods[1].rows[2].cells[1]
    assert (total.line, total.column) != _position(text, _element(text, "h-1").start())


def test_each_fact_cell_is_at_its_element():
    text = FIXTURE.read_text("utf-8")
    src = source.from_text(text, "doc.htm")
    facts = xbrl_facts.read(src, RULES.xbrl.family)
    reading = xbrl_schedule.build(facts, RULES)
    assert reading.cells
    for (p, r, k), fact in reading.cells.items():
        cell = reading.schedule.periods[p].rows[r].cells[k]
        assert (cell.line, cell.column) == _position(text, fact.start)
        assert text[fact.start:].startswith("<ix:nonFraction")


# Each damage: (fact id, attribute or "text", old, new, rule, what the message says).
# f-1..f-5: credit losses 2023 (beginning, charged to costs, to other, deductions, ending);
# f-6..f-10: the tax valuation allowance 2023, f-7 printed (150) with sign="-".
DAMAGES = [
    ("drop a sign", "f-7", ' sign="-"', "", "VX001", 'no sign="-"'),
    ("add a sign", "f-4", 'decimals="-3"', 'decimals="-3" sign="-"', "VX001", 'sign="-" makes'),
    ("another scale", "f-2", 'scale="3"', 'scale="6"', "VX001", 'scale="6"'),
    ("another format", "f-5", 'format="ixt:num-dot-decimal"', 'format="ixt:num-comma-decimal"', "VX001",
     "'1,444' reads as 1.444"),
    ("the other year's context", "f-2", 'contextRef="d2023_cl"', 'contextRef="d2022_cl"', "VX002", "2022-01-01"),
    ("another member", "f-4", 'contextRef="d2023_cl"', 'contextRef="d2023_tx"', "VX002", "member"),
    ("a balance at the wrong instant", "f-5", 'contextRef="i2023_cl"', 'contextRef="i2022_cl"', "VX002",
     "instant 2022-12-31"),
]


@pytest.mark.parametrize("what, fact_id, old, new, rule, says", DAMAGES, ids=[d[0] for d in DAMAGES])
def test_one_damaged_tag_is_one_finding_at_its_cell(what, fact_id, old, new, rule, says):
    text = _edit(FIXTURE.read_text("utf-8"), fact_id, old, new)
    result = _check(text)
    assert result.error is None
    failed = [f for f in result.findings if f.severity != "info"]
    assert [f.rule for f in failed] == [rule], [f.message for f in failed]
    finding = failed[0]
    element = _element(text, fact_id)
    assert finding.source == "table"
    assert finding.severity == "error"
    # at the printed cell, the tag's element related
    assert finding.location.line == _position(text, element.start())[0]
    assert _position(text, element.start()) in [(p.line, p.column) for p in finding.related]
    assert says in finding.message


def test_a_wrong_figure_the_tag_shares_is_one_finding_saying_they_agree():
    text = FIXTURE.read_text("utf-8")
    text = _edit(text, "f-5", "text", "1,454")  # the printed ending balance, and its tag, both wrong
    result = _check(text)
    failed = [f for f in result.findings if f.severity != "info"]
    assert failed and all(f.source == "table" for f in failed)
    assert all(f.rule in ("VQ001", "VQ002", "VQ003") for f in failed)
    at_cell = [f for f in failed if f.location.line == _position(text, _element(text, "f-5").start())[0]]
    assert any("table and tag give the same value" in f.message for f in at_cell)
    # the facts' own roll-forward fails the same way: not reported a second time
    assert not any(f.source == "xbrl" for f in result.findings)


def test_the_facts_alone_check_their_roll_forward():
    text = _edit(FIXTURE.read_text("utf-8"), "f-7", ' sign="-"', "")
    result = _check(text, sources="xbrl")
    assert [s.source for s in result.schedules] == ["xbrl"]
    failed = [f for f in result.findings if f.severity != "info"]
    assert {f.rule for f in failed} == {"VQ001", "VQ002"}
    assert all(f.source == "xbrl" for f in failed)
    element = _position(text, _element(text, "f-7").start())
    assert any(element in [(p.line, p.column) for p in f.related] for f in failed if f.rule == "VQ001")


def test_table_only_ignores_the_tags():
    text = _edit(FIXTURE.read_text("utf-8"), "f-7", ' sign="-"', "")
    result = _check(text, sources="table")
    assert result.findings == [] and [s.source for s in result.schedules] == ["table"]


def test_an_unreadable_table_with_facts_is_checked_through_them():
    text = FIXTURE.read_text("utf-8")
    # a second figure in the Deductions cell of a row: the table no longer reads
    text = text.replace("</ix:nonFraction></td><td style=\"text-align:right\">$ <ix:nonFraction unitRef=\"usd\" "
                        "contextRef=\"i2023_cl\"", "</ix:nonFraction> 17</td><td style=\"text-align:right\">$ "
                        "<ix:nonFraction unitRef=\"usd\" contextRef=\"i2023_cl\"", 1)
    assert _check(text, sources="table").error is not None
    result = _check(text)
    assert result.error is None
    assert [(f.rule, f.severity) for f in result.findings] == [("VX003", "warning")]
    assert "cannot be read" in result.findings[0].message


def test_a_document_without_tagged_facts_is_checked_as_before():
    text = (FIXTURES / "html" / "cobalt-systems-2019-ixbrl-clean.htm").read_text("utf-8")
    both, table = _check(text), _check(text, sources="table")
    assert both.findings == table.findings and both.schedules == table.schedules
    assert _check(text, sources="xbrl").error.message.startswith("no inline XBRL facts")


def test_json_says_source_xbrl():
    import jsonschema

    from auditor.output import json as report

    text = _edit(FIXTURE.read_text("utf-8"), "f-7", ' sign="-"', "")
    schema = json.loads((Path(auditor.__file__).parent / "schemas" / "findings.schema.json").read_text("utf-8"))
    for sources in ("both", "xbrl", "table"):
        jsonschema.validate(json.loads(report.dumps([_check(text, sources=sources)])), schema)
    doc = json.loads(report.dumps([_check(text, sources="xbrl")]))
    assert doc["files"][0]["schedules"][0]["source"] == "xbrl"
    assert {f.get("source") for f in doc["files"][0]["findings"]} == {"xbrl"}
    doc = json.loads(report.dumps([_check(text, sources="table")]))
    assert "source" not in doc["files"][0]["schedules"][0]


def test_cli_source_options():
    proc = run("parse", "--source", "xbrl", FIXTURE)
    assert proc.returncode == 0 and "inline XBRL facts" in proc.stdout and "Balance at Beginning" not in proc.stdout
    proc = run("check", "--source", "xbrl", FIXTURE)
    assert proc.returncode == 0, proc.stderr
    proc = run("check", "--source", "xbrl", FIXTURES / "html" / "cobalt-systems-2019-ixbrl-clean.htm")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "no inline XBRL facts" in proc.stderr


def test_formats_and_double_counting():
    """A net tagged beside its components is not added again; formats read."""
    text = FIXTURE.read_text("utf-8")
    # An extension concept tagging the sum of the two additions of a row, hidden.
    extra = ('<ix:nonFraction unitRef="usd" contextRef="d2023_cl" decimals="-3" scale="3" '
             'name="wl:ValuationAllowancesAndReservesAdditionsChargedToCostsAndOtherNet" id="x-1">845</ix:nonFraction>'
             '<ix:nonFraction unitRef="usd" contextRef="d2023_tx" decimals="-3" scale="3" sign="-" '
             'name="wl:ValuationAllowancesAndReservesAdditionsChargedToCostsAndOtherNet" id="x-2" '
             'format="ixt:num-comma-decimal">75,0</ix:nonFraction>')
    text = text.replace("<ix:hidden>", "<ix:hidden>" + extra)
    src = source.from_text(text, "doc.htm")
    reading = xbrl_schedule.build(xbrl_facts.read(src, RULES.xbrl.family), RULES)
    assert [c for c, _ in reading.set_aside] == ["wl:ValuationAllowancesAndReservesAdditionsChargedToCostsAndOtherNet"]
    assert not [f for f in _check(text, sources="xbrl").findings if f.severity != "info"]


@pytest.mark.parametrize("fmt, shown, value", [
    ("ixt:num-dot-decimal", "1,234.5", "1234.5"), ("ixt:num-comma-decimal", "1.234,5", "1234.5"),
    ("ixt:fixed-zero", "\u2014", "0"), ("ixt-sec:numwordsen", "no", "0"), ("ixt-sec:numwordsen", "None", "0"),
    ("", "12", "12"), ("ixt:numdotdecimal", "7", "7"),
    # every registry's names of the two ways to write a number (TR 1's group separator first)
    ("ixt:numcommadecimal", "1.234,5", "1234.5"), ("ixt:numdotcomma", "1.234,5", "1234.5"),
    ("ixt:numspacecomma", "1 234,5", "1234.5"), ("ixt:numcomma", "12,5", "12.5"),
    ("ixt:numcommadot", "1,234.5", "1234.5"), ("ixt:numspacedot", "1 234.5", "1234.5"),
    ("ixt:numdotdecimalin", "1,23,456.7", "123456.7"), ("ixt5:num-dot-decimal-apos", "1'234.5", "1234.5"),
    ("ixt5:num-comma-decimal-apos", "1'234,5", "1234.5"), ("ixt4:num-dot-decimal", "1\u00a0234", "1234"),
    ("ixt:zerodash", "-", "0"), ("ixt:numdash", "\u2013", "0"), ("ixt5:fixed-zero", "nil", "0"),
    ("ixt-sec:numwordsen", "None.", "0"), ("ixt-sec:numwordsen", "twelve", "12"),
    ("ixt-sec:numwordsen", "Twenty-three", "23"), ("ixt-sec:numwordsen", "one hundred and five", "105"),
    ("ixt-sec:numwordsen", "two million, four hundred thousand", "2400000"),
    # a unit between the whole number and its hundredths (TR 2-5's num-unit-decimal)
    ("ixt:num-unit-decimal", "5 dollars 20 cents", "5.20"), ("ixt4:num-unit-decimal", "1,234 dollars 5 cents", "1234.05"),
    ("ixt:numunitdecimal", "12 Euro 50", "12.50"), ("ixt5:num-unit-decimal-apos", "1'234 USD 7", "1234.07"),
])
def test_transforms(fmt, shown, value):
    assert xbrl_facts._value(shown.replace("\u00a0", " "), fmt, 0, "") == (Decimal(value), "")


@pytest.mark.parametrize("fmt, shown", [
    # no figure's transforms: refused naming the format, never read as a plain number
    ("ixt-sec:numinf", "unbounded"), ("ixt-sec:duryear", "1.5"),
    ("ixt:date-monthname-day-year-en", "March 31, 2024"), ("ixt:fixed-true", "Yes"),
    ("ixt:numdotdecimal", "1.234,5"), ("ixt-sec:numwordsen", "several"),
    ("ixt:num-unit-decimal", "5 dollars"), ("ixt:num-unit-decimal", "5 dollars 205 cents"),
])
def test_a_transform_no_figure_is_written_in_is_refused_by_name(fmt, shown):
    value, problem = xbrl_facts._value(shown, fmt, 0, "")
    assert value is None and fmt in problem


def test_a_text_no_format_reads_is_not_a_value():
    value, problem = xbrl_facts._value("12a", "ixt:num-dot-decimal", 3, "")
    assert value is None and "cannot read" in problem


# --- the real inline XBRL 10-Ks ----------------------------------------------------------


def _real_files():
    if not (SHARED / "filings").is_dir():
        return []
    return sorted(p for p in (SHARED / "filings").glob("*/*.htm*") if "ix:nonFraction" in p.read_text("utf-8", "replace"))


REAL = _real_files()


@pytest.fixture(params=REAL or [None], ids=[p.parent.name for p in REAL] or ["absent"])
def real(request):
    if request.param is None:
        pytest.skip("../shared/filings (real inline XBRL 10-Ks) is not beside this checkout")
    return request.param


def test_real_facts_all_accounted_for_and_closing(real):
    text = real.read_text("utf-8")
    src = source.from_text(text, str(real))
    facts = xbrl_facts.read(src, RULES.xbrl.family)
    assert len(facts.facts) == len(FAMILY.findall(src.joined()))
    reading = xbrl_schedule.build(facts, RULES)
    assert reading.unread == () and reading.set_aside == ()
    shown = {id(f) for f in reading.cells.values()}
    # Every fact is a cell, or the same figure tagged again (a balance printed as
    # one year's end and the next one's beginning) as a cell has it.
    cells = {(f.concept, f.context.id): f.value for f in reading.cells.values()}
    for f in facts.facts:
        assert id(f) in shown or cells[(f.concept, f.context.id)] == f.value, f
    result = _check(text, sources="xbrl", path=str(real))
    assert result.error is None
    assert [f.message for f in result.findings if f.severity != "info"] == []


@pytest.mark.parametrize("damage", ["sign", "scale", "text"])
def test_real_facts_one_damaged_tag_is_found_at_its_element(real, damage):
    text = real.read_text("utf-8")
    src = source.from_text(text, str(real))
    reading = xbrl_schedule.build(xbrl_facts.read(src, RULES.xbrl.family), RULES)
    # a nonzero movement of the latest period, printed once
    p = len(reading.schedule.periods) - 1
    fact = next(f for (q, r, k), f in sorted(reading.cells.items())
                if q == p and 0 < k < len(reading.schedule.columns) - 1 and f.value)
    tag = text[fact.start:text.index(">", fact.start) + 1]
    if damage == "sign":
        new = tag.replace(' sign="-"', "") if 'sign="-"' in tag else tag.replace(" name=", ' sign="-" name=', 1)
    elif damage == "scale":
        new = re.sub(r'scale="(\d+)"', lambda m: f'scale="{int(m.group(1)) - 3}"', tag)
    else:
        end = text.index("</ix:nonFraction>", fact.start)
        new = tag + str(abs(fact.value.scaleb(-fact.scale)) + 10)
        tag = text[fact.start:end]
    damaged = text[:fact.start] + new + text[fact.start + len(tag):]
    result = _check(damaged, sources="xbrl", path=str(real))
    failed = [f for f in result.findings if f.severity == "error"]
    assert [f.rule for f in failed if f.rule == "VQ001"] == ["VQ001"], [f.message for f in failed]
    identity = next(f for f in failed if f.rule == "VQ001")
    assert _position(damaged, fact.start) in [(q.line, q.column) for q in identity.related]
    assert identity.source == "xbrl"


@pytest.mark.parametrize("damage", ["other year", "other member"])
def test_real_facts_a_fact_pointed_at_another_context_is_found_at_its_element(real, damage):
    text = real.read_text("utf-8")
    src = source.from_text(text, str(real))
    reading = xbrl_schedule.build(xbrl_facts.read(src, RULES.xbrl.family), RULES)
    axis = RULES.xbrl.axis
    last = len(reading.schedule.periods) - 1
    movements = [(key, f) for key, f in sorted(reading.cells.items())
                 if 0 < key[2] < len(reading.schedule.columns) - 1 and f.value]
    fact = next(f for (p, r, k), f in movements if p == last)
    if damage == "other year":
        wanted = [f for (p, r, k), f in movements if p == 0 and f.concept == fact.concept
                  and f.context.member(axis) == fact.context.member(axis) and f.value != fact.value]
    else:
        wanted = [f for (p, r, k), f in movements if p == last and f.concept == fact.concept
                  and f.context.member(axis) != fact.context.member(axis) and f.value != fact.value]
    if not wanted:
        pytest.skip(f"{real.parent.name} tags no such other context")
    tag = text[fact.start:text.index(">", fact.start) + 1]
    new = tag.replace(f'contextRef="{fact.context.id}"', f'contextRef="{wanted[0].context.id}"')
    damaged = text[:fact.start] + new + text[fact.start + len(tag):]
    result = _check(damaged, sources="xbrl", path=str(real))
    errors = [f for f in result.findings if f.severity == "error"]
    assert [f.rule for f in errors] == ["VX002"], [f.message for f in errors]
    assert (errors[0].location.line, errors[0].location.column) == _position(damaged, fact.start)
    assert errors[0].source == "xbrl"


# --- damaged tags never crash the reader ------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

ATTRIBUTES = ["scale", "decimals", "sign", "format", "contextRef", "name", "unitRef"]
JUNK = st.sampled_from(["", "-", "x", "99999", "-99999", "1e9", "ixt:nope", "c-missing", "us-gaap:",
                        "us-gaap:ValuationAllowancesAndReservesBalance", "\u2014", "&amp;", "<", "\"", "0"])


@settings(deadline=None)  # a whole check per example; the machine's load varies
@given(st.lists(st.tuples(st.integers(1, 30), st.sampled_from(ATTRIBUTES), JUNK), min_size=1, max_size=4),
       st.sampled_from(["both", "xbrl"]))
def test_damaged_attributes_are_read_or_refused_in_one_line(edits, sources):
    text = FIXTURE.read_text("utf-8")
    for n, attribute, junk in edits:
        m = re.search(rf'<ix:nonFraction\b[^>]*\bid="f-{n}"[^>]*>', text)
        if m is None:
            continue
        tag = re.sub(rf'{attribute}="[^"]*"', f'{attribute}="{junk}"', m.group(0))
        if f'{attribute}=' not in tag:
            tag = tag.replace(" id=", f' {attribute}="{junk}" id=')
        text = text[:m.start()] + tag + text[m.end():]
    result = _check(text, sources=sources)
    if result.error is not None:
        assert "\n" not in str(result.error)
    else:
        assert result.schedules


def test_a_breakdown_by_another_dimension_is_not_a_row():
    """A reserve tagged by segment too (another dimension) is no row of the schedule:
    neither a conflict with the reserve's own facts nor a part of its total."""
    text = FIXTURE.read_text("utf-8")
    segment = ('<xbrli:context id="seg"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000999999'
               '</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="us-gaap:'
               'ValuationAllowancesAndReservesTypeAxis">us-gaap:AllowanceForCreditLossMember</xbrldi:explicitMember>'
               '<xbrldi:explicitMember dimension="us-gaap:StatementBusinessSegmentsAxis">wl:LabsMember'
               '</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period><xbrli:startDate>2023-01-01'
               '</xbrli:startDate><xbrli:endDate>2023-12-31</xbrli:endDate></xbrli:period></xbrli:context>')
    fact = ('<ix:nonFraction unitRef="usd" contextRef="seg" decimals="-3" scale="3" id="s-1" '
            'name="us-gaap:ValuationAllowancesAndReservesChargedToCostAndExpense">300</ix:nonFraction>')
    text = text.replace("<ix:resources>", "<ix:resources>" + segment).replace("<ix:hidden>", "<ix:hidden>" + fact)
    reading = xbrl_schedule.build(xbrl_facts.read(source.from_text(text, "doc.htm"), RULES.xbrl.family), RULES)
    assert [(f.id, why) for f, why in reading.unread] == [("s-1", "tagged with another dimension than the reserve axis")]
    assert _check(text).findings == [] and _check(text, sources="xbrl").findings == []


def _table_is_read(text: str, path: str):
    """The real filing's printed table and its tags, or a skip where the table is not read yet
    (or read otherwise than its tags say: ibm-2023's reading on main; the HTML front end's business)."""
    from auditor.ruleset import tagged

    src = source.from_text(text, path)
    try:
        tables = auditor.schedules(src, RULES, sources="table")
    except auditor.InputError as exc:
        pytest.skip(f"the printed table is not read: {exc.message}")
    facts = xbrl_facts.read(src, RULES.xbrl.family)
    tags = [tagged.match(t, facts, RULES) for t in tables]
    if sum(len(t) for t in tags) < len(facts.facts) or _check(text, path=path).findings and any(
            f.rule.startswith("VX") for f in _check(text, path=path).findings):
        pytest.skip("the printed table is read, but not as its tags place its figures")
    return tables, tags


@pytest.mark.parametrize("damage", ["sign", "scale", "other year", "other member"])
def test_real_table_one_damaged_tag_is_one_finding_at_its_cell(real, damage):
    """Where the HTML front end reads the printed table, each damaged tag is exactly
    one VX finding at the printed cell, its element related; nothing else fails."""
    text = real.read_text("utf-8")
    _table_is_read(text, str(real))
    reading = xbrl_schedule.build(xbrl_facts.read(source.from_text(text, str(real)), RULES.xbrl.family), RULES)
    axis, last = RULES.xbrl.axis, len(reading.schedule.periods) - 1
    movements = [(key, f) for key, f in sorted(reading.cells.items())
                 if 0 < key[2] < len(reading.schedule.columns) - 1 and f.value]
    fact = next(f for (p, r, k), f in movements if p == last)
    tag = text[fact.start:text.index(">", fact.start) + 1]
    if damage == "sign":
        new = tag.replace(' sign="-"', "") if 'sign="-"' in tag else tag.replace(" name=", ' sign="-" name=', 1)
    elif damage == "scale":
        new = re.sub(r'scale="(\d+)"', lambda m: f'scale="{int(m.group(1)) - 3}"', tag)
    else:
        same_member = damage == "other year"
        other = [f for (p, r, k), f in movements if f.concept == fact.concept and (p == 0) == same_member
                 and (f.context.member(axis) == fact.context.member(axis)) == same_member]
        if not other:
            pytest.skip(f"{real.parent.name} tags no such other context")
        new = tag.replace(f'contextRef="{fact.context.id}"', f'contextRef="{other[0].context.id}"')
    damaged = text[:fact.start] + new + text[fact.start + len(tag):]
    failed = [f for f in _check(damaged, path=str(real)).findings if f.severity != "info"]
    assert [f.rule for f in failed] == ["VX001" if damage in ("sign", "scale") else "VX002"], \
        [f.message for f in failed]
    assert _position(damaged, fact.start) in [(p.line, p.column) for p in failed[0].related]


def test_parse_says_what_the_facts_schedule_leaves_out():
    text = FIXTURE.read_text("utf-8").replace(
        "<ix:hidden>", '<ix:hidden><ix:nonFraction unitRef="usd" contextRef="d2023_cl" decimals="-3" scale="3" '
        'name="us-gaap:ValuationAllowancesAndReservesDeductions" id="bad-1" format="ixt:num-dot-decimal">6l1'
        '</ix:nonFraction>')
    (schedule,) = auditor.schedules(source.from_text(text, "doc.htm"), RULES, sources="xbrl")
    assert any(note.startswith("us-gaap:ValuationAllowancesAndReservesDeductions id bad-1 at ")
               and "cannot read '6l1'" in note for note in schedule.notes)
    from auditor.output import describe

    assert "note: us-gaap:ValuationAllowancesAndReservesDeductions id bad-1" in describe.text([schedule])
    assert json.loads(describe.dumps([schedule]))["schedules"][0]["notes"] == list(schedule.notes)


def test_components_and_their_net_tagged_side_by_side_are_not_added_twice():
    """The class of a 2024 medical-devices 10-K: ChargedToOtherAccounts beside an
    extension ...ChargesToOtherAccountsNet (the same figures), the standard concept
    printed, the extension hidden.  Summing every fact would leave the rows open."""
    text = FIXTURE.read_text("utf-8")
    extra = "".join(
        f'<ix:nonFraction unitRef="usd" contextRef="{cid}" decimals="-3" scale="3" id="n-{i}" '
        f'name="mdx:ValuationAllowancesAndReservesChargesToOtherAccountsNet">{value}</ix:nonFraction>'
        for i, (cid, value) in enumerate([("d2022_cl", "12"), ("d2023_tx", "75"), ("d2022_all", "12"),
                                          ("d2023_all", "75")]))
    text = text.replace("<ix:hidden>", "<ix:hidden>" + extra)
    reading = xbrl_schedule.build(xbrl_facts.read(source.from_text(text, "doc.htm"), RULES.xbrl.family), RULES)
    assert [c for c, _ in reading.set_aside] == ["mdx:ValuationAllowancesAndReservesChargesToOtherAccountsNet"]
    assert [f for f in _check(text, sources="xbrl").findings if f.severity != "info"] == []
    assert _check(text).findings == []


def test_a_fact_its_format_cannot_read_is_named_where_the_facts_cannot_settle():
    text = _edit(FIXTURE.read_text("utf-8"), "f-4", "text", "6l1")  # credit losses 2023, deductions
    failed = [f for f in _check(text, sources="xbrl").findings if f.severity != "info"]
    assert failed and all(f.severity == "warning" for f in failed)
    assert any("id f-4 is not read: cannot read '6l1'" in f.message for f in failed if f.rule == "VQ001")


def test_a_whole_row_tagged_with_last_years_contexts_is_found():
    """Every tag of a printed row names the other year's contexts: the row agrees with
    itself, so only the facts say it: each of them contradicts the other year's fact."""
    text = FIXTURE.read_text("utf-8")
    for n in range(1, 6):  # credit losses, 2023: beginning, three movements, ending
        m = _element(text, f"f-{n}")
        old = re.search(r'contextRef="([a-z])2023_cl"', m.group(0)) or re.search(r'contextRef="(i)2022_cl"', m.group(0))
        ctx = {"d": "d2022_cl", "i": "i2022_cl" if n == 5 else "i2021_cl"}[old.group(1)]
        text = text[:m.start()] + m.group(0).replace(old.group(0), f'contextRef="{ctx}"') + text[m.end():]
    failed = [f for f in _check(text).findings if f.severity != "info"]
    assert failed and {f.rule for f in failed} == {"VX002"}
    assert {f.source for f in failed} == {"xbrl"}
    places = {_position(text, _element(text, f"f-{n}").start()) for n in range(1, 6)}
    assert {(f.location.line, f.location.column) for f in failed} <= places


def test_an_excluded_part_of_a_facts_text_is_not_read_as_its_figure():
    text = FIXTURE.read_text("utf-8")
    fact_id = re.search(r'<ix:nonFraction\b[^>]*\bid="([^"]+)"[^>]*>(\d[\d,]*)<', text)
    shown = fact_id.group(2)
    edited = _edit(text, fact_id.group(1), "text", f"{shown}<ix:exclude><sup>(1)</sup></ix:exclude>")
    facts = xbrl_facts.read(source.from_text(edited, "doc.htm"), RULES.xbrl.family)
    (fact,) = [f for f in facts.facts if f.id == fact_id.group(1)]
    assert fact.text == shown and not fact.problem
    # Many exclusions never closed: read in linear time (a lazy regex rescanned the rest from each).
    assert xbrl_facts._without_excluded("<ix:exclude" * 3 + "1,2</ix:exclude>x") == "x"
    assert xbrl_facts._without_excluded("<ix:exclude>" * 20000) == "<ix:exclude>" * 20000


@pytest.mark.parametrize("text", [
    '<ix:nonNumeric name="a">x<ix:nonNumeric name="b"/>y</ix:nonNumeric></ix:nonNumeric>',
    '<ix:nonNumeric>a<ix:nonNumericX>b</ix:nonNumeric >c</ix:nonNumeric>',  # (no \\b after the name; a space)
    'ix:nonNumeric</ix:nonNumeric><</ix:nonNumeric>x<ix:nonNumeric/',  # (no "<" before; "<<"; cut off)
    '<ix:nonNumeric a="<ix:nonNumeric>">b</ix:nonNumeric>',  # (a match inside a match's text: not again)
])
def test_nonnumeric_tags_are_those_the_pattern_finds(text):
    """The text block's tags, found led by their name (`_nonnumeric_tags`), are
    the pattern's own finditer's, from any start to any end."""
    for pos in range(len(text) + 1):
        for endpos in (len(text), text.rfind(">") + 1, pos + 20):
            want = [m.span() for m in xbrl_facts.NONNUMERIC_END.finditer(text, pos, endpos)]
            assert [m.span() for m in xbrl_facts._nonnumeric_tags(text, pos, endpos)] == want

"""Every real table printed with the movements as rows, under a title or under
its accounts' captions alone, in HTML and in text (issue 12): each account's
figures are read as that account's row, by its name, never as a total nor as
the schedule's title (a row label sharing a title's words, "Additions
Valuation accounts acquired", is no title); and a wrong figure planted in the
first account is found there, under its name."""

import copy
import json
from decimal import Decimal

import pytest

import auditor
from auditor import source
from expect import expected_errors, reported_errors, row_name
from render import parse_cell
from test_html_real_tables import SOFTWARE, STYLES, _rendered
from conftest import FIXTURES
from test_real_tables import NAMES, SHARED, TRANSPOSED_LAYOUTS, _check, _wrapped, applicable

RULES = auditor.load_rules()
HTML_STYLES = sorted(name for name in [*STYLES, *SOFTWARE] if "transposed" in name or "columns" in name)


def _spec(table: str) -> dict:
    return json.loads((SHARED / "real-tables" / f"{table}.json").read_text())


def _planted(spec: dict) -> tuple[dict, int]:
    """The spec with the first account's closing balance in its first period one more
    (a figure the row's movements no longer sum to), and that account's row there."""
    spec = copy.deepcopy(spec)
    rows = spec["periods"][0]["rows"]
    r = next(r for r, row in enumerate(rows) if row["cells"] and not row.get("is_total"))
    kind, value, _ = parse_cell(rows[r]["cells"][-1])
    rows[r]["cells"][-1] = f"{(value if kind == 'figure' else Decimal(0)) + 1:,}"
    return spec, r


def _read_html(spec: dict, style: str):
    rendered = _rendered(spec, style)
    return rendered, auditor.check_source(source.from_text(rendered.text, "t.htm"), RULES, input_format="html")


def _read_text(spec: dict, layout: str, tmp_path):
    return _check(spec, applicable(spec, TRANSPOSED_LAYOUTS[layout]), tmp_path)


def _misread_rows(spec: dict, rendered, result) -> list:
    """Each printed figure whose row is read under another name, or as a total where
    the spec's row is an account (or an account where it is a total); the title if
    it is a row's or a column's words."""
    read = {(c.line, c.column): (_wrapped(r.label), r.kind) for s in result.schedules for p in s.periods
            for r in p.rows for c in r.cells if c is not None}
    wrong = set()
    for f in rendered.figures:
        row = spec["periods"][f.period]["rows"][f.row]
        total = bool(row.get("is_total"))
        got = read.get((f.line, f.start))
        if got is None:
            continue  # (where each figure lands: other tests' concern)
        name = _wrapped(rendered.row_labels[(f.period, f.row)])
        if got[1] != ("total" if total else "item") or not total and got[0] != name:
            wrong.add((name, got))
    printed = {row_name(r["label"]) for p in spec["periods"] for r in p["rows"]} | set(spec["columns"])
    wrong |= {("title", s.title) for s in result.schedules if s.title and row_name(s.title) in printed}
    return sorted(wrong)


def _asserted(spec: dict, planted: dict, account: int, read) -> None:
    rendered, result = read(spec)
    assert result.error is None, str(result.error)
    assert _misread_rows(spec, rendered, result) == []
    rendered, result = read(planted)
    assert result.error is None, str(result.error)
    want = expected_errors(planted, rendered)
    assert any(row == row_name(rendered.row_labels[(0, account)]) for _, row, _, _ in want)
    assert reported_errors(result) == want


@pytest.mark.parametrize("style", HTML_STYLES)
@pytest.mark.parametrize("table", NAMES)
def test_html_accounts_are_read_as_themselves_and_a_wrong_figure_in_the_first_is_found(table, style):
    spec = _spec(table)
    planted, account = _planted(spec)
    _asserted(spec, planted, account, lambda s: _read_html(s, style))


@pytest.mark.parametrize("style", sorted(name for name in [*STYLES, *SOFTWARE] if name not in HTML_STYLES))
def test_html_accounts_in_every_other_style_are_read_by_their_names(style):
    """The movements as columns too: no account read as a total, into a period's caption or as a title."""
    wrong = []
    for table in NAMES:
        spec = _spec(table)
        rendered, result = _read_html(spec, style)
        assert result.error is None, str(result.error)
        wrong += [(table, *w) for w in _misread_rows(spec, rendered, result)]
    assert wrong == []


@pytest.mark.parametrize("layout", sorted(TRANSPOSED_LAYOUTS))
@pytest.mark.parametrize("table", NAMES)
def test_text_accounts_are_read_as_themselves_and_a_wrong_figure_in_the_first_is_found(table, layout, tmp_path):
    spec = _spec(table)
    planted, account = _planted(spec)
    _asserted(spec, planted, account, lambda s: _read_text(s, layout, tmp_path))


def _fixture(name):
    result = auditor.check_file(str(FIXTURES / "html" / f"{name}.htm"), RULES)
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    return schedule, result


def _rows(schedule):
    return {(r.label, r.kind) for p in schedule.periods for r in p.rows}


def test_a_movement_sharing_a_titles_words_is_a_row_and_the_caption_above_names_the_first_account():
    schedule, result = _fixture("jasper-marine-2002-years-as-columns-captions-only-acquired-clean")
    assert schedule.title == ""
    assert _rows(schedule) == {("Allowance for doubtful accounts", "item"),
                               ("Allowance for excess and obsolete inventory", "item")}
    assert "acquisitions" in [c.role for c in schedule.columns] and result.findings == []
    schedule, result = _fixture("kiln-ceramics-2003-years-as-columns-captions-only-acquired-row-typo")
    assert schedule.title == "" and _rows(schedule) == {("Allowance for doubtful accounts", "item"),
                                                        ("Warranty reserve", "item")}
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        ("row_identity", "2002", "Allowance for doubtful accounts")]


def test_a_period_column_names_the_period_with_its_basis_and_the_row_its_account():
    schedule, result = _fixture("larch-paper-2021-period-column-basis-clean")
    assert [p.label for p in schedule.periods][0] == "Successor: Year ended December 31, 2021"
    assert _rows(schedule) == {("Allowance for doubtful accounts", "item")} and result.findings == []
    schedule, result = _fixture("marl-chemicals-2019-period-column-bare-years-row-typo")
    assert _rows(schedule) == {("Allowance for doubtful accounts", "item"), ("Inventory reserve", "item"),
                               ("Total", "total")}
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("column_total", "2018", "Total"), ("row_identity", "2018", "Allowance for doubtful accounts")]

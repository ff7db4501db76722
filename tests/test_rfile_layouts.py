"""The 24 real tables as EDGAR's XBRL viewer prints them (R files, tests/render_rfile.py):
a column per date under "12 Months Ended", the units in the title's corner cell, each
reserve a "[Member]" row over its movements or a column of its own, the totals (no member)
first and unnamed, "[Line Items]" / "[Roll Forward]" caption rows, bracketed footnotes, the
concepts' definitions hidden after the report; or one reserve named in the title; the title
as the viewer wrote it before 2014 too.  Each read
with every figure in its period, row and column, exactly the table's own failures found."""

import json

import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from expect import expected_errors, printed_html_cells, read_cells, reported_errors, row_name
from render_rfile import RStyle, render, variants

HTML = FIXTURES / "html"
VARIANTS = sorted(variants({"periods": [{"label": "2001", "rows": [{"label": "A", "cells": ["1"]}]}]}))


def _tables(shared):
    return sorted((shared / "real-tables").glob("*.json"))


@pytest.mark.parametrize("variant", VARIANTS)
def test_real_tables_as_r_files_read_in_place_with_exactly_their_failures(shared, variant):
    ruleset = auditor.load_rules()
    mismatches = []
    for path in _tables(shared):
        spec, style = variants(json.loads(path.read_text()))[variant]
        rendered = render(spec, style)
        result = auditor.check_source(source.from_text(rendered.text, f"{path.stem}.htm"), ruleset, input_format="html")
        if result.error is not None:
            mismatches.append((path.stem, str(result.error)))
            continue
        want = expected_errors(spec, rendered, blank_nils=style.nil == "blank")
        got = reported_errors(result)
        if style.member_in_title:
            # One reserve's one row may be too few to overturn a heading's direction its figures
            # contradict, or to read a column whose heading names none ("Other"): the tool says
            # so (VQ005; 3 of the 192 cases), and nothing else beyond the table's failures.
            got = {g for g in got if g[0] != "reading_ambiguity"}
        if got != want:
            mismatches.append((path.stem, sorted(got - want), sorted(want - got)))
        cells, printed = read_cells(result.schedules), printed_html_cells(rendered)
        if cells != printed:
            mismatches.append((path.stem, "cells", sorted(set(cells.items()) ^ set(printed.items()))[:4]))
        rows = {(p.label, row_name(r.label) or "Total") for s in result.schedules for p in s.periods for r in p.rows}
        units = spec.get("units") if spec.get("units") in ("thousands", "millions") else None
        if any(s.units != units for s in result.schedules):  # (read in the title's corner cell)
            mismatches.append((path.stem, "units", [s.units for s in result.schedules]))
        shown = {(f.period, f.row) for f in rendered.figures}  # (a reserve with no fact in a year: no row there)
        named = {(rendered.period_labels[pi], label) for (pi, ri), label in rendered.row_labels.items()
                 if (pi, ri) in shown}
        if rows != named:
            mismatches.append((path.stem, "rows", sorted(rows ^ named)[:4]))
    assert mismatches == []


def _read(name):
    result = auditor.check_file(str(HTML / f"{name}.htm"))
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    return schedule, result


def test_members_as_rows_read_as_accounts_the_totals_first_and_the_captions_no_row():
    schedule, result = _read("juniper-foods-2019-xbrl-viewer-members-as-rows-clean")
    rows = [("", "total"), ("Allowance for doubtful accounts", "item"), ("Reserve for sales returns", "item"),
            ("Inventory obsolescence reserve", "item")]
    assert [(p.label, [(r.label, r.kind) for r in p.rows]) for p in schedule.periods] == [
        (f"Dec. 31, {y}", rows) for y in (2019, 2018, 2017)]
    assert schedule.units == "thousands"  # in the corner cell: "USD ($)<br> $ in Thousands"
    assert [c.heading for c in schedule.columns][0] == "Balance at Beginning of Period"
    assert result.findings == []


def test_a_total_printed_before_its_members_sums_them_and_a_wrong_figure_is_found():
    schedule, result = _read("kestrel-devices-2020-xbrl-viewer-members-as-columns-row-typo")
    assert [r.label for r in schedule.periods[0].rows] == ["", "Allowance for doubtful accounts", "Warranty reserve"]
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("column_total", "Dec. 31, 2019", ""), ("row_identity", "Dec. 31, 2019", "Warranty reserve")]
    # The message says which rows the total sums: those printed after it.
    (total,) = [f for f in result.findings if f.check == "column_total"]
    assert "but the rows below sum to 794" in total.message, total.message


def test_a_total_printed_after_its_items_says_the_rows_above():
    text = (FIXTURES / "lantronix-2003.txt").read_text()
    findings = auditor.check_source(source.from_text(text, "t.txt"), auditor.load_rules()).findings
    totals = [f for f in findings if f.check == "column_total"]
    assert totals and all("but the rows above sum to" in f.message for f in totals), [f.message for f in totals]


def test_one_reserve_named_in_the_title_is_its_account():
    schedule, result = _read("larch-labs-2018-xbrl-viewer-one-member-carry-break")
    assert [[r.label for r in p.rows] for p in schedule.periods] == [["Allowance for doubtful accounts"]] * 3
    (finding,) = result.findings
    assert (finding.check, finding.period, finding.actual) == ("carry_forward", "Dec. 31, 2018", 1115)


def test_structure_captions_and_a_member_suffix_name_no_account_of_their_own():
    """Without the viewer's vocabulary the captions would be accounts ("... [Roll Forward]")."""
    text = (HTML / "juniper-foods-2019-xbrl-viewer-members-as-rows-clean.htm").read_text()
    schedule, = auditor.schedules(source.from_text(text, "t.htm"), auditor.load_rules(), "html")
    labels = {r.label for p in schedule.periods for r in p.rows}
    assert not any("[" in label for label in labels)


# --- one reserve, one row: the heading's direction and the arithmetic ------------------------


def _one_row(deductions: str, other: str = "", ending: str = "1,802"):
    columns, roles, cells = ["Description", "Balance at Beginning of Period", "Charged to Costs and Expenses",
                             "Deductions"], ["label", "beginning", "charged_costs", "deductions"], \
        ["1,799", "1,680", deductions]
    if other:
        columns, roles, cells = columns + ["Other"], roles + ["other"], cells + [other]
    spec = {"units": "thousands", "columns": columns + ["Balance at End of Period"], "roles": roles + ["ending"],
            "periods": [{"label": "Year ended August 31, 2002", "rows": [
                {"label": "Allowance for doubtful accounts", "cells": cells + [ending]}]}]}
    rendered = render(spec, RStyle(member_in_title=True))
    return auditor.check_source(source.from_text(rendered.text, "r.htm"), auditor.load_rules(), input_format="html")


def test_one_row_closing_with_its_deduction_printed_negative_is_no_conflict():
    """A "Deductions" figure printed (1,677) that closes its row added moves the balance
    down, as the heading says: only the print is signed, and nothing is warned."""
    result = _one_row("(1,677)")
    assert result.findings == [], [f.message for f in result.findings]
    (schedule,) = result.schedules
    assert schedule.reading.ambiguous == ()


def test_one_row_closing_only_as_its_deduction_raised_the_balance_warns():
    """A "Deductions" figure printed 1,677 that closes its row only added would raise the
    balance, against the heading: one row cannot overturn it, and the tool says so."""
    result = _one_row("1,677", ending="5,156")
    assert [(f.rule, f.severity) for f in result.findings if f.severity != "info"][:1] == [("VQ005", "warning")]
    assert "against the heading" in result.findings[0].message


def test_one_row_of_a_column_whose_heading_names_no_direction_warns():
    """"Other" names no direction: one row's arithmetic is all there is, and one wrong sign
    would close it the other way; the warning stays."""
    result = _one_row("(1,677)", other="(3)", ending="1,799")
    assert [f.rule for f in result.findings if f.severity == "warning"] == ["VQ005"]
    assert "'Other'" in result.findings[0].message

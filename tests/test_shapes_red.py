"""Schedule II shapes other than one block per year, each real table of
../shared/real-tables rendered in a variation no other test sweeps (the red
team of stop 26): the movements as rows with blank nils, untagged; the years
as columns under headings of three lines with no rule under them; and, in
HTML, the transposed and accounts-as-columns shapes with a page break, a
total left unlabelled, one cell per figure, inline XBRL, a table per account
under no title; and several one-year tables under one title, each printing
only the columns its year has figures in (tests/render_one_year.py), typed
and in HTML, each table may be read as a schedule of its own; and each
period's caption printed under its rows (a footer).

Each case is measured as one of: read right (every figure in its period,
account and role, exactly the errors the figures hold, one schedule),
refused (an input error), or silently wrong.  None may be silently wrong
but those listed in KNOWN, each with its reason; the refusals are listed too
(a refusal that starts to read must come off the list, and must read right)."""

from __future__ import annotations

import dataclasses
import html
import json

import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from expect import expected_errors, reported_errors
from render import render as render_text
from render_html import render as render_html
from render_one_year import html_tables, text_tables
from test_real_tables import LAYOUTS
from test_html_real_tables import STYLES
from test_real_tables import NAMES, SHARED, TRANSPOSED_LAYOUTS, _wrapped, applicable

RULES = auditor.load_rules()
YEARS, ACCOUNTS = TRANSPOSED_LAYOUTS["years-as-columns"], TRANSPOSED_LAYOUTS["accounts-as-columns"]

TEXT = {
    # A movement with no figure in a block prints a label alone (nils left blank).
    "years-untagged-blank-nils": dataclasses.replace(YEARS, table_tags=False, nil=""),
    "accounts-untagged-blank-nils": dataclasses.replace(ACCOUNTS, table_tags=False, nil=""),
    # No rule and no <S>/<C> line under the headings: a heading line of dates alone over the body.
    "years-no-rule": dataclasses.replace(YEARS, heading_rule=False, markers=False, caption=False),
}
# Several one-year tables under one title, each printing only the columns its year has figures in.
ONE_YEAR_TEXT = {name: LAYOUTS[name] for name in ("seed-like", "untagged-bare", "span-untagged")}
ONE_YEAR_HTML = {name: STYLES[name] for name in ("split", "ixbrl", "filing-software")}
# Each period's caption printed under its rows, a footer (`captions_below`).
# Untagged, no </TABLE> holds the last caption in the table (`untagged_end._footer_caption_end`).
FOOTER_TEXT = {"seed-like": LAYOUTS["seed-like"],
               "flat-fiscal": dataclasses.replace(LAYOUTS["flat-fiscal"], page_break=None),
               "untagged-bare": LAYOUTS["untagged-bare"], "span-untagged": LAYOUTS["span-untagged"]}
HTML = {
    "transposed-page-break": dataclasses.replace(STYLES["transposed"], page_break=7),
    "transposed-tables-row-caption": dataclasses.replace(STYLES["transposed-tables"], block_caption="row"),
    "transposed-groups-reverse-untitled": dataclasses.replace(STYLES["transposed-groups"], reverse=True, titled=False),
    "accounts-as-columns-single-cells": dataclasses.replace(
        STYLES["accounts-as-columns"], grid="single", negative="inline", notes="inside", unlabelled_total=True),
    "accounts-as-columns-ixbrl-break": dataclasses.replace(
        STYLES["accounts-as-columns"], xhtml=True, ixbrl=True, negative="ix", wrapper="span", page_break=6),
    # A <table> per account under its caption, no title over them (a heading's words may read as one).
    "by-account-untitled": dataclasses.replace(STYLES["by-account"], titled=False),
}

# (table, variation) -> why it is not read right.
KNOWN: dict[tuple[str, str], str] = {}
# (cik840467-2002 and cik923601-fy2017 typed one-year tables came off at stop 27: read as one
# schedule's years under the union of their columns, the "Other" column's sign is told by all its rows.)
# (cik866970-2011's filing-software and split one-year tables came off at stop 33: a column's heading,
# "Valuation accounts acquired", is no longer taken for a table's title: s33-ixbrlnote.)
KNOWN[("cik866970-2011", "one-year-ixbrl")] = "warning: periods_named, the captions of tables read alone"
REFUSED = {
    ("cpi-holdco-fy2004", "by-account-untitled"): "no title and no heading naming a schedule: no Schedule II found",
}


def measure(spec: dict, rendered, result, alone: bool = False) -> tuple[str, str]:
    """("right" | "refused" | "wrong", why); `alone`: tables that may be read as schedules of their own."""
    if result.error is not None:
        return "refused", str(result.error)
    got = {(c.line, c.column): (_wrapped(r.label), s.columns[k].role, c.value, c.raw)
           for s in result.schedules for p in s.periods for r in p.rows for k, c in enumerate(r.cells) if c is not None}
    typed = not rendered.text.lstrip().startswith("<html")
    printed = {(f.line, f.start): (_wrapped(rendered.row_labels[(f.period, f.row)]), spec["roles"][1 + f.column],
                                   f.value, f.raw if typed else html.unescape(f.raw)) for f in rendered.figures}
    if got != printed:
        return "wrong", f"cells {sorted(set(got.items()) ^ set(printed.items()))[:4]}"
    if len(result.schedules) != 1 and not alone:
        return "wrong", f"{len(result.schedules)} schedules"
    want, reported = expected_errors(spec, rendered), reported_errors(result)
    if reported != want:
        return "wrong", f"findings: more {sorted(reported - want)}, fewer {sorted(want - reported)}"
    return "right", ""


def _spec(table: str) -> dict:
    return json.loads((SHARED / "real-tables" / f"{table}.json").read_text())


def _expected(table: str, variation: str) -> str:
    return "wrong" if (table, variation) in KNOWN else "refused" if (table, variation) in REFUSED else "right"


def _unexpected(variation: str, render, alone: bool = False) -> dict:
    """Each table whose measure is not the one listed for it: `render(spec)` gives the
    rendered exhibit, typed or HTML by its text."""
    off = {}
    for table in NAMES:
        spec = _spec(table)
        rendered = render(spec)
        typed = not rendered.text.lstrip().startswith("<html")
        src = source.from_text(rendered.text, "t.txt" if typed else "t.htm")
        result = auditor.check_source(src, RULES, input_format=None if typed else "html")
        outcome = measure(spec, rendered, result, alone)
        if outcome[0] != _expected(table, variation):
            off[table] = outcome
    return off


@pytest.mark.parametrize("variation", sorted(TEXT))
def test_text_shapes_read_right_or_are_listed(variation):
    assert _unexpected(variation, lambda spec: render_text(spec, applicable(spec, TEXT[variation]))) == {}


@pytest.mark.parametrize("variation", sorted(HTML))
def test_html_shapes_read_right_or_are_listed(variation):
    assert _unexpected(variation, lambda spec: render_html(spec, HTML[variation])) == {}


@pytest.mark.parametrize("layout", sorted(ONE_YEAR_TEXT))
def test_text_one_year_tables_each_with_its_columns_are_each_read(layout):
    render = lambda spec: text_tables(spec, applicable(spec, ONE_YEAR_TEXT[layout]))  # noqa: E731
    assert _unexpected(f"one-year-{layout}", render, alone=True) == {}


@pytest.mark.parametrize("style", sorted(ONE_YEAR_HTML))
def test_html_one_year_tables_each_with_its_columns_are_each_read(style):
    assert _unexpected(f"one-year-{style}", lambda spec: html_tables(spec, ONE_YEAR_HTML[style]), alone=True) == {}


def captions_below(rendered):
    """The rendered text with each period's caption moved under its rows (its
    block: the lines after it down to a blank line, the next caption or </TABLE>),
    each figure's line moved with it."""
    lines = rendered.text.split("\n")
    captions = {label.strip().rstrip(":") for label in rendered.period_labels}
    is_caption = [line.strip().rstrip(":") in captions for line in lines]
    order, k = list(range(len(lines))), 0
    while k < len(order):
        if not is_caption[order[k]]:
            k += 1
            continue
        j = k + 1
        while j < len(order) and lines[order[j]].strip() and not is_caption[order[j]] \
                and not lines[order[j]].startswith("</TABLE>"):
            j += 1
        order = order[:k] + order[k + 1 : j] + [order[k]] + order[j:]
        k = j
    moved = {old + 1: new + 1 for new, old in enumerate(order)}
    rendered.text = "\n".join(lines[old] for old in order)
    rendered.figures = [dataclasses.replace(f, line=moved[f.line]) for f in rendered.figures]
    return rendered


@pytest.mark.parametrize("layout", sorted(FOOTER_TEXT))
def test_text_period_captions_under_their_rows_name_the_rows_above(layout):
    render = lambda spec: captions_below(render_text(spec, applicable(spec, FOOTER_TEXT[layout])))  # noqa: E731
    assert _unexpected(f"footer-{layout}", render) == {}


def test_a_caption_under_its_rows_names_them():
    schedule, result = _read("larkspur-mills-1995-period-captions-below-row-typo")
    assert [(p.label, [r.cells[0].raw for r in p.rows]) for p in schedule.periods] == [
        ("YEAR ENDED DECEMBER 31, 1995", ["640", "330"]), ("YEAR ENDED DECEMBER 31, 1994", ["590", "300"]),
        ("YEAR ENDED DECEMBER 31, 1993", ["555", "310"])]
    assert sorted((f.check, f.period) for f in result.findings) == [
        ("carry_forward", "YEAR ENDED DECEMBER 31, 1995"), ("row_identity", "YEAR ENDED DECEMBER 31, 1994")]


def test_a_one_year_table_under_another_with_its_own_columns_is_read_not_dropped():
    # (stop 27: the two tables, the same accounts, are one schedule's years under the columns
    # of both, matched by role; 1996 prints no "charged to other accounts": blank there.)
    result = auditor.check_file(str(FIXTURES / "hollis-paper-1997-one-year-tables-own-columns-row-typo.txt"), RULES)
    assert result.error is None, str(result.error)
    assert [[p.label for p in s.periods] for s in result.schedules] == [
        ["YEAR ENDED DECEMBER 31, 1997", "YEAR ENDED DECEMBER 31, 1996"]]
    assert [[c.role for c in s.columns] for s in result.schedules] == [
        ["beginning", "charged_costs", "charged_other", "deductions", "ending"]]
    assert [c is None for c in result.schedules[0].periods[1].rows[0].cells] == [False, False, True, False, False]
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        ("row_identity", "YEAR ENDED DECEMBER 31, 1996", "Reserve for inventory obsolescence")]


def test_the_carry_into_a_one_year_table_of_other_columns_is_checked():
    result = auditor.check_file(str(FIXTURES / "hollis-paper-1997-one-year-tables-own-columns-carry-typo.txt"), RULES)
    assert [(f.check, f.row, f.location.line, f.location.column) for f in result.findings] == [
        ("carry_forward", "Warranty reserve", 17, 45)]


def _read(name: str):
    result = auditor.check_file(str(FIXTURES / f"{name}.txt"), RULES)
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    return schedule, result


def test_a_movement_printed_without_figures_is_no_first_line_of_the_next():
    schedule, result = _read("alder-pumps-1996-years-as-columns-blank-movement")
    # The write-offs keep their own heading and role: "Charged to other accounts - describe"
    # heads only the inventory reserve's 35, not the allowance's write-offs.
    roles = [c.role for c in schedule.columns]
    assert {c.heading: c.role for c in schedule.columns} == {
        "Balance at beginning of year": "beginning", "Charged to costs and expenses": "charged_costs",
        "Charged to other accounts - describe": "charged_other",
        "Deductions - accounts written off": "writeoffs", "Balance at end of year": "ending"}
    allowance, inventory = schedule.periods[0].rows
    assert allowance.cells[roles.index("charged_other")] is None
    assert allowance.cells[roles.index("writeoffs")].raw == "(372)"
    assert inventory.cells[roles.index("charged_other")].raw == "35"
    assert result.findings == []


def test_a_titles_words_inside_the_table_leave_the_first_accounts_caption_its_name():
    for name in ("juniper-tools-2000-table-per-account-untitled-acquired-clean",
                 "kestrel-valves-2001-table-per-account-untitled-acquired-row-typo"):
        result = auditor.check_file(str(FIXTURES / "html" / f"{name}.htm"), RULES)
        assert result.error is None, str(result.error)
        (schedule,) = result.schedules
        assert {(r.label, r.kind) for p in schedule.periods for r in p.rows} == {
            ("Allowance for doubtful accounts", "item"),
            ("Warranty reserve" if "juniper" in name else "Inventory reserve", "item")}
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        ("row_identity", "2000", "Allowance for doubtful accounts")]

"""The 24 real tables, rendered as EDGAR HTML in several styles (one table
for the schedule, split by a page break, or one table per account): the tool
finds exactly their real failures, computed independently from the
transcribed figures (expect.py), at the HTML line and column of each figure."""

import html
import json

import pytest

import auditor
from auditor import source
from expect import expected_errors, reported_errors
from render_html import HtmlStyle, render

STYLES = {
    "split": HtmlStyle(),
    "ixbrl": HtmlStyle(ixbrl=True, negative="ix", wrapper="span", notes="sup", dollar="every", nil="&mdash;",
                       heading_rows=3, newline_cells=False),
    "single-cells": HtmlStyle(grid="single", negative="inline", notes="inside", additions_span=False,
                              wrapper="none", title_inside=True, period_row="label", nil="-"),
    "page-break": HtmlStyle(page_break=5, repeat_headings=False, reverse=True, unlabelled_total=True, nil="\u2014",
                            heading_rows=2),
    # One <table> per account, a row per period: captions in <p>, headings repeated over every table ...
    "by-account": HtmlStyle(by_account=True, account_caption="p", nil="&mdash;", heading_rows=2),
    # ... or in the first table only, each caption the first row of its table, inline XBRL.
    "by-account-rows": HtmlStyle(by_account=True, account_caption="row", repeat_headings=False, ixbrl=True,
                                 negative="ix", wrapper="span", notes="sup", dollar="every", unlabelled_total=True),
    # Filing software's inline XBRL: empty cells as <td/>, "$", figure, ")" and a footnote marker each in a cell.
    "filing-software": HtmlStyle(xhtml=True, ixbrl=True, wrapper="span", notes="cell", dollar="every",
                                 nil="&#8212;", newline_cells=False),
    # One table, a caption row per account and a row per period under it (a block per reserve).
    "account-blocks": HtmlStyle(by_account=True, account_tables=False, xhtml=True, wrapper="span", nil="&#8212;"),
    # The periods as columns, a block of rows per account from opening to closing balance.
    "transposed": HtmlStyle(transposed=True, nil="&#151;", notes="sup"),
    # ... each account's block a <table> of its own, its caption in a <p> before it, under the title ...
    "transposed-tables": HtmlStyle(transposed=True, transposed_tables=True, block_caption="p", nil="&mdash;",
                                   dollar="every", wrapper="span", negative="inline", notes="inside"),
    # ... the same with no title at all: only the accounts' captions (a 20-F's or a note's), units in the years row ...
    "transposed-untitled": HtmlStyle(transposed=True, transposed_tables=True, block_caption="p", titled=False,
                                     nil="-", reverse=True, notes="sup"),
    # ... or the periods printed once over one table, each account and group caption a row of its own.
    "transposed-groups": HtmlStyle(transposed=True, years_once=True, ixbrl=True, negative="ix", wrapper="span",
                                   notes="sup", nil="&#8212;"),
    # The accounts as columns, headed by their names, a caption row per period over its movements' rows.
    "accounts-as-columns": HtmlStyle(transposed=True, account_columns=True, nil="&mdash;", notes="sup",
                                     dollar="every"),
    # ... and so under no title, the accounts' names over their columns the only evidence.
    "accounts-as-columns-untitled": HtmlStyle(transposed=True, account_columns=True, titled=False, reverse=True,
                                              ixbrl=True, negative="ix", wrapper="span", nil="&#8212;"),
}


def _tables(shared):
    return sorted((shared / "real-tables").glob("*.json"))


@pytest.mark.parametrize("style", sorted(STYLES))
def test_real_tables_as_html_give_exactly_their_failures(shared, style):
    ruleset = auditor.load_rules()
    mismatches = []
    for path in _tables(shared):
        spec = json.loads(path.read_text())
        rendered = render(spec, STYLES[style])
        src = source.from_text(rendered.text, f"{path.stem}.htm")
        result = auditor.check_source(src, ruleset, input_format="html")
        if result.error is not None:
            mismatches.append((path.stem, str(result.error)))
            continue
        want = expected_errors(spec, rendered)
        got = reported_errors(result)
        if got != want:
            mismatches.append((path.stem, sorted(got - want), sorted(want - got)))
    assert mismatches == []


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_figure_lands_where_printed(shared, style):
    """Values and positions of every cell, against the renderer's own record."""
    ruleset = auditor.load_rules()
    for path in _tables(shared):
        rendered = render(json.loads(path.read_text()), STYLES[style])
        found = auditor.schedules(source.from_text(rendered.text, "t.htm"), ruleset, "html")
        cells = {(c.line, c.column): (c.raw, c.value) for s in found for p in s.periods for r in p.rows
                 for c in r.cells if c}
        printed = {(f.line, f.start): (html.unescape(f.raw), f.value) for f in rendered.figures}
        assert cells == printed, path.stem

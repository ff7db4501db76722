"""The 24 real tables, rendered as EDGAR HTML in several styles (one table
for the schedule, split by a page break, or one table per account): the tool
finds exactly their real failures, computed independently from the
transcribed figures (expect.py), at the HTML line and column of each figure."""

import json
from dataclasses import replace

import pytest

import auditor
from auditor import source
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from render_html import HtmlStyle, render
from render_software import Software, render_software

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

# The layouts of filing software, as edits of those styles (render_software): ...
SOFTWARE = {
    # a sizing row, the label cell over three columns, "(" + tag + ")" in one cell, a &#160; after each figure,
    # the title far above the table, a hidden ix:header, periods headed by the bare year, spacing rows;
    "workiva": Software(html=STYLES["filing-software"], sizing_row=True, label_span=3, paren="inside",
                        nbsp_after=True, title_far=True, ix_header=True, period="bare", spacer_rows=True),
    # every cell's text in a <p>, "$ (" in a cell of its own, a <sup> note after labels, "Fiscal 2023", the
    # table in a page-break <div> and split by a page break with its headings repeated;
    "dfin": Software(html=replace(STYLES["ixbrl"], page_break=4, repeat_headings=True), in_p=True, paren="cell",
                     label_notes=True, spacer_rows=True, page_div=True, period="fiscal", break_div=True),
    # a <table> per period, the label over two columns, nils in words, the title far above;
    "toppan": Software(html=HtmlStyle(), per_period=True, label_span=2, label_notes=True, nil_words=True,
                       title_far=True, in_p=True),
    # the period in a first column spanning its rows, the table split by a page break without headings;
    "period-column": Software(html=STYLES["page-break"], period_column="rowspan", sizing_row=True, paren="cell",
                              nbsp_after=True, ix_header=True, period="fiscal"),
    # ... or in the first row of its accounts only;
    "period-first-row": Software(html=STYLES["split"], period_column="first", title_far=True, nil_words=True),
    # the years as columns under a title far above, a sentence naming the schedule between;
    "transposed-far": Software(html=STYLES["transposed"], title_far=True, in_p=True, sizing_row=True),
    # one table: the headings in <thead>, those beside "Additions" spanning its two rows, the units a row of
    # the table, the title in a small table of its own, a page break inside the table, the headings again;
    "one-table-break": Software(html=STYLES["split"], thead=True, heading_rowspan=True, units_row=True,
                                title_table=True, inner_break="row", letters_row=True),
    # a <table> per account, a row of column letters over headings in <thead> on every one;
    "by-account-letters": Software(html=STYLES["by-account"], letters_row=True, heading_rowspan=True, thead=True),
    # the years as columns under a title set in a table of its own;
    "transposed-title-table": Software(html=STYLES["transposed"], title_table=True, sizing_row=True, thead=True),
    # a block per reserve in one table, as inline XBRL software writes it.
    "account-blocks-software": Software(html=STYLES["account-blocks"], sizing_row=True, label_span=3,
                                        paren="inside", nbsp_after=True, period="bare", ix_header=True),
}


def _tables(shared):
    return sorted((shared / "real-tables").glob("*.json"))


def _rendered(spec: dict, style: str):
    return render_software(spec, SOFTWARE[style]) if style in SOFTWARE else render(spec, STYLES[style])


@pytest.mark.parametrize("style", sorted(STYLES) + sorted(SOFTWARE))
def test_real_tables_as_html_give_exactly_their_failures(shared, style):
    ruleset = auditor.load_rules()
    mismatches = []
    for path in _tables(shared):
        spec = json.loads(path.read_text())
        rendered = _rendered(spec, style)
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


@pytest.mark.parametrize("style", sorted(STYLES) + sorted(SOFTWARE))
def test_every_figure_lands_where_printed(shared, style):
    """Values and positions of every cell, against the renderer's own record, and
    as many periods as the table prints (the years as columns aside: read by year)."""
    ruleset = auditor.load_rules()
    for path in _tables(shared):
        spec = json.loads(path.read_text())
        rendered = _rendered(spec, style)
        found = auditor.schedules(source.from_text(rendered.text, "t.htm"), ruleset, "html")
        if "transposed" not in style:
            assert sum(len(s.periods) for s in found) == len(spec["periods"]), path.stem
        assert read_cells(found) == printed_html_cells(rendered), path.stem

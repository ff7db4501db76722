"""Inline XBRL facts beside tables laid out as other filing software lays them.

The fixture willow-labs-2023-ixbrl.htm, its facts untouched, with its table
printed otherwise (in memory): the period in a first column spanning its rows,
a <table> per period, the title far above with a sentence naming the schedule
between, the title in a table of its own, the label cell spanning two columns under a row of sizing cells, "$"
and "(" in a cell of their own, "Fiscal 2023" headings.  Each must read as the
table and its tags agreeing, and a damaged tag must still be found at the
printed cell it tags: the pairing of cells and facts does not hang on one layout.
"""

from __future__ import annotations

import re

import pytest

from test_xbrl_facts import FIXTURE, _check, _edit, _element, _position

HEADER = re.compile(r"<tr><td></td>(<td style=\"text-align:center\">.*?</tr>)")
PERIOD = re.compile(r"<tr><td colspan=\"6\">(Year ended December 31, \d{4})</td></tr>\n<tr>")


def period_column(text: str) -> str:
    text = HEADER.sub(r"<tr><td></td><td></td>\1", text)
    return PERIOD.sub(r'<tr><td rowspan="3">\1</td>', text)


def table_per_period(text: str) -> str:
    header = HEADER.search(text).group(0)
    opening = re.search(r"<table[^>]*>", text).group(0)
    second = list(PERIOD.finditer(text))[1]
    return text[:second.start()] + f"</table>\n<p>&#160;</p>\n{opening}\n{header}\n" + text[second.start():]


def title_far(text: str) -> str:
    return re.sub(r"<div[^>]*>Schedule II: Valuation and Qualifying Accounts</div>\n<div>\(in thousands\)</div>",
                  "<p><b>Schedule II \u2014 Valuation and Qualifying Accounts (in thousands)</b></p>\n"
                  "<p>The table below details the activity of the Company's valuation and qualifying accounts for "
                  "each of the two years in the period ended December 31, 2023.</p>\n"
                  "<p>Deductions are accounts written off, net of recoveries.</p>", text)


def label_span(text: str) -> str:
    text = re.sub(r"<tr><td(?: style=\"[^\"]*\")?>", lambda m: m.group(0)[:-1] + ' colspan="2">', text)
    text = text.replace('<td colspan="6" colspan="2">', '<td colspan="7">')
    sizing = "".join('<td style="width:14%"/>' for _ in range(7))
    return re.sub(r"(<table[^>]*>)", rf"\1\n<tr>{sizing}</tr>", text)


def dollar_cells(text: str) -> str:
    """Each figure over three cells: "$" (with the "(" of a negative), the tag, ")"."""
    text = text.replace('<td style="text-align:center">', '<td colspan="3" style="text-align:center">')
    text = text.replace('<td colspan="6">', '<td colspan="16">')
    text = text.replace('<td style="text-align:right">$ (', '<td>$&#160;(</td><td style="text-align:right">')
    text = text.replace('<td style="text-align:right">$ ', '<td>$</td><td style="text-align:right">')
    text = text.replace("</ix:nonFraction>)</td>", "</ix:nonFraction></td><td>)</td>")
    return re.sub(r"</ix:nonFraction></td>(?!<td>\))", "</ix:nonFraction></td><td></td>", text)


def title_table(text: str) -> str:
    return re.sub(r"<div[^>]*>(Schedule II: Valuation and Qualifying Accounts)</div>\n<div>(\(in thousands\))</div>",
                  r'<table><tr><td style="text-align:center">\1</td></tr><tr><td>\2</td></tr></table>', text)


def fiscal(text: str) -> str:
    return re.sub(r">Year ended December 31, (\d{4})<", r">Fiscal \1<", text)


LAYOUTS = {f.__name__: f for f in (period_column, table_per_period, title_far, title_table, label_span, dollar_cells,
                                      fiscal)}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_table_and_facts_agree_whatever_the_layout(layout):
    text = LAYOUTS[layout](FIXTURE.read_text("utf-8"))
    assert text != FIXTURE.read_text("utf-8")
    result = _check(text)
    assert result.error is None
    assert result.findings == [], [f.message for f in result.findings]
    assert [s.source for s in result.schedules] == ["table", "xbrl"]
    table = result.schedules[0]
    assert [len(p.rows) for p in table.periods] == [3, 3]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_damaged_tag_is_found_at_its_printed_cell_whatever_the_layout(layout):
    text = _edit(LAYOUTS[layout](FIXTURE.read_text("utf-8")), "f-4", 'decimals="-3"', 'decimals="-3" sign="-"')
    result = _check(text)
    assert result.error is None
    failed = [f for f in result.findings if f.severity != "info"]
    assert [(f.rule, f.source) for f in failed] == [("VX001", "table")], [f.message for f in failed]
    element = _position(text, _element(text, "f-4").start())
    assert failed[0].location.line == element[0]
    assert element in [(p.line, p.column) for p in failed[0].related]

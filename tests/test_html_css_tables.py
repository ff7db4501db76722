"""Tables built of elements styled display:table / table-row / table-cell
(frontends/html/divs.py): written as table tags of the same length, so that
the <table> path reads them and every figure keeps its line and column; and
the inline XBRL facts checked alone (a table unread) with no false total
where the printed total sums a group and more reserves follow it."""

from __future__ import annotations

import json

import pytest

import auditor
from auditor import source
from auditor.frontends.html import divs
from auditor.scan import word_starts
from conftest import SHARED
from expect import expected_errors, reported_errors
from ixbrl_habits import tagged
from test_html_era_markup import planted

RULES = auditor.load_rules()


def written(text: str):
    return divs.as_tables(text, word_starts(text, ("table",))["table"])


def cells_of(text: str) -> list[list[str]]:
    """The rows and cells the grid reader makes of the document's first table."""
    from auditor.frontends.html.locate import Document

    doc = Document(source.from_text(text, "t.htm"))
    grid = doc.grid(doc.tables[0])
    return [[" ".join(c.text.split()) for c in row] for row in grid.rows]


def test_a_css_table_is_written_as_table_tags_of_the_same_length_whatever_its_case_and_spacing():
    text = ('<p>x</p>\n<DIV STYLE="DISPLAY: TABLE;">\n<div style="display : table-row">'
            '<p style="display:table-cell;">Allowance</p><span style="Display:Table-Cell">1,234</span></div>\n'
            "</DIV>\n<p>after</p>")
    out = written(text)
    assert out is not None and len(out) == len(text)
    assert [len(line) for line in out.split("\n")] == [len(line) for line in text.split("\n")]
    assert out.index("1,234") == text.index("1,234")
    assert cells_of(text) == [["Allowance", "1,234"]]


def test_a_figure_in_a_css_table_keeps_its_line_and_column():
    text = ('<div style="display:table">\n  <div style="display:table-row">\n'
            '    <div style="display:table-cell">Reserve</div>\n    <div style="display:table-cell">9,876</div>\n'
            "  </div>\n</div>\n")
    from auditor.frontends.html.locate import Document

    doc = Document(source.from_text(text, "t.htm"))
    cell = doc.grid(doc.tables[0]).rows[0][1]
    line, column, _ = cell.places[cell.text.index("9")]
    assert (line, column) == (4, text.split("\n")[3].index("9,876") + 1)


def test_divs_laid_out_otherwise_are_left_as_they_are():
    """A display:table used to centre a block (no row holding a cell), a lone
    table-cell, and a document without "table-cell": no table made."""
    assert written('<div style="display:table;margin:auto"><div style="display:table-cell">Hello</div></div>') is None
    assert written('<div style="display:table-cell">alone</div>') is None
    assert written('<div style="display:table"><div style="display:table-row">x</div></div>') is None
    assert written("<table><tr><td>1</td></tr></table>") is None


def test_a_css_table_in_a_css_tables_cell_is_a_table_inside_the_cell():
    inner = '<div style="display:table"><div style="display:table-row"><div style="display:table-cell">in</div></div></div>'
    text = (f'<div style="display:table"><div style="display:table-row"><div style="display:table-cell">a</div>'
            f'<div style="display:table-cell">{inner}</div></div></div>')
    out = written(text)
    assert out is not None and out.count("<table") == 2 and out.count("</table>") == 2
    assert cells_of(text) == [["a", "in"]]


def test_a_heading_written_over_empty_cells_spans_them():
    """A CSS cell spans no columns: the heading's empty cells after it are its."""
    cell = '<div style="display:table-cell">{}</div>'
    row = '<div style="display:table-row">{}</div>'
    heading = row.format(cell.format("") + cell.format("Balance at end") + cell.format("") + cell.format(""))
    figures = row.format(cell.format("Reserve") + cell.format("$") + cell.format("1,234") + cell.format(""))
    text = f'<div style="display:table">{heading}\n{figures}</div>'
    from auditor.frontends.html.locate import Document

    doc = Document(source.from_text(text, "t.htm"))
    grid = doc.grid(doc.tables[0])
    spanning = [c for c in grid.rows[0] if c.text.strip()][0]
    assert (spanning.column, spanning.colspan) == (1, 3)
    assert [c.column for c in grid.rows[1]] == [0, 1, 2, 3]


def _unread(text: str) -> str:
    """The page with its CSS table laid out as blocks: no table the reader can read."""
    return text.replace("display:table", "display:block")


def test_the_facts_checked_alone_compare_a_printed_subtotal_with_the_rows_above_it_only():
    """cca-industries-2013 prints a total of its first three reserves, then three
    accruals: the total's facts (no member) are printed above the accruals' and
    do not sum them.  With the table unread on purpose (its divs laid out as
    blocks), the facts checked alone are clean, and a planted figure is found."""
    spec = json.loads((SHARED / "real-tables" / "cca-industries-2013.json").read_text())
    rendered = tagged(spec, "div-cells")
    clean = auditor.check_source(source.from_text(_unread(rendered.text), "t.htm"), RULES)
    assert [f.check for f in clean.findings if f.severity != "info"] == ["table_unread"]
    wrong = planted(spec)
    rendered = tagged(wrong, "div-cells")
    result = auditor.check_source(source.from_text(_unread(rendered.text), "t.htm"), RULES)
    found = {(check, line) for check, _, line, _ in reported_errors(result) if check != "table_unread"}
    assert found == {(check, line) for check, _, line, _ in expected_errors(wrong, rendered)}


def test_a_css_table_whose_headings_row_is_shorter_than_its_figures_is_left_unread():
    """A converter that dropped the headings' spans: a browser shows the headings
    over other columns than their figures.  Not written as a table (read into the
    wrong columns it would be a silent misread): left as it is, the table unread."""
    cell = '<div style="display:table-cell">{}</div>'
    row = '<div style="display:table-row">{}</div>'
    heading = row.format(cell.format("Description") + cell.format("Balance at beginning") + cell.format("Balance at end"))
    figures = row.format(cell.format("Reserve") + cell.format("$") + cell.format("1,234") + cell.format("$")
                         + cell.format("1,300"))
    assert written(f'<div style="display:table">{heading}\n{figures}</div>') is None
    aligned = row.format(cell.format("Description") + cell.format("Balance at beginning") + cell.format("")
                         + cell.format("Balance at end") + cell.format(""))
    assert written(f'<div style="display:table">{aligned}\n{figures}</div>') is not None


def _shapes():
    from render_html import HtmlStyle

    return [("default", HtmlStyle()), ("three heading rows", HtmlStyle(heading_rows=3)),
            ("inline XBRL", HtmlStyle(ixbrl=True, negative="ix", wrapper="span", notes="sup", dollar="every",
                                      newline_cells=False, heading_rows=3)),
            ("filing software", HtmlStyle(xhtml=True, ixbrl=True, negative="ix", wrapper="span", notes="cell",
                                          dollar="every", nil="&#8212;", newline_cells=False)),
            ("page break", HtmlStyle(page_break=6, repeat_headings=True)),
            ("page break, no headings after", HtmlStyle(page_break=5, repeat_headings=False)),
            ("unlabelled total", HtmlStyle(unlabelled_total=True, dollar="first")),
            ("split negatives", HtmlStyle(negative="split", nil="&#151;"))]


@pytest.mark.parametrize("name,style", _shapes(), ids=[n for n, _ in _shapes()])
def test_a_table_in_each_html_shape_written_as_a_css_table_reads_as_the_table_does(name, style):
    """Each shape the HTML renderer prints (heading rows over groups, page breaks,
    inline XBRL, XHTML empty cells), written as a CSS table of <div>, <p> or
    <span> cells: clean where it is clean, a planted figure found at its cell."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "html"))
    from _make import shift, spec
    from render_html import css_table, place_sentinels, render

    accounts = {"Allowance for doubtful accounts": 728, "Reserve for sales returns": 1_340}
    for s in (spec(accounts, [2010, 2011, 2012], seed=241),
              shift(spec(accounts, [2010, 2011, 2012], seed=241), 1, 1, 1, 50)):
        for kw in ({}, {"cell": "p"}, {"cell": "span", "display": "DISPLAY : {} ;"}, {"classes": True},
                   {"cell": "span", "classes": True}):
            rendered = render(s, style, sentinels=True)
            rendered.text = css_table(rendered.text, **kw)
            rendered = place_sentinels(rendered)
            result = auditor.check_source(source.from_text(rendered.text, "t.htm"), RULES)
            assert result.error is None, (kw, result.error)
            assert reported_errors(result) == expected_errors(s, rendered), kw


def test_a_total_printed_before_its_members_still_sums_them_all_in_the_facts():
    """exabyte-1999 with its total row printed first in each period: the facts
    checked alone still compare the total with every member (a planted figure
    breaks the total's column)."""
    spec = planted(json.loads((SHARED / "real-tables" / "exabyte-1999.json").read_text()))
    for period in spec["periods"]:
        period["rows"] = [r for r in period["rows"] if r.get("is_total")] + \
            [r for r in period["rows"] if not r.get("is_total")]
    rendered = tagged(spec, "base")
    result = auditor.check_source(source.from_text(rendered.text, "t.htm"), RULES, sources="xbrl")
    assert ("column_total", "Total (no member)") in {(f.check, f.row) for f in result.findings
                                                     if f.severity == "error"}


def test_a_css_table_whose_display_values_are_classes_of_a_style_block_is_read_as_a_table():
    """`.r{display:table-row}` in the head's <style> (inside an HTML comment, a
    selector list with element names), `<div class="r">` in the body: written as
    table tags as an inline style is.  An element's own style naming another
    display wins over its class's; a class no rule of a <style> block makes a
    table's, or a rule outside any <style> block (text of the page), makes none."""
    head = ('<html><head><style type="text/css">\n<!--\nbody{font-family:Arial}\n.t{display:table;width:100%}\n'
            '.r { display : table-row }\n div.c, p.c{display:table-cell;padding:0}\n-->\n</style></head><body>\n')
    body = ('<div class="t"><div class="r"><div class="c">Allowance</div>'
            '<p class="c" style="text-align:right">1,234</p></div></div>\n</body></html>')
    out = written(head + body)
    assert out is not None and len(out) == len(head + body)
    assert cells_of(head + body) == [["Allowance", "1,234"]]
    assert written(head + body.replace('<div class="r">', '<div class="r" style="display:block">')) is None
    assert written(head + body.replace('class="r"', 'class="row"')) is None
    page = head.replace("<style", "<p").replace("</style>", "</p>")
    assert written(page + body) is None
    # The table's own rule last in the commented stylesheet: no element is styled by the comment.
    last = head.replace("\n-->", "\n.t2{display:table}\n-->")
    assert cells_of(last + body) == [["Allowance", "1,234"]]


def test_a_heading_whose_tag_is_too_short_for_colspan_spans_its_figures_by_the_mark():
    """'<p class="c">' holds no '<td colspan=2>' (read over the "$" alone, a heading would stand
    beside its figures): its span is written '<td \\x01=2>', which the grid reads as a colspan
    (a control character no HTML document holds).  Stop 26 left such a table unread."""
    from auditor.frontends.html.locate import Document

    head = '<html><head><style>.t{display:table}.r{display:table-row}.c{display:table-cell}</style></head><body>'
    heading = '<div class="r"><p class="c"></p><p class="c">Balance at end</p><p class="c"></p></div>'
    figures = '<div class="r"><p class="c">Reserve</p><p class="c">$</p><p class="c">1,234</p></div>'
    page = f'{head}<div class="t">{heading}{figures}</div></body></html>'
    out = written(page)
    assert out is not None and len(out) == len(page) and "\x01=2" in out
    doc = Document(source.from_text(page, "t.htm"))
    grid = doc.grid(doc.tables[0])
    heading_cell = next(c for c in grid.rows[0] if "Balance" in c.text)
    figure = next(c for c in grid.rows[1] if "1,234" in c.text)
    assert (heading_cell.column, heading_cell.colspan) == (1, 2) and figure.column == 2

"""How the HTML front end reads the cells EDGAR filers wrote: figures split
over cells, inline XBRL attributes, markers, spans and spacers, broken
markup; and what it says about a table it cannot read."""

from decimal import Decimal

import pytest

import auditor
from auditor import source
from conftest import run

HEAD = """<html><body>
<p align=center><b>SCHEDULE II &#8212; VALUATION AND QUALIFYING ACCOUNTS</b><br>(Dollars in thousands)</p>
<table border=0 cellpadding=0 cellspacing=0 width=100%>
<tr><td rowspan=2 valign=bottom>Description</td><td>&nbsp;</td>
<td colspan=3 rowspan=2 align=center valign=bottom>Balance at<br>Beginning<br>of Year</td><td>&nbsp;</td>
<td colspan=7 align=center style="border-bottom:solid 1pt">Additions</td><td>&nbsp;</td>
<td colspan=3 rowspan=2 align=center valign=bottom>Deductions</td><td>&nbsp;</td>
<td colspan=3 rowspan=2 align=center valign=bottom>Balance at<br>End of Year</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td colspan=3 align=center>Charged to<br>Costs and Expenses</td><td>&nbsp;</td>
<td colspan=3 align=center>Charged to<br>Other Accounts</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td colspan=21>Year ended December 31, 2020:</td></tr>
"""
TAIL = "</table></body></html>\n"


def cells(*figures):
    """A row's figure cells in Donnelley style: spacer, "$", figure, ")" for each column."""
    return "".join(f"<td>&nbsp;</td><td></td><td align=right>{f}</td><td></td>" for f in figures)


def read(body: str, name="t.htm"):
    text = HEAD + body + TAIL
    (schedule,) = auditor.schedules(source.from_text(text, name), auditor.load_rules())
    return schedule, text


def row_values(schedule, k=0):
    return [c.value if c else "blank" for c in schedule.periods[0].rows[k].cells]


def test_rowspan_headings_and_additions_span_give_five_roles():
    schedule, _ = read("<tr><td>Allowance</td>" + cells("100", "20", "5", "25", "100") + "</tr>")
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    assert schedule.columns[1].heading == "Additions Charged to Costs and Expenses"
    assert schedule.units == "thousands" and schedule.periods[0].fiscal_year == 2020


def test_a_figure_belongs_to_its_heading_whatever_the_spacers():
    # The same row with no spacer cells and "$" merged: spans still put each figure under its heading.
    row = ("<tr><td>Allowance</td><td></td><td colspan=2 align=right>$&nbsp;100</td><td></td><td></td>"
           "<td colspan=3 align=right>20</td><td></td><td colspan=3>&#151;</td><td></td><td></td>"
           "<td align=right>(25</td><td>)</td><td></td><td></td><td align=right>145</td></tr>")
    schedule, text = read(row)
    assert row_values(schedule) == [Decimal(100), Decimal(20), None, Decimal(-25), Decimal(145)]
    first = schedule.periods[0].rows[0].cells[0]
    line = text.split("\n")[first.line - 1]
    assert line[first.column - 1 :].startswith("100")


def test_inline_xbrl_formats_are_respected_and_the_print_gives_the_sign():
    """A figure is read as printed: a tag's sign="-" is the fact's (the tagged-value
    check compares the two), not the print's.  Kraft Heinz 2023 prints write-offs
    of both signs without parentheses, tagged sign="-"; read as printed they close."""
    ix = '<ix:nonFraction name="us-gaap:X" contextRef="c" unitRef="usd" decimals="-3" scale="3" {}>{}</ix:nonFraction>'
    row = "<tr><td>Allowance</td>" + cells(
        ix.format('format="ixt:num-comma-decimal"', "1.200,5"),
        ix.format('sign="-" format="ixt:num-dot-decimal"', "20"),  # printed positive: the fact alone is negative
        ix.format('format="ixt:fixed-zero"', "&#8212;"),
        "(" + ix.format('sign="-"', "25") + ")",  # negative, parentheses outside the tag: not twice
        ix.format("", "1,205.5"),
    ) + "</tr>"
    schedule, _ = read(row)
    assert row_values(schedule) == [Decimal("1200.5"), Decimal(20), None, Decimal(-25), Decimal("1205.5")]


def test_footnote_markers_never_become_values():
    row = ("<tr><td>Allowance <sup>(1)</sup></td>" + cells("100", "20(a)", "5 *", "25<sup>2</sup>", "100")
           + "<td>(b)</td></tr>")
    schedule, _ = read(row)
    r = schedule.periods[0].rows[0]
    assert row_values(schedule) == [Decimal(100), Decimal(20), Decimal(5), Decimal(25), Decimal(100)]
    assert [c.footnote for c in r.cells] == [None, "(a)", "*", "2", "(b)"]
    assert r.label == "Allowance" and r.footnote == "(1)"


def test_a_lone_small_parenthesised_number_after_a_figure_is_its_marker():
    row = "<tr><td>Allowance</td>" + cells("100", "20", "5", "25", "100").replace(
        "<td align=right>25</td><td></td>", "<td align=right>25</td><td>(2)</td>") + "</tr>"
    schedule, _ = read(row)
    assert schedule.periods[0].rows[0].cells[3].footnote == "(2)"
    assert schedule.periods[0].rows[0].cells[3].value == Decimal(25)


def test_figures_with_no_leading_zero_and_a_typed_zero_nil():
    # A millions table: ".3" after "$", "(.2)", ".9"; and "-0-", a nil (not -0 and a dash).
    schedule, _ = read("<tr><td>Allowance</td>" + cells("10.5", "$.3", "(.2)", ".9", "9.7") + "</tr>"
                       + "<tr><td>Reserve</td>" + cells("10", "-0-", "$ -0-", "1", "9") + "</tr>")
    assert row_values(schedule) == [Decimal("10.5"), Decimal("0.3"), Decimal("-0.2"), Decimal("0.9"), Decimal("9.7")]
    assert row_values(schedule, 1) == [Decimal("10"), None, None, Decimal("1"), Decimal("9")]
    assert [c.raw for c in schedule.periods[0].rows[1].cells][1:3] == ["-0-", "-0-"]


def test_broken_markup_unclosed_cells_and_upper_case_tags():
    row = ("<TR><TD>Allowance<TD>&nbsp;<TD><TD ALIGN=right>100<TD>"
           "<TD>&nbsp;<TD><TD align=right>20<TD><TD>&nbsp;<TD><TD>-<TD>"
           "<TD>&nbsp;<TD><TD ALIGN=right>(25<TD>)<TD>&nbsp;<TD><TD ALIGN=right>95<TD>\n")
    schedule, _ = read(row)
    assert row_values(schedule) == [Decimal(100), Decimal(20), None, Decimal(-25), Decimal(95)]


def signed(figures):
    """`cells`, a figure written "-25" printed with its sign in the "$" cell before its digits."""
    return "".join(f"<td>&nbsp;</td><td>{f[0]}</td><td align=right>{f[1:]}</td><td></td>" if f[:1] in "-\u2013\u2212"
                   else f"<td>&nbsp;</td><td></td><td align=right>{f}</td><td></td>" for f in figures)


@pytest.mark.parametrize("sign", ["-", "\u2013", "\u2212"])
def test_a_minus_sign_alone_in_the_dollar_cell_is_its_figures_sign(sign):
    """Filing software prints a negative's sign where a positive's "$" goes: read as the
    sign of the digits after it, not as a nil in a column of its own."""
    body = ("<tr><td>Allowance</td>" + signed(["100", "20", "&#151;", sign + "25", "95"]) + "</tr>"
            "<tr><td>Reserve</td>" + signed(["10", "2", "&#151;", sign + "3", "9"]) + "</tr>")
    schedule, text = read(body)
    assert row_values(schedule) == [Decimal(100), Decimal(20), None, Decimal(-25), Decimal(95)]
    assert row_values(schedule, 1) == [Decimal(10), Decimal(2), None, Decimal(-3), Decimal(9)]
    deduction = schedule.periods[0].rows[0].cells[3]
    assert deduction.raw == sign + "25"
    assert text.split("\n")[deduction.line - 1][deduction.column - 1] == sign  # (found at its sign)


ONE_CELL_COLUMNS = """<html><body><p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>
<tr><td>Description</td><td>Balance at beginning of year</td><td>Charged to expense</td>
<td>Charged to other accounts</td><td>Write-offs</td><td>Balance at end of year</td></tr>
<tr><td colspan=6>Year ended December 31, 2001</td></tr>
"""


def test_a_dash_in_a_column_of_its_own_before_a_figure_stays_a_nil():
    """A dash alone in a cell under a heading of its own is a nil, even with digits in the
    next cell: it is no "$" cell of theirs."""
    body = ("<tr><td>Allowance</td><td>100</td><td>-</td><td>20</td><td>(10)</td><td>110</td></tr>"
            "<tr><td>Reserve</td><td>50</td><td>5</td><td>\u2013</td><td>(5)</td><td>50</td></tr></table></body></html>")
    (schedule,) = auditor.schedules(source.from_text(ONE_CELL_COLUMNS + body, "t.htm"), auditor.load_rules())
    assert row_values(schedule) == [Decimal(100), None, Decimal(20), Decimal(-10), Decimal(110)]
    assert row_values(schedule, 1) == [Decimal(50), Decimal(5), None, Decimal(-5), Decimal(50)]


def test_a_dash_where_other_rows_print_figures_is_no_sign():
    """A dash in the grid column where another row prints its figure (a figure printed a
    cell off, in the "$" cell) is no "$" cell's sign: the digits after it are never read
    negative (the heading's column split in two, as for any two figures side by side)."""
    body = ("<tr><td>Allowance</td>" + signed(["100", "20"]) + "<td>&nbsp;</td><td>7</td><td></td><td></td>"
            + signed(["25", "102"]) + "</tr>"
            "<tr><td>Reserve</td>" + signed(["10", "2", "-4", "3", "13"]) + "</tr>")
    schedule, _ = read(body)
    assert [(c.raw, c.value) for c in schedule.periods[0].rows[1].cells if c][2:4] == [("-", None), ("4", Decimal(4))]


def test_a_note_cell_under_the_next_heading_beside_its_figure_is_a_marker():
    """Headings set one cell left: the deductions' "(1)" in a cell of its own falls under the
    closing balance's heading, beside that column's figure: the deductions' marker."""
    shifted = HEAD.replace("<td>&nbsp;</td>\n<td colspan=3 rowspan=2 align=center valign=bottom>Balance at<br>End",
                           "<td colspan=3 rowspan=2 align=center valign=bottom>Balance at<br>End")
    shifted = shifted.replace("Balance at<br>End of Year</td></tr>", "Balance at<br>End of Year</td><td>&nbsp;</td></tr>")
    row = ("<tr><td>Allowance</td>" + cells("100", "20", "5", "25") + "<td>(1)</td><td></td><td align=right>100</td>"
           "<td></td></tr><tr><td>Reserve</td>" + cells("10", "2", "&#151;", "3", "9") + "</tr>")
    (schedule,) = auditor.schedules(source.from_text(shifted + row + TAIL, "t.htm"), auditor.load_rules())
    assert row_values(schedule) == [Decimal(100), Decimal(20), Decimal(5), Decimal(25), Decimal(100)]
    assert schedule.periods[0].rows[0].cells[3].footnote == "(1)"


def test_a_small_parenthesised_figure_alone_in_its_column_is_a_figure():
    """A "(1)" in a column no other row prints in, with no figure after it under its heading,
    is a negative one, not the marker of the figure before it."""
    row = ("<tr><td>Allowance</td>" + cells("100", "20", "(1)", "25", "94") + "</tr>"
           "<tr><td>Reserve</td>" + cells("10", "2", "", "3", "9") + "</tr>")
    schedule, _ = read(row)
    assert row_values(schedule) == [Decimal(100), Decimal(20), Decimal(-1), Decimal(25), Decimal(94)]


def test_nil_entity_positions_point_at_the_ampersand():
    schedule, text = read("<tr><td>Allowance</td>" + cells("100", "&mdash;", "&#151;", "\u2014", "100") + "</tr>")
    nils = schedule.periods[0].rows[0].cells[1:4]
    assert [c.value for c in nils] == [None, None, None]
    for c in nils:
        line = text.split("\n")[c.line - 1]
        assert line[c.column - 1] in "&\u2014"
    assert nils[0].end_column - nils[0].column == len("&mdash;")


def test_a_total_row_without_a_label_is_a_total():
    body = ("<tr><td>Allowance</td>" + cells("100", "20", "5", "25", "100") + "</tr>"
            "<tr><td>Reserve</td>" + cells("10", "2", "&#151;", "3", "9") + "</tr>"
            "<tr><td></td>" + cells("110", "22", "5", "28", "119") + "</tr>")
    schedule, _ = read(body)
    total = schedule.periods[0].rows[2]
    assert total.kind == "total" and total.label == ""
    result = auditor.check_source(source.from_text(HEAD + body + TAIL, "t.htm"))
    # 119 is neither 110 + 22 + 5 - 28 nor 100 + 9.
    assert sorted((f.check, f.row, f.expected) for f in result.findings if f.severity == "error") == [
        ("column_total", "", Decimal(109)), ("row_identity", "", Decimal(109))
    ]


@pytest.mark.parametrize("row, reason", [
    ("<tr><td>Allowance</td>" + cells("100", "20", "5", "25", "100 200") + "</tr>", "two figures ('100' and '200')"),
    ("<tr><td>Allowance</td>" + cells("100", "20", "see note", "25", "100") + "</tr>", "cannot read 'see' as a figure"),
])
def test_a_schedule_table_that_cannot_be_read_is_a_located_error(tmp_path, row, reason):
    path = tmp_path / "bad.htm"
    path.write_text(HEAD + row + TAIL)
    result = auditor.check_file(str(path))
    assert result.error is not None and not result.findings
    assert "the Schedule II table at line 3 cannot be read" in result.error.message
    assert reason in result.error.message and result.error.line == 12
    proc = run("check", path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith(f"auditor: {path}:12: the Schedule II table")


def test_cli_input_format_and_outputs_on_html(tmp_path):
    path = tmp_path / "x.htm"
    path.write_text(HEAD + "<tr><td>Allowance</td>" + cells("100", "20", "5", "25", "90") + "</tr>" + TAIL)
    proc = run("check", "--format", "sarif", path)
    assert proc.returncode == 1, proc.stderr
    import json

    region = json.loads(proc.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    line = path.read_text().split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith("90")
    assert run("check", "--input-format", "text", path).returncode == 2
    parsed = run("parse", "--input-format", "html", "--format", "json", path)
    assert parsed.returncode == 0 and "Balance at Beginning of Year" in parsed.stdout
    # An HTML file named .txt is still read as HTML: the content decides.
    renamed = tmp_path / "x.txt"
    renamed.write_text(path.read_text())
    assert run("check", renamed).returncode == 1


def test_a_figure_of_thousands_of_digits_has_its_decimals_counted():
    """A damaged figure far longer than any amount (5,000 digits around a dot)
    is counted, not an internal error (int() refuses 4,300 digits or more)."""
    from decimal import Decimal
    from auditor.model import Cell
    raw = "1" * 2500 + "." + "2" * 2500
    assert Cell(Decimal(raw), raw, 1, 1, len(raw) + 1).decimals == 2500
    grouped = "1" + ".000" * 1500
    assert Cell(Decimal("1" + "000" * 1500), grouped, 1, 1, len(grouped) + 1).decimals == 0


FIXTURES_HTML = __import__("pathlib").Path(__file__).parent / "fixtures" / "html"


@pytest.mark.parametrize("name", ["petrel-castings-2006-markers-ahead-clean", "petrel-castings-2006-markers-ahead-row-typo"])
def test_a_marker_printed_ahead_of_its_figure_marks_that_figure_not_the_one_before(name):
    """"* $ | 130" and "*130": the marker in the figure's own "$" cell or before its digits is
    the mark of that figure (read as the one before's, the wrong figure carried the note)."""
    path = FIXTURES_HTML / f"{name}.htm"
    (schedule,) = auditor.schedules(source.from_text(path.read_text(), str(path)), auditor.load_rules())
    marked = [(p.label[-4:], r.label, k, c.footnote) for p in schedule.periods for r in p.rows
              for k, c in enumerate(r.cells) if c is not None and c.footnote]
    assert marked == [("2004", "Allowance for doubtful accounts", 1, "*"), ("2005", "Reserve for warranty costs", 3, "*"),
                      ("2006", "Allowance for doubtful accounts", 2, "**")]


def test_a_star_alone_in_a_column_of_its_own_is_that_columns_nil_not_the_figure_befores_mark():
    """"* " alone under a heading no figure of the row prints under: the filer's nil there,
    printed and read so (before, the mark of the figure in the column to its left)."""
    schedule, _ = read("<tr><td>Allowance</td>" + cells("100", "20", "*", "25", "95") + "</tr>")
    (row,) = schedule.periods[0].rows
    assert [(c.raw, c.value, c.footnote) for c in row.cells] == [
        ("100", Decimal(100), None), ("20", Decimal(20), None), ("*", None, None), ("25", Decimal(25), None),
        ("95", Decimal(95), None)]


def test_a_marker_just_after_a_figure_and_before_the_next_stays_the_one_befores():
    """"473 | ) | * | $ | 912": a marker in the spacer between two figures is the trailing mark
    of the figure before (the common habit; the two readings cannot be told apart there)."""
    row = "<tr><td>Allowance</td>" + cells("100", "20") + "<td>*</td><td></td><td align=right>5</td><td></td>" \
        + cells("25", "100") + "</tr>"
    schedule, _ = read(row)
    assert [c.footnote for c in schedule.periods[0].rows[0].cells] == [None, "*", None, None, None]


def test_a_cell_moved_to_another_row_reads_its_own_tokens():
    """A part after a page break is laid again on the table's rows (html.breaks: `replace(cell, row=...)`),
    after its cells' tokens were read once: the moved cell's tokens are its own, never the cached tokens of
    the cell it was copied from (a marker placed by its cell, `figures._index`, was looked for among the
    row's cells and not found: StopIteration, a crash on html-1999's page breaks, before s39)."""
    from dataclasses import replace

    from auditor.frontends.html import figures
    from auditor.frontends.html.grid import HtmlCell

    cell = HtmlCell(row=3, column=2, chars=list("(813)"), places=[(7, i, i + 1) for i in range(5)],
                    facts=[None] * 5, sup=[False] * 5)
    assert [t.cell for t in figures.tokens(cell)] == [cell]
    moved = replace(cell, row=0)
    assert all(t.cell is moved for t in figures.tokens(moved))


def _row_cells(row: str):
    from auditor.frontends.html import grid

    text = f"<table>{row}</table>"
    return grid.read(text, 0, len(text), [0]).rows[0]


def test_a_small_negative_whose_digits_inline_xbrl_tags_after_another_figure_is_a_figure_not_its_marker():
    # (s40 apartmodern: Workiva prints "(" + tagged digits + ")" in one cell; a row laid on a grid of its own
    # after a page break, read with no columns to tell its cells apart, took a two-digit write-off "(96)"
    # right after a nil for the nil's note marker: its "(" printed outside the tag, the tag looked for at
    # the token's first character only; the figure was dropped unsaid (chattem-2006 after row 4).)
    from auditor.frontends.html.figures import figures

    tagged = '<ix:nonFraction name="us-gaap:X" contextRef="c" unitRef="usd" decimals="-3"{sign}>{v}</ix:nonFraction>'
    row = ("<tr><td>Allowance</td><td align=right>" + tagged.format(sign="", v="1,016") + "</td>"
           "<td align=right>" + tagged.format(sign=' format="ixt:fixed-zero"', v="&#8212;") + "</td>"
           "<td align=right>(" + tagged.format(sign=' sign="-"', v="96") + ")</td></tr>")
    found = figures(_row_cells(row)[1:], [], None)
    assert [f.raw for f in found] == ["1,016", "\u2014", "(96)"]
    # (untagged, a "(1)" after a figure is still its note's marker)
    plain = figures(_row_cells("<tr><td>Allowance</td><td align=right>1,016</td><td align=right>(1)</td></tr>")[1:], [], None)
    assert [f.raw for f in plain] == ["1,016"] and plain[0].notes == "(1)"

"""A Schedule II printed one <table> per account (a caption naming the account,
then a table whose rows are the fiscal periods), the HTML twin of the text
layout of northwind-instruments-1999-table-per-account.txt: read into the
same periods x accounts as the text front end reads, whether the headings are
repeated over every table or printed over the first only, and whether the
caption is a <p>, a bare <b> or the table's own first row.  Tables that are
merely nearby are not joined to it."""

import pytest

import auditor
from auditor.frontends.html import locate as html_locate
from auditor import source
from conftest import FIXTURES

NORTHWIND = FIXTURES / "northwind-instruments-1999-table-per-account.txt"

ACCOUNTS = {
    "Allowance for doubtful accounts": [("1997", "812", "344", "297", "859"), ("1998", "859", "410", "388", "881"),
                                        ("1999", "881", "265", "402", "744")],
    "Inventory obsolescence reserve": [("1997", "1,405", "620", "511", "1,514"), ("1998", "1,514", "702", "834", "1,382"),
                                       ("1999", "1,328", "590", "611", "1,307")],
}
NOTES = {("Allowance for doubtful accounts", "1997"): "(a)", ("Inventory obsolescence reserve", "1997"): "(b)"}

HEADINGS = """<TR VALIGN=bottom><TD>&nbsp;</TD><TD>&nbsp;</TD>
<TD COLSPAN=3 ALIGN=center><FONT SIZE=2>Balance&nbsp;at<BR>beginning<BR>of&nbsp;period</FONT></TD><TD>&nbsp;</TD>
<TD COLSPAN=3 ALIGN=center><FONT SIZE=2>Charged to<BR>costs and<BR>expenses</FONT></TD><TD>&nbsp;</TD>
<TD COLSPAN=3 ALIGN=center><FONT SIZE=2>Deductions</FONT></TD><TD>&nbsp;</TD>
<TD COLSPAN=3 ALIGN=center><FONT SIZE=2>Balance<BR>at end<BR>of period</FONT></TD></TR>
"""
TABLE = '<TABLE WIDTH="100%" BORDER=0 CELLSPACING=0 CELLPADDING=0>\n'


def _row(account, year, figures) -> str:
    cells = [f'<TR VALIGN=bottom><TD><FONT SIZE=2>Year ended December&nbsp;31, {year}</FONT></TD>']
    for k, figure in enumerate(figures):
        dollar = "$" if year == "1997" else ""
        note = NOTES.get((account, year), "") if k == 2 else ""
        cells.append(f"<TD>&nbsp;</TD><TD><FONT SIZE=2>{dollar}</FONT></TD>"
                     f"<TD ALIGN=right><FONT SIZE=2>{figure}</FONT></TD><TD><FONT SIZE=2>{note}</FONT></TD>")
    return "\n".join(cells) + "</TR>\n"


def exhibit(caption="p", repeat=True, between="", after="") -> str:
    """Northwind's schedule as an EDGAR HTML exhibit: a <TABLE> per account."""
    out = ["<HTML><BODY>\n<P ALIGN=center><B>SCHEDULE II</B></P>\n"
           "<P ALIGN=center><B>NORTHWIND INSTRUMENTS, INC. AND SUBSIDIARIES</B></P>\n"
           "<P ALIGN=center><B>VALUATION AND QUALIFYING ACCOUNTS</B><BR>(In thousands)</P>\n"]
    for n, (account, rows) in enumerate(ACCOUNTS.items()):
        if n:
            out.append(between)
        if caption == "p":
            out.append(f"<P><FONT SIZE=2><B>{account}:</B></FONT></P>\n")
        elif caption == "b":
            out.append(f"<BR><B>{account}:</B>\n")
        out.append(TABLE)
        if caption == "row":
            out.append(f"<TR><TD COLSPAN=17><FONT SIZE=2><B>{account}:</B></FONT></TD></TR>\n")
        if n == 0 or repeat:
            out.append(HEADINGS)
        out += [_row(account, year, figures) for year, *figures in rows]
        out.append("</TABLE>\n")
    out.append("<P><FONT SIZE=1>(a) Accounts written off, net of recoveries.<BR>(b) Inventory disposed of.</FONT></P>\n")
    return "".join(out) + after + "</BODY></HTML>\n"


def check(text, name="northwind.htm"):
    result = auditor.check_source(source.from_text(text, name), auditor.load_rules())
    assert result.error is None, str(result.error)
    return result


def shape(schedule):
    return ([c.role for c in schedule.columns],
            [(p.label, p.fiscal_year, [(r.label, r.kind, [c.value if c else None for c in r.cells]) for r in p.rows])
             for p in schedule.periods])


def findings(result):
    return sorted((f.rule, f.check, f.severity, f.period, f.row, f.column, f.actual, f.expected) for f in result.findings)


LAYOUTS = [("p", True), ("p", False), ("b", True), ("b", False), ("row", True), ("row", False)]


@pytest.mark.parametrize("caption,repeat", LAYOUTS, ids=[f"{c}-{'repeated' if r else 'first-only'}" for c, r in LAYOUTS])
def test_reads_the_same_schedule_as_the_text_front_end(caption, repeat):
    text_result = auditor.check_file(str(NORTHWIND))
    text = exhibit(caption, repeat)
    html_result = check(text)
    (via_text,), (via_html,) = text_result.schedules, html_result.schedules
    assert shape(via_html) == shape(via_text)
    assert [len(p.rows) for p in via_html.periods] == [2, 2, 2]
    assert findings(html_result) == findings(text_result)
    # The one failure, the inventory reserve's 1999 opening, at the "1" of its "1,328" in the .htm.
    (finding,) = html_result.findings
    assert (finding.check, finding.row, finding.actual) == ("carry_forward", "Inventory obsolescence reserve", 1328)
    lines = text.split("\n")
    assert lines[finding.location.line - 1][finding.location.column - 1:].startswith("1,328</FONT>")
    for period in via_html.periods:
        for row in period.rows:
            for cell in row.cells:
                assert lines[cell.line - 1][cell.column - 1:].startswith(cell.raw)


def test_page_furniture_and_footnotes_between_the_account_tables():
    between = ("<P><FONT SIZE=1>(a) Accounts written off, net of recoveries.</FONT></P>\n"
               "<P ALIGN=center>S-2</P>\n<HR SIZE=1 NOSHADE STYLE=\"page-break-after:always\">\n"
               "<P ALIGN=center><B>NORTHWIND INSTRUMENTS, INC.</B></P>\n"
               "<P ALIGN=center><B>SCHEDULE II (continued)</B></P>\n")
    result = check(exhibit("p", False, between=between))
    (schedule,) = result.schedules
    assert [r.label for r in schedule.periods[0].rows] == ["Allowance for doubtful accounts",
                                                           "Inventory obsolescence reserve"]
    assert [f.check for f in result.findings] == ["carry_forward"]


def test_a_schedule_of_one_account_is_read_by_period():
    only = exhibit("p", True).split("<P><FONT SIZE=2><B>Inventory")[0] + "</BODY></HTML>\n"
    (schedule,) = check(only).schedules
    assert [(p.fiscal_year, [r.label for r in p.rows]) for p in schedule.periods] == [
        (1997, ["Allowance for doubtful accounts"]), (1998, ["Allowance for doubtful accounts"]),
        (1999, ["Allowance for doubtful accounts"])]


def test_an_account_split_by_a_page_break_goes_on_under_its_caption():
    text = exhibit("p", True)
    cut = text.index("<TR VALIGN=bottom><TD><FONT SIZE=2>Year ended December&nbsp;31, 1999", text.index("Inventory"))
    text = text[:cut] + "</TABLE>\n<P ALIGN=center>S-2</P>\n<P ALIGN=center>SCHEDULE II (Continued)</P>\n" + TABLE + text[cut:]
    result = check(text)
    (schedule,) = result.schedules
    assert shape(schedule) == shape(auditor.check_file(str(NORTHWIND)).schedules[0])
    assert [(f.check, f.row) for f in result.findings] == [("carry_forward", "Inventory obsolescence reserve")]


def test_a_table_listing_the_same_periods_again_without_a_caption_is_not_the_same_account():
    # The second account's caption is missing: joined, its rows would be read as
    # the first account's again and every carry-forward between them would break.
    text = exhibit("none", True)
    result = check(text)
    # Each is read as one account's table, a row per period (unnamed: an unlabelled row).
    assert [[(p.fiscal_year, [r.label for r in p.rows]) for p in s.periods] for s in result.schedules] == [
        [(1997, [""]), (1998, [""]), (1999, [""])]] * 2
    # Read by period, the inventory reserve's own carry-forward break (as in the
    # captioned layouts) is found, in the second table.
    second = text.count("\n", 0, text.rindex("<TABLE"))
    assert [(f.check, f.location.line > second) for f in result.findings] == [
        ("carry_forward", True)]


# Tables printed after the schedule that are not part of it: the same grid
# width and four figure columns, or its own headings, after a line of prose.
QUARTERLY_BARE = """<P>Quarterly results (unaudited):</P>
<TABLE WIDTH=100%>
<TR><TD>Net sales</TD><TD></TD><TD>$</TD><TD ALIGN=right>10,112</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>11,020</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>12,000</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>13,500</TD><TD></TD></TR>
<TR><TD>Gross profit</TD><TD></TD><TD></TD><TD ALIGN=right>4,112</TD><TD></TD><TD></TD><TD></TD><TD ALIGN=right>4,020</TD><TD></TD><TD></TD><TD></TD><TD ALIGN=right>5,000</TD><TD></TD><TD></TD><TD></TD><TD ALIGN=right>5,500</TD><TD></TD></TR>
</TABLE>
"""
QUARTERLY_YEARS = """<P>Selected data:</P>
<TABLE WIDTH=100%>
<TR><TD></TD><TD ALIGN=center>1999</TD><TD ALIGN=center>1998</TD></TR>
<TR><TD>Net sales</TD><TD ALIGN=right>$10,112</TD><TD ALIGN=right>$11,020</TD></TR>
<TR><TD>Gross profit</TD><TD ALIGN=right>4,112</TD><TD ALIGN=right>4,020</TD></TR>
</TABLE>
"""
ROLL_FORWARD = """<P>The following table shows the activity in the allowance for doubtful accounts:</P>
<TABLE WIDTH=100%>
<TR><TD>Balance at beginning of year</TD><TD></TD><TD>$</TD><TD ALIGN=right>881</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>859</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>812</TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD></TR>
<TR><TD>Provision</TD><TD></TD><TD></TD><TD ALIGN=right>265</TD><TD></TD><TD></TD><TD></TD><TD ALIGN=right>410</TD><TD></TD><TD></TD><TD></TD><TD ALIGN=right>344</TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD></TR>
<TR><TD>Write-offs</TD><TD></TD><TD></TD><TD ALIGN=right>(402</TD><TD>)</TD><TD></TD><TD></TD><TD ALIGN=right>(388</TD><TD>)</TD><TD></TD><TD></TD><TD ALIGN=right>(297</TD><TD>)</TD><TD></TD><TD></TD><TD></TD><TD></TD></TR>
<TR><TD>Balance at end of year</TD><TD></TD><TD>$</TD><TD ALIGN=right>744</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>881</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>859</TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD></TR>
</TABLE>
"""
UNRELATED = {"bare-same-width": QUARTERLY_BARE, "year-headings": QUARTERLY_YEARS, "notes-roll-forward": ROLL_FORWARD}


@pytest.mark.parametrize("after", sorted(UNRELATED))
def test_an_unrelated_table_after_the_schedule_is_not_joined(after):
    result = check(exhibit("p", False, after=UNRELATED[after]))
    (schedule,) = result.schedules
    assert [[r.label for r in p.rows] for p in schedule.periods] == [
        ["Allowance for doubtful accounts", "Inventory obsolescence reserve"]] * 3
    assert [(f.check, f.row) for f in result.findings] == [("carry_forward", "Inventory obsolescence reserve")]


BY_PERIOD = """<HTML><BODY><P ALIGN=center><B>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</B></P>
<TABLE WIDTH=100%>
<TR><TD></TD><TD></TD><TD COLSPAN=3>Balance at beginning of period</TD><TD></TD><TD COLSPAN=3>Charged to costs and expenses</TD><TD></TD><TD COLSPAN=3>Deductions</TD><TD></TD><TD COLSPAN=3>Balance at end of period</TD></TR>
<TR><TD COLSPAN=17>Year ended December 31, 1999:</TD></TR>
<TR><TD>Allowance for doubtful accounts</TD><TD></TD><TD>$</TD><TD ALIGN=right>881</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>265</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>402</TD><TD></TD><TD></TD><TD>$</TD><TD ALIGN=right>744</TD><TD></TD></TR>
</TABLE>
"""


def test_a_bare_table_after_prose_does_not_continue_a_schedule_printed_by_period():
    result = check(BY_PERIOD + QUARTERLY_BARE + "</BODY></HTML>\n")
    (schedule,) = result.schedules
    assert [[r.label for r in p.rows] for p in schedule.periods] == [["Allowance for doubtful accounts"]]
    assert result.findings == []


def test_a_bare_table_after_a_page_number_still_continues_it():
    continuation = QUARTERLY_BARE.replace("<P>Quarterly results (unaudited):</P>", "<P ALIGN=center>S-2</P>")
    continuation = continuation.replace("Net sales", "Inventory reserve").replace("Gross profit", "Warranty reserve")
    (schedule,) = check(BY_PERIOD + continuation + "</BODY></HTML>\n").schedules
    assert [r.label for r in schedule.periods[0].rows] == ["Allowance for doubtful accounts", "Inventory reserve",
                                                           "Warranty reserve"]


def test_a_table_with_other_columns_is_not_joined_but_read_on_its_own():
    text = exhibit("p", True)
    five = HEADINGS.replace("<TD COLSPAN=3 ALIGN=center><FONT SIZE=2>Deductions</FONT></TD>",
                            "<TD COLSPAN=3 ALIGN=center><FONT SIZE=2>Write-offs</FONT></TD>")
    second = text.index("<P><FONT SIZE=2><B>Inventory")
    text = text[:second] + text[second:].replace(HEADINGS, five)
    result = check(text)
    assert [[[r.label for r in p.rows] for p in s.periods] for s in result.schedules] == [
        [["Allowance for doubtful accounts"]] * 3, [["Inventory obsolescence reserve"]] * 3]
    assert [s.columns[2].heading for s in result.schedules] == ["Deductions", "Write-offs"]
    assert [(f.check, f.row) for f in result.findings] == [("carry_forward", "Inventory obsolescence reserve")]


def test_what_lies_between_tables_is_furniture_or_a_caption():
    text = ("</table><p align=center>S-2</p><hr style='page-break-after:always'><p>- 14 -</p>"
            "<p>NORTHWIND INSTRUMENTS, INC. AND SUBSIDIARIES</p><p><b>SCHEDULE II (Continued)</b></p>"
            "<p>(In thousands)</p><p>Years ended December 31, 1999, 1998 and 1997</p>"
            "<p>(a) Accounts written off.</p><p><font size=2><b>Reserve for&nbsp;warranty claims:</b></font></p><table>")
    doc = html_locate.Document(source.from_text(text, "t.htm"))
    assert doc.texts(0, len(text)) == ["Reserve for warranty claims:"]
    assert doc.caption_before(len(text) - len("<table>")) == "Reserve for warranty claims:"
    assert doc.texts(0, text.index("<p>(a)")) == []

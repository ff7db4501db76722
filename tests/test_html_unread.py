"""The HTML front end's completeness feed: a figure in the table's figure
columns that no row of figures takes is kept in `Schedule.unread`, and the
rules say so (figures-unread); what is not a figure of the schedule (a
heading's year, a footnote marker, a period row's year) is not."""

import auditor
from auditor import source
from test_html_cells import HEAD, TAIL, cells

ROW = "<tr><td>Allowance</td>" + cells("100", "20", "5", "25", "100") + "</tr>\n"
TOTAL = "<tr><td>Total</td>" + cells("100", "20", "5", "25", "100") + "</tr>\n"


def check(body: str):
    text = HEAD + body + TAIL
    src = source.from_text(text, "t.htm")
    (schedule,) = auditor.schedules(src, auditor.load_rules())
    return schedule, auditor.check_source(src), text.split("\n")


def test_a_lone_unlabelled_figure_is_unread_and_reported_where_it_is_printed():
    lone = "<tr><td>&nbsp;</td>" + cells("", "", "", "", "$") + "<td>&nbsp;</td><td>$</td><td align=right>7,250</td></tr>\n"
    schedule, result, lines = check(ROW + lone)
    (at,) = schedule.unread
    assert lines[at.line - 1][at.column - 1 :].startswith("7,250")
    (finding,) = result.findings
    assert (finding.rule, finding.location) == ("VQ007", at)


def test_a_row_of_figures_leaves_nothing_unread():
    schedule, result, _ = check(ROW + TOTAL)
    assert schedule.unread == () and result.findings == []


def test_footnote_markers_and_a_period_rows_year_printed_apart_are_not_figures_left_out():
    marker = "<tr><td>&nbsp;</td>" + cells("", "(1)", "", "", "") + "</tr>\n"
    year = "<tr><td>&nbsp;</td>" + cells("2021", "", "", "", "") + "</tr>\n"  # the year alone, over the figures
    schedule, result, _ = check(ROW + marker + year + ROW)
    assert schedule.unread == ()
    assert [f.rule for f in result.findings if f.rule == "VQ007"] == []


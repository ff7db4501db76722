"""Rows stacked in one <tr> (issue 12): HTML a word processor wrote (1999-2005
filings) prints several of a schedule's rows inside one table row, each cell a
line per printed row: one <tr> per account, or one for the whole body.  The
front end splits such a row into a grid row per line (`frontends/html/stacked`):
the 24 real tables so rendered are read exactly, every figure where printed,
and a figure printed wrong is found at its cell."""

import json
from dataclasses import replace
from decimal import Decimal

import pytest

import auditor
from auditor import source
from auditor.errors import InputError
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from render_html import HtmlStyle, render

RULES = auditor.load_rules()

STACKED = {
    f"{mode}-{grid}-{lines}": HtmlStyle(stacked=mode, stacked_lines=lines, grid=grid,
                                        negative="split" if grid == "split" else "inline",
                                        nil="&#151;" if lines == "br" else "-")
    for mode in ("account", "body") for grid in ("split", "single") for lines in ("br", "p")
}
# ... and as inline XBRL filing software writes it (<td/>, every figure tagged, sign="-").
STACKED.update({
    f"{mode}-ixbrl-{lines}": HtmlStyle(stacked=mode, stacked_lines=lines, ixbrl=True, negative="ix", wrapper="span",
                                       notes="sup", dollar="every", xhtml=True, nil="&#8212;")
    for mode in ("account", "body") for lines in ("br", "p")
})


def _tables(shared):
    return sorted((shared / "real-tables").glob("*.json"))


def _check(text: str):
    return auditor.check_source(source.from_text(text, "t.htm"), RULES, input_format="html")


@pytest.mark.parametrize("style", sorted(STACKED))
def test_real_tables_stacked_in_one_row_are_read_exactly(shared, style):
    """Every figure in its period, row and column, where it was printed, and
    exactly the table's own failures (none where its figures close)."""
    mismatches = []
    for path in _tables(shared):
        spec = json.loads(path.read_text())
        rendered = render(spec, STACKED[style])
        result = _check(rendered.text)
        if result.error is not None:
            mismatches.append((path.stem, str(result.error)))
            continue
        if read_cells(result.schedules) != printed_html_cells(rendered):
            mismatches.append((path.stem, "cells"))
        if sum(len(s.periods) for s in result.schedules) != len(spec["periods"]):
            mismatches.append((path.stem, "periods"))
        if reported_errors(result) != expected_errors(spec, rendered):
            mismatches.append((path.stem, sorted(reported_errors(result) ^ expected_errors(spec, rendered))))
    assert mismatches == []


@pytest.mark.parametrize("style", ["account-split-br", "account-ixbrl-p", "body-single-p", "body-split-br"])
def test_real_tables_stacked_without_the_caption_s_blank_line_are_read_or_refused(shared, style):
    """The figure cells start with figures, no blank line beside the label's
    first line (a caption): one <tr> per account is read exactly; a body whose
    first lines are two captions (a period's, a group's) is refused, never read
    a line off (before: refused per account, and 4 bodies read a row off silently)."""
    wrong, read = [], 0
    for path in _tables(shared):
        spec = json.loads(path.read_text())
        rendered = render(spec, replace(STACKED[style], caption_blank=False))
        result = _check(rendered.text)
        if result.error is not None:
            if style.startswith("account"):
                wrong.append((path.stem, str(result.error)))
            continue
        read += 1
        if (read_cells(result.schedules) != printed_html_cells(rendered)
                or reported_errors(result) != expected_errors(spec, rendered)):
            wrong.append(path.stem)
    assert wrong == [] and read >= 20


def _bumped(text: str) -> str:
    """A figure misprinted: its first digit one more."""
    at = next((i for i, ch in enumerate(text) if ch.isdigit()), None)
    return text if at is None else text[:at] + str((int(text[at]) + 1) % 10 or 1) + text[at + 1:]


def _planted(spec: dict, style: HtmlStyle):
    """The table rendered with one figure misprinted, the first (of the first
    period's rows, closing balance first) whose misprint its own arithmetic
    catches at that figure (`expect`, not the tool), and where it was printed."""
    columns = [spec["roles"].index(role) - 1 for role in ("ending", "beginning")]
    for k in columns:
        for ri, row in enumerate(spec["periods"][0]["rows"]):
            if len(row["cells"]) <= k or _bumped(row["cells"][k]) == row["cells"][k]:
                continue
            planted = json.loads(json.dumps(spec))
            planted["periods"][0]["rows"][ri]["cells"][k] = _bumped(row["cells"][k])
            rendered = render(planted, style)
            figure = next(f for f in rendered.figures if (f.period, f.row, f.column) == (0, ri, k))
            expected = expected_errors(planted, rendered)
            if (figure.line, figure.start) in {e[2:] for e in expected} - {e[2:] for e in expected_errors(spec, render(spec, style))}:
                return rendered, expected, (figure.line, figure.start)
    return None


@pytest.mark.parametrize("style", ["account-split-br", "body-single-p", "account-ixbrl-p", "body-ixbrl-br"])
def test_a_figure_printed_wrong_is_found_at_its_line_of_the_stack(shared, style):
    """A balance misprinted on its line of the stacked cell: exactly the failures
    its arithmetic gives are reported, one at that figure's line and column."""
    missed, planted = [], 0
    for path in _tables(shared):
        found = _planted(json.loads(path.read_text()), STACKED[style])
        if found is None:
            continue  # (a table whose roles check no balance: no misprint of one is caught)
        rendered, expected, at = found
        planted += 1
        result = _check(rendered.text)
        got = reported_errors(result) if result.error is None else {str(result.error)}
        if got != expected or at not in {g[2:] for g in got}:
            missed.append(path.stem)
    assert missed == [] and planted >= 20


TITLE = ("<p align=center><b>SCHEDULE II</b></p><p align=center><b>VALUATION AND QUALIFYING ACCOUNTS</b></p>"
         "<p>(in thousands)</p>\n")
HEADINGS = ("<table><tr><td>Description</td><td>Balance at<br>Beginning<br>of Period</td><td>Charged to<br>Costs and"
            "<br>Expenses</td><td>Deductions</td><td>Balance at<br>End of<br>Period</td></tr>\n")
ISSUE = (TITLE + HEADINGS +
         "<tr><td>Allowance for doubtful accounts:<br>Year ended December 31, 2003<br>2002<br>2001</td>"
         "<td><br>$1,200<br>1,000<br>900</td><td><br>$300<br>400<br>250</td><td><br>$(150)<br>(200)<br>(150)</td>"
         "<td><br>$1,350<br>1,200<br>1,000</td></tr></table>\n")


def test_the_issue_s_row_is_read_a_line_a_row_each_figure_where_printed():
    result = _check(ISSUE)
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    assert [c.heading for c in schedule.columns][:1] == ["Balance at Beginning of Period"]  # (a heading's <br>: one heading)
    rows = [(p.label, r.label, [c.value for c in r.cells]) for p in schedule.periods for r in p.rows]
    assert [r[2] for r in rows] == [[Decimal(v) for v in vs] for vs in
                                    (("1200", "300", "-150", "1350"), ("1000", "400", "-200", "1200"),
                                     ("900", "250", "-150", "1000"))]
    line = ISSUE.split("\n")[2]
    first = schedule.periods[0].rows[0].cells[0]
    assert (first.line, first.column) == (3, line.index("1,200") + 1)
    last = schedule.periods[-1].rows[0].cells[-1]
    assert (last.line, last.column) == (3, line.rindex("1,000") + 1)


def test_a_misprint_on_a_line_of_the_stack_is_located_on_it():
    text = ISSUE.replace("<br>1,200<br>1,000</td></tr>", "<br>1,250<br>1,000</td></tr>")
    result = _check(text)
    line = text.split("\n")[2]
    assert {(f.location.line, f.location.column) for f in result.findings if f.severity == "error"} >= {(3, line.index("1,250") + 1)}


def test_figures_without_the_caption_s_blank_line_are_read_under_their_labels():
    """The figure cells start with the first year's figures, no blank line beside
    the account's caption (its ":" says it names no figures; the figures' lines
    match the label's lines after it one for one): each figure in its year's row,
    a misprint found at its cell (before: an input error, the rows unmatched)."""
    text = ISSUE.replace("<td><br>$", "<td>$")
    result = _check(text)
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    assert [[c.raw for c in p.rows[0].cells] for p in schedule.periods] == [
        ["1,200", "300", "(150)", "1,350"], ["1,000", "400", "(200)", "1,200"], ["900", "250", "(150)", "1,000"]]
    line = text.split("\n")[2]
    assert (schedule.periods[0].rows[0].cells[0].line, schedule.periods[0].rows[0].cells[0].column) == (
        3, line.index("1,200") + 1)
    wrong = text.replace("<br>1,200<br>1,000</td></tr>", "<br>1,250<br>1,000</td></tr>")
    located = {(f.location.line, f.location.column) for f in _check(wrong).findings if f.severity == "error"}
    assert (3, wrong.split("\n")[2].index("1,250") + 1) in located


@pytest.mark.parametrize("total", [False, True])
def test_lines_of_figures_that_cannot_be_matched_to_the_labels_stay_an_input_error(total):
    """Two captions over the figures (a period's and a group's), one blank line
    beside them: which line the figures start on is a guess; the row is not split.
    With an unlabelled total last the lines count alike, and the rows were read a
    line off, silently: a caption beside figures now says they are not matched."""
    figures = [("$1,200", "500", "1,700"), ("$300", "50", "350"), ("$(150)", "(40)", "(190)"), ("$1,350", "510", "1,860")]
    cells = "".join("<td><br>" + "<br>".join(f if total else f[:2]) + "</td>" for f in figures)
    text = (TITLE + HEADINGS + "<tr><td>Year ended December 31, 2003:<br>Reserves deducted from assets:<br>"
            f"Allowance for doubtful accounts<br>Reserve for returns</td>{cells}</tr></table>\n")
    with pytest.raises(InputError, match="two figures"):
        auditor.schedules(source.from_text(text, "t.htm"), RULES, "html")


def test_lines_in_paragraphs_a_blank_one_a_space_and_an_unlabelled_total_last():
    p = '<p style="margin:0">{}</p>'.format
    stack = "".join
    text = (TITLE + HEADINGS + "<tr><td>" + stack(p(t) for t in ("Year ended December 31, 2003:", "Allowance for doubtful",
                                                                 "accounts", "Reserve for returns"))
            + "</td>" + "".join("<td>" + stack(p(t) for t in ("&nbsp;", "&nbsp;", a, b, s)) + "</td>"
                                for a, b, s in (("$100", "50", "$150"), ("20", "10", "30"), ("(10)", "(5)", "(15)"),
                                                ("$110", "55", "$165")))
            + "</tr></table>\n")
    (schedule,) = auditor.schedules(source.from_text(text, "t.htm"), RULES, "html")
    rows = [(r.label, r.kind, [c.raw for c in r.cells]) for p in schedule.periods for r in p.rows]
    # (a label run on to a line of its own, in lower case, is the next line's: one row)
    assert rows == [("Allowance for doubtful accounts", "item", ["100", "20", "(10)", "110"]),
                    ("Reserve for returns", "item", ["50", "10", "(5)", "55"]),
                    ("", "total", ["150", "30", "(15)", "165"])]
    assert [f.rule for f in _check(text).findings] == ["VQ008"]  # (one period, and the file ends at it)



def test_the_years_as_columns_stacked_in_one_row_are_read_a_movement_a_line():
    """The same mechanism under the years as columns: the movements' labels a line
    each in one cell, each year's figures a line each (before: a block with no balance)."""
    text = (TITLE + "<table><tr><td>Allowance for doubtful accounts</td><td>2003</td><td>2002</td><td>2001</td></tr>\n"
            "<tr><td>Balance at beginning of year<br>Charged to costs and expenses<br>Deductions<br>Balance at end of"
            " year</td><td>$1,200<br>300<br>(150)<br>$1,350</td><td>$1,000<br>400<br>(200)<br>$1,200</td>"
            "<td>$900<br>250<br>(150)<br>$1,000</td></tr></table>\n")
    result = _check(text)
    assert result.error is None and result.findings == []
    (schedule,) = result.schedules
    assert [[c.raw for c in p.rows[0].cells] for p in schedule.periods][0] == ["1,200", "300", "(150)", "1,350"]
    misprinted = text.replace("$1,350", "$1,360")
    wrong = _check(misprinted)
    assert {(f.location.line, f.location.column) for f in wrong.findings} == {(3, misprinted.split("\n")[2].index("1,360") + 1)}

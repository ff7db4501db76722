"""Tables a page break cuts in two, the second part printed without headings,
as word processors' 10-Ks print them: the 24 real tables in each such layout
give exactly their real failures, every figure read where it is printed
(`breaks` joins the parts into one grid).  Before it, a block of the years as
columns cut by the break lost the rows above or below it, and a table per
year ending on its year's caption lost that year."""

import json
from dataclasses import replace

import pytest

import auditor
from auditor import source
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from render_html import HtmlStyle, render
from render_software import Software, render_software
from test_html_real_tables import STYLES

BROKEN = {
    # The years as columns, a page break inside the first account's block ...
    "transposed-break-in-block": HtmlStyle(transposed=True, nil="&#151;", notes="sup", page_break=4),
    # ... right after the years printed once over the table (the first part prints no figure) ...
    "transposed-groups-break-after-years": replace(STYLES["transposed-groups"], page_break=2),
    # ... or between accounts under them;
    "transposed-groups-break-between": replace(STYLES["transposed-groups"], page_break=13),
    # the accounts as columns, a page break inside a year's movements;
    "accounts-as-columns-break": replace(STYLES["accounts-as-columns"], page_break=4),
    # a <table> per year, a page break after the first year's caption row or one later on.
    "table-per-year-break-after-caption": Software(html=replace(STYLES["page-break"], page_break=1), per_period=True),
    "table-per-year-break": Software(html=STYLES["page-break"], per_period=True),
    # ... or where a year's rows end, an empty <table> left on the page after.
    "table-per-year-break-empty-part": Software(html=replace(STYLES["page-break"], page_break=3), per_period=True),
    # The years as columns, a <table> per account, a page break inside one account's table: under the title ...
    "transposed-tables-break": replace(STYLES["transposed-tables"], page_break=3),
    # ... or under its accounts' captions alone (a note's), right after the years, in the first block or a later one.
    "transposed-untitled-break-after-years": replace(STYLES["transposed-untitled"], page_break=1),
    "transposed-untitled-break-in-block": replace(STYLES["transposed-untitled"], page_break=3),
    "transposed-untitled-break-later": replace(STYLES["transposed-untitled"], page_break=7),
    # One table, a block per account (its caption a row, a row per year labelled by the year), a page break
    # inside the first block or the second: the part after it prints years alone before the next caption row.
    "account-blocks-break-in-block": replace(STYLES["account-blocks"], page_break=2),
    "account-blocks-break-later": replace(STYLES["account-blocks"], page_break=5),
}

# The part after the break laid on a grid of its own ("$" inside its figure's cell, a column fewer per figure;
# or an empty cell more after each spacer), in every layout cut by a break: its columns of figures are the first
# part's, by order, or (a column blank in a row or all through the part, rows laid on grids of their own) by where
# each figure stands across its row.
OTHER_COLUMNS = {
    f"{name}-{how}": (replace(BROKEN[name], continued=how) if isinstance(BROKEN[name], Software)
                      else Software(html=BROKEN[name], continued=how))
    for name in BROKEN for how in ("narrower", "wider")
}


def _rendered(spec, style):
    return render_software(spec, style) if isinstance(style, Software) else render(spec, style)


@pytest.mark.parametrize("style", sorted(BROKEN))
def test_real_tables_cut_by_a_page_break_read_whole(shared, style):
    ruleset = auditor.load_rules()
    mismatches = []
    for path in sorted((shared / "real-tables").glob("*.json")):
        spec = json.loads(path.read_text())
        rendered = _rendered(spec, BROKEN[style])
        src = source.from_text(rendered.text, f"{path.stem}.htm")
        result = auditor.check_source(src, ruleset, input_format="html")
        if result.error is not None:
            mismatches.append((path.stem, str(result.error)))
            continue
        got, want = reported_errors(result), expected_errors(spec, rendered)
        if got != want:
            mismatches.append((path.stem, sorted(got - want), sorted(want - got)))
        cells, printed = read_cells(result.schedules), printed_html_cells(rendered)
        if cells != printed:
            mismatches.append((path.stem, "unread", len(set(printed) - set(cells)), "misread",
                               len(set(cells) - set(printed))))
    assert mismatches == []


@pytest.mark.parametrize("style", sorted(OTHER_COLUMNS))
def test_real_tables_cut_by_a_page_break_onto_other_columns_read_whole(shared, style):
    """Each table read whole, every figure where printed: none refused (61 of
    624 were, and 2 read silently wrong, where the first part or the part after
    the break printed a column blank all through, a row laid on a grid of its
    own, or "(96)" read as a note), never a row left out unsaid."""
    mismatches, refused = _read_or_refused(shared, lambda spec: render_software(spec, OTHER_COLUMNS[style]),
                                           "on other columns")
    assert mismatches == []
    assert refused == []


def _read_or_refused(shared, rendering, refusal):
    """(mismatches, refused) over the real tables each rendered so: each read
    whole, every figure where printed, or refused saying `refusal`."""
    ruleset = auditor.load_rules()
    mismatches, refused = [], []
    for path in sorted((shared / "real-tables").glob("*.json")):
        spec = json.loads(path.read_text())
        rendered = rendering(spec)
        result = auditor.check_source(source.from_text(rendered.text, f"{path.stem}.htm"), ruleset,
                                      input_format="html")
        if result.error is not None:
            refused.append(path.stem)
            if refusal not in result.error.message:
                mismatches.append((path.stem, str(result.error)))
            continue
        if reported_errors(result) != expected_errors(spec, rendered) or \
                read_cells(result.schedules) != printed_html_cells(rendered):
            mismatches.append((path.stem, "misread"))
    return mismatches, refused


def _check(name):
    from conftest import FIXTURES

    result = auditor.check_file(str(FIXTURES / "html" / f"{name}.htm"))
    assert result.error is None, str(result.error)
    return result


def test_a_block_cut_by_a_page_break_is_one_account_and_its_wrong_figure_is_found_after_the_break():
    result = _check("juno-castings-2002-years-as-columns-page-break-row-typo")
    (schedule,) = result.schedules
    assert [r.label for r in schedule.periods[0].rows] == ["Allowance for doubtful accounts",
                                                          "Inventory obsolescence reserve", "Total"]
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("column_total", "2001", "Total"), ("row_identity", "2001", "Allowance for doubtful accounts")]


def test_a_year_whose_caption_ends_a_page_is_read_from_the_rows_after_the_break():
    result = _check("larch-paper-2004-table-per-year-page-break-row-typo")
    (schedule,) = result.schedules
    assert [p.fiscal_year for p in schedule.periods] == [2002, 2003, 2004]
    assert sorted((f.check, f.period, f.row) for f in result.findings)[-1][1:] == (
        "Year ended December 31, 2003", "Reserve for returns")


def _after_the_break(name, edit):
    """The fixture with each row of the part after its page break edited."""
    from conftest import FIXTURES

    text = (FIXTURES / "html" / f"{name}.htm").read_text()
    start = text.index('<table cellspacing="0" width="100%">\n')
    end = text.index("</table>", start)
    return text[:start] + edit(text[start:end]) + text[end:]


SIZING_ROW = '<table cellspacing="0" width="100%">\n<tr>' + '<td style="width:4%"></td>' * 30 + "</tr>\n"


@pytest.mark.parametrize("name,period", [("juno-castings-2002-years-as-columns-page-break-row-typo", "2001"),
                                         ("larch-paper-2004-table-per-year-page-break-row-typo",
                                          "Year ended December 31, 2003")])
def test_the_part_after_a_break_is_joined_under_a_row_of_sizing_cells_of_its_own(name, period):
    text = _after_the_break(name, lambda part: part.replace('<table cellspacing="0" width="100%">\n', SIZING_ROW))
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is None and len(result.schedules) == 1
    assert {f.period for f in result.findings} == {period}


@pytest.mark.parametrize("name", ["juno-castings-2002-years-as-columns-page-break-row-typo",
                                  "larch-paper-2004-table-per-year-page-break-row-typo"])
def test_a_part_after_a_break_laid_on_other_columns_is_refused_never_dropped(name):
    # Two columns more, that print text: the part cannot be placed under the headings (said so, where a
    # block of the years as columns was refused only as not ending with a balance).
    message = "on other columns than its headings"
    text = _after_the_break(name, lambda part: part.replace("</tr>", "<td>x</td><td>y</td></tr>"))
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is not None and message in result.error.message


@pytest.mark.parametrize("name,period,row", [
    ("nutmeg-tools-2003-years-as-columns-page-break-other-columns-row-typo", "2002", "Inventory obsolescence reserve"),
    ("oriole-paper-2005-table-per-year-page-break-other-columns-row-typo", "Year ended December 31, 2004",
     "Allowance for doubtful accounts"),
    # (its charges to other accounts blank all through the part: placed by where each figure stands in its row)
    ("plover-mills-2005-table-per-year-page-break-blank-column-row-typo", "Year ended December 31, 2004",
     "Reserve for returns")])
def test_a_part_after_a_break_on_a_grid_of_its_own_is_read_under_the_first_parts_columns(name, period, row):
    result = _check(name)
    assert ("row_identity", period, row) in {(f.check, f.period, f.row) for f in result.findings}


def test_a_note_table_per_account_cut_after_its_opening_is_read_whole_from_its_caption():
    # (its caption, "Trade receivables", names no valuation account: found from the next account's table)
    result = _check("pecan-foods-2004-years-as-columns-tables-page-break-row-typo")
    (schedule,) = result.schedules
    assert [r.label for r in schedule.periods[0].rows] == ["Trade receivables", "Allowance for inventory obsolescence"]
    assert [(f.check, f.period, f.row) for f in result.findings] == [("row_identity", "2003", "Trade receivables")]


def test_a_block_per_account_cut_by_a_break_goes_on_with_rows_labelled_by_the_year_alone():
    # (the first part's last caption row names the account the part after the break carries on)
    result = _check("quail-systems-2006-reserve-blocks-page-break-row-typo")
    (schedule,) = result.schedules
    assert [[r.label for r in p.rows] for p in schedule.periods] == [
        ["Allowance for doubtful accounts", "Reserve for warranty costs"]] * 3
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        ("row_identity", "Year ended December 31, 2005", "Reserve for warranty costs")]


NEXT_PAGE = '<p align="center">S-1</p><hr style="page-break-after:always">\n<table>{}</table>\n'
NEXT_PAGE_TABLES = {
    # the exhibit index, its numbers and forms under no headings of its own ...
    "exhibit-index": "<tr><td>3.1</td><td>Articles of incorporation</td><td>10-K</td><td>2001</td></tr>"
                     "<tr><td>10.1</td><td>Credit agreement dated June 30, 2003</td><td>8-K</td><td>2003</td></tr>",
    # ... or another statement's figures, laid on other columns than the schedule's.
    "selected-data": "<tr><td>Net sales</td><td>$</td><td>1,234</td><td>$</td><td>1,100</td><td>$</td><td>999</td></tr>"
                     "<tr><td>Net income</td><td>$</td><td>234</td><td>$</td><td>200</td><td>$</td><td>99</td></tr>",
}


@pytest.mark.parametrize("name", ["acme-tools-2004-clean", "bolt-fasteners-2005-row-typo"])
@pytest.mark.parametrize("table", sorted(NEXT_PAGE_TABLES))
def test_the_next_pages_headless_table_labelled_as_no_schedule_is_left_apart_not_refused(name, table):
    # (a part no schedule's row label names, after a schedule read whole: the next page's, not the schedule's rows)
    from conftest import FIXTURES

    text = (FIXTURES / "html" / f"{name}.htm").read_text()
    end = text.lower().rindex("</table>") + len("</table>")
    alone = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    with_next = text[:end] + NEXT_PAGE.format(NEXT_PAGE_TABLES[table]) + text[end:]
    result = auditor.check_source(source.from_text(with_next, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is None, result.error.message
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        (f.check, f.period, f.row) for f in alone.findings]


# The years as columns, a <table> per account under its caption alone (a note's), the running head after the
# page break Schedule II's title continued: the only title in the file is that head.  Before, the schedule was
# read from the head on, the accounts before the break left out unsaid (31 of 120 silently wrong).
HEAD_ALONE = {f"transposed-untitled-continued-head-break-{k}": replace(
    STYLES["transposed-untitled"], page_break=k, running_head="SCHEDULE II (continued)") for k in (5, 6, 7, 10, 12)}


@pytest.mark.parametrize("style", sorted(HEAD_ALONE))
def test_an_untitled_schedule_under_a_continued_head_after_the_break_is_read_from_its_first_account(shared, style):
    mismatches, refused = _read_or_refused(shared, lambda spec: render(spec, HEAD_ALONE[style]),
                                           "its running head says continued")
    assert mismatches == []
    # (cik1007456's first accounts' captions, "Accounts and notes receivable", "Inventories", name no reserve:
    # its run is found from the table under the head, "Total allowances deducted from assets", and read back)
    assert refused == []


def test_a_note_schedule_continued_under_schedule_iis_head_keeps_its_first_account():
    result = _check("quince-labs-2007-years-as-columns-notes-continued-head-row-typo")
    (schedule,) = result.schedules
    assert [r.label for r in schedule.periods[0].rows] == [
        "Allowance for doubtful accounts", "Inventory valuation reserve", "Reserve for warranty costs"]
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        ("row_identity", "2006", "Allowance for doubtful accounts")]


@pytest.mark.parametrize("page", ["........ F-34", " S-2"])
@pytest.mark.parametrize("name", ["acme-tools-2004-clean", "kiln-ceramics-2003-years-once-page-break-clean",
                                  "juno-castings-2002-years-as-columns-page-break-row-typo"])
def test_a_schedules_own_title_ending_in_its_page_heads_its_table(name, page):
    # (its line reads as an index's entry; where no schedule has a title of its own it is tried as the title:
    # before, "no Schedule II found", the schedule read from its next page's running head, or untitled)
    from conftest import FIXTURES

    text = (FIXTURES / "html" / f"{name}.htm").read_text()
    alone = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    paged = text.replace("QUALIFYING ACCOUNTS</b>", f"QUALIFYING ACCOUNTS{page}</b>", 1)
    assert paged != text
    result = auditor.check_source(source.from_text(paged, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is None, result.error.message
    (schedule,) = result.schedules
    assert schedule.title == "SCHEDULE II VALUATION AND QUALIFYING ACCOUNTS"
    assert [(f.check, f.period, f.row) for f in result.findings] == [
        (f.check, f.period, f.row) for f in alone.findings]


BLANK_IN_EACH_PART = """<html><body>
<p align="center"><b>SCHEDULE II<br>VALUATION AND QUALIFYING ACCOUNTS</b></p>
<table>
<tr><td>Description</td><td></td><td>Balance at Beginning of Year</td><td></td><td>Charged to Costs and Expenses</td>
<td></td><td>Charged to Other Accounts</td><td></td><td>Deductions</td><td></td><td>Balance at End of Year</td></tr>
<tr><td>Year ended December 31, 2004</td></tr>
<tr><td>Allowance for doubtful accounts</td><td></td><td>100</td><td></td><td>50</td><td></td><td></td><td></td>
<td>30</td><td></td><td>120</td></tr>
</table>
<p align="center">S-2</p><hr style="page-break-after:always">
<p align="center">SCHEDULE II (continued)</p>
<table>
<tr><td>Reserve for returns</td><td>200</td><td></td><td>40</td><td>10</td><td>{ending}</td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize("ending,found", [("230", []), ("240", [("row_identity", "Reserve for returns")])])
def test_a_part_on_its_own_grid_blank_in_another_column_than_the_first_is_placed_by_where_its_figures_stand(
        ending, found):
    # The first part prints no charge to other accounts, the part after the break (no spacer cells) no charge to
    # costs: four columns of figures each, but not the same four.  Put by order, 40 fell under "Charged to Costs"
    # (its row closing all the same: a silent misreading); across its row it stands under "Charged to Other".
    text = BLANK_IN_EACH_PART.format(ending=ending)
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is None, result.error.message
    (schedule,) = result.schedules
    row = schedule.periods[0].rows[1]
    headings = [c.heading for c in schedule.columns]
    assert [(h, c.raw if c else None) for h, c in zip(headings, row.cells)] == [
        ("Balance at Beginning of Year", "200"), ("Charged to Costs and Expenses", None),
        ("Charged to Other Accounts", "40"), ("Deductions", "10"), ("Balance at End of Year", ending)]
    assert [(f.check, f.row) for f in result.findings] == found


def test_a_note_schedule_under_a_continued_head_its_first_table_unreadable_is_refused_never_dropped():
    # (the first account's table under a sentence, not an account's name: no account's block to read it as; the
    # schedule was read from the second account on, the first's wrong figure lost without a word)
    from conftest import FIXTURES

    text = (FIXTURES / "html" / "quince-labs-2007-years-as-columns-notes-continued-head-row-typo.htm").read_text()
    sentence = text.replace("<b>Allowance for doubtful accounts:</b>", "<b>The following table sets forth the"
                            " activity in the allowance for doubtful accounts for each year:</b>")
    assert sentence != text
    result = auditor.check_source(source.from_text(sentence, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is not None
    assert "its running head says continued" in result.error.message and "table at line 5" in result.error.message


def test_a_part_whose_figures_stand_between_the_first_parts_columns_is_refused_never_guessed():
    # (four figures and two empty cells after them: the third stands halfway between two columns)
    text = BLANK_IN_EACH_PART.format(ending="230").replace(
        "<td>10</td><td>230</td></tr>", "<td>10</td><td>230</td><td></td><td></td></tr>").replace(
        "<td>200</td><td></td><td>40</td>", "<td>200</td><td>40</td>")
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules(), input_format="html")
    assert result.error is not None and "on other columns than its headings" in result.error.message

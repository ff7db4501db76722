"""HTML shapes other than one block per period, read into the same periods x
rows x columns, and where the units are stated: small hand-written cases of
each class met in real filings (IBM's block per reserve with period captions
over sub-rows, Boeing's years as columns, units in a <caption> or a row)."""

from decimal import Decimal

import auditor
from auditor import source
from conftest import FIXTURES

HEAD = ('<html><body><p align="center"><b>SCHEDULE II</b></p>'
        '<p align="center"><b>VALUATION AND QUALIFYING ACCOUNTS AND RESERVES</b></p>\n')


def check(text):
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules())
    assert result.error is None, str(result.error)
    return result


def figures(row):
    return [c.value if c and c.value is not None else (None if c is None else "nil") for c in row.cells]


def _cells(figures_):
    out = []
    for f in figures_:
        if f is None:
            out.append('<td/><td colspan="2"/>')
        elif f.startswith("("):
            out.append(f'<td>$</td><td>({f[1:-1]}</td><td>)</td>')
        else:
            out.append(f'<td>$</td><td>{f}</td><td/>')
    return "".join('<td colspan="1"/>' + c for c in out)


def _row(label, figures_):
    return f"<tr><td colspan=\"3\">{label}</td>{_cells(figures_)}</tr>\n"


def _caption(text):
    return f'<tr><td colspan="3">{text}</td></tr>\n'


HEADINGS = ("<tr><td colspan=\"3\">Description</td>" + "".join(
    f'<td/><td colspan="3">{h}</td>' for h in ("Balance at Beginning of Period", "Additions/ (Deductions)",
                                             "Write-offs", "Balance at End of Period")) + "</tr>\n")


def reserve_blocks(opening_2023="467"):
    """IBM's layout: a block per reserve; in the first, a caption row per year over
    sub-rows "-Current" / "-Noncurrent"; in the second, a row per year."""
    rows = [HEADINGS, _caption("Allowance For Credit Losses (1)"),
            _caption("2024"), _row("&#8211;Current", ["431", "(11)", "(146)", "274"]),
            _row("&#8211;Noncurrent", ["27", "(7)", "&#8212;", "20"]),
            _caption("2023"), _row("&#8211;Current", [opening_2023, "13", "(49)", "431"]),
            _row("&#8211;Noncurrent", ["28", "(1)", "&#8212;", "27"]),
            _caption("Allowance For Inventory Losses"),
            _row("2024", ["658", "122", "(199)", "581"]), _row("2023", ["631", "201", "(174)", "658"])]
    return HEAD + "<p>(Dollars in millions)</p>\n<table>" + "".join(rows) + "</table></body></html>\n"


def test_a_block_per_reserve_with_year_captions_over_sub_rows_reads_by_period():
    result = check(reserve_blocks())
    (schedule,) = result.schedules
    assert [(p.fiscal_year, [r.label for r in p.rows]) for p in schedule.periods] == [
        (2024, ["Allowance For Credit Losses \u2013Current", "Allowance For Credit Losses \u2013Noncurrent",
                "Allowance For Inventory Losses"])] * 1 + [
        (2023, ["Allowance For Credit Losses \u2013Current", "Allowance For Credit Losses \u2013Noncurrent",
                "Allowance For Inventory Losses"])]
    assert figures(schedule.periods[0].rows[1]) == [Decimal(27), Decimal(-7), "nil", Decimal(20)]
    assert schedule.units == "millions"
    assert result.findings == []


def test_a_wrong_opening_in_a_sub_row_is_found_there():
    result = check(reserve_blocks(opening_2023="476"))
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("row_identity", "2023", "Allowance For Credit Losses \u2013Current")]


def transposed(deductions_2003=("(159", ")"), note=""):
    """Boeing's layout: per account, a heading row of years, then the movements as rows;
    the second account prints its deductions row with no figures at all."""
    def row(label, cells):
        return f"<tr><td>{label}</td>" + "".join(f"<td></td><td>{a}</td><td>{b}</td>" for a, b in cells) + "</tr>\n"

    def years(name):
        return f"<tr><td>{name}</td>" + "".join(f'<td></td><td colspan="2">{y}</td>' for y in (2003, 2002)) + "</tr>\n"

    return (HEAD + "<table><caption>(Dollars in millions)</caption>\n"
            + years("Allowance for Doubtful Accounts")
            + row("Balance at January 1", [("$ 453", ""), ("$ 206", "")])
            + row("Charged to costs and expenses", [("253", note), ("277", "")])
            + row("Deductions from reserves (accounts charged off)", [deductions_2003, ("(30", ")")])
            + row("Balance at December 31", [("$ 547", ""), ("$ 453", "")])
            + "<tr><td>&nbsp;</td></tr>\n" + years("Other Assets")
            + row("Balance at January 1", [("$ 380", ""), ("$ 349", "")])
            + row("Charged to costs and expenses", [("36", ""), ("31", "")])
            + row("Deductions from reserves (accounts charged off)", [("", ""), ("", "")])
            + row("Balance at December 31", [("$ 416", ""), ("$ 380", "")])
            + "</table></body></html>\n")


def test_years_as_columns_read_as_periods_of_accounts():
    result = check(transposed(note="(1)"))
    (schedule,) = result.schedules
    assert [c.heading for c in schedule.columns] == [
        "Balance at January 1", "Charged to costs and expenses", "Deductions from reserves (accounts charged off)",
        "Balance at December 31"]
    assert [(p.fiscal_year, [r.label for r in p.rows]) for p in schedule.periods] == [
        (2003, ["Allowance for Doubtful Accounts", "Other Assets"]), (2002, ["Allowance for Doubtful Accounts", "Other Assets"])]
    first = schedule.periods[0].rows[0]
    assert figures(first) == [Decimal(453), Decimal(253), Decimal(-159), Decimal(547)]
    assert first.cells[1].footnote == "(1)"  # the marker in the cell after the figure: not a figure -1
    assert figures(schedule.periods[0].rows[1]) == [Decimal(380), Decimal(36), None, Decimal(416)]
    assert schedule.units == "millions"  # from the table's <caption>
    assert result.findings == []


def test_a_wrong_figure_in_a_transposed_table_is_found_at_its_cell():
    text = transposed(deductions_2003=("(195", ")"))
    result = check(text)
    (finding,) = [f for f in result.findings if f.severity == "error"]
    assert (finding.check, finding.period, finding.row) == ("row_identity", "2003", "Allowance for Doubtful Accounts")


def test_units_printed_as_a_row_inside_the_table():
    text = reserve_blocks().replace("<p>(Dollars in millions)</p>\n<table>",
                                    '<table><tr><td colspan="15">(Dollars in thousands)</td></tr>\n')
    (schedule,) = check(text).schedules
    assert schedule.units == "thousands"


def test_a_table_printed_transposed_is_found_under_other_title_wordings():
    # Only a title finds a transposed table (its balances are row labels, not headings).
    for title in ("Schedule 2", "Valuation and Qualifying Account", "VALUATION AND QUALIFYING RESERVES"):
        text = transposed().replace("<b>SCHEDULE II</b>", "").replace("VALUATION AND QUALIFYING ACCOUNTS AND RESERVES", title)
        (schedule,) = check(text).schedules
        assert len(schedule.periods) == 2, title


def _untitled(text):
    return text.replace("<b>SCHEDULE II</b>", "").replace(
        "VALUATION AND QUALIFYING ACCOUNTS AND RESERVES", "Notes to the financial statements")


def test_a_roll_forward_with_years_as_columns_no_title_and_no_account_named_is_not_a_schedule():
    for unnamed in (_untitled(transposed()).replace("Allowance for Doubtful Accounts", "").replace("Other Assets", ""),
                    _untitled(transposed()).replace("<table>", "<p>The following table summarizes the activity in"
                                                    " our allowance for doubtful accounts:</p>\n<table>")
                    .replace("Allowance for Doubtful Accounts", "")):
        result = auditor.check_source(source.from_text(unnamed, "t.htm"), auditor.load_rules())
        assert result.error is not None and "no Schedule II found" in result.error.message


def test_years_as_columns_under_their_accounts_names_alone_are_a_schedule():
    # A 20-F's schedule: no title, each block named as a valuation account, schedule movements as rows.
    (schedule,) = check(_untitled(transposed())).schedules
    assert [(p.fiscal_year, [r.label for r in p.rows]) for p in schedule.periods] == [
        (2003, ["Allowance for Doubtful Accounts", "Other Assets"]), (2002, ["Allowance for Doubtful Accounts", "Other Assets"])]
    # ... but not where no block prints a schedule's movement (a goodwill roll-forward under "Reserves").
    goodwill = _untitled(transposed()).replace("Charged to costs and expenses", "Acquisitions").replace(
        "Deductions from reserves (accounts charged off)", "Impairment")
    result = auditor.check_source(source.from_text(goodwill, "t.htm"), auditor.load_rules())
    assert result.error is not None and "no Schedule II found" in result.error.message


def test_a_roll_forward_after_a_table_of_contents_or_a_sentence_naming_schedule_ii_is_not_one():
    # A 10-K's contents list Schedule II in a table, and its auditor's report names it in a
    # sentence; the allowance roll-forward of the notes after them prints the years as columns.
    roll_forward = transposed().split("<table>", 1)[1].split("</table>", 1)[0]
    for before in ('<table><tr><td>Item 15.</td><td>Schedule II &#8212; Valuation and Qualifying Accounts</td>'
                   '<td>S-1</td></tr></table>\n<p>Note 5. Receivables</p>\n',
                   "<p>In our opinion, the related financial statement schedule, Schedule II, when considered in"
                   " relation to the basic consolidated financial statements taken as a whole, presents fairly, in"
                   " all material respects, the information set forth therein.</p>\n"):
        text = f"<html><body>{before}<table>{roll_forward}</table></body></html>\n"
        result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules())
        assert result.error is not None and "no Schedule II found" in result.error.message, before[:40]
    nova = auditor.check_file(str(FIXTURES / "html" / "nova-devices-2013-in-10k.htm"))
    assert len(nova.schedules) == 1


def test_a_movement_printed_twice_in_a_transposed_block_keeps_both_figures():
    text = transposed().replace(
        "<tr><td>Charged to costs and expenses</td><td></td><td>253</td>",
        "<tr><td>Other</td><td></td><td>3</td><td></td><td></td><td>(3</td><td>)</td></tr>\n"
        "<tr><td>Other</td><td></td><td>(3</td><td>)</td><td></td><td>3</td><td></td></tr>\n"
        "<tr><td>Charged to costs and expenses</td><td></td><td>253</td>", 1)
    (schedule,) = check(text).schedules
    assert [c.heading for c in schedule.columns][1:4] == ["Other", "Other", "Charged to costs and expenses"]
    assert figures(schedule.periods[0].rows[0])[1:3] == [Decimal(3), Decimal(-3)]
    assert figures(schedule.periods[1].rows[0])[1:3] == [Decimal(-3), Decimal(3)]


def test_a_transposed_block_cut_before_its_closing_balance_is_an_input_error():
    text = transposed()
    cut = text.rindex("<tr><td>Balance at December 31</td>")
    text = text[:cut] + text[text.index("</tr>", cut) + 5:]
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules())
    assert result.error is not None and "does not end with a balance" in result.error.message

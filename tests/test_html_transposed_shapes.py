"""Schedules printed with the years as columns and the movements as rows, in
the shapes other than one table of blocks each headed by its account: a
<table> per account under its caption (under the Schedule II title, or under
no title at all, as a 20-F prints it), and the years printed once over one
table whose accounts, and groups of them, are caption rows without figures.
Each read into the same periods x accounts, the accounts named by their
captions, the group captions no row and no column."""

import auditor
from auditor import source
from conftest import FIXTURES

HTML = FIXTURES / "html"


def _read(name):
    result = auditor.check_file(str(HTML / f"{name}.htm"))
    assert result.error is None, str(result.error)
    (schedule,) = result.schedules
    return schedule, result


def _accounts(schedule):
    return [(p.fiscal_year, [(r.label, r.kind) for r in p.rows]) for p in schedule.periods]


def test_tables_under_their_accounts_captions_alone_are_one_schedule_and_the_notes_tables_are_not():
    schedule, result = _read("basalt-shipping-2016-years-as-columns-captions-only-clean")
    rows = [("Allowance for doubtful accounts", "item"), ("Inventory obsolescence reserve", "item"), ("Total", "total")]
    assert _accounts(schedule) == [(2016, rows), (2015, rows), (2014, rows)]
    assert schedule.units == "thousands"  # printed in the years row's label cell
    # The notes' roll-forwards above (lines 6-15) print the same years and are read as nothing.
    assert min(c.line for p in schedule.periods for r in p.rows for c in r.cells if c) > 16
    assert result.findings == []


def test_a_wrong_figure_in_an_untitled_account_table_is_found_at_its_cell():
    schedule, result = _read("cinder-optics-2017-years-as-columns-captions-only-row-typo")
    assert [r.label for r in schedule.periods[0].rows] == ["Allowance for doubtful accounts", "Warranty reserve"]
    (finding,) = result.findings
    assert (finding.check, finding.period, finding.row) == ("row_identity", "2016", "Warranty reserve")


def test_a_table_per_account_under_the_title_takes_each_account_from_its_caption():
    schedule, _ = _read("delta-looms-2005-years-as-columns-table-per-account-clean")
    assert [r.label for r in schedule.periods[0].rows] == [
        "Allowance for doubtful accounts", "Reserve for sales returns", "Inventory valuation reserve", "Total"]
    _, result = _read("ember-pharma-2007-years-as-columns-table-per-account-carry-break")
    (finding,) = result.findings
    assert (finding.check, finding.period, finding.row, finding.actual) == (
        "carry_forward", "2007", "Reserve for product returns", 2813)


def test_group_captions_over_the_accounts_of_one_table_are_no_row_and_no_column():
    schedule, result = _read("fennel-brands-2012-years-once-group-captions-clean")
    rows = [("Allowance for doubtful accounts", "item"), ("Allowance for inventory obsolescence", "item"),
            ("Total", "total")]
    assert _accounts(schedule) == [(2010, rows), (2011, rows), (2012, rows)]
    assert [c.heading for c in schedule.columns][0] == "Balance at Beginning of Period"
    assert result.findings == []
    schedule, result = _read("gypsum-works-2013-years-once-group-captions-row-typo")
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("column_total", "2012", "Total"), ("row_identity", "2012", "Environmental reserve")]


def test_an_account_caption_printed_as_a_sentence_is_not_evidence():
    text = (HTML / "basalt-shipping-2016-years-as-columns-captions-only-clean.htm").read_text()
    for caption in ("Allowance for doubtful accounts:", "Inventory obsolescence reserve:", "Total:"):
        text = text.replace(f"<b>{caption}</b>", f"<b>The following table shows our {caption[:-1].lower()}.</b>")
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules())
    assert result.error is not None and "no Schedule II found" in result.error.message


def test_accounts_as_columns_read_as_periods_of_accounts_named_by_their_headings():
    schedule, result = _read("hazel-textiles-2001-accounts-as-columns-clean")
    rows = [("Allowance for doubtful accounts", "item"), ("Reserve for inventory obsolescence", "item"),
            ("Total", "total")]
    assert _accounts(schedule) == [(1999, rows), (2000, rows), (2001, rows)]
    assert [p.label for p in schedule.periods][0] == "Year ended December 31, 1999"
    assert [c.heading for c in schedule.columns][0] == "Balance at Beginning of Period"
    assert result.findings == []


def test_accounts_as_columns_under_no_title_are_found_by_their_accounts_names():
    schedule, result = _read("ivory-brewing-2004-accounts-as-columns-untitled-row-typo")
    assert [r.label for r in schedule.periods[0].rows] == ["Allowance for doubtful accounts", "Reserve for returns",
                                                          "Total"]
    assert schedule.units == "thousands"
    assert sorted((f.check, f.period, f.row) for f in result.findings) == [
        ("column_total", "Year ended December 31, 2003", "Total"),
        ("row_identity", "Year ended December 31, 2003", "Reserve for returns")]
    # Headed by other than accounts (a note's segments), the same table is no schedule.
    text = (HTML / "ivory-brewing-2004-accounts-as-columns-untitled-row-typo.htm").read_text()
    text = text.replace("Allowance for doubtful accounts", "Americas").replace("Reserve for returns", "Europe")
    result = auditor.check_source(source.from_text(text, "t.htm"), auditor.load_rules())
    assert result.error is not None and "no Schedule II found" in result.error.message

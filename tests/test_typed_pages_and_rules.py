"""Typed 1990s layouts the typed-variation sweep (benchmarks/sweep_typed.py)
found misread or refused, each now read: a rule under a heading typed
narrower than it, ending short of the figures it rules; a table reopened
after a page break on its period's and group's captions, the headings typed
again under them; an untagged table's running head after a page break; a
figure equally near two columns whose row fills one of them on its second
line; a row label opening with a marker ("(a) Allowance ...", no colon), its
figures under it."""

import auditor
from auditor import source
from conftest import FIXTURES


def _read(name):
    result = auditor.check_source(source.from_text((FIXTURES / name).read_text(), name))
    assert result.error is None, result.error
    (schedule,) = result.schedules
    return schedule, result


def _rows(schedule):
    return [(p.label, r.label, [c.raw if c else None for c in r.cells]) for p in schedule.periods for r in p.rows]


def test_a_narrow_rule_under_a_heading_that_reaches_over_the_figures_rules_that_column():
    # "BALANCE AT BEGINNING OF YEAR" over "----------" centred under it, the figures
    # flush with the heading's end, right of the rule: the first figure column.
    schedule, result = _read("elm-ridge-1995-untagged-narrow-heading-rules.txt")
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    assert _rows(schedule)[0][2] == ["1,214", "386", "402", "1,198"]
    assert not result.findings


def test_a_table_reopened_on_its_captions_over_the_headings_typed_again_is_the_continuation():
    schedule, result = _read("fenwick-mills-1996-continuation-captions-over-headings.txt")
    assert [p.label for p in schedule.periods] == ["Year ended December 31, 1996", "Year ended December 31, 1995"]
    assert _rows(schedule)[-1][2] == ["877", "263", "206", "934"]
    assert not result.findings


def test_an_untagged_running_head_after_a_page_break_is_no_accounts_caption():
    schedule, _ = _read("garland-cutlery-1995-untagged-running-head-between-accounts.txt")
    labels = {(p.label[-4:], r.label) for p in schedule.periods for r in p.rows}
    assert ("1993", "Allowance for doubtful accounts") in labels
    assert not any("Garland" in label for _, label in labels)


def test_a_figure_equally_near_two_columns_is_the_one_its_second_line_leaves_free():
    schedule, result = _read("holloway-brass-1995-typed-second-line-figure-between-columns.txt")
    assert ("Year ended December 31, 1994", "Allowance for doubtful accounts",
            ["1,105", "356", "251", "1,210"]) in _rows(schedule)
    assert not result.findings


def test_a_row_label_opening_with_a_marker_its_figures_under_it_is_no_footnote():
    schedule, result = _read("linden-press-1995-marker-labels-figures-below.txt")
    rows = _rows(schedule)
    assert ("Year ended December 31, 1994", "(a) Allowance for doubtful accounts",
            ["610", "172", "140", "642"]) in rows
    assert ("Year ended December 31, 1995", "(c) Reserve for returns and allowances",
            ["205", "94", "88", "211"]) in rows
    assert not result.findings


def _cut(name, lines):
    text = "".join((FIXTURES / name).read_text().splitlines(keepends=True)[:lines])
    return auditor.check_source(source.from_text(text, name)).error


def test_a_file_ending_on_the_next_pages_running_head_is_cut_off():
    error = _cut("fenwick-mills-1996-continuation-captions-over-headings.txt", 23)  # "... page 2 of exhibit"
    assert error is not None and "page 2 of exhibit" in error.message and "cut off" in error.message


def test_a_file_ending_on_a_rows_label_opening_with_a_marker_is_cut_off():
    error = _cut("linden-press-1995-marker-labels-figures-below.txt", 21)  # 1994's "(a) Allowance ..." alone
    assert error is not None and "(a) Allowance for doubtful accounts" in error.message and "cut off" in error.message

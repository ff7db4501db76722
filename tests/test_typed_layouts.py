"""The real tables rendered in the text layouts of tests/test_real_tables.py,
then changed the way a 1990s typist's hand changes them (tests/typed.py):
figures off their column by a character or two, leader dots, tabs, a
running head after <PAGE>, nils typed "-0-", "none", "N/A", rules typed
with "_" or "=" or narrower than their columns, "$" set apart in the
gutter.  Each must read
back every figure where it is printed, with exactly the table's own errors.
Found this way (each now read): a column of nils typed unevenly split in
two when the columns come from the figures alone; a figure one space after
leader dots read as the label's last word, a small negative there as a
footnote marker, a figure touching the dots ("accounts......$1,234") as
part of the word; "-0-" and "$ none" were input errors; a new page's company
name taken as an account's caption.  And the one figure reader cases the
sweep cannot reach: a figure equally near two columns' figures is in none
(an input error naming its line and column, as tests/test_inputs.py has it)."""

import dataclasses
import json
from decimal import Decimal

import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from expect import expected_errors, reported_errors, row_name
from render import render
from auditor.frontends.text.aligned import column_for
from auditor.frontends.text.parse import Token
from test_real_tables import LAYOUTS, NAMES, SHARED, applicable
from typed import VARIATIONS, misaligned

# Each variation over the layouts that between them take every path it can break.
SWEEP = {
    "misaligned-1": ("seed-like", "flat-fiscal", "untagged-bare", "typed-second-line"),
    "misaligned-2": ("seed-like", "flat-fiscal", "untagged-bare", "letters-span-paged"),
    "leader-dots": ("seed-like", "untagged-bare"),
    "leader-dots-one-space": ("seed-like", "by-account", "first-cell-reopened", "span-untagged", "pem-framed-letters"),
    "spaced-leaders": ("seed-like", "typed-second-line"),
    "leader-dots-touching": ("seed-like", "flat-fiscal", "untagged-bare", "pem-framed-letters", "by-account"),
    # Dots run up to a nil word ("allowance........none", "2010.......nil") or dashes ("......-0-").
    "leader-dots-touching nil=none": ("seed-like", "by-account"),
    "leader-dots-touching nil=N/A": ("seed-like", "flat-fiscal"),
    "leader-dots-touching nil=-0-": ("seed-like", "untagged-bare"),
    "tabs": ("seed-like", "flat-fiscal", "pem-framed-letters"),
    "running-head": ("seed-like", "flat-fiscal", "by-account-form-feed"),
    # (Not flat-fiscal nor letters-span-paged: there cik863204-2000's continuation opens under a group
    # caption its first table lacks, an input error naming it: tests/test_page_continuations.py.)
    "split-lower-head": ("seed-like", "first-cell-reopened", "by-account-form-feed", "untagged-bare", "pem-framed-letters"),
    "nil=-0-": ("seed-like", "untagged-bare"),
    "nil=none": ("seed-like", "by-account"),
    "nil=N/A": ("seed-like", "flat-fiscal"),
    "underscore-rules": ("seed-like", "span-untagged"),
    "equals-rules": ("letters-span-paged",),
    # (Not flat-fiscal: its one-line headings 30 characters wide narrowed by a third leave the first
    # column's rule wholly left of its figures, in the label's area: an input error, not a guess.)
    "narrow-heading-rules": ("seed-like", "span-untagged", "letters-span-paged"),
    "dollars-apart": ("seed-like", "span-untagged"),
    # Double spaced: an untagged table goes on past two blank lines between blocks.
    "double-spaced": ("untagged-bare", "span-untagged", "typed-second-line"),
    # No rule under the headings, no <S>/<C> line: the columns from the figures, agreed with the
    # headings (cik854775-fy2000's blank "Charged to other accounts" keeps its heading).
    "unruled": ("seed-like", "flat-fiscal", "untagged-bare", "by-account", "first-cell-reopened", "typed-second-line"),
}
SWEEP["title-page-number"] = ("seed-like", "flat-fiscal", "untagged-bare", "by-account", "span-untagged",
                               "pem-framed-letters", "typed-second-line")
# Cases a variation cannot read yet, each for a reason of its own (strict: reading one is news).
# (None now: moodys-2013 unruled, its headings' last line opening with the label column's "YEAR ENDED
# DECEMBER 31,", is read since a period phrase with more text after it is a caption only where it names a year.)
PAST: dict[tuple[str, str, str], str] = {}


def _cases():
    for variation, layouts in SWEEP.items():
        for layout in layouts:
            for table in NAMES:
                reason = PAST.get((table, layout, variation))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                yield pytest.param(table, layout, variation, id=f"{table}-{layout}-{variation}", marks=marks)


@pytest.mark.parametrize("table,layout_name,variation", list(_cases()))
def test_a_typed_table_reads_back_exactly(shared, table, layout_name, variation):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    layout = applicable(spec, LAYOUTS[layout_name])
    variation, nil = _typed_nil(variation)
    if nil is not None:
        layout = dataclasses.replace(layout, nil=nil)
    rendered = render(spec, layout)
    _reads_back(spec, layout, VARIATIONS[variation](rendered) if variation in VARIATIONS else rendered)


# Three characters off, in every layout: a figure reaching under the next
# column's figures in other rows, its own row's figure there too; a
# column's figures either side of it, split in two by the figures alone and
# joined again (no row prints more figures than there are columns; the
# nearest edges first where a column's figures stand six characters apart);
# a figure reaching into a blank column's span from its own, or typed past
# its column's end nearer that column's figures than its own span's; a
# footnote marker left where it was, five spaces after its figure; a row
# printing a figure for every column, one of them nearer the next column's.
# (Not every table reads so far off: a figure equally near two columns'
# figures, in a row that leaves a column blank, is past what the figures can
# tell: an input error, as benchmarks/sweep_typed.py counts them.)
THREE_OFF_PAST = {("typed-second-line", "clorox-fy2011")}


@pytest.mark.parametrize("table,layout_name", [(t, name) for name in LAYOUTS for t in NAMES
                                               if (name, t) not in THREE_OFF_PAST])
def test_figures_three_off_read_back_where_they_stand(shared, table, layout_name):
    spec = json.loads((shared / "real-tables" / f"{table}.json").read_text())
    layout = applicable(spec, LAYOUTS[layout_name])
    _reads_back(spec, layout, misaligned(render(spec, layout), 3))


def _typed_nil(variation):
    """("leader-dots-touching", "none") of "leader-dots-touching nil=none"; ("", "-0-") of "nil=-0-"."""
    words = variation.split(" ")
    nil = next((w[len("nil="):] for w in words if w.startswith("nil=")), None)
    return " ".join(w for w in words if not w.startswith("nil=")), nil


def _reads_back(spec, layout, rendered):
    result = auditor.check_source(source.from_text(rendered.text, "exhibit.txt"))
    assert result.error is None, f"{result.error}\n{rendered.text}"
    (schedule,) = result.schedules
    got = {(c.line, c.column): (row_name(r.label), k, c.value, c.raw)
           for p in schedule.periods for r in p.rows for k, c in enumerate(r.cells) if c is not None}
    printed = {(f.line, f.start): (row_name(rendered.row_labels[(f.period, f.row)]), f.column, f.value, f.raw)
               for f in rendered.figures}
    assert got == printed, rendered.text
    assert [c.role for c in schedule.columns] == spec["roles"][1:]
    assert reported_errors(result) == expected_errors(spec, rendered, blank_nils=layout.nil == "")


def test_the_sweep_changes_what_it_says_it_changes():
    # Each variation prints something the plain layout does not (else it tests nothing).
    spec = json.loads((SHARED / "real-tables" / "chattem-2006.json").read_text())
    plain = render(spec, LAYOUTS["seed-like"])
    for name, vary in VARIATIONS.items():
        varied = vary(plain)
        assert varied.text != plain.text, name
        moved = {(f.line, f.start) for f in varied.figures} - {(f.line, f.start) for f in plain.figures}
        assert bool(moved) == (name in ("misaligned-1", "misaligned-2", "misaligned-3", "tabs", "running-head",
                                         "split-lower-head", "double-spaced", "unruled", "lone-nils")), name


def _schedule(name):
    (schedule,) = auditor.schedules(source.from_text((FIXTURES / name).read_text(), name), auditor.load_rules())
    return schedule


def test_figures_with_no_leading_zero_are_read_exactly():
    schedule = _schedule("marlowe-instrument-1996-millions-no-leading-zero.txt")
    cells = [[(c.raw, c.value) if c else None for c in r.cells] for p in schedule.periods for r in p.rows]
    assert cells[0][2] == (".3", Decimal("0.3"))
    assert cells[1][2] == ("(.2)", Decimal("-0.2"))
    assert cells[2][1] == (".5", Decimal("0.5"))
    assert cells[3][2] == ("(.1)", Decimal("-0.1"))


def test_a_figure_typed_off_its_column_is_read_in_the_column_it_is_flush_with():
    schedule = _schedule("wexford-tool-1994-typewriter-figures-off-column.txt")
    rows = {(p.fiscal_year, r.label): [c.raw if c else None for c in r.cells] for p in schedule.periods for r in p.rows}
    assert rows[(1994, "Allowance for doubtful accounts")] == ["1,210", "640", "430", "1,402"]
    assert rows[(1994, "Inventory obsolescence reserve")] == ["725", "310", "285", "750"]
    assert rows[(1993, "Warranty reserve")] == ["104", "20", None, "124"]


def test_figures_typed_off_a_ruled_column_read_where_they_stood():
    # A row printing a figure for every column is read one figure a column
    # even where a nil was typed nearer the next column's figures; a figure
    # typed left with its footnote marker five spaces after it keeps its
    # column and its marker.
    schedule = _schedule("hollis-gear-1994-typed-three-off-ruled.txt")
    rows = {(p.fiscal_year, r.label): r for p in schedule.periods for r in p.rows}
    raws = {key: [c.raw if c else None for c in r.cells] for key, r in rows.items()}
    assert raws[(1994, "Allowance for doubtful accounts")] == ["640", "212", "-", "187", "665"]
    assert raws[(1994, "Reserve for returns")] == ["1,315", "904", None, "951", "1,268"]
    deductions = rows[(1994, "Reserve for returns")].cells[3]
    assert deductions is not None and deductions.footnote == "(1)"


def _figure(text: str, column: int) -> Token:
    return Token("AMOUNT", text, 1, column, column + len(text))


def test_a_figure_equally_near_two_columns_figures_is_in_no_column():
    # Spans from column 30, 40 and 50; the first column's figures end at 37,
    # the third's at 43, the second prints none.  "1,234" reaches from the
    # first span into the second: its last digit two from 37 and four from
    # 43 is the first column's; at 40, three from each, it is no column's.
    starts, edges = [30, 40, 50], [37, None, 43]
    assert column_for(_figure("1,234", 35), starts, edges) == 0
    assert column_for(_figure("1,234", 36), starts, edges) is None
    # Wholly in the second span, it is the second column's: nothing says otherwise.
    assert column_for(_figure("12", 40), starts, edges) == 1


def test_a_figure_short_of_its_columns_figures_and_near_the_column_befores_is_that_columns():
    # The second column's figures end at 53, the first's at 41.  "310" ends
    # at 46, in the second span: seven short of its own column's figures,
    # five past the first's, it is the first's, typed right.  Ending at 47,
    # six short and six past, it is neither's; with a footnote marker set
    # after it ("310  (1)"), which ends near its column's figures, its span's.
    starts, edges = [30, 45, 60], [41, 53, 72]
    assert column_for(_figure("310", 44), starts, edges) == 0
    assert column_for(_figure("310", 45), starts, edges) is None
    assert column_for(_figure("310", 44), starts, edges, marked=52) == 1
    # The column before blank: its span's end (44) stands for its figures'.
    assert column_for(_figure("5", 45), starts, [None, 53, 72]) == 0


UNRULED = """                          SCHEDULE II
                       OVERLAP CO.
               VALUATION AND QUALIFYING ACCOUNTS

                                 Balance at     Charged     Written  Balance at
Description                       Beginning   to Income         Off         End
Year ended June 30, 1995
Allowance                             1,000         200         150       1,050
Returns reserve                       1,050            300       45       1,305
Claims reserve                   12,345,700              12,345,678          22
Notes reserve                           400          50          45         405
"""


def test_a_figure_reaching_under_the_next_columns_figures_is_read_where_it_is_flush():
    # No rules, no markers: the columns are where the figures stand.  The 300
    # typed three characters right reaches under the wide 12,345,678 of the
    # row below (one run of figures with it): it ends three from where the
    # 200 and 50 above and below it end, nine from the 45 of its own row.
    (schedule,) = auditor.schedules(source.from_text(UNRULED, "unruled.txt"), auditor.load_rules())
    assert len(schedule.columns) == 4
    returns = schedule.periods[0].rows[1]
    assert [c.raw if c else None for c in returns.cells] == ["1,050", "300", "45", "1,305"]
    assert [c.raw if c else None for c in schedule.periods[0].rows[2].cells] == ["12,345,700", None, "12,345,678", "22"]


def test_leader_dots_run_up_to_a_nil_word_leave_the_nil_a_figure():
    # "warranties........none", "reserve.......-0-", "closing.......N/A":
    # the first column's nil, not the label's last word (which left the
    # row's opening balance unread).
    schedule = _schedule("sutton-forge-1995-leader-dots-to-nils.txt")
    rows = {(p.fiscal_year, r.label): [c.raw if c else None for c in r.cells] for p in schedule.periods for r in p.rows}
    assert rows[(1995, "Reserve for product warranties")] == ["none", "150", "35", "115"]
    assert rows[(1995, "Recoveries reserve")] == ["-0-", "40", "N/A", "40"]
    assert rows[(1995, "Reserve for plant closing")] == ["N/A", "310", "125", "185"]
    assert rows[(1994, "Recoveries reserve")] == ["--", "none", "none", "--"]


def test_a_column_typed_three_off_either_side_is_one_column():
    # Its figures six characters apart at the most, no row printing two of
    # them: the figures alone split it in two (two "Deductions" columns, read
    # clean: both subtract); no row prints six figures.
    schedule = _schedule("colfax-mills-1993-typed-three-off-no-rules.txt")
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "charged_other", "deductions", "ending"]
    rows = {(p.fiscal_year, r.label): [c.raw if c else None for c in r.cells] for p in schedule.periods for r in p.rows}
    assert rows[(1993, "Reserve for returns")] == ["1,315", "904", "-", "951", "1,268"]
    assert rows[(1992, "Reserve for returns")] == ["1,296", "1,033", "20", "1,034", "1,315"]

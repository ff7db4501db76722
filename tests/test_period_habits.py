"""The 24 real tables with their periods named as real Schedule IIs name them
(period_habits: predecessor/successor stubs, transition periods, a period
from inception, 52/53-week years, "FY 2004", two-digit and numeric dates,
"(Restated)" and marks after a year, a year in an account's name), one habit
at a time, in text and HTML layouts that print the captions as given: every
figure read where it is printed, in the period it belongs to, that period's
fiscal year and end read off its caption, exactly the table's errors found;
a figure changed in every other table found at its cell.  A reading that is
wrong and says nothing is the failure this guards against; `measure` prints
right / silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_period_habits.py [VARIATION ...]
"""

from __future__ import annotations

import json
from datetime import date

import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from expect import expected_errors, printed_html_cells, read_cells, reported_errors
from habit_tally import each_case, tally
from period_habits import VARIATIONS
from render import render
from test_html_era_markup import TABLES, planted
from test_html_real_tables import SOFTWARE, STYLES, _rendered
from test_real_tables import LAYOUTS, applicable

RULES = auditor.load_rules()

# Layouts that print each period's caption as the spec gives it.
TEXT = ("seed-like", "span-untagged", "first-cell-reopened", "pem-framed-letters")
HTML = ("split", "single-cells", "page-break", "ixbrl", "period-first-row", "toppan")
ALL = TEXT + HTML


def _print(spec: dict, layout: str):
    if layout in TEXT:
        return render(spec, applicable(spec, LAYOUTS[layout])), "t.txt"
    return _rendered(spec, layout), "t.htm"


def outcome(spec: dict, variation: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused" | "n/a", what differed)."""
    spec = VARIATIONS[variation](spec)
    rendered, name = _print(spec, layout)
    if "subtitle" in spec and (not spec["subtitle"] or spec["subtitle"].lower() not in rendered.text.lower()):
        return "n/a", "the title names no years, or the layout prints no subtitle"
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    if result.error is not None:
        return "refused", str(result.error)
    got, want = reported_errors(result), expected_errors(spec, rendered)
    if got != want:
        return "wrong", f"findings: extra {sorted(got - want)} missing {sorted(want - got)}"
    cells = {k: v[1] for k, v in read_cells(result.schedules).items()}
    printed = {k: v[1] for k, v in printed_html_cells(rendered).items()}
    if cells != printed:
        extra = sorted(set(cells.items()) - set(printed.items()))[:3]
        missing = sorted(set(printed.items()) - set(cells.items()))[:3]
        return "wrong", f"cells: read {extra} not printed {missing}"
    periods = [p for s in result.schedules for p in s.periods]
    with_figures = len({f.period for f in rendered.figures})  # (a period printing no figure may go unread)
    if not with_figures <= len(periods) <= len(spec["periods"]):
        return "wrong", f"{len(periods)} periods read, {len(spec['periods'])} printed"
    of = {(f.line, f.start): f.period for f in rendered.figures}
    # (A period printing no figure, its rows' labels alone, is the printed period no figure places, in order.)
    blank = iter(k for k in range(len(spec["periods"])) if k not in set(of.values()))
    for p in periods:
        placed = {of[(c.line, c.column)] for r in p.rows for c in r.cells if c and (c.line, c.column) in of}
        if not placed and p.rows:
            placed = {next(blank, -1)}
        if len(placed) != 1 or -1 in placed:
            return "wrong", f"period {p.label!r} holds figures of periods {sorted(placed)}"
        year, end = spec["periods"][placed.pop()]["want"]
        if p.fiscal_year != year or (end is not None and p.end_date != date.fromisoformat(end)):
            return "wrong", f"period {p.label!r} read as {p.fiscal_year} ending {p.end_date} (printed {year}, {end})"
    return "right", ""


def cases(path):
    spec = json.loads(path.read_text())
    yield "clean", spec
    if TABLES.index(path) % 2 == 0:
        yield "planted", planted(spec)


# Habits not read, each an input error naming its place, never a reading, by layout: none now.
# (A two-digit year or "Year 3" in a row's first cell before the account's name, "Dec. 31, 03
# Allowance ...", is read as the period's caption: the grammar's COUNT, never a figure.)
# (Under a heading restated, cik863204's seed-like layout types "BALANCE AT" on the line of the
# footnote numbers over the next columns, "BALANCE AT     (1)        (2)": a heading line, its
# markers the next columns' notes, over the <S> line or, untagged, over a line of headings.)
REFUSED: dict[str, set[str]] = {}
# Habits read otherwise than printed, by layout: none now.  (Under a title counting or listing
# five years over blocks of the same accounts, cik947425's oldest year prints its labels alone, no
# figure: in the text layout reopening its table after the first block, they are that year's rows,
# its figures blank, not captions: five blocks for five years.)
UNREAD: dict[str, set[str]] = {}


@pytest.mark.parametrize("layout", ALL)
@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_real_tables_with_periods_named_as_filers_name_them_read_exactly(variation, layout, request):
    if layout in UNREAD.get(variation, ()):
        request.applymarker(pytest.mark.xfail(strict=True, reason="blocks read as fewer periods than printed"))
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, variation, layout)
            if verdict == "wrong" or verdict == "refused" and layout not in REFUSED.get(variation, ()):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def test_each_habit_changes_the_tables():
    # (Not every one: "Year 2018" is already printed so; two periods ending in one year keep their dates;
    # a restated opening needs a charge to costs and a heading naming the beginning.)
    def printed(spec):  # (the captions, the rows' labels and figures, the headings)
        return [(p["label"], [(r["label"], r["cells"]) for r in p["rows"]]) for p in spec["periods"]], spec["columns"]
    specs = [json.loads(path.read_text()) for path in TABLES]
    for name, vary in VARIATIONS.items():
        assert sum(printed(vary(spec)) != printed(spec) for spec in specs) >= (15 if name == "restated-opening" else 20), name


def _periods(path):
    result = auditor.check_source(source.read(str(path)), RULES)
    assert result.error is None, result.error
    return [(p.fiscal_year, str(p.end_date)) for s in result.schedules for p in s.periods]


def test_a_period_from_one_date_to_another_ends_on_the_last():
    """Stubs around a fresh start: "Successor: Period from March 1, 2003 to December 31, 2003"
    ends December 31, not March 1 (the first date it names)."""
    assert _periods(FIXTURES / "html" / "osprey-marine-2003-stub-periods-clean.htm") == [
        (2003, "2003-12-31"), (2003, "2003-02-28"), (2002, "2002-12-31")]


def test_weeks_and_inception_captions_are_read_whole():
    assert _periods(FIXTURES / "wren-stores-1998-weeks-and-inception-clean.txt") == [
        (1998, "1998-01-31"), (1997, "1997-02-01"), (1996, "1996-02-02")]


@pytest.mark.parametrize("path", ["html/plover-retail-2004-two-digit-years-clean.htm",
                                  "teal-mills-1999-numeric-dates-first-cell-clean.txt"])
def test_two_digit_years_name_their_periods(path):
    assert [year for year, _ in _periods(FIXTURES / path)] == [int(path.split("-")[2]) - k for k in range(3)]


def test_an_account_opening_with_a_year_is_no_period_caption():
    from auditor.labels import is_period
    assert not is_period("1996 restructuring reserve") and not is_period("1995 STORE CLOSING RESERVE")
    assert is_period("1996") and is_period("1996 and 1995") and is_period("2003 (Restated)")


def test_blocks_without_captions_are_years_where_their_balances_carry_on():
    """Blocks of the same rows, no caption, no year in the title: periods, newest first by the
    carry; the same accounts under two sections and a grand total (no balance carried from one
    to the other) stay one period."""
    path = FIXTURES / "tansy-freight-1997-blocks-without-captions-clean.txt"
    assert _periods(path) == [(None, "None")] * 3
    result = auditor.check_source(source.read(str(path)), RULES)
    assert result.schedules[0].reading.order == (2, 1, 0)
    head = path.read_text().split("<S>")[0]
    sections = head + """<S>                               <C>        <C>        <C>        <C>         <C>
Allowance for doubtful accounts   $   2,118  $   1,304  $      56  $    1,187  $   2,291
Reserve for cargo claims              3,476      2,915          -       3,062      3,329

Allowance for doubtful accounts         870        416         41         309      1,018
Reserve for cargo claims              1,102        688          -         314      1,476
                                  ---------  ---------  ---------  ----------  ---------
Total                             $   7,566  $   5,323  $      97  $    4,872  $   8,114
</TABLE>
"""
    got = auditor.check_source(source.from_text(sections, "t.txt"), RULES)
    assert got.error is None and [len(s.periods) for s in got.schedules] == [1]


def measure(only: list[str]) -> None:
    tally(sorted(only or VARIATIONS), ALL, each_case(TABLES, cases, outcome))


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])


def test_a_two_digit_year_in_a_rows_first_cell_is_its_periods_caption():
    """"DEC. 31, 03   Allowance for doubtful accounts   $ 1,284 ...": "03" is the year, not a figure."""
    assert _periods(FIXTURES / "kestrel-optics-2003-two-digit-years-in-first-cell-clean.txt") == [
        (2003, "2003-12-31"), (2002, "2002-12-31"), (2001, "2001-12-31")]


def test_year_ten_and_a_short_date_one_blank_before_the_account_caption_their_periods():
    """"YEAR 12   Allowance ..." and "SEP. 30, 03 Allowance ...": the period's caption, not a figure."""
    assert [p for p, _ in _labels(FIXTURES / "petrel-instruments-2004-year-ten-in-first-cell-clean.txt")] == [
        "YEAR 12", "YEAR 11", "YEAR 10"]
    assert _periods(FIXTURES / "merlin-lens-2003-short-date-one-blank-in-first-cell-clean.txt") == [
        (2003, "2003-09-30"), (2002, "2002-09-30"), (2001, "2001-09-30")]
    assert {r for _, rows in _labels(FIXTURES / "merlin-lens-2003-short-date-one-blank-in-first-cell-clean.txt")
            for r in rows} == {"Allowance for doubtful accounts", "Reserve for inventory obsolescence", "Total"}


def test_labels_alone_before_the_headings_typed_again_are_the_first_years_rows():
    """A first block printing its accounts' labels alone (nils blank) in a table closed at a page's
    foot: that year's rows, not captions: three blocks under a title counting three years."""
    path = FIXTURES / "heron-valve-2006-first-year-labels-alone-reopened-clean.txt"
    assert _periods(path) == [(2004, "2004-06-30"), (2005, "2005-06-30"), (2006, "2006-06-30")]
    assert _labels(path)[0][1] == ["Allowance for doubtful accounts", "Reserve for warranty claims"]


def test_a_balance_at_beginning_headed_restated_is_not_carried_from_the_year_before():
    result = auditor.check_source(source.read(str(FIXTURES / "sorrel-paper-2019-opening-as-restated-clean.txt")), RULES)
    assert result.error is None and result.findings == []
    reading = result.schedules[0].reading
    assert reading.carry == () and "printed restated" in reading.carry_basis


def _labels(path):
    result = auditor.check_source(source.read(str(path)), RULES)
    assert result.error is None, result.error
    return [(p.label, [r.label for r in p.rows]) for s in result.schedules for p in s.periods]

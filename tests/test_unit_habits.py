"""The 24 real tables with their amounts and units printed as filers print them (unit_habits:
cents on every figure, whole dollars with cents, millions to one place, no thousands separators,
balances and totals a unit off from rounding and three units off, "(000's omitted)", "(Dollars
in thousands)", "$000's" and "$000" over each column as rows of the table, the units the table's
first row, "$" on every figure, on the first row and totals only, on none, or in a column of its
own, one column in millions among thousands), one habit at a time, in text tagged and untagged,
typed, HTML and filing software's HTML (Workiva's inline XBRL, Toppan's): every figure read where
it is printed, exactly the table's errors found (tests/expect.py: the figures as printed are the
truth, a difference within half a unit of each figure a rounding one), a figure changed in every
other table found at its cell.  A column in other units than the rest must be refused or warned,
never added to them.  `measure` prints right / silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_unit_habits.py [HABIT ...]
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
import pytest

import auditor
from auditor import source
from conftest import FIXTURES
from expect import expected_errors
from habit_tally import habit_cases, misread, tally
from render import render
from render_html import HtmlStyle, place_sentinels
from render_html import render as render_html
from render_software import NOTE, _header, _relabel, edit as software_edit
from test_html_era_markup import TABLES
from test_html_real_tables import SOFTWARE
from test_real_tables import LAYOUTS, applicable
from test_text_era import cases  # (each table, and every other one with a figure changed)
from unit_habits import HABITS

RULES = auditor.load_rules()

TEXT = {"text-tagged": LAYOUTS["seed-like"], "text-untagged": LAYOUTS["span-untagged"],
        "typed": LAYOUTS["typed-second-line"]}
HTML = {"html": None, "workiva": SOFTWARE["workiva"], "dfin": SOFTWARE["dfin"], "toppan": SOFTWARE["toppan"]}
LAYOUT_NAMES = [*TEXT, *HTML]


def _software(spec: dict, software, habit):
    """render_software's page, the habit's markup edit made before the figures are placed."""
    html = habit.style(software.html) if habit.style else software.html
    software = replace(software, html=html)
    spec = _relabel(copy.deepcopy(spec), software)
    style = replace(html, nil="None") if software.nil_words else html
    rendered = render_html(spec, style, before=_header() if software.ix_header else "", sentinels=True)
    text = software_edit(rendered.text, spec, software)
    if software.label_notes:
        text = text.replace(NOTE, "<sup>(1)</sup>")
        rendered.row_labels = {k: v.replace(NOTE, "(1)") for k, v in rendered.row_labels.items()}
    rendered.text = habit.markup(text) if habit.markup else text
    return place_sentinels(rendered)


def _print(spec: dict, habit: str, layout: str):
    h = HABITS[habit]
    if layout in TEXT:
        shape = applicable(spec, TEXT[layout])
        rendered = render(spec, h.layout(shape) if h.layout else shape)
        return (h.text(rendered) if h.text else rendered), "t.txt"
    if layout == "html":
        style = h.style(HtmlStyle()) if h.style else HtmlStyle()
        rendered = render_html(spec, style, sentinels=True)
        if h.markup:
            rendered.text = h.markup(rendered.text)
        return place_sentinels(rendered), "t.htm"
    return _software(spec, HTML[layout], h), "t.htm"


def applies(habit: str, layout: str) -> bool:
    h = HABITS[habit]
    if h.tagged_only and layout != "text-tagged":
        return False
    if layout not in TEXT and not (h.spec or h.style or h.markup):
        return False
    return True


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused" | "n/a", what differed)."""
    h = HABITS[habit]
    if not applies(habit, layout):
        return "n/a", ""
    if h.spec is not None:
        spec = h.spec(spec)
        if spec is None:
            return "n/a", ""
    rendered, name = _print(spec, habit, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    if h.not_read:
        if result.error is not None:
            return "right", str(result.error)
        warned = [f for f in result.findings if f.severity == "warning"]
        return ("right", "warned") if warned else ("wrong", "read as one table's figures, no warning")
    return misread(result, rendered, lambda: expected_errors(spec, rendered), h.units) or ("right", "")


def _verdicts(habit: str, layout: str):
    for path in TABLES:
        for kind, s in cases(path):
            yield (f"{path.stem}/{kind}", *outcome(s, habit, layout))


# Not read right yet (strict: a fix must take it off): (habit, layout) -> what it gives instead.
UNREAD: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("habit, layout", list(habit_cases(LAYOUT_NAMES, sorted(HABITS), UNREAD)))
def test_real_tables_with_unit_habits_read_exactly(habit, layout):
    failures = [(case, verdict, why[:300]) for case, verdict, why in _verdicts(habit, layout)
                if verdict in ("wrong", "refused")]
    assert failures == []


def test_each_habit_applies_to_enough_tables():
    import json

    specs = [json.loads(path.read_text()) for path in TABLES]
    for name, habit in HABITS.items():
        assert habit.spec is None or sum(habit.spec(s) is not None for s in specs) >= 4, name


def measure(only: list[str]) -> None:
    tally(sorted(only or HABITS), LAYOUT_NAMES, _verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])


def test_off_by_three_plants_an_error_off_by_one_does_not():
    """The rounding habits test the tolerance: a unit off is no error anywhere, three units off
    are one more error in every table (expect.py's arithmetic, which the check must agree with)."""
    import json

    for path in TABLES:
        spec = json.loads(path.read_text())
        clean = expected_errors(spec, render(spec, TEXT["text-tagged"]))
        one, three = (HABITS[h].spec(spec) for h in ("row-off-by-one", "row-off-by-three"))
        assert expected_errors(one, render(one, TEXT["text-tagged"])) == clean, path.stem
        assert len(expected_errors(three, render(three, TEXT["text-tagged"])) - clean) >= 1, path.stem


# Refused by design: kept out of tests/fixtures, whose every exhibit the corpus tests expect read.
UNITS_FIXTURES = Path(__file__).parent / "refused" / "units"


@pytest.mark.parametrize("name", ["kittredge-foundry-1997-column-in-millions.txt",
                                  "kittredge-foundry-1997-column-in-millions.htm"])
def test_a_column_in_other_units_is_refused_naming_it(name, capsys):
    """"Charged to costs and expenses (in millions)" among figures in thousands: an input error
    naming the file, its line and the column (exit 2), never its figures added to the others."""
    from auditor import cli

    assert cli.main(["check", "--no-cache", str(UNITS_FIXTURES / name)]) == 2
    line = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert len(line) == 1 and name in line[0] and "(in millions)" in line[0].lower() and "thousands" in line[0]
    # (the line named is the headings', where the column says "(in millions)", not the title's: s31)
    printed = (UNITS_FIXTURES / name).read_text().splitlines()
    headings = next(n for n, text in enumerate(printed, 1)
                    if ("CHARGED TO" in text if name.endswith(".txt") else "<tr" in text))
    assert f"{name}:{headings}: " in line[0]


def test_a_row_of_dollar_000_over_the_columns_is_no_row_of_zeros():
    result = auditor.check_file(str(FIXTURES / "kittredge-foundry-1997-units-per-column-clean.txt"))
    assert result.error is None and not result.findings
    assert [[r.label for r in p.rows] for s in result.schedules for p in s.periods] == \
        [["Allowance for doubtful accounts", "Reserve for inventory obsolescence", "Total"]] * 3


@pytest.mark.parametrize("path", [FIXTURES / "kittredge-foundry-1997-units-per-column-clean.txt",
                                  FIXTURES / "html" / "pembroke-casting-1998-units-per-column-clean.htm",
                                  FIXTURES / "html" / "pembroke-casting-1998-units-per-column-charge-typo.htm"])
def test_units_over_each_column_are_the_tables_units(path):
    """"$000" (text) or "($000)" (HTML) alone over each figure column, no units line above the
    table: the schedule's units are thousands (None before s37)."""
    result = auditor.check_file(str(path))
    assert result.error is None and [s.units for s in result.schedules] == ["thousands"]


@pytest.mark.parametrize("printed, units", [
    ("$000", "thousands"), ("$000      $000      $000      $000", "thousands"), ("$ 000 $ 000", "thousands"),
    ("($000)", "thousands"), ("($000s)", "thousands"), ("$000s", "thousands"), ("(000's)", "thousands"),
    ("($000's)", "thousands"), ("Balance at End of Year ($000)", "thousands"),
    ("Reserve over $000", None), ("Claims over $000 each", None), ("000", None), ("000   000", None),
    ("$000,000", None), ("$000,000's", "millions"), ("(000,000 omitted)", "millions"), ("($000,000)", "millions"),
    ("$000  $1,234", None), ("$1,000", None), ("1000", None)])
def test_units_are_read_from_units_alone_never_a_label_or_a_figure(printed, units):
    """labels.stated_units, every front end's reader of units: "$000" bare only where it is all the
    line or cell says; in parentheses or with "'s" anywhere; never a figure or words around it."""
    from auditor.labels import stated_units

    assert stated_units(printed) == units


def test_a_dollar_column_of_its_own_is_its_figures_dollar():
    result = auditor.check_file(str(FIXTURES / "kittredge-foundry-1997-dollar-column-clean.txt"))
    assert result.error is None and not result.findings
    assert [c.role for s in result.schedules for c in s.columns] == ["beginning", "charged_costs", "deductions", "ending"]


@pytest.mark.parametrize("heading", ["(in thousands)", "In Thousands", "(IN MILLIONS)", "Dollars in billions",
                                     "$000's", "(000 omitted)", "Thousands of dollars", "MILLIONS OF DOLLARS"])
def test_the_units_words_find_every_heading_stating_units(heading):
    """labels.UNIT_WORDS, the cheap test reading.units makes before searching labels.UNITS, finds
    every units statement UNITS reads, in the cases headings print them."""
    from auditor.labels import UNIT_WORDS, UNITS

    assert UNITS.search(heading) and any(word in heading for word in UNIT_WORDS)


@pytest.mark.parametrize("units", ["thousands", "millions", "dollars"])
def test_every_rendered_case_states_its_units_and_misread_compares_them(units):
    """Each renderer prints the spec's units (text: its layout's units line in the spec's words, none
    for a table in dollars; HTML: the title's; inline XBRL: the facts' scale) and says so on the
    Rendered record, where habit_tally.misread compares them with the units read at every call site
    (s38: text printed "(In thousands)" whatever the spec's units, and only the unit habits compared)."""
    import json
    from types import SimpleNamespace

    spec = dict(json.loads(TABLES[0].read_text()), units=units)
    scale = {"thousands": 3, "millions": 6}.get(units, 0)
    for rendered, name in ((render(spec, TEXT["text-tagged"]), "t.txt"),
                           (place_sentinels(render_html(spec, HtmlStyle(), sentinels=True)), "t.htm"),
                           (place_sentinels(render_html(spec, HtmlStyle(ixbrl=True), sentinels=True)), "t.htm")):
        assert rendered.units == units
        assert ("thousands" in rendered.text.lower()) == (units == "thousands")
        assert ("millions" in rendered.text.lower()) == (units == "millions")
        if "ix:nonFraction" in rendered.text:
            assert f'scale="{scale}"' in rendered.text and 'scale="3"' not in rendered.text.replace(f'scale="{scale}"', "")
        result = auditor.check_source(source.from_text(rendered.text, name), RULES)
        assert misread(result, rendered, lambda: expected_errors(spec, rendered)) is None, name
        other = SimpleNamespace(error=None, schedules=[replace(s, units="billions") for s in result.schedules],
                                findings=result.findings)
        assert misread(other, rendered, lambda: expected_errors(spec, rendered))[0] == "wrong"


TWO_LINE_TITLE = FIXTURES / "corliss-pump-2003-units-on-schedule-line-of-two-line-title.txt"


def test_units_on_the_schedule_number_line_of_a_title_typed_over_two_lines_are_the_tables():
    """"SCHEDULE II (Dollars in millions)" over "VALUATION AND QUALIFYING ACCOUNTS": the table is located
    at the second line, its units read from the title's lines above it (not stated before s39-vocab);
    a sentence over a title with no schedule's number heading it is no title's line, its units not read."""
    (schedule,) = auditor.check_file(str(TWO_LINE_TITLE)).schedules
    assert schedule.line == 3 and schedule.units == "millions"
    lines = TWO_LINE_TITLE.read_text().split("\n")
    prose = ["The amounts below are stated in millions of dollars."] + lines[2:]
    (schedule,) = auditor.check_source(source.from_text("\n".join(prose), "exhibit.txt")).schedules
    assert schedule.units is None
    apart = lines[:2] + [""] + lines[2:]  # (a blank line between the title's lines)
    (schedule,) = auditor.check_source(source.from_text("\n".join(apart), "exhibit.txt")).schedules
    assert schedule.units == "millions"

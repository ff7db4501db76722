"""The front ends behind one signature, found through one registry; the
pipeline runs the reading stage on what each lays out."""

import inspect
import sys
import types

import auditor
from auditor import frontends, pipeline, reading, source
from auditor.model import Column, Period, Row, Schedule
from auditor.ruleset import rules
from conftest import FIXTURES

RULES = rules.load()
HARROW = (FIXTURES / "harrow-beverage-1997-one-year-tables.txt").read_text()
HEADINGS = ("Balance at beginning of period", "Charged to costs and expenses", "Deductions", "Balance at end of period")


def test_every_registered_front_end_lays_out_tables_behind_the_same_signature():
    expected = ["src", "vocabulary", "read"]
    for kind in frontends.FRONT_ENDS:
        module = frontends.front_end(kind)
        assert list(inspect.signature(module.tables).parameters) == expected, kind


def test_a_new_input_format_is_a_front_end_package_and_a_registry_line(monkeypatch):
    """A made-up format whose front end lays out one table: the pipeline reads
    its columns' roles (the front end leaves them unassigned) and checks it."""
    cells = [None, None, None, None]

    def tables(src, vocabulary, read):
        row = Row("Allowance", "item", tuple(cells), 1)
        columns = tuple(Column(h, None, k, k + 1) for k, h in enumerate(HEADINGS))
        return [Schedule("Valuation and qualifying accounts", None, columns, (Period("2020", (row,), 1, 2020),), 1)]

    module = types.ModuleType("made_up_front_end")
    module.tables = tables
    monkeypatch.setitem(sys.modules, "made_up_front_end", module)
    monkeypatch.setitem(frontends.FRONT_ENDS, "made-up", "made_up_front_end")
    (schedule,) = pipeline._read("made-up", source.from_text("anything\n", "x.dat"), RULES)
    assert [c.role for c in schedule.columns] == ["beginning", "charged_costs", "deductions", "ending"]
    assert schedule.reading is not None


def _count_readings(monkeypatch) -> list:
    """The fiscal years of each table the reading stage is given, as it is given them."""
    calls = []
    assign = reading.assign

    def counted(schedule, ruleset, path=None):
        calls.append([p.fiscal_year for p in schedule.periods])
        return assign(schedule, ruleset, path)

    monkeypatch.setattr(reading, "assign", counted)
    return calls


def test_one_year_text_tables_are_joined_by_their_reading_and_each_table_read_once(monkeypatch):
    calls = _count_readings(monkeypatch)
    (schedule,) = auditor.schedules(source.from_text(HARROW, "h.txt"), RULES)
    assert [p.fiscal_year for p in schedule.periods] == [1997, 1996, 1995]
    # Each year's table read to decide the join, then the joined schedule: no table twice.
    assert sorted(calls) == sorted([[1997], [1996], [1995], [1997, 1996, 1995]])


def test_the_lines_outside_some_documents_are_the_rest_of_the_file():
    assert pipeline._outside([(3, 5), (9, 9)], 12) == [(1, 2), (6, 8), (10, 12)]
    assert pipeline._outside([(1, 4)], 4) == []
    assert pipeline._outside([], 3) == [(1, 3)]


def test_one_year_text_tables_left_apart_are_read_once_each(monkeypatch):
    calls = _count_readings(monkeypatch)
    pages = HARROW.split("<PAGE>")
    text = "<PAGE>".join(pages[:2] + pages[3:])  # 1997 and 1995: no 1996, nothing joins
    schedules = auditor.schedules(source.from_text(text, "h.txt"), RULES)
    assert [[p.fiscal_year for p in s.periods] for s in schedules] == [[1997], [1995]]
    assert sorted(calls) == [[1995], [1997]]  # read to decide, and that reading kept


def test_front_ends_leave_the_roles_to_the_reading_stage():
    html = (FIXTURES / "html" / "garnet-mining-2010-unlabelled-total.htm").read_text()
    for kind, text in (("text", HARROW), ("html", html)):
        laid_out = frontends.front_end(kind).tables(source.from_text(text, "f"), frontends.vocabulary_of(RULES),
                                                    lambda s: reading.assign(s, RULES))
        assert laid_out and all(c.role is None and s.reading is None for s in laid_out for c in s.columns), kind


def test_a_front_end_is_imported_only_when_an_input_of_its_kind_comes():
    import subprocess

    code = ("import sys, auditor; auditor.check_file(sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.startswith('auditor.frontends.')))")
    out = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "harrow-beverage-1997-one-year-tables.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert "auditor.frontends.text" in out and "auditor.frontends.html" not in out and "xbrl" not in out

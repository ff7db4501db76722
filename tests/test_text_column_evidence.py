"""Typed text tables read by their columns' evidence (issue 12): a
double-spaced untagged table goes on under an account's caption whatever
its words, where the rows under it print figures in the table's columns; a
blank column of an unruled table keeps its heading; a nil alone on its row
between two columns' figures makes no column of its own."""

import auditor
from auditor import source
from conftest import FIXTURES


def _schedule(name):
    (schedule,) = auditor.schedules(source.from_text((FIXTURES / name).read_text(), name), auditor.load_rules())
    return schedule


def _rows(schedule):
    return {(p.fiscal_year, r.label): [c.raw if c else None for c in r.cells] for p in schedule.periods for r in p.rows}


def test_a_double_spaced_table_goes_on_under_captions_that_name_no_reserve():
    rows = _rows(_schedule("bristol-appliance-1996-double-spaced-account-captions.txt"))
    assert len(rows) == 9
    assert rows[(1995, "Warranty")] == ["790", "286", "231", "845"]
    assert rows[(1994, "Restructuring")] == ["--", "250", "50", "200"]


def test_a_double_spaced_table_stops_at_prose_after_two_blank_lines():
    # The caption's line is no caption, or the row under it keeps none of the
    # table's column edges: the table ends at its last row, as before.
    text = (FIXTURES / "bristol-appliance-1996-double-spaced-account-captions.txt").read_text()
    cut = text.index("Warranty")
    moved = text[:cut] + "Warranty\n\n  Year ended December 31, 1996   $  845   $  312   $  401   $  756\n"
    (schedule,) = auditor.schedules(source.from_text(moved, "moved.txt"), auditor.load_rules())
    assert len(_rows(schedule)) == 3

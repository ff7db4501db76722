"""A table typed without <TABLE> tags (1993-1996 EDGAR text): its extent and
its headings decided by its column edges and its rows, not by tags."""

import json
import sys
from pathlib import Path

import auditor
from auditor import source
from auditor.frontends.text import locate
from conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(Path(__file__).parent))


def _schedule(name):
    result = auditor.check_source(source.from_text((FIXTURES / name).read_text(), name))
    assert result.error is None
    (schedule,) = result.schedules
    return schedule


def _rows(schedule):
    return [(p.fiscal_year, r.label, [c.raw if c else None for c in r.cells]) for p in schedule.periods for r in p.rows]


def test_the_last_rows_label_wrapped_under_it_is_read_whole():
    name = "kestrel-tool-1994-untagged-last-label-wrapped.txt"
    (region,) = locate.regions(source.from_text((FIXTURES / name).read_text(), name))
    assert region.last == 25  # "  from inventories", not the row's line, nor "See accompanying notes."
    assert _rows(_schedule(name))[-1] == (1993, "Reserve for inventory obsolescence deducted from inventories",
                                         ["801", "199", "170", "830"])


def test_a_label_columns_heading_with_no_year_is_a_heading_not_a_period_caption():
    schedule = _schedule("harrow-marine-1995-untagged-label-column-heading.txt")
    assert [(c.heading, c.role) for c in schedule.columns] == [
        ("COLUMN B Balance at Beginning of the Year", "beginning"),
        ("COLUMN C Additions", "charged_costs"),
        ("COLUMN D Write-offs and Adjustments", "writeoffs"),
        ("COLUMN E Balance at End of the Year", "ending"),
    ]


def test_a_continuation_page_keeps_the_column_edges_of_the_pages_before():
    rows = _rows(_schedule("pelham-foundry-1995-untagged-paged-blank-column.txt"))
    assert rows[-1] == (1994, "Inventory reserve", ["842", "281", "40", "253", "910"])
    assert len(rows) == 4


def test_a_table_reopened_after_a_page_break_prints_no_tags_when_typed_without():
    # (The sweep's "tags=no": the typist re-types the headings after <PAGE>, with no <TABLE> to reopen.)
    import dataclasses

    from render import render
    from test_real_tables import LAYOUTS, applicable

    spec = json.loads((SHARED / "real-tables" / "chattem-2006.json").read_text())
    layout = dataclasses.replace(applicable(spec, LAYOUTS["first-cell-reopened"]), table_tags=False)
    text = render(spec, layout).text
    assert "<PAGE>" in text and "TABLE>" not in text
    assert auditor.check_source(source.from_text(text, "exhibit.txt")).error is None

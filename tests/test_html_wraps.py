"""Labels wrapped over two rows (frontends/html/wraps): the structure that joins a
Title Case label's lines must join no two rows of the real filings' tables (their
captions without a ":" over one row: "Operating activities" over "Net income",
"Senior notes" over "5.1% due 2012").  Every <table> of the 8 real filings that
frames as rows of figures is read as the layout reads a schedule's part, and its
joins counted (0 before the mechanism, 0 after)."""

from __future__ import annotations

import pytest

from auditor import source
from auditor.frontends.html import grid as html_table
from auditor.frontends.html import layout, locate
from auditor.frontends.html.wraps import wrapped
from conftest import SHARED


def joins(path) -> tuple[int, list[tuple[int, int]]]:
    """(tables framed, [(line of a phrase, line of the row it was joined to)])."""
    doc = locate.Document(source.from_bytes(path.read_bytes(), str(path)))
    framed, found = 0, []
    for start, end in doc.tables:
        grid = html_table.read(doc.text, start, end, doc.line_starts)
        f = layout.frame(grid)
        if f is None:
            continue
        framed += 1
        first = f.heading_rows[-1] + 1 if f.heading_rows else 0
        found += [(grid.row_lines[t], grid.row_lines[r]) for t, r in wrapped(layout.wrap_lines(grid, f, first)).items()]
    return framed, found


FILINGS = sorted(p for p in (SHARED / "filings").glob("*/*.htm*"))


@pytest.mark.parametrize("path", FILINGS, ids=lambda p: p.parent.name)
def test_no_two_rows_of_a_real_filing_s_tables_are_joined(path):
    framed, found = joins(path)
    assert framed and found == []

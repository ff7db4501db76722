"""A heading line of words and footnote markers over an untagged table's headings, and a page
number typed right under a page's last row (s31-markers): read as headings and as furniture, and
nothing else taken so (a bare number under a figure column, a first row of small negatives)."""

from __future__ import annotations

from auditor import pipeline, source
from auditor.ruleset import rules
from conftest import FIXTURES

RULESET = rules.load()
PAGED = FIXTURES / "harrow-cartage-1996-untagged-page-number-under-row-clean.txt"
MARKED = FIXTURES / "garnet-mills-2001-untagged-markers-in-heading-clean.txt"


def check(text: str) -> pipeline.FileResult:
    return pipeline.check_source(source.from_text(text, "t.txt"), RULESET)


def figures(result: pipeline.FileResult) -> list:
    return [c for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c is not None]


def _page_line(mark: str) -> str:
    lines = PAGED.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "- 32 -" in line)
    return "\n".join([*lines[:at], mark, *lines[at + 1 :]]) + "\n"


def test_a_page_number_centred_or_at_the_margin_under_the_last_row_is_furniture():
    counts = set()
    for mark in ("%40s" % "32", "%40s" % "- 32 -", "32", "Page 32"):
        result = check(_page_line(mark))
        assert result.error is None, mark
        assert not result.findings, mark
        counts.add(len(figures(result)))
    assert counts == {len(figures(check(_page_line(""))))} and 0 not in counts
    assert len(counts) == 1


def test_a_bare_number_under_a_figure_column_is_never_dropped():
    for end in (47, 48, 60):  # (the first column's figures end at 47, the second's at 60)
        result = check(_page_line("%*s" % (end, "32")))
        clean = result.error is None and not result.findings
        assert not clean or len(figures(result)) > len(figures(check(_page_line("")))), end


def test_markers_over_headings_are_notes_and_a_first_row_of_small_negatives_is_a_row():
    result = check(MARKED.read_text())
    assert result.error is None and not result.findings
    headings = [c.heading for s in result.schedules for c in s.columns]
    assert any(h.startswith("(1)") for h in headings) and any(h.startswith("(2)") for h in headings)
    # The same words and markers under the headings, over a row, are a row of small negatives.
    lines = MARKED.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "Allowance for doubtful" in line)
    row = "  Other reserve" + " " * 32 + "(1)          (2)"
    result = check("\n".join([*lines[:at], row, *lines[at:]]) + "\n")
    assert result.error is not None or any("Other reserve" in r.label for s in result.schedules
                                           for p in s.periods for r in p.rows)

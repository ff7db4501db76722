"""Typed footnote lines of an untagged schedule (footnotes.py): under or
between the rows, a line opening with a marker and going on in prose is a
footnote, never a row; above the rows a heading's "(1) CHARGED TO" stays."""

import pytest

from auditor.frontends.text.footnotes import is_typed_footnote, without_typed_footnotes

ROW = "  Allowance for doubtful accounts     $ 812     $ 240     $ 198     $ 854"


@pytest.mark.parametrize("line", [
    "Note 1 -- Amounts written off, net of recoveries",
    "Note 1 - Amounts written off, net of recoveries of $14.",
    "Note 1: Amounts written off",
    "Footnote 2 \u2014 Amounts written off",
    "(1) Uncollectible accounts written off, 3 of them in full.",
    "(a)  Inventory disposed of.",
    "* Includes $40 charged to sales.",
    "1/ Uncollectible accounts written off, net of recoveries.",
])
def test_a_marker_then_prose_is_a_footnote(line):
    assert is_typed_footnote(line)


@pytest.mark.parametrize("line", [
    "(a) Allowance for doubtful accounts     100     200",  # a row whose label opens with a marker
    "* Includes $12 of recoveries   40",  # a figure after a gap: a cell
    "Notes receivable allowance      100    200",  # "Notes" begins a label
    "(1) Allowance for doubtful accounts:",  # a caption of the rows under it
    "Allowance for doubtful accounts",
])
def test_a_row_or_caption_is_no_footnote(line):
    assert not is_typed_footnote(line)


def test_only_lines_below_the_first_row_are_left_blank():
    heading = "                  (1) CHARGED TO COSTS"
    note = "Note 1 -- Amounts written off, net of recoveries"
    assert without_typed_footnotes([heading, note, ROW, note, ROW]) == [heading, note, ROW, "", ROW]

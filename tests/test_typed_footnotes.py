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


def test_a_marker_label_with_its_figures_on_the_next_line_is_a_row_not_a_footnote():
    # "(a) Allowance for doubtful accounts", no colon, its figures under it: the row's label.
    label = "(a) Allowance for doubtful accounts"
    figures = "                                    $ 610         $ 172         $ 140          $ 642"
    assert without_typed_footnotes([ROW, label, figures]) == [ROW, label, figures]


def test_a_marker_label_wrapped_over_its_figures_is_a_row_not_a_footnote():
    first, wrapped = "(c) Reserve for returns and", "      allowances                    199            90            84"
    assert without_typed_footnotes([ROW, first, wrapped]) == [ROW, first, wrapped]
    under = "    doubtful accounts"
    figures = "                                    $ 610         $ 172         $ 140          $ 642"
    assert without_typed_footnotes([ROW, "(a) Allowance for", under, figures]) == [ROW, "(a) Allowance for", under, figures]


def test_a_footnote_followed_by_a_row_or_its_own_prose_is_still_a_footnote():
    note = "Note 1 -- Amounts written off, net of recoveries of $14."
    assert without_typed_footnotes([ROW, note, ROW]) == [ROW, "", ROW]
    # (its prose wrapped over a second line, a row after: not the row's label)
    wrapped = ["(1) Amounts written off, net of", "    recoveries", ROW]
    assert without_typed_footnotes([ROW, *wrapped]) == [ROW, "", "    recoveries", ROW]
    assert without_typed_footnotes([ROW, "* Includes 12 transferred.", ""]) == [ROW, "", ""]

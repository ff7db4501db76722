"""Negatives typed as 1990s adding machines and bookkeepers printed them:
"473-" (a trailing minus) and "473CR" / "473 CR" (a credit), beside "(473)" in
one table.  One spelling of a printed amount (labels.AMOUNT, NEGATIVE_AFTER)
reaches the grammar, locate's figure rows, pages' figure count, the footnote
and completeness checks and the HTML cells, so each reads them alike; a dashed
rule, a range ("1996-1997"), a label's "CR" and a nil's lone "-" stay what
they are."""

from decimal import Decimal

import pytest

import auditor
from auditor import source
from auditor.frontends.html.figures import TOKEN
from auditor.frontends.text import block_columns, line_kinds, pages, parse
from auditor.frontends.text.footnotes import is_typed_footnote
from auditor.frontends.text.locate import Region
from auditor.frontends.text.rows import amount
from auditor.labels import typed_negative
from auditor.reading import completeness
from conftest import FIXTURES

FIXTURE = FIXTURES / "wabash-foundry-1995-adding-machine-negatives.txt"


def _line(text: str) -> parse.Line:
    (line,) = parse.lines(source.from_text(text + "\n", "r.txt"), Region(1, 1, 1))
    return line


@pytest.mark.parametrize("printed,value", [("473-", -473), ("473CR", -473), ("473 CR", -473), ("473cr", -473), ("(473)", -473),
                                           ("1,204.5-", Decimal("-1204.5")), ("-473", -473), ("473", 473)])
def test_each_spelling_of_a_negative_has_its_value(printed, value):
    assert amount(printed) == value
    assert typed_negative(printed)[1] == (value < 0)


@pytest.mark.parametrize("printed", ["473-", "473CR", "473 CR"])
def test_the_grammar_reads_a_typed_negative_as_one_figure_aligned_on_its_last_digit(printed):
    row = _line("Allowance" + " " * 20 + "1,200" + " " * 6 + printed + "      -")
    assert row.kind == "row"
    assert [(f.value.kind, f.value.text) for f in row.figures] == [("AMOUNT", "1,200"), ("AMOUNT", printed), ("NIL", "-")]
    mark = row.figures[1].value
    assert mark.anchor == mark.column + 2  # the "3", as "(473)" aligns on it


@pytest.mark.parametrize("text,words", [
    ("Reserve for 1996-1997 returns      1,200      300", ["Reserve", "for", "1996-1997", "returns"]),  # a range
    ("Reserve CR                         1,200      300", ["Reserve", "CR"]),  # a label's word
    ("Reserve 12 CR                      1,200      300", ["Reserve", "12 CR"]),  # one space from its label
])
def test_a_label_keeps_its_range_and_its_words(text, words):
    row = _line(text)
    assert [w.text for w in row.words] == words
    assert [f.value.text for f in row.figures] == ["1,200", "300"]


@pytest.mark.parametrize("text", ["Allowance        1,200      473 CREDIT", "Allowance        1,200      473crs"])
def test_what_is_no_credit_and_no_nil_is_refused_not_read(text):
    with pytest.raises(auditor.InputError):
        _line(text)


def test_four_dashes_among_figures_are_a_nil_typed_long():
    """ "----" between two figures: a nil typed long (stop 26; it was refused
    before: text_era nil-four-dashes, fixture hollis-paper-1995)."""
    row = _line("Allowance        1,200      ----      300")
    assert row.kind == "row" and [w.text for w in row.words] == ["Allowance"]
    assert [(f.value.kind, f.value.text) for f in row.figures] == [("AMOUNT", "1,200"), ("NIL", "----"), ("AMOUNT", "300")]


def test_a_figure_run_into_a_dashed_rule_is_no_negative():
    line = _line("Allowance                        1,200-----")
    assert line.kind == "text" and not line.figures


ROW = "  Allowance for doubtful accounts      473-      1,204CR      12 CR      (5)"


def test_every_reader_of_a_row_counts_the_same_figures():
    assert line_kinds.FIGURES.search(ROW)
    assert pages.figure_count(ROW) == 4
    assert [m.group(1) for m in block_columns.SET_FIGURE.finditer(ROW)] == ["473-", "1,204CR", "12 CR", "(5)"]
    assert completeness.FIGURES.search(ROW)
    assert not is_typed_footnote("(a) Reserve for returns        473-      12-")  # a row, not a footnote's prose


def test_a_row_of_trailing_minus_figures_alone_is_a_figure_row():
    assert line_kinds.FIGURES.search("  Write-offs        473-      12-       5-")


def _cells(text: str) -> list:
    result = auditor.check_source(source.from_text(text, "t.txt"))
    assert result.error is None, result.error
    return [(c.line, c.value) for s in result.schedules for p in s.periods for r in p.rows for c in r.cells if c], \
        [(f.check, f.location.line, f.location.column) for f in result.findings]


@pytest.mark.parametrize("spelling", ["312-", "312CR", "312 CR"])
def test_a_parenthesized_negative_respelled_reads_alike(spelling):
    text = FIXTURE.read_text("utf-8")
    at = text.index("(312)")
    typed = " " + spelling  # its last digit where the "2" of "(312)" stands, the mark over the spaces after it
    assert text[at + 5 : at + len(typed)].strip() == ""
    respelled = text[:at] + typed + text[at + max(5, len(typed)) :]
    assert _cells(respelled) == _cells(text)


def test_an_html_cell_reads_a_typed_negative_as_one_amount():
    for printed in ("473-", "473CR", "473 CR"):
        assert [(m.lastgroup, m.group()) for m in TOKEN.finditer(printed)] == [("amount", printed)]
    assert [m.lastgroup for m in TOKEN.finditer("----")] == ["rule"]


HTML = """<html><body><p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p><table>
<tr><td>Description</td><td>Balance at Beginning of Period</td><td>Charged to Costs and Expenses</td>
<td>Charged to Other Accounts</td><td>Deductions</td><td>Balance at End of Period</td></tr>
<tr><td colspan="6">Year ended December 31, 1999:</td></tr>
<tr><td>Allowance for doubtful accounts</td><td>1,200</td><td>300</td><td>NIL</td><td>250</td><td>1,250</td></tr>
<tr><td>Inventory reserve</td><td>800</td><td>100</td><td>50 CR</td><td>75</td><td>775</td></tr>
</table></body></html>
"""


@pytest.mark.parametrize("nil", ["-", "--", "----"])
def test_an_html_nil_typed_long_among_figures_is_a_nil_not_a_blank(nil):
    result = auditor.check_source(source.from_text(HTML.replace("NIL", nil), "t.htm"))
    assert result.error is None, result.error
    assert not result.findings
    (first, second) = result.schedules[0].periods[0].rows
    assert first.cells[2] is not None and first.cells[2].value is None and first.cells[2].raw == nil
    assert second.cells[2] is not None and second.cells[2].value == -50

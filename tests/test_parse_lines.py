"""The grammar says what kind of line each line is (its alias), and the
parse numbers every token at its line in the file, whichever region and
thread it parses."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from auditor import source
from auditor.errors import InputError
from auditor.frontends.text import parse
from auditor.frontends.text.locate import Region

REGION = """\
                 VALUATION AND QUALIFYING ACCOUNTS
<TABLE>
<CAPTION>
                                   (1)          (2)
                               Balance at   Charged to   Balance at
Description                     Beginning    Expenses       End
------------------------------  ----------  -----------  ----------
<S>                             <C>         <C>          <C>
Allowance for returns             $ 1,200      $   300      $ 1,500
                                      (4)          (5)
<PAGE>
</TABLE>
"""


def _lines(text: str, above: int = 0) -> list:
    src = source.from_text("\n" * above + text, "region.txt")
    return parse.lines(src, Region(above + 1, above + text.count("\n"), above + 1))


def test_each_line_is_of_the_kind_its_alias_names():
    kinds = [(ln.number, ln.kind) for ln in _lines(REGION)]
    assert kinds == [(1, "text"), (2, "table_open"), (3, "caption"), (4, "notes"), (5, "text"), (6, "text"),
                     (7, "rule"), (8, "markers"), (9, "row"), (10, "notes"), (11, "page"), (12, "table_close")]


def test_a_notes_line_holds_each_marker_where_it_is_printed():
    (notes, *_) = [ln for ln in _lines(REGION) if ln.kind == "notes"]
    assert [(m.kind, m.text, m.column) for m in notes.marks] == [("NOTE", "(1)", 36), ("NOTE", "(2)", 49)]
    assert notes.figures == () and notes.words == ()


def test_a_figure_one_space_after_a_word_is_part_of_the_label():
    (line,) = _lines("Reserve number 2                 1,200        300\n")
    assert line.kind == "row" and [t.text for t in line.words] == ["Reserve", "number", "2"]
    (line,) = _lines("Deferred tax assets -\n")
    assert line.kind == "text"


def test_tokens_are_numbered_in_the_file_whatever_the_region_or_thread():
    offsets = [0, 7, 1000, 25_000] * 8
    with ThreadPoolExecutor(8) as pool:
        parsed = list(pool.map(lambda n: (n, _lines(REGION, n)), offsets))
    for above, lines in parsed:
        row = next(ln for ln in lines if ln.kind == "row")
        assert row.number == above + 9
        assert {t.line for f in row.figures for t in (f.value, f.dollar) if t} == {above + 9}
        assert [ln.number for ln in lines][0] == above + 1


def test_an_error_names_the_files_line():
    src = source.from_text("\n" * 40 + "Balance      1,200    300  words after\n", "bad.txt")
    with pytest.raises(InputError) as caught:
        parse.lines(src, Region(41, 41, 41))
    assert caught.value.line == 41 and "unexpected 'words'" in caught.value.message

"""Work done once where it was done again and again, read the same as before:
a table's plain start tags read once (grid), a typed-footnote row test that
cannot backtrack (footnotes: main's own fix, checked here), the furniture of a table's preceding blocks
asked only under a note's or schedule's heading (locate).  Each is compared
with the plain way of reading it."""

from __future__ import annotations

import re
from bisect import bisect_left
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor import source
from auditor.frontends.html import grid, locate
from auditor.frontends.text import footnotes
from auditor.labels import heads_another_statement

FIXTURES = Path(__file__).parent / "fixtures"


class _Plain(grid._Reader):
    """The grid reader with every start tag read in place by html.parser."""

    def parse_starttag(self, i: int) -> int:
        return HTMLParser.parse_starttag(self, i)


def _cells(g: grid.Grid) -> list:
    return [[(c.column, c.colspan, c.rowspan, c.line, c.text, c.places, c.facts, c.sup, c.line_starts) for c in row]
            for row in g.rows]


TAGS = ['<td colspan="3" style="padding:0 1pt"/>', '<span style="font-size:10pt">', '<TD COLSPAN="2">',
        '<ix:nonFraction name="us-gaap:X" sign="-" format="ixt:num-dot-decimal" scale="6">',
        '<td\n  style="a:b"\n>', '<div id="a&amp;b">']


@pytest.mark.parametrize("text", TAGS)
def test_a_plain_tag_is_read_as_html_parser_reads_it_in_place(text: str) -> None:
    read = grid._read_tag(text)
    assert read is not None
    seen = []

    class Own(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.append((tag, tuple(attrs), False))

        def handle_startendtag(self, tag, attrs):
            seen.append((tag, tuple(attrs), True))

    Own(convert_charrefs=False).feed(text + "x")
    assert seen == [read]


@pytest.mark.parametrize("text", ["<td a='1'>", '<td a="1>', '<td a=1>', '<script type="x">', '<title>',
                                  '<td a="x" b>', '<td "a"="1">', "<td a=\"<b>\">"])
def test_a_tag_not_plain_is_read_in_place(text: str) -> None:
    """Quotes of another kind, a value unclosed, bare or holding markup, an
    element whose content the parser reads apart: never replayed."""
    assert grid._read_tag(text) is None


def test_a_table_of_repeated_and_odd_tags_reads_the_same_grid() -> None:
    row = ('<tr><td style="x">Allowance <span style="b">for</span></td><td colspan="2"/>'
           "<td a='1'>1,047</td><td style=\"x\">&#160;(220)</td></tr>\n")
    fact = '<tr><td style="x"><ix:nonFraction name="a" sign="-">5</ix:nonFraction></td></tr>'
    text = "<table>" + row * 5 + fact + "</table>"
    starts = [0] + [m.end() for m in re.finditer("\n", text)] + [len(text) + 1]
    fast = grid.read(text, 0, len(text), starts)
    reader = _Plain(text, lambda line, offset: (line, offset + 1))
    reader.feed(text)
    reader.close()
    assert _cells(fast) == _cells(grid._lay(reader.rows, reader.row_lines))


@pytest.mark.parametrize("path", sorted((FIXTURES / "html").glob("*.htm"))[:40], ids=lambda p: p.name)
def test_every_table_of_the_html_fixtures_reads_the_same_grid(path: Path) -> None:
    doc = locate.Document(source.read(str(path)))
    for start, end in doc.tables:
        fast = grid.read(doc.text, start, end, doc.line_starts)
        first_line = bisect_left(doc.line_starts, start + 1)
        column = start - doc.line_starts[first_line - 1] + 1
        reader = _Plain(doc.text[start:end],
                        lambda line, offset: (first_line + line - 1, column + offset if line == 1 else offset + 1))
        reader.feed(reader.snippet)
        reader.close()
        assert _cells(fast) == _cells(grid._lay(reader.rows, reader.row_lines))


# The typed-footnote row test, as first written (it backtracked on runs of spaces).
_CELL = r"[ \t\f]{2,}\$?[ \t\f]*\(?-?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\)?"
ROW = re.compile(r"(?:" + _CELL + r"){2,}")
CELL_AFTER_GAP = re.compile(_CELL + r"(?=[ \t\f]|$)")
LINES = ["Balance at beginning    1,047    (220)    $ 827", "  accounts      5", "(1) Amounts written off, 12  14",
         " " * 45 + "AT         CHARGED", "<S>" + " " * 40 + "<C>         <C>", "Total  \t$ 1,200.50  (3)",
         "Reserve  -15   .5", "x  1,2,3  4", "  12  x  13", "a  (  5)  6", "Note 1 -- written off   1,047   2,000",
         " " * 60, "12" + " " * 30 + "34", "\f  7  8"]


@pytest.mark.parametrize("line", LINES)
def test_the_row_tests_find_what_the_backtracking_ones_found(line: str) -> None:
    assert (footnotes._ROW.search(line) is None) == (ROW.search(line) is None)
    for at in range(len(line)):
        if at and line[at - 1] in " \t\f":
            continue  # (a footnote's prose is searched from a word's end: never from inside a gap)
        assert (footnotes._CELL_AFTER_GAP.search(line, at) is None) == (CELL_AFTER_GAP.search(line, at) is None)


@pytest.mark.parametrize("path", sorted((FIXTURES / "html").glob("*.htm"))[:40], ids=lambda p: p.name)
def test_statement_headings_are_those_of_every_block_asked(path: Path) -> None:
    doc = locate.Document(source.read(str(path)))
    for table, _ in doc.tables:
        i = bisect_left(doc.starts, table)
        blocks = doc.blocks(max(table - locate.REACH, doc.starts[i - 1] if i > 0 else 0), table)
        texts = [text for _, text in blocks]
        assert doc.statement_headings(table) == [at for k, (at, _) in enumerate(blocks)
                                                 if heads_another_statement(texts[k : k + 4])]


def test_a_note_heading_and_a_schedule_number_before_a_table_are_found() -> None:
    html = ("<html><body><table><tr><td>1</td></tr></table><p>NOTE 9 - STOCK OPTIONS</p><p>Page 12</p>"
            "<p>Options granted</p><table><tr><td>2</td></tr></table><p>SCHEDULE III</p><p>(in thousands)</p>"
            "<p>Real estate</p><table><tr><td>3</td></tr></table><p>SCHEDULE II</p><p>Valuation and qualifying"
            " accounts</p><table><tr><td>4</td></tr></table></body></html>")
    doc = locate.Document(source.from_text(html))
    found = [doc.statement_headings(start) for start, _ in doc.tables]
    assert [bool(f) for f in found] == [False, True, True, False]


# A schedule with a table after it, little text between: the continuations and the rows left after
# the schedule both ask for that table's grid (a Schedule IV after, an account's table per page).
LOCATED = ["corvina-realty-2005-schedule-iv-after-clean.htm", "ashby-kiln-2009-account-caption-at-page-foot-clean.htm",
           "basalt-shipping-2016-years-as-columns-captions-only-clean.htm", "eider-glass-2008-heads-split-clean.htm"]


@pytest.mark.parametrize("name", LOCATED)
def test_each_table_is_read_once_while_the_schedule_is_located(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.frontends.html import front

    read, plain = [], grid.read
    monkeypatch.setattr(locate.html_table, "read", lambda text, start, end, *rest: read.append((start, end))
                        or plain(text, start, end, *rest))
    src = source.read(str(FIXTURES / "html" / name))
    assert front.tables(src)
    assert read and len(read) == len(set(read))


def test_where_a_file_may_end_inside_a_block_is_found_once_per_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """VQ008 says the cut, VQ010 leaves the row it opens unsaid: one finding of it for both."""
    import auditor
    from auditor.ruleset import checks

    found = []
    plain = checks._find_block_cut if hasattr(checks, "_find_block_cut") else None
    monkeypatch.setattr(checks, "_find_block_cut", lambda table: found.append(table) or plain(table), raising=False)
    result = auditor.check_file(str(FIXTURES / "quenby-brass-1996-account-blocks-cut-inside-last-block.txt"))
    assert [f.rule for f in result.findings] == ["VQ008"]
    assert len(found) == 1


def test_a_tabbed_line_is_mapped_once_for_its_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file's columns of a row's cells (each its start and end) from one map of its line's tabs."""
    text = "Allowance\t$ 1,047\t\t(220)\t827\nReserve\t12\t3\n"
    plain = source.from_text(text, "t.txt")
    expected = [(line, column, plain.original_column(line, column)) for line in (1, 2) for column in range(1, 40)]
    mapped = []
    expand = source._expand_tabs
    monkeypatch.setattr(source, "_expand_tabs", lambda line: mapped.append(line) or expand(line))
    src = source.from_text(text, "t.txt")
    assert [(line, column, src.original_column(line, column)) for line, column, _ in expected] == expected
    assert len(mapped) == 2


def test_the_heading_lines_over_a_first_row_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table whose headings name no schedule's columns as lines nor stacked: each of its
    heading lines read for its phrases once, the first row's too."""
    from auditor.frontends.text import headings

    lines = ["                     Additions", "Description          Charged", "Allowance   1,047    220    827"]
    read = []
    phrases = headings._heading_phrases
    monkeypatch.setattr(headings, "_heading_phrases",
                        lambda lines, first, last: read.extend(range(first, last + 1)) or phrases(lines, first, last))
    assert not headings.headed_like_schedule(lines, 1, 3, headings.bundled_vocabulary())
    assert sorted(read) == [1, 2, 3]


def test_a_schedule_without_findings_looks_no_figure_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a finding's figure is held twice is asked only where there is a finding."""
    import auditor
    from auditor.ruleset import engine

    asked = []
    walk = engine.located
    monkeypatch.setattr(engine, "located", lambda schedule: asked.append(schedule) or walk(schedule))
    result = auditor.check_file(str(FIXTURES / "acme-tool-1996-clean.txt"))
    assert result.error is None and not result.findings and result.schedules
    assert not asked


@pytest.mark.parametrize("text", ["</td>", "</TD>", "</ix:nonFraction>", "</td >", "</ td>", "</td\n>", "</>", "</3>"])
def test_an_end_tag_is_read_as_html_parser_reads_it_in_place(text: str) -> None:
    """A plain end tag's name read once per table; any other left to the parser (the same grid)."""
    body = f'<table><tr><td style="x">1{text}<td>2</td></tr></table>'
    starts = [0] + [m.end() for m in re.finditer("\n", body)] + [len(body) + 1]
    fast = grid.read(body, 0, len(body), starts)

    class Plain(_Plain):
        def parse_endtag(self, i: int) -> int:
            return HTMLParser.parse_endtag(self, i)

    reader = Plain(body, lambda line, offset: (line, offset + 1))
    reader.feed(body)
    reader.close()
    assert _cells(fast) == _cells(grid._lay(reader.rows, reader.row_lines))


def test_words_outside_hidden_spans_are_those_of_a_walk_over_the_spans() -> None:
    """Few words among many hidden spans are placed one by one (a bisection each): the same as the walk."""
    from auditor.frontends.html import hidden

    spans = [(k * 10, k * 10 + 4) for k in range(50)]
    for positions in ([0, 3, 4, 9, 10, 499, 500, 1000], list(range(0, 600, 3)), [], [4, 14, 24]):
        walked = [at for at in positions if not any(s <= at < e for s, e in spans)]
        assert hidden.outside(positions, spans) == walked
        assert hidden.outside(positions, spans, [s for s, _ in spans]) == walked


NAMED = ['name="us-gaap:X"', ' contextRef="c-1" name = "a:B"', 'rename="x" name="y"', 'xname="x"', 'name="x', "name='q'",
         ' \u00e9name="x" name="z"', 'unitRef="usd"', 'name', ' nname="a" name="b"', '_name="a"', ':name="a"']


@pytest.mark.parametrize("attributes", NAMED)
def test_a_facts_name_is_found_as_the_patterns_search_finds_it(attributes: str) -> None:
    from auditor.frontends.xbrl import facts

    want, got = facts.NAME.search(attributes), facts._name(attributes)
    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


CONTEXTS = "".join(f'<xbrli:context id="c-{k}"><xbrli:entity><xbrli:segment>'
                   f'<xbrldi:explicitMember dimension="us-gaap:X">a:M{k % 3}</xbrldi:explicitMember>'
                   f'</xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>202{k % 5}-12-31</xbrli:instant>'
                   '</xbrli:period></xbrli:context>' for k in range(30)) + '<xbrli:context ID="late" id="d-1"><period>' \
    '<instant>2020-12-31</instant></period></xbrli:context>'


def test_contexts_asked_again_for_fewer_are_read_from_the_wider_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kindred ask for some of the family's contexts (khc-2023: 14 of 21): the first
    answer narrowed, no second scan of the contexts, the same as a reading of its own."""
    from auditor.frontends.xbrl import facts

    wide, narrow = {"c-3", "c-7", "c-12", "c-29", "d-1", "nowhere"}, {"c-29", "d-1", "c-3", "nowhere"}
    alone = facts._contexts(CONTEXTS, narrow, facts.ContextsRead())
    parsed = facts.ContextsRead()
    facts._contexts(CONTEXTS, wide, parsed)
    scans = []
    real = facts._context_starts
    monkeypatch.setattr(facts, "_context_starts", lambda *a: scans.append(a) or real(*a))
    again = facts._contexts(CONTEXTS, narrow, parsed)
    assert not scans
    assert list(again.items()) == list(alone.items()) and set(alone) == {"c-29", "d-1", "c-3"}

"""scan.word_starts: every start of each word, case aside, whatever piece of
the text it falls in; and the whole-document scans built on it (the HTML
locator's table tags, the cut-off check's containers)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor import scan, source
from auditor.frontends.html import locate
from auditor.frontends.text.headings import AnyOf, Vocabulary as Headings
from auditor.reading.containers import TAG, unclosed


def _naive(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(word)})", text.lower())]


HTML_SCHEDULE = Path(__file__).parent / "fixtures" / "html" / "cobalt-systems-2019-ixbrl-clean.htm"
TEXT = "Table tABLE <table></TABLE> ttable Valuation VALUATION aaaa schedule Schedule."


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 5, 7, 16, 1 << 20])
def test_every_start_is_found_once_whatever_the_pieces(chunk: int) -> None:
    words = ("table", "valuation", "aa", "schedule", ".")
    found = scan.word_starts(TEXT, words, chunk)
    assert found == {w: _naive(TEXT, w) for w in words}


def test_a_text_whose_lowering_changes_length_gives_no_offsets() -> None:
    assert scan.word_starts("\u0130 table", ["table"]) is None


def test_table_tags_are_those_a_search_of_the_whole_text_finds() -> None:
    text = "<TABLE x='<table>'><tr><td><Table><tr></tabLE></table><tablex></table ><table"
    doc = locate.Document(source.from_text(text, "t.htm"))
    spans = [m.span() for m in locate.TABLE_TAG.finditer(text, 0, text.rfind(">") + 1)]
    assert [m.span() for m in locate._table_tags(text, scan.word_starts(text, ["table"])["table"])] == spans
    assert doc.tables == [(0, 54), (27, 46)] and doc.parents == [-1, 0]


def test_containers_left_open_as_a_search_of_the_whole_text_finds_them() -> None:
    text = ("<HTML>\n<DOCUMENT>\n<TEXT>\n<Table><tr></TABLE><tablex><PRE>\n<prefix> a <document> b"
            " </xbrli:context> <text> c <TABLE>")
    # (a <document> or <text> counts only on a line of its own; "context>" is no <text>)
    assert unclosed(text) == {"html": 0, "document": 7, "text": 18, "pre": text.index("<PRE>"),
                              "table": text.rindex("<TABLE>")}
    assert len(TAG.findall(text)) == 11


# An inline XBRL document whose facts are read: the facts' cut-off check asks for its containers before the locator runs.
FACTS_READ = Path(__file__).parent / "fixtures" / "html" / (
    "tamsworth-cable-2023-ixbrl-on-few-lines-notes-after-page-break-under-running-head-clean.htm")


@pytest.mark.parametrize("document", [HTML_SCHEDULE, FACTS_READ], ids=["table", "facts-read"])
def test_one_pass_finds_the_words_of_the_locator_and_of_the_cut_off_check(monkeypatch, document: Path) -> None:
    """The cut-off check finds its containers' tags among the words the HTML
    locator's pass found: the document is lowered and searched once, also where
    the facts' cut-off check asks first (its tags alone, then the locator's
    words, were two passes: 4.7 M instructions of ibm-2023's check)."""
    import auditor
    from auditor.reading import containers

    assert set(locate.SCANNED) | set(containers.NAMES) <= set(scan.HTML_WORDS)
    passes = []
    real = scan.word_starts
    monkeypatch.setattr(scan, "word_starts", lambda text, words, *a: passes.append(list(words)) or real(text, words, *a))
    src = source.read(str(document))
    result = auditor.check_source(src, auditor.load_rules())
    assert result.error is None and len(result.schedules) == (2 if document == FACTS_READ else 1)
    assert passes == [list(scan.HTML_WORDS)]


def _vocabulary(*balances: str) -> Headings:
    patterns = AnyOf(tuple(re.compile(p, re.IGNORECASE) for p in balances))
    return Headings(patterns, patterns, patterns, patterns, patterns, patterns, patterns, patterns)


# A table a page break cut after its first heading's first word: no balance or
# movement word of the locator's in either part; the rules' heading runs across.
CUT = ("<table><tr><td>Allowance</td><td>Brought</td></tr></table>\n<hr>\n"
       "<table><tr><td>forward</td><td>Written off</td></tr><tr><td>2003</td><td>1,047</td></tr></table>")


@pytest.mark.parametrize("pattern, holds", [(r"brought\s+forward", True), (r"brought\s+forward\s+written", True),
                                            (r"written\s+off", True), (r"^forward", False)])
def test_a_table_joined_with_the_part_after_it_is_searched_as_one_text(pattern: str, holds: bool) -> None:
    """The rules' patterns are tried across the join of a table and the part
    a page break cut off (not in the added part alone), as in the joined
    text: a pattern anchored at the second part's start is not found there."""
    doc = locate.Document(source.from_text(CUT, "t.htm"))
    first, second = doc.tables
    headings = _vocabulary(pattern)
    assert not locate.may_hold_schedule(doc, first, headings)
    joined = doc.plain(first[0], first[1]) + " " + doc.plain(first[1], second[1])
    assert bool(locate.holds_schedule_words(joined, headings)) is holds
    assert bool(locate.may_hold_joined(doc, first, second[1], headings)) is holds


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 6, 7, 16, 1 << 20])
def test_a_tag_only_word_is_found_after_a_tags_opening_alone(chunk: int) -> None:
    """EDGAR's "text>" is looked for as "<text>" and "/text>" (an inline XBRL
    10-K's thousand "context>" are no tag of it): its starts after "<" or "/",
    in order, whatever piece of the text they fall in; the other words as ever."""
    text = "Text> <TEXT> x</text> </xbrli:context> a/Text> <text>table</TEXT>"
    found = scan.word_starts(text, ("text>", "table"), chunk)
    assert found == {"text>": [at for at in _naive(text, "text>") if text[at - 1] in "</"],
                     "table": _naive(text, "table")}
    assert found["text>"] == [7, 16, 41, 48, 60]


# An inline XBRL document: its header (hidden facts, contexts) between two parts of the page.
HEADED = ("<html><div style='display:none'><ix:header><ix:hidden>Valuation table <TABLE></ix:hidden>"
          "<ix:resources><xbrli:context id='c'>Schedule</xbrli:context></ix:resources></ix:header></div>"
          "<table>Valuation</table><ix:header>text> <pre></ix:header>Schedule <TEXT></html>")


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 6, 7, 16, 1 << 20])
def test_no_word_is_searched_in_an_inline_xbrl_header(chunk: int) -> None:
    """The words of a page are not looked for in inline XBRL's header, which
    no reader sees (most of an inline XBRL 10-K): the starts outside each whole
    header are found, whatever piece of the text they fall in, none in it."""
    words = ("table", "valuation", "schedule", "pre", "text>")
    headers = [(m.start(), m.end()) for m in re.finditer("<ix:header>.*?</ix:header>", HEADED)]
    assert len(headers) == 2
    outside = {w: [at for at in _naive(HEADED, w) if not any(a <= at < b for a, b in headers)
                   and (w != "text>" or HEADED[at - 1] in "</")] for w in words}
    assert scan.word_starts(HEADED, words, chunk) == outside
    assert outside["valuation"] == [HEADED.index("Valuation</table>")] and outside["pre"] == []


def test_a_header_a_file_ends_in_is_searched() -> None:
    """A header with no end tag (a file cut off in it) is searched as the rest:
    the page's words after its start are found."""
    text = "<table>Valuation</table><ix:header><ix:hidden>Schedule <table>"
    assert scan.searched(text) == [(0, len(text))]
    assert scan.searched("a<ix:headers>b</ix:header>c") == [(0, 27)]  # (another tag's name)
    assert scan.searched("a<ix:header\n>b</ix:header>c") == [(0, 1), (26, 27)]
    assert scan.word_starts(text, ("table", "schedule")) == {w: _naive(text, w) for w in ("table", "schedule")}


def test_the_cut_off_check_reads_the_text_after_the_last_row_once(monkeypatch, shared) -> None:
    """The cut-off check's tests each ask the text after the schedule's last row
    without its markup, and its lines that print a word: each is made once a
    text, however many ask (64 KB of a page, five and seven times over)."""
    import auditor
    from auditor.reading import completeness

    made: list[str] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def sub(self, repl: str, text: str) -> str:
            made.append(text)
            return self.pattern.sub(repl, text)

    completeness._unmarked.cache_clear()
    completeness._word_lines_of.cache_clear()
    monkeypatch.setattr(completeness, "MARKUP", Counted(completeness.MARKUP))
    # (a 10-K in HTML whose schedule is followed by pages of prose: every test of the check asks)
    filing = shared / "filings" / "medicis-fy1999-10k" / "0000950153-99-001234.html"
    result = auditor.check_source(source.read(str(filing)), auditor.load_rules())
    completeness._unmarked.cache_clear()
    completeness._word_lines_of.cache_clear()
    assert result.error is None and result.schedules and made
    pages = [text for text in made if len(text) > 4096]  # (the text after the last row; a line is not kept)
    assert pages and len(pages) == len(set(pages))  # (made prose once)
    after = max(made, key=len)
    assert completeness._word_lines(after) is not completeness._word_lines(after)  # (a list of its own each time)

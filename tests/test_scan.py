"""scan.word_starts: every start of each word, case aside, whatever piece of
the text it falls in; and the whole-document scans built on it (the HTML
locator's table tags, the cut-off check's containers)."""

from __future__ import annotations

import re

import pytest

from auditor import scan, source
from auditor.frontends.html import locate
from auditor.reading.completeness import TAG, unclosed


def _naive(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(word)})", text.lower())]


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

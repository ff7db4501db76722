"""Document.holds reads a table's markup a piece at a time from its start (each piece cut
right after a tag): a schedule's table prints its balance and movement words in its first
row, and a Workiva table is 60 KB of markup for a few hundred characters of text."""

from __future__ import annotations

import random

import pytest

from auditor import source
from auditor.frontends.html import locate
from auditor.labels import BALANCE_WORD, MOVEMENT_WORD

ROW = ('<tr><td style="padding:2px 1pt;vertical-align:bottom"><span style="font-family:Arial;font-size:9pt">'
       "{}</span></td><td><span>&#160;</span></td><td style=\"text-align:right\"><span>1,047</span></td></tr>\n")
WORDS = ["Allowance", "for", "doubtful", "accounts", "&amp;", "re&#115;erves", "Bal", "ance", "end", "Ending",
         "charged", "&#98;eginning", "opening", "write-offs", "x>y", "a<b", "start", "restart", "&lt;td&gt;"]


def _table(rows: list[str]) -> str:
    return "<html><body><table>" + "".join(ROW.format(r) for r in rows) + "</table></body></html>"


def _document(text: str) -> locate.Document:
    return locate.Document(source.from_text(text, "t.htm"))


def test_a_schedules_words_in_its_first_row_are_found_without_reading_the_rest() -> None:
    """The balance and movement words of the first row: the text of the other 400 rows is not made."""
    doc = _document(_table(["Balance at beginning of year", "Charged to expense"] + ["Reserve"] * 400))
    table = doc.tables[0]
    assert table[1] - table[0] > 10 * locate.HOLDS_PIECE
    assert locate.may_hold_schedule(doc, table)
    assert table not in doc._plain


@pytest.mark.parametrize("seed", range(40))
def test_holds_is_a_search_of_the_whole_text(seed: int) -> None:
    """Whatever piece a word, an entity or a stray ">" falls in: the answer of a search of the
    table's whole text, and the whole text kept where no piece holds the word."""
    rng = random.Random(seed)
    rows = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 120))]
    text = _table(rows)
    for pattern in (BALANCE_WORD, MOVEMENT_WORD):
        doc, whole = _document(text), _document(text)
        table = doc.tables[0]
        assert doc.holds(pattern, *table) == (pattern.search(whole.plain(*table)) is not None)
        assert doc._plain.get(table, whole.plain(*table)) == whole.plain(*table)


PIECES = ["Balance", "BEGINNING", "start", "restart", "x_start", "end", "ending", "END", "x_end", "end9", "Write",
          "opening", "deduct", "a", "b", " ", "-", ".", "_", "9", "\u00e9", "\u017ftart", "\u212a", "\u0130"]


@pytest.mark.parametrize("seed", range(20))
def test_words_case_aside_are_found_as_the_pattern_finds_them(seed: int) -> None:
    """locate.found_case_aside: a pattern of words alone found by `str.find` in an ASCII text
    lowered, each word's edges asked as \\b asks them; any other text searched by the pattern."""
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))
        for pattern in (BALANCE_WORD, MOVEMENT_WORD):
            assert locate.found_case_aside(pattern, text) == (pattern.search(text) is not None), (pattern.pattern, text)

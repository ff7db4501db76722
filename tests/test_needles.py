"""The literal pieces a pattern's every match holds (auditor.needles): the heading
vocabulary's quick look rules a pattern out by `str.find` where a piece is missing,
and must answer as the patterns themselves do."""

import re

import pytest

from auditor import needles
from auditor.frontends.text.headings import AnyOf, bundled_vocabulary


@pytest.mark.parametrize("pattern, pieces", [
    (r"writ(e|ten)[- ]?offs?", ("writ", "off")),
    (r"balance\s+(at|as\s+of)\s+(jan|feb)[a-z]*\.?\s+\d", ("balance", "a")),  # (the parser takes "a" out of at|as)
    (r"^(deductions?\s+)?credited\s+to\s+other", ("credited", "to", "other")),  # (an optional group holds none)
    (r"x(?:yz)+w", ("x", "yz", "w")),  # (a part repeated once at least holds its pieces)
    (r"(?>abc)d", ("abc", "d")),
    (r"(?-i:AB)c", ("ab", "c")),  # (lower case: the text is looked at lowered)
    (r"a\u212ab", ("a", "b")),  # (the Kelvin sign matches "k" case aside: in no piece)
    (r"ab|cd", ()),
    (r"(ab){0,2}cd", ("cd",)),
])
def test_pieces_every_match_holds(pattern, pieces):
    assert needles.needles(re.compile(pattern, re.IGNORECASE)) == pieces


def test_another_engine_has_no_pieces():
    class Other:  # (an RE2 pattern: searched always)
        pattern = "balance"
    assert needles.needles(Other()) == ()


TEXTS = [
    "Balance at Beginning of Period  Charged to Costs and Expenses  Deductions  Balance at End of Period",
    "Age Officer since Arvind Krishna, Chairman of the Board and Chief Executive Officer (1) 61 2020",
    "Reference Number per Item 601 of Regulation S-K Description of Exhibits",
    "Write-offs", "written off", "Other", "other accounts", "", "BALANCE AT JANUARY 1",
    "Bad debts written o\u212aff",  # (not ASCII: every pattern searched)
    "balance a\u212at",
]
FILLER = "Reference Number per Item 601 of Regulation S-K " * 5  # (a table's text: longer than a heading's line)
TEXTS += [FILLER + text for text in TEXTS] + [text + " " + FILLER for text in TEXTS]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("pos", [0, 5, 40, 260])
def test_vocabulary_answers_as_its_patterns(text, pos):
    vocabulary = bundled_vocabulary()
    for group in vocabulary:
        assert group.search(text, pos) == any(p.search(text, pos) for p in group.patterns), (text, pos)


def test_kelvin_sign_pattern_still_matches_ascii():
    # A pattern's non-ASCII letter that matches an ASCII one case aside holds no piece.
    group = AnyOf((re.compile("\u212aeep", re.IGNORECASE),))
    assert group.search("keep")


def test_pattern_missing_a_piece_is_not_run():
    class Counted:
        """A pattern that counts its searches (`needles` reads its pattern text)."""
        def __init__(self, text):
            self.compiled = re.compile(text, re.IGNORECASE)
            self.searched = 0
        def search(self, text, pos=0):
            self.searched += 1
            return self.compiled.search(text, pos)
    counted = Counted("deductions?")
    needles.needles.cache_clear()
    original = needles.needles
    try:
        needles.needles = lambda p: original(p.compiled) if isinstance(p, Counted) else original(p)
        assert not AnyOf((counted,)).search(FILLER + "Balance at beginning  Additions")
        assert counted.searched == 0
        assert AnyOf((counted,)).search(FILLER + "Balance at beginning  Deductions")
        assert counted.searched == 1
        assert not AnyOf((counted,)).search("Balance at beginning  Additions")  # (a heading's line: searched)
        assert counted.searched == 2
    finally:
        needles.needles = original

"""auditor.lazy_pattern: a pattern compiled at its first use reads as the compiled one does."""

import copy
import re

from auditor import labels
from auditor.lazy_pattern import LazyPattern, lazy_compile


def test_a_lazy_pattern_compiles_at_its_first_method_only():
    pattern = lazy_compile(r"(\d+) of (\d+)", re.IGNORECASE)
    assert isinstance(pattern, LazyPattern)
    assert pattern.pattern == r"(\d+) of (\d+)"  # (its source, for another pattern to be built of)
    assert pattern._compiled is None
    assert pattern.search("Page 3 OF 12").groups() == ("3", "12")
    assert pattern._compiled is re.compile(r"(\d+) of (\d+)", re.IGNORECASE)
    assert "search" in vars(pattern)  # (kept: the next call is not through __getattr__)


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source, flags = labels.PAGE_MARK.pattern, re.IGNORECASE
    eager = re.compile(source, flags)
    for text in ("32", "F-35", "- 2 -", "Page 4", "Total 12", "FY 99", ""):
        assert bool(labels.PAGE_MARK.match(text)) == bool(eager.match(text)), text
    assert labels.PAGE_MARK.flags == eager.flags
    assert lazy_compile(r"a(b)").sub(r"\1", "xaby") == "xby"


def test_a_lazy_pattern_copies():
    pattern = lazy_compile(r"ab+")
    assert copy.deepcopy(pattern).fullmatch("abbb")
    assert copy.copy(lazy_compile(r"x")).pattern == "x"

"""`facts._shown_at` finds the elements showing hidden facts (`-sec-ix-hidden:ID`)
by `str.find` of the declaration's first characters, then the pattern where
each starts: exactly what a search of the whole text by the pattern finds."""

from __future__ import annotations

from auditor.frontends.xbrl import facts


def _by_pattern(text: str) -> dict[str, tuple[int, int]]:
    """The search of the whole text the find replaced (the reference)."""
    found: dict[str, tuple[int, int]] = {}
    for m in facts.SEC_HIDDEN.finditer(text):
        opening, close = text.rfind("<", 0, m.start()), text.find("</", m.end())
        if opening != -1 and close != -1:
            found.setdefault(m.group(1), (opening, close))
    return found


CASES = [
    '<td><span style="-sec-ix-hidden:f-12">—</span></td><td><span style="-sec-ix-hidden : f-13;x">-</span></td>',
    '<p style="-sec-ix-hidden:f1">-</p><p style="-sec-ix-hidden:f1">again</p>',  # (the first element kept)
    '<a style="-sec-ix-hidden:a-sec-ix-hidden:b">-</a>',  # (an id holding the words: one match, as finditer)
    '<a style="-sec-ix-hidden-sec-ix-hidden:z">-</a>',
    '-sec-ix-hidden:nothing-before</a>', '<a style="-sec-ix-hidden:never-closed">',
    '<a style="-sec-ix-hidden">-</a><b style="-sec-ix-hidden:',
    '-sec-ix-hidden' * 200 + ':q</a>',
    '<p style="-SEC-IX-HIDDEN:upper">-</p>',  # (the pattern is exact-case: neither finds it)
]


def test_the_find_finds_what_the_patterns_search_does_in_the_same_order():
    for text in CASES:
        assert list(facts._shown_at(text).items()) == list(_by_pattern(text).items()), text
    assert facts._shown_at(CASES[0]) == {"f-12": (4, 39), "f-13": (55, 94)}

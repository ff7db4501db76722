"""Where words occur in a whole document, case aside, in one pass.

A regular expression searched over megabytes costs about fifteen machine
instructions a character, IGNORECASE or not, however rare its first
character: the document's table tags, its title words and the tags of its
containers were each one such pass (the passes of an inline XBRL 10-K cost
more than a quarter of its check).  Lowering the text once and finding each
word with `str.find` costs a few instructions a character for all of them
together; the caller then matches its exact pattern only where a word
starts.  The text is lowered a piece at a time: a lowered copy of the whole
would double the memory a document takes.
"""

from __future__ import annotations

from typing import Iterable, Optional

# The piece of a document lowered at a time.
CHUNK = 1 << 20
# The words a check finds in a whole HTML document, found in one pass by the
# HTML locator (`Source.word_starts` keeps them): its own (its table tags'
# name, the first words of a title and of a schedule's headings) and the
# cut-off check's after it (its containers' tags).  One pass for both lowers
# the document once (an inline XBRL 10-K: 7 million instructions a pass); an
# inline XBRL document's facts' cut-off check, before the locator, asks all;
# and where "display" is, for what the page hides (`hidden`).
HTML_WORDS = ("table", "valuation", "schedule", "balance", "beginning", "pre", "html", "document>", "text>", "display")


# Words found only as a tag's name, after "<" or "/" ("<text>", "</text>"): EDGAR's
# <TEXT> (`text>`) is written in each of an inline XBRL 10-K's thousand "context>",
# and a word of five characters ending in ">" is the slowest `str.find` of all over
# markup (5.2 M instructions of ibm-2024's, against 3.5 M for the two tags' own;
# `str.find` searches a needle of six characters or more another way).  The words'
# other starts are no tag's: every caller drops them (`completeness`).
AS_TAG = {"text>": ("<text>", "/text>")}


# Inline XBRL's header: its hidden facts, contexts and units, which no reader
# sees (the Inline XBRL specification's non-displayed content; EDGAR hides it),
# so no title, heading nor container of the page is in it.  Its tags are
# written as XML, in lower case.  It is most of an inline XBRL 10-K (ibm-2024:
# 700 KB of 1.2 MB) and the words are not searched in it.
HEADER = ("<ix:header", "</ix:header>")
_NAME_ENDS = (">", " ", "\t", "\r", "\n", "/")  # (what may follow a tag's name)


def searched(text: str) -> list[tuple[int, int]]:
    """The spans of `text` a word is searched in: all of it but each whole
    inline XBRL header (a header with no end tag, a file cut off in it, is
    searched)."""
    spans, at = [], 0
    start = text.find(HEADER[0])
    while start != -1:
        if text[start + len(HEADER[0]) : start + len(HEADER[0]) + 1] not in _NAME_ENDS:
            start = text.find(HEADER[0], start + 1)  # ("<ix:headers": another tag)
            continue
        end = text.find(HEADER[1], start)
        if end == -1:
            break
        spans.append((at, start))
        at = end + len(HEADER[1])
        start = text.find(HEADER[0], at)
    spans.append((at, len(text)))
    return spans


def word_starts(text: str, words: Iterable[str], chunk: int = CHUNK) -> Optional[dict[str, list[int]]]:
    """Each word (lower case) -> the offsets in `text` where it starts, case
    aside, in order (a word of AS_TAG: where it starts after "<" or "/"),
    outside inline XBRL's header (`searched`); None where lowering changes
    the text's length (an offset in the lowered text would not be the
    text's: "\u0130")."""
    found: dict[str, list[int]] = {w: [] for w in words}
    if not found:
        return found
    # (word, needle, where the word starts in the needle)
    needles = [(w, n, len(n) - len(w)) for w in found for n in AS_TAG.get(w, (w,))]
    overlap = max(len(n) for _, n, _ in needles) - 1
    for first, last in searched(text):
        for at in range(first, last, chunk):
            piece = text[at : min(at + chunk + overlap, last)]
            lower = piece.lower()
            if len(lower) != len(piece):
                return None
            for word, needle, skip in needles:
                starts = found[word]
                i = lower.find(needle, 0, chunk + len(needle) - 1)  # (one starting in the overlap is the next piece's)
                while i != -1:
                    starts.append(at + i + skip)
                    i = lower.find(needle, i + 1, chunk + len(needle) - 1)
    for word in AS_TAG.keys() & found.keys():
        found[word].sort()
    return found


def tag_start(text: str, at: int) -> int:
    """Where the tag whose name starts at `at` opens: its "<" ("<name" or
    "</name"), or -1 where no "<" leads to it (the word is not a tag's name)."""
    return at - 1 if text[at - 1 : at] == "<" else at - 2 if text[at - 2 : at] == "</" else -1

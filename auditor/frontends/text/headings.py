"""Whether lines head a Schedule II, by the rules file's heading vocabulary.

A table under a schedule's title is one only if it is headed like a
schedule: a balance column and another column, recognised by the role
patterns of the rules file in use (the one vocabulary of headings, so a
rules file that teaches a wording teaches `locate` too).  The HTML front
end asks its headings the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple, Sequence

from auditor import needles
from auditor.labels import SCHEDULE_MOVEMENT, TITLE, UNITS, is_period, rule_letters_head

TAG = re.compile(r"<[^>]*>")
# A heading phrase: words set apart from the next by two spaces or more.
PHRASE = re.compile(r"\S+(?: \S+)*")
# The length of text past which the vocabulary's patterns are screened by their pieces (`AnyOf.search`):
# a heading's line is searched as it is.
SCREENED = 200


class AnyOf(NamedTuple):
    """Patterns tried one by one: a rules file's patterns keep the engine they
    were compiled with (RE2 for a user's file), never joined into one Python
    expression, which could backtrack without bound."""

    patterns: tuple[Any, ...]  # compiled patterns, re or RE2: each has .search

    def search(self, text: str, pos: int = 0) -> bool:
        """Whether any pattern is found in `text` from `pos` on (as `re`'s
        search: "^" and "\\b" still see the text before `pos`).  A pattern a
        piece of which a long text lacks is not run (`needles`: a table's text
        that names no heading is searched by `str.find` alone; a heading's
        few words are searched as they are, quicker than looked at twice)."""
        lower = needles.screened(text) if len(text) - pos > SCREENED else None
        if lower is None:
            return any(p.search(text, pos) for p in self.patterns)
        return any(not needles.ruled_out(p, lower, pos) and p.search(text, pos) for p in self.patterns)

    def match(self, text: str) -> bool:
        """Whether any pattern is found at the start of `text` (a heading's first word)."""
        return any(p.match(text) for p in self.patterns)


class Vocabulary(NamedTuple):
    """The heading patterns of a rules file's roles: the balances', every role's, the opening's, the
    closing's, those of the movements taken off ("Deductions", "Subtractions", "Write-offs") and those
    of the movements added ("Additions", "Charged to costs and expenses", "Recoveries"); and the words
    that name one balance alone, the opening's that no closing's pattern repeats ("Beginning",
    "Opening", "Start"; not "Balance at", which heads either by its place) and the closing's ("End",
    "Ending", "Closing")."""

    balances: AnyOf
    every: AnyOf
    opening: AnyOf
    closing: AnyOf
    subtract: AnyOf
    add: AnyOf
    opening_only: AnyOf
    closing_only: AnyOf


@lru_cache(maxsize=8)
def vocabulary_of(roles: tuple[Any, ...]) -> Vocabulary:
    balances = tuple(p for r in roles if r.effect in ("opening", "closing") for p in r.patterns)
    opening, closing, subtract, add = (AnyOf(tuple(p for r in roles if r.effect == e for p in r.patterns))
                                       for e in ("opening", "closing", "subtract", "add"))
    opening_only, closing_only = (AnyOf(tuple(p for p in one.patterns if p.pattern not in {q.pattern for q in other.patterns}))
                                  for one, other in ((opening, closing), (closing, opening)))
    return Vocabulary(AnyOf(balances), AnyOf(tuple(p for r in roles for p in r.patterns)), opening, closing, subtract,
                      add, opening_only, closing_only)


def names_a_movement(heading: str, vocabulary: Vocabulary) -> bool:
    """Whether a column's heading names a movement, no balance: a word of Schedule II's movements
    whatever the rules file (labels.SCHEDULE_MOVEMENT: "Additions", "Charged", "Deductions"), or
    one of the rules file's movements' patterns (a role that adds or subtracts: "Other", "Write-offs")."""
    return bool(SCHEDULE_MOVEMENT.search(heading) or vocabulary.add.search(heading) or vocabulary.subtract.search(heading))


def bundled_vocabulary() -> Vocabulary:
    """The bundled rules file's headings, for a caller that passes none (the rules' roles are the one
    vocabulary of the movements: no pattern of a front end's own repeats them)."""
    from auditor.ruleset.rules import load

    return vocabulary_of(load().roles)


def without_tags(text: str, replacement: str = " ") -> str:
    """`text` with its tags replaced.  Only up to the last ">": past it no tag
    can close, and a TAG search from each "<" there would scan to the end of
    the text (quadratic in a run of "<")."""
    last = text.rfind(">")
    return text if last == -1 else TAG.sub(replacement, text[: last + 1]) + text[last + 1 :]


def is_title_line(line: str) -> bool:
    """A line naming the schedule, not a heading line over the columns that
    happens to say "valuation accounts" ("ADDITIONS  VALUATION ACCOUNTS
    ACQUIRED" among four other headings): a title is at most two phrases."""
    return bool(TITLE.search(line)) and at_most_two_phrases(line)


def at_most_two_phrases(line: str) -> bool:
    """Whether a line prints a phrase or two (words set apart by two blanks or more), as a title's does."""
    return len(_APART.split(line.strip())) <= 2


_APART = re.compile(r"\s{2,}")  # (phrases set apart: compiled once, not looked up per line)


def headed_like_schedule(lines: Sequence[str], first: int, last: int, vocabulary: Vocabulary) -> bool:
    """Whether the lines first..last head a schedule: a heading names a
    balance and another names a role (a second balance or a movement), each
    read as a phrase of its line or as a column's phrases stacked over lines
    ("BROUGHT" over "FORWARD").  Titles and period captions are no headings."""
    # (Each line's phrases are its own: those of the lines above the last read once, for both tests.)
    above = _heading_phrases(lines, first, last - 1) if last > first else None
    phrases = _heading_phrases(lines, first, last) if above is None else above + _heading_phrases(lines, last, last)
    if _names_a_schedule([text for _, _, text in phrases], vocabulary) or _names_a_schedule(_stacked(phrases), vocabulary):
        return True
    # (The last line is the first row where a caller passes it: its figures, stacked under
    # narrow headings, run into their words: "BALANCE" over "AT" over "$   435".)
    if above is not None and _names_a_schedule(_stacked(above), vocabulary):
        return True
    # (Only where no word heads a balance: Rule 12-09's letters alone, under the title.)
    above = phrases if above is None else above
    return rule_letters_head([text for _, _, text in above] + _stacked(above))


def balances_headed(lines: Sequence[str], first: int, last: int, vocabulary: Vocabulary) -> set[str]:
    """The balances ("opening", "closing") the headings in lines first..last
    name, each column's phrases stacked: a table typed in two parts names the
    balance at end only in its second (`locate.part_after`)."""
    texts = [t for t in _stacked(_heading_phrases(lines, first, last)) if not is_period(t)]
    return {effect for effect, said in (("opening", vocabulary.opening), ("closing", vocabulary.closing))
            if any(said.search(t) for t in texts)}


def _names_a_schedule(texts: Sequence[str], vocabulary: Vocabulary) -> bool:
    named, balance = 0, False
    for text in texts:
        if vocabulary.every.search(text) and not is_period(text):
            named += 1
            balance = balance or bool(vocabulary.balances.search(text))
            if named >= 2 and balance:
                return True
    return False


def _heading_phrases(lines: Sequence[str], first: int, last: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each phrase of the lines, top to bottom (not titles)."""
    phrases: list[tuple[int, int, str]] = []
    for line in lines[first - 1 : last]:
        if "<" in line:
            line = TAG.sub(lambda m: " " * len(m.group()), line)
        if not line.strip() or is_title_line(line) or _stacks_no_heading(line.strip()):
            continue
        phrases.extend((m.start(), m.end(), m.group()) for m in PHRASE.finditer(line))
    return phrases


# A line of rules alone, or of the units alone ("(In thousands)"): stacked with
# the headings, it would run two columns' words into one.
RULES_ONLY = re.compile(r"^[-=_\s]+$")
UNITS_ONLY = re.compile(rf"^\(?(?:{UNITS.pattern})\)?$", re.IGNORECASE)


def _stacks_no_heading(text: str) -> bool:
    """A rule, the units or a period's caption alone on its line: no column's heading."""
    return bool(RULES_ONLY.match(text) or UNITS_ONLY.match(text)) or is_period(text) and len(PHRASE.findall(text)) == 1


def _stacked(phrases: list[tuple[int, int, str]]) -> list[str]:
    """The texts of phrases stacked one over another, joined: a column's heading."""
    columns: list[list[Any]] = []  # [start, end, words]
    for lo, hi, text in phrases:
        over = next((c for c in columns if lo < c[1] and c[0] < hi), None)
        if over is None:
            columns.append([lo, hi, text])
        else:
            over[0], over[1], over[2] = min(lo, over[0]), max(hi, over[1]), f"{over[2]} {text}"
    return [c[2] for c in columns]

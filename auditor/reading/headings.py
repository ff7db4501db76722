"""What each column's heading says: the evidence of the words.

The vocabulary is the rules file's: a heading takes a role whose patterns it
matches.  Three things are weighed beyond the first match:
- the heading's first word names the direction when it is a role word alone
  ("Deductions Charged to Costs and Expenses" is a deduction: the spanner word
  outweighs "charged to costs", which only says where it went);
- a near-miss spelling ("Beginnning") is read as the rules' word it misses by
  one letter, and a footnote digit glued to a word ("Additions1") is dropped;
- a heading no role matches, or no heading at all, is not read here: the
  position and the arithmetic decide it (see `signs`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple, Optional

from auditor.labels import NUMBERED_MARK, RULE_LETTER

if TYPE_CHECKING:
    from auditor.ruleset.model import RoleSpec

# "COLUMN C", "Col. B", "COLUMN C(1)" (a part of column C: labels.RULE_LETTER) and footnote markers are not words of
# a heading.
NOISE = re.compile(rf"\bcol(umn|\.)?\s*[a-h]\b(\s*\(\d\))?|{NUMBERED_MARK}|\([a-z]\)|\*+", re.IGNORECASE)
# A footnote digit glued to a word: "Additions1", "Deductions2".
GLUED = re.compile(r"\b([A-Za-z]{4,}?)\d{1,2}\b")
# A heading that states its own sign: "(Deductions)", "Additions (deductions)".
SIGNED = re.compile(r"\(\s*(deductions?|reductions?|subtractions?|write-?offs?)\s*\)|^\(.*\)$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+")
# A heading opening with Rule 12-09's own word for column C ("Additions (2) Deductions"): its
# direction is printed, not inferred from a word of where the amount went.
ADDITIONS_FIRST = re.compile(r"^additions?\b", re.IGNORECASE)
Direction = Literal["", "add", "subtract"]  # what a heading's words say a movement does, if anything
# Rule 12-09's column letters (labels.RULE_LETTER: "Column C", "Col. D"): B opens, C adds, D deducts,
# E closes; the two a movement's direction is read from.
LETTERS: dict[str, Direction] = {"C": "add", "D": "subtract"}


class Heard(NamedTuple):
    """A column's heading evidence."""

    text: str  # the heading's words, noise off, spellings read
    spec: Optional[RoleSpec]  # the role it names, or None
    basis: tuple[str, ...]  # why, in words
    letter: str = ""  # its Rule 12-09 column letter, if printed
    signed: bool = False  # the heading says its figures carry their sign
    direction: Direction = ""  # when the first word names one and no role matched


def normalized(heading: str) -> str:
    return " ".join(NOISE.sub(" ", heading).split())


def vocabulary(specs: tuple[RoleSpec, ...]) -> frozenset[str]:
    """The words of the rules file's patterns (five letters or more)."""
    words: set[str] = set()
    for spec in specs:
        for pattern in spec.patterns:
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{5,}", pattern.pattern))
    return frozenset(words)


@lru_cache(maxsize=64)
def hear(headings: tuple[str, ...], specs: tuple[RoleSpec, ...], vocab: frozenset[str]) -> tuple[Heard, ...]:
    """Each heading's evidence (cached: a filing's tables repeat their headings)."""
    texts, notes = [], []
    for heading in headings:
        text, said = _spelled(normalized(GLUED.sub(r"\1", heading)), vocab)
        if GLUED.search(NOISE.sub(" ", heading)):
            said.insert(0, "footnote digit glued to a word dropped")
        texts.append(text)
        notes.append(said)
    heard = []
    placed = _placed(texts, specs)
    lettered = [m.group(1).upper() for m in map(RULE_LETTER.search, headings) if m]
    # Letters past E: more movement columns than Rule 12-09's C and D (two additions columns
    # lettered C and D): the letters no longer say a sign, the arithmetic decides.
    cues = LETTERS if all(letter <= "E" for letter in lettered) else {}
    for k, heading in enumerate(headings):
        spec, why, direction = _named(k, texts, specs, placed)
        found = RULE_LETTER.search(heading)
        letter = found.group(1).upper() if found else ""
        if spec is None and not direction and letter in cues:
            # Rule 12-09's letters where the words say nothing: C adds, D deducts
            # (a weak cue: some filings letter their columns one off, so the
            # arithmetic still decides the sign).
            direction = LETTERS[letter]
            why = why + [f"Rule 12-09 column letter {letter}: {'additions' if direction == 'add' else 'deductions'}"]
        basis = tuple(([f"heading {heading!r}"] if heading.strip() else []) + notes[k] + why)
        heard.append(Heard(texts[k], spec, basis, letter, bool(SIGNED.search(heading)), direction))
    return tuple(heard)


def _named(k: int, texts: list[str], specs: tuple[RoleSpec, ...],
           placed: dict[RoleSpec, int]) -> tuple[Optional[RoleSpec], list[str], Direction]:
    """The role the heading names, the reasons, and a bare direction."""
    text = texts[k]
    if not text:
        return None, [], ""
    matches = [s for s in specs if _matches(s, text) and (not s.position or placed.get(s) == k)]
    first = WORD.match(text)
    spanner = _alone(first.group(0), specs) if first else None
    if first is not None and spanner is not None and spanner.effect in ("add", "subtract"):
        same = [s for s in matches if s.effect == spanner.effect]
        if matches and not same:
            return spanner, [f"{first.group(0)!r} outweighs {_words(matches[0], text)!r}"], ""
        if not same:
            return None, [], "add" if spanner.effect == "add" else "subtract"
        if matches[0].effect != spanner.effect:
            return same[0], [f"{first.group(0)!r} outweighs {_words(matches[0], text)!r}"], ""
        return same[0], [], ""
    return (matches[0] if matches else None), [], ""


def _alone(word: str, specs: tuple[RoleSpec, ...]) -> Optional[RoleSpec]:
    """The role a word names on its own ("Deductions", "Additions"), if any."""
    return next((s for s in specs if _matches(s, word) and not s.position), None)


def _words(spec: RoleSpec, text: str) -> str:
    for p in spec.patterns:
        m = p.search(text)
        if m:
            return m.group(0)
    return text


def _placed(texts: list[str], specs: tuple[RoleSpec, ...]) -> dict[RoleSpec, int]:
    """`position: first|last`: a bare "Balance at" read by its place: the
    heading each such role takes (found once, not once per heading)."""
    placed: dict[RoleSpec, int] = {}
    for spec in specs:
        if spec.position:
            alike = [j for j, h in enumerate(texts) if _matches(spec, h)]
            if alike:
                placed[spec] = alike[0] if spec.position == "first" else alike[-1]
    return placed


def _matches(spec: RoleSpec, text: str) -> bool:
    return any(p.search(text) for p in spec.patterns)


def _spelled(text: str, vocab: frozenset[str]) -> tuple[str, list[str]]:
    """Words one letter off a word of the rules read as that word."""
    said: list[str] = []

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 6 or low in vocab or any(low.startswith(v) or v.startswith(low) for v in vocab):
            return word
        near = sorted(v for v in vocab if len(v) >= 6 and _one_off(low, v))
        if len(near) != 1:
            return word
        said.append(f"{word!r} read as {near[0]!r}")
        return near[0]

    return WORD.sub(fix, text), said


def _one_off(a: str, b: str) -> bool:
    """One letter inserted, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]

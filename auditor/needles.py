"""The literal pieces every match of a regular expression holds, lower case: a
`str.find` of each in a text lowered proves the pattern cannot match there
without running it.

A pattern case aside (IGNORECASE) has no literal prefix for `re` to skip by: it
is tried at every character, some 40 instructions a character a pattern, and a
rules file's heading vocabulary is 49 of them (ibm-2023's quick looks at the
texts of five tables that print no schedule words cost 10 M instructions).  A
piece missing from the text rules the pattern out; where all are there the
pattern itself decides, so the answer is the pattern's.

Sound only over an ASCII text (`screened`): there a character matches an ASCII
letter case aside only as its lower case does, while a non-ASCII letter of a
pattern may match an ASCII one ("\u212a", the Kelvin sign, matches "k"): such
letters end a piece and are in none.
"""

from __future__ import annotations

import functools
import re
from re import _parser  # (the parser `re` compiles with: no pattern read twice ways)
from typing import Any

# What the parser writes for a character of the pattern and for the pieces that
# must match once at least (a group; a repeat, when its least count is one or more).
_LITERAL = _parser.LITERAL
_GROUP, _ATOMIC = _parser.SUBPATTERN, _parser.ATOMIC_GROUP
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


@functools.lru_cache(maxsize=None)
def needles(pattern: Any) -> tuple[str, ...]:
    """The pieces (lower case) every match of `pattern` holds, each written
    as consecutive ASCII characters of it outside any alternative or optional
    part; () for a pattern of another engine (RE2) or one not read."""
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        return ()
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # (compiled already, it parses; a later Python may read it otherwise: no pieces then)
        return ()
    found: list[str] = []
    _pieces(parsed, found)
    return tuple(dict.fromkeys(found))


def _pieces(sequence: Any, found: list[str]) -> None:
    """The runs of ASCII characters of `sequence`, in `found`, and those of
    its groups and repeated parts that must match."""
    run: list[str] = []
    for op, value in sequence:
        if op is _LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            found.append("".join(run))
            run = []
        if op is _GROUP:
            _pieces(value[3], found)  # ((group, flags added, flags taken off, its pattern))
        elif op is _ATOMIC:
            _pieces(value, found)
        elif op in _REPEATS and value[0] >= 1:
            _pieces(value[2], found)
        # (anything else, an alternative, a class, an assertion, ends a run and holds no piece for sure)
    if run:
        found.append("".join(run))


def ruled_out(pattern: Any, lower: str, pos: int = 0) -> bool:
    """Whether `pattern` cannot match in the text of which `lower` is the lower
    case (an ASCII text's) from `pos` on: a piece of it is missing."""
    return any(lower.find(piece, max(pos, 0)) == -1 for piece in needles(pattern))


def screened(text: str) -> str | None:
    """The lower case of `text` for `ruled_out`, or None where it is not ASCII."""
    return text.lower() if text.isascii() else None

"""The regular expressions a rules file brings (role headings, row and period
labels), compiled so that no pattern can make a check hang.

A user's rules file is untrusted input: its patterns run on RE2 (the
`google-re2` package), whose matching time is linear in the text whatever the
pattern, so `^(a+)+$` against a long heading costs what `^a+$` does.  RE2
has no lookaround and no backreferences; a pattern using them is refused when
the file loads, with the reason.  The bundled rules file is ours, its
patterns audited by tests/test_hostile_regex.py: it keeps Python's `re`
(which spares every plain `auditor check` importing RE2).
"""

from __future__ import annotations

import re
from typing import Optional, Protocol


class Match(Protocol):
    """What a match of either engine gives: its text."""

    def group(self, index: int, /) -> str: ...


class Pattern(Protocol):
    """A compiled pattern of either engine (`re` or RE2): `search` and its source."""

    @property
    def pattern(self) -> str: ...

    def search(self, text: str, pos: int = 0, /) -> Optional[Match]: ...

    def match(self, text: str, /) -> Optional[Match]: ...


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


def compile_pattern(pattern: str, trusted: bool = False, ignore_case: bool = True) -> Pattern:
    """A compiled pattern with `search` and `pattern` (case-insensitive unless
    `ignore_case` is false: XBRL element names)."""
    if trusted:
        try:
            return re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        except re.error as exc:
            raise PatternError(str(exc)) from None
    import re2  # here, not above: only a user's rules file needs it

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False  # (RE2 would print its own lines on stderr)
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        if "perl operator" in reason or "backreference" in reason or "escape sequence" in reason:
            reason += (" (rules-file patterns run on RE2, which matches in linear time: no lookaround "
                       "(?=, (?!, (?<=, (?<!, and no backreferences)")
        raise PatternError(reason) from None

"""A regular expression compiled at its first use rather than when its module is imported.

`auditor check` of one text exhibit never runs about half the patterns its modules define (the
HTML and iXBRL readers', a rare layout's): compiling them at import was most of a CLI check's
start-up (s32, benchmarks/unused_patterns.py: 76 of 155 patterns, 85 M of 888 M instructions).
`lazy_compile(source, flags)` stands where `re.compile(source, flags)` stood, module-level, and
is used as the pattern it stands for (`.search`, `.match`, `.sub`, `.pattern` ...).

Its first method asked compiles the pattern and keeps each method asked in the instance, so a
later call is one attribute found, as on the pattern itself.  `.pattern` is the source as given,
without compiling (a pattern built from another's source does not compile that one).
tests/test_hostile_regex.py audits every `LazyPattern` of every module, through `compiled()`.
"""

from __future__ import annotations

import re
from typing import Any, Optional, cast


class LazyPattern:
    """A pattern's source and flags, compiled at the first attribute asked of it that it lacks."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: Optional[re.Pattern[str]] = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled here the first time)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # (its own fields, asked before they are set: by copy or pickle)
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # (found in the instance from now on: __getattr__ is not asked again)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done at the returned pattern's first use."""
    # (typed as the pattern it stands for: every use of one is a use of the other)
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))

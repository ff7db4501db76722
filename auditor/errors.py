"""The one exception the pipeline raises for bad input."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from auditor.lazy_pattern import lazy_compile

if TYPE_CHECKING:
    import re


class InputError(Exception):
    """Input the checker cannot read: reported as `path:line[:column]: message`, exit 2.

    `column` is 1-based; stages that count columns in tab-expanded lines raise
    with theirs, and the pipeline maps it to the file's before reporting.
    """

    def __init__(self, message: str, path: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def located(self, path: Optional[str] = None, line: Optional[int] = None) -> InputError:
        """The same error with the file (and line, if still unknown) filled in."""
        return InputError(self.message, self.path or path, self.line or line, self.column)

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line:
            where = f"{where}:{self.line}"
            if self.column:
                where = f"{where}:{self.column}"
        return f"{where}: {self.message}"


class InternalError(InputError):
    """A bug of ours met while checking a file: told in one line like an input
    error, with a request to report it, and exit status 3."""


def internal_message(exc: BaseException, when: str = "while reading this file") -> str:
    """The one line that tells a bug of ours, with a request to report it."""
    text = " ".join(str(exc).split())
    text = text if len(text) <= 200 else text[:200] + "..."
    return (f"internal error {when} ({type(exc).__name__}: {text}); "
            "please report it with the file (AUDITOR_DEBUG=1 shows the traceback)")


def shown(text: str, keep: str = "\n\t") -> str:
    """`text` safe to print on a terminal: control and format characters
    (an escape sequence, a bidirectional override, a NUL, a lone surrogate:
    from a file's name, a rules file or a filing) written as escapes; the
    characters in `keep` (lines and tabs: a report's line keeps none) and
    every visible one (a no-break space too) kept."""
    if text.isprintable():
        return text
    from unicodedata import category

    return "".join(c.encode("unicode_escape").decode("ascii")
                   if c not in keep and category(c) in _UNSHOWN else c for c in text)


_UNSHOWN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def json_shown(text: str) -> str:
    """JSON text (as json.dumps writes it) with the characters `shown` escapes
    written as JSON's \\uXXXX escapes (a pair above U+FFFF): a terminal or a
    pager shows a report's filing text in order (no bidirectional override
    reorders it), and a JSON reader gets the very same strings back.  JSON's
    own text is ASCII, so only characters inside its strings change."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _JSON_CANDIDATE.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    from unicodedata import category

    c = match.group()
    if category(c) not in _UNSHOWN:
        return c
    code = ord(c)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


# (json.dumps escapes the C0 controls itself.  A LazyPattern: test_hostile_regex audits it.)
_JSON_CANDIDATE = lazy_compile("[^\x00-\x7e]")

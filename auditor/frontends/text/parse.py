"""Run the grammar over a located region: text in, typed lines out.

`grammar/schedule.lark` says what each kind of line is made of; the
Transformer below turns lark's tree into `Line` records carrying every
token with its position in the file.  Layout is the next stage's job.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lark import Lark, Transformer, UnexpectedInput

from auditor.errors import InputError
from auditor.frontends.text.locate import Region
from auditor.source import Source
from auditor.package_data import PACKAGE


class Token(NamedTuple):
    kind: str  # WORD, YEAR, NOTE, AMOUNT, NIL, ...
    text: str
    line: int  # 1-based, in the file
    column: int  # 1-based, in the laid-out line
    end: int  # one past the last character

    @property
    def anchor(self) -> int:
        """The column a figure is aligned on: its last digit (or dash)."""
        offset = len(self.text.rstrip(") "))
        return self.column + offset - 1


class Figure(NamedTuple):
    value: Token  # AMOUNT or NIL
    notes: tuple  # NOTE tokens printed after it
    dollar: Token = None


class Line(NamedTuple):
    kind: str  # row, text, rule, markers, table_open, table_close, caption, page
    number: int
    words: tuple = ()  # WORD/YEAR/NOTE tokens before any figure
    figures: tuple = ()  # Figure
    marks: tuple = ()  # RULE or MARK tokens


@lru_cache(maxsize=1)
def _parser() -> tuple:
    """The LALR parser, built once, with the Transformer applied inline (no tree).

    The contextual lexer reads a token only as a terminal the parser can take
    at that point; the grammar still spells out the cases where that matters
    (a rule among heading words, a bare year as an amount), so a basic lexer
    would read the same lines alike.
    """
    grammar = (PACKAGE / "grammar" / "schedule.lark").read_text("utf-8")
    builder = _ToLines(0)
    return Lark(grammar, parser="lalr", lexer="contextual", cache=True, transformer=builder), builder


_lock = threading.Lock()
_RUN = re.compile(r"[-=_]+")


class _ToLines(Transformer):
    def __init__(self, offset: int):
        super().__init__()
        self.offset = offset

    def _token(self, tok) -> Token:
        line = tok.line + self.offset
        return Token(tok.type, str(tok), line, tok.column, tok.column + len(tok))

    def words(self, items):
        return tuple(self._token(t) for t in items)

    def figure(self, items):
        dollar = None
        if items[0].type == "DOLLAR":
            dollar, items = self._token(items[0]), items[1:]
        value = self._token(items[0])
        if value.kind == "YEAR":  # "2003" printed as an amount
            value = value._replace(kind="AMOUNT")
        return Figure(value, tuple(self._token(t) for t in items[1:]), dollar)

    def row(self, items):
        words = items[0] if items and not isinstance(items[0], Figure) else ()
        figures = tuple(i for i in items if isinstance(i, Figure))
        return Line("row", figures[0].value.line, words, figures)

    def text(self, items):
        # A "(2)" among a heading's words is a word of it.
        tokens = []
        for item in items:
            tokens.extend((self._token(item),) if isinstance(item, str) else item)  # a lark token is a str
        return Line("text", tokens[0].line, tuple(tokens))

    def _marks(self, kind, items):
        toks = tuple(self._token(t) for t in items)
        return Line(kind, toks[0].line, marks=toks)

    def rule(self, items):
        # One token for the whole line: each dashed run is a mark of its own.
        # A dash-escaped line ("- -----") is laid out as it was before its
        # escape: its runs two columns further left.
        (whole,) = items
        line = whole.line + self.offset
        text = str(whole)
        escaped = whole.column == 1 and text.startswith("- -")
        shift = whole.column - (2 if escaped else 0)
        marks = tuple(
            Token("RULE", m.group(), line, shift + m.start(), shift + m.end())
            for m in _RUN.finditer(text, 2 if escaped else 0)
        )
        return Line("rule", line, marks=marks)

    def markers(self, items):
        return self._marks("markers", items)

    def _tag(kind):
        def tag(self, items):
            return Line(kind, items[0].line + self.offset)

        return tag

    table_open = _tag("table_open")
    table_close = _tag("table_close")
    caption = _tag("caption")
    page = _tag("page")

    def start(self, items):
        return list(items)


def lines(source: Source, region: Region) -> list:
    """The region's lines, typed by the grammar, in file order."""
    text = "\n".join(_without_table_footnotes(source.lines[region.first - 1 : region.last])) + "\n"
    lark, builder = _parser()
    with _lock:  # the inline builder carries the region's line offset
        builder.offset = region.first - 1
        try:
            return lark.parse(text)
        except UnexpectedInput as exc:
            raise InputError(_sentence(exc), source.path, exc.line + region.first - 1, exc.column) from None


FN_OPEN = re.compile(r"^\s*<FN>", re.IGNORECASE)
FN_CLOSE = re.compile(r"^\s*</FN>", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"^\s*</TABLE>", re.IGNORECASE)


def _without_table_footnotes(lines: list) -> list:
    """The lines with each <FN> block of an SGML table (its footnotes, prose
    that may hold an amount: "(a) Includes $40 of accounts ...") left blank,
    from <FN> to </FN> or to the line before </TABLE>: no row of the table."""
    out, inside = [], False
    for line in lines:
        if FN_OPEN.match(line):
            inside = True
        elif inside and TABLE_CLOSE.match(line):
            inside = False
        if inside:
            out.append("")
            inside = not FN_CLOSE.match(line)
        else:
            out.append(line)
    return out


_EXPECTED = {
    "AMOUNT": "a figure",
    "YEAR": "a figure",  # a bare year where a figure may stand is an amount
    "DOLLAR": "a dollar sign",
    "NIL": "a nil",
    "_NL": "the end of the line",
    "WORD": "text",
    "NOTE": "a footnote marker",
}


def _sentence(exc: UnexpectedInput) -> str:
    """lark's error, as a sentence about the schedule."""
    expected = sorted({_EXPECTED.get(t, t.lower()) for t in getattr(exc, "expected", ()) or ()})
    token = getattr(exc, "token", None)
    got = repr(str(token)) if token is not None else "this character"
    if expected:
        return f"unexpected {got}, expected {' or '.join(expected)}"
    return f"unexpected {got}"

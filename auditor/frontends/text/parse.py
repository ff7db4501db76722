"""Run the grammar over a located region: text in, typed lines out.

`grammar/schedule.lark` says what kind of line each line is (its alias:
`row_line`, `text_line`, `rule_line`, ...); the Transformer below has one
method per alias and turns each into a `Line` record carrying every token
with its position in the file.  Layout is the next stage's job.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Literal, NamedTuple, Optional, Protocol, Sequence, Union

from lark import Lark, Transformer, UnexpectedInput
from lark import Token as LarkToken
from lark.lexer import ContextualLexer

from auditor.errors import InputError
from auditor.frontends.text.footnotes import without_typed_footnotes
from auditor.frontends.text.headings import at_most_two_phrases
from auditor.frontends.text.line_kinds import has_figures
from auditor.frontends.text.region import Region
from auditor.frontends.text.pages import PAGE_OF, without_running_heads
from auditor.labels import AMOUNT_PARENTHESIZED, LETTER, MONTH_NAME, AMOUNT_UNBRACKETED, NEGATIVE_AFTER, NIL, NIL_DASH_RUN, NIL_WORD, NOTE_MARK, NOTE_SIGNS, NUMBERED_MARK, NUMBERED_MARKER, SLASH_MARK, STANDARD_CITED, STANDARD_NAME_ENDS, STANDARD_NO_ALONE, is_rule_line
from auditor.lazy_pattern import lazy_compile
from auditor.package_data import PACKAGE

# What a line is, as the grammar's aliases say (less the "_line").
LineKind = Literal["row", "text", "rule", "notes", "markers", "table_open", "table_close", "caption", "page"]


# A negative's mark typed after an amount's digits (labels.NEGATIVE_AFTER).
_MARKED = lazy_compile(rf"\d(?:{NEGATIVE_AFTER})$")


class Token(NamedTuple):
    kind: str  # the grammar's terminal: WORD, YEAR, NOTE, AMOUNT, NIL, RULE, MARK, ...
    text: str
    line: int  # 1-based, in the file
    column: int  # 1-based, in the laid-out line
    end: int  # one past the last character

    @property
    def anchor(self) -> int:
        """The column a figure is aligned on: its last digit (or a nil's dash).
        A negative's mark after it ("473-", "473CR") hangs past the column's
        digits as a ")" does."""
        marked = _MARKED.search(self.text) if self.kind != "NIL" and self.text[-1:] in "-Rr" else None
        text = self.text[: marked.start() + 1] if marked else self.text
        offset = len(text.rstrip(") "))
        return self.column + offset - 1


class Figure(NamedTuple):
    value: Token  # AMOUNT or NIL
    notes: tuple[Token, ...]  # NOTE tokens printed after it
    dollar: Optional[Token] = None


class Line(NamedTuple):
    kind: LineKind
    number: int
    words: tuple[Token, ...] = ()  # WORD/YEAR/NOTE/REFERENCE/RULE tokens before any figure
    figures: tuple[Figure, ...] = ()
    marks: tuple[Token, ...] = ()  # RULE, MARK or NOTE tokens of a rule, markers or notes line


# Right after a "*" typed where a figure stands (the grammar's NIL, no NOTE): three spaces or more
# before it (a marker set apart from its figure, "69  *", stands two away), two or more after it
# and a figure, a "$", a nil or another such "*"; or right after a "$" ("$ *", a nil typed "$ -"
# the filer's way: no marker stands after a "$").  (Looked at only after a "*": the lexer tries
# NOTE and NIL at every token; fixed-width lookbehinds: linear.)
LONE_STAR = (r"(?:(?<=[ \t\f]{3}\*)|(?<=\$\*)|(?<=\$[ \t\f]\*)|(?<=\$[ \t\f]{2}\*))"
             r"(?=[ \t\f]{2,}[-\d$(<\u2012-\u2015\u2212\x97&*.])")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    """The LALR parser, built once, with the Transformer applied inline (no tree).

    The contextual lexer reads a token only as a terminal the parser can take
    at that point; the grammar still spells out the cases where that matters
    (a rule among heading words, a bare year as an amount), so a basic lexer
    would read the same lines alike.  The Transformer holds no state, so one
    parser serves every parse (and every thread).
    """
    grammar = (PACKAGE / "grammar" / "schedule.lark").read_text("utf-8")
    # The nil spellings are every front end's (labels.NIL): the grammar names them, they are put in here.
    grammar = grammar.replace("NIL_SPELLINGS", _in_lark(NIL)).replace("NIL_WORD", _in_lark(NIL_WORD))
    grammar = grammar.replace("NOTE_MARK", _in_lark(NOTE_MARK)).replace("NOTE_SIGNS", NOTE_SIGNS)  # (labels')
    grammar = grammar.replace("NUMBERED_MARK", _in_lark(NUMBERED_MARK)).replace("SLASH_MARK", _in_lark(SLASH_MARK))  # (labels')
    grammar = grammar.replace("LONE_STAR", _in_lark(LONE_STAR)).replace("MASKED", _MASK)
    # The amounts too: labels.AMOUNT's two forms, each with the grammar's own ending.
    grammar = grammar.replace("AMOUNT_PARENTHESIZED", _in_lark(AMOUNT_PARENTHESIZED))
    grammar = grammar.replace("AMOUNT_UNBRACKETED", _in_lark(AMOUNT_UNBRACKETED))
    return Lark(grammar, parser="lalr", lexer="contextual", cache=True, transformer=_ToLines(),
                _plugins={"ContextualLexer": _LeanLexer})


# A run of blanks: the grammar's ignored whitespace (its `%ignore /[ \t\f]+/`).
_BLANKS = re.compile(r"[ \t\f]+")


class _LeanLexer(ContextualLexer):
    """lark's contextual lexer, the same terminals read in the same order, its loop made lean
    (the seed's instruction budget: the lexer was a third of a check).

    Blanks within a line are skipped at once: no terminal but the ignored blanks begins with
    one there (RULE_LINE and NOTES_LINE begin with blanks at a line's start only), so the
    state's scanner, which tries every terminal before the blanks, would match them alone.
    A line's start is read by the state's scanner as lark reads it.  Where no terminal
    matches, lark's own loop takes over from that point: its errors, word for word."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.readers: dict[int, tuple] = {}  # each parser state's reader as far as built (`_reader`)

    def lex(self, lexer_state, parser_state):  # type: ignore[no-untyped-def]
        whole = lexer_state.text
        if not isinstance(whole, _TextSlice):  # (lark before 1.2 lexes whole strings: its own loop)
            yield from ContextualLexer.lex(self, lexer_state, parser_state)
            return
        readers, state_stack = self.readers, parser_state.state_stack
        line_ctr = lexer_state.line_ctr
        text, end = whole.text, whole.end  # type: ignore[attr-defined]
        pos, line, line_start = line_ctr.char_pos, line_ctr.line, line_ctr.line_start_pos
        blanks = _BLANKS.match
        new_str = str.__new__
        while pos < end:
            if pos != line_start and text[pos] in " \t\f":
                pos = blanks(text, pos).end()  # type: ignore[union-attr]
                continue
            state = state_stack[-1]
            reader = readers.get(state) or self._reader(state)
            found = reader[0](text, pos, end)
            if found is None or found.lastgroup in reader[1]:
                break  # (no terminal here: lark's loop raises its error)
            value, kind = found.group(), found.lastgroup
            column = pos - line_start + 1
            after, after_line = pos + len(value), line
            if kind in reader[2]:
                newlines = value.count("\n")
                if newlines:
                    after_line += newlines
                    line_start = pos + value.rindex("\n") + 1
            if kind not in reader[3]:
                # (lark's Token built as its own constructor builds it, less its two calls)
                token = new_str(LarkToken, value)
                token.type, token.start_pos, token.value, token.line, token.column = kind, pos, value, line, column
                token.end_line, token.end_column, token.end_pos = after_line, after - line_start + 1, after
                lexer_state.last_token = token
                yield token
            pos, line = after, after_line
        line_ctr.char_pos, line_ctr.line, line_ctr.line_start_pos = pos, line, line_start
        line_ctr.column = pos - line_start + 1
        yield from ContextualLexer.lex(self, lexer_state, parser_state)

    def _reader(self, state: int) -> tuple:
        """A state's scanner's match, callbacks, newline and ignored terminals, as lark's lexer
        for the state holds them (its scanner built on first use, as lark builds it)."""
        lexer = self.lexers[state]
        scanner = lexer.scanner  # type: ignore[attr-defined]
        # (one compiled alternation, as lark builds it for fewer than 100 terminals: matched at
        # once, not through the scanner's loop over its patterns)
        match = scanner._mres[0].match if len(scanner._mres) == 1 else _matched_by(scanner._mres)
        reader = (match, lexer.callback, lexer.newline_types, lexer.ignore_types)  # type: ignore[attr-defined]
        self.readers[state] = reader
        return reader


def _matched_by(patterns: list) -> Callable[[str, int, int], Optional[re.Match]]:
    """The first of a scanner's patterns to match at a point, as lark's scanner tries them."""
    def match(text: str, pos: int, end: int) -> Optional[re.Match]:
        for pattern in patterns:
            found = pattern.match(text, pos, end)
            if found:
                return found
        return None
    return match


def _in_lark(pattern: str) -> str:
    """A pattern's text inside a lark /regex/: its slashes escaped."""
    return pattern.replace("/", "\\/")


_RUN = re.compile(r"[-=_]+")
_Item = Union[LarkToken, tuple, Figure]


def _token(tok: LarkToken) -> Token:
    # (lark types line and column optional; its lexer sets both on every token)
    return Token(tok.type, str(tok), tok.line, tok.column, tok.column + len(tok))  # type: ignore[arg-type, operator]


def _at(tok: LarkToken) -> tuple[int, int]:
    """A token's line and column: lark types them optional, but its lexer sets both on every token."""
    return tok.line, tok.column  # type: ignore[return-value]


class _ToLines(Transformer):
    """One method per alias of the grammar: a line's tree to a `Line`."""

    def words(self, items: list[LarkToken]) -> tuple[Token, ...]:
        return tuple(_token(t) for t in items)

    def figure(self, items: list[LarkToken]) -> Figure:
        dollar = None
        if items[0].type == "DOLLAR":
            dollar, items = _token(items[0]), items[1:]
        value = _token(items[0])
        if value.kind == "YEAR":  # "2003" printed as an amount
            value = value._replace(kind="AMOUNT")
        return Figure(value, tuple(_token(t) for t in items[1:]), dollar)

    def row_line(self, items: list[_Item]) -> Line:
        words: tuple[Token, ...] = items[0] if isinstance(items[0], tuple) and not isinstance(items[0], Figure) else ()
        figures = tuple(i for i in items if isinstance(i, Figure))
        return _label_figures_as_words(_dashed_nils(Line("row", figures[0].value.line, words, figures)))

    def text_line(self, items: list[_Item]) -> Line:
        # A "(2)" among a heading's words is a word of it.
        tokens: list[Token] = []
        for item in items:
            if isinstance(item, LarkToken):
                tokens.append(_token(item))
            else:
                tokens.extend(item)  # (a text line holds tokens and words, no figures)
        return _dashed_nils(Line("text", tokens[0].line, tuple(tokens)))

    def rule_line(self, items: list[LarkToken]) -> Line:
        # One token for the whole line: each dashed run is a mark of its own.
        # A dash-escaped line ("- -----") is laid out as it was before its
        # escape: its runs two columns further left.
        (whole,) = items
        line, column = _at(whole)
        text = str(whole)
        escaped = column == 1 and text.startswith("- -")
        shift = column - (2 if escaped else 0)
        marks = tuple(
            Token("RULE", m.group(), line, shift + m.start(), shift + m.end())
            for m in _RUN.finditer(text, 2 if escaped else 0)
        )
        return Line("rule", line, marks=marks)

    def notes_line(self, items: list[LarkToken]) -> Line:
        # One token for the whole line: each "(n)" is a NOTE of its own.
        (whole,) = items
        line, column = _at(whole)
        marks = tuple(Token("NOTE", m.group(), line, column + m.start(), column + m.end())
                      for m in NUMBERED_MARKER.finditer(str(whole)))
        return Line("notes", line, marks=marks)

    def markers_line(self, items: list[LarkToken]) -> Line:
        marks = tuple(_token(t) for t in items)
        return Line("markers", marks[0].line, marks=marks)

    def table_open_line(self, items: list[LarkToken]) -> Line:
        return Line("table_open", _at(items[0])[0])

    def table_close_line(self, items: list[LarkToken]) -> Line:
        return Line("table_close", _at(items[0])[0])

    def caption_tag_line(self, items: list[LarkToken]) -> Line:
        return Line("caption", _at(items[0])[0])

    def page_tag_line(self, items: list[LarkToken]) -> Line:
        return Line("page", _at(items[0])[0])

    def start(self, items: list[Line]) -> list[Line]:
        return items


# A nil typed as a run of dashes longer than labels.NIL's ("----"), up to a column's width.
_DASHED_NIL = lazy_compile(r"-{4,10}")


def _dashed_nils(line: Line) -> Line:
    """Runs of four to ten dashes after a row's label, the first set apart
    from it (two spaces or more), are its first figures, nils typed long ("Provision
    ----   ----   8,549"): the grammar reads a run there as a rule among the
    label's words.  A line with no label (a rule) or a run touching the label
    ("---- ADDITIONS ----", a spanning heading's rule) is left as it is."""
    if len(line.words) < 2 or line.words[-1].kind != "RULE":
        return line  # (most lines: no run after their words)
    words = list(line.words)
    nils: list[Figure] = []
    while len(words) > 1 and words[-1].kind == "RULE" and _DASHED_NIL.fullmatch(words[-1].text):
        nils.insert(0, Figure(words.pop()._replace(kind="NIL"), ()))
    if (not nils or nils[0].value.column - words[-1].end < 2 or any(w.kind == "RULE" for w in words)
            or not any(w.kind == "WORD" for w in words)):
        return line
    return Line("row", line.number, tuple(words), tuple(nils) + line.figures)


def _label_figures_as_words(line: Line) -> Line:
    """A figure-like token one space after a label word is part of the label
    ("Deferred tax assets -" wrapped, "Reserve number 2"): a line left with no
    figures is a label line.  Not after leader dots ("accounts........ 869").  (The lexer skips spaces, so the spacing that
    tells a label's number from a figure is read here, off the columns.)"""
    words, figures = list(line.words), list(line.figures)
    while (figures and words and figures[0].dollar is None and figures[0].value.column - words[-1].end <= 1
           and not _ends_in_leader(words[-1]) and not THOUSANDS.search(figures[0].value.text)):
        fig = figures.pop(0)
        words.extend((fig.value, *fig.notes))
    if len(figures) == len(line.figures):
        return line
    if not figures:
        return Line("text", line.number, tuple(words))
    return Line("row", line.number, tuple(words), tuple(figures))


# A figure set in thousands ("1,210,400", "(1,210,400)"): an amount, never a label's own number ("Reserve
# number 2"), however close to the label a parenthesis brings it.
THOUSANDS = lazy_compile(r"\d,\d{3}")


def _ends_in_leader(word: Token) -> bool:
    """A word run out with leader dots ("accounts.........", or "." of ". . ."):
    the label ends there, what follows is the row's first figure."""
    return word.text.endswith("..") or word.text == "."


class Typed(Protocol):
    """What the grammar reads: a file's lines (a source's, or a wrapped table's rejoined) and its path."""

    @property
    def path(self) -> str: ...

    @property
    def lines(self) -> Sequence[str]: ...


def lines(source: Typed, region: Region) -> list[Line]:
    """The region's lines, typed by the grammar, in file order."""
    # Blank lines stand for the file's lines above the region, which the
    # lexer skips: it counts them (one str.count) and numbers each token at
    # its line in the file, so the Transformer needs no offset.
    above = "\n" * (region.first - 1)
    region_lines = without_typed_footnotes(without_running_heads(_without_table_footnotes(source.lines[region.first - 1 : region.last])))
    printed: dict[int, str] = {}  # a line retyped for the grammar: its text as printed
    refused: dict[int, UnexpectedInput] = {}
    titled: set[int] = set()  # a title block's line, retyped as words: each a word as printed, a lone dash too
    text = above + "\n".join(region_lines) + "\n"
    if "))" in text or not text.isascii() and _SIGN_CLOSED.search(text):  # (a label can take "(6(1))" or "(6¹)"
        # as its word, silently: retype first; a table all ASCII, as most are, prints no "¹", known at once)
        region_lines = _marks_moved_out(region_lines)
        text = above + "\n".join(region_lines) + "\n"
    while True:
        try:
            # (the inline Transformer's `start`: the lines)
            parsed: list[Line] = _parser().parse(_from(text, len(above)))  # type: ignore[assignment]
            if not printed:
                return parsed
            unread = next((ln for ln in parsed if _dash_read_into_a_row(ln, printed)), None)
            if unread is not None:
                first = refused[unread.number]
                raise InputError(_sentence(first), source.path, first.line, first.column) from None
            return _masks_restored(parsed, printed, titled)
        except UnexpectedInput as exc:
            at = exc.line - region.first  # (an index in region_lines)
            retyped = None
            if exc.line not in refused and 0 <= at < len(region_lines):
                retyped = _title_masked(region_lines, at)
                if retyped is not None:
                    titled.add(exc.line)
                else:
                    retyped = _retyped(region_lines, at)
            first = refused.get(exc.line, exc)
            if retyped is None:
                raise InputError(_sentence(first), source.path, first.line, first.column) from None
            refused[exc.line], printed[exc.line], region_lines = exc, region_lines[at], retyped
            text = above + "\n".join(region_lines) + "\n"


def _retyped(lines: list[str], at: int) -> Optional[list[str]]:
    """The lines, line `at` of which the grammar refused, retyped as the grammar spells what
    they print, column for column: a negative's marker typed inside its parentheses moved
    out, on every line ("(473(1))" -> "(473)(1)"); else, on line `at`, the numbers of standards
    named in a heading stack masked as words, then its days, then, where the grammar still refuses
    the line or reads a lone dash on it as a nil, its headings' dashes (`_standards_masked`,
    `_days_masked`, `_heading_dashes_masked`: "DECEMBER 31   EXPENSES -   (2)   31"); None
    where none is printed.  Only on a refusal: the lines every table parses at once are never looked at."""
    if _MARK_INSIDE.search(lines[at]):  # (every line: one the grammar took, "2010   (6(1))", took it as a word)
        return _marks_moved_out(lines)
    line = _standards_masked(lines, at) or lines[at]
    line = _days_masked(line, lines[at - 1] if at > 0 else "") or line
    if line == lines[at] or _nil_dash_read(line):
        line = _heading_dashes_masked(lines, at, line) or line
    return None if line == lines[at] else [*lines[:at], line, *lines[at + 1 :]]


def _title_masked(lines: list[str], at: int) -> Optional[list[str]]:
    """The lines, line `at` (which the grammar refused) masked whole as words where it is the title
    block's (`in_title_block`); else None."""
    if not in_title_block(lines, at):
        return None
    return [*lines[:at], _masked(lines[at], [m.span() for m in _RUN_OF_CHARACTERS.finditer(lines[at])]), *lines[at + 1 :]]


def in_title_block(lines: Sequence[str], at: int) -> bool:
    """Line `at` is the title block's, no row's and no heading's: above the table's first tag or heading
    rule (<TABLE>, <CAPTION>, the <S> <C> line, a rule with no row's figures over it: one below it, none
    above), under no row, and a phrase or two as a title's line prints ("99 CENTS ONLY STORES", "SCHEDULE
    II ... (CONTINUED)   PAGE 2 OF 3"; a heading line over the columns prints more).  Its words are the
    title's, whatever numbers they hold.  (A table typed with no heading rule has its first rule under
    rows: a line above it is no title's.)"""
    edge = next((k for k, line in enumerate(lines) if _TABLE_EDGE.match(line) or is_rule_line(line)), None)
    if edge is None or edge <= at or not at_most_two_phrases(lines[at]):
        return False
    if any(has_figures(line) for line in lines[at + 1 : edge]):
        return False
    above: list[Line] = _parser().parse("\n".join(lines[:at]) + "\n")  # type: ignore[assignment]
    return all(ln.kind != "row" for ln in above)


# A table's tags above its first printed row: <TABLE>, <CAPTION>, the <S> <C> line.
_TABLE_EDGE = lazy_compile(r"^\s*<(?:TABLE\b|CAPTION>|S>)", re.IGNORECASE)


def _nil_dash_read(line: str) -> bool:
    """The grammar refuses `line`, or reads a lone dash on it as a nil (its standards' numbers and
    days masked: "DESCRIPTION   31   EXPENSES   -   (1)   31" a row of a nil, "(1)" and "31"): the
    dash may be a heading's.  (Read as words, "ASC 326 - contract", it is a label's.)"""
    try:
        read: list[Line] = _parser().parse(line + "\n")  # type: ignore[assignment]
    except UnexpectedInput:
        return True
    return any(f.value.kind == "NIL" and _LONE_DASH.fullmatch(f.value.text) for ln in read for f in ln.figures)


def _marks_moved_out(lines: list[str]) -> list[str]:
    """The lines with each negative's marker typed inside its parentheses moved out, "(473(1))"
    -> "(473)(1)", column for column: as a figure and its marker, never a label's word."""
    return [_MARK_INSIDE.sub(r"\1)\2", line) if ")" in line else line for line in lines]


def _standards_masked(lines: list[str], at: int) -> Optional[str]:
    """Line `at` with the number of each standard it names masked as a word: one space after
    the name ("Adoption of ASC 326", "ASU 2016-13": labels.STANDARD_CITED), or alone under a
    phrase of the line above that ends on the name ("OF ASC" over "326"); None where none is."""
    line = lines[at]
    spans = [m.span(1) for m in STANDARD_CITED.finditer(line)]
    if at > 0 and any(c.isdigit() for c in line):
        above = lines[at - 1]
        names = [(above.rfind("  ", 0, m.start()) + 2, m.end()) for m in STANDARD_NAME_ENDS.finditer(above)]
        spans += [m.span() for m in STANDARD_NO_ALONE.finditer(line)
                  if any(a < m.end() and m.start() < b for a, b in names)]
    if not spans:
        return None
    return _masked(line, spans)


# A negative with its footnote marker inside its parentheses, "(473(1))" or "(473¹)", set apart.
_MARK_INSIDE = lazy_compile(rf"(?<![^ \t\f$])(\(-?\d[\d,]*(?:\.\d+)?)({NUMBERED_MARK}|[{NOTE_SIGNS}])\)(?![^ \t\f])")
# A marker sign closing a parenthesis ("(473¹)"): the quick look for one inside a negative's.
_SIGN_CLOSED = lazy_compile(rf"[{NOTE_SIGNS}]\)")


# A day of a month standing alone in a heading stack: one or two digits, set apart.
_DAY = lazy_compile(r"(?<![^ \t\f])(?:[1-9]|[12]\d|3[01])(?![^ \t\f])")
# A day of a month and its year, "31, 1999": a date, never a row's figures (a "31," is none).
_DAY_AND_YEAR = lazy_compile(r"(?<![^ \t\f])(?:[1-9]|[12]\d|3[01]), (?:19|20)\d\d(?![^ \t\f])")
_MONTH_WORD = lazy_compile(rf"\b{MONTH_NAME}\b\.?", re.IGNORECASE)
# A date ending on its day and the comma before its year ("DECEMBER 31,", "31,"): the year is the line
# under's (`_days_masked`, `layout._dates_under_headings`).
DATE_BEFORE_ITS_YEAR = lazy_compile(rf"(?:\b{MONTH_NAME}\.? )?(?<![^ \t\f])(?:[1-9]|[12]\d|3[01]),(?![^ \t\f])",
                                    re.IGNORECASE)
# A year standing alone, set apart.
_YEAR_ALONE = lazy_compile(r"(?<![^ \t\f])(?:19|20)\d\d(?![^ \t\f])")
# What a masked day or standard's number is typed as for the grammar: a word's character, put
# back by `_masks_restored`.
_MASK = "\ue000"


def _days_masked(line: str, above: str, to_end: bool = False) -> Optional[str]:
    """`line` (refused by the grammar, `above` the line over it) with its days masked as words,
    where each such day, words after it on its line, stands by its month: one space after it
    ("BALANCE AT" over "JANUARY 1   EXPENSES") or right under it ("JANUARY" over "DESCRIPTION
    1   EXPENSES"); so too a year right under its date's day and comma ("DECEMBER 31," over
    "DESCRIPTION   2007   EXPENSES"), and a day and its year, wherever on the line ("DECEMBER"
    over "(2)   31, 1999": no row prints "31,"); None where the line prints none.  (A day or year
    alone ending its line stays a figure, layout reads it under its date; but `to_end`, on a line
    whose heading's dash is masked, it is masked too: `_heading_dashes_masked`.)"""
    letters = [m.start() for m in LETTER.finditer(line)]
    if not letters:
        return None
    end = len(line) if to_end else letters[-1]
    beside = {m.end() + 1 for m in _MONTH_WORD.finditer(line)}  # (where a day one space after it starts)
    over = [m.span() for m in _MONTH_WORD.finditer(above)]
    days = [m for m in _DAY.finditer(line, 0, end) if m.start() in beside or _overlaps(over, *m.span())]
    dated = [m.span() for m in DATE_BEFORE_ITS_YEAR.finditer(above)]
    years = [m for m in _YEAR_ALONE.finditer(line, 0, end) if _overlaps(dated, *m.span())] if dated else []
    dates = [*days, *years, *(m for m in _DAY_AND_YEAR.finditer(line) if m.start() in beside or _overlaps(over, *m.span()))]
    if not dates:
        return None
    return _masked(line, [m.span() for m in dates])


# A dash standing alone (labels.NIL_DASH_RUN), set apart from what is beside it on its line.
_LONE_DASH = lazy_compile(rf"(?<![^ \t\f]){NIL_DASH_RUN}(?![^ \t\f])")
_RUN_OF_CHARACTERS = lazy_compile(r"[^ \t\f]+")


def _heading_dashes_masked(lines: list[str], at: int, line: str) -> Optional[str]:
    """`line` (line `at`, its standards and days masked) with each heading's dash on it masked as
    a word, where the grammar refused it for the words after a dash: a heading wrapped at its
    dash ("CHARGED TO OTHER ACCOUNTS -"), the dash left beside other headings' words ("ACCOUNTS -
    (2)   PERIOD", "(1)   -   OFF", "DECEMBER 31   EXPENSES -   (2)   31"). Each such dash stands
    alone under or over a word of its heading (a word of the line right above or below shares a
    column with it) or one space after its word, a word comes after it on its line, and the line
    prints nothing a row reads as a figure but a day under or beside its month, masked with it;
    None where none is.  (A labelled nil with words after it stays refused: `lines` refuses a
    masked dash read into a row's label, layout one on a line that is no heading's.)"""
    line = _days_masked(line, lines[at - 1] if at > 0 else "", to_end=True) or line
    line = _days_over_their_years_masked(line, lines[at + 1] if at + 1 < len(lines) else "") or line
    if any(_as_figure(run.group()) for run in _RUN_OF_CHARACTERS.finditer(line)):
        return None
    letters = [m.start() for m in LETTER.finditer(line)]
    last_word = max(letters[-1] if letters else -1, line.rfind(_MASK))  # (a masked day is a word too)
    stacked = [_worded(lines[k]) for k in (at - 1, at + 1) if 0 <= k < len(lines)]
    own = {end for _, end in _worded(line)}
    dashes = [m for m in _LONE_DASH.finditer(line) if m.end() < last_word
              and (any(_overlaps(words, m.start(), m.end()) for words in stacked)
                   or m.start() - 1 in own)]  # (or one space after its word)
    if not dashes:
        return None
    return _masked(line, [m.span() for m in dashes])


def _days_over_their_years(line: str, below: str) -> list[tuple[int, int]]:
    """Where each day and the comma before its year is on `line` ("31,", "JULY 31,": the day's
    part of `DATE_BEFORE_ITS_YEAR`), its year alone right under it on `below`."""
    years = [m.span() for m in _YEAR_ALONE.finditer(below)]
    days = [(line.rfind(" ", m.start(), m.end()) + 1 or m.start(), m.end()) for m in DATE_BEFORE_ITS_YEAR.finditer(line)]
    return [(start, end) for start, end in days if _overlaps(years, start, end)]


def _days_over_their_years_masked(line: str, below: str) -> Optional[str]:
    """`line` with each day over its year (`_days_over_their_years`: "DEDUCTIONS -   31," over
    "2002") masked as a word, a heading's: no row prints "31,"; None where none is."""
    days = _days_over_their_years(line, below) if "," in line else []
    if not days:
        return None
    return _masked(line, days)


def _masked(line: str, spans: list[tuple[int, int]]) -> str:
    """`line` with each of `spans` typed as a word's characters (`_MASK`) for the grammar."""
    masked = list(line)
    for start, end in spans:
        masked[start:end] = _MASK * (end - start)
    return "".join(masked)


def _as_figure(run: str) -> bool:
    """A run of characters a row could read as a figure: a "$", or digits and no letter (not a
    heading's footnote marker)."""
    return "$" in run or any(c.isdigit() for c in run) and not LETTER.search(run) and not NUMBERED_MARKER.fullmatch(run)


def _worded(line: str) -> list[tuple[int, int]]:
    """Where each run of characters holding a letter is on `line`, left to right."""
    return [w.span() for w in _RUN_OF_CHARACTERS.finditer(line) if LETTER.search(w.group())]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """One of `spans` (left to right, apart) shares a character column with [start, end)."""
    k = bisect.bisect_left(spans, (end, end))  # (the first span starting at or past end)
    return k > 0 and spans[k - 1][1] > start


def _masks_restored(parsed: list[Line], printed: dict[int, str], titled: set[int]) -> list[Line]:
    """The parsed lines, each masked word given back its characters as printed (a heading's dash
    its kind too, as a heading's dash read off its own line keeps it: `layout`; a title block's
    line, `titled`, is words alone: "SCHEDULE II - 3 RIVERS FOUNDRY" prints no nil)."""
    out = []
    for ln in parsed:
        line = printed.get(ln.number)
        if line is not None:
            words = ln.number in titled
            ln = ln._replace(words=tuple(_restored(t, line, words) if _MASK in t.text else t for t in ln.words))
        out.append(ln)
    return out


def _restored(token: Token, line: str, words: bool) -> Token:
    text = line[token.column - 1 : token.end - 1]
    return token._replace(text=text, kind="NIL" if not words and _LONE_DASH.fullmatch(text) else token.kind)


def _dash_read_into_a_row(ln: Line, printed: dict[int, str]) -> bool:
    """A heading's dash masked on line `ln` that the grammar then read as a word of a row's
    label (a nil after a label, figures after it): no heading line, the line's refusal stands."""
    line = printed.get(ln.number)
    return line is not None and ln.kind != "text" and any(
        _MASK in t.text and _LONE_DASH.fullmatch(line[t.column - 1 : t.end - 1]) for t in ln.words)


try:
    from lark.utils import TextSlice

    _TextSlice: type = TextSlice

    def _from(text: str, start: int) -> Union[str, TextSlice[str]]:
        return TextSlice(text, start, len(text))

except ImportError:  # lark before 1.2: the lexer reads the blank lines too (slower, the same lines)
    _TextSlice = type(None)

    def _from(text: str, start: int) -> Union[str, TextSlice[str]]:
        return text


FN_OPEN = re.compile(r"^\s*<FN>", re.IGNORECASE)
FN_CLOSE = lazy_compile(r"^\s*</FN>", re.IGNORECASE)
TABLE_CLOSE = lazy_compile(r"^\s*</TABLE>", re.IGNORECASE)


def _without_table_footnotes(lines: Sequence[str]) -> list[str]:
    """The lines with each <FN> block of an SGML table (its footnotes, prose
    that may hold an amount: "(a) Includes $40 of accounts ...") left blank,
    from <FN> to </FN> or to the line before </TABLE>: no row of the table;
    a page's "page 2 of 3" line too (pages.PAGE_OF)."""
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
            out.append("" if PAGE_OF.match(line) else line)  # ("page 2 of exhibit": furniture, no row)
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

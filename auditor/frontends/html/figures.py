"""The figures of an HTML table's cells: tokens, and printed figures joined
back from the cells EDGAR splits them over ("$", "(2,036", ")", "(a)"), each
placed under the heading it sits under."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterable, Literal, Optional, Sequence, cast

from auditor.errors import InputError
from auditor.frontends.html.grid import CellKind, Fact, HtmlCell
from auditor.frontends.html.leaves import Leaf, indexed
from auditor.labels import (MINUS_SIGNS, NEGATIVE_AFTER, NIL, NOTE_MARK, NUMBERED_MARKER_ALONE, RULE_RUN, SLASH_MARK,
                            UNITS_FIGURE, typed_negative)
from auditor.model import Cell, Position, figure_value

TokKind = Literal["note", "amount", "rule", "nil", "dollar", "open", "close", "percent", "text", "sign"]  # TOKEN's groups

# EDGAR's XBRL viewer numbers its footnotes in brackets: "$ 1,234<sup>[1]</sup>".
VIEWER_NOTE = r"\[\d{1,2}\]"
# A figure's thousands grouped by no-break spaces, as word processors set "1&nbsp;212&nbsp;067" to
# keep it on one line: groups of exactly three digits (a space elsewhere parts two tokens).
SPACE_GROUPED = r"(?<![\d,.])\d{1,3}(?:\xa0\d{3})+(?![\d,.])"
TOKEN = re.compile(
    # ("1/" alone, or after a figure, "473 1/": a marker, never a figure; "12/31" is a date, a word)
    rf"(?P<note>{NOTE_MARK}|{VIEWER_NOTE}|(?<![\d/]){SLASH_MARK}(?![\d/]))"
    # ("-0-" is a nil; "473-", "473CR", "473 CR": labels.NEGATIVE_AFTER, a typed schedule's negatives converted)
    # ("<473>", "<$473>": a typist's angle brackets for parentheses, labels.AMOUNT_PARENTHESIZED)
    # ("\u2212 473": a minus sign a space before its digits, in one cell, is the figure's)
    # ("$000" over a column is its units, never a zero: labels.UNITS_FIGURE)
    rf"|(?P<amount>(?!--?0-|{UNITS_FIGURE}(?![\d,.]))(?:\(\s?|<\$?(?=\d))?(?:[{MINUS_SIGNS}]\s?)?(?:{SPACE_GROUPED}|\d[\d,.]*\d|\d|\.\d+)(?:\s?\)|>|{NEGATIVE_AFTER})?)"
    rf"|(?P<rule>{RULE_RUN})"  # (before a nil: "-------" is a rule, not two nils and a dash)
    rf"|(?P<nil>-\s-(?![-\d])|{NIL})"  # (a nil typed as spaced hyphens, "- -", in one cell: one nil, not two)
    r"|(?P<dollar>\$)|(?P<open>\()|(?P<close>\))|(?P<percent>%)"
    r"|(?P<text>[^\s$()]+)",
    re.IGNORECASE,
)
FIGURE_KINDS: frozenset[TokKind] = frozenset({"amount", "nil"})
# ("sign": a minus sign printed in the cell before its figure's digits, HtmlCell.sign)
MARK_KINDS: frozenset[TokKind] = frozenset({"note", "dollar", "open", "close", "percent", "sign"})


def lone_marker(cell: HtmlCell) -> bool:
    """A "(1)" alone in its cell that may be a footnote's marker: not where inline XBRL
    tags its digits as a fact (Workiva's "(" + "56" + ")" is the filer's own figure)."""
    return bool(NUMBERED_MARKER_ALONE.match(cell.text.strip())) and not any(cell.facts)


def printed_figures(cells: list[HtmlCell]) -> list[HtmlCell]:
    """A row's cells printing a figure, left to right: a small one in parentheses ("(28)") too,
    the row's negative figure; only a "(1)" in a cell of its own after a figure's cells (its ")"
    and empty spacers between) is a note's marker beside it, aside.  (Counted without the small
    negatives, a part laid on a grid of its own may seem to print as many columns of figures as
    the first part by chance.)"""
    found: list[HtmlCell] = []
    after_figure = False
    for c in nonblank(cells):
        if kind(c) == "figure":
            if not (after_figure and lone_marker(c)):
                found.append(c)
            after_figure = True
        elif c.text.strip() != ")":
            after_figure = False
    return found


_SPACE_GROUPED = re.compile(SPACE_GROUPED)
DOTS_GROUPING = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")  # (two "." or more: never a decimal point)


# (Read-only by use, but no frozen dataclass: its __init__ set each field through
# object.__setattr__, 2 M instructions of ibm-2024's check.  Compared as before; no hash either way.)
@dataclass(slots=True)
class Tok:
    kind: TokKind
    text: str
    cell: HtmlCell
    start: int  # index of its first character in the cell
    end: int


def tokens(cell: HtmlCell) -> list[Tok]:
    cached = cell.token_cache
    if cached is None:
        text = _spaced(cell.text)
        if cell.sign or cell.note:  # (the sign of the figure after it; the marker of the one before)
            start = len(text) - len(text.lstrip())
            stripped = text.strip()
            cell.token_cache = [Tok("sign" if cell.sign else "note", stripped, cell, start, start + len(stripped))]
            return cell.token_cache
        cached = []
        # A <sup> run is tokenized apart: "25<sup>2</sup>" is 25 and marker 2, not 252.
        for start, end in _runs(cell.sup):
            cached += [Tok(cast(TokKind, m.lastgroup), m.group(0), cell, m.start(), m.end())
                       for m in TOKEN.finditer(text, start, end)]
        if any(t.kind == "text" and cell.facts[t.start] is not None for t in cached):
            cached = [_zero_word(t) if t.kind == "text" else t for t in cached]
        cell.token_cache = cached
    return cached


def _zero_word(tok: Tok) -> Tok:
    """A word tagged as a fact whose format reads it as zero ("no" under
    ixt-sec:numwordsen): a nil, as the facts read it, in this front end only."""
    fact = _fact(tok)
    if fact is None or not fact.format:
        return tok
    from auditor.frontends.xbrl.facts import zero_word  # (iXBRL only: not loaded for a plain page)

    return Tok("nil", tok.text, tok.cell, tok.start, tok.end) if zero_word(tok.text, fact.format) else tok


def _spaced(text: str) -> str:
    """The text with its no-break spaces as spaces, but those grouping a figure's thousands."""
    if "\xa0" not in text:
        return text
    if _SPACE_GROUPED.search(text) is None:  # (most cells: no figure grouped so, every one a space)
        return text.replace("\xa0", " ")
    kept = {m.start() + k for m in _SPACE_GROUPED.finditer(text) for k, ch in enumerate(m.group(0)) if ch == "\xa0"}
    return "".join(" " if ch == "\xa0" and i not in kept else ch for i, ch in enumerate(text))


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal flags."""
    if flags and (True not in flags or False not in flags):
        return [(0, len(flags))]  # (most cells: one run, found without a step a character)
    runs, start = [], 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            runs.append((start, i))
            start = i
    return runs


def kind(cell: HtmlCell) -> CellKind:
    """blank, figure (only figures and their marks), mark ($, ")", "(a)") or text."""
    found = cell.kind_cache
    if found is None:
        found = cell.kind_cache = _kind({t.kind for t in tokens(cell)})
    return found


def _kind(kinds: set[TokKind]) -> CellKind:
    kinds = kinds - {"rule"}  # (a cell holding only a rule is as blank as the rule row it draws)
    if not kinds:
        return "blank"
    if kinds <= FIGURE_KINDS | MARK_KINDS:
        return "figure" if kinds & FIGURE_KINDS else "mark"
    return "text"


def plain(cells: Iterable[HtmlCell]) -> str:
    return " ".join(" ".join(c.text.replace("\xa0", " ").split()) for c in cells if c.text.strip()).strip()


def nonblank(cells: Iterable[HtmlCell]) -> list[HtmlCell]:
    return [c for c in cells if (c.kind_cache or kind(c)) != "blank"]  # (asked of every cell of every row, again and again)


def placed(found: list[_Figure], leaves: Sequence[Leaf], headings: list[str], path: Optional[str],
           scales: set[str]) -> list[Optional[Cell]]:
    """The cells of one row's figures, one place per leaf (None where blank)."""
    out: list[Optional[Cell]] = [None] * len(leaves)
    leaves = indexed(leaves)
    for fig in found:
        if fig.leaf is None:
            raise InputError(f"figure {fig.raw!r} lies under no column heading", path, fig.line)
        k = leaves.index(fig.leaf)
        taken = out[k]
        if taken is not None:
            raise InputError(f"two figures ({taken.raw!r} and {fig.raw!r}) under the heading "
                             f"{headings[k]!r}", path, fig.line)
        out[k] = fig.cell()
        if fig.fact is not None and fig.fact.scale:
            scales.add(fig.fact.scale)
    return out


@dataclass
class _Figure:
    first: Tok  # the "(" or the figure's first character
    number: Tok  # the amount or nil token
    leaf: Optional[Leaf]
    fact: Optional[Fact]
    raw: str
    closed: bool = True  # a "(" still waits for its ")"
    end: Optional[tuple[int, int]] = None  # (line, end column) of the last character
    notes: str = ""

    @property
    def line(self) -> int:
        return self.first.cell.places[self.first.start][0]

    @property
    def position(self) -> Position:
        line, column, _ = self.first.cell.places[self.first.start]
        return Position(line, column)

    def cell(self) -> Cell:
        line, column, _ = self.first.cell.places[self.first.start]
        end = self.end[1] if self.end and self.end[0] == line else column + len(self.raw)
        value = None if self.number.kind == "nil" else _value(self)
        return Cell(value=value, raw=self.raw, line=line, column=column, end_column=end,
                    footnote=self.notes or None)


def _value(fig: _Figure) -> Decimal:
    digits, negative = typed_negative(fig.raw)  # ("(813)", "\u2013813", "813-", "813 CR")
    digits = digits.replace(" ", "").replace("\xa0", "")
    style = (fig.fact.format or "").lower() if fig.fact else ""
    if "comma" in style:  # ixt:numcommadecimal: 1.234,5
        digits = digits.replace(".", "").replace(",", ".")
    elif DOTS_GROUPING.fullmatch(digits):  # ("1.212.067": a "." grouping thousands, reading.separators)
        digits = digits.replace(".", "")
    else:
        digits = digits.replace(",", "")
    try:
        value = figure_value(digits, fig.raw)
    except InvalidOperation:
        raise InputError(f"cannot read {fig.raw!r} as a figure", None, fig.line) from None
    except InputError as exc:
        raise InputError(exc.message, None, fig.line) from None
    return -value if negative else value


def leaf_of(cell: HtmlCell, leaves: Sequence[Leaf]) -> Optional[Leaf]:
    """The leaf a figure in `cell` falls under (ask an indexed `Leaves` when asking often)."""
    return indexed(leaves).of(cell)


def _end(tok: Tok) -> tuple[int, int]:
    line, _, end = tok.cell.places[tok.end - 1]
    return line, end


def figures(cells: Iterable[HtmlCell], leaves: Sequence[Leaf], path: Optional[str]) -> list[_Figure]:
    """The figures of a row's figure area, fragments joined: "(" "2,036" ")" "(a)"."""
    figures: list[_Figure] = []
    opening: Optional[Tok] = None  # a "(" (or a minus sign) in a cell before its figure's digits
    leaves = indexed(leaves)
    cells = list(cells)
    nil_rules = _rules_as_nils(cells, leaves)
    ahead: Optional[Tok] = None  # markers printed before their figure, in its column ("* | 473", "*473")
    for tok in (t for c in cells for t in tokens(c)):
        if tok.kind == "rule" and tok.cell in nil_rules:
            tok = Tok("nil", tok.text, tok.cell, tok.start, tok.end)
        last = figures[-1] if figures else None
        sup = tok.cell.sup[tok.start]
        # ("(1)" after a figure in its column is its marker, inside its parentheses too: "(813(1))"; not
        # where inline XBRL tags its digits, "(" + "96" + ")": the filer's figure, the "(" outside the tag)
        if tok.kind == "amount" and _fact(tok) is None and (sup or (
                NUMBERED_MARKER_ALONE.match(tok.text) and last and opening is None
                and last.leaf is leaf_of(tok.cell, leaves))):
            tok = Tok("note", tok.text, tok.cell, tok.start, tok.end)
        if tok.kind in FIGURE_KINDS:
            text = tok.text.strip()
            lead = tok if text.startswith("(") or opening is None else opening
            raw = (opening.text if opening is not None and not text.startswith("(") else "") + text
            fig = _Figure(lead, tok, leaf_of(tok.cell, leaves), _fact(tok), raw, end=_end(tok))
            fig.closed = raw.count("(") <= raw.count(")")
            if ahead is not None:
                figures, ahead = _marked_ahead(figures, ahead, fig, cells, leaves), None
            figures.append(fig)
            opening = None
        elif tok.kind in ("open", "sign"):
            opening = tok
        elif tok.kind == "close":
            if last and not last.closed:
                last.raw, last.closed, last.end = last.raw + ")", True, _end(tok)
        elif tok.kind == "note" and ahead is not None and ahead.cell is tok.cell and ahead.end == tok.start:
            ahead = Tok("note", ahead.text + tok.text, ahead.cell, ahead.start, tok.end)
        elif tok.kind == "note" and _marks_ahead(tok, last, leaves):
            figures, ahead = _marked_ahead(figures, ahead, None, cells, leaves), tok
        elif tok.kind == "note" and last:  # a marker before any figure marks no figure
            last.notes += tok.text
        elif tok.kind == "percent" and last:  # ("12.5%": a rate, no amount a schedule adds)
            raise InputError(f"{last.raw + '%'!r} is a rate, not an amount", path, last.line)
        elif tok.kind == "text":
            line = tok.cell.places[tok.start][0]
            raise InputError(f"cannot read {tok.text!r} as a figure", path, line)
    return _marked_ahead(figures, ahead, None, cells, leaves)


# A marker standing alone where a figure stands: the filer's nil ("*" for none).
NIL_MARK = re.compile(r"\*{1,3}")


def nil_mark(cell: HtmlCell) -> bool:
    """A "*" alone in its cell: the filer's nil where it stands in a figure's column (NIL_MARK)."""
    found = tokens(cell)
    return len(found) == 1 and found[0].kind == "note" and bool(NIL_MARK.fullmatch(found[0].text))


def _marks_ahead(tok: Tok, last: Optional[_Figure], leaves: Sequence[Leaf]) -> bool:
    """Whether a footnote marker stands in a figure's column other than the last
    figure's ("473 | * | 912", "* 912"): it marks the figure after it, or (a "*"
    alone) is that column's nil, never a note of the figure before."""
    leaf = leaf_of(tok.cell, leaves)
    return leaf is not None and (last is None or leaf is not last.leaf)


def _marked_ahead(figures: list[_Figure], ahead: Optional[Tok], after: Optional[_Figure],
                  cells: list[HtmlCell], leaves: Sequence[Leaf]) -> list[_Figure]:
    """The row's figures once a marker printed in a column other than the figure
    before it is placed: the note of `after` when printed just before it in its
    column ("*473", "473 | | | * | 912", "* | $ | 912"), not just after the figure
    before ("473 | | (1) | $ | 912": a heading set a cell off, its marker); else a
    "*" in a column no figure of the row stands in is that column's nil; else the
    note of the figure before it, as read before."""
    if ahead is None:
        return figures
    leaf = leaf_of(ahead.cell, leaves)
    if after is not None and after.leaf is leaf:
        at = _index(cells, ahead.cell)
        between = cells[at + 1:_index(cells, after.first.cell)]
        # (counted from the figure's digits, not its ")" cell: "(28 | ) | | * | (1" is as far as "28 | | | * | 1")
        before = _index(cells, figures[-1].number.cell) if figures else -9
        trailing = ahead.cell is not after.first.cell and at - before <= 2 \
            and all({t.kind for t in tokens(c)} <= {"close"} for c in cells[before + 1:at])
        if not trailing and all([t.kind for t in tokens(c)] == ["dollar"] for c in between):
            after.notes = ahead.text + after.notes
            return figures
    elif NIL_MARK.fullmatch(ahead.text):
        nil = Tok("nil", ahead.text, ahead.cell, ahead.start, ahead.end)
        return figures + [_Figure(ahead, nil, leaf, None, ahead.text, end=_end(ahead))]
    if figures:
        figures[-1].notes += ahead.text
    return figures


def _index(cells: list[HtmlCell], cell: HtmlCell) -> int:
    return next(i for i, c in enumerate(cells) if c is cell)


# A dashed run alone in its cell ("----"): a rule where a row draws one, a nil typed
# long among a row's figures (never "====" or "____": a total's rules).
DASHED_NIL = re.compile(r"-{4,}|\u2013{4,}|\u2014{4,}")


def _rules_as_nils(cells: Sequence[HtmlCell], leaves: Sequence[Leaf]) -> list[HtmlCell]:
    """The cells of a row of figures that hold a dashed run alone, each under a
    column no other figure of the row stands in: the row's nils, typed "----"
    (as blank, they read alike in arithmetic but not as printed: `auditor parse`
    and the JSON said no figure stood there).  A row of rules alone stays blank."""
    alone = [c for c in cells if [t.kind for t in tokens(c)] == ["rule"] and DASHED_NIL.fullmatch(tokens(c)[0].text)]
    if not alone:
        return []
    figured = [c for c in cells if any(t.kind in FIGURE_KINDS for t in tokens(c))]
    if not figured:
        return []
    taken = {id(leaf_of(c, leaves)) for c in figured}
    return [c for c in alone if leaf_of(c, leaves) is not None and id(leaf_of(c, leaves)) not in taken]


def _fact(tok: Tok) -> Optional[Fact]:
    facts = [f for f in tok.cell.facts[tok.start:tok.end] if f is not None]
    return facts[0] if facts else None

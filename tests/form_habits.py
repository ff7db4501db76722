"""The forms of a single figure's cell in real Schedule II tables, as edits of a table.

Test support, not part of the tool.  label_habits varies a row's label and a few figure forms;
these are what filers type IN one cell: a nil, a negative, a footnote marker beside or inside
a figure, each applied alone to the 24 real tables, typed (tagged <S>/<C>, untagged, by account)
and in HTML, as `label_habits.Habit`s (a `typed` edit of a text render, figures' places kept,
and an `html` edit of a sentinel render):

nils (every nil of the table): "*", "None", "NA", "N/A", "—", "–", "-", "- -", "$ -", "$—",
  "0" (read as a zero), "-0-", a dash with a marker "—(a)", "-0-(2)", "— (1)";
negatives (every negative): "<93>" (label_habits), "93-", "-93", "− 93" (a minus sign and a
  space), "(93 )", "( 93)", "93CR", "$(93)", "($93)",
  "<$93>" (the typist's angle brackets, the dollar sign inside them);
markers (each period's first negative, or first balance at end): "(93(1))", "(93)(1)",
  "(93)*", "93¹", "93²", "93†", "93‡", "93§", and in HTML "93<sup>(1)</sup>";
not a figure: "93%" (each period's first balance at end), which must be refused, not read.
"""

from __future__ import annotations

import dataclasses
import html
import re
from decimal import Decimal
from typing import Callable, Optional

from label_habits import NEGATIVE_CELLS, Habit, _html_figures, tagged
from render import Printed, Rendered
from render_html import SENTINEL

Edit = Callable[[Printed, str], Optional[str]]


def _lines(r: Rendered) -> list[str]:
    return r.text.split("\n")


def _figure_offset(new: str) -> int:
    """Where the figure starts in a cell's text: after a "$" and its spaces."""
    return len(new) - len(new.lstrip("$ ")) if new.startswith("$") else 0


def retype(r: Rendered, edit: Edit, right: bool = False, value: Optional[Decimal] = None) -> Rendered:
    """Each figure's text replaced by edit(figure, text) where it gives one (label_habits._retype):
    the right edge kept, or with `right` the start kept; a "$" typed in the new text is not
    the figure's; `value` (a nil typed "0") what the new text is worth."""
    lines = _lines(r)
    figures = []
    for f in r.figures:
        line = lines[f.line - 1]
        old = line[f.start - 1:f.end - 1]
        new = edit(f, old)
        if new is not None and new.startswith("$") and line[:f.start - 1].rstrip().endswith("$"):
            new = new.lstrip("$ ")  # (the layout printed a "$" before it already)
        if new is None or new == old:
            figures.append(f)
            continue
        start = f.start if right else f.end - len(new)
        end = start + len(new)
        if right and line[f.end - 1:end].strip() or not right and start < f.start \
                and line[max(start - 2, 0):f.start - 1].strip():
            figures.append(f)  # (no room)
            continue
        lo, hi = min(start, f.start), max(end, f.end)
        lines[f.line - 1] = line[:lo - 1] + (" " * (start - lo) + new).ljust(hi - lo) + line[hi - 1:]
        figures.append(dataclasses.replace(f, raw=new.lstrip("$ "), start=start + _figure_offset(new), end=end,
                                           value=f.value if value is None or f.value is not None else value))
    return dataclasses.replace(r, text="\n".join(lines), figures=figures)


def typed_nils(word: str, value: Optional[Decimal] = None):
    def apply(r: Rendered, spec: dict) -> Rendered:
        return retype(r, lambda f, old: word if f.value is None else None, value=value)
    return apply


def typed_negatives(form: Callable[[str], str]):
    def apply(r: Rendered, spec: dict) -> Rendered:
        def one(f: Printed, old: str) -> Optional[str]:
            body = old.strip()
            if f.value is None or f.value >= 0 or not (body.startswith("(") and body.endswith(")")):
                return None
            return form(body[1:-1].strip())
        return retype(r, one)
    return apply


def _first_per_period(spec: dict, want: Callable[[Printed, str], bool], form: Callable[[str], str]) -> Edit:
    seen: set[int] = set()

    def one(f: Printed, old: str) -> Optional[str]:
        if f.period in seen or f.value is None or spec["periods"][f.period]["rows"][f.row].get("is_total") \
                or not want(f, old):
            return None
        seen.add(f.period)
        return form(old)
    return one


def _closing(spec: dict) -> int:
    return spec["roles"][1:].index("ending")


def typed_marked_closing(mark: str):
    """Each period's first balance at end (not a total's) with `mark` after it."""
    def apply(r: Rendered, spec: dict) -> Rendered:
        k = _closing(spec)
        return retype(r, _first_per_period(spec, lambda f, old: f.column == k and f.value > 0,
                                           lambda old: old + mark), right=True)
    return apply


def typed_marked_negative(form: Callable[[str], str]):
    """Each period's first negative "(93)" typed form("93")."""
    def apply(r: Rendered, spec: dict) -> Rendered:
        return retype(r, _first_per_period(spec, lambda f, old: f.value < 0 and old.startswith("("),
                                           lambda old: form(old.strip()[1:-1])), right=True)
    return apply


# --- html edits ------------------------------------------------------------------

NIL_CELL = "&#151;|&#8212;|&mdash;|None"  # (the renders' nils: 1999's, the filing software's, in words)


def _dollar_outside(e, text: str) -> None:
    """A "$" typed before each figure (in its cell) whose text starts `text`: before the
    sentinel, which marks where the figure starts."""
    pieces = e.text.split(SENTINEL)
    for i in range(1, len(pieces)):
        if pieces[i].startswith(text):
            pieces[i - 1] += "$ "
    e.text = SENTINEL.join(pieces)


def html_nils(text: str, value: Optional[Decimal] = None):
    """Every nil (the render's &#151;) typed `text` (HTML: escape it where it needs to be), a
    "$ " before it outside the figure; `value` what it is worth (a "0")."""
    dollar = text.startswith("$")
    body = text.lstrip("$ ")

    def apply(e) -> None:
        def one(m, i):
            if value is not None:
                e.keys[i] = (*e.keys[i][:4], value)
            if m.group(1):  # (in an inline XBRL tag: its marker after it, the fact's text what its format reads)
                nil, mark = re.fullmatch(r"(.*?)(\s*\(\w\))?", body).groups()
                return nil + m.group(1) + (mark or ""), html.unescape(body)
            return body, html.unescape(body)
        _html_figures(e, f"(?:{NIL_CELL})(</ix:nonFraction>)?", one)
        if dollar:
            _dollar_outside(e, body)
    return apply


def html_negatives(form: Callable[[str], str], first: bool = False):
    """Every negative ("(" figure ")" in two cells), or each period's first, typed form(digits)."""
    def apply(e) -> None:
        seen: set[int] = set()

        def one(m, i):
            pi = e.keys[i][0]
            if first and pi in seen:
                return None
            seen.add(pi)
            body = form(m.group(1))
            return tagged(m, body.lstrip("$ ")) + "</td><td></td>", html.unescape(body.lstrip("$ "))
        _html_figures(e, NEGATIVE_CELLS, one)
        if form("0").startswith("$"):
            _dollar_outside(e, "(")
    return apply


def html_marked_closing(mark: str):
    def apply(e) -> None:
        k = _closing(e.spec)
        seen: set[int] = set()

        def one(m, i):
            pi, ri, column = e.keys[i][:3]
            if column != k or pi in seen or e.spec["periods"][pi]["rows"][ri].get("is_total"):
                return None
            seen.add(pi)
            return m.group(1) + (m.group(2) or "") + mark, m.group(1)
        _html_figures(e, r"([\d,.]+)(</ix:nonFraction>)?(?=<)", one)
    return apply


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _nil(word: str, value: Optional[Decimal] = None) -> Habit:
    return Habit(typed=typed_nils(word, value), html=html_nils(_esc(word), value))


def _negative(form: Callable[[str], str]) -> Habit:
    return Habit(typed=typed_negatives(form), html=html_negatives(lambda b: _esc(form(b))))


def _marked_negative(form: Callable[[str], str]) -> Habit:
    return Habit(typed=typed_marked_negative(form), html=html_negatives(lambda b: _esc(form(b)), first=True))


def _marked(mark: str, html_mark: Optional[str] = None) -> Habit:
    return Habit(typed=typed_marked_closing(mark), html=html_marked_closing(html_mark or _esc(mark)))


HABITS: dict[str, Habit] = {
    # nils
    "nil-star": _nil("*"),
    "nil-None": _nil("None"),
    "nil-NA": _nil("NA"),
    "nil-N/A": _nil("N/A"),
    "nil-em-dash": _nil("\u2014"),
    "nil-en-dash": _nil("\u2013"),
    "nil-hyphen": _nil("-"),
    "nil-spaced-dashes": _nil("- -"),
    "nil-dollar-hyphen": _nil("$ -"),
    "nil-dollar-em-dash": _nil("$\u2014"),
    "nil-zero": _nil("0", Decimal(0)),
    "nil-dash-zero": _nil("-0-"),
    "nil-dash-letter": _nil("\u2014(a)"),
    "nil-dash-zero-digit": _nil("-0-(2)"),
    "nil-dash-space-digit": _nil("\u2014 (1)"),
    # negatives
    "neg-minus-after": _negative(lambda b: b + "-"),
    "neg-hyphen": _negative(lambda b: "-" + b),
    "neg-minus-sign-space": _negative(lambda b: "\u2212 " + b),
    "neg-space-inside-right": _negative(lambda b: f"({b} )"),
    "neg-space-inside-left": _negative(lambda b: f"( {b})"),
    "neg-cr": _negative(lambda b: b + "CR"),
    "neg-dollar-outside": _negative(lambda b: f"$({b})"),
    "neg-dollar-inside": _negative(lambda b: f"(${b})"),
    "neg-angle-dollar-inside": _negative(lambda b: f"<${b}>"),
    # markers
    "mark-inside-parens": _marked_negative(lambda b: f"({b}(1))"),
    "mark-after-parens": _marked_negative(lambda b: f"({b})(1)"),
    "mark-star-after-parens": _marked_negative(lambda b: f"({b})*"),
    "mark-sup-1": _marked("\u00b9"),
    "mark-sup-2": _marked("\u00b2"),
    "mark-dagger": _marked("\u2020"),
    "mark-double-dagger": _marked("\u2021"),
    "mark-section": _marked("\u00a7"),
    "mark-html-sup": Habit(html=html_marked_closing("<sup>(1)</sup>")),
    # not a figure: a rate typed where a figure stands must not be read as an amount
    "percent": _marked("%"),
}

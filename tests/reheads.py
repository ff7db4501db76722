"""A schedule's table going on after a page break under headings typed again,
and typed otherwise than on the first page (test support, not the tool).

Each variation breaks a rendered table before its second period (else between
body rows): the <TABLE> closed, page furniture, a <PAGE>, the title typed again
with "(Continued)" and a new <TABLE> whose <CAPTION> repeats the headings,
edited: `same` (control), `word` (one heading word changed), `dropped` (the
first heading line left off), `letters` (a column letters row added),
`moved` (`word`, the <S>/<C> line typed anew), `untagged` (no tags: the page
ejected inside the table, headings edited by `word`, `dropped` or `letters`);
`reheaded-schedule-title` heads the next page "SCHEDULE II - ...",
`reheaded-within-period` breaks between a period's rows instead."""

from __future__ import annotations

import dataclasses
import re

from render import Rendered
from text_era import _body_rows, _insert, _lines, _with

PERIOD = re.compile(r"^\s*(year|fiscal|period|for the)\b.*\d{4}", re.IGNORECASE)


def _break_at(lines: list[str], r: Rendered) -> int:
    """1-based line the next page opens with: the second period's caption, else the third body row."""
    s = next(i for i, ln in enumerate(lines) if ln.strip().startswith("<S>"))
    periods = [i + 1 for i, ln in enumerate(lines) if i > s and PERIOD.match(ln)]
    if len(periods) > 1:
        return periods[1]
    rows = _body_rows(r)
    return rows[2] if len(rows) > 2 else 0


def _heads(lines: list[str]) -> list[str]:
    c = next(i for i, ln in enumerate(lines) if ln.strip().upper().startswith("<CAPTION>"))
    s = next(i for i, ln in enumerate(lines) if ln.strip().startswith("<S>"))
    return lines[c + 1 : s + 1]


def _word(heads: list[str]) -> list[str]:
    """A heading word typed otherwise: "Deductions" as "Write-offs", else the
    first "of" as "at"."""
    out, done = [], False
    for ln in heads:
        if not done and re.search(r"deductions", ln, re.IGNORECASE):
            ln, done = re.sub(r"(?i)deductions", lambda m: "WRITE-OFFS" if m.group().isupper() else "Write-offs", ln, 1), True
        out.append(ln)
    if not done:
        for i, ln in enumerate(out):
            if re.search(r"\bof\b", ln):
                out[i] = re.sub(r"\bof\b", "at", ln, 1)
                break
    return out


def _dropped(heads: list[str]) -> list[str]:
    words = [i for i, ln in enumerate(heads) if ln.strip() and not set(ln.strip()) <= set("-= ") and "<" not in ln]
    return heads if len(words) < 2 else heads[: words[0]] + heads[words[0] + 1 :]


def _letters(heads: list[str]) -> list[str]:
    rule = next((ln for ln in heads if ln.strip() and set(ln.strip()) <= set("- ")), None)
    if rule is None:
        return heads
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    row = [" "] * len(rule)
    for (a, b), letter in zip(spans, "ABCDEFGH"):
        word = f"Column {letter}"
        at = a + max(0, (b - a - len(word)) // 2)
        row[at : at + len(word)] = word
    return ["".join(row).rstrip()] + heads


EDITS = {"same": lambda h: h, "word": _word, "dropped": _dropped, "letters": _letters}


def _moved(heads: list[str]) -> list[str]:
    """The headings retyped (`_word`) and the <S>/<C> line typed anew, its
    markers two columns to the left of the first page's."""
    return [ln.replace("  <C>", "<C>  ") if ln.strip().startswith("<S>") else ln for ln in _word(heads)]


EDITS["moved"] = _moved


def reheaded(r: Rendered, spec: dict, edit: str, head: str = "", within: bool = False) -> Rendered:
    lines = _lines(r)
    at = _body_rows(r)[1] + 1 if within and len(_body_rows(r)) > 2 else _break_at(lines, r)
    if not at or not any(ln.strip().upper().startswith("<CAPTION>") for ln in lines):
        return r
    title = next((ln.strip() for ln in lines if "VALUATION" in ln.upper()), "SCHEDULE II")
    heads = EDITS[edit](_heads(lines))
    page = ["</TABLE>", "", " " * 38 + "S-2", "<PAGE>", "", " " * 20 + (head or title) + " (Continued)", "",
            "<TABLE>", "<CAPTION>"] + heads
    return _with(r, lines, _insert(lines, list(r.figures), at, page))


def untagged(r: Rendered, spec: dict, edit: str = "word") -> Rendered:
    """No tags anywhere: the page ejected inside the table and its headings
    typed again under it, one word otherwise."""
    lines = _lines(r)
    at = _break_at(lines, r)
    if not at:
        return r
    heads = [ln for ln in EDITS[edit](_heads(lines)) if "<" not in ln]
    page = ["", " " * 38 + "S-2", "\f", ""] + heads
    out = _with(r, lines, _insert(lines, list(r.figures), at, page))
    keep = [i for i, ln in enumerate(_lines(out)) if not re.match(r"^\s*</?(TABLE|CAPTION|S|C)\b", ln, re.IGNORECASE)
            and not ln.strip().startswith("<S>")]
    lines2 = _lines(out)
    renum = {old + 1: new + 1 for new, old in enumerate(keep)}
    figs = [dataclasses.replace(f, line=renum[f.line]) for f in out.figures]
    return _with(out, [lines2[i] for i in keep], figs)


VARIATIONS = {f"reheaded-{e}": (lambda e: lambda r, s: reheaded(r, s, e))(e) for e in EDITS}
VARIATIONS["reheaded-untagged"] = untagged
VARIATIONS["reheaded-untagged-dropped"] = lambda r, s: untagged(r, s, "dropped")
VARIATIONS["reheaded-untagged-letters"] = lambda r, s: untagged(r, s, "letters")
VARIATIONS["reheaded-schedule-title"] = lambda r, s: reheaded(r, s, "word", "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS")
VARIATIONS["reheaded-moved"] = lambda r, s: reheaded(r, s, "moved", "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS")
VARIATIONS["reheaded-within-period"] = lambda r, s: reheaded(r, s, "word", within=True)

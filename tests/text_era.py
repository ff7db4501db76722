"""Typing habits of 1993-2000 EDGAR text submissions, as edits of a rendered table.

Test support, not part of the tool.  benchmarks/sweep_typed.py and tests/typed.py
vary what a typist's hand does to figures and rules (misaligned figures,
leaders, tabs, running heads, nil words, "=" and "_" rules, "$" apart); these
are the habits of the period's submissions they do not vary, each applied
alone to a table rendered by tests/render.py, returning a `Rendered` whose
`figures` say where every figure now stands:

- crlf: every line ended "\\r\\n" (the submissions were typed on DOS machines);
- trailing: trailing spaces on every line and a form feed alone on a line
  between two body rows (word processors' page ejects left in the table);
- no-commas: figures typed without thousands commas ("1234567");
- trailing-minus: negatives typed "473-" rather than "(473)" (adding-machine style);
- credits: negatives typed "473CR" (the bookkeeper's credit);
- mixed-negatives: "473-", "473CR", "473 CR" and "(473)" in turn in one table;
- upper-totals: total rows' labels typed "TOTAL" in capitals;
- equals-each-total: "=====" under every total's figures, as wide as each figure
  (not the column), the dashed rule over it left out;
- continued: a page break between body rows: "(Continued)", <PAGE>, a page
  number ("S-2"), the title typed again with "(Continued)", the table going on
  without its headings;
- page-number-only: a form feed and a page number ("- 45 -") alone between
  body rows, no <PAGE>, no heads;
- label-three-lines: long row labels wrapped over three lines, the figures on
  the middle one.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable

from render import Printed, Rendered


def _lines(r: Rendered) -> list[str]:
    return r.text.split("\n")


def _with(r: Rendered, lines: list[str], figures: list[Printed], sep: str = "\n") -> Rendered:
    return dataclasses.replace(r, text=sep.join(lines), figures=figures)


def _insert(lines: list[str], figures: list[Printed], before: int, new: list[str]) -> list[Printed]:
    """`new` lines inserted before 1-based line `before`; the figures below moved down."""
    lines[before - 1:before - 1] = new
    return [dataclasses.replace(f, line=f.line + len(new)) if f.line >= before else f for f in figures]


def _retyped(r: Rendered, edit: Callable[[Printed, str], str]) -> Rendered:
    """Each figure's text replaced by edit(figure, printed text), right edge kept
    (padding to the left with spaces, or taking the spaces there)."""
    lines = _lines(r)
    figures = []
    for f in sorted(r.figures, key=lambda f: (f.line, -f.start)):
        line = lines[f.line - 1]
        old = line[f.start - 1:f.end - 1]
        new = edit(f, old)
        start = f.end - len(new)
        if start < f.start and line[start - 1:f.start - 1].strip():
            start = f.start  # no room to the left: leave it as printed
            new = old
        lo = min(start, f.start)
        lines[f.line - 1] = line[:lo - 1] + new.rjust(f.end - lo) + line[f.end - 1:]
        figures.append(dataclasses.replace(f, raw=new.strip() if new != old else f.raw,
                                           start=start + (len(new) - len(new.lstrip())), end=f.end))
    return _with(r, lines, sorted(figures, key=lambda f: (f.line, f.start)))


def _body_rows(r: Rendered) -> list[int]:
    return sorted({f.line for f in r.figures})


def _totals(r: Rendered, spec: dict) -> set[int]:
    return {f.line for f in r.figures if spec["periods"][f.period]["rows"][f.row].get("is_total")}


def crlf(r: Rendered, spec: dict) -> Rendered:
    return _with(r, _lines(r), list(r.figures), "\r\n")


def trailing(r: Rendered, spec: dict) -> Rendered:
    lines = [line + "   " if line.strip() else line for line in _lines(r)]
    rows = _body_rows(r)
    figures = list(r.figures)
    if len(rows) > 2:
        figures = _insert(lines, figures, rows[1] + 1, ["\f"])
    return _with(r, lines, figures)


def no_commas(r: Rendered, spec: dict) -> Rendered:
    return _retyped(r, lambda f, old: old.replace(",", ""))


def trailing_minus(r: Rendered, spec: dict) -> Rendered:
    def edit(f, old):
        body = old.strip()
        if body.startswith("(") and body.endswith(")"):
            return " " + body[1:-1].strip() + "-"
        return old
    return _retyped(r, edit)


def upper_totals(r: Rendered, spec: dict) -> Rendered:
    lines = _lines(r)
    for n in _totals(r, spec):
        first = min(f.start for f in r.figures if f.line == n)
        label = lines[n - 1][:first - 1]
        lines[n - 1] = label.upper() + lines[n - 1][first - 1:]
    labels = {k: (v.upper() if spec["periods"][k[0]]["rows"][k[1]].get("is_total") else v)
              for k, v in r.row_labels.items()}
    return dataclasses.replace(_with(r, lines, list(r.figures)), row_labels=labels)


def equals_each_total(r: Rendered, spec: dict) -> Rendered:
    lines = _lines(r)
    totals = _totals(r, spec)
    # The rules typed by the renderer over and under totals: taken out (kept where blank lines).
    for n in totals:
        for k in (n - 2, n):  # 0-based: the line over, the line under
            if 0 <= k < len(lines) and lines[k].strip() and set(lines[k].strip()) <= set("-= "):
                lines[k] = ""
    figures = list(r.figures)
    for n in sorted(totals, reverse=True):
        under = [" "] * max(len(lines[n - 1]), 1)
        for f in figures:
            if f.line == n:
                under[f.start - 1:f.end - 1] = "=" * (f.end - f.start)
        if 0 <= n < len(lines) and not lines[n].strip():
            lines[n] = "".join(under).rstrip()
        else:
            figures = _insert(lines, figures, n + 1, ["".join(under).rstrip()])
    return _with(r, lines, figures)


def continued(r: Rendered, spec: dict) -> Rendered:
    rows = _body_rows(r)
    if len(rows) < 3:
        return r
    lines = _lines(r)
    title = next((line.strip() for line in lines if "VALUATION" in line.upper()), "SCHEDULE II")
    page = ["", " " * 30 + "(Continued)", "", " " * 38 + "S-2", "<PAGE>", "",
            " " * 20 + title + " (Continued)", ""]
    return _with(r, lines, _insert(lines, list(r.figures), rows[1] + 1, page))


def page_number_only(r: Rendered, spec: dict) -> Rendered:
    """A page break between body rows typed as a form feed and a centred
    page number ("- 45 -") alone, the rows going on under it."""
    rows = _body_rows(r)
    if len(rows) < 3:
        return r
    lines = _lines(r)
    page = ["", " " * 36 + "- 45 -", "\f", ""]
    return _with(r, lines, _insert(lines, list(r.figures), rows[1] + 1, page))


def label_three_lines(r: Rendered, spec: dict) -> Rendered:
    lines = _lines(r)
    figures = list(r.figures)
    for n in sorted(_body_rows(r), reverse=True):
        first = min(f.start for f in figures if f.line == n)
        line = lines[n - 1]
        label = line[:first - 1].rstrip(" $")
        words = label.split()
        if len(words) < 3 or _is_total_line(figures, spec, n):
            continue
        indent = label[:len(label) - len(label.lstrip())]
        k = len(words)
        a, b = k // 3, 2 * k // 3
        middle = indent + "  " + " ".join(words[a:b])
        lines[n - 1] = middle.ljust(len(label)) + line[len(label):] if len(middle) <= len(label) else line
        if lines[n - 1] is line:
            continue
        figures = _insert(lines, figures, n + 1, [indent + "  " + " ".join(words[b:])])
        figures = _insert(lines, figures, n, [indent + " ".join(words[:a])])
    return _with(r, lines, figures)


def _is_total_line(figures: list[Printed], spec: dict, n: int) -> bool:
    return any(spec["periods"][f.period]["rows"][f.row].get("is_total") for f in figures if f.line == n)


def credits(r: Rendered, spec: dict) -> Rendered:
    """Negatives typed "473CR", the bookkeeper's credit."""
    def edit(f, old):
        body = old.strip()
        if body.startswith("(") and body.endswith(")"):
            return body[1:-1].strip() + "CR"
        return old
    return _retyped(r, edit)


def mixed_negatives(r: Rendered, spec: dict) -> Rendered:
    """Negatives typed every way a 1990s table mixes them, in turn: "473-",
    "473CR", "473 CR", "(473)" (one typist's credits among another's minus signs)."""
    forms = ("{}-", "{}CR", "{} CR", "({})")
    count = iter(range(1 << 30))

    def edit(f, old):
        body = old.strip()
        if body.startswith("(") and body.endswith(")"):
            return " " + forms[next(count) % len(forms)].format(body[1:-1].strip())
        return old
    return _retyped(r, edit)


def _table_span(lines: list[str]) -> tuple[int, int]:
    """0-based indexes of the <TABLE> and </TABLE> lines."""
    return (next(i for i, ln in enumerate(lines) if ln.strip().upper() == "<TABLE>"),
            next(i for i, ln in enumerate(lines) if ln.strip().upper() == "</TABLE>"))


def _column_starts(lines: list[str]) -> list[int]:
    """0-based starts of the label's and each column's dashed rule under the headings."""
    rule = next(ln for ln in lines if ln.strip() and set(ln.strip()) <= set("- ") and ln.startswith("-"))
    return [m.start() for m in re.finditer(r"-+", rule)]


def year_first(r: Rendered, spec: dict) -> Rendered:
    """A year column typed before the description ("<S>" over the year, "<C>"
    over the description), the period captions left out."""
    lines = _lines(r)
    top, bottom = _table_span(lines)
    years = {f.line: re.findall(r"\d{4}", spec["periods"][f.period]["label"]) for f in r.figures}
    last_years = [re.findall(r"\d{4}", p["label"])[-1:] for p in spec["periods"]]
    if any(not y for y in last_years) or len({y[0] for y in last_years}) < len(last_years):
        return r  # (two periods in one year: no typist names them by the year alone)
    for i in range(top + 1, bottom):
        ln = lines[i]
        if i + 1 in years:
            lines[i] = f"{years[i + 1][-1]}   " + ln
        elif ln.startswith("<") and not ln.startswith("<S>"):
            continue  # <CAPTION>
        elif ln.startswith("<S>"):
            lines[i] = "<S>    <C>" + ln[3:]
        elif ln.startswith("DESCRIPTION"):
            lines[i] = "YEAR   " + ln
        elif ln.startswith("-"):
            lines[i] = "----   " + ln
        elif ln.strip() and not ln.startswith(" ") and ln.rstrip().endswith(":") and re.search(r"\d{4}", ln):
            lines[i] = ""  # the period's caption: the year column says it
        else:
            lines[i] = "       " + ln if ln.strip() else ln
    figures = [dataclasses.replace(f, start=f.start + 7, end=f.end + 7) for f in r.figures]
    return _with(r, lines, figures)


def split_columns(r: Rendered, spec: dict) -> Rendered:
    """The table typed as two, one under the other, too wide for the page: the
    first half of its columns, then the rest, each with the row labels."""
    lines = _lines(r)
    top, bottom = _table_span(lines)
    starts = _column_starts(lines[top:bottom])
    if len(starts) < 4:
        return r
    first, cut = starts[1], starts[1 + (len(starts) - 1) // 2]
    shift = cut - first
    second = [ln[:first] + ln[cut:] if len(ln) > first else ln for ln in lines[top:bottom + 1]]
    lines[top:bottom + 1] = [ln[:cut].rstrip() for ln in lines[top:bottom + 1]] + [""] + second
    down = bottom + 1 - top + 1
    figures = [f if f.start - 1 < cut else dataclasses.replace(f, line=f.line + down, start=f.start - shift,
                                                               end=f.end - shift)
               for f in r.figures]
    return _with(r, lines, sorted(figures, key=lambda f: (f.line, f.start)))


VARIATIONS: dict[str, Callable[[Rendered, dict], Rendered]] = {
    "crlf": crlf, "trailing": trailing, "no-commas": no_commas, "trailing-minus": trailing_minus,
    "upper-totals": upper_totals, "equals-each-total": equals_each_total, "continued": continued,
    "label-three-lines": label_three_lines, "credits": credits, "year-first": year_first,
    "split-columns": split_columns, "page-number-only": page_number_only, "mixed-negatives": mixed_negatives,
}

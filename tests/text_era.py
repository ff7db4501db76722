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
import json
import re
from typing import Callable

from expect import expected_errors
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


# --- habits found by the s25 red team on the period's submissions ----------------------------


def _column_spans(lines: list[str]) -> list[tuple[int, int]]:
    """0-based [start, end) of the label's and each column's dashed rule under the headings."""
    rule = next(ln for ln in lines if ln.strip() and set(ln.strip()) <= set("- ") and ln.startswith("-"))
    return [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]


def _rule_index(lines: list[str]) -> int:
    return next(i for i, ln in enumerate(lines) if ln.strip() and set(ln.strip()) <= set("- ") and ln.startswith("-"))


def _centred(spans: list[tuple[int, int]], words: list[str]) -> str:
    out = ""
    for (a, b), w in zip(spans, words):
        at = max(a + (b - a - len(w)) // 2, len(out) + 1 if out else a)
        out = out.ljust(at) + w
    return out


def letters_under(r: Rendered, spec: dict) -> Rendered:
    """The column letters typed on a line of their own under the headings,
    over the dashed rules: "(A)  (B)  (C) ..."."""
    lines = _lines(r)
    at = _rule_index(lines)
    spans = _column_spans(lines)
    row = _centred(spans, [f"({chr(65 + k)})" for k in range(len(spans))])
    return _with(r, lines, _insert(lines, list(r.figures), at + 1, [row]))


def letters_some(r: Rendered, spec: dict) -> Rendered:
    """"Col. A" ... letters typed over the first columns only, on a line above
    the headings (the typist stopped after the additions)."""
    lines = _lines(r)
    spans = _column_spans(lines)
    at = next(i for i, ln in enumerate(lines) if ln.strip().upper() == "<CAPTION>") + 1
    row = _centred(spans[:3], [f"Col. {chr(65 + k)}" for k in range(3)])
    return _with(r, lines, _insert(lines, list(r.figures), at + 1, [row]))


def _is_caption(line: str) -> bool:
    return bool(line.strip()) and not line.startswith(" ") and line.rstrip().endswith(":") \
        and bool(re.search(r"\d{4}", line))


def year_last(r: Rendered, spec: dict, every: bool = True) -> Rendered:
    """The period typed as a year in a column at each row's end (or at the
    end of each period's first row only), under a "YEAR" heading, the period
    captions left out."""
    lines = _lines(r)
    years = {f.line: re.findall(r"\d{4}", spec["periods"][f.period]["label"]) for f in r.figures}
    last_years = [re.findall(r"\d{4}", p["label"])[-1:] for p in spec["periods"]]
    if any(not y for y in last_years) or len({y[0] for y in last_years}) < len(last_years):
        return r
    tops = [i for i, ln in enumerate(lines) if ln.strip().upper() == "<TABLE>"]
    width = max(len(ln) for ln in lines)
    typed: set[str] = set()
    for top in tops:  # (each table of a schedule reopened after a page break)
        bottom = next(i for i in range(top, len(lines)) if lines[i].strip().upper() == "</TABLE>")
        rule = top + _rule_index(lines[top:bottom])
        for i in range(top + 1, bottom):
            ln = lines[i]
            if i + 1 in years:
                year = years[i + 1][-1]
                lines[i] = ln.ljust(width) + "    " + year if every or year not in typed else ln
                typed.add(year)
            elif i == rule:
                lines[i] = ln.ljust(width) + "    ----"
            elif i == rule - 1:
                lines[i] = ln.ljust(width) + "    YEAR"
            elif ln.startswith("<S>"):
                lines[i] = ln.ljust(width) + "    <C>"
            elif _is_caption(ln):
                lines[i] = ""
    return _with(r, lines, list(r.figures))


def cents(r: Rendered, spec: dict) -> Rendered:
    """Figures typed to the cent ("$1,234,567.00"), the table three
    characters wider at every column's right edge."""
    lines = _lines(r)
    top, bottom = _table_span(lines)
    spans = _column_spans(lines[top:bottom])
    rule = _rule_index(lines)
    if _rounded(spec, r):
        return r  # (typed to the cent, a difference of a unit the rounding excused is an error)
    by_line: dict[int, list[Printed]] = {}
    for f in r.figures:
        by_line.setdefault(f.line, []).append(f)
    figures = []
    for i in range(top + 1, bottom):
        ln = lines[i]
        if i + 1 in by_line and any("." in f.raw for f in by_line[i + 1]):
            return r  # (already typed with decimals)
        if i + 1 in by_line:
            mine = sorted(by_line[i + 1], key=lambda f: f.start)
            for f in reversed(mine):
                if f.value is None:  # a nil keeps its right edge: padded on its left
                    ln = ln[:f.start - 1] + "   " + ln[f.start - 1:]
                else:
                    at = f.end - 1 - (1 if ln[f.end - 2] == ")" else 0)
                    ln = ln[:at] + ".00" + ln[at:]
            for k, f in enumerate(mine):
                shift = 3 * k + 3 * (f.value is None)
                cent = f.raw[:-1] + ".00)" if f.raw.endswith(")") else f.raw + ".00"
                figures.append(dataclasses.replace(f, raw=f.raw if f.value is None else cent, start=f.start + shift,
                                                   end=f.end + shift + 3 * (f.value is not None)))
        elif i < rule or ln.startswith("<") or set(ln.strip()) <= set("-= "):
            for a, b in reversed(spans[1:]):
                if len(ln) >= b:
                    fill = ln[b - 1] * 3 if ln[b - 1] in "-=" else "   "
                    ln = ln[:b] + fill + ln[b:]
        lines[i] = ln
    return _with(r, lines, sorted(figures, key=lambda f: (f.line, f.start)))


def _rounded(spec: dict, r: Rendered) -> bool:
    """Whether the table's figures hold a difference the rounding of whole units excuses."""
    cents = json.loads(json.dumps(spec))
    for period in cents["periods"]:
        for row in period["rows"]:
            row["cells"] = [re.sub(r"(\d)(\D*)$", r"\1.00\2", c) if re.search(r"\d", c) and "." not in c else c
                            for c in row["cells"]]
    return expected_errors(spec, r) != expected_errors(cents, r)


def units_in_body(r: Rendered, spec: dict) -> Rendered:
    """"(000's omitted)" typed inside the table, between the headings and the
    first body line, the units line over the table left out."""
    lines = [ln for ln in _lines(r)]
    figures = list(r.figures)
    for i, ln in enumerate(lines):
        if ln.strip().lower() in ("(in thousands)", "(in millions)", "(dollars in thousands)"):
            lines[i] = ""
    at = next(i for i, ln in enumerate(lines) if ln.startswith("<S>"))
    return _with(r, lines, _insert(lines, figures, at + 2, ["", " " * 26 + "(000's omitted)"]))


def group_captions(r: Rendered, spec: dict, colon: str = ":") -> Rendered:
    """Accounts typed under group captions: "Deducted from asset accounts:"
    over each period's first account, "Reserves not deducted from assets:" over
    the accounts after a total (none where the table has a caption there)."""
    lines = _lines(r)
    figures = list(r.figures)
    totals = _totals(r, spec)
    rows = _body_rows(r)
    places = []
    for k, n in enumerate(rows):
        if n in totals:
            continue
        first = _label_start(lines, set(rows), n)
        above = lines[first - 2] if first >= 2 else ""
        if above.rstrip().endswith(":") and not _is_caption(above):
            continue  # (a group caption of the table's own)
        if k == 0 or not above.strip() or _is_caption(above) or re.fullmatch(r"\d{4}", above.strip()):
            places.append((first, "Deducted from asset accounts" + colon))
        elif rows[k - 1] in totals:
            places.append((first, "Reserves not deducted from assets" + colon))
    for n, caption in sorted(set(places), reverse=True):
        figures = _insert(lines, figures, n, [caption])
    return _with(r, lines, figures)


def _label_start(lines: list[str], rows: set[int], n: int) -> int:
    """1-based line where the label of the row on line `n` starts (a label
    wrapped over indented lines above its figures)."""
    while n > 1:
        above = lines[n - 2]
        if not above.strip() or n - 1 in rows or not above.startswith(" ") or above.rstrip().endswith(":") \
                or set(above.strip()) <= set("-= ") or above.lstrip().startswith("<"):
            break
        n -= 1
    return n


def footnote_in_table(r: Rendered, spec: dict) -> Rendered:
    """A marker in a heading ("DEDUCTIONS(1)") and its footnote typed inside
    the table under the last row, before </TABLE>."""
    lines = _lines(r)
    top, bottom = _table_span(lines)
    rule = _rule_index(lines)
    spans = _column_spans(lines)
    marked = False
    for i in range(rule - 1, top, -1):
        m = re.search(r"(DEDUCTIONS|WRITTEN|WRITE-OFFS|OFF)\b", lines[i])
        if m and not marked and any(a <= m.start() and m.end() + 3 <= b for a, b in spans):
            end = m.end()
            lines[i] = lines[i][:end] + "(1)" + lines[i][end + 3:] if lines[i][end:end + 4].strip() == "" else lines[i]
            marked = lines[i][end:end + 3] == "(1)"
    if not marked:
        return r
    note = ["", "(1) Uncollectible accounts written off, net of recoveries."]
    return _with(r, lines, _insert(lines, list(r.figures), bottom + 1, note))


def schedule_viii(r: Rendered, spec: dict) -> Rendered:
    """The schedule numbered as before 1995: "SCHEDULE VIII"."""
    text = re.sub(r"SCHEDULE II\b", "SCHEDULE VIII", r.text)
    return dataclasses.replace(r, text=text)


def page_before_total(r: Rendered, spec: dict) -> Rendered:
    """A page break between an account group's items and its total: <PAGE>
    and the running head typed over the dashed rule above the total."""
    lines = _lines(r)
    totals = sorted(_totals(r, spec))
    if not totals:
        return r
    n = totals[0]
    at = n - 1 if set(lines[n - 2].strip()) <= set("-") and lines[n - 2].strip() else n
    page = ["", " " * 38 + "S-2", "<PAGE>", ""]
    return _with(r, lines, _insert(lines, list(r.figures), at, page))


def _nils(word: str) -> Callable[[Rendered, dict], Rendered]:
    def vary(r: Rendered, spec: dict) -> Rendered:
        return _retyped(r, lambda f, old: word if f.value is None and old.strip() else old)
    vary.__doc__ = f'Nils typed "{word}".'
    return vary


def unlabelled_totals(r: Rendered, spec: dict) -> Rendered:
    """Totals typed without a label, under their dashed rule."""
    lines = _lines(r)
    totals = _totals(r, spec)
    if not totals:
        return r
    for n in totals:
        first = min(f.start for f in r.figures if f.line == n)
        lines[n - 1] = " " * (first - 1) + lines[n - 1][first - 1:]
    labels = {k: ("" if spec["periods"][k[0]]["rows"][k[1]].get("is_total") else v) for k, v in r.row_labels.items()}
    return dataclasses.replace(_with(r, lines, list(r.figures)), row_labels=labels)


VARIATIONS.update({
    "letters-under": letters_under, "letters-some": letters_some, "year-last": year_last, "cents": cents,
    "units-in-body": units_in_body, "group-captions": group_captions, "footnote-in-table": footnote_in_table,
    "schedule-viii": schedule_viii, "page-before-total": page_before_total, "nil-none": _nils("None"),
    "nil-word": _nils("Nil"), "nil-spaced-zero": _nils("- 0 -"), "nil-dash-zero": _nils("-0-"),
    "unlabelled-totals": unlabelled_totals,
})


def _period_captions(lines: list[str]) -> list[int]:
    """0-based indexes of the period captions ("YEAR ENDED NOVEMBER 30, 2013:")."""
    return [i for i, ln in enumerate(lines) if ln.strip() and not ln.startswith(" ") and re.search(r"\d{4}", ln)
            and re.match(r"(FOR THE )?(YEAR|FISCAL|PERIOD|TWELVE|\w+ WEEKS|TRANSITION)", ln.strip().upper())]


def _recaptioned(r: Rendered, edit: Callable[[str], list[str]]) -> Rendered:
    lines = _lines(r)
    figures = list(r.figures)
    rows = set(_body_rows(r))
    for i in reversed([i for i in _period_captions(lines) if i + 1 not in rows]):  # (not a period in a row's first cell)
        new = edit(lines[i])
        lines[i] = new[0]
        figures = _insert(lines, figures, i + 2, new[1:])
    return _with(r, lines, figures)


def period_two_lines(r: Rendered, spec: dict) -> Rendered:
    """Each period caption typed over two lines: "Year ended" / "November 30, 2013:"."""
    def edit(line: str) -> list[str]:
        m = re.match(r"(.*?(?:ENDED|ENDING|Ended|ended))\s+(.*)$", line)
        return [m.group(1), "  " + m.group(2)] if m else [line]
    return _recaptioned(r, edit)


def period_indented(r: Rendered, spec: dict) -> Rendered:
    """Each period caption set in, centred over the label column."""
    return _recaptioned(r, lambda line: ["          " + line])


def period_underlined(r: Rendered, spec: dict) -> Rendered:
    """Each period caption underlined with dashes as long as its words."""
    return _recaptioned(r, lambda line: [line, "-" * len(line.rstrip().rstrip(":"))])


def footnote_with_amount(r: Rendered, spec: dict) -> Rendered:
    """A footnote typed inside the table under the last row that states an
    amount: "(1) Includes $1,250 of recoveries of accounts written off."."""
    lines = _lines(r)
    top, bottom = _table_span(lines)
    note = ["", "(1) Includes $1,250 of recoveries of accounts written off in prior years."]
    return _with(r, lines, _insert(lines, list(r.figures), bottom + 1, note))


def footnote_figure_aligned(r: Rendered, spec: dict) -> Rendered:
    """A footnote inside the table whose amount is typed in a figure column,
    as a typist lining it up: "(1) Net of recoveries of" ... "  1,250"."""
    lines = _lines(r)
    top, bottom = _table_span(lines)
    spans = _column_spans(lines)
    a, b = spans[2] if len(spans) > 2 else spans[-1]
    note = ["", "(1) Net of recoveries of".ljust(b - 5) + "1,250"]
    return _with(r, lines, _insert(lines, list(r.figures), bottom + 1, note))


VARIATIONS.update({
    "period-two-lines": period_two_lines, "period-indented": period_indented,
    "period-underlined": period_underlined, "footnote-with-amount": footnote_with_amount,
    "footnote-figure-aligned": footnote_figure_aligned,
    "year-last-once": lambda r, spec: year_last(r, spec, every=False),
})


def label_colons(r: Rendered, spec: dict) -> Rendered:
    """Every account's label typed with a colon, on its row of figures
    ("Allowance for doubtful accounts:     $ 303 ...")."""
    lines = _lines(r)
    totals = _totals(r, spec)
    for n in _body_rows(r):
        if n in totals:
            continue
        first = min(f.start for f in r.figures if f.line == n)
        line = lines[n - 1]
        label = line[:first - 1].rstrip(" $.")
        if label.strip() and len(label) + 1 < first - 1 and not label.endswith(":"):
            lines[n - 1] = label + ":" + line[len(label) + 1:]
    return _with(r, lines, list(r.figures))


def period_year_only(r: Rendered, spec: dict) -> Rendered:
    """Each period caption typed as its year alone: "1996:"."""
    def edit(line: str) -> list[str]:
        years = re.findall(r"\d{4}", line)
        return [years[-1] + ":"]
    return _recaptioned(r, edit)


def _moved_tags(r: Rendered, by: int) -> Rendered:
    lines = _lines(r)
    for i, ln in enumerate(lines):
        if ln.startswith("<S>"):
            out = list(ln)
            for m in reversed(list(re.finditer(r"<C>", ln))):
                del out[m.start():m.end()]
                at = max(m.start() + by, 0)
                out[at:at] = list(" " * max(0, at - len(out))) + list("<C>")
            lines[i] = "".join(out).rstrip()
    return _with(r, lines, list(r.figures))


def tags_right(r: Rendered, spec: dict) -> Rendered:
    """The <C> tags typed two characters right of where each column's rule
    starts (into the figures' room, as a filer's software placed them)."""
    return _moved_tags(r, 2)


def tags_left(r: Rendered, spec: dict) -> Rendered:
    """The <C> tags typed two characters left of each column's rule, in the gutter."""
    return _moved_tags(r, -2)


VARIATIONS.update({
    "label-colons": label_colons, "period-year-only": period_year_only, "tags-right": tags_right,
    "tags-left": tags_left,
})


def unbroken_rules(r: Rendered, spec: dict) -> Rendered:
    """Every dashed or double rule typed as one unbroken run from its first
    character to its last (no gaps between the columns)."""
    lines = _lines(r)
    for i, ln in enumerate(lines):
        body = ln.strip()
        if body and set(body) <= set("-= ") and " " in body and len(set(body) - {" "}) == 1:
            mark = body.replace(" ", "")[0]
            lead = len(ln) - len(ln.lstrip())
            lines[i] = " " * lead + mark * len(body)
    return _with(r, lines, list(r.figures))


def schedule_v(r: Rendered, spec: dict) -> Rendered:
    """The schedule numbered as some filers did: "SCHEDULE V"."""
    return dataclasses.replace(r, text=re.sub(r"SCHEDULE II\b", "SCHEDULE V", r.text))


VARIATIONS.update({"unbroken-rules": unbroken_rules, "schedule-v": schedule_v})


# --- s26: a period's caption at a page's foot, its rows on the next page ---------------------


def _untagged(r: Rendered) -> Rendered:
    """The table typed without SGML tags: every <TABLE>, <CAPTION>, <S>/<C> line left out."""
    lines = _lines(r)
    keep = [i for i, ln in enumerate(lines) if not re.match(r"^\s*</?(TABLE|CAPTION)>|^\s*<[SC]>", ln, re.IGNORECASE)]
    renum = {old + 1: new + 1 for new, old in enumerate(keep)}
    return _with(r, [lines[i] for i in keep], [dataclasses.replace(f, line=renum[f.line]) for f in r.figures])


def _caption_ends_page(r: Rendered, spec: dict, period: int, tagged: bool, form_feed: bool = False) -> Rendered:
    """A page break between the caption of the `period`th period (with a group
    caption under it, if any) and its first row: the page number, <PAGE>, the
    running head, then the headings typed again over the rows (`form_feed`:
    the page number and a form feed alone).  Tagged, the <TABLE> is closed at
    the page's foot and opened again with its <CAPTION>."""
    lines = _lines(r)
    rows = _body_rows(r)
    firsts = sorted({min(f.line for f in r.figures if f.period == p) for p in {f.period for f in r.figures}})
    if period >= len(firsts):
        return r
    at = _label_start(lines, set(rows), firsts[period])
    caption = next((i for i, ln in enumerate(lines) if ln.strip().upper() == "<CAPTION>"), None)
    markers = next((i for i, ln in enumerate(lines) if ln.startswith("<S>")), None)
    if caption is None or markers is None or not lines[at - 2].strip():
        return r  # (no caption right over the rows: nothing ends the page there)
    heads = lines[caption + 1 : markers + 1]
    page = ["", " " * 38 + "S-2", "<PAGE>", " " * 10 + "Acme Tool Company and subsidiaries", ""]
    if form_feed:
        page = ["", " " * 38 + "S-2", "\f", ""]
    if tagged:
        page = ["</TABLE>"] + page + ["<TABLE>", "<CAPTION>"] + heads
    else:
        page = page + heads + [""]
    out = _with(r, lines, _insert(lines, list(r.figures), at, page))
    return out if tagged else _untagged(out)


VARIATIONS.update({
    "caption-ends-page": lambda r, spec: _caption_ends_page(r, spec, 0, True),
    "caption-ends-page-untagged": lambda r, spec: _caption_ends_page(r, spec, 0, False),
    "second-caption-ends-page-untagged": lambda r, spec: _caption_ends_page(r, spec, 1, False),
    "caption-ends-page-form-feed": lambda r, spec: _caption_ends_page(r, spec, 0, False, form_feed=True),
})


VARIATIONS.update({"nil-four-dashes": _nils("----"), "nil-long-dashes": _nils("--------")})


def trailing_minus_spaced(r: Rendered, spec: dict) -> Rendered:
    """Negatives typed "473 -": the adding machine's minus set a space apart,
    where the parenthesis closed (the figure's right edge kept)."""
    def edit(f, old):
        body = old.strip()
        if body.startswith("(") and body.endswith(")"):
            return " " + body[1:-1].strip() + " -"
        return old
    return _retyped(r, edit)


VARIATIONS["trailing-minus-spaced"] = trailing_minus_spaced


def retitled_under_running_head(r: Rendered, spec: dict) -> Rendered:
    """The registrant's name typed as a running head at the top of each page,
    a few blank lines over "SCHEDULE II", and the table broken before its
    second period (else its third row): the next page prints the running head
    and the schedule's title again, no "(Continued)", and the table reopened
    under its headings.  (The same schedule's next page, not another's: the
    first page's title block reaches up to its running head.)"""
    lines = _lines(r)
    rows = _body_rows(r)
    firsts = sorted({min(f.line for f in r.figures if f.period == p) for p in {f.period for f in r.figures}})
    at = _label_start(lines, set(rows), firsts[1]) if len(firsts) > 1 else (rows[2] if len(rows) > 2 else 0)
    opened = next((i for i, ln in enumerate(lines) if ln.strip().upper() == "<TABLE>"), None)
    caption = next((i for i, ln in enumerate(lines) if ln.strip().upper() == "<CAPTION>"), None)
    markers = next((i for i, ln in enumerate(lines) if ln.startswith("<S>")), None)
    title = next((i for i, ln in enumerate(lines) if ln.strip().startswith("SCHEDULE II")), None)
    if not at or None in (opened, caption, markers, title):
        return r
    while at > 1 and lines[at - 2].strip() and not lines[at - 2].startswith(" ") and re.search(r"\d{4}", lines[at - 2]):
        at -= 1  # (the period's caption goes with its rows)
    head = [" " * 26 + "NORTHFIELD HOLDINGS CORPORATION", "", "", "", ""]
    block = [ln for ln in lines[title:opened] if "SCHEDULE" in ln or "QUALIFYING" in ln]
    page = (["</TABLE>", "", " " * 38 + "S-2", "<PAGE>", head[0], ""] + block + ["", "<TABLE>", "<CAPTION>"]
            + lines[caption + 1 : markers + 1])
    figures = _insert(lines, list(r.figures), at, page)
    return _with(r, lines, _insert(lines, figures, title + 1, head))


VARIATIONS["retitled-under-running-head"] = retitled_under_running_head


def group_captions_bare(r: Rendered, spec: dict) -> Rendered:
    """`group_captions` typed without their colons ("Reserves deducted from
    assets" over the accounts), the accounts' labels indented under them."""
    out = group_captions(r, spec, colon="")
    lines = _lines(out)
    rows = set(_body_rows(out))
    figures = list(out.figures)
    for n in sorted(rows):
        first = _label_start(lines, rows, n)
        if lines[n - 1].startswith(" ") or n in _totals(out, spec):
            continue
        for k in range(first, n + 1):  # (two spaces taken from the gutter after the label, figures kept)
            ln = lines[k - 1]
            if k == n:
                start = min(f.start for f in figures if f.line == n)
                label = ln[:start - 1]
                if not label.endswith("   "):
                    break
                lines[k - 1] = "  " + label[:-2] + ln[start - 1:]
            elif not lines[k - 1].startswith(" "):
                lines[k - 1] = "  " + ln
    return _with(out, lines, figures)


VARIATIONS["group-captions-bare"] = group_captions_bare
VARIATIONS["group-captions-bare-flush"] = lambda r, spec: group_captions(r, spec, colon="")

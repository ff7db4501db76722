"""Row labels and figure forms of real Schedule II tables, as edits of a table.

Test support, not part of the tool.  text_era, html_era, html_2010s and
ixbrl_habits vary how a table is typed or marked up; the sweeps vary rules,
leaders and nils.  These are what a filer writes IN a row's label or a
figure's cell that those do not vary, each applied alone to one of the 24 real
tables, as `Habit`s: a `spec` edit (a label or a figure's value: every layout
prints it) and/or a `typed` edit of a text render (`Rendered`, figures' places
kept) and an `html` edit of a sentinel render (html_era.Edit):

labels
- year-in-label: "Allowance for doubtful accounts for 1996 program" (a year inside a reserve's name);
- dash-year, year-last: "Allowance for doubtful accounts - 1996 program", "... - 1996";
- year-first: "1996 restructuring: allowance for doubtful accounts" (the year opening the label);
- year-first-title: "1996 Restructuring - Allowance for doubtful accounts" (the same in Title Case);
- note-in-label: "Allowance for doubtful accounts (Note 4)";
- plant-number: "Allowance for doubtful accounts - Plant No. 2";
- digit-mark: "Allowance for doubtful accounts (1)" (a footnote mark after every label);
- total-named: a period's first reserve named "Total ..." (a reserve's name, no sum above it);
- balance-in-label: "Allowance for doubtful accounts balance";
- less-prefix: "Less: allowance for doubtful accounts";
- group-caption: "Reserves deducted from assets to which they apply:" over each period's rows;
- sub-captions: "Deducted from accounts receivable:" over the first reserve,
  "Included in other liabilities:" over the rest;
- all-caps: every label in capitals;
- colon-leaders: each label ended ":" and run out to its figures with dots (typed only);
- label-below: the label on the line under its figures (typed only);
- date-wrapped-at, -on, -as-of, -dash: the label ended "at", "on", "as of" or "-" on a line of its own over
  its figures' line, which opens on a date ("... at" / "  December 31, 1996   $ 1,234");
- date-wrapped-bare: the same with no word ending the label; these five in HTML too (`html_spec`: the
  label alone in a <tr> of its own, its figures' cells empty, over the row labelled by the date);
- date-wrapped-over-page, -headed, -reopened: date-wrapped-bare, a page broken between a label at
  the page's foot and its row by date at the next page's top ("<PAGE>"; -headed: the headings typed
  again; -reopened: the <TABLE> closed, the page's number, a new <TABLE> under the same headings;
  -recaptioned, -continued: headed, and the period's caption typed again over the row, as it was
  or ended "(continued)");
- renamed: the second and later periods' reserves under another name ("Reserve for ...");
- space-indent: the reserves over a total indented two spaces more than the total's label;

figures (typed and HTML)
- one-decimal: every figure a tenth of its value, printed with one decimal ("151.9");
- angle-negatives: negatives as "<1,234>";
- star-negative: a period's first negative as "(1,234)*";
- letter-note: each period's first balance at end as "1,234 (a)";
- nil-zero-dashes, nil-word, none-word, na-word, star-nil: nils as "--0--", "nil",
  "none", "n/a", "*".
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Optional

from render import Printed, Rendered, parse_cell
from render_html import SENTINEL

SpecEdit = Callable[[dict], dict]


@dataclass(frozen=True)
class Habit:
    spec: Optional[SpecEdit] = None
    typed: Optional[Callable[[Rendered, dict], Rendered]] = None
    html: Optional[Callable[[object], None]] = None  # an html_era.Edit changed in place
    # The table as HTML prints it (not text): rows whose label is printed over them carry it as "label_over".
    html_spec: Optional[SpecEdit] = None


def _copy(spec: dict) -> dict:
    return json.loads(json.dumps(spec))


def _items(spec: dict):
    """(period index, row) of each reserve's row: figures, not a total."""
    for pi, period in enumerate(spec["periods"]):
        for row in period["rows"]:
            if row["cells"] and not row.get("is_total") and row["label"].strip():
                yield pi, row


def _relabel(edit: Callable[[str], str]) -> SpecEdit:
    def apply(spec: dict) -> dict:
        spec = _copy(spec)
        for _, row in _items(spec):
            row["label"] = edit(row["label"])
        return spec
    return apply


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def total_named(spec: dict) -> dict:
    spec = _copy(spec)
    for period in spec["periods"]:
        first = next((r for r in period["rows"] if r["cells"]), None)
        if first is not None and not first.get("is_total") and first["label"].strip():
            first["label"] = "Total " + _lower_first(first["label"])
    return spec


def _captioned(captions: Callable[[int], Optional[str]]) -> SpecEdit:
    """A caption row (no figures) before the k-th reserve of each period where captions(k) says."""
    def apply(spec: dict) -> dict:
        spec = _copy(spec)
        if any(not r["cells"] for p in spec["periods"] for r in p["rows"]):
            return spec  # the table has captions of its own
        for period in spec["periods"]:
            rows, k = [], 0
            for row in period["rows"]:
                if row["cells"] and not row.get("is_total"):
                    caption = captions(k)
                    if caption:
                        rows.append({"label": caption, "cells": []})
                    k += 1
                rows.append(row)
            period["rows"] = rows
        return spec
    return apply


def renamed(spec: dict) -> dict:
    spec = _copy(spec)
    for pi, row in _items(spec):
        if pi > 0:
            row["label"] = "Reserve: " + _lower_first(row["label"])
    return spec


def space_indent(spec: dict) -> dict:
    spec = _copy(spec)
    if not any(r.get("is_total") for p in spec["periods"] for r in p["rows"]):
        return spec
    for _, row in _items(spec):
        row["label"] = "  " + row["label"]
    return spec


def one_decimal(spec: dict) -> dict:
    spec = _copy(spec)
    for period in spec["periods"]:
        for row in period["rows"]:
            cells = []
            for text in row["cells"]:
                kind, value, decimals = parse_cell(text)
                if kind != "amount":
                    cells.append(text)
                    continue
                tenth = value / 10
                body = f"{abs(tenth):,.{decimals + 1}f}"
                cells.append(f"({body})" if tenth < 0 else body)
            row["cells"] = cells
    return spec


# --- typed edits -----------------------------------------------------------------


def _lines(r: Rendered) -> list[str]:
    return r.text.split("\n")


def _first_figure(r: Rendered, n: int) -> int:
    """1-based column of the first figure (or its "$") on line n."""
    line = _lines(r)[n - 1]
    first = min(f.start for f in r.figures if f.line == n)
    dollar = line.rfind("$", 0, first - 1)
    return dollar + 1 if dollar >= 0 and not line[dollar + 1:first - 1].strip() else first


def colon_leaders(r: Rendered, spec: dict) -> Rendered:
    lines = _lines(r)
    for n in sorted({f.line for f in r.figures}):
        line, stop = lines[n - 1], _first_figure(r, n) - 1
        label = line[:stop].rstrip()
        if not label.strip() or any(spec["periods"][f.period]["rows"][f.row].get("is_total")
                                    for f in r.figures if f.line == n):
            continue
        dots = stop - len(label) - 3
        if dots >= 2:
            lines[n - 1] = label + ":" + "." * dots + "  " + line[stop:]
    return dataclasses.replace(r, text="\n".join(lines))


def label_below(r: Rendered, spec: dict) -> Rendered:
    """Each reserve's label on a line of its own under its figures (not a total's)."""
    lines = _lines(r)
    figures = list(r.figures)
    for n in sorted({f.line for f in r.figures}, reverse=True):
        if any(spec["periods"][f.period]["rows"][f.row].get("is_total") for f in figures if f.line == n):
            continue
        line, stop = lines[n - 1], _first_figure(r, n) - 1
        label = line[:stop].rstrip()
        if not label.strip() or re.search(r"\b(19|20)\d\d\b", label):
            continue  # (a period's label, a year, stays: a reserve's name is moved)
        lines[n - 1] = " " * stop + line[stop:]
        lines.insert(n, label)
        figures = [dataclasses.replace(f, line=f.line + 1) if f.line > n else f for f in figures]
    return dataclasses.replace(r, text="\n".join(lines), figures=figures)


def _date_wrapped(lead: str, date: str = "December 31, 1996"):
    """Each reserve's label ended on `lead` ("at", "as of", "-") on a line of its own over its
    figures' line, which opens on a date set in two more blanks ("Allowance for doubtful
    accounts at" / "  December 31, 1996   $ 1,234 ..."): one label, the date its last words."""
    def edit(r: Rendered, spec: dict) -> Rendered:
        lines = _lines(r)
        figures, labels = list(r.figures), dict(r.row_labels)
        for n in sorted({f.line for f in r.figures}, reverse=True):
            on = [f for f in figures if f.line == n]
            if any(spec["periods"][f.period]["rows"][f.row].get("is_total") for f in on):
                continue
            line, stop = lines[n - 1], _first_figure(r, n) - 1
            label = line[:stop].rstrip()
            indent = len(label) - len(label.lstrip())
            if not label.strip() or re.search(r"\b(19|20)\d\d\b", label) or indent + 2 + len(date) + 2 > stop:
                continue  # (a period's label, a year, stays; a date must fit before the figures)
            lines[n - 1] = (" " * (indent + 2) + date).ljust(stop) + line[stop:]
            lines.insert(n - 1, f"{label} {lead}".rstrip())
            figures = [dataclasses.replace(f, line=f.line + 1) if f.line >= n else f for f in figures]
            for key in {(f.period, f.row) for f in on}:
                labels[key] = " ".join(w for w in (label.strip(), lead, date) if w)
        return dataclasses.replace(r, text="\n".join(lines), figures=figures, row_labels=labels)
    return edit


# A period's caption on a line of its own ("Year ended December 31, 1996:", "Fiscal 1996").
_PERIOD_CAPTION = re.compile(r"^\s*(?:for\s+the\s+)?(?:years?|fiscal|period)\b[^$\d]*(?:19|20)\d\d:?\s*$", re.IGNORECASE)


def _date_wrapped_over_page(headed: bool, reopened: bool = False, date: str = "December 31, 1996",
                            recaptioned: str = ""):
    """date-wrapped-bare, a page broken between the second wrapped label (at the page's foot) and
    its row by date (at the next page's top): a blank line, "<PAGE>", a blank line, and where
    `headed` the headings typed again (the <CAPTION>'s lines to the <S>/<C> line) over the row;
    `reopened`: the <TABLE> closed, the page's number, "<PAGE>", a new <TABLE> and <CAPTION>;
    `recaptioned` ("as-was" or "continued"): the period's caption typed again over the row, as it
    was or ended "(continued)"."""
    wrap = _date_wrapped("", date)

    def edit(r: Rendered, spec: dict) -> Rendered:
        r = wrap(r, spec)
        lines = _lines(r)
        on_figures = {f.line for f in r.figures}
        dated = [n for n in sorted(on_figures)
                 if lines[n - 1].strip().startswith(date) and n - 1 not in on_figures and lines[n - 2].strip()]
        if not dated:
            return r
        n = dated[min(1, len(dated) - 1)]
        page = ["</TABLE>", "", " " * 38 + "S-2", "<PAGE>", "", "<TABLE>", "<CAPTION>"] if reopened else ["", "<PAGE>", ""]
        if headed:
            top = next((i for i, ln in enumerate(lines) if ln.strip() == "<CAPTION>"), None)
            end = next((i for i, ln in enumerate(lines) if ln.startswith("<S>")), None)
            if top is None or end is None:
                return r
            page += lines[top + 1 : end + 1] + [""]
        if recaptioned:
            caption = next((ln for ln in reversed(lines[: n - 1]) if _PERIOD_CAPTION.match(ln)), None)
            if caption is None:
                return r
            page.append(caption if recaptioned == "as-was" else caption.rstrip().rstrip(":") + " (continued):")
        lines[n - 1 : n - 1] = page
        figures = [dataclasses.replace(f, line=f.line + len(page)) if f.line >= n else f for f in r.figures]
        return dataclasses.replace(r, text="\n".join(lines), figures=figures)
    return edit


def html_date_wrapped(lead: str = "", date: str = "December 31, 1996") -> SpecEdit:
    """As `_date_wrapped(lead)` in HTML: each reserve's label, ended on `lead`, alone in a row of
    its own (its figures' cells empty) over its figures' row, labelled by a date alone
    ("Restructuring reserve established" / "December 31, 1996 | 1,234 ..."): one label, the date
    its last words."""
    def apply(spec: dict) -> dict:
        spec = _copy(spec)
        for period in spec["periods"]:
            rows = []
            for row in period["rows"]:
                label = row["label"].strip()
                if row["cells"] and not row.get("is_total") and label and not re.search(r"\b(19|20)\d\d\b", label):
                    over = f"{label} {lead}".rstrip()
                    rows.append({"label": over, "cells": []})
                    row = {**row, "label": date, "label_over": over}
                rows.append(row)
            period["rows"] = rows
        return spec
    return apply


def labels_over(spec: dict, row_labels: dict) -> dict:
    """The rendered rows' labels, a label printed over its row (`html_date_wrapped`) its first words."""
    return {(pi, ri): f"{spec['periods'][pi]['rows'][ri]['label_over']} {label}"
            if "label_over" in spec["periods"][pi]["rows"][ri] else label for (pi, ri), label in row_labels.items()}


def _retype(r: Rendered, edit: Callable[[Printed, str], Optional[str]], right: bool = False) -> Rendered:
    """Each figure's text replaced by edit(figure, text) where it gives one: the
    right edge kept (spaces taken to the left), or with `right` the start kept
    (what is added overhanging into the spaces to the right); left as printed where no room."""
    lines = _lines(r)
    figures = []
    for f in r.figures:
        line = lines[f.line - 1]
        old = line[f.start - 1:f.end - 1]
        new = edit(f, old)
        if new is None or new == old:
            figures.append(f)
            continue
        if right:
            end = f.start - 1 + len(new)
            if line[f.end - 1:end + 1].strip():
                figures.append(f)
                continue
            lines[f.line - 1] = line[:f.start - 1] + new + line[end:]
            figures.append(dataclasses.replace(f, raw=new, end=end + 1))
            continue
        start = f.end - len(new)
        if line[start - 2:f.start - 1].strip() if start < f.start else False:
            figures.append(f)
            continue
        lo = min(start, f.start)
        lines[f.line - 1] = line[:lo - 1] + new.rjust(f.end - lo) + line[f.end - 1:]
        figures.append(dataclasses.replace(f, raw=new, start=start))
    return dataclasses.replace(r, text="\n".join(lines), figures=figures)


def _negatives(edit: Callable[[str], str], only_first: bool = False):
    def apply(r: Rendered, spec: dict) -> Rendered:
        seen: set[int] = set()

        def one(f: Printed, old: str) -> Optional[str]:
            if not (old.startswith("(") and old.endswith(")")) or (only_first and f.period in seen):
                return None
            seen.add(f.period)
            return edit(old[1:-1])
        return _retype(r, one, right=only_first)
    return apply


def _nils(word: str):
    def apply(r: Rendered, spec: dict) -> Rendered:
        return _retype(r, lambda f, old: word if f.value is None else None)
    return apply


def letter_note(r: Rendered, spec: dict) -> Rendered:
    closing = spec["roles"][1:].index("ending")
    seen: set[int] = set()

    def one(f: Printed, old: str) -> Optional[str]:
        if f.column != closing or f.value is None or f.period in seen \
                or spec["periods"][f.period]["rows"][f.row].get("is_total"):
            return None
        seen.add(f.period)
        return old + " (a)"
    return _retype(r, one, right=True)


# --- html edits ------------------------------------------------------------------

# "(" figure ")" in two cells, the figure in an inline XBRL tag or not (`tagged` puts it back).
NEGATIVE_CELLS = r"\((?:<ix:nonFraction[^>]*>)?([\d,.]+)(?:</ix:nonFraction>)?</td><td>\)</td>"


def tagged(m: re.Match, body: str) -> str:
    """body (a figure's new text) with the inline XBRL tag m's figure was in around its digits."""
    tag = re.match(r"\((<ix:nonFraction[^>]*>)", m.group(0))
    return body.replace(m.group(1), f"{tag.group(1)}{m.group(1)}</ix:nonFraction>", 1) if tag else body


def _html_figures(e, pattern: str, edit: Callable[[re.Match, int], Optional[tuple[str, str]]]) -> None:
    """As html_era._per_figure, edit(match, n) may leave a figure (None); n counts matches."""
    pieces = e.text.split(SENTINEL)
    n = 0
    for i in range(1, len(pieces)):
        m = re.match(pattern, pieces[i])
        if not m:
            continue
        n += 1
        done = edit(m, i - 1)
        if done is None:
            continue
        text, raw = done
        if lead := re.match(r"<ix:nonFraction[^>]*>", text):  # (the figure's text starts inside its tag)
            pieces[i - 1] += lead.group(0)
            text = text[lead.end():]
        pieces[i] = text + pieces[i][m.end():]
        e.keys[i - 1] = (*e.keys[i - 1][:3], raw, e.keys[i - 1][4])
    e.text = SENTINEL.join(pieces)


def _html_negatives(edit: Callable[[str], str], only_first: bool = False):
    def apply(e) -> None:
        seen: set[int] = set()

        def one(m, i):
            pi = e.keys[i][0]
            if only_first and pi in seen:
                return None
            seen.add(pi)
            body = edit(m.group(1))
            return tagged(m, body) + "</td><td></td>", body
        _html_figures(e, NEGATIVE_CELLS, one)
    return apply


def _html_nils(word: str):
    def apply(e) -> None:
        _html_figures(e, "&#151;", lambda m, i: (word, word))
    return apply


def html_letter_note(e) -> None:
    closing = e.spec["roles"][1:].index("ending")
    seen: set[int] = set()

    def one(m, i):
        pi, ri, k = e.keys[i][:3]
        if k != closing or pi in seen or e.spec["periods"][pi]["rows"][ri].get("is_total"):
            return None
        seen.add(pi)
        return m.group(1) + " (a)", m.group(1) + " (a)"
    _html_figures(e, r"([\d,.]+)(?=<)", one)


HABITS: dict[str, Habit] = {
    "year-in-label": Habit(spec=_relabel(lambda s: s + " for 1996 program")),
    "dash-year": Habit(spec=_relabel(lambda s: s + " - 1996 program")),
    "year-last": Habit(spec=_relabel(lambda s: s + " - 1996")),
    "year-first": Habit(spec=_relabel(lambda s: "1996 restructuring: " + _lower_first(s))),
    "year-first-title": Habit(spec=_relabel(lambda s: "1996 Restructuring - " + s)),
    "note-in-label": Habit(spec=_relabel(lambda s: s + " (Note 4)")),
    "plant-number": Habit(spec=_relabel(lambda s: s + " - Plant No. 2")),
    "digit-mark": Habit(spec=_relabel(lambda s: s if re.search(r"\(\w\)$", s) else s + " (1)")),
    "total-named": Habit(spec=total_named),
    "balance-in-label": Habit(spec=_relabel(lambda s: s + " balance")),
    "less-prefix": Habit(spec=_relabel(lambda s: "Less: " + _lower_first(s))),
    "group-caption": Habit(spec=_captioned(
        lambda k: "Reserves deducted from assets to which they apply:" if k == 0 else None)),
    "sub-captions": Habit(spec=_captioned(
        lambda k: "Deducted from accounts receivable:" if k == 0
        else "Included in other liabilities:" if k == 1 else None)),
    "all-caps": Habit(spec=_relabel(str.upper)),
    "colon-leaders": Habit(typed=colon_leaders),
    "label-below": Habit(typed=label_below),
    "date-wrapped-at": Habit(typed=_date_wrapped("at"), html_spec=html_date_wrapped("at")),
    "date-wrapped-on": Habit(typed=_date_wrapped("on"), html_spec=html_date_wrapped("on")),
    "date-wrapped-as-of": Habit(typed=_date_wrapped("as of"), html_spec=html_date_wrapped("as of")),
    "date-wrapped-dash": Habit(typed=_date_wrapped("-"), html_spec=html_date_wrapped("-")),
    "date-wrapped-bare": Habit(typed=_date_wrapped(""), html_spec=html_date_wrapped()),
    "date-wrapped-over-page": Habit(typed=_date_wrapped_over_page(headed=False)),
    "date-wrapped-over-page-headed": Habit(typed=_date_wrapped_over_page(headed=True)),
    "date-wrapped-over-page-reopened": Habit(typed=_date_wrapped_over_page(headed=True, reopened=True)),
    "date-wrapped-over-page-recaptioned": Habit(typed=_date_wrapped_over_page(headed=True, recaptioned="as-was")),
    "date-wrapped-over-page-continued": Habit(typed=_date_wrapped_over_page(headed=True, recaptioned="continued")),
    "renamed": Habit(spec=renamed),
    "space-indent": Habit(spec=space_indent),
    "one-decimal": Habit(spec=one_decimal),
    "angle-negatives": Habit(typed=_negatives(lambda b: f"<{b}>"), html=_html_negatives(lambda b: f"&lt;{b}&gt;")),
    "star-negative": Habit(typed=_negatives(lambda b: f"({b})*", only_first=True),
                           html=_html_negatives(lambda b: f"({b})*", only_first=True)),
    "letter-note": Habit(typed=letter_note, html=html_letter_note),
    "nil-zero-dashes": Habit(typed=_nils("--0--"), html=_html_nils("--0--")),
    "nil-word": Habit(typed=_nils("nil"), html=_html_nils("nil")),
    "none-word": Habit(typed=_nils("none"), html=_html_nils("none")),
    "na-word": Habit(typed=_nils("n/a"), html=_html_nils("n/a")),
    "star-nil": Habit(typed=_nils("*"), html=_html_nils("*")),
}

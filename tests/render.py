"""Render a Schedule II table spec as an EDGAR text exhibit, in a chosen layout.

Test support, not part of the tool.  The input is a plain spec, the shape of
`../shared/real-tables/*.json`: `columns` (headings, label column first),
`roles`, `units`, `periods` [{`label`, `rows` [{`label`, `cells`,
`footnotes`?, `is_total`?}]}], plus a `Layout` saying how to print it (the
conventions of issue 3, parts 1-8).  `render` returns the text and, for every
figure it printed, where: so tests can assert the parser put each figure
back in its period, row and column, at its line and column.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from dataclasses import replace as dataclasses_replace
from decimal import Decimal
from typing import Optional

NILS = {"-", "--", "---", "\u2014", "\u2013", "&#151;", "nil"}
LETTER = re.compile(r"^\s*col(?:umn|\.)?\s+([a-h])(\(\d\))?(?=\s|$)\s*", re.IGNORECASE)
SPAN_WORDS = re.compile(r"^(additions?(?:\s+\(deductions\))?|deductions?)\s+(?=\S)", re.IGNORECASE)
DATE = re.compile(
    r"(january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(\d{1,2}),?\s+((?:19|20)\d\d)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class Layout:
    heading_depth: int = 3  # most lines a heading wraps into (1-5)
    heading_align: str = "center"  # center | right
    heading_rule: bool = True  # dashed rule under each column's heading
    column_letters: bool = False  # a "COLUMN A  COLUMN B ..." line above the headings
    letters: str = "COLUMN"  # COLUMN | Col. | COL.: how the letters are spelled
    letters_framed: bool = False  # a rule the table's width above and below the letters
    pem_escape: bool = False  # every line starting with "-" printed with "- " before it (RFC 934)
    short_rules: bool = False  # rules over totals as wide as each figure plus one, not the column
    s_tag: bool = True  # the marker line opens with <S> (some filings print only the <C>s)
    group_rule: bool = False  # a dashed rule under the group header
    second_line: bool = False  # an item row's balance at end printed on a line of its own under it
    fn_block: bool = False  # the footnotes inside the <TABLE>, between <FN> and </FN>
    note_gap: int = 0  # spaces between a figure and its footnote marker ("250  (2)")
    additions_span: bool = False  # "ADDITIONS" printed once over the columns it heads
    case: str = "upper"  # upper | lower | mixed (headings and period captions)
    markers: bool = True  # the <S> <C> line
    caption: bool = True  # the <CAPTION> tag
    table_tags: bool = True  # <TABLE> ... </TABLE>
    dollar: str = "detached"  # first | every | detached | none
    nil: str = "-"  # -, --, ---, \u2014, &#151;, nil, "" (blank)
    negative: str = "(473)"  # (473) | ( 473) | (473 ) | -473
    note_place: str = "inside"  # inside the column | overhang into the gutter
    note_marks: str = "keep"  # keep | (1) | (a) | (A) | * | (1)(2) | 1/
    label_width: Optional[int] = None  # wrap row labels to this width
    figures_on: str = "first"  # first | last line of a wrapped label
    group_header: Optional[str] = None  # a caption line heading each period's rows
    total_label: str = "keep"  # keep | Total | Totals | none
    double_rule: bool = True  # "=====" under a period's last total
    period_style: str = "keep"  # keep | fiscal | for_year | bare | first_cell
    reverse: bool = False  # print the periods in the other order
    by_account: bool = False  # one caption per allowance, one row per period
    caption_colon: bool = True  # the by-account caption ends in ":" (1990s typed ones often do not)
    # By account: the blocks in the order of the period printing the most rows (a total after a reserve
    # printed in earlier years only, as filers print it), not in the order each is first printed.
    fullest_order: bool = False
    page_break: Optional[str] = None  # page_tag | page_number | form_feed | reopen
    break_after: int = 2  # body rows before the page break
    repeat_headings: bool = True  # the headings printed again after the break
    # By account: each account after the first on a page of its own, the <TABLE>
    # closed and re-opened under a running head, its headings not repeated;
    # "inside", the account's caption in the re-opened table, "between", above it.
    page_per_account: Optional[str] = None
    units_style: str = "(In thousands)"
    gutter: int = 2
    # The movements printed as rows (issue 12): "years", the periods as columns and a
    # block per account; "accounts", the accounts as columns and a block per period.
    transposed: Optional[str] = None
    # ... a movement with no figure in its block printed as its label alone (not as nils "-")
    blank_movements: bool = False
    # A chained roll-forward (render_chained): the accounts as columns, each period opening
    # on the line the period before closed on; `leaders`, dot leaders after each label.
    chained: bool = False
    leaders: bool = False
    block_gap: int = 1  # blank lines between periods (or accounts): typed double-spaced, two or more


@dataclass(frozen=True)
class Printed:
    """One figure as printed: where the parser must find it."""

    period: int  # index in the spec's periods
    row: int  # index in the spec period's rows
    column: int  # index among the figure columns
    raw: str  # the figure without "$" or marker
    value: Optional[Decimal]  # None for a nil
    line: int  # 1-based
    start: int  # 1-based column of the first character
    end: int  # one past the last character


@dataclass
class Rendered:
    text: str
    figures: list = field(default_factory=list)  # of Printed
    headings: list = field(default_factory=list)  # column headings as printed, joined
    period_labels: list = field(default_factory=list)  # per spec period, as printed
    row_labels: dict = field(default_factory=dict)  # (period, row) -> label as printed
    others: list = field(default_factory=list)  # of Rendered: the same table printed again (render_filing)
    # The units the table states where the renderer printed them ("thousands", "millions"; "dollars",
    # a table in dollars printed stating none), None where it does not know (a caller's edit prints
    # them): habit_tally.misread compares the units the check reads with these.
    units: Optional[str] = None

    def at(self, period, row, column) -> Optional[Printed]:
        for f in self.figures:
            if (f.period, f.row, f.column) == (period, row, column):
                return f
        return None


# --- figures -------------------------------------------------------------------


def parse_cell(text: str):
    """("nil" | "blank" | "amount", Decimal or None, decimals) for a spec cell."""
    t = text.replace("$", "").replace(" ", "").strip()
    if not t:
        return "blank", None, 0
    if t in NILS:
        return "nil", None, 0
    negative = t.startswith("(") or t.startswith("-")
    digits = t.strip("()-").replace(",", "")
    value = Decimal(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return "amount", -value if negative else value, decimals


def figure_text(value: Decimal, decimals: int, layout: Layout) -> str:
    body = f"{abs(value):,.{decimals}f}"
    if value >= 0:
        return body
    return {"(473)": f"({body})", "( 473)": f"( {body})", "(473 )": f"({body} )", "-473": f"-{body}"}[
        layout.negative
    ]


def nil_text(layout: Layout) -> str:
    return layout.nil


# --- headings ------------------------------------------------------------------


def split_letter(heading: str):
    """("Column C", "Additions charged to costs") from "Column C Additions charged to costs"."""
    m = LETTER.match(heading)
    if not m:
        return None, heading.strip()
    return m.group(0).strip(), heading[m.end():].strip()


def cased(text: str, layout: Layout) -> str:
    return {"upper": text.upper(), "lower": text.lower()}.get(layout.case, text)


def wrap_to_depth(text: str, depth: int, least: int) -> tuple:
    """(width, lines): the narrowest width >= least that wraps text into <= depth lines."""
    if not text:
        return least, []
    width = max(least, max(len(w) for w in text.split()))
    while True:
        lines = textwrap.wrap(text, width)
        if len(lines) <= depth:
            return width, lines
        width += 1


def place(text: str, start: int, width: int, align: str) -> tuple:
    """(column, text) of text aligned in [start, start + width)."""
    pad = width - len(text)
    return (start + (pad // 2 if align == "center" else pad)), text


class Canvas:
    """Lines of characters written at columns (1-based)."""

    def __init__(self):
        self.lines = []

    def new(self, text: str = "") -> int:
        self.lines.append(text)
        return len(self.lines)

    def put(self, number: int, column: int, text: str):
        line = self.lines[number - 1]
        if len(line) < column - 1:
            line += " " * (column - 1 - len(line))
        self.lines[number - 1] = line[: column - 1] + text + line[column - 1 + len(text):]


# --- the table -----------------------------------------------------------------


def note_mark(original: str, order: list, style: str) -> str:
    if style == "keep":
        return original
    i = order.index(original)
    if style == "(1)":
        return f"({i + 1})"
    if style == "(a)":
        return f"({chr(97 + i)})"
    if style == "(A)":
        return f"({chr(65 + i)})"
    if style == "*":
        return "*" * (i + 1)
    if style == "1/":
        return f" {i + 1}/"  # typed one space after the figure
    return f"({i + 1})({i + 2})"


def period_date(label: str):
    """(year, month, day) a period label ends on, for ordering; day 0 when unknown."""
    m = DATE.search(label)
    if m:
        months = "january february march april may june july august september october november december".split()
        return int(m.group(3)), months.index(m.group(1).lower()) + 1, int(m.group(2))
    years = [int(y.group(0)) for y in YEAR.finditer(label)]
    return (max(years), 12, 31) if years else None


def period_caption(label: str, layout: Layout) -> str:
    style = layout.period_style
    m = DATE.search(label)
    years = [y.group(0) for y in YEAR.finditer(label)]
    if style in ("keep", "first_cell") or not years:
        text = label.strip()
    elif style == "fiscal":
        text = f"Fiscal {years[-1]}"
    elif style == "bare":
        text = years[-1]
    else:  # for_year
        text = f"For the year ended {m.group(0)}" if m else f"For the year {years[-1]}"
    if style == "first_cell":
        text = text.rstrip(":")
    return cased(text, layout) if style != "bare" else text


@dataclass
class _Col:
    letter: Optional[str]
    words: str  # the heading without its "COLUMN C" letter
    span: Optional[str] = None  # the spanning word taken off ("Additions")
    start: int = 0
    width: int = 0
    lines: list = field(default_factory=list)
    figure_width: int = 1


def render(spec: dict, layout: Layout = Layout()) -> Rendered:
    out = Rendered("")
    notes_order = notes_of(spec)
    periods = list(range(len(spec["periods"])))
    if layout.reverse:
        periods.reverse()
    if layout.chained:
        from render_chained import render_chained

        return render_chained(spec, layout)
    if layout.transposed:
        return _render_transposed(spec, periods, layout, notes_order)
    blocks = _blocks(spec, periods, layout)
    cols = _figure_columns(spec, blocks, layout, notes_order)
    label_width, period_part = _label_width(spec, blocks, layout)
    _lay_out_columns(cols, label_width, layout)
    canvas = Canvas()
    _title(canvas, spec, layout)
    out.units = units_line(spec, layout)[1]
    heading_lines = _headings(spec, cols, label_width, layout)
    if layout.table_tags:
        canvas.new("<TABLE>")
        if layout.caption:
            canvas.new("<CAPTION>")
    _emit_headings(canvas, heading_lines, cols, layout)
    out.headings = [" ".join(([c.span] if c.span else []) + c.lines) for c in cols]
    out.period_labels = [period_caption(p["label"], layout) for p in spec["periods"]]
    body_rows = 0
    first_block = True
    for block in blocks:
        paged = bool(layout.page_per_account and not first_block and block.get("caption"))
        if paged:
            _account_page(canvas, cols, layout, block["caption"] if layout.page_per_account == "between" else None)
        if not first_block or block.get("caption"):
            for _ in range(layout.block_gap if not first_block else 1):
                canvas.new("")
        first_block = False
        if block.get("caption") is not None and not (paged and layout.page_per_account == "between"):
            canvas.new(block["caption"])
        for item in block["rows"]:
            if layout.page_break and body_rows == layout.break_after:
                _page_break(canvas, heading_lines, cols, layout)
            body_rows += 1
            _emit_row(canvas, item, cols, period_part, layout, notes_order, out)
    # (Inside the table, prose with an amount in it, as footnotes have.)
    amount = " (includes $12 of recoveries)" if layout.fn_block and layout.table_tags else ""
    notes = [f"{note_mark(n, notes_order, layout.note_marks)} See the notes to the financial statements{amount}."
             for n in notes_order]
    if layout.table_tags and layout.fn_block and notes:
        canvas.new("<FN>")  # the SGML table's footnotes, inside it
        for text in notes:
            canvas.new(text)
        canvas.new("</FN>")
        notes = []
    if layout.table_tags:
        canvas.new("</TABLE>")
    if notes:
        canvas.new("")
        for text in notes:
            canvas.new(text)
    canvas.new("")
    lines = [line.rstrip() if line.strip() else line.strip(" ") for line in canvas.lines]
    if layout.pem_escape:
        lines = ["- " + line if line.startswith("-") else line for line in lines]
    out.text = "\n".join(lines) + "\n"
    return out


def notes_of(spec) -> list:
    """The table's footnotes, in the order they are first marked."""
    found = []
    for p in spec["periods"]:
        for r in p["rows"]:
            for n in r.get("footnotes") or []:
                if n and n not in found:
                    found.append(n)
    return found


def spec_units(spec) -> str:
    """The spec's units, its first word: "thousands", "millions", "dollars" ("thousands (assumed; ...)")."""
    return (spec.get("units") or "dollars").split()[0]


def units_line(spec, layout) -> tuple[str, Optional[str]]:
    """The units line under the title in the layout's style stating the spec's units ("(In thousands)" a
    table in millions prints "(In millions)"; a style without the word, "$000's", "(000 omitted)", its
    words for thousands only, else "(In millions)"), none for a table in dollars; and the units it states
    (None where the layout prints no units line: the caller's edit states them)."""
    style, units = layout.units_style, spec_units(spec)
    if not style:
        return "", None
    if units == "dollars":
        return "", "dollars"
    if units == "thousands":
        return style, units
    if re.search(r"thousands", style, re.IGNORECASE):
        return re.sub(r"thousands|Thousands|THOUSANDS", lambda m: _cased(units, m.group()), style), units
    return _cased(f"(In {units})", style), units


def _cased(text: str, like: str) -> str:
    """`text` in the case of `like`: upper, Title or lower."""
    if like.isupper():
        return text.upper()
    return text[:1].upper() + text[1:] if like[:1].isupper() and like[1:].islower() else text


def _title(canvas, spec, layout):
    subtitle = (spec["subtitle"],) if spec.get("subtitle") else ()  # (period_habits' years in the title)
    units, _ = units_line(spec, layout)
    for text in ("SCHEDULE II", spec.get("company", "THE REGISTRANT").upper()[:60],
                 "VALUATION AND QUALIFYING ACCOUNTS", *subtitle, units):
        if text:
            canvas.new(" " * max(0, 40 - len(text) // 2) + text)
        canvas.new("")


def _blocks(spec, periods, layout) -> list:
    """The body as blocks: a caption and its rows, each row a dict to print."""
    blocks = []
    if not layout.by_account:
        for pi in periods:
            p = spec["periods"][pi]
            caption = None if layout.period_style == "first_cell" else period_caption(p["label"], layout)
            rows = []
            if layout.group_header:
                rows.append({"label": layout.group_header, "cells": [], "group": True})
            for ri, r in enumerate(p["rows"]):
                rows.append(_row_item(spec, pi, ri, r, layout))
            if layout.period_style == "first_cell":
                rows[0]["period"] = period_caption(p["label"], layout)
            _mark_last_total(rows)
            _mark_first(rows)
            blocks.append({"caption": caption, "rows": rows})
        return blocks
    # By account: one block per row label, one row per period, captioned by the label.
    accounts = []
    for pi in periods:
        for ri, r in enumerate(spec["periods"][pi]["rows"]):
            if not r["cells"]:
                continue
            # A block per account needs its caption: an unlabelled total (total_label
            # "none") is printed as "Total:" here, for no filing prints a bare ":".
            name = _printed_label(r, layout) or "Total"
            if _key(name) not in [_key(a) for a in accounts]:
                accounts.append(name)
    if layout.fullest_order:
        fullest = max(periods, key=lambda pi: sum(bool(r["cells"]) for r in spec["periods"][pi]["rows"]))
        order = [_key(_printed_label(r, layout) or "Total") for r in spec["periods"][fullest]["rows"] if r["cells"]]
        accounts.sort(key=lambda a: order.index(_key(a)) if _key(a) in order else len(order))
    for name in accounts:
        rows = []
        for pi in periods:
            for ri, r in enumerate(spec["periods"][pi]["rows"]):
                if r["cells"] and _key(_printed_label(r, layout) or "Total") == _key(name):
                    item = _row_item(spec, pi, ri, r, layout)
                    item["label"] = period_caption(spec["periods"][pi]["label"], layout).rstrip(":")
                    item["account"] = name
                    item["total"] = False  # a row per year, under the account's caption
                    rows.append(item)
                    break
        _mark_first(rows)
        blocks.append({"caption": f"{name}:" if layout.caption_colon else name, "rows": rows})
    return blocks


def _key(label: str) -> str:
    """One account under its slightly different labels ("loan", "loans")."""
    return " ".join(w.rstrip("s") for w in re.findall(r"[a-z0-9]+", label.lower()))


def _mark_first(rows):
    items = [r for r in rows if not r.get("group")]
    if items:
        items[0]["first"] = True


def _mark_last_total(rows):
    totals = [r for r in rows if r.get("total")]
    if totals:
        totals[-1]["last_total"] = True


def _printed_label(r, layout) -> str:
    if r.get("is_total"):
        if layout.total_label == "none":
            return ""
        if layout.total_label in ("Total", "Totals") or not r["label"]:
            return layout.total_label if layout.total_label in ("Total", "Totals") else "Total"
    return r["label"]


def _row_item(spec, pi, ri, r, layout) -> dict:
    return {
        "label": _printed_label(r, layout),
        "cells": list(r["cells"]),
        "notes": list(r.get("footnotes") or []),
        "total": bool(r.get("is_total")),
        "group": not r["cells"],
        "key": (pi, ri),
    }


def _figure_columns(spec, blocks, layout, notes_order) -> list:
    cols = []
    for heading in spec["columns"][1:]:
        letter, words = split_letter(heading)
        cols.append(_Col(letter, words))
    if layout.additions_span:
        _take_spans(cols)
    for k, c in enumerate(cols):
        if c.letter and not layout.column_letters:
            c.words = f"{c.letter} {c.words}".strip()  # the letter stays in the heading
        c.words = cased(c.words, layout)
        c.figure_width = max(
            [_cell_width(item["cells"][k], (item.get("notes") or [""] * 9)[k] if k < len(item.get("notes") or []) else "",
                         layout)
             for b in blocks for item in b["rows"] if not item.get("group") and k < len(item["cells"])] + [1]
        )
        if c.span:
            c.span = cased(c.span, layout)
    return cols


def _take_spans(cols):
    """Runs of adjacent headings opening with the same "Additions" print it once."""
    k = 0
    while k < len(cols):
        m = SPAN_WORDS.match(cols[k].words)
        j = k + 1
        if m:
            word = m.group(1).lower()
            while j < len(cols):
                n = SPAN_WORDS.match(cols[j].words)
                if not n or n.group(1).lower() != word:
                    break
                j += 1
        if m and j - k >= 2:
            for c in cols[k:j]:
                c.span = SPAN_WORDS.match(c.words).group(1)
                c.words = c.words[SPAN_WORDS.match(c.words).end():]
            k = j
        else:
            k += 1


def _cell_width(text, note, layout) -> int:
    kind, value, decimals = parse_cell(text)
    if kind == "blank":
        return 0
    body = nil_text(layout) if kind == "nil" else figure_text(value, decimals, layout)
    width = len(body) or 1
    if layout.dollar != "none":
        width += 1 if layout.dollar != "detached" else 4
    if note and layout.note_place == "inside":
        width += 6
    return width


def _label_width(spec, blocks, layout) -> int:
    labels = [spec["columns"][0]]
    period_part = 0
    for b in blocks:
        if b.get("caption"):
            labels.append(b["caption"])
        for r in b["rows"]:
            if r.get("period"):  # (the period set apart from the label by `first_cell_gap` blanks, else 3)
                period_part = max(period_part, len(r["period"]) + spec.get("first_cell_gap", 3))
            label = r["label"]
            if layout.label_width and not r.get("group") and not r.get("account"):
                labels.extend(textwrap.wrap(label, layout.label_width) or [""])
            elif not r.get("group"):
                labels.append(label)
    # Captions and group headers may run over the figures' area; row labels may not.
    widest = max((len(s) for s in labels[1:] if s not in [b.get("caption") for b in blocks]), default=10)
    return period_part + max(widest, 12) + 3, period_part


def _lay_out_columns(cols, label_width, layout):
    start = label_width + 1
    for k, c in enumerate(cols):
        c.width, c.lines = wrap_to_depth(c.words, layout.heading_depth, max(c.figure_width, 3))
        if layout.column_letters:
            c.width = max(c.width, 8)  # "COLUMN C"
        c.start = start
        start += c.width + layout.gutter + (10 if layout.note_place == "overhang" else 0)


def _headings(spec, cols, label_width, layout) -> list:
    """Heading lines as [(column, text)] each, top to bottom, bottom-aligned."""
    depth = max([len(c.lines) for c in cols] + [1])
    label_head = cased(split_letter(spec["columns"][0])[1], layout)
    label_lines = textwrap.wrap(label_head, label_width - 3) if label_head else []
    depth = max(depth, len(label_lines))
    lines = []
    if layout.column_letters:
        spell = "COLUMN" if layout.letters == "COLUMN" else layout.letters
        letters = [(1, f"{spell} A" if layout.case != "lower" else f"{spell} a".lower())]
        for k, c in enumerate(cols):
            text = f"{spell} {c.letter.split()[1] if c.letter else chr(66 + k)}"
            text = text.lower() if layout.case == "lower" else text
            letters.append(place(text, c.start, c.width, layout.heading_align))
        frame = [(1, "-" * (cols[-1].start + cols[-1].width - 1))]
        lines.extend([frame, letters, frame] if layout.letters_framed else [letters])
    spans = _span_runs(cols)
    if spans:
        line, rule = [], []
        for a, b in spans:
            left, right = cols[a].start, cols[b].start + cols[b].width
            line.append(place(cols[a].span, left, right - left, "center"))
            if layout.heading_rule:
                rule.append((left, "-" * (right - left)))
        lines.append(line)
        if rule:
            lines.append(rule)
    for i in range(depth):
        parts = []
        off = depth - len(label_lines)
        if 0 <= i - off < len(label_lines):
            parts.append((1, label_lines[i - off]))
        for c in cols:
            off = depth - len(c.lines)
            if i >= off:
                parts.append(place(c.lines[i - off], c.start, c.width, layout.heading_align))
        lines.append(parts)
    if layout.heading_rule:
        lines.append([(1, "-" * (label_width - 3))] + [(c.start, "-" * c.width) for c in cols])
    return lines


def _span_runs(cols) -> list:
    runs, k = [], 0
    while k < len(cols):
        if cols[k].span:
            j = k
            while j + 1 < len(cols) and cols[j + 1].span == cols[k].span:
                j += 1
            runs.append((k, j))
            k = j + 1
        else:
            k += 1
    return runs


def _emit_headings(canvas, heading_lines, cols, layout):
    for parts in heading_lines:
        n = canvas.new()
        for column, text in parts:
            canvas.put(n, column, text)
    if layout.table_tags and layout.markers:
        n = canvas.new()
        if layout.s_tag:
            canvas.put(n, 1, "<S>")
        for c in cols:
            canvas.put(n, c.start, "<C>")


def _account_page(canvas, cols, layout, caption):
    """The next account's rows on a new page: the table closed, the page ejected,
    a running head and page number, the table re-opened without its headings
    (under the account's `caption`, if printed between the tables)."""
    canvas.new("</TABLE>")
    canvas.new("")
    canvas.new(" " * 38 + "S-2")
    canvas.new("<PAGE>")
    canvas.new(" " * 10 + "Acme Tool Company and subsidiaries")
    canvas.new("")
    if caption is not None:
        canvas.new(caption)
    canvas.new("<TABLE>")
    if layout.markers:
        n = canvas.new()
        if layout.s_tag:
            canvas.put(n, 1, "<S>")
        for c in cols:
            canvas.put(n, c.start, "<C>")


def _page_break(canvas, heading_lines, cols, layout):
    style = layout.page_break
    if style == "reopen":  # (untagged, the typist re-types the headings on the new page, without tags)
        if layout.table_tags:
            canvas.new("</TABLE>")
        canvas.new("")
        canvas.new(" " * 38 + "S-2")
        canvas.new("<PAGE>")
        canvas.new("")
        if layout.table_tags:
            canvas.new("<TABLE>")
            if layout.caption:
                canvas.new("<CAPTION>")
    elif style == "page_tag":
        canvas.new("")
        canvas.new("<PAGE>")
    elif style == "page_number":
        canvas.new("")
        canvas.new(" " * 38 + "S-2")
        canvas.new("\f")
    else:  # form_feed alone
        canvas.new("\f")
    if layout.repeat_headings or style == "reopen":
        canvas.new("")
        _emit_headings(canvas, heading_lines, cols, layout)
    canvas.new("")


def _emit_row(canvas, item, cols, period_part, layout, notes_order, out):
    if item.get("group"):
        n = canvas.new()
        if item.get("period"):
            canvas.put(n, 1, item["period"])
        canvas.put(n, 1 + period_part, item["label"])
        if layout.group_rule:
            canvas.put(canvas.new(), 1 + period_part, "-" * len(item["label"]))
        return
    pi, ri = item["key"]
    label = item["label"]
    indent = 2 if layout.group_header or item.get("account") else 0
    wraps = layout.label_width and label and not item.get("account")  # a period's name is not wrapped
    wrapped = textwrap.wrap(label, max(8, layout.label_width - indent)) if wraps else [label]
    if item["total"]:
        _total_rule(canvas, item, cols, layout, "-")
    figure_line = len(wrapped) - 1 if layout.figures_on == "last" else 0
    # The balance at end on a line of its own under the row (an item's, its label on one line).
    second = (layout.second_line and not item["total"] and len(wrapped) == 1 and not item.get("account")
              and parse_cell(item["cells"][-1] if item["cells"] else "")[0] == "amount")  # (a nil stays on its row)
    for i, text in enumerate(wrapped):
        n = canvas.new()
        if i == 0 and item.get("period"):
            canvas.put(n, 1, item["period"])
        canvas.put(n, 1 + period_part + indent + (2 if i else 0), text)
        if i == figure_line:
            _emit_figures(canvas, n, item, cols, layout, notes_order, out, but_last=second)
    if second:
        _emit_figures(canvas, canvas.new(), item, cols, layout, notes_order, out, only_last=True)
    # The row's name in the AST: its label, or under by-account grouping its account's caption.
    out.row_labels[(pi, ri)] = item["account"] if item.get("account") else " ".join(wrapped)
    if item["total"] and item.get("last_total") and layout.double_rule:
        _total_rule(canvas, item, cols, layout, "=")


def _printed_text(cell: str, layout: Layout) -> str:
    kind, value, decimals = parse_cell(cell)
    if kind == "blank":
        return ""
    return nil_text(layout) if kind == "nil" else figure_text(value, decimals, layout)


def _total_rule(canvas, item, cols, layout, char):
    """The rule over (or under) a total: each column's width, or with short
    rules each figure's width and one more ("----" over "$ 387")."""
    n = canvas.new()
    for k, c in enumerate(cols):
        if not layout.short_rules:
            canvas.put(n, c.start, char * c.width)
            continue
        body = _printed_text(item["cells"][k] if k < len(item["cells"]) else "", layout)
        if not body:
            continue
        width = max(4 if k == 0 else 2, len(body) + 1)  # (a line of short runs alone would be nils)
        canvas.put(n, c.start + c.width - width, char * width)


def _emit_figures(canvas, n, item, cols, layout, notes_order, out, but_last=False, only_last=False):
    pi, ri = item["key"]
    for k, c in enumerate(cols):
        if (but_last and k == len(cols) - 1) or (only_last and k != len(cols) - 1):
            continue
        text = item["cells"][k] if k < len(item["cells"]) else ""
        kind, value, decimals = parse_cell(text)
        if kind == "blank":
            continue
        body = nil_text(layout) if kind == "nil" else figure_text(value, decimals, layout)
        if not body:
            continue  # a nil printed as blank spaces
        note = item["notes"][k] if k < len(item["notes"]) else ""
        mark = " " * layout.note_gap + note_mark(note, notes_order, layout.note_marks) if note else ""
        right = c.start + c.width  # one past the column's last character
        if mark and layout.note_place == "inside":
            right -= len(mark)
        start = right - len(body)
        canvas.put(n, start, body)
        if mark:
            canvas.put(n, right, mark)
        dollar = layout.dollar == "every" or (
            layout.dollar in ("first", "detached") and (item["total"] or _first_of_block(item))
        )
        dollar = dollar and (kind == "amount" or layout.dollar == "detached")
        if dollar:
            canvas.put(n, c.start if layout.dollar == "detached" else start - 1, "$")
        out.figures.append(Printed(pi, ri, k, body, value if kind == "amount" else None, n, start, right))


def _first_of_block(item) -> bool:
    return bool(item.get("first"))


# --- the movements as rows --------------------------------------------------------


def _accounts(spec, periods, layout) -> list:
    """[(name, {period: row index})]: each account and its row in each period it prints."""
    found = []
    for pi in periods:
        for ri, r in enumerate(spec["periods"][pi]["rows"]):
            if not r["cells"]:
                continue
            name = _printed_label(r, layout) or "Total"
            entry = next((a for a in found if _key(a[0]) == _key(name)), None)
            if entry is None:
                entry = (name, {})
                found.append(entry)
            entry[1].setdefault(pi, ri)
    return found


def _cell_text(spec, pi, ri, m) -> str:
    cells = spec["periods"][pi]["rows"][ri]["cells"]
    return cells[m] if m < len(cells) else ""


def _render_transposed(spec, periods, layout, notes_order) -> Rendered:
    """Each spec column a row (its heading the row's label, from the balance at
    beginning to the balance at end); the figure columns the periods (a block per
    account, "years") or the accounts (a block per period, "accounts")."""
    out = Rendered("", units=units_line(spec, layout)[1])
    out.period_labels = [period_caption(p["label"], layout) for p in spec["periods"]]
    accounts = _accounts(spec, periods, layout)
    # A heading's leading marker ("(1) Charged to costs") printed after the row's label.
    movements = [re.sub(r"^(\(\d\))\s*(.*)$", r"\2 \1", split_letter(h)[1]) for h in spec["columns"][1:]]
    by_years = layout.transposed == "years"
    # The figure columns: (heading, [(block key, period, row index or None)]) ...
    heads = [out.period_labels[pi].rstrip(":") for pi in periods] if by_years else [a[0] for a in accounts]
    blocks = ([(name, [(pi, rows.get(pi)) for pi in periods]) for name, rows in accounts] if by_years else
              [(out.period_labels[pi], [(pi, rows.get(pi)) for _, rows in accounts]) for pi in periods])
    for name, rows in accounts:
        for pi, ri in rows.items():
            out.row_labels[(pi, ri)] = cased(name, layout)  # the account as printed
    label_width = max(len(m) for m in movements) + 6
    if not by_years and layout.period_style == "first_cell":  # the period before the opening balance's label
        label_width += max(len(out.period_labels[pi].rstrip(":")) for pi in periods) + 2
    cols = []
    for k, head in enumerate(heads):
        widths = [_cell_width(spec["periods"][pi]["rows"][ri]["cells"][m], "", layout)
                  for _, places in blocks for pi, ri in [places[k]] if ri is not None
                  for m in range(len(movements))]
        c = _Col(None, cased(head, layout) if not by_years or layout.period_style != "bare" else head)
        c.figure_width = max(widths + [1]) + (6 if notes_order else 0)
        cols.append(c)
    _lay_out_columns(cols, label_width, layout)
    canvas = _table_top(spec, heads, cols, label_width, layout)
    for b, (caption, places) in enumerate(blocks):
        canvas.new("")
        first_cell = not by_years and layout.period_style == "first_cell"
        if not first_cell:
            canvas.new(cased(caption, layout) if by_years else caption)
        blank_row = [all(ri is None or parse_cell(_cell_text(spec, pi, ri, m))[0] == "blank" for pi, ri in places)
                     for m in range(len(movements))]
        for m, movement in enumerate(movements):
            closing = m == len(movements) - 1
            if closing:
                _total_rule(canvas, {"cells": []}, cols, dataclasses_replace(layout, short_rules=False), "-")
            n = canvas.new()
            label = cased(movement, layout)
            if first_cell and m == 0:
                label = f"{caption.rstrip(':')}  {label}"
            canvas.put(n, 3 if not (first_cell and m == 0) else 1, label)
            for k, (pi, ri) in enumerate(places):
                if ri is None:
                    continue
                row = spec["periods"][pi]["rows"][ri]
                text = row["cells"][m] if m < len(row["cells"]) else ""
                if blank_row[m] and not layout.blank_movements:
                    # A movement with no figure in its block is printed with nils: a
                    # label alone would be read as the first line of the next one's.
                    text = "-"
                kind, value, decimals = parse_cell(text)
                body = "" if kind == "blank" else nil_text(layout) if kind == "nil" else figure_text(value, decimals, layout)
                body = body or ("-" if blank_row[m] and not layout.blank_movements else "")
                if not body:
                    continue
                start, right = put_figure(canvas, n, cols[k], body, row, m, notes_order, layout)
                dollar = layout.dollar == "every" or (layout.dollar in ("first", "detached") and m in (0, len(movements) - 1))
                if dollar and kind == "amount":
                    canvas.put(n, start - 1, "$")
                out.figures.append(Printed(pi, ri, m, body, value if kind == "amount" else None, n, start, right))
        if layout.double_rule:
            _total_rule(canvas, {"cells": []}, cols, dataclasses_replace(layout, short_rules=False), "=")
    out.text = table_bottom(canvas, notes_order, layout)
    out.headings = heads
    return out


def _table_top(spec, heads, cols, label_width, layout) -> Canvas:
    """The title block, the <TABLE> tags and the headings of a table of the movements as rows."""
    canvas = Canvas()
    _title(canvas, spec, layout)
    if layout.table_tags:
        canvas.new("<TABLE>")
        if layout.caption:
            canvas.new("<CAPTION>")
    _emit_headings(canvas, _headings({"columns": [""] + heads}, cols, label_width, layout), cols, layout)
    return canvas


def put_figure(canvas, n, col, body, row, m, notes_order, layout) -> tuple:
    """A figure of spec column `m` of `row`, right-aligned in `col` before its marker: (start, right)."""
    footnotes = row.get("footnotes") or []
    note = footnotes[m] if m < len(footnotes) else ""
    mark = note_mark(note, notes_order, layout.note_marks) if note else ""
    right = col.start + col.width - len(mark)
    start = right - len(body)
    canvas.put(n, start, body)
    if mark:
        canvas.put(n, right, mark)
    return start, right


def table_bottom(canvas, notes_order, layout) -> str:
    """The table closed, its notes under it: the whole text."""
    if layout.table_tags:
        canvas.new("</TABLE>")
    canvas.new("")
    for note in notes_order:
        canvas.new(f"{note_mark(note, notes_order, layout.note_marks)} See the notes to the financial statements.")
    canvas.new("")
    canvas.new("See accompanying notes.")
    return "\n".join(line.rstrip() if line.strip() else line.strip(" ") for line in canvas.lines) + "\n"

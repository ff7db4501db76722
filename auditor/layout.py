"""Lay the parsed lines out as a schedule: columns, periods, rows, cells.

This stage answers the questions of position the grammar leaves open: where
the headings end, which character span each column owns (from the <S>/<C>
marker line, the dashed rule under the headings, or the figures' own
alignment), which column each figure falls in, and which lines open a new
period.  It builds the AST in `model.py`; roles are the next stage's job.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .errors import InputError
from .locate import TITLE
from .model import Cell, Column, Period, Row, Schedule
from .parse import Line, Token

UNITS = re.compile(
    r"\b(?:dollars\s+|amounts\s+)?in\s+(thousands|millions|billions)\b"
    r"|\$?\s?(000)'?s\b|\((000)\s+omitted\)|\b(thousands|millions)\s+of\s+dollars",
    re.IGNORECASE,
)
PERIOD_START = re.compile(
    r"^(for\s+the\s+|the\s+)?(fiscal|year|years|period|nine|six|three|twelve|fifty|"
    r"transition|quarter|month|months|weeks|\d+\s+(months|weeks))\b|"
    r"^(19|20)\d\d\b|^(january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+\d",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19|20)\d\d\b")
DATE = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
TOTAL = re.compile(r"^totals?\b", re.IGNORECASE)
LEADER = re.compile(r"[.\s]{2,}$|\.{2,}")


def build(lines: list, title_line: int, path: str = None) -> Schedule:
    """The schedule laid out in `lines` (one located region)."""
    body_start = _first_index(lines, "row")
    if body_start is None:
        raise InputError("a Schedule II title, but no table rows under it", path, title_line)
    rows = [ln for ln in lines if ln.kind == "row"]
    label_end = min(_first_figure_column(r) for r in rows)
    headings, separators, body_start = _heading_block(lines, body_start, label_end)
    starts = _column_starts(separators, rows, label_end)
    columns = _columns(headings, starts)
    label_heading = " ".join(_chunk_text(c) for ln in headings for c in _chunks(ln.words) if c[0].end <= starts[0])
    preamble = [ln for ln in lines[:body_start] if ln.kind == "text" and ln not in headings]
    periods = _periods(lines, body_start, headings, starts, columns, path)
    return Schedule(
        title=_title(preamble),
        units=_units(preamble + headings),
        columns=tuple(columns),
        periods=tuple(periods),
        line=title_line,
        label_heading=label_heading,
    )


def _first_index(lines, kind):
    return next((i for i, ln in enumerate(lines) if ln.kind == kind), None)


def _first_figure_column(row: Line) -> int:
    first = row.figures[0]
    return (first.dollar or first.value).column


def _text(tokens) -> str:
    return " ".join(t.text for t in tokens)


def _title(preamble) -> str:
    texts = [_text(ln.words) for ln in preamble]
    for pattern in ("qualifying", "valuation", "schedule"):
        for text in texts:
            if pattern in text.lower() and TITLE.search(text):
                return text
    return texts[0] if texts else ""


def _units(lines) -> str:
    for ln in lines:
        match = UNITS.search(_text(ln.words))
        if match:
            unit = next(g for g in match.groups() if g)
            return "thousands" if unit == "000" else unit.lower()
    return None


# --- headings and column spans ------------------------------------------------


def _heading_block(lines, body_start, label_end):
    """Heading lines and the separator lines (rules, <S>/<C>) under them.

    Walk up from the first row: past the period and group captions (text in
    the label area), then through rules, marker lines and heading text,
    until a gap of two blank lines, a tag, a title or the units line.
    """
    i = body_start - 1
    while i >= 0 and lines[i].kind == "text" and not _reaches_figures(lines[i], label_end):
        i -= 1
    captions_start = i + 1
    headings, separators = [], []
    below = lines[i + 1].number
    while i >= 0:
        ln = lines[i]
        if below - ln.number > 3:
            break
        if ln.kind in ("rule", "markers"):
            separators.insert(0, ln)
        elif ln.kind == "text" and not _is_title_or_units(ln):
            headings.insert(0, ln)
        else:
            break
        below, i = ln.number, i - 1
    return headings, separators, captions_start


def _is_title_or_units(line: Line) -> bool:
    text = _text(line.words)
    return bool(TITLE.search(text) or (UNITS.search(text) and len(line.words) <= 5))


def _reaches_figures(line: Line, label_end: int) -> bool:
    return any(t.end > label_end for t in line.words)


def _column_starts(separators, rows, label_end) -> list:
    """Start column of each figure column's span, left to right."""
    for sep in separators:
        if sep.kind == "markers":
            starts = [m.column for m in sep.marks if m.text.upper() == "<C>"]
            if starts:
                return starts
    # The dashed rule with the most segments over the figures (a rule under
    # a spanning "ADDITIONS" heading has fewer).
    best = max(
        ([m for m in sep.marks if m.end > label_end] for sep in separators),
        key=len,
        default=[],
    )
    if len(best) >= 2:
        return [m.column for m in best]
    return _aligned_starts(rows, label_end)


def _aligned_starts(rows, label_end) -> list:
    """Spans from the figures themselves: right edges that line up form a column."""
    anchors = sorted({f.value.anchor for r in rows for f in r.figures})
    clusters = []
    for a in anchors:
        if clusters and a - clusters[-1][-1] <= 2:
            clusters[-1].append(a)
        else:
            clusters.append([a])
    starts, left = [], label_end
    for cluster in clusters:
        starts.append(left)
        left = cluster[-1] + 2
    return starts


def _chunks(words):
    """Words separated by single spaces belong together; two spaces part them."""
    chunks = []
    for w in words:
        if chunks and w.column - chunks[-1][-1].end <= 1:
            chunks[-1].append(w)
        else:
            chunks.append([w])
    return chunks


def _chunk_text(chunk) -> str:
    return " ".join(t.text for t in chunk)


def _columns(headings, starts) -> list:
    parts = [[] for _ in starts]
    bounds = starts[1:] + [10**6]
    for line in headings:
        for chunk in _chunks(line.words):
            lo, hi = chunk[0].column, chunk[-1].end
            if hi <= starts[0]:
                continue  # the label column's heading
            overlaps = [max(0, min(hi, b) - max(lo, s)) for s, b in zip(starts, bounds)]
            best = max(range(len(starts)), key=lambda k: overlaps[k])
            spanned = [k for k, o in enumerate(overlaps) if o and (o >= 3 or k == best)]
            # A heading over several columns ("ADDITIONS") heads each of them.
            for k in spanned if len(spanned) > 1 and _spans(chunk, spanned, starts, bounds) else [best]:
                parts[k].append(_chunk_text(chunk))
    return [
        Column(heading=" ".join(p), role=None, start=s, end=b if b < 10**6 else s + 40)
        for p, s, b in zip(parts, starts, bounds)
    ]


def _spans(chunk, spanned, starts, bounds) -> bool:
    """True when a chunk stretches over most of two or more columns."""
    lo, hi = chunk[0].column, chunk[-1].end
    covered = [min(hi, bounds[k]) - max(lo, starts[k]) for k in spanned]
    widths = [min(bounds[k], starts[k] + 20) - starts[k] for k in spanned]
    return sum(1 for c, w in zip(covered, widths) if c >= w * 0.4) >= 2


# --- periods, rows and cells ---------------------------------------------------


def _periods(lines, body_start, headings, starts, columns, path) -> list:
    periods, rows = [], []
    label, label_line = "", lines[body_start].number
    after_rule = False

    def close():
        if rows:
            periods.append(_period(label, label_line, rows))

    for ln in lines[body_start:]:
        if ln.kind == "text":
            text = _text(ln.words)
            if PERIOD_START.search(text):
                close()
                rows, label, label_line = [], text.rstrip(":").strip(), ln.number
            after_rule = False
        elif ln.kind == "rule":
            after_rule = True
        elif ln.kind == "row":
            rows.append(_row(ln, starts, columns, after_rule, path))
            after_rule = False
    close()
    return periods


def _period(label, line, rows) -> Period:
    end = None
    match = DATE.search(label)
    if match:
        try:
            end = date(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
        except ValueError:
            end = None
    years = [int(m.group(0)) for m in YEAR.finditer(label)]
    year = end.year if end else (max(years) if years else None)
    return Period(label=label, rows=tuple(rows), line=line, fiscal_year=year, end_date=end)


def _row(line: Line, starts, columns, after_rule, path) -> Row:
    words = list(line.words)
    footnote = None
    while words and words[-1].kind == "NOTE":
        footnote = words.pop().text + (footnote or "")
    figures = list(line.figures)
    # A number inside the label area ends the label ("Reserve number 2"), it is no figure.
    while figures and fig_in_label(figures[0], starts) and len(figures) > 1:
        fig = figures.pop(0)
        words.extend(t for t in (fig.dollar, fig.value, *fig.notes) if t is not None)
    label = LEADER.sub("", _text(words)).strip().rstrip(":")
    cells = [None] * len(starts)
    for fig in figures:
        k = _column_of(fig.value.anchor, starts)
        if k is None:
            raise InputError(
                f"figure {fig.value.text!r} at column {fig.value.column} lies left of the first figure column",
                path,
                line.number,
            )
        if cells[k] is not None:
            raise InputError(
                f"two figures ({cells[k].raw!r} and {fig.value.text!r}) in column "
                f"{columns[k].heading or k + 1!r}",
                path,
                line.number,
            )
        cells[k] = _cell(fig)
    kind = "total" if TOTAL.match(label) or (not label and after_rule) or not label else "item"
    return Row(label=label, kind=kind, cells=tuple(cells), line=line.number, footnote=footnote)


def _column_of(anchor: int, starts) -> int:
    if anchor < starts[0]:
        return None
    k = 0
    while k + 1 < len(starts) and anchor >= starts[k + 1]:
        k += 1
    return k


def _cell(fig) -> Cell:
    tok: Token = fig.value
    raw = tok.text
    footnote = "".join(n.text for n in fig.notes) or None
    return Cell(
        value=amount(raw) if tok.kind == "AMOUNT" else None,
        raw=raw,
        line=tok.line,
        column=tok.column,
        end_column=tok.end,
        footnote=footnote,
    )


def amount(raw: str) -> Decimal:
    """The exact value of a printed figure: "(1,234)" is -1234."""
    text = raw.replace(",", "").replace(" ", "")
    negative = text.startswith("(") or text.startswith("-")
    digits = text.strip("()-")
    value = Decimal(digits)
    return -value if negative else value


def fig_in_label(fig, starts) -> bool:
    """True for a figure that ends before the first figure column begins."""
    return fig.value.end <= starts[0]

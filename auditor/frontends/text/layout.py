"""Lay the parsed lines out as a schedule: columns, periods, rows, cells.

This stage answers the questions of position the grammar leaves open: where
the headings end, which character span each column owns (from the <S>/<C>
marker line, the dashed rule under the headings, or the figures' own
alignment), which column each figure falls in, and which lines open a new
period.  It builds the AST in `model.py`; roles are the next stage's job.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from auditor.errors import InputError
from auditor.frontends.text.locate import TITLE
from auditor.labels import LEADER, TOTAL, UNITS, YEAR, is_period, period_from_caption
from auditor.model import Cell, Column, Row, Schedule, figure_value
from auditor.frontends.text.parse import Figure, Line, Token



def build(lines: list, title_line: int, path: str = None) -> Schedule:
    """The schedule laid out in `lines` (one located region)."""
    body_start = _first_index(lines, "row")
    if body_start is None:
        raise InputError("a Schedule II title, but no table rows under it", path, title_line)
    lines = _label_notes_as_text(_heading_notes_as_text(_page_numbers_as_text([_label_figures_as_words(ln) for ln in lines])))
    body_start = _first_index(lines, "row")
    if body_start is None:
        raise InputError("a Schedule II title, but no table rows under it", path, title_line)
    rows = [ln for ln in lines if ln.kind == "row"]
    label_end = min(_first_figure_column(r) for r in rows)
    headings, separators, body_start = _heading_block(lines, body_start, label_end)
    starts = _column_starts(separators, rows, label_end)
    extents = _heading_extents(separators, starts, label_end)
    columns = _columns(headings, starts, _spanning_rules(headings, separators, starts), extents)
    label_heading = " ".join(_chunk_text(c) for ln in headings for c in _chunks(ln.words) if c[0].end <= starts[0])
    preamble = [ln for ln in lines[:body_start] if ln.kind == "text" and ln not in headings]
    entries = _leading_caption(preamble) + _body(lines, body_start, headings, separators, starts, columns, label_end, path)
    periods = _periods(entries, path)
    return Schedule(
        title=_title(preamble),
        units=_units(preamble + headings),
        columns=tuple(columns),
        periods=tuple(periods),
        line=title_line,
        label_heading=label_heading,
    )


def _leading_caption(preamble) -> list:
    """The first block's caption, printed above the table where a schedule
    gives each account ("Allowance for doubtful accounts:") or each period
    ("Year ended December 31, 2000") its own <TABLE>."""
    if preamble:
        last = preamble[-1]
        text = _text(last.words)
        if _is_title_or_units(last):
            return _period_in_title_block(preamble)
        if len(_chunks(last.words)) > 1:
            return []
        if is_period(text):
            return [("period", text.rstrip(":").strip(), last.number)]
        if text.endswith(":"):
            return [("caption", text, last.number)]
    return []


def _period_in_title_block(preamble) -> list:
    """The one year a schedule covers, named in its title block ("Year ended
    December 31, 1997" over "(in millions)"), where a filing prints one table
    per year.  A subtitle naming several years is the schedule's span, no
    period of it.  (A table with captions of its own opens its first period
    under them: this one is then left without rows.)"""
    for ln in reversed(preamble):
        text = _text(ln.words)
        if _is_title_or_units(ln):
            continue
        if len(_chunks(ln.words)) == 1 and is_period(text) and len({m.group(0) for m in YEAR.finditer(text)}) == 1:
            return [("period", text.rstrip(":").strip(), ln.number)]
        return []
    return []


def _label_figures_as_words(line: Line) -> Line:
    """A figure-like token one space after a label word is part of the label
    ("Deferred tax assets -" wrapped, "Reserve number 2"): a line left with no
    figures is a label line."""
    words, figures = list(line.words), list(line.figures)
    while figures and words and figures[0].dollar is None and figures[0].value.column - words[-1].end <= 1:
        fig = figures.pop(0)
        words.extend((fig.value, *fig.notes))
    if len(figures) == len(line.figures):
        return line
    if not figures:
        return Line("text", line.number, tuple(words))
    return Line("row", line.number, tuple(words), tuple(figures))


def _page_numbers_as_text(lines) -> list:
    """A page number printed as a bare number ("47", "- 47 -") is a row of
    figures to the grammar (a total of one figure, or figures out of their
    columns).  With no label, no "$" and no marker, at a page's foot (<PAGE>
    or </TABLE> right under it, or set apart by blank lines) it is text: a
    page number, which the body skips."""
    out = list(lines)
    for i, ln in enumerate(out):
        if ln.kind != "row" or ln.words or any(f.dollar or f.notes for f in ln.figures):
            continue
        if not PAGE_NUMBER.search(" ".join(f.value.text for f in ln.figures)):
            continue
        after = out[i + 1] if i + 1 < len(out) else None
        above = out[i - 1] if i else None
        if (above is not None and above.kind == "row" and above.number == ln.number - 1 and len(ln.figures) == 1
                and ln.figures[0].value.column > above.figures[-1].value.end):
            continue  # right of the row just above it: that row's last figure, on a line of its own
        apart = (i == 0 or out[i - 1].number < ln.number - 1) and (after is None or after.number > ln.number + 1)
        if apart or (after is not None and after.kind in ("page", "table_close")):
            out[i] = Line("text", ln.number, tuple(f.value for f in ln.figures))
    return out


HEADING_NOTE = re.compile(r"^\(\d{1,2}\)$")


def _heading_notes_as_text(lines) -> list:
    """A line of nothing but "(1)   (2)" over heading text is the headings'
    footnote markers, not a row of figures: it has no label, no "$", and
    heading text (no row) follows it before any rule or marker line."""
    out, notes = list(lines), set()
    for i, ln in enumerate(out):
        if ln.kind == "row":
            if ln.words or not all(f.dollar is None and not f.notes and HEADING_NOTE.match(f.value.text) for f in ln.figures):
                break  # the first real row: the headings are above it
            after = next((x for x in out[i + 1 :] if x.kind != "table_open"), None)
            if after is not None and after.kind == "text":
                out[i] = _as_notes(ln)
                notes.add(_printed(ln))
    # The same markers at the same places further down are the headings
    # printed again after a page break, not a row of small negatives.
    for i, ln in enumerate(out):
        if ln.kind == "row" and not ln.words and _printed(ln) in notes:
            out[i] = _as_notes(ln)
    return out


def _label_notes_as_text(lines) -> list:
    """A lone footnote marker ("(3)") left of every labelled row's first
    figure is the last word of a wrapped label, not a figure: text."""
    labelled = [ln for ln in lines if ln.kind == "row" and ln.words]
    if not labelled:
        return lines
    figures_from = min(_first_figure_column(r) for r in labelled)
    return [_as_notes(ln) if ln.kind == "row" and not ln.words and len(ln.figures) == 1
            and ln.figures[0].dollar is None and HEADING_NOTE.match(ln.figures[0].value.text)
            and ln.figures[0].value.end <= figures_from else ln
            for ln in lines]


def _as_notes(line: Line) -> Line:
    return Line("text", line.number, tuple(f.value._replace(kind="NOTE") for f in line.figures))


def _printed(line: Line) -> tuple:
    return tuple((f.value.column, f.value.text) for f in line.figures)


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
    while i >= 0 and (lines[i].kind == "text" and _is_caption(lines[i], label_end) or _underlines_caption(lines, i, label_end)):
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
        elif ln.kind == "text" and not _is_title_or_units(ln) and not (headings and _is_subtitle(ln, below)):
            headings.insert(0, ln)
        else:
            break
        below, i = ln.number, i - 1
    return headings, separators, captions_start


def _underlines_caption(lines, i, label_end) -> bool:
    """A rule in the label area only, right under a caption ("Allowance for
    losses on:" over "------------------------"): the caption's underline, in
    the body, not a rule under the headings."""
    ln = lines[i]
    if ln.kind != "rule" or i == 0 or len(ln.marks) != 1:
        return False
    above, (rule,) = lines[i - 1], ln.marks
    return (above.kind == "text" and above.number == ln.number - 1 and _is_caption(above, label_end)
            and rule.column < label_end and abs(rule.column - above.words[0].column) <= 2
            and rule.end <= above.words[-1].end + 2)


def _is_subtitle(line: Line, below: int) -> bool:
    """The years a schedule covers, set apart above its headings by a blank
    line ("Years Ended September 30, 1996, 1995 and 1994"): no heading."""
    return below - line.number >= 2 and len(_chunks(line.words)) == 1 and is_period(_text(line.words))


def _is_title_or_units(line: Line) -> bool:
    text = _text(line.words)
    return bool(TITLE.search(text) and len(_chunks(line.words)) <= 2 or (UNITS.search(text) and len(line.words) <= 5))


def _reaches_figures(line: Line, label_end: int) -> bool:
    return any(t.end > label_end for t in line.words)


def _is_caption(line: Line, label_end: int) -> bool:
    """A period or group caption: text in the label area, or one phrase starting there
    that runs on over the figures ("Reserves deducted from asset accounts:")."""
    chunks = _chunks(line.words)
    if not _reaches_figures(line, label_end):
        return True
    return chunks[0][0].column < label_end and (len(chunks) == 1 or is_period(_chunk_text(chunks[0])))


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
    """Spans from the figures themselves: figures (with their footnote markers)
    that overlap across rows form a column; the gaps between them part columns."""
    extents = []
    for r in rows:
        for i, f in enumerate(r.figures):
            if i and _marks_figure(_cell(r.figures[i - 1]), f):
                extents[-1] = (extents[-1][0], f.value.end)  # a figure's "(2)": part of its extent
            else:
                extents.append((f.value.column, (f.notes[-1] if f.notes else f.value).end))
    extents.sort()
    columns = []
    for lo, hi in extents:
        if columns and lo < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], hi)
        else:
            columns.append([lo, hi])
    starts, left = [], label_end
    for lo, hi in columns:
        starts.append(min(left, lo))
        left = hi + 1
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


RULE_TEXT = re.compile(r"^[-=_]{3,}$")


def _spanning_rules(headings, separators, starts) -> list:
    """(line, start, end) of dashed runs that stretch over two or more columns:
    the rule under a spanning heading ("ADDITIONS" over "-------------").
    A run from the label column on is the frame of the whole table, ruled
    above and below a row of column letters: it spans no heading."""
    runs = [(ln.number, t.column, t.end) for ln in headings for t in ln.words if RULE_TEXT.match(t.text)]
    runs += [(ln.number, m.column, m.end) for ln in separators if ln.kind == "rule" for m in ln.marks]
    return [(n, lo, hi) for n, lo, hi in runs
            if lo >= starts[0] - 2 and sum(1 for s in starts[1:] if lo < s < hi - 1) >= 1]


def _heading_extents(separators, starts, label_end) -> list:
    """(start, end) of each column's heading: the runs of the rule under the
    headings, where it has one run per column.  <S>/<C> markers and figures
    stand at the right of a column, its heading text further left
    ("Charged" over "to Other" starts left of its <C>): the rule under it says
    where it is.  Otherwise the column's span."""
    for sep in reversed(separators):
        runs = [m for m in sep.marks if m.end > label_end] if sep.kind == "rule" else []
        if len(runs) == len(starts):
            return [(m.column, m.end) for m in runs]
    bounds = starts[1:] + [10**6]
    return list(zip(starts, bounds))


def _columns(headings, starts, spanning=(), extents=None) -> list:
    parts = [[] for _ in starts]
    bounds = starts[1:] + [10**6]
    extents = extents or list(zip(starts, bounds))
    for line in headings:
        for chunk in _chunks([w for w in line.words if not RULE_TEXT.match(w.text)]):
            lo, hi = chunk[0].column, chunk[-1].end
            if hi <= starts[0]:
                continue  # the label column's heading
            under = _rule_under(line.number, lo, hi, spanning)
            if under is not None:
                # A heading centred over a rule that spans columns heads each of them.
                lo, hi = under
                spanned = [k for k, (s, b) in enumerate(extents)
                           if min(hi, b) - max(lo, s) >= 0.4 * (min(b, s + 20) - s)]
                for k in spanned:
                    parts[k].append(_chunk_text(chunk))
                continue
            overlaps = [max(0, min(hi, b) - max(lo, s)) for s, b in extents]
            if not any(overlaps):  # between two columns' rules: by the columns' spans
                overlaps = [max(0, min(hi, b) - max(lo, s)) for s, b in zip(starts, bounds)]
            best = max(range(len(starts)), key=lambda k: overlaps[k])
            spanned = [k for k, o in enumerate(overlaps) if o and (o >= 3 or k == best)]
            # A heading over several columns ("ADDITIONS") heads each of them.
            for k in spanned if len(spanned) > 1 and _spans(chunk, spanned, [e[0] for e in extents], [e[1] for e in extents]) else [best]:
                parts[k].append(_chunk_text(chunk))
    return [
        Column(heading=" ".join(p), role=None, start=s, end=b if b < 10**6 else s + 40)
        for p, s, b in zip(parts, starts, bounds)
    ]


def _rule_under(number, lo, hi, spanning):
    """The extent of a spanning rule on the next line or two below a heading chunk, under its middle."""
    middle = (lo + hi) // 2
    for n, rlo, rhi in spanning:
        if 0 < n - number <= 2 and rlo <= middle < rhi:
            return rlo, rhi
    return None


def _spans(chunk, spanned, starts, bounds) -> bool:
    """True when a chunk stretches over most of two or more columns."""
    lo, hi = chunk[0].column, chunk[-1].end
    covered = [min(hi, bounds[k]) - max(lo, starts[k]) for k in spanned]
    widths = [min(bounds[k], starts[k] + 20) - starts[k] for k in spanned]
    return sum(1 for c, w in zip(covered, widths) if c >= w * 0.4) >= 2


# --- periods, rows and cells ---------------------------------------------------

# Words a wrapped label's first line may end on ("Allowance for" / "doubtful accounts").
CONNECTIVE = re.compile(r"\b(for|of|and|on|to|in|the|from|by|with|or|&|-|—)$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(page\s+)?[a-z]?-?\s*\d{1,3}\s*-?$|\(continued\)$|^continued$", re.IGNORECASE)


def _body(lines, body_start, headings, separators, starts, columns, label_end, path) -> list:
    """Walk the body: period and account captions, rows with their wrapped labels.

    Returns entries in printed order: ("period", label, line), ("caption",
    text, line) and ("row", Row, label indent).
    """
    repeated = {_text(ln.words) for ln in headings}
    # Whether a label's next line starting in lower case says anything: not in
    # a body printed all in lower case (nor, of course, all in capitals).
    cased = any(c.isupper() for ln in lines[body_start:] for t in ln.words for c in t.text)
    entries, pending = [], []  # pending: text lines whose role the next row decides
    last = None  # index in entries of the row a continuation line extends
    previous = None
    for ln in lines[body_start:]:
        gap = previous is not None and ln.number - previous > 1
        previous = ln.number
        if ln.kind == "text":
            text = _text(ln.words)
            if text in repeated or PAGE_NUMBER.search(text):
                continue  # headings repeated after a page break, page numbers
            ln = _years_as_figures(ln, starts, at_least=2)  # may make it a row (handled below)
            if ln.kind == "text" and not gap and not pending and last is not None:
                # One year-like amount ("1924") alone: the rest of the row above?
                second = _years_as_figures(ln, starts)
                if second.kind == "row" and _completes(entries[last][1], second, starts):
                    ln = second
        if ln.kind == "text":
            if _continues(ln, entries, last, gap, label_end):
                kind, row, indent = entries[last]
                entries[last] = (kind, replace(row, label=f"{row.label} {_label_text(ln.words)}"), indent)
                continue
            if gap:
                _settle(pending, entries, None)
                pending = []
            pending.append(ln)
            last = None
            continue
        if ln.kind == "row":
            ln = _years_as_figures(ln, starts)
            if not gap and not pending and last is not None and _completes(entries[last][1], ln, starts):
                kind, row, indent = entries[last]
                entries[last] = (kind, _with_second_line(row, ln, starts, columns, path), indent)
                continue
            period, row_words = _period_in_first_cell(ln, label_end)
            if period:
                _settle(pending, entries, None)
                pending = []
                entries.append(("period", period, ln.number))
            before = entries[-1] if entries and entries[-1][0] == "row" else None
            prefix = _settle(pending, entries, ln if not gap else None, row_words, before and before[2], cased)
            pending = []
            row = _row(ln, row_words, prefix, starts, columns, path)
            entries.append(("row", row, _indent_of(row_words, ln)))
            last = len(entries) - 1
            continue
        # Rules, <S>/<C> lines, tags and page markers end a wrapped label.
        _settle(pending, entries, None)
        pending, last = [], None
    _settle(pending, entries, None)
    return entries


def _completes(row: Row, line: Line, starts) -> bool:
    """A line of figures with no label right under an item row, each figure in
    a column the row left blank: the rest of the row's figures, printed on a
    second line (a wrapped row whose balance at end went under its last
    movement).  An unlabelled total sits under a rule, and fills the columns
    the rows above filled."""
    if line.words or row.kind != "item":
        return False
    columns = [_column_of(f.value.anchor, starts) for f in line.figures]
    return all(k is not None and row.cells[k] is None for k in columns) and len(set(columns)) == len(columns)


def _with_second_line(row: Row, line: Line, starts, columns, path) -> Row:
    second = _row(line, (), "", starts, columns, path)
    cells = tuple(a if a is not None else b for a, b in zip(row.cells, second.cells))
    return replace(row, cells=cells)


def _years_as_figures(line: Line, starts, at_least: int = 1) -> Line:
    """A bare amount that looks like a year ("1950", printed without a "$" or
    separators) is a word before the row's figures to the grammar; standing
    in a figure column, it is the row's first figure.  A line of such amounts
    alone is a row too (`at_least` two of them: a caption ends in one year)."""
    words, figures = list(line.words), list(line.figures)
    while words and words[-1].kind == "YEAR" and words[-1].end > starts[0]:
        figures.insert(0, Figure(words.pop()._replace(kind="AMOUNT"), ()))
    if len(figures) - len(line.figures) < at_least:
        return line
    return line._replace(kind="row", words=tuple(words), figures=tuple(figures))


def _indent_of(words, line) -> int:
    return words[0].column if words else line.figures[0].value.column


def _continues(ln, entries, last, gap, label_end) -> bool:
    """A label line right under a row, indented deeper: the row's label goes on."""
    if last is None or gap or not ln.words or any(t.end > label_end + 1 for t in ln.words):
        return False
    text = _text(ln.words)
    _, row, indent = entries[last]
    return ln.words[0].column > indent and not text.endswith(":") and not is_period(text) and bool(row.label)


def _settle(pending, entries, row_line, row_words=(), previous_indent=None, cased=True):
    """Give each pending text line its role; return the row's label prefix.

    Lines right above a row that neither end in ":" nor name a period, and
    that the row's own label continues (it starts in lower case, the line
    ends on "for", "of"..., the row is indented deeper, or the lines start
    where the row before them did), are the first lines of the row's wrapped
    label.
    """
    prefix, period = [], None  # prefix: the label's first lines' words
    if any(is_period(_text(ln.words)) for ln in pending):
        previous_indent = None  # a new period: the row before is no guide to this one's label
    if row_line is not None:
        row_indent = _indent_of(row_words, row_line)
        first = row_words[0].text if row_words else ""
        below = {row_indent}  # the indents of the label's lines so far
        k = len(pending)
        while k > 0:
            ln = pending[k - 1]
            words, head = ln.words, None
            chunks = _chunks(words)
            if len(chunks) > 1 and is_period(_chunk_text(chunks[0])):
                # The period in the first cell of a label's first line
                # ("Year ended December 31, 1996   Allowance for doubtful").
                head, words = _chunk_text(chunks[0]).rstrip(":").strip(), tuple(t for c in chunks[1:] for t in c)
            text = _text(words)
            if text.endswith(":") or is_period(text) or ln.number != (pending[k].number if k < len(pending) else row_line.number) - 1:
                break
            # A label's continuation lines share one indent, deeper than its
            # first line: a line shallower still is a caption above the label.
            # (In capitals, indents are all there is to go by: a line level
            # with the row under a shallower one is a continuation line too.)
            deeper = len(below) == 1 and (row_indent > words[0].column or _under_first_line(pending, k, row_indent))
            joins = cased and first[:1].islower() or CONNECTIVE.search(text) or deeper
            if not joins and not (previous_indent is not None and words[0].column <= previous_indent):
                break
            k -= 1
            prefix.insert(0, words)
            first = words[0].text
            row_indent = words[0].column
            below.add(row_indent)
            if head is not None:
                period = (head, ln.number)
                break  # a period opens the label: nothing above it belongs to it
        pending = pending[:k]
    for ln in pending:
        text = _text(ln.words)
        chunks = _chunks(ln.words)
        if is_period(_chunk_text(chunks[0])) and len(chunks) > 1 and is_period(text):
            entries.append(("period", _chunk_text(chunks[0]).rstrip(":").strip(), ln.number))
            entries.append(("caption", " ".join(_chunk_text(c) for c in chunks[1:]), ln.number))
        elif is_period(text):
            entries.append(("period", text.rstrip(":").strip(), ln.number))
        elif _wraps_caption(entries, ln, text):
            # "Allowance for losses on" / "foreclosed real estate:": one caption.
            _, above, line = entries[-1]
            entries[-1] = ("caption", f"{above} {text}", line)
        else:
            entries.append(("caption", text, ln.number))
    if period is not None:
        entries.append(("period", *period))
    return " ".join(_label_text(words) for words in prefix)


def _under_first_line(pending, k, row_indent) -> bool:
    """pending[k - 1] sits level with the row, right under a shallower line
    that is no caption: "ALLOWANCE FOR DOUBTFUL ACCOUNTS" / "  RECEIVABLE
    FROM JOINT VENTURE" / "  PARTNERS   $ 4.2 ..."."""
    ln = pending[k - 1]
    if k < 2 or ln.words[0].column != row_indent:
        return False
    above = pending[k - 2]
    text = _text(above.words)
    return (above.number == ln.number - 1 and above.words[0].column < row_indent
            and not text.endswith(":") and not is_period(text))


def _wraps_caption(entries, ln, text) -> bool:
    """A caption line that goes on from the caption line right above it."""
    if not entries or entries[-1][0] != "caption":
        return False
    _, above, line = entries[-1]
    return (ln.number - line == 1 and not above.endswith(":")
            and (text[:1].islower() or bool(CONNECTIVE.search(above))))


def _period_in_first_cell(line: Line, label_end):
    """("Year ended December 31, 2003", label words) for a row whose first cell names its period."""
    chunks = _chunks(line.words)
    if len(chunks) >= 2 and is_period(_chunk_text(chunks[0])):
        rest = tuple(t for c in chunks[1:] for t in c)
        return _chunk_text(chunks[0]).rstrip(":").strip(), rest
    return None, tuple(line.words)


def _label_text(words) -> str:
    return LEADER.sub("", _text(words)).strip()


def _periods(entries, path) -> list:
    """Periods x rows, from either arrangement: by period, or by account."""
    rows = [e[1] for e in entries if e[0] == "row"]
    captions = [e for e in entries if e[0] == "caption"]
    by_account = rows and captions and sum(1 for r in rows if r.label and is_period(r.label)) > len(rows) / 2
    if by_account:
        return _periods_by_account(entries)
    periods, current, label, label_line = [], [], "", entries[0][2] if entries else 0
    for kind, what, where in entries:
        if kind == "period":
            if current:
                periods.append(period_from_caption(label, label_line, current))
            current, label, label_line = [], what, where
        elif kind == "row":
            current.append(what if what.label or what.kind == "total" else what)
    if current:
        periods.append(period_from_caption(label, label_line, current))
    return periods


def _periods_by_account(entries) -> list:
    """A caption per account, a row per period: regrouped as periods x rows."""
    order, rows_of, lines = [], {}, {}
    account = ""
    for kind, what, where in entries:
        if kind == "caption":
            account = what.rstrip(":").strip()
        elif kind == "row":
            period = what.label
            if period not in rows_of:
                order.append(period)
                rows_of[period], lines[period] = [], what.line
            total = bool(TOTAL.match(account)) or not account
            rows_of[period].append(replace(what, label=account, kind="total" if total else "item"))
    return [period_from_caption(p, lines[p], rows_of[p]) for p in order]


def _row(line: Line, words, prefix, starts, columns, path) -> Row:
    words = list(words)
    footnote = None
    while words and words[-1].kind == "NOTE":
        footnote = words.pop().text + (footnote or "")
    figures = list(line.figures)
    # A number inside the label area ends the label ("Reserve number 2"), it is no
    # figure, when the row has more figures than columns without it; otherwise
    # the row's figures are shifted out of their columns: an error, not a guess.
    while figures and fig_in_label(figures[0], starts) and len(figures) > len(starts):
        fig = figures.pop(0)
        words.extend(t for t in (fig.dollar, fig.value, *fig.notes) if t is not None)
    label = " ".join(t for t in (prefix, _label_text(words)) if t).rstrip(":").strip()
    cells = [None] * len(starts)
    for fig in figures:
        k = _column_of(fig.value.anchor, starts)
        if k is None or _column_of(fig.value.column, starts) not in (k, None) and k - 1 != _column_of(fig.value.column, starts):
            raise InputError(
                f"figure {fig.value.text!r} lies in no figure column (expected figures under the headings)",
                path,
                line.number,
                fig.value.column,
            )
        if cells[k] is not None and _marks_figure(cells[k], fig):
            cells[k] = replace(cells[k], footnote=(cells[k].footnote or "") + fig.value.text)
            continue
        if cells[k] is not None:
            raise InputError(
                f"two figures ({cells[k].raw!r} and {fig.value.text!r}) in column "
                f"{columns[k].heading or k + 1!r}",
                path,
                line.number,
                fig.value.column,
            )
        cells[k] = _cell(fig)
    kind = "total" if TOTAL.match(label) or not label else "item"
    return Row(label=label, kind=kind, cells=tuple(cells), line=line.number, footnote=footnote)


def _marks_figure(cell: Cell, fig) -> bool:
    """A "(2)" set a few spaces after the figure before it, in that figure's
    column: its footnote marker ("250  (2)", "-   (2)"), not a second figure."""
    return (fig.dollar is None and not fig.notes and HEADING_NOTE.match(fig.value.text) is not None
            and 0 < fig.value.column - cell.end_column <= 4)


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
    try:
        value = amount(raw) if tok.kind != "NIL" else None
    except InputError as exc:
        raise InputError(exc.message, None, tok.line, tok.column) from None
    return Cell(
        value=value,
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
    value = figure_value(digits, raw)
    return -value if negative else value


def fig_in_label(fig, starts) -> bool:
    """True for a figure that ends before the first figure column begins."""
    return fig.value.end <= starts[0]


# --- one table per year --------------------------------------------------------


def joined_years(laid_out: list, assigned: list, assign) -> list:
    """Schedules printed one table per year (each under its own title, each
    perhaps followed by a breakdown of its own) read as one schedule of
    several years, so that each year's beginning balances are checked
    against the year before.  A run of schedules joins where each has one
    period of its own fiscal year, the years follow one another, and the
    titles (less their figures), units and column roles are the same.
    `laid_out` are the schedules as built, `assigned` the same with roles;
    `assign` gives a joined schedule its roles and conventions."""
    out, i = [], 0
    while i < len(assigned):
        j = i + 1
        while j < len(assigned) and _next_year_of(assigned[j - 1], assigned[j], assigned[i]):
            j += 1
        if j - i == 1:
            out.append(assigned[i])
        else:
            periods = tuple(p for s in laid_out[i:j] for p in s.periods)
            out.append(assign(replace(laid_out[i], periods=periods)))
        i = j
    return out


def _next_year_of(before: Schedule, after: Schedule, first: Schedule) -> bool:
    if len(before.periods) != 1 or len(after.periods) != 1:
        return False
    years = before.periods[0].fiscal_year, after.periods[0].fiscal_year
    step = None if None in years else years[1] - years[0]
    if step not in (1, -1) or (first is not before and step != before.periods[0].fiscal_year - first.periods[0].fiscal_year):
        return False  # (a run goes one way: 1997, 1996, 1995)
    return (_figureless(before.title) == _figureless(after.title) and before.units == after.units
            and [(c.role, c.effect) for c in before.columns] == [(c.role, c.effect) for c in after.columns])


def _figureless(title: str) -> str:
    return " ".join(re.sub(r"\d", "", title).lower().split())

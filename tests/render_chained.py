"""Render a table spec as a chained roll-forward: each year opens on the line
the year before closed on (issue 12, class 8).

Test support, as `render`.  The accounts are the figure columns; the periods
run oldest first, each from its opening balance down to its closing one,
and a period whose every account opens on the figure the period before
closed on prints no opening line of its own: the line between closes one
period and opens the next.  That shared figure is two cells of the model
(`Rendered.figures` lists it for both, at one place).  Where the carry-forward
breaks, the period prints its own opening balance, as a filing that restates
it would.
"""

from __future__ import annotations

import re

from render import (
    Layout, Printed, Rendered, _accounts, _Col, _lay_out_columns, _table_top, _total_rule, cased, figure_text, nil_text, units_line,
    notes_of, parse_cell, period_caption, period_date, put_figure, split_letter, table_bottom,
)

MONTHS = "January February March April May June July August September October November December".split()


def render_chained(spec: dict, layout: Layout) -> Rendered:
    out = Rendered("", units=units_line(spec, layout)[1])
    out.period_labels = [period_caption(p["label"], layout) for p in spec["periods"]]
    periods = sorted(range(len(spec["periods"])), key=lambda pi: period_date(spec["periods"][pi]["label"]))
    accounts = _accounts(spec, periods, layout)
    for name, rows in accounts:
        for pi, ri in rows.items():
            out.row_labels[(pi, ri)] = cased(name, layout)
    notes = notes_of(spec)
    movements = [re.sub(r"^(\(\d\))\s*(.*)$", r"\2 \1", split_letter(h)[1]) for h in spec["columns"][1:-1]][1:]
    places = {pi: [rows.get(pi) for _, rows in accounts] for pi in periods}
    labels = [_balance(spec, periods[0], layout, before=True)] + [cased(m, layout) for m in movements] + [
        _balance(spec, pi, layout) for pi in periods]
    label_width = max(len(x) for x in labels) + (8 if layout.dollar == "none" else 6)
    cols = []
    for k, (name, rows) in enumerate(accounts):
        widths = [_width(spec, pi, ri, m, layout) for pi, ri in rows.items() for m in range(len(movements) + 2)]
        c = _Col(None, cased(name, layout))
        c.figure_width = max(widths + [1]) + (6 if notes else 0)
        cols.append(c)
    _lay_out_columns(cols, label_width, layout)
    canvas = _table_top(spec, [a[0] for a in accounts], cols, label_width, layout)
    canvas.new("")
    closed: list = []  # the figures the period before closed on: (pi, ri, Printed) of each account
    for b, pi in enumerate(periods):
        if closed and _carried(spec, closed, pi, places[pi], layout):
            for (ri, shared), ri_next in zip(closed, places[pi]):
                if shared is not None:  # the line printed closes one period and opens this one
                    out.figures.append(Printed(pi, ri_next, 0, shared.raw, shared.value, shared.line, shared.start, shared.end))
        else:
            label = _balance(spec, pi, layout, before=True) if b == 0 else cased("Balance at beginning of period", layout)
            _line(canvas, label, 0, pi, places[pi], cols, spec, layout, notes, out, label_width)
        for m, movement in enumerate(movements, start=1):
            _line(canvas, "  " + cased(movement, layout), m, pi, places[pi], cols, spec, layout, notes, out, label_width)
        _total_rule(canvas, {"cells": []}, cols, layout, "-")
        last = len(movements) + 1
        n = _line(canvas, _balance(spec, pi, layout), last, pi, places[pi], cols, spec, layout, notes, out, label_width)
        closed = [(ri, next((f for f in out.figures if (f.period, f.row, f.column, f.line) == (pi, ri, last, n)), None))
                  for ri in places[pi]]
    if layout.double_rule:
        _total_rule(canvas, {"cells": []}, cols, layout, "=")
    out.text = table_bottom(canvas, notes, layout)
    out.headings = [a[0] for a in accounts]
    return out


def _balance(spec: dict, pi: int, layout: Layout, before: bool = False) -> str:
    """"Balance, December 31, 1994": the date the period ends (or, before it, the year before's)."""
    year, month, day = period_date(spec["periods"][pi]["label"])
    return cased(f"Balance, {MONTHS[month - 1]} {day}, {year - before}", layout)


def _text(spec: dict, pi: int, ri, m: int) -> str:
    cells = spec["periods"][pi]["rows"][ri]["cells"] if ri is not None else []
    return cells[m] if m < len(cells) else ""


def _printed(text: str, layout: Layout) -> str:
    kind, value, decimals = parse_cell(text)
    return "" if kind == "blank" else nil_text(layout) if kind == "nil" else figure_text(value, decimals, layout)


def _width(spec: dict, pi: int, ri, m: int, layout: Layout) -> int:
    return len(_printed(_text(spec, pi, ri, m), layout) or "-") + (1 if layout.dollar != "none" else 0)


def _carried(spec: dict, closed: list, pi: int, opening: list, layout: Layout) -> bool:
    """Whether period `pi` opens each account on the very figure it closed on the
    period before (the same accounts, every figure printed alike)."""
    if [ri is None for ri, _ in closed] != [ri is None for ri in opening]:
        return False
    return all(ri is None or (shared.raw if shared else "") == _printed(_text(spec, pi, ri_next, 0), layout)
               for (ri, shared), ri_next in zip(closed, opening))


def _line(canvas, label, m, pi, places, cols, spec, layout, notes, out, label_width) -> int:
    """One movement's (or balance's) line across the accounts; its line number."""
    n = canvas.new()
    if layout.leaders and len(label) < label_width - 4:
        label = label + " " + "." * (label_width - 4 - len(label))
    canvas.put(n, 1, label)
    blank = all(parse_cell(_text(spec, pi, ri, m))[0] == "blank" for ri in places if ri is not None)
    for k, ri in enumerate(places):
        if ri is None:
            continue
        row = spec["periods"][pi]["rows"][ri]
        text = "-" if blank else _text(spec, pi, ri, m)
        kind, value, _ = parse_cell(text)
        body = _printed(text, layout) or ("-" if blank else "")
        if not body:
            continue
        start, right = put_figure(canvas, n, cols[k], body, row, m, notes, layout)
        if kind == "amount" and (layout.dollar == "every" or layout.dollar in ("first", "detached") and label[:1] != " "):
            canvas.put(n, start - 1, "$")
        out.figures.append(Printed(pi, ri, m, body, value if kind == "amount" else None, n, start, right))
    return n

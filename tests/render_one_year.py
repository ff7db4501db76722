"""Render a spec as several one-year tables, each with its own breakdown and
its own headings (test support): a table per period, printing only the
columns that period has a figure in (a movement that year was nil or blank
in every row is left out of that year's table), one under the other under one
title, in text or in HTML.  The figures keep their spec indices (period,
row, column), so a read can be compared with the spec as for any layout."""

from __future__ import annotations

import copy
from dataclasses import replace

from render import Layout, Rendered, parse_cell, units_line
from render import render as render_text
from render_html import HtmlStyle, place_sentinels
from render_html import render as render_html


def _kept(spec: dict, pi: int) -> list[int]:
    """The figure columns period pi prints: its balances, and each movement some row has a figure in."""
    last = len(spec["columns"]) - 2
    rows = [r for r in spec["periods"][pi]["rows"] if r["cells"]]
    return [k for k in range(last + 1) if k in (0, last)
            or any(k < len(r["cells"]) and parse_cell(r["cells"][k])[0] == "amount" for r in rows)]


def _one_year(spec: dict, pi: int, kept: list[int]) -> dict:
    one = copy.deepcopy(spec)
    one["columns"] = [spec["columns"][0]] + [spec["columns"][1 + k] for k in kept]
    one["roles"] = [spec["roles"][0]] + [spec["roles"][1 + k] for k in kept]
    period = one["periods"][pi]
    for row in period["rows"]:
        if row["cells"]:
            row["cells"] = [row["cells"][k] if k < len(row["cells"]) else "" for k in kept]
            if row.get("footnotes"):
                row["footnotes"] = [row["footnotes"][k] if k < len(row["footnotes"]) else "" for k in kept]
    one["periods"] = [period]
    return one


def text_tables(spec: dict, layout: Layout) -> Rendered:
    """Typed: the first table under the title block, each other one from its
    own <TABLE> tag (untagged: from its headings), a blank line between."""
    out, lines = Rendered(""), []
    out.period_labels = [p["label"] for p in spec["periods"]]
    for pi in range(len(spec["periods"])):
        kept = _kept(spec, pi)
        one = render_text(_one_year(spec, pi, kept), layout)
        own = one.text.rstrip("\n").split("\n")
        skip = 0 if pi == 0 else _table_start(own, layout, spec)
        out.units = one.units
        shift = len(lines) - skip
        out.figures += [replace(f, period=pi, column=kept[f.column], line=f.line + shift) for f in one.figures]
        out.row_labels.update({(pi, ri): label for (_, ri), label in one.row_labels.items()})
        lines += own[skip:] + [""]
    out.text = "\n".join(lines) + "\n"
    return out


def _table_start(lines: list[str], layout: Layout, spec: dict) -> int:
    """The first line of the table proper: its <TABLE> tag, or the line after the units under the
    title (after the title's last line where it prints none: a table in dollars)."""
    if layout.table_tags:
        return next(i for i, ln in enumerate(lines) if ln.startswith("<TABLE>"))
    last = units_line(spec, layout)[0] or spec.get("subtitle") or "VALUATION AND QUALIFYING ACCOUNTS"
    return next(i for i, ln in enumerate(lines) if ln.strip() == last) + 1


def html_tables(spec: dict, style: HtmlStyle) -> Rendered:
    """A <table> per period under one title, a paragraph's gap between them."""
    pieces, keys, labels = [], [], {}
    for pi in range(len(spec["periods"])):
        kept = _kept(spec, pi)
        one = render_html(_one_year(spec, pi, kept), style, sentinels=True)
        text = one.text
        start = 0 if pi == 0 else text.index("<table")
        end = text.rindex("</table>") + len("</table>\n")
        pieces.append(text[start:end] if pi else text[:end])
        keys += [(pi, ri, kept[k], raw, value) for (_, ri, k, raw, value) in one.figures]
        labels.update({(pi, ri): label for (_, ri), label in one.row_labels.items()})
        pieces.append('<p style="margin-top:12pt">&nbsp;</p>\n')
    whole = Rendered("".join(pieces) + "</body>\n</html>\n", keys, [], [p["label"] for p in spec["periods"]], labels)
    return place_sentinels(whole)

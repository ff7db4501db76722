"""How EDGAR HTML splits one Schedule II over several <table>s, as edits of a rendered table.

Test support, not part of the tool.  Registered in `html_era`'s VARIATIONS
(measured over the 24 real tables by test_html_era_markup, as its habits are):

- account-row-tables: a <table> per account, the account's name only its first row's
  label beside that row's year (a column of years; the other years' rows name none), the
  headings over the first table only (a converted word processor's table per account);
- account-row-tables-headed: the same, each table under the headings printed again;
- heading-table-account-rows: the headings in a <table> of their own, then a table per
  account named on its first row;
- heading-table-accounts: the headings in a <table> of their own, then a table per account,
  each under its caption in a paragraph ("Allowance for doubtful accounts:");
- heading-table-caption-rows: the same, each account's caption its table's first row.
"""

from __future__ import annotations

import re

from html_era import (ROW, SPEC_OF, STYLE_OF, VARIATIONS, Edit, _cells, _figure_rows, _period_caption_rows, _years,
                      account_rows)
from render_html import _key


def accounts_named(spec: dict) -> dict:
    """The spec with its unlabelled totals labelled "Total", and each account's rows labelled
    with its first period's wording of the account's name (printed once, on its first row)."""
    first: dict = {}
    periods = []
    for p in spec["periods"]:
        rows = []
        for r in p["rows"]:
            label = r["label"] or ("Total" if r.get("is_total") else "")
            label = first.setdefault(_key(label), label) if label else label
            rows.append({**r, "label": label})
        periods.append({**p, "rows": rows})
    return {**spec, "periods": periods}


def _body_start(e: Edit) -> tuple[int, int]:
    """The first table's headings: from its first row to its first row of figures."""
    start = e.text.index("<table")
    return ROW.search(e.text, start).start(), _figure_rows(e)[0].start()


def _tables_per_account(e: Edit, repeat: bool) -> None:
    """(After account_rows.)  Each account's rows, from its named first row, in a <table> of
    their own; the headings printed again over each where `repeat`.  (Not where account_rows
    left the table as it was: periods sharing a year.)"""
    if len(set(_years(e))) < len(e.spec["periods"]):
        return
    opening = re.search(r"<table\b[^>]*>\n?", e.text).group(0)
    a, b = _body_start(e)
    head = e.text[a:b]
    named = [m.start() for m in _figure_rows(e)
             if re.sub(r"<[^>]*>|&nbsp;", "", _cells(m.group(0))[0]).strip()]
    for at in reversed(named[1:]):
        e.text = e.text[:at] + "</table>\n" + opening + (head if repeat else "") + e.text[at:]


def _headings_apart(e: Edit) -> None:
    """The first table's headings in a <table> of their own, before the first account's
    caption paragraph where one is printed just above the table."""
    opening = re.search(r"<table\b[^>]*>\n?", e.text)
    a, b = _body_start(e)
    head = e.text[a:b]
    e.text = e.text[:a] + e.text[b:]
    caption = re.search(r'<p style="margin-top:12pt[^>]*>.*?</p>\n$', e.text[:opening.start()])
    at = caption.start() if caption else opening.start()
    e.text = e.text[:at] + opening.group(0) + head + "</table>\n" + e.text[at:]


def account_row_tables(e: Edit) -> None:
    account_rows(e)
    _tables_per_account(e, repeat=False)


def account_row_tables_headed(e: Edit) -> None:
    account_rows(e)
    _tables_per_account(e, repeat=True)


def heading_table_account_rows(e: Edit) -> None:
    account_rows(e)
    _tables_per_account(e, repeat=False)
    _headings_apart(e)


HABITS = {
    "account-row-tables": account_row_tables,
    "account-row-tables-headed": account_row_tables_headed,
    "heading-table-account-rows": heading_table_account_rows,
    "heading-table-accounts": _headings_apart,
    "heading-table-caption-rows": _headings_apart,
}
VARIATIONS.update(HABITS)
SPEC_OF.update({name: accounts_named for name in ("account-row-tables", "account-row-tables-headed",
                                                  "heading-table-account-rows")})
STYLE_OF.update({
    "heading-table-accounts": {"by_account": True, "account_caption": "p", "repeat_headings": False,
                               "heading_rows": 2},
    "heading-table-caption-rows": {"by_account": True, "account_caption": "row", "repeat_headings": False},
})


def _own_grid(table: str) -> str:
    """A table laid out by itself: a spacer cell more after each row's label cell, so that
    its columns stand at other grid positions than the first table's."""
    return re.sub(r"(<tr\b[^>]*>\n?<td\b[^>]*>.*?</td>)", r"\1<td>&nbsp;</td>", table, flags=re.DOTALL)


def year_tables(e: Edit) -> None:
    """Each period's rows in a <table> of its own under its caption paragraph and the
    headings printed again, each table laid out by itself (the later ones without the
    spacer cell after the label: the same heading words over other grid positions)."""
    captions = _period_caption_rows(e)
    if not captions:
        return
    opening = re.search(r"<table\b[^>]*>\n?", e.text).group(0)
    a, b = _body_start(e)
    start = min(b, captions[0].start())
    head, end = e.text[a:start], e.text.index("</table>", start)
    bounds = [m.start() for m in captions] + [end]
    out = [e.text[:e.text.index(opening)]]
    for n, m in enumerate(captions):
        caption = re.sub(r"<[^>]*>", "", m.group(0)).strip()
        table = head + e.text[m.end():bounds[n + 1]]
        out.append(f"<P><B>{caption}</B></P>\n{opening}{_own_grid(table) if n else table}</table>\n")
    e.text = "".join(out) + e.text[end + len("</table>\n"):]


VARIATIONS["year-tables"] = year_tables


def _nil(cell: str) -> bool:
    from render import parse_cell
    return parse_cell(cell)[0] != "amount"


def _one_year(spec: dict, n: int, drop: bool) -> tuple[dict, list[int]]:
    """The spec of period n alone and the figure columns it keeps: where `drop`, without the
    movements' columns its rows print no amount in (a year's table printing only its own)."""
    period = spec["periods"][n]
    ncol = len(spec["columns"]) - 1
    roles = spec["roles"][1:]
    kept = [k for k in range(ncol) if not drop or roles[k] in ("beginning", "ending")
            or any(r["cells"] and not _nil(r["cells"][k]) for r in period["rows"])]
    rows = [{**r, "cells": [r["cells"][k] for k in kept] if r["cells"] else r["cells"],
             "footnotes": [r["footnotes"][k] for k in kept] if len(r.get("footnotes") or []) == ncol
             else r.get("footnotes")} for r in period["rows"]]
    one = {**spec, "columns": [spec["columns"][0]] + [spec["columns"][k + 1] for k in kept],
           "roles": [spec["roles"][0]] + [roles[k] for k in kept], "periods": [{**period, "rows": rows}]}
    return one, kept


def year_tables_columns(e: Edit) -> None:
    """Each period's rows in a <table> of its own under its caption paragraph and its own
    headings, the later years' tables without the movements' columns they print no amount
    in (2003's table has "Acquisitions", 2002's does not): the same accounts under one
    title, other columns."""
    from render_html import HtmlStyle, render
    if len(e.spec["periods"]) < 2 or not all(p["label"] for p in e.spec["periods"]):
        return
    out, keys = [], []
    for n, period in enumerate(e.spec["periods"]):
        one, kept = _one_year(e.spec, n, drop=n > 0)
        r = render(one, HtmlStyle(), sentinels=True)
        text = r.text
        if not out:
            out.append(text[:text.index("<table")])
        table = text[text.index("<table"):text.index("</table>") + len("</table>\n")]
        label = period["label"]
        table = "".join(m.group(0) for m in ROW.finditer(table) if "\x01" in m.group(0)
                        or re.sub(r"<[^>]*>", "", m.group(0)).strip() != label)
        out.append(f"<P><B>{label}</B></P>\n" + re.search(r"<table\b[^>]*>\n?", text).group(0) + table + "</table>\n")
        keys += [(n, ri, kept[k], raw, value) for (_, ri, k, raw, value) in r.figures]
    e.text, e.keys = "".join(out) + "</body>\n</html>\n", keys


VARIATIONS["year-tables-columns"] = year_tables_columns


def period_tables_own_grids(e: Edit) -> None:
    """(period-tables: the headings in a table of their own, each period's rows in a <table> under
    its caption paragraph.)  Each period's table laid out by itself: the later ones with a spacer
    cell more after the label (their figures at other grid positions than the headings')."""
    from html_era import period_tables
    period_tables(e)
    opening = re.search(r"<table\b[^>]*>\n?", e.text).group(0)
    parts = e.text.split(opening)
    for n in range(3, len(parts)):  # (parts[1]: the headings; parts[2]: the first period's rows)
        end = parts[n].index("</table>")
        parts[n] = _own_grid(parts[n][:end]) + parts[n][end:]
    e.text = opening.join(parts)


VARIATIONS["period-tables-own-grids"] = period_tables_own_grids

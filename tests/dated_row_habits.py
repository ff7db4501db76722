"""One account's table, each row labelled by its period alone (no period captions), as filers
label such rows, in every layout: the one-account real tables (shared/real-tables) typed so in
EDGAR text (untagged, or inside <TABLE> with <S>/<C> tags), and in HTML (1999's filers' markup,
Workiva's inline XBRL), the account named over the rows or nowhere, newest or oldest year first;
clean, or a figure planted wrong (a year's opening and closing both 10 higher: carry-forward; its
charge 10 higher: the row's identity).  Test support: `test_dated_row_habits.py` runs and tallies
them."""

from __future__ import annotations

import copy
import html
import json
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional

from auditor.labels import DATE, YEAR

# The one-account real tables: each period's one row, the same account in every period.
ONE_ACCOUNT = ["cik1012881-2005", "cik840467-2002", "cpi-holdco-fy2004"]

WIDTH, LABEL = 14, 40

# An invented one-account table whose balances, printed bare, look like years ("2001", "1953"):
# each a figure, never a period's year (nor a year a figure).
YEAR_LIKE = "year-like-figures"
_YEAR_LIKE_SPEC = {
    "columns": ["", "Balance at Beginning of Year", "Charged to Costs and Expenses", "Deductions", "Balance at End of Year"],
    "units": "thousands",
    "periods": [{"label": f"Year ended December 31, {year}",
                 "rows": [{"label": "Allowance for doubtful accounts", "cells": cells}]}
                for year, cells in ((1997, ["2001", "384", "296", "2089"]), (1996, ["1953", "341", "293", "2001"]),
                                    (1995, ["1900", "300", "247", "1953"]))],
}


def table(name: str, tables: Path) -> dict:
    """The real table `name` (or the invented one of year-like figures)."""
    if name == YEAR_LIKE:
        return copy.deepcopy(_YEAR_LIKE_SPEC)
    return json.loads((tables / f"{name}.json").read_text())


def _date(label: str, year: str) -> str:
    """The period's closing date as its label prints it, else December 31 of its year."""
    found = DATE.search(label)
    return found.group(0) if found else f"December 31, {year}"


# How a row names its period (from the table's label: its date, its year).
LABELS: dict[str, Callable[[str, str], str]] = {
    "year-ended": lambda label, year: f"Year ended {_date(label, year)}",
    "bare-year": lambda label, year: year,
    "date": lambda label, year: _date(label, year),
    "fiscal": lambda label, year: f"Fiscal {year}",
    "year-noted": lambda label, year: f"{year} (a)",
    # (text only: the period's words and its date parted by a wide gap)
    "year-ended-gap": lambda label, year: f"Year ended{' ' * 8}{_date(label, year)}",
}
PLANTS = (None, "carry_forward", "row_identity")


def dated(spec: dict, how: str, reverse: bool, plant: Optional[str]) -> list[tuple[str, list[str], bool]]:
    """Each period's (label as `how` prints it, cells, whether planted) in the order printed (the
    table's, or reversed), the figure planted in the table's first period."""
    rows = []
    for i, period in enumerate(spec["periods"]):
        year = [m.group(0) for m in YEAR.finditer(period["label"])][-1]
        cells = list(period["rows"][0]["cells"])
        mark = plant is not None and i == 0
        rows.append((LABELS[how](period["label"], year), planted(cells, plant) if plant and mark else cells, mark))
    return rows[::-1] if reverse else rows


def planted(cells: list[str], plant: str) -> list[str]:
    cells = list(cells)
    if plant == "carry_forward":
        cells[0], cells[-1] = _plus_ten(cells[0]), _plus_ten(cells[-1])
    else:
        cells[1] = _plus_ten(cells[1])
    return cells


def _plus_ten(cell: str) -> str:
    negative = cell.startswith("(")
    value = Decimal(cell.strip("()").replace(",", "")) + (-10 if negative else 10)
    return f"({-value:,})" if negative else f"{value:,}"


def typed(spec: dict, how: str, account: bool, reverse: bool, plant: Optional[str], tagged: bool) -> tuple[str, int]:
    """The table typed as EDGAR text, and the line (1-based) of the planted row."""
    columns = spec["columns"][1:]
    wrapped = [textwrap.wrap(c, WIDTH - 2) or [""] for c in columns]
    depth = max(len(w) for w in wrapped)
    out = ["<TABLE>", "<CAPTION>"] if tagged else []
    out += ["SAMPLE COMPANY", "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS", f"(In {spec['units'].split()[0]})", ""]
    for k in range(depth):
        out.append(" " * LABEL + "".join((w[k - depth + len(w)] if k >= depth - len(w) else "").rjust(WIDTH)
                                         for w in wrapped))
    if account:
        out.append(spec["periods"][0]["rows"][0]["label"])
    if tagged:
        out.append("<S>" + " " * (LABEL - 3) + "".join("  <C>".ljust(WIDTH) for _ in columns))  # (at each column's left)
    else:
        out.append("-" * (LABEL - 2) + "  " + "".join(("-" * (WIDTH - 2)).rjust(WIDTH) for _ in columns))
    line = 0
    for label, cells, mark in dated(spec, how, reverse, plant):
        line = len(out) + 1 if mark else line
        out.append(label.ljust(LABEL) + "".join(c.rjust(WIDTH) for c in cells))
    if tagged:
        out.append("</TABLE>")
    return "\n".join(out) + "\n", line


def as_html(spec: dict, how: str, account: bool, reverse: bool, plant: Optional[str], ixbrl: bool) -> tuple[str, int]:
    """The table in HTML: a heading row, the account's name in a row of its own (or not), each
    period's row its label then its figures (one cell each, negatives in parentheses, inside
    ix:nonFraction where `ixbrl`, sign="-" as Workiva's renderer prints it); the planted row's line."""
    columns = spec["columns"][1:]
    out = ["<html><body>", "<p>SAMPLE COMPANY</p>", "<p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p>",
           f"<p>(In {spec['units'].split()[0]})</p>", "<table>",
           "<tr><td></td>" + "".join(f"<td>{html.escape(c)}</td>" for c in columns) + "</tr>"]
    if account:
        out.append(f"<tr><td>{html.escape(spec['periods'][0]['rows'][0]['label'])}</td></tr>")
    line = 0
    for label, cells, mark in dated(spec, how, reverse, plant):
        line = len(out) + 1 if mark else line
        out.append(f"<tr><td>{html.escape(label)}</td>" + "".join(f"<td>{_cell(c, ixbrl, k)}</td>"
                                                                   for k, c in enumerate(cells)) + "</tr>")
    out += ["</table>", "</body></html>"]
    text = "\n".join(out) + "\n"
    if ixbrl:
        text = ('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">'
                + text.split("<html>", 1)[1])
    return text, line


def _cell(cell: str, ixbrl: bool, k: int) -> str:
    if cell.strip() in ("—", "-", "--", ""):
        return "&#8212;"
    if not ixbrl:
        return html.escape(cell)
    negative = cell.startswith("(")
    figure = cell.strip("()")
    sign = ' sign="-"' if negative else ""
    tag = f'<ix:nonFraction name="us-gaap:Col{k}" contextRef="c" unitRef="usd" decimals="-3" scale="3"{sign}>{figure}</ix:nonFraction>'
    return f"({tag})" if negative else tag

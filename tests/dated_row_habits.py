"""One account's table, each row labelled by its period alone (no period captions), as filers
label such rows, in every layout: the one-account real tables (shared/real-tables) typed so in
EDGAR text (untagged, or inside <TABLE> with <S>/<C> tags), and in HTML (plain, its own inline
XBRL, and as tests/render_html.py's era markup and render_software.py's Workiva print it), the
account named over the rows or nowhere, newest or oldest year first; clean, or a figure planted
wrong (a year's opening and closing both 10 higher: carry-forward; its
charge 10 higher: the row's identity).  Test support: `test_dated_row_habits.py` runs and tallies
them."""

from __future__ import annotations

import copy
import html
import json
import re
import textwrap
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Callable, Optional

from auditor.labels import DATE, YEAR
from render_html import HtmlStyle, place_sentinels
from render_html import render as render_html
from render_software import _header as software_header
from render_software import edit as software_edit
from test_html_real_tables import SOFTWARE

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
    "roles": ["label", "beginning", "charged_costs", "deductions", "ending"],
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


# (the planted row's lines, the lines of the row printed beside it, each printed row's lines in order)
Where = tuple[set[int], set[int], list[set[int]]]


def _where(lines: list[set[int]], printed: list[tuple[str, list[str], bool]]) -> Where:
    """The planted row's lines and its neighbour's (the planted row is printed first or last), and
    every row's."""
    at = next((i for i, (_, _, mark) in enumerate(printed) if mark), None)
    if at is None:
        return set(), set(), lines
    return lines[at], lines[1 if at == 0 else at - 1], lines


NILS = ("—", "-", "--", "")


def value(cell: str) -> Optional[Decimal]:
    """A printed cell's value as the tool reads it: a nil none, "(2,938)" -2938."""
    if cell.strip() in NILS:
        return None
    negative = cell.startswith("(")
    figure = Decimal(cell.strip("()").replace(",", ""))
    return -figure if negative else figure


def typed(spec: dict, how: str, account: bool, reverse: bool, plant: Optional[str], tagged: bool) -> tuple[str, Where]:
    """The table typed as EDGAR text, and where the planted row and its neighbour are (`Where`)."""
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
    printed, lines = dated(spec, how, reverse, plant), []
    for label, cells, _ in printed:
        lines.append({len(out) + 1})
        out.append(label.ljust(LABEL) + "".join(c.rjust(WIDTH) for c in cells))
    if tagged:
        out.append("</TABLE>")
    return "\n".join(out) + "\n", _where(lines, printed)


def as_html(spec: dict, how: str, account: bool, reverse: bool, plant: Optional[str], ixbrl: bool) -> tuple[str, Where]:
    """The table in HTML: a heading row, the account's name in a row of its own (or not), each
    period's row its label then its figures (one cell each, negatives in parentheses, inside
    ix:nonFraction where `ixbrl`, sign="-" as Workiva's renderer prints it); `Where`."""
    columns = spec["columns"][1:]
    out = ["<html><body>", "<p>SAMPLE COMPANY</p>", "<p>SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS</p>",
           f"<p>(In {spec['units'].split()[0]})</p>", "<table>",
           "<tr><td></td>" + "".join(f"<td>{html.escape(c)}</td>" for c in columns) + "</tr>"]
    if account:
        out.append(f"<tr><td>{html.escape(spec['periods'][0]['rows'][0]['label'])}</td></tr>")
    printed, lines = dated(spec, how, reverse, plant), []
    for label, cells, _ in printed:
        lines.append({len(out) + 1})
        out.append(f"<tr><td>{html.escape(label)}</td>" + "".join(f"<td>{_cell(c, ixbrl, k)}</td>"
                                                                   for k, c in enumerate(cells)) + "</tr>")
    out += ["</table>", "</body></html>"]
    text = "\n".join(out) + "\n"
    if ixbrl:
        text = ('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">'
                + text.split("<html>", 1)[1])
    return text, _where(lines, printed)


def _cell(cell: str, ixbrl: bool, k: int) -> str:
    if cell.strip() in NILS:
        return "&#8212;"
    if not ixbrl:
        return html.escape(cell)
    negative = cell.startswith("(")
    figure = cell.strip("()")
    sign = ' sign="-"' if negative else ""
    tag = f'<ix:nonFraction name="us-gaap:Col{k}" contextRef="c" unitRef="usd" decimals="-3" scale="3"{sign}>{figure}</ix:nonFraction>'
    return f"({tag})" if negative else tag


# A period's caption row over its one row of figures (the eras' and Workiva's renderers): the
# caption row gone, its words the row's label.
_CAPTION_OVER_ROW = re.compile(r'<tr><td colspan="\d+">(.*?)</td></tr>\n(<tr valign="bottom">\n?<td style="padding-left:10pt"[^>]*>).*?</td>')


def rendered(spec: dict, how: str, account: bool, reverse: bool, plant: Optional[str], workiva: bool) -> tuple[str, Where]:
    """The table as `render_html` prints it (1999's filers' markup) or Workiva's inline XBRL
    (`render_software`), each period's caption row made the label of its one row, the account
    named in a row of its own over them (or not); `Where`."""
    printed = dated(spec, how, reverse, plant)
    spec = copy.deepcopy(spec)
    spec["periods"] = [{**p, "label": label, "rows": [{**p["rows"][0], "cells": cells}]}
                       for p, (label, cells, _) in zip(spec["periods"][::-1] if reverse else spec["periods"], printed)]
    if workiva:
        style = replace(SOFTWARE["workiva"], period="keep")
        out = render_html(spec, style.html, before=software_header(), sentinels=True)
        out.text = software_edit(out.text, spec, style)
    else:
        out = render_html(spec, HtmlStyle(), sentinels=True)
    over = [f"<tr><td>{html.escape(spec['periods'][0]['rows'][0]['label'])}</td></tr>\n" if account else ""]

    def relabel(m: re.Match) -> str:
        above, over[0] = over[0], ""  # (the account's row over the first period's row alone)
        return f"{above}{m.group(2)}{m.group(1)}</td>"
    out.text = _CAPTION_OVER_ROW.sub(relabel, out.text)
    out = place_sentinels(out)
    return out.text, _where([{f.line for f in out.figures if f.period == i} for i in range(len(printed))], printed)

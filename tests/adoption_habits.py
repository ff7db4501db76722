"""How 2020s Schedule IIs print a standard's adoption as rows of their own (ASC 326's
"Adoption of ASC 326 - trade receivables"), as edits of a real table's spec.

Test support, not part of the tool.  Each habit adds adoption rows to one of the 24 real
tables (/work/shared/real-tables/) and moves the balances they adjust, so the table's own
figures and errors are kept and every adoption carries exactly what the habit says:

- per-account: in one period (the second oldest of three or more, else the oldest), an
  adoption row for each reserve summed by the period's one total (each where none is),
  labelled "Adoption of ASC 326 - " and the reserve's label, printed at beginning and at
  end above the reserves ("carried": every later year's balances of the reserve, and the
  total's, include it; the total of the adoption's year sums the adoption rows too);
- per-account-below: the same, each adoption row right under its reserve's row;
- first-year: in the oldest period, for each reserve (tables printing no total), an adoption
  row printing its figure at beginning alone, the reserve's balances opening with it
  ("opens": the year before's end it joins is not printed) and every later year's too.

Each spec row an adoption moves a carry into has "adopted": the amount the balance at
beginning includes beyond the year before's balance at end (`expected` checks the carry
against it); an adoption row printing no balance at end has "adoption_opens".
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Callable, Optional

from render import parse_cell, period_date

PREFIX = "Adoption of ASC 326 - "


def _copy(spec: dict) -> dict:
    return json.loads(json.dumps(spec))


def _printed(value: Decimal, decimals: int) -> str:
    body = f"{abs(value):,.{decimals}f}"
    return f"({body})" if value < 0 else body


def _plus(cell: str, amount: Decimal, decimals: int) -> str:
    kind, value, d = parse_cell(cell)
    return _printed((value if kind == "amount" else Decimal(0)) + amount, max(d, decimals))


def _chronological(spec: dict) -> list[int]:
    return sorted(range(len(spec["periods"])), key=lambda pi: period_date(spec["periods"][pi]["label"]) or (0, 0, 0))


def _summed(period: dict) -> Optional[list[int]]:
    """The reserves a period's one total sums (every reserve where it prints none); None where it
    prints several totals, or a total with no reserve above it."""
    rows = period["rows"]
    totals = [ri for ri, r in enumerate(rows) if r.get("is_total")]
    if len(totals) > 1:
        return None
    end = totals[0] if totals else len(rows)
    reserves = [ri for ri in range(end) if rows[ri]["cells"] and rows[ri]["label"].strip()]
    return reserves or None


def _adoptions(spec: dict, pi: int, opening: int, closing: int) -> Optional[dict]:
    """{reserve's key: (amount, decimals)} for the reserves of period `pi` the total sums: a tenth
    of the reserve's balance at end there (at least one unit)."""
    rows = _summed(spec["periods"][pi])
    if rows is None:
        return None
    out = {}
    for ri in rows:
        row = spec["periods"][pi]["rows"][ri]
        kind, value, decimals = parse_cell(row["cells"][closing])
        if kind != "amount" or value <= 0 or row["label"].strip().lower() in out:
            continue
        unit = Decimal(1).scaleb(-decimals)
        out[row["label"].strip().lower()] = (max(unit, (value / 10).quantize(unit)), decimals)
    return out or None


def _adopted(spec: dict, at: int, first_year: bool, below: bool = False) -> Optional[dict]:
    spec = _copy(spec)
    roles = spec["roles"][1:]
    opening, closing = roles.index("beginning"), roles.index("ending")
    order = _chronological(spec)
    if any(_summed(p) is None for p in spec["periods"]):
        return None
    if first_year and any(r.get("is_total") for p in spec["periods"] for r in p["rows"]):
        return None
    pi = order[at]
    amounts = _adoptions(spec, pi, opening, closing)
    if amounts is None or len(amounts) < (1 if first_year else 2):
        return None
    width = len(roles)
    later = order[order.index(pi) + (0 if first_year else 1):]
    following = None if first_year or not later else later[0]
    for qi in later:  # (the reserves' balances, and the total's, include the adoption from here on)
        period = spec["periods"][qi]
        for ri, row in enumerate(period["rows"]):
            key = row["label"].strip().lower()
            if row.get("is_total"):
                added = sum((a for a, _ in amounts.values()), Decimal(0))
                decimals = max(d for _, d in amounts.values())
            elif key in amounts:
                added, decimals = amounts[key]
            else:
                continue
            for k in (opening, closing):
                row["cells"][k] = _plus(row["cells"][k], added, decimals)
            if qi == following and not row.get("is_total"):  # (its carry from the adoption's year includes it)
                row["adopted"] = str(added)
    nil = "\u2014"
    rows = spec["periods"][pi]["rows"]
    made = []
    for key, (amount, decimals) in amounts.items():
        label = next(r["label"].strip() for r in rows if r["label"].strip().lower() == key)
        cells = [nil] * width
        cells[opening] = _printed(amount, decimals)
        if not first_year:
            cells[closing] = _printed(amount, decimals)
        made.append((key, {"label": PREFIX + label, "cells": cells, **({"adoption_opens": True} if first_year else {})}))
    if below:
        out = []
        for row in rows:
            out.append(row)
            out += [m for key, m in made if row["label"].strip().lower() == key and not row.get("is_total")]
        spec["periods"][pi]["rows"] = out
    else:
        first = next(ri for ri, r in enumerate(rows) if r["cells"])
        spec["periods"][pi]["rows"] = rows[:first] + [m for _, m in made] + rows[first:]
    if not first_year:  # (the total of the adoption's year sums the adoption rows: it opens beyond the year before's end)
        total = next((r for r in spec["periods"][pi]["rows"] if r.get("is_total")), None)
        if total is not None and order.index(pi) > 0:
            total["adopted"] = str(sum((a for a, _ in amounts.values()), Decimal(0)))
            for k in (opening, closing):
                total["cells"][k] = _plus(total["cells"][k], sum((a for a, _ in amounts.values()), Decimal(0)),
                                          max(d for _, d in amounts.values()))
    return spec


def _per_account(below: bool) -> Callable[[dict], Optional[dict]]:
    def edit(spec: dict) -> Optional[dict]:
        n = len(spec["periods"])
        return _adopted(spec, 1 if n >= 3 else 0, first_year=False, below=below) if n >= 2 else None
    return edit


HABITS: dict[str, Callable[[dict], Optional[dict]]] = {
    "per-account": _per_account(below=False),
    "per-account-below": _per_account(below=True),
    "first-year": lambda spec: _adopted(spec, 0, first_year=True),
}

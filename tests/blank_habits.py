"""How real Schedule IIs print a nil as nothing at all, as edits of a real table's spec.

Test support, not part of the tool.  Each habit edits one of the 24 real
tables (/work/shared/real-tables/) so that some cells print blank (no dash,
no figure), the arithmetic kept: a blanked figure is folded into the row's
charge to costs, a reserve added is added to the first total under it, so
the table holds exactly the errors it held (expect.expected_errors reads a
blank as zero):

- all-blank: every nil printed blank;
- mixed: every other nil blank, the rest dashes (one table, both habits);
- column-blank: one movement column blank in every row of the first period
  (its figures folded into the charge to costs), two figures at least left in it;
- other-but-one: the "other accounts" column (charged to other accounts,
  acquisitions, translation, other) blank in every row but its first figure;
- balances-only: a reserve added whose rows print only their balances, the
  same every period (no movement at all);
- new-reserve: a reserve added in the latest period only, its opening
  balance blank (its first year);
- closed-reserve: a reserve added in the earliest period only, written off,
  its closing balance blank;
- in-and-out: a reserve added in the latest period, charged and used up the
  same year ("45" in, "45" out): its two balances blank, two short figures
  between blanks, the columns theirs told by where they end alone;
- label-only: a reserve added printing its label and no figure in the
  earlier periods, its first year in the latest (opening balance blank);
- total-of-blanks: every nil blank and a "Total" under each period's
  reserves, blank where all its items are.

`Habit.spec` is the edit (None: the table cannot show the habit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Optional

from render import parse_cell, period_date

SpecEdit = Callable[[dict], Optional[dict]]
# (not "Other": its sign told by the arithmetic alone, one figure left is a warning's, reading_ambiguity)
OTHER_ROLES = ("charged_other", "acquisitions", "translation")
BALANCES = ("beginning", "ending")


@dataclass(frozen=True)
class Habit:
    spec: SpecEdit


def _copy(spec: dict) -> dict:
    return json.loads(json.dumps(spec))


def _printed(value: Decimal, decimals: int) -> str:
    body = f"{abs(value):,.{decimals}f}"
    return f"({body})" if value < 0 else body


def _items(spec: dict):
    for period in spec["periods"]:
        for row in period["rows"]:
            if row["cells"]:
                yield row


def _blank_nils(spec: dict, every: int = 1) -> Optional[dict]:
    spec = _copy(spec)
    n = 0
    for row in _items(spec):
        for k, text in enumerate(row["cells"]):
            if parse_cell(text)[0] == "nil":
                if n % every == 0:
                    row["cells"][k] = ""
                n += 1
    return spec if n >= (2 if every > 1 else 1) else None


def _sign(spec: dict, role: str) -> int:
    subtracting = role in ("deductions", "writeoffs", "credited_costs", "credited_other")
    return -1 if subtracting and spec["deductions_sign"] == "positive-subtracted" else 1


def _fold(spec: dict, row: dict, k: int) -> bool:
    """The row's figure in column k moved into its charge to costs, column k
    left blank; False where the charge cannot take it (no such column)."""
    roles = spec["roles"][1:]
    if "charged_costs" not in roles:
        return False
    c = roles.index("charged_costs")
    kind, value, decimals = parse_cell(row["cells"][k])
    row["cells"][k] = ""
    if kind != "amount" or not value:
        return True
    ckind, cvalue, cdecimals = parse_cell(row["cells"][c])
    total = (cvalue or Decimal(0)) + _sign(spec, roles[k]) * value
    row["cells"][c] = _printed(total, max(decimals, cdecimals))
    return True


def _column_blank(spec: dict) -> Optional[dict]:
    roles = spec["roles"][1:]
    movements = [k for k, r in enumerate(roles) if r not in BALANCES and r != "charged_costs"]
    if not movements:
        return None
    k = movements[-1]
    left = [r for p in spec["periods"][1:] for r in p["rows"] if r["cells"] and parse_cell(r["cells"][k])[0] == "amount"]
    if len(left) < 2:
        return None  # (a column of one figure, its sign unsure where its heading does not tell it: a warning's)
    spec = _copy(spec)
    for row in spec["periods"][0]["rows"]:
        if row["cells"] and not _fold(spec, row, k):
            return None
    return spec


def _other_but_one(spec: dict) -> Optional[dict]:
    roles = spec["roles"][1:]
    others = [k for k, r in enumerate(roles) if r in OTHER_ROLES]
    if not others:
        return None
    spec = _copy(spec)
    k = others[0]
    kept = False
    for row in _items(spec):
        if row.get("is_total"):
            continue
        if not kept and parse_cell(row["cells"][k])[0] == "amount":
            kept = True
            continue
        _fold(spec, row, k)
    if not kept:
        return None
    # (a total sums the reserves above it: its figure follows theirs)
    for period in spec["periods"]:
        _resum_totals(spec, period, k)
        _resum_totals(spec, period, roles.index("charged_costs"))
    return spec


def _resum_totals(spec: dict, period: dict, k: int) -> None:
    items = []
    for row in period["rows"]:
        if not row["cells"]:
            continue
        if not row.get("is_total"):
            items.append(row)
            continue
        parsed = [parse_cell(r["cells"][k]) for r in items]
        amounts = [(v, d) for kind, v, d in parsed if kind == "amount"]
        if amounts:
            row["cells"][k] = _printed(sum((v for v, _ in amounts), Decimal(0)), max(d for _, d in amounts))
        elif parse_cell(row["cells"][k])[0] == "amount":
            row["cells"][k] = ""
        items = []


def _add_reserve(period: dict, row: dict) -> None:
    """The reserve before the period's first total, its figures added to that total."""
    rows = period["rows"]
    at = next((i for i, r in enumerate(rows) if r.get("is_total")), len(rows))
    rows.insert(at, row)
    if at == len(rows) - 1:
        return
    total = rows[at + 1]
    for k, text in enumerate(row["cells"]):
        kind, value, decimals = parse_cell(text)
        if kind != "amount":
            continue
        tkind, tvalue, tdecimals = parse_cell(total["cells"][k])
        total["cells"][k] = _printed((tvalue or Decimal(0)) + value, max(decimals, tdecimals))


def _row(label: str, width: int, figures: dict) -> dict:
    return {"label": label, "cells": [figures.get(k, "") for k in range(width)]}


def _roles(spec: dict) -> tuple[int, int, int, Optional[int]]:
    """(opening, charge, closing, deduction) columns; deduction None where the table has none."""
    roles = spec["roles"][1:]
    deduction = next((k for k, r in enumerate(roles) if r in ("deductions", "writeoffs")), None)
    return roles.index("beginning"), roles.index("charged_costs"), roles.index("ending"), deduction


def _deducted(spec: dict, amount: str) -> str:
    """A deduction as the table prints its deductions."""
    return amount if spec["deductions_sign"] == "positive-subtracted" else f"({amount})"


def _order(spec: dict) -> list[int]:
    """Period indexes, earliest first."""
    return sorted(range(len(spec["periods"])), key=lambda i: period_date(spec["periods"][i]["label"]) or (0,))


def _balances_only(spec: dict) -> Optional[dict]:
    spec = _copy(spec)
    opening, _, closing, _ = _roles(spec)
    width = len(spec["roles"]) - 1
    adjusted = spec["roles"][1:].index("adjusted") if "adjusted" in spec["roles"] else None
    for period in spec["periods"]:
        balances = {opening: "1,250", closing: "1,250"}
        if adjusted is not None and _prints_amount(period, adjusted):
            # (a balance as adjusted is a balance too: printed as the beginning's where the year
            # prints any; a blank there left the column's total short of the rows it sums)
            balances[adjusted] = "1,250"
        _add_reserve(period, _row("Reserve for self-insurance", width, balances))
    return spec


def _prints_amount(period: dict, column: int) -> bool:
    return any(row["cells"] and not row.get("is_total") and parse_cell(row["cells"][column])[0] == "amount"
               for row in period["rows"])


def _new_reserve(spec: dict) -> Optional[dict]:
    spec = _copy(spec)
    _, charge, closing, deduction = _roles(spec)
    if deduction is None:
        return None
    width = len(spec["roles"]) - 1
    latest = _order(spec)[-1]
    _add_reserve(spec["periods"][latest], _row("Reserve for restructuring", width,
                                                {charge: "2,480", deduction: _deducted(spec, "615"), closing: "1,865"}))
    return spec


def _closed_reserve(spec: dict) -> Optional[dict]:
    spec = _copy(spec)
    opening, _, _, deduction = _roles(spec)
    if deduction is None:
        return None
    width = len(spec["roles"]) - 1
    earliest = _order(spec)[0]
    printed = {opening: "735", deduction: _deducted(spec, "735")}
    if "adjusted" in spec["roles"][1:]:  # (its balance as adjusted, no adoption: as a filer prints it, the total's too)
        adjusted = spec["roles"][1:].index("adjusted")
        period = spec["periods"][earliest]
        # (a year printing that column nil in every row, no adoption, prints the reserve's nil too)
        printed[adjusted] = "735" if _prints_amount(period, adjusted) else next(
            (row["cells"][adjusted] for row in period["rows"] if row["cells"] and not row.get("is_total")), "735")
    _add_reserve(spec["periods"][earliest], _row("Reserve for discontinued operations", width, printed))
    return spec


def _in_and_out(spec: dict) -> Optional[dict]:
    spec = _copy(spec)
    _, charge, _, deduction = _roles(spec)
    if deduction is None:
        return None
    width = len(spec["roles"]) - 1
    _add_reserve(spec["periods"][_order(spec)[-1]], _row("Reserve for litigation", width,
                                                          {charge: "45", deduction: _deducted(spec, "45")}))
    return spec


def _label_only(spec: dict) -> Optional[dict]:
    spec = _new_reserve(spec)
    if spec is None:
        return None
    width = len(spec["roles"]) - 1
    for i in _order(spec)[:-1]:
        _add_reserve(spec["periods"][i], _row("Reserve for restructuring", width, {}))
    return spec


def _total_of_blanks(spec: dict) -> Optional[dict]:
    if any(r.get("is_total") for r in _items(spec)):
        return None  # (its own totals: the habit is all-blank's)
    spec = _blank_nils(spec)
    if spec is None:
        return None
    width = len(spec["roles"]) - 1
    for period in spec["periods"]:
        items = [r for r in period["rows"] if r["cells"]]
        if len(items) < 2:
            return None
        cells = []
        for k in range(width):
            amounts = [(v, d) for kind, v, d in (parse_cell(r["cells"][k]) for r in items) if kind == "amount"]
            cells.append(_printed(sum((v for v, _ in amounts), Decimal(0)), max(d for _, d in amounts)) if amounts else "")
        period["rows"].append({"label": "Total", "cells": cells, "is_total": True})
    return spec


HABITS: dict[str, Habit] = {
    "all-blank": Habit(_blank_nils),
    "mixed": Habit(lambda s: _blank_nils(s, every=2)),
    "column-blank": Habit(_column_blank),
    "other-but-one": Habit(_other_but_one),
    "balances-only": Habit(_balances_only),
    "new-reserve": Habit(_new_reserve),
    "closed-reserve": Habit(_closed_reserve),
    "in-and-out": Habit(_in_and_out),
    "label-only": Habit(_label_only),
    "total-of-blanks": Habit(_total_of_blanks),
}

"""How real Schedule IIs print their totals, as edits of a real table's spec.

Test support, not part of the tool.  Each habit rebuilds the total rows of one
of the 24 real tables (/work/shared/real-tables/) from its reserves' figures,
the reserves kept as transcribed, so the figures are real and every total
sums exactly what the habit says; each total row carries "parts", the row
indexes (in its period) it sums, for `expected_errors` (tests/test_total_habits.py)
to check it against, not the usual reading expect.py assumes:

labels
- no-label: the total's label cell empty, its figures under a rule;
- double-rule-only: the same under a double rule ("=====") in text;
- total, totals, total-allowances, consolidated, total-reserves: "Total",
  "Totals", "TOTAL ALLOWANCES", "Consolidated", "Total reserves";

scopes
- subtotal-grand: a subtotal of the first two reserves ("Total receivable
  allowances"), the other reserves, a grand total including the subtotal;
- subtotal-word, sub-total-hyphen: the same, the subtotal labelled "Subtotal"
  under a "Grand total", "Sub-total" under "Total all reserves";
- two-subtotals: two subtotals, then a grand total of the subtotals;
- subtotals-and-item: two subtotals, one more reserve, a grand total of the
  subtotals and that reserve;
- partial-total: "Total allowances deducted from assets" over all but the last
  reserve, that reserve (a warranty reserve, not deducted from assets) after it;
- only-row: one reserve, and a "Total" row repeating it;
- total-above: "Total valuation allowances" printed before its reserves;

figures
- latest-only: a total under the latest period only (printed once for the table);
- balances-only: a total printing only the balances, its movements blank;
- wrong-total: the first period's total balance at end printed 1,000 off
  (found at that cell, "should be" the sum of its parts);
- total-above-wrong-1, -2, -all: a total named more than "Total" ("Total
  valuation allowances", "Total allowances and reserves") printed before its
  reserves, the first period's balance at end, its charge and balance at end,
  or every figure of it printed 1,000 off;
- wrong-total-2, wrong-total-all: the same below the reserves (two, every figure);

rules
- rule-under-caption: a rule (the headings' rule over the figure columns) right
  under each period's caption, before its first row, as filers rule off each year;
- total-above-ruled: total-above, a rule under each period's caption over the total;
- rule-under-group: an undated group caption ("Reserves deducted from asset accounts:") under
  each period's caption, a rule under it before the first row;
- rule-under-bare-group: the same, the caption printed with no colon ("Reserves deducted from
  asset accounts");

layout
- break-before-total: a page break between the reserves and their total.

`Habit.spec` is the edit (None: the table cannot show the habit); `text` and
`html` are changes to the layout (tests/render.Layout, render_html.HtmlStyle).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Optional

from render import parse_cell, period_date

SpecEdit = Callable[[dict], Optional[dict]]


@dataclass(frozen=True)
class Habit:
    spec: SpecEdit
    text: Callable[[dict], dict] = lambda spec: {}  # Layout fields replaced, for the spec as edited
    html: Callable[[dict], dict] = lambda spec: {}  # HtmlStyle fields replaced
    typed: Optional[Callable[[str], str]] = None  # an edit of the text layouts' lines, figures kept in place


def _copy(spec: dict) -> dict:
    return json.loads(json.dumps(spec))


def _reserves(period: dict) -> list[dict]:
    """A period's reserves: rows with figures, not totals (captions and totals dropped)."""
    return [r for r in period["rows"] if r["cells"] and not r.get("is_total") and r["label"].strip()]


def _sum_cells(rows: list[dict], width: int) -> list[str]:
    """Each column's sum, printed as its parts are: the most decimals any part
    has, negatives in parentheses; a column no part prints a figure in, as
    the first part prints it (a nil or a blank)."""
    out = []
    for k in range(width):
        parsed = [parse_cell(r["cells"][k]) for r in rows]
        amounts = [(v, d) for kind, v, d in parsed if kind == "amount"]
        if not amounts:
            out.append(rows[0]["cells"][k])
            continue
        total = sum((v for v, _ in amounts), Decimal(0))
        decimals = max(d for _, d in amounts)
        body = f"{abs(total):,.{decimals}f}"
        out.append(f"({body})" if total < 0 else body)
    return out


def _total(label: str, rows: list[dict], parts: list[int], width: int) -> dict:
    return {"label": label, "cells": _sum_cells(rows, width), "is_total": True, "parts": parts}


def _rebuilt(spec: dict, least: int, build: Callable[[list[dict], int], list[dict]]) -> Optional[dict]:
    """Every period's rows replaced by build(reserves, width); None where a period has fewer than `least`."""
    spec = _copy(spec)
    width = len(spec["roles"]) - 1
    for period in spec["periods"]:
        reserves = _reserves(period)
        if len(reserves) < least:
            return None
        period["rows"] = build(reserves, width)
    return spec


def _one_total(label: str) -> SpecEdit:
    def build(reserves, width):
        return reserves + [_total(label, reserves, list(range(len(reserves))), width)]
    return lambda spec: _rebuilt(spec, 2, build)


def _subtotal_grand(sub_label: str, grand_label: str):
    def build(reserves, width):
        first, rest = reserves[:2], reserves[2:]
        sub = _total(sub_label, first, [0, 1], width)
        grand = _total(grand_label, [sub] + rest, [2] + list(range(3, 3 + len(rest))), width)
        return first + [sub] + rest + [grand]
    return lambda spec: _rebuilt(spec, 3, build)


def _two_subtotals(reserves, width):
    a, b = reserves[:2], reserves[2:]
    s1 = _total("Total deducted from receivables", a, [0, 1], width)
    s2 = _total("Total deducted from inventories", b, list(range(3, 3 + len(b))), width)
    grand = _total("Total", [s1, s2], [2, 3 + len(b)], width)
    return a + [s1] + b + [s2, grand]


def _subtotals_and_item(reserves, width):
    a, b, c = reserves[:2], reserves[2:-1], reserves[-1:]
    s1 = _total("Total deducted from receivables", a, [0, 1], width)
    s2 = _total("Total deducted from inventories", b, list(range(3, 3 + len(b))), width)
    at = 3 + len(b)
    grand = _total("Total", [s1, s2] + c, [2, at, at + 1], width)
    return a + [s1] + b + [s2] + c + [grand]


def _partial_total(reserves, width):
    deducted, other = reserves[:-1], dict(reserves[-1])
    other["label"] = "Reserve for product warranties"
    total = _total("Total allowances deducted from assets", deducted, list(range(len(deducted))), width)
    return deducted + [total, other]


def _only_row(reserves, width):
    return reserves[:1] + [_total("Total", reserves[:1], [0], width)]


def _total_above(reserves, width):
    total = _total("Total valuation allowances", reserves, list(range(1, 1 + len(reserves))), width)
    return [total] + reserves


def _named_above(label: str) -> SpecEdit:
    def build(reserves, width):
        total = _total(label, reserves, list(range(1, 1 + len(reserves))), width)
        return [total] + reserves
    return lambda spec: _rebuilt(spec, 2, build)


def _total_of(spec: dict) -> dict:
    return next(r for r in spec["periods"][0]["rows"] if r.get("is_total"))


def _misprinted(edit: SpecEdit, roles: Optional[tuple[str, ...]]) -> SpecEdit:
    """The first period's total with the figures under `roles` (None: every figure)
    printed 1,000 more than the sum of its parts."""
    def made(spec: dict) -> Optional[dict]:
        spec = edit(spec)
        if spec is None:
            return None
        total = _total_of(spec)
        kinds = spec["roles"][1:]
        changed = 0
        for k, role in enumerate(kinds):
            kind, value, decimals = parse_cell(total["cells"][k])
            if kind != "amount" or roles is not None and role not in roles:
                continue
            body = f"{abs(value + 1000):,.{decimals}f}"
            total["cells"][k] = f"({body})" if value + 1000 < 0 else body
            changed += 1
        return spec if changed >= (len(roles) if roles is not None else 3) else None
    return made


# Two misprints that keep the total's own row closing: a charge and the balance at end.
TWO = ("charged_costs", "ending")


def _balances_only(spec: dict) -> Optional[dict]:
    spec = _one_total("Total")(spec)
    if spec is None:
        return None
    roles = spec["roles"][1:]
    kept = {roles.index("beginning"), roles.index("ending")}
    for period in spec["periods"]:
        total = period["rows"][-1]
        total["cells"] = [c if k in kept else "" for k, c in enumerate(total["cells"])]
    return spec


def _wrong_total(spec: dict) -> Optional[dict]:
    spec = _one_total("Total")(spec)
    if spec is None:
        return None
    closing = spec["roles"][1:].index("ending")
    total = spec["periods"][0]["rows"][-1]
    kind, value, decimals = parse_cell(total["cells"][closing])
    if kind != "amount":
        return None
    changed = value + 1000
    body = f"{abs(changed):,.{decimals}f}"
    total["cells"][closing] = f"({body})" if changed < 0 else body
    total["planted"] = closing  # the printed figure is not the sum of its parts
    return spec


def _double_rule_over_totals(text: str) -> str:
    """The rule over each unlabelled total doubled ("=====" for "-----"): a total
    marked by the double rule alone."""
    lines = text.split("\n")
    for n in range(1, len(lines)):
        above, line = lines[n - 1], lines[n]
        if above.strip() and set(above.strip()) <= {"-", " "} and line[:8].strip() == "" and line.strip() \
                and not set(line.strip()) <= {"-", "=", " "}:
            lines[n - 1] = above.replace("-", "=")
    return "\n".join(lines)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _period_caption(lines: list[str], n: int) -> bool:
    """Line n prints a period's caption alone ("YEAR ENDED NOVEMBER 30, 2013:"), set
    apart by a blank line above, rows under it: one phrase naming a year."""
    line = lines[n].strip()
    return (0 < n < len(lines) - 1 and not lines[n - 1].strip() and lines[n + 1].strip() != ""
            and bool(_YEAR.search(line)) and "  " not in line and not line.startswith("<"))


def _rule_under_captions(text: str) -> str:
    """A rule printed right under each period's caption, before its first row, as
    filers rule off each year: the caption moved up into the blank line above it,
    the headings' rule (its figure columns') in its place, figures kept in place."""
    lines = text.split("\n")
    rule = next((ln for ln in lines if ln.strip() and set(ln.strip()) <= {"-", " "} and "  " in ln.strip()), None)
    if rule is None:
        return text
    label_end = len(rule) - len(rule.lstrip()) + rule.strip().index("  ")  # (the label column's rule ends)
    figures_rule = " " * label_end + rule[label_end:]
    for n in range(len(lines)):
        if _period_caption(lines, n):
            lines[n - 1], lines[n] = lines[n], figures_rule.rstrip()
    return "\n".join(lines)


GROUP = "Reserves deducted from asset accounts:"
BARE_GROUP = "Reserves deducted from asset accounts"  # (the same caption with no colon)


def _rule_under_groups(text: str, group: str = GROUP) -> str:
    """A rule printed right under each period's group caption ("Reserves deducted from asset
    accounts:", undated), before its first row: the captions over it moved up into the blank
    line above them, the headings' rule (its figure columns') in the caption's place."""
    lines = text.split("\n")
    rule = next((ln for ln in lines if ln.strip() and set(ln.strip()) <= {"-", " "} and "  " in ln.strip()), None)
    if rule is None:
        return text
    label_end = len(rule) - len(rule.lstrip()) + rule.strip().index("  ")
    figures_rule = " " * label_end + rule[label_end:]
    for n in range(2, len(lines)):
        if lines[n].strip().lower() == group.lower():
            top = n - 1 if _period_caption(lines, n - 1) else n
            if top > 0 and not lines[top - 1].strip():
                lines[top - 1 : n + 1] = lines[top : n + 1] + [figures_rule.rstrip()]
    return "\n".join(lines)


def _latest_only(spec: dict) -> Optional[dict]:
    """A total under the latest period's reserves only (printed once for the table)."""
    spec = _one_total("Total")(spec)
    if spec is None:
        return None
    latest = max(range(len(spec["periods"])), key=lambda i: period_date(spec["periods"][i]["label"]))
    for i, period in enumerate(spec["periods"]):
        if i != latest:
            period["rows"] = [r for r in period["rows"] if not r.get("is_total")]
    return spec


def _before_total(spec: dict) -> int:
    """Rows the first period prints before its total (its caption row not counted)."""
    return next(i for i, r in enumerate(spec["periods"][0]["rows"]) if r.get("is_total"))


HABITS: dict[str, Habit] = {
    "no-label": Habit(_one_total(""), text=lambda s: {"total_label": "none"},
                      html=lambda s: {"unlabelled_total": True}),
    "total": Habit(_one_total("Total")),
    "totals": Habit(_one_total("Totals")),
    "total-allowances": Habit(_one_total("TOTAL ALLOWANCES")),
    "consolidated": Habit(_one_total("Consolidated")),
    "total-reserves": Habit(_one_total("Total reserves")),
    "subtotal-grand": Habit(_subtotal_grand("Total receivable allowances", "Total")),
    "subtotal-word": Habit(_subtotal_grand("Subtotal", "Grand total")),
    "sub-total-hyphen": Habit(_subtotal_grand("Sub-total", "Total all reserves")),
    "two-subtotals": Habit(lambda s: _rebuilt(s, 3, _two_subtotals)),
    "subtotals-and-item": Habit(lambda s: _rebuilt(s, 4, _subtotals_and_item)),
    "partial-total": Habit(lambda s: _rebuilt(s, 3, _partial_total)),
    "only-row": Habit(lambda s: _rebuilt(s, 1, _only_row)),
    "total-above": Habit(lambda s: _rebuilt(s, 2, _total_above)),
    "total-above-wrong-1": Habit(_misprinted(_named_above("Total valuation allowances"), ("ending",))),
    "total-above-wrong-2": Habit(_misprinted(_named_above("Total allowances and reserves"), TWO)),
    "total-above-wrong-all": Habit(_misprinted(_named_above("Total valuation allowances"), None)),
    "wrong-total-2": Habit(_misprinted(_one_total("Total allowances and reserves"), TWO)),
    "wrong-total-all": Habit(_misprinted(_one_total("Total valuation allowances"), None)),
    "balances-only": Habit(_balances_only),
    "wrong-total": Habit(_wrong_total),
    "double-rule-only": Habit(_one_total(""), text=lambda s: {"total_label": "none"},
                              html=lambda s: {"unlabelled_total": True}, typed=_double_rule_over_totals),
    "latest-only": Habit(_latest_only),
    "rule-under-caption": Habit(_one_total("Total"), typed=_rule_under_captions),
    "total-above-ruled": Habit(lambda s: _rebuilt(s, 2, _total_above), typed=_rule_under_captions),
    "rule-under-group": Habit(_one_total("Total"), text=lambda s: {"group_header": GROUP}, typed=_rule_under_groups),
    "rule-under-bare-group": Habit(_one_total("Total"), text=lambda s: {"group_header": BARE_GROUP},
                                   typed=lambda t: _rule_under_groups(t, BARE_GROUP)),
    "break-before-total": Habit(_one_total("Total"),
                                text=lambda s: {"page_break": "page_tag", "break_after": _before_total(s)},
                                html=lambda s: {"page_break": 1 + _before_total(s)}),
}

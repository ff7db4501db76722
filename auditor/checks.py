"""The kinds of check a rule can name, one small evaluator each.

An evaluator reads a schedule (with roles) and yields a `Claim` wherever
the arithmetic it checks does not hold exactly.  Tolerance, severity and
wording are the engine's business, from the rules file.  A new kind of
check is one function registered here with `@check("name")`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .model import Cell, Period, Row, Schedule
from .roles import identity_terms

CHECKS = {}


def check(name):
    def register(fn):
        CHECKS[name] = fn
        return fn

    return register


@dataclass(frozen=True)
class Claim:
    """One failed piece of arithmetic about one cell."""

    period: Period
    row: Row
    column: int  # index of the cell the claim is about
    actual: Optional[Decimal]
    expected: Optional[Decimal]
    operands: tuple = ()  # the other cells read, for `related` and tolerance
    fields: dict = field(default_factory=dict)  # extra message fields
    exact: bool = False  # no tolerance applies (a sign is a sign)


ZERO = Decimal(0)


def value(cell: Optional[Cell]) -> Decimal:
    return cell.value if cell is not None and cell.value is not None else ZERO


def _effect_index(schedule: Schedule, effect: str) -> int:
    return next(k for k, c in enumerate(schedule.columns) if c.effect == effect)


def _present(cells) -> tuple:
    return tuple(c for c in cells if c is not None)


@check("row_identity")
def row_identity(schedule: Schedule):
    opening = _effect_index(schedule, "opening")
    closing = _effect_index(schedule, "closing")
    terms = identity_terms(schedule)
    formula = _formula(schedule, opening, terms)
    convention = _convention(schedule)
    for period in schedule.periods:
        for row in period.rows:
            cells = row.cells
            if all(cells[k] is None for k in [opening, closing] + [k for k, _ in terms]):
                continue
            expected = value(cells[opening]) + sum(s * value(cells[k]) for k, s in terms)
            actual = value(cells[closing])
            if expected != actual:
                operands = _present([cells[opening]] + [cells[k] for k, _ in terms])
                yield Claim(period, row, closing, actual, expected, operands,
                            {"formula": formula, "convention": convention})


def _formula(schedule, opening, terms) -> str:
    cols = schedule.columns
    text = cols[opening].role
    for k, s in terms:
        text += f" {'+' if s > 0 else '-'} {cols[k].role}"
    return text


def _convention(schedule: Schedule) -> str:
    if not any(c.effect == "subtract" for c in schedule.columns):
        return "no deduction columns"
    how = "positive amounts subtracted" if schedule.deductions == "subtracted" else "signed amounts added"
    return f"deductions read as {how}, {schedule.deductions_basis}"


def _segments(period: Period):
    """Each total row with the rows it sums: the items since the previous
    total, or, when none, the subtotals above it (a grand total)."""
    items, subtotals = [], []
    for row in period.rows:
        if not row.is_total:
            items.append(row)
            continue
        if items:
            yield row, items
            subtotals.append(row)
        elif subtotals:
            yield row, subtotals
        items = []


@check("column_total")
def column_total(schedule: Schedule):
    for period in schedule.periods:
        for total, parts in _segments(period):
            for k, col in enumerate(schedule.columns):
                cells = [r.cells[k] for r in parts]
                if total.cells[k] is None and not _present(cells):
                    continue
                expected = sum((value(c) for c in cells), ZERO)
                actual = value(total.cells[k])
                if expected != actual:
                    yield Claim(period, total, k, actual, expected, _present(cells))


LABEL_WORDS = re.compile(r"[a-z0-9]+")


def row_key(label: str) -> str:
    """Labels match across periods whatever their case, punctuation or plural."""
    return " ".join(w.rstrip("s") for w in LABEL_WORDS.findall(label.lower()))


def chronological(schedule: Schedule) -> list:
    """Periods oldest first, by end date or fiscal year; printed order otherwise."""
    periods = list(schedule.periods)
    if all(p.end_date for p in periods):
        return sorted(periods, key=lambda p: p.end_date)
    if all(p.fiscal_year for p in periods) and len({p.fiscal_year for p in periods}) == len(periods):
        return sorted(periods, key=lambda p: p.fiscal_year)
    return periods


@check("carry_forward")
def carry_forward(schedule: Schedule):
    opening = _effect_index(schedule, "opening")
    closing = _effect_index(schedule, "closing")
    ordered = chronological(schedule)
    for before, after in zip(ordered, ordered[1:]):
        ends = {}
        for row in before.rows:
            ends.setdefault(_key(row, before), row)
        for row in after.rows:
            prior = ends.get(_key(row, after))
            if prior is None or (prior.cells[closing] is None and row.cells[opening] is None):
                continue
            expected, actual = value(prior.cells[closing]), value(row.cells[opening])
            if expected != actual:
                yield Claim(after, row, opening, actual, expected, _present([prior.cells[closing]]),
                            {"previous_period": before.label})


def _key(row: Row, period: Period) -> str:
    if row.label:
        return row_key(row.label)
    # An unlabelled total: matched by its place among the period's totals.
    return f"<total {[r for r in period.rows if r.is_total and not r.label].index(row)}>"


@check("sign")
def sign(schedule: Schedule):
    wanted = schedule.balance_sign
    table_sign = "positive" if wanted > 0 else "negative (contra)"
    for k, col in enumerate(schedule.columns):
        if col.effect not in ("opening", "closing"):
            continue
        for period in schedule.periods:
            for row in period.rows:
                v = value(row.cells[k])
                if v and (v > 0) != (wanted > 0):
                    yield Claim(period, row, k, v, None, (), {
                        "sign": "negative" if v < 0 else "positive", "table_sign": table_sign,
                    }, exact=True)

"""Evaluate a rule set against a schedule: claims in, findings out.

Each rule names a registered check; the engine runs it, weighs every claim
against the rule's tolerance, and words it with the rule's message.  A
difference that rounding of the printed figures can explain is reported at
info severity, so nothing is hidden and nothing is cried wolf about.
"""

from __future__ import annotations

from decimal import Decimal

from .checks import CHECKS, Claim
from .model import Finding, Position, Schedule

HALF = Decimal("0.5")


def evaluate(schedule: Schedule, ruleset, only=None) -> list:
    findings = []
    for rule in ruleset.rules:
        if only is not None and not only(rule):
            continue
        tolerance = rule.tolerance if rule.tolerance is not None else ruleset.tolerance
        for claim in CHECKS[rule.check](schedule):
            findings.append(_finding(rule, tolerance, schedule, claim))
    findings.sort(key=Finding.sort_key)
    return findings


def allowance(claim: Claim, cell, tolerance) -> Decimal:
    """How far a claim may be off and still hold."""
    if claim.exact or claim.expected is None:
        return Decimal(0)
    if tolerance == "rounding":
        # Calculations 1.1 intervals: every printed figure is exact to half a
        # unit of its last digit; a nil or a blank is exact.
        cells = list(claim.operands) + [cell]
        return sum((half_unit(c) for c in cells if c is not None and c.value is not None), Decimal(0))
    return Decimal(tolerance)


def half_unit(cell) -> Decimal:
    return HALF.scaleb(-cell.decimals)


def _finding(rule, tolerance, schedule: Schedule, claim: Claim) -> Finding:
    column = schedule.columns[claim.column]
    cell = claim.row.cells[claim.column]
    location = cell.position if cell is not None else Position(claim.row.line, column.start)
    difference = None
    severity = rule.severity
    if claim.expected is not None:
        difference = claim.actual - claim.expected
    fields = {
        "row": claim.row.label or "(unlabelled total)",
        "period": claim.period.label or "(no period caption)",
        "column": column.role,
        "heading": column.heading,
        "actual": amount_text(claim.actual),
        "expected": amount_text(claim.expected),
        "difference": signed_text(difference),
        "rule": rule.id,
        "severity": rule.severity,
        "formula": "",
        "convention": "",
        "previous_period": "",
        "sign": "",
        "table_sign": "",
    }
    fields.update(claim.fields)
    message = rule.message.format_map(fields)
    allowed = allowance(claim, cell, tolerance)
    if difference is not None and abs(difference) <= allowed:
        severity = "info"
        message = f"{message} [within the rounding tolerance of {amount_text(allowed)}]"
    return Finding(
        rule=rule.id,
        check=rule.check,
        severity=severity,
        message=message,
        period=claim.period.label,
        row=claim.row.label,
        column=column.role,
        actual=claim.actual,
        expected=claim.expected,
        difference=difference,
        location=location,
        related=tuple(c.position for c in claim.operands),
    )


def amount_text(value) -> str:
    """A figure the way filings print it: 9,824 and (102)."""
    if value is None:
        return "n/a"
    text = f"{abs(value):,f}"
    return f"({text})" if value < 0 else text


def signed_text(value) -> str:
    """A difference with its sign: +62, -62."""
    if value is None:
        return "n/a"
    return f"{value:+,f}"

"""Evaluate a rule set against a schedule: claims in, findings out.

Each rule names an evaluator (most run their formula); the engine runs it
over a `Table` of the schedule, and words each claim with the rule's
message.  A failure the rule's tolerance explains is reported at info
severity with its difference, so nothing is hidden and nothing is cried
wolf about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Callable, Optional

from auditor.cells import located
from auditor.model import Finding, Position, Schedule, Severity
from auditor.reading import marks
from auditor.ruleset.checks import EVALUATORS, Claim
from auditor.ruleset.nodes import Tolerance
from auditor.ruleset.table import Place, Table

if TYPE_CHECKING:
    from auditor.ruleset.model import Rule, RuleSet
    from auditor.ruleset.tagged import Tag

# Which rules to run (--select, --ignore, a rule's example): None runs them all.
Only = Optional[Callable[["Rule"], bool]]


def evaluate(schedule: Schedule, ruleset: RuleSet, only: Only = None, tags: Optional[dict[Place, Tag]] = None,
             unread: str = "") -> list[Finding]:
    """`tags`: the inline XBRL fact tagged on each cell; `unread`: why the
    printed table was not read, for a schedule of facts checked instead."""
    findings = _evaluate(schedule, ruleset, only, tags, unread)
    # Where the reading cannot tell how a column reads, the rules run both
    # ways, and only what both find is said (beside the warning that says so).
    for _, _, columns in schedule.reading.ambiguous if schedule.reading is not None else ():
        both = _said(_evaluate(replace(schedule, columns=columns), ruleset, only, tags, unread))
        findings = [f for f in findings if _said_of(f) in both]
    # (a row read two ways the reading's arithmetic left unsure, reading/marks: likewise)
    for p, r in marks.unsure_rows(schedule):
        both = _said(_evaluate(marks.other_way(schedule, p, r), ruleset, only, tags, unread))
        findings = [f for f in findings if _said_of(f) in both]
    findings.sort(key=Finding.sort_key)
    return _once_per_figure(findings, schedule)


def said(schedule: Schedule, ruleset: RuleSet) -> frozenset[marks.Said]:
    """What every rule finds of the schedule (each finding by rule, check and place): the measure the
    reading stage settles a row read two ways by (reading/marks.settle), whatever rules are selected."""
    return _said(_evaluate(schedule, ruleset))


def _said(findings: list[Finding]) -> frozenset[marks.Said]:
    """What findings say, by rule, check and place: two readings' findings compared."""
    return frozenset(_said_of(f) for f in findings)


def _said_of(finding: Finding) -> marks.Said:
    return finding.rule, finding.check, finding.location


def _once_per_figure(findings: list[Finding], schedule: Schedule) -> list[Finding]:
    """Each rule's findings about one printed figure, once.  The model may hold
    a figure twice: a chained roll-forward's balance line closes one period and
    opens the next, a total's check failing in both is one wrong figure."""
    if not findings:
        return findings
    # (Counted at the findings' places alone: a figure no finding is about is said once or not at all.)
    places = {(f.location.line, f.location.column) for f in findings}
    held = Counter(place for c in located(schedule) if (place := c.place) in places)
    if all(n == 1 for n in held.values()):
        return findings
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for f in findings:
        key = (f.rule, f.location.line, f.location.column)
        if held[key[1:]] > 1 and key in seen:
            continue
        seen.add(key)
        kept.append(f)
    return kept


def _evaluate(schedule: Schedule, ruleset: RuleSet, only: Only = None, tags: Optional[dict[Place, Tag]] = None,
              unread: str = "") -> list[Finding]:
    axis = ruleset.xbrl.axes if ruleset.xbrl else ()
    table = Table(schedule, tags, axis, unread)
    findings = []
    for rule in ruleset.rules:
        if only is not None and not only(rule):
            continue
        tolerance = rule.tolerance if rule.tolerance is not None else ruleset.tolerance
        for claim in EVALUATORS[rule.evaluator](table, rule, tolerance):
            findings.append(_finding(rule, tolerance, table, claim))
    return findings


def _finding(rule: Rule, tolerance: Tolerance, table: Table, claim: Claim) -> Finding:
    schedule = table.schedule
    period = schedule.periods[claim.p]
    row = period.rows[claim.r] if claim.r is not None else None
    column = schedule.columns[claim.k] if claim.k is not None else None
    cell = row.cells[claim.k] if row is not None and claim.k is not None else None
    if claim.at is not None:
        location = claim.at
    elif cell is not None:
        location = cell.position
    elif row is not None:
        location = Position(row.line, column.start if column else 1)
    else:
        location = Position(period.line, 1)
    fields = dict(_FIELDS)
    fields.update(
        row=(row.label or "(unlabelled total)") if row is not None else "",
        period=period.label or "(no period caption)",
        column=(column.role or "") if column else "",
        heading=column.heading if column else "",
        actual=amount_text(claim.actual),
        expected=amount_text(claim.expected),
        difference=signed_text(claim.difference),
        rule=rule.id,
        severity=rule.severity,
        convention=_convention(schedule),
        table_sign="positive" if schedule.balance_sign > 0 else "negative (contra)",
        sign=_sign(claim.actual),
        previous_period=_neighbour(table, claim.p, table.earlier) or "the period before",
        next_period=_neighbour(table, claim.p, table.later) or "the period after",
        parts=_parts(table, claim.p, claim.r),
    )
    fields.update({k: amount_text(_plain(v)) if isinstance(v, Decimal) else str(v) for k, v in claim.fields.items()})
    if claim.expected is None and "limit" in claim.fields:
        fields["expected"] = fields["limit"]
    message = rule.message.format_map(fields) + _adopted(table, claim)
    severity: Severity = rule.severity
    if claim.allowed is not None:
        severity = "info"
        how = "rounding tolerance" if tolerance == "rounding" else "tolerance"
        message = f"{message} [within the {how} of {amount_text(_plain(claim.allowed))}]"
    return Finding(
        rule=rule.id,
        check=rule.check,
        severity=severity,
        message=message,
        period=period.label,
        row=row.label if row is not None else "",
        column=column.role if column else None,
        actual=claim.actual,
        expected=claim.expected,
        difference=claim.difference,
        location=location,
        related=tuple(c.position for c in claim.operands),
        source=schedule.source,
    )


# Every field a message template may name; build.py checks templates against it.
_FIELDS = dict.fromkeys(
    "row period column heading actual expected difference limit formula convention previous_period "
    "next_period sign table_sign rule severity pattern fact reason detail parts".split(), ""
)
MESSAGE_FIELDS = frozenset(_FIELDS)


def _adopted(table: Table, claim: Claim) -> str:
    """Where the balance the claim carries includes adoptions printed as rows of their own, which."""
    adopted = table.adopted.get((claim.p, claim.r), ()) if table.adopted and claim.r is not None else ()
    cells = [(place, table.cell(*place)) for place in adopted]
    named = [f"{table.row(p, r).label!r} ({cell.raw})" for (p, r, _), cell in cells
             if cell is not None and any(c is cell for c in claim.operands)]
    return f"; that is its balance at end plus {' and '.join(named)}" if named else ""


def _neighbour(table: Table, p: int, links: dict[int, int]) -> str:
    """The caption of the period linked to `p`; "" where it prints none (its blocks set apart only)."""
    other = links.get(p)
    return table.periods[other].label if other is not None else ""


def _parts(table: Table, p: int, r: Optional[int]) -> str:
    """Which rows a total sums, in words: a total is printed after its items,
    or before them (EDGAR's XBRL viewer prints the totals first)."""
    parts = table.parts.get((p, r)) if r is not None else None
    if not parts or r is None:
        return ""
    if min(parts) > r:
        return "the rows below"
    return "the rows above" if max(parts) < r else "the rows it sums"


def _sign(amount: Optional[Decimal]) -> str:
    if amount is None:
        return ""
    return "negative" if amount < 0 else "positive" if amount > 0 else "zero"


def _convention(schedule: Schedule) -> str:
    if not any(c.effect == "subtract" for c in schedule.columns):
        return "no deduction columns"
    if schedule.deductions_basis.startswith("read per column"):
        return "deductions read per column: " + ", ".join(
            f"{c.heading or c.role} {'signed amounts added' if c.sign < 0 else 'positive amounts subtracted'}"
            for c in schedule.columns if c.effect == "subtract") + f", {schedule.deductions_basis[16:]}"
    how = "positive amounts subtracted" if schedule.deductions == "subtracted" else "signed amounts added"
    basis = f", {schedule.deductions_basis}" if schedule.deductions_basis else ""
    return f"deductions read as {how}{basis}"


def _plain(amount: Optional[Decimal]) -> Optional[Decimal]:
    """A computed amount without trailing zeros: 1.8, not 1.800 (0.25 * 7.2)."""
    if amount is None:
        return None
    if amount == amount.to_integral_value() and amount.adjusted() < 28:  # (quantize needs the digits)
        return amount.quantize(1)
    return amount.normalize()


def amount_text(value: Optional[Decimal]) -> str:
    """A figure the way filings print it: 9,824 and (102)."""
    if value is None:
        return "n/a"
    text = f"{abs(value):,f}"
    return f"({text})" if value < 0 else text


def signed_text(value: Optional[Decimal]) -> str:
    """A difference with its sign: +62, -62."""
    if value is None:
        return "n/a"
    return f"{value:+,f}"

"""Give each column its role, and read the table's sign conventions.

Roles come from the heading patterns of the rules file, never from Python.
The conventions (are deductions printed as positive amounts to subtract or as
negative amounts to add; are balances printed positive or as negative contra
amounts) are read off the table itself, so that rules check the filing's
arithmetic and not its presentation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .errors import InputError
from .model import Schedule, amount_of

# "COLUMN C", "Col. B", "COLUMN C(1)" and footnote markers are not words of a heading.
NOISE = re.compile(r"\bcol(umn|\.)?\s*[a-h]\b(\s*\(\d\))?|\(\d{1,2}\)|\([a-z]\)|\*+", re.IGNORECASE)
# A heading that states its own sign: "(Deductions)", "Additions (deductions)".
SIGNED = re.compile(r"\(\s*(deductions?|reductions?|subtractions?|write-?offs?)\s*\)|^\(.*\)$", re.IGNORECASE)


def normalized(heading: str) -> str:
    return " ".join(NOISE.sub(" ", heading).split())


def assign(schedule: Schedule, ruleset, path: str = None) -> Schedule:
    headings = [normalized(c.heading) for c in schedule.columns]
    roles = [_role_of(k, headings, ruleset.roles) for k in range(len(headings))]
    roles = _unnamed_deductions(headings, roles, ruleset.roles)
    for k, spec in enumerate(roles):
        if spec is None:
            shown = schedule.columns[k].heading or f"(blank heading over column {k + 1})"
            raise InputError(f"column heading {shown!r} matches no role in the rules file", path, schedule.line)
    columns = tuple(
        replace(col, role=spec.role, effect=spec.effect) for col, spec in zip(schedule.columns, roles)
    )
    for effect, what in (("opening", "balance at beginning"), ("closing", "balance at end")):
        found = [c for c in columns if c.effect == effect]
        if len(found) != 1:
            listed = "; ".join(c.heading or "(blank)" for c in columns)
            problem = "no column" if not found else f"{len(found)} columns"
            raise InputError(f"{problem} for the {what} among the headings: {listed}", path, schedule.line)
    schedule = replace(schedule, columns=columns)
    return _conventions(schedule)


def _role_of(k, headings, specs):
    for spec in specs:
        if not _matches(spec, headings[k]):
            continue
        if spec.position:
            alike = [j for j, h in enumerate(headings) if _matches(spec, h)]
            if k != (alike[0] if spec.position == "first" else alike[-1]):
                continue
        return spec
    return None


def _unnamed_deductions(headings, roles, specs) -> list:
    """A column headed only by its letter ("Col. E") between the additions and the
    balance at end is Rule 12-09's column D, deductions: the form's own order names it."""
    deductions = next((s for s in specs if s.role == "deductions"), None)
    effects = [s.effect if s else None for s in roles]
    if deductions is None or "closing" not in effects:
        return roles
    closing = effects.index("closing")
    for k, spec in enumerate(roles):
        if spec is None and not headings[k] and "add" in effects[:k] and k < closing:
            if all(e in ("add", "opening") for e in effects[:k]) and all(e is None or e == "closing" for e in effects[k + 1:closing + 1]):
                roles[k] = deductions
    return roles


def _matches(spec, heading) -> bool:
    return any(p.search(heading) for p in spec.patterns)


# --- sign conventions -------------------------------------------------------


def _conventions(schedule: Schedule) -> Schedule:
    subtracting = [k for k, c in enumerate(schedule.columns) if c.effect == "subtract"]
    deductions, basis = "subtracted", "no deduction columns"
    if subtracting:
        stated = all(SIGNED.search(schedule.columns[k].heading) for k in subtracting)
        closes = {way: _rows_closing(schedule, way) for way in ("subtracted", "added")}
        total = sum(1 for p in schedule.periods for _ in p.rows)
        if stated:
            deductions, basis = "added", "the headings print deductions as signed amounts"
        elif closes["added"] > closes["subtracted"]:
            deductions = "added"
            basis = f"inferred: {closes['added']} of {total} rows close read this way, {closes['subtracted']} the other"
        else:
            basis = f"inferred: {closes['subtracted']} of {total} rows close read this way, {closes['added']} the other"
    return replace(schedule, 
        deductions=deductions, deductions_basis=basis, balance_sign=_balance_sign(schedule)
    )


def identity_terms(schedule: Schedule, way: str = None):
    """(column index, sign) for each column that moves the balance."""
    way = way or schedule.deductions
    terms = []
    for k, col in enumerate(schedule.columns):
        if col.effect == "add":
            terms.append((k, 1))
        elif col.effect == "subtract":
            terms.append((k, -1 if way == "subtracted" else 1))
    return terms


def _rows_closing(schedule: Schedule, way: str) -> int:
    opening = _index(schedule, "opening")
    closing = _index(schedule, "closing")
    terms = identity_terms(schedule, way)
    count = 0
    for period in schedule.periods:
        for row in period.rows:
            total = amount_of(row.cells[opening]) + sum(s * amount_of(row.cells[k]) for k, s in terms)
            count += total == amount_of(row.cells[closing])
    return count


def _index(schedule: Schedule, effect: str) -> int:
    return next(k for k, c in enumerate(schedule.columns) if c.effect == effect)


def _balance_sign(schedule: Schedule) -> int:
    """-1 when most printed balances are negative (allowances shown as contra amounts)."""
    balances = [_index(schedule, "opening"), _index(schedule, "closing")]
    signs = [
        row.cells[k].value
        for p in schedule.periods
        for row in p.rows
        for k in balances
        if row.cells[k] is not None and row.cells[k].value
    ]
    negative = sum(1 for v in signs if v < 0)
    return -1 if negative > len(signs) - negative else 1


# The conventions read again, for a schedule whose figures changed (xbrl_front).
conventions = _conventions

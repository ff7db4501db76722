"""Tools for people who write rules: `auditor rules list|explain|validate`.

`explain` shows a rule's example finding by running the rule on a sample
exhibit shipped with the package (the seed, its one error corrected): if the
rule finds nothing there, it tries one slip at a time (a figure off by a
round amount, its sign flipped, a nil, a row left out) until the rule fires,
and says which slip it made.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from importlib import resources
from typing import Iterable, Iterator, Optional, TextIO

from auditor.cells import with_cell
from auditor.model import Finding, Schedule, Severity, as_severity
from auditor.ruleset import engine
from auditor.ruleset.engine import Only, amount_text
from auditor.ruleset.model import Rule, RuleSet, Tolerance
from auditor.ruleset.table import Scope

SAMPLE = "rules/examples/sample-exhibit.txt"


def explain(ruleset: RuleSet, rule: Rule) -> str:
    lines = [f"{rule.id}{' (' + rule.name + ')' if rule.name else ''}: {rule.check}, {rule.severity}",
             f"  defined at  {rule.origin}"]
    if rule.description:
        lines.append(f"  checks      {rule.description}")
    if rule.formula is not None:
        lines.append(f"  formula     {rule.formula.source}")
        if len(rule.formula.conjuncts) > 1:
            lines.append(f"              (each of its {len(rule.formula.conjuncts)} and-ed tests is its own finding)")
    else:
        lines.append(f"  evaluator   {rule.evaluator}")
    lines.append(f"  applies to  {scope_text(rule.scope)}")
    tolerance = rule.tolerance if rule.tolerance is not None else ruleset.tolerance
    lines.append(f"  tolerance   {tolerance_text(tolerance)}")
    lines.append(f"  message     {rule.message}")
    lines.append("")
    lines.extend(example(ruleset, rule))
    return "\n".join(lines) + "\n"


def scope_text(scope: Scope) -> str:
    rows = {"all": "every row", "items": "item rows", "totals": "total rows"}[scope.rows]
    if scope.label is not None:
        rows += f" labelled /{scope.label.pattern}/"
    periods = {"all": "every period", "latest": "the latest period", "earliest": "the earliest period"}[scope.periods]
    if scope.period is not None:
        periods += f" labelled /{scope.period.pattern}/"
    text = f"{rows} of {periods}"
    if scope.columns == ("*",):
        text += ", once per column (`cell`)"
    elif scope.columns:
        text += f", once per column of {', '.join(scope.columns)} (`cell`)"
    return text


def tolerance_text(tolerance: Tolerance) -> str:
    if tolerance == "rounding":
        return "rounding (each printed figure exact to half a unit of its last digit; nil exact)"
    if tolerance == 0:
        return "0 (exact)"
    return f"{amount_text(tolerance)} (absolute, in printed units)"


def example(ruleset: RuleSet, rule: Rule) -> list[str]:
    import auditor
    from auditor import source

    text = resources.files("auditor").joinpath(SAMPLE).read_text("utf-8")
    try:
        schedules = auditor.schedules(source.from_text(text, "sample-exhibit.txt"), ruleset)
    except auditor.InputError as exc:
        return [f"No example: the sample exhibit does not read with these roles ({exc.message})."]
    only = _only(rule.id)
    for schedule in schedules:
        found = _failures(schedule, ruleset, only)
        if found:
            return ["Example finding, on the bundled sample exhibit as it stands:", "  " + _line(found[0])]
        for slip, changed in _slips(schedule):
            found = _failures(changed, ruleset, only)
            if found:
                return [f"Example finding, on the bundled sample exhibit with {slip}:", "  " + _line(found[0])]
    return ["No example: no single slip in the sample exhibit makes this rule fire."]


def _only(rule_id: str) -> Only:
    return lambda r: r.id == rule_id


def _failures(schedule: Schedule, ruleset: RuleSet, only: Only) -> list[Finding]:
    return [f for f in engine.evaluate(schedule, ruleset, only) if f.severity != "info"]


def _line(f: Finding) -> str:
    return f"sample-exhibit.txt:{f.location.line}:{f.location.column}: {f.severity} {f.rule} {f.message}"


def _slips(schedule: Schedule) -> Iterator[tuple[str, Schedule]]:
    """(what was changed, the schedule with that one change), latest period first."""
    periods = list(enumerate(schedule.periods))[::-1]
    for p, period in periods:
        for r, row in enumerate(period.rows):
            for k, cell in enumerate(row.cells):
                if cell is None:
                    continue
                for new in _changed_values(cell.value):
                    where = f"{row.label or 'the total'} ({period.label}), {schedule.columns[k].role}"
                    slip = f"{where} printed {amount_text(new) if new is not None else 'as nil'} instead of {cell.raw}"
                    yield slip, with_cell(schedule, p, r, k, replace(cell, value=new))
    for p, period in periods:
        for r, row in enumerate(period.rows):
            rows = period.rows[:r] + period.rows[r + 1:]
            changed = schedule.periods[:p] + (replace(period, rows=rows),) + schedule.periods[p + 1:]
            yield f"the row {row.label!r} left out of {period.label}", replace(schedule, periods=changed)


def _changed_values(value: Optional[Decimal]) -> Iterator[Optional[Decimal]]:
    if value is None:
        yield Decimal(700)
        return
    yield value + 1000
    yield -value if value else Decimal(-100)
    yield value * 10
    yield None


def listing(ruleset: RuleSet, out: TextIO, width: Optional[int] = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Rules in {ruleset.path}", show_lines=False)
    for heading in ("id", "name", "check", "severity", "formula / evaluator", "description"):
        table.add_column(heading, overflow="fold")
    for rule in ruleset.rules:
        test = rule.formula.source if rule.formula is not None else f"({rule.evaluator})"
        table.add_row(rule.id, rule.name, rule.check, rule.severity, test, rule.description)
    Console(file=out, width=width).print(table)


def validate(path: str, out: TextIO) -> list[str]:
    """Every problem in the rules file (and the files it extends); [] when valid."""
    from auditor.ruleset import rules

    try:
        ruleset = rules.load(path)
    except rules.RulesError as exc:
        return exc.problems
    except rules.InputError as exc:
        return [str(exc)]
    extends = f", extends {' -> '.join(ruleset.files[1:])}" if len(ruleset.files) > 1 else ""
    out.write(f"{ruleset.path}: valid: {len(ruleset.rules)} rules, {len(ruleset.roles)} roles{extends}\n")
    return []


def severity_overrides(ruleset: RuleSet, values: Iterable[str]) -> dict[str, Severity]:
    """--severity RULE=LEVEL (repeatable, comma-separated; RULE an id or name
    prefix, as --select takes) -> {rule id: level}; ValueError on a bad one."""
    overrides: dict[str, Severity] = {}
    for value in values:
        for item in filter(None, (v.strip() for v in value.split(","))):
            pattern, sep, word = item.partition("=")
            level = as_severity(word.strip().lower())
            if not sep or level is None:
                raise ValueError(f"--severity {item!r}: expected RULE=LEVEL, LEVEL one of error, warning, info")
            matched = [r.id for r in ruleset.rules
                       if r.id.startswith(pattern.strip()) or (r.name and r.name.startswith(pattern.strip()))]
            if not matched:
                raise ValueError(f"--severity: no rule matches {pattern.strip()!r}")
            overrides.update(dict.fromkeys(matched, level))
    return overrides

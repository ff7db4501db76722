"""Inline XBRL facts beside the printed table: read them, check them, merge.

`check_source` calls this for HTML input that carries inline XBRL figures
(imported only then).  The facts are read once (`xbrl_facts`), laid out as
a schedule (`xbrl_schedule`) and checked by the same rules as a table.
Where the table is read too, each printed cell is paired with the fact
tagged on it (`tagged.match`), for the `tagged_value` / `tagged_context`
rules; a failure is then reported once:
- a facts finding about figures that are all printed is the table's
  business (the table's own finding, or a tagged_* finding where the tag
  and the print differ), so it is not repeated;
- a table finding at a figure whose tag agrees says so (table and tag
  agree on the wrong value).
A facts finding the facts cannot settle (a figure of its row untagged) is
a warning, never an error.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable, NamedTuple, Optional

from auditor.ruleset import engine, tagged
from auditor import reading
from auditor.frontends import Vocabulary
from auditor.frontends.xbrl import facts as xbrl_facts, schedule as xbrl_schedule, unlinked
from auditor.model import Cell, Effect, Finding, Period, Position, Schedule
from auditor.source import Source

if TYPE_CHECKING:
    from auditor.ruleset.rules import Rule, RuleSet
    from auditor.ruleset.tagged import Tag

Only = Optional[Callable[["Rule"], bool]]  # which rules run (None: all)
Tags = dict[tuple[int, int, int], "Tag"]  # (period, row, column) of a printed cell -> the fact tagged on it
Printed = tuple[Tags, list[Finding], Schedule]  # a printed table's tags, findings, and the table as checked


TAGGED = ("tagged_value", "tagged_context")  # the checks of a printed figure against its tag


class Tagged(NamedTuple):
    facts: xbrl_facts.Facts
    reading: xbrl_schedule.Reading
    schedule: Schedule  # the reading's: the facts laid out


def read(src: Source, vocabulary: Vocabulary, tagged: bool = False) -> Optional[Tagged]:
    """The document's Schedule II facts, or None where it tags none (or none
    with a movement: no schedule).  `tagged`: the caller has found it tags
    figures (a 10-K's first is most of a megabyte in: not searched for twice)."""
    if vocabulary.xbrl is None or not (tagged or xbrl_facts.tagged(src)):
        return None
    roles = vocabulary.roles
    facts = xbrl_facts.read(src, vocabulary.xbrl.family,
                            kin=lambda name: bool(xbrl_schedule.concept_roles(name, roles)),
                            on_axis=vocabulary.xbrl.on_axis, axis=vocabulary.xbrl.axis)
    if not facts.facts:
        return None
    found = xbrl_schedule.build(facts, vocabulary)
    return Tagged(facts, found, found.schedule) if found.schedule is not None else None


def in_schedule(found: Tagged, printed: list[Printed], vocabulary: Vocabulary) -> Tagged:
    """The facts laid out again where a fact is printed twice (the schedule's
    table printed again in a note, tagged alike) and the reading chose the
    other printing: the schedule table's printing is the fact's cell, so the
    facts' findings stand in the schedule's table, never in a note's."""
    shows = frozenset(id(t.fact) for tags, _, _ in printed for t in tags.values())
    if not shows - {id(f) for f in found.reading.cells.values()}:
        return found  # (every printed fact is its cell already: the common case, no second reading)
    again = xbrl_schedule.build(found.facts, vocabulary, shows)
    return Tagged(found.facts, again, again.schedule) if again.schedule is not None else found


def table_findings(schedule: Schedule, ruleset: RuleSet, only: Only,
                   found: Optional[Tagged]) -> tuple[list[Finding], Tags, Schedule]:
    """The findings of a printed table, with its tags checked; the tags; and the
    table as checked (each tagged figure read as printed)."""
    tags: Tags = tagged.match(schedule, found.facts, ruleset) if found else {}
    if found:  # (facts in ix:hidden, their print untagged: paired by row, beside those printed in place)
        tags = {**tags, **unlinked.tags(schedule, found, ruleset, tags)}
    ruleset = _on_axis(ruleset, found)
    schedule = _as_printed(schedule, tags)
    findings = engine.evaluate(schedule, ruleset, only, tags)
    if not tags:
        return findings, tags, schedule
    disputed = {(f.location.line, f.location.column) for f in findings if f.check in TAGGED}
    at = {(c.line, c.column): t for (p, r, k), t in tags.items()
          for c in (schedule.periods[p].rows[r].cells[k],) if c is not None}  # (a tag is on a printed figure)
    out = []
    for f in findings:
        here = (f.location.line, f.location.column)
        if f.check not in TAGGED and here in at and here not in disputed \
                and f.severity != "info":
            f = replace(f, message=f"{f.message} (the inline XBRL fact tagged on this figure agrees with it: "
                                   f"table and tag give the same value)")
        out.append(f)
    return out, tags, schedule


def _on_axis(ruleset: RuleSet, found: Optional[Tagged]) -> RuleSet:
    """The rules with the document's reserve axes (a filer's own axis where its
    members carry the schedule, or several: `axis`), which the checks of members read."""
    if found is None or ruleset.xbrl is None or found.reading.axes in ((), ruleset.xbrl.axes):
        return ruleset
    axis, *others = found.reading.axes
    return ruleset._replace(xbrl=ruleset.xbrl._replace(axis=axis, others=tuple(others)))


def _as_printed(schedule: Schedule, tags: Tags) -> Schedule:
    """The table with each tagged figure read from its print alone: the HTML
    front end reads a figure's digits by its tag's `format` (a comma-decimal
    print, "1.200,5"), but where the tag is checked against the print, the
    print must speak alone."""
    changed: dict[tuple[int, int, int], Cell] = {}
    for (p, r, k), tag in tags.items():
        cell = schedule.periods[p].rows[r].cells[k]
        if cell is None:
            continue  # (a tag is on a printed figure: never so)
        value = tagged.printed(cell)
        if cell.value is not None and value != cell.value:
            changed[(p, r, k)] = replace(cell, value=value)
    if not changed:
        return schedule
    periods = tuple(replace(period, rows=tuple(
        replace(row, cells=tuple(changed.get((p, r, k), c) for k, c in enumerate(row.cells)))
        for r, row in enumerate(period.rows))) for p, period in enumerate(schedule.periods))
    return reading.conventions(replace(schedule, periods=periods))


def facts_findings(found: Tagged, ruleset: RuleSet, only: Only, printed: list[Printed],
                   unread: str = "") -> list[Finding]:
    """The facts' own findings, without those the table's checks already make.
    `printed`: (tags, findings, schedule) of each printed table read."""
    schedule = found.schedule
    ruleset = _on_axis(ruleset, found)
    shown = {(t.element.line, t.element.column) for tags, _, _ in printed for t in tags.values()}
    # Facts a tagged_* finding of the table is about (its element is related).
    disputed = {(p.line, p.column) for _, findings, _ in printed for f in findings
                if f.check in TAGGED for p in f.related}
    assert ruleset.xbrl is not None  # (facts are read only where the rules file names their family)
    missing = _untagged_rows(schedule, _unreadable(found.reading, ruleset.xbrl.axes))
    placed = {(c.line, c.column) for p in schedule.periods for r in p.rows for c in r.cells if c is not None}
    conflicts = _conflict_findings(found, ruleset, only, _printed_periods(printed))
    placed |= {(f.location.line, f.location.column) for f in conflicts}
    out = []
    for f in conflicts + engine.evaluate(schedule, ruleset, only, unread=unread):
        if f.check == "table_unread":
            out.append(f)
            continue
        if f in conflicts:
            # A printed figure whose tag names another printed figure's period and
            # member: the table's check says so where its row disagrees; where the
            # whole row is tagged alike (a row tagged with last year's contexts), only this does.
            if (f.location.line, f.location.column) not in disputed:
                out.append(f)
            continue
        read = [(p.line, p.column) for p in (f.location, *f.related) if (p.line, p.column) in placed]
        if shown and all(p in shown for p in read):
            continue  # every fact it reads is printed: the table's checks speak for it
        # (two facts that contradict each other need no other fact to settle it)
        absent = _unsettled(f, missing) if f.severity == "error" and f not in conflicts else None
        if absent:
            f = replace(f, severity="warning", message=f"{f.message} (the facts cannot settle it: {absent})")
        out.append(f)
    return out


def _printed_periods(printed: list[Printed]) -> dict[int, tuple[Period, Optional[Effect]]]:
    """id of each printed fact -> (the period the table prints it in, its column's effect)."""
    return {id(tag.fact): (schedule.periods[p], schedule.columns[k].effect)
            for tags, _, schedule in printed for (p, r, k), tag in tags.items()}


def _printed_in(fact: xbrl_facts.Fact, periods: dict[int, tuple[Period, Optional[Effect]]]) -> Optional[bool]:
    """Whether the table prints the fact in its own period: True, False, or None
    (not printed, or the table gives no date).  A year of 52 or 53 weeks ends on
    varying days: a week either way is the same year end."""
    where = periods.get(id(fact))
    if where is None:
        return None
    (period, effect), ctx = where, fact.context
    if effect in ("opening", "adjusted"):  # the instant a year before the period's end (an adjusted balance's too)
        if period.end_date is not None:
            return abs((period.end_date - ctx.end).days - 365) <= 8
        return period.fiscal_year - 1 == ctx.end.year if period.fiscal_year else None
    if period.end_date is not None:
        return abs((period.end_date - ctx.end).days) <= 7
    return period.fiscal_year == ctx.end.year if period.fiscal_year else None


def _conflict_findings(found: Tagged, ruleset: RuleSet, only: Only,
                       printed_periods: Optional[dict[int, tuple[Period, Optional[Effect]]]] = None) -> list[Finding]:
    """A fact tagged for the period and member of another fact of its concept, with
    another value (one of them is misplaced: the one not printed with the rest
    of the row): a tagged_context finding at its element."""
    rules = [r for r in ruleset.rules if r.evaluator == "tagged_context" and (only is None or only(r))]
    reading = found.reading
    if not rules or not reading.conflicts:
        return []
    shown_at = {id(f): key for key, f in reading.cells.items()}
    schedule = found.schedule
    out = []
    for odd, shown in reading.conflicts:
        p, r, k = shown_at[id(shown)]
        if printed_periods and _printed_in(shown, printed_periods) and _printed_in(odd, printed_periods):
            # Both printed where their tags say (a closing balance and the next year's opening, printed
            # unequal): the table's carry-forward check speaks for them; neither tag is misplaced.
            continue
        if printed_periods and _printed_in(shown, printed_periods) is False and _printed_in(odd, printed_periods):
            # The table prints the shown one under another period than its tag, the other under its own.
            odd, shown = shown, odd
        period, row, column = schedule.periods[p], schedule.periods[p].rows[r], schedule.columns[k]
        value, other = (None if f.value is None else f.value.scaleb(-reading.exponent) for f in (odd, shown))
        there = Position(*found.facts.position(shown.start))
        reason = (f"{period.label}, member {row.label!r} has another fact of this concept at "
                  f"{there.line}:{there.column} with {engine.amount_text(other)}; this one says "
                  f"{engine.amount_text(value)}")
        fields = dict(engine._FIELDS, row=row.label, period=period.label, column=column.role,
                      heading=column.heading, fact=tagged.fact_name(odd), reason=reason,
                      actual=engine.amount_text(value), expected=engine.amount_text(other))
        for rule in rules:
            out.append(Finding(rule.id, rule.check, rule.severity, rule.message.format_map(fields), period.label,
                               row.label, column.role, value, other, None, Position(*found.facts.position(odd.start)),
                               (there,), "xbrl"))
    return out


def _unreadable(reading: xbrl_schedule.Reading, axis: tuple[str, ...]) -> dict[tuple[str, str, str], str]:
    """(period label, row label, concept) -> why the fact tagged there was not read."""
    found: dict[tuple[str, str, str], str] = {}
    for fact, why in reading.unread:
        ctx = fact.context
        if ctx.start is not None:
            key = (xbrl_schedule.period_label(ctx.start, ctx.end), xbrl_schedule.member_label(ctx.member(axis)), fact.concept)
            found.setdefault(key, f"{tagged.fact_name(fact)} is not read: {why}")
    return found


def _untagged_rows(schedule: Schedule, unreadable: dict[tuple[str, str, str], str]) -> dict[tuple[Optional[str], ...], str]:
    """What a check may read but no fact gives: (period, row), (period, column
    role) and (row,) -> what is missing there (the first such concept, and why)."""
    found: dict[tuple[Optional[str], ...], str] = {}
    for period in schedule.periods:
        for row in period.rows:
            for column, cell in zip(schedule.columns, row.cells):
                if cell is None:
                    why = unreadable.get((period.label, row.label, column.heading),
                                         f"{column.heading} is not tagged everywhere it reads")
                    for key in ((period.label, row.label), (period.label, column.role), (row.label,)):
                        found.setdefault(key, why)
    return found


def _unsettled(f: Finding, missing: dict[tuple[Optional[str], ...], str]) -> Optional[str]:
    """The concept a failed check needed and no fact tags, or None."""
    keys: list[tuple[Optional[str], ...]] = [(f.period, f.row), (f.period, f.column)]
    if f.check == "carry_forward":
        keys.append((f.row,))
    return next((missing[k] for k in keys if k in missing), None)


def unread_finding(findings: list[Finding], line: int) -> list[Finding]:
    """The table_unread warning placed at the table that could not be read."""
    return [replace(f, location=replace(f.location, line=line or f.location.line, column=1))
            if f.check == "table_unread" else f for f in findings]


__all__ = ["read", "in_schedule", "table_findings", "facts_findings", "Finding"]

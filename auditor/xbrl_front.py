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
from typing import NamedTuple, Optional

from . import engine, roles, tagged, xbrl_facts, xbrl_schedule
from .model import Finding


class Tagged(NamedTuple):
    facts: xbrl_facts.Facts
    reading: xbrl_schedule.Reading


def read(src, ruleset) -> Optional[Tagged]:
    """The document's Schedule II facts, or None where it tags none."""
    if ruleset.xbrl is None or not xbrl_facts.tagged(src):
        return None
    facts = xbrl_facts.read(src, ruleset.xbrl.family)
    if not facts.facts:
        return None
    return Tagged(facts, xbrl_schedule.build(facts, ruleset))


def table_findings(schedule, ruleset, only, found: Optional[Tagged]) -> tuple:
    """The findings of a printed table, with its tags checked; and the tags."""
    tags = tagged.match(schedule, found.facts, ruleset) if found else {}
    schedule = _as_printed(schedule, tags)
    findings = engine.evaluate(schedule, ruleset, only, tags)
    if not tags:
        return findings, tags
    disputed = {(f.location.line, f.location.column) for f in findings if f.check in ("tagged_value", "tagged_context")}
    at = {(c.line, c.column): t for (p, r, k), t in tags.items()
          for c in (schedule.periods[p].rows[r].cells[k],)}
    out = []
    for f in findings:
        here = (f.location.line, f.location.column)
        if f.check not in ("tagged_value", "tagged_context") and here in at and here not in disputed \
                and f.severity != "info":
            f = replace(f, message=f"{f.message} (the inline XBRL fact tagged on this figure agrees with it: "
                                   f"table and tag give the same value)")
        out.append(f)
    return out, tags


def _as_printed(schedule, tags: dict):
    """The table with each tagged figure read as printed: the HTML front end
    lets a `sign="-"` make a figure negative whatever its print shows, but
    where the tag is checked against the print, the print must speak alone."""
    changed = {}
    for (p, r, k), tag in tags.items():
        cell = schedule.periods[p].rows[r].cells[k]
        value = tagged.printed(cell)
        if cell.value is not None and value != cell.value:
            changed[(p, r, k)] = replace(cell, value=value)
    if not changed:
        return schedule
    periods = tuple(replace(period, rows=tuple(
        replace(row, cells=tuple(changed.get((p, r, k), c) for k, c in enumerate(row.cells)))
        for r, row in enumerate(period.rows))) for p, period in enumerate(schedule.periods))
    return roles.conventions(replace(schedule, periods=periods))


def facts_findings(found: Tagged, ruleset, only, printed_tags: list, unread: str = "") -> list:
    """The facts' own findings, without those the table's checks already make."""
    schedule = found.reading.schedule
    if schedule is None:
        return []
    shown = {(t.element.line, t.element.column) for tags in printed_tags for t in tags.values()}
    missing = _untagged_rows(schedule)
    placed = {(c.line, c.column) for p in schedule.periods for r in p.rows for c in r.cells if c is not None}
    out = []
    for f in engine.evaluate(schedule, ruleset, only, unread=unread):
        if f.check == "table_unread":
            out.append(f)
            continue
        read = [(p.line, p.column) for p in (f.location, *f.related) if (p.line, p.column) in placed]
        if shown and all(p in shown for p in read):
            continue  # every fact it reads is printed: the table's checks speak for it
        if f.severity == "error" and (f.period, f.row) in missing:
            f = replace(f, severity="warning", message=f"{f.message} (the facts cannot settle it: "
                                                       f"{missing[(f.period, f.row)]} is not tagged)")
        out.append(f)
    return out


def _untagged_rows(schedule) -> dict:
    """(period label, row label) -> the first column a row has no fact for."""
    found = {}
    for period in schedule.periods:
        for row in period.rows:
            blank = [c.heading for c, cell in zip(schedule.columns, row.cells) if cell is None]
            if blank:
                found[(period.label, row.label)] = blank[0]
    return found


def unread_finding(findings: list, line: int) -> list:
    """The table_unread warning placed at the table that could not be read."""
    return [replace(f, location=replace(f.location, line=line or f.location.line, column=1))
            if f.check == "table_unread" else f for f in findings]


__all__ = ["read", "table_findings", "facts_findings", "Finding"]

"""A loaded rules file: the roles it names columns with and the rules it checks.

Immutable named tuples, built once by `auditor.ruleset.rules.load`.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Optional

from auditor.model import Effect, Severity
from auditor.ruleset import formula as fm
from auditor.ruleset.nodes import Tolerance
from auditor.ruleset.patterns import Pattern
from auditor.ruleset.table import Scope

Place = Literal["first", "last"]  # a role read by its place among alike headings


class RoleSpec(NamedTuple):
    role: str
    effect: Effect
    patterns: tuple[Pattern, ...]  # on headings
    position: Optional[Place] = None
    elements: tuple[Pattern, ...] = ()  # on inline XBRL concept names (local part)


class XbrlVocabulary(NamedTuple):
    """Which inline XBRL facts are Schedule II's (the `xbrl` section)."""

    family: Pattern  # on a concept's local name
    axis: str  # the local name of the dimension whose members are the reserves
    others: tuple[str, ...] = ()  # a document's further reserve axes (set per document, never by the rules file)
    # Concepts read as the family's only where tagged with a member of a reserve axis (a
    # schedule's row): us-gaap's receivable allowance roll-forward, which a balance sheet tags too.
    on_axis: Optional[Pattern] = None

    @property
    def axes(self) -> tuple[str, ...]:
        """Every axis whose members are reserves: a filer may tag some on one, others on another."""
        return (self.axis, *self.others)


class Rule(NamedTuple):
    id: str
    check: str  # the kind of check, as findings report it
    severity: Severity
    message: str
    name: str = ""
    description: str = ""
    tolerance: Optional[Tolerance] = None  # None: the file's
    formula: Optional[fm.Formula] = None
    evaluator: str = "formula"
    scope: Scope = Scope()
    origin: str = ""  # path:line where the rule (or its last override) is written


class RuleSet(NamedTuple):
    path: str
    roles: tuple[RoleSpec, ...]  # in matching order
    rules: tuple[Rule, ...]
    tolerance: Tolerance
    files: tuple[str, ...] = ()  # this file and the files it extends, base last
    xbrl: Optional[XbrlVocabulary] = None  # None: inline XBRL facts are not read

    def effect(self, role: str) -> Optional[Effect]:
        return next((r.effect for r in self.roles if r.role == role), None)

    def rule(self, key: str) -> Optional[Rule]:
        return next((r for r in self.rules if key in (r.id, r.name)), None)

    def with_severity(self, overrides: dict[str, Severity]) -> RuleSet:
        """The same rules with some severities changed (id -> level)."""
        rules = tuple(r._replace(severity=overrides.get(r.id, r.severity)) for r in self.rules)
        return self._replace(rules=rules)

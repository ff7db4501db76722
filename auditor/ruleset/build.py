"""The rule set from its files: each rule merged field by field over the
rule of the same id in the file it extends, then checked and built (formula
compiled, scope patterns compiled, message placeholders known)."""

from __future__ import annotations

import math
import string
from decimal import Decimal
from typing import Any, NamedTuple, Optional, Protocol, Union

from auditor.ruleset import formula as fm
from auditor.ruleset.layers import Keys, Layer, is_bundled_default, node_at
from auditor.ruleset.model import Rule, RuleSet, Tolerance
from auditor.ruleset.patterns import Pattern, PatternError, compile_pattern
from auditor.ruleset.problems import Mark, Problems
from auditor.ruleset.roles import roles as read_roles, xbrl
from auditor.ruleset.table import Scope


def build(layers: list[Layer], problems: Problems) -> RuleSet:
    roles = read_roles(layers, problems)
    names = {r.role for r in roles}
    rules = [_rule(entries, names, problems) for entries in _merged_rules(layers, problems)]
    given = [l for l in layers if "tolerance" in l.data]
    tolerance: Tolerance = "rounding"
    if given and not _finite(given[0].data["tolerance"]):
        problems.add(given[0].path, given[0].mark(["tolerance"]), NOT_FINITE)
    elif given:
        tolerance = _tolerance(given[0].data["tolerance"])
    return RuleSet(layers[0].path, tuple(roles), tuple(r for r in rules if r is not None), tolerance,
                   tuple(l.path for l in layers), xbrl(layers, problems))


class _Field(NamedTuple):
    """A field of a rule, and where it is written."""

    value: Any  # as the YAML gives it
    layer: Layer
    keys: Keys

    @property
    def mark(self) -> Optional[Mark]:
        return self.layer.mark(self.keys)


class _Marked(NamedTuple):
    """A field's problem marked at a character inside it (a formula's)."""

    field: _Field
    mark: Mark

    @property
    def layer(self) -> Layer:
        return self.field.layer


class _Problem(Protocol):
    """Records a problem of the rule being built, at a field."""

    def __call__(self, fld: Union[_Field, _Marked], message: str, caret: Optional[str] = None) -> None: ...


_Entries = dict[str, _Field]


def _merged_rules(layers: list[Layer], problems: Problems) -> list[_Entries]:
    """Each rule as {field: _Field}: the base file's rules in order, each
    overlaid field by field by the files that extend it; new rules after."""
    merged: dict[str, _Entries] = {}
    for layer in reversed(layers):
        seen: dict[str, int] = {}
        for i, spec in layer.usable("rules"):
            rid = spec["id"]
            if rid in seen:
                problems.add(layer.path, layer.mark(["rules", i, "id"]),
                             f"rule {rid!r}: duplicate id (first at rule #{seen[rid] + 1})")
                continue
            seen[rid] = i
            entry = merged.setdefault(rid, {"_new": _Field(len(layers) > 1 and layer is not layers[-1], layer,
                                                            ["rules", i, "id"])})
            for name, val in spec.items():
                entry[name] = _Field(val, layer, ["rules", i, name])
    return list(merged.values())


def _rule(entries: _Entries, roles: set[str], problems: Problems) -> Optional[Rule]:
    from auditor.ruleset.checks import EVALUATORS
    from auditor.ruleset.engine import MESSAGE_FIELDS

    rid = entries["id"].value
    here = entries["id"]

    def problem(fld: Union[_Field, _Marked], message: str, caret: Optional[str] = None) -> None:
        problems.add(fld.layer.path, fld.mark, f"rule {rid!r}: {message}", caret)

    missing = [f for f in ("severity", "message") if f not in entries]
    if "check" not in entries and "formula" not in entries:
        missing.insert(0, "formula (or check)")
    if missing:
        why = "a new rule needs" if not entries["_new"].value else "no rule of that id to override, and a new rule needs"
        problem(here, f"{why} {', '.join(missing)}")
        return None
    check = entries.get("check")
    kind = check.value if check else "formula"
    evaluator = "formula" if "formula" in entries else kind
    if evaluator not in EVALUATORS:
        known = ", ".join(sorted(EVALUATORS))
        problem(check or here, f"unknown check {kind!r}{fm.suggest(kind, EVALUATORS)}: give a 'formula', "
                               f"or name an evaluator ({known})")
        return None
    if check is not None and "formula" in entries and kind in EVALUATORS and kind != "formula":
        problem(check, f"check {kind!r} is an evaluator of its own and takes no formula")
        return None
    scope = _scope(entries.get("applies_to"), roles, problem)
    compiled = None
    if "formula" in entries:
        compiled = _formula(entries["formula"], roles, scope.columns is not None, problem)
    _template(entries["message"], MESSAGE_FIELDS, problem)
    tolerance = entries.get("tolerance")
    if tolerance and not _finite(tolerance.value):
        problem(tolerance, NOT_FINITE)
    mark = here.mark
    return Rule(
        id=rid, check=kind, severity=entries["severity"].value, message=entries["message"].value,
        name=entries["name"].value if "name" in entries else "",
        description=" ".join(entries["description"].value.split()) if "description" in entries else "",
        tolerance=_tolerance(tolerance.value) if tolerance else None,
        formula=compiled, evaluator=evaluator, scope=scope,
        origin=f"{here.layer.path}:{mark.line + 1}" if mark is not None else here.layer.path,
    )


def _formula(fld: _Field, roles: set[str], per_column: bool, problem: _Problem) -> Optional[fm.Formula]:
    text = fld.value if "\n" not in fld.value.strip() else " ".join(fld.value.split())
    try:
        return fm.compile(text.strip(), roles, per_column)
    except fm.FormulaError as exc:
        node = node_at(fld.layer.node, fld.keys)
        mark = node.start_mark
        if "\n" not in fld.value.strip() and node.style in (None, "", "'", '"'):
            offset = (1 if node.style in ("'", '"') else 0) + exc.column - 1
            from yaml import Mark as YamlMark

            mark = YamlMark(mark.name, mark.index + offset, mark.line, mark.column + offset, None, None)
        problem(_Marked(fld, mark), f"formula: {exc.message}", exc.caret())
        return None


def _scope(fld: Optional[_Field], roles: set[str], problem: _Problem) -> Scope:
    if fld is None:
        return Scope()
    spec = fld.value
    compiled: dict[str, Pattern] = {}
    for key in ("label", "period"):
        if key in spec:
            try:
                compiled[key] = compile_pattern(spec[key], is_bundled_default(fld.layer.path))
            except PatternError as exc:
                problem(_Field(spec[key], fld.layer, fld.keys + [key]), f"applies_to: bad {key} pattern: {exc}")
    columns = spec.get("columns")
    if columns == "all":
        columns = ("*",)
    elif columns is not None:
        for i, role in enumerate(columns):
            if role not in roles:
                problem(_Field(role, fld.layer, fld.keys + ["columns", i]),
                        f"applies_to: unknown role {role!r}{fm.suggest(role, roles)}")
        columns = tuple(columns)
    return Scope(rows=spec.get("rows", "all"), periods=spec.get("periods", "all"), columns=columns,
                 label=compiled.get("label"), period=compiled.get("period"))


# (YAML reads .inf, .nan and 1e999 as floats the schema's "number >= 0" lets through)
NOT_FINITE = "tolerance: not a finite amount (write 'rounding', 0, or an amount such as 1)"


def _finite(value: Union[str, int, float]) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _tolerance(value: Union[str, int, float]) -> Tolerance:
    """`value`: "rounding" or an amount, as the schema allows."""
    return "rounding" if value == "rounding" else Decimal(str(value))


def _template(fld: _Field, known: frozenset[str], problem: _Problem) -> None:
    """Message templates name plain fields only: no attribute or index access."""
    try:
        parts = list(string.Formatter().parse(fld.value))
    except ValueError as exc:
        problem(fld, f"field 'message': {exc}")
        return
    for _, name, spec, conversion in parts:
        if name is not None and name not in known:
            hint = fm.suggest(name, known)
            problem(fld, f"field 'message': unknown placeholder {{{name}}}{hint} (known: {', '.join(sorted(known))})")
        elif name is not None and (spec or conversion):
            # Every field is text already (amounts as printed): a format spec could only fail.
            problem(fld, f"field 'message': placeholder {{{name}}} takes no format spec or conversion; write {{{name}}}")

"""The vocabulary of a rules file: its roles (what a column heading or an
inline XBRL concept name means) and its `xbrl` section, patterns compiled."""

from __future__ import annotations

from typing import Any, Optional

from auditor.ruleset import formula as fm
from auditor.ruleset.layers import Layer, is_bundled_default
from auditor.ruleset.model import RoleSpec, XbrlVocabulary
from auditor.ruleset.patterns import Pattern, PatternError, compile_pattern
from auditor.ruleset.problems import Problems


def roles(layers: list[Layer], problems: Problems) -> list[RoleSpec]:
    """A file's own roles are tried before those of the file it extends; a
    role it redeclares replaces the inherited one."""
    specs, seen = [], set()
    for layer in layers:
        for i, spec in layer.usable("roles"):
            if spec["role"] in seen:
                continue
            seen.add(spec["role"])
            _reserved(layer, i, spec, problems)
            specs.append(_role(layer, i, spec, problems))
    return specs


def _reserved(layer: Layer, i: int, spec: dict[str, Any], problems: Problems) -> None:
    """Prefixes and `cell` are no roles; a role named like an aggregate
    (`deductions`, `additions`) is part of it, so it has its effect."""
    name, where = spec["role"], layer.mark(["roles", i, "role"])
    if name in fm.ROW_SCOPES + fm.SET_SCOPES + (fm.CELL,):
        problems.add(layer.path, where, f"role {name!r}: the name is reserved for formulas")
    effect = fm.AGGREGATES.get(name)
    if effect and spec["effect"] != effect:
        problems.add(layer.path, where, f"role {name!r}: effect must be {effect!r}: in formulas "
                                        f"{name!r} is every column whose effect is {effect!r}")


def _role(layer: Layer, i: int, spec: dict[str, Any], problems: Problems) -> RoleSpec:
    trusted = is_bundled_default(layer.path)
    patterns: list[Pattern] = []
    for j, pattern in enumerate(spec["patterns"]):
        try:
            patterns.append(compile_pattern(pattern, trusted))
        except PatternError as exc:
            problems.add(layer.path, layer.mark(["roles", i, "patterns", j]),
                         f"role {spec['role']!r}: bad pattern {pattern!r}: {exc}")
    elements: list[Pattern] = []
    for j, pattern in enumerate(spec.get("elements", ())):
        try:
            elements.append(compile_pattern(pattern, trusted, ignore_case=False))
        except PatternError as exc:
            problems.add(layer.path, layer.mark(["roles", i, "elements", j]),
                         f"role {spec['role']!r}: bad element pattern {pattern!r}: {exc}")
    return RoleSpec(spec["role"], spec["effect"], tuple(patterns), spec.get("position"), tuple(elements))


def xbrl(layers: list[Layer], problems: Problems) -> Optional[XbrlVocabulary]:
    """The nearest file's `xbrl` section, whole (a file that sets one replaces the base's)."""
    layer = next((l for l in layers if isinstance(l.data.get("xbrl"), dict)), None)
    if layer is None:
        return None
    spec = layer.data["xbrl"]
    try:
        family = compile_pattern(spec.get("family", ""), is_bundled_default(layer.path), ignore_case=False)
    except PatternError as exc:
        problems.add(layer.path, layer.mark(["xbrl", "family"]), f"xbrl: bad family pattern: {exc}")
        return None
    on_axis = None
    if spec.get("on_axis"):
        try:
            on_axis = compile_pattern(spec["on_axis"], is_bundled_default(layer.path), ignore_case=False)
        except PatternError as exc:
            problems.add(layer.path, layer.mark(["xbrl", "on_axis"]), f"xbrl: bad on_axis pattern: {exc}")
    return XbrlVocabulary(family, spec.get("axis", ""), on_axis=on_axis)

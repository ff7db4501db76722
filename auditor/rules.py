"""Load a rules file: YAML (safe loader) validated by the shipped JSON Schema.

Every problem is an `InputError` that names the file, the line and column
of the offending YAML node, the rule and the field.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import InputError

DEFAULT = "default"
MESSAGE_FIELDS = frozenset(
    "row period column actual expected difference formula convention previous_period "
    "sign table_sign rule severity heading".split()
)


@dataclass(frozen=True)
class RoleSpec:
    role: str
    effect: str  # opening, closing, add, subtract
    patterns: tuple  # compiled regular expressions
    position: str = None  # first, last


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    severity: str
    message: str
    name: str = ""
    description: str = ""
    tolerance: object = None  # None: the file's


@dataclass(frozen=True)
class RuleSet:
    path: str
    roles: tuple  # RoleSpec, in matching order
    rules: tuple  # Rule
    tolerance: object  # "rounding" or Decimal

    def effect(self, role: str) -> str:
        return next((r.effect for r in self.roles if r.role == role), None)


def default_path() -> str:
    return str(resources.files("auditor").joinpath("rules/default.yaml"))


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(resources.files("auditor").joinpath("schemas/rules.schema.json").read_text("utf-8"))


def load(path: str = None) -> RuleSet:
    path = path or default_path()
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read rules file: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise InputError("rules file is not UTF-8 text", path) from None
    return loads(text, path)


def loads(text: str, path: str = "<rules>") -> RuleSet:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _error(path, mark, f"not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise _error(path, node and node.start_mark, "a rules file is a mapping with a 'rules' list")
    _validate(data, node, path)
    return _build(data, node, path)


def _error(path, mark, message) -> InputError:
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
    err = InputError(message, where)
    return err


def _node_at(node, keys):
    """The YAML node at a JSON path, for its line and column."""
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
            if nxt is None:
                # An unknown key: point at the key itself.
                return next((k for k, v in node.value if k.value == key), node)
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node


def _rule_name(data, keys) -> str:
    if len(keys) >= 2 and keys[0] == "rules" and isinstance(keys[1], int):
        rule = data["rules"][keys[1]]
        if isinstance(rule, dict) and "id" in rule:
            return f"rule {rule['id']!r}: "
        return f"rule #{keys[1] + 1}: "
    if len(keys) >= 2 and keys[0] == "roles" and isinstance(keys[1], int):
        role = data["roles"][keys[1]]
        if isinstance(role, dict) and "role" in role:
            return f"role {role['role']!r}: "
    return ""


def _validate(data, node, path):
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    err = jsonschema.exceptions.best_match(errors)
    keys = list(err.absolute_path)
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        keys = keys + extra[:1]
        message = f"unknown field {extra[0]!r}" if extra else err.message
    elif err.validator == "required":
        message = err.message.replace("is a required property", "is required")
    else:
        field = keys[-1] if keys and isinstance(keys[-1], str) else None
        message = f"field {field!r}: {err.message}" if field else err.message
    mark = _node_at(node, keys).start_mark
    raise _error(path, mark, _rule_name(data, keys) + message)


def _build(data, node, path) -> RuleSet:
    from .checks import CHECKS

    roles = []
    for i, spec in enumerate(data.get("roles", ())):
        patterns = []
        for j, pattern in enumerate(spec["patterns"]):
            try:
                patterns.append(re.compile(pattern, re.IGNORECASE))
            except re.error as exc:
                mark = _node_at(node, ["roles", i, "patterns", j]).start_mark
                raise _error(path, mark, f"role {spec['role']!r}: bad pattern {pattern!r}: {exc}") from None
        roles.append(RoleSpec(spec["role"], spec["effect"], tuple(patterns), spec.get("position")))
    rules, seen = [], {}
    for i, spec in enumerate(data["rules"]):
        where = lambda field: _node_at(node, ["rules", i, field]).start_mark  # noqa: E731
        if spec["id"] in seen:
            raise _error(path, where("id"), f"rule {spec['id']!r}: duplicate id (first at rule #{seen[spec['id']] + 1})")
        seen[spec["id"]] = i
        if spec["check"] not in CHECKS:
            known = ", ".join(sorted(CHECKS))
            raise _error(path, where("check"), f"rule {spec['id']!r}: unknown check {spec['check']!r} (known: {known})")
        _check_template(spec, path, where("message"))
        rules.append(
            Rule(
                id=spec["id"],
                check=spec["check"],
                severity=spec["severity"],
                message=spec["message"],
                name=spec.get("name", ""),
                description=" ".join(spec.get("description", "").split()),
                tolerance=_tolerance(spec.get("tolerance")),
            )
        )
    return RuleSet(path, tuple(roles), tuple(rules), _tolerance(data.get("tolerance", "rounding")))


def _tolerance(value):
    if value is None or value == "rounding":
        return value
    return Decimal(str(value))


def _check_template(spec, path, mark):
    """Message templates name plain fields only: no attribute or index access."""
    try:
        parts = list(string.Formatter().parse(spec["message"]))
    except ValueError as exc:
        raise _error(path, mark, f"rule {spec['id']!r}: field 'message': {exc}") from None
    for _, field, _, _ in parts:
        if field is not None and field not in MESSAGE_FIELDS:
            known = ", ".join(sorted(MESSAGE_FIELDS))
            raise _error(path, mark, f"rule {spec['id']!r}: field 'message': unknown placeholder {{{field}}} (known: {known})")

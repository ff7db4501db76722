"""A user's rules file against the shipped JSON Schema, each problem worded
for the person who wrote the file (the rule or role it is in, the field, a
suggestion for a misspelt name) and marked where the YAML writes it."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from auditor.package_data import PACKAGE
from auditor.ruleset.formula import suggest
from auditor.ruleset.problems import Problems

if TYPE_CHECKING:
    from auditor.ruleset.layers import Data, Keys, Layer


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((PACKAGE / "schemas" / "rules.schema.json").read_text("utf-8"))
    return schema


def validate(layer: Layer, problems: Problems) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    for err in sorted(validator.iter_errors(layer.data), key=lambda e: [str(k) for k in e.absolute_path]):
        keys: Keys = list(err.absolute_path)
        message = _message(err, keys)
        unknown = err.validator == "additionalProperties"
        if unknown:
            keys += sorted(set(err.instance) - set(err.schema.get("properties", {})), key=str)[:1]
        problems.add(layer.path, layer.mark(keys, key=unknown), _who(layer.data, keys) + message)
        whole = len(keys) < 2 or keys[0] not in ("rules", "roles") or unknown and len(keys) < 3
        layer.broken.add(() if whole else tuple(keys[:2]))


def _who(data: Data, keys: Keys) -> str:
    """`rule 'VQ001': ` for a problem inside a rule, `role 'x': ` inside a role."""
    if len(keys) >= 2 and keys[0] in ("rules", "roles") and isinstance(keys[1], int):
        section, index = str(keys[0]), keys[1]
        item = data[section][index]
        name = "id" if section == "rules" else "role"
        if isinstance(item, dict) and isinstance(item.get(name), str):
            return f"{section[:-1]} {item[name]!r}: "
        return f"{section[:-1]} #{index + 1}: "
    return ""


def _message(err: Any, keys: Keys) -> str:
    """`err`: a jsonschema ValidationError (jsonschema publishes no types here)."""
    field_name = next((k for k in reversed(keys) if isinstance(k, str)), None)
    if err.validator == "additionalProperties":
        known = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(known), key=str)  # YAML keys need not be strings
        if extra and not isinstance(extra[0], str):
            return f"a field needs a name, not {'null' if extra[0] is None else repr(extra[0])}"
        if extra:
            return f"unknown field {extra[0]!r}{suggest(extra[0], known)}"
    if err.validator == "required":
        return str(err.message).replace("is a required property", "is required")
    if err.validator == "enum":
        allowed = ", ".join(map(str, err.validator_value))
        return f"field {field_name!r}: {err.instance!r} is not one of {allowed}"
    if err.validator in ("oneOf", "anyOf"):
        return f"field {field_name!r}: {err.instance!r} is not {err.schema.get('title', 'valid here')}"
    return f"field {field_name!r}: {err.message}" if field_name else str(err.message)

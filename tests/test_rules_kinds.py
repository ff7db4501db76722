"""The kinds the model names as Literal types are the words the shipped JSON
Schemas allow: a word added to one and not the other fails here."""

import json
from typing import get_args

import pytest

from auditor import model
from auditor.package_data import PACKAGE
from auditor.ruleset import model as rules_model
from auditor.ruleset import table


def _enum(schema: str, *path: str) -> list:
    node = json.loads((PACKAGE / "schemas" / schema).read_text("utf-8"))
    for key in path:
        node = node[key]
    return node["enum"]


RULES = ("rules.schema.json",)
FINDINGS = ("findings.schema.json", "$defs")


@pytest.mark.parametrize("kind, where", [
    (model.Severity, RULES + ("$defs", "rule", "properties", "severity")),
    (model.Severity, FINDINGS + ("finding", "properties", "severity")),
    (model.Effect, RULES + ("properties", "roles", "items", "properties", "effect")),
    (model.Effect, FINDINGS + ("schedule", "properties", "reading", "properties", "columns", "items",
                               "properties", "effect")),
    (model.Effect, FINDINGS + ("schedule", "properties", "reading", "properties", "columns", "items",
                               "properties", "sign")),
    (model.RowKind, FINDINGS + ("printed_row", "properties", "kind")),
    (model.Deductions, FINDINGS + ("schedule", "properties", "conventions", "properties", "deductions")),
    (rules_model.Place, RULES + ("properties", "roles", "items", "properties", "position")),
    (table.ScopeRows, RULES + ("$defs", "rule", "properties", "applies_to", "properties", "rows")),
    (table.ScopePeriods, RULES + ("$defs", "rule", "properties", "applies_to", "properties", "periods")),
], ids=lambda v: "/".join(v[-3:]) if isinstance(v, tuple) else None)
def test_a_kind_is_the_words_the_schema_allows(kind, where):
    assert set(get_args(kind)) == set(_enum(*where))


def test_severity_words():
    assert model.SEVERITIES == ("error", "warning", "info")
    assert [model.as_severity(w) for w in ("error", "warning", "info", "fatal", "")] == \
        ["error", "warning", "info", None, None]
    assert sorted(model.SEVERITIES, key=model.SEVERITY_RANK.__getitem__) == ["info", "warning", "error"]

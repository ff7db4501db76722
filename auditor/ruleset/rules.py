"""Load a rules file: YAML (safe loader), validated by the shipped JSON Schema,
merged over the file it `extends`, formulas compiled once.

Every problem names the file, the line and column of the offending YAML
node, the rule and the field.  `load` raises a `RulesError` carrying every
problem found, not just the first, so `auditor rules validate` can list them
all.

The work is done in `layers` (reading, extending, the YAML), `schema` (the
schema's problems, worded), `roles` (the vocabulary) and `build` (the
rules); the rule set's types are in `auditor.ruleset.model`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from auditor.errors import InputError
from auditor.ruleset.build import build
from auditor.ruleset.layers import DEFAULT, Layer, default_path, layers, parse, with_parents
from auditor.ruleset.model import RoleSpec, Rule, RuleSet, Tolerance, XbrlVocabulary
from auditor.ruleset.problems import Problems, RulesError


def load(path: Optional[str] = None) -> RuleSet:
    problems = Problems()
    return _built(layers(path or default_path(), problems, ()), problems)


def loads(text: str, path: str = "<rules>") -> RuleSet:
    problems = Problems()
    layer = parse(text, path, problems)
    read = None if layer is None else with_parents(layer, problems, (str(Path(path).resolve()),))
    return _built(read, problems)


def _built(read: Optional[list[Layer]], problems: Problems) -> RuleSet:
    """Build (to find the problems the schema cannot see) unless a file's
    shape is too broken to read rules from; raise every problem found."""
    ruleset = None
    if read is not None and not any(() in layer.broken for layer in read):
        ruleset = build(read, problems)
    problems.raise_any()
    assert ruleset is not None  # (no problems: every file was read and built)
    return ruleset


__all__ = ["load", "loads", "default_path", "Rule", "RuleSet", "RoleSpec", "RulesError", "DEFAULT",
           "InputError", "Path", "Tolerance", "XbrlVocabulary"]

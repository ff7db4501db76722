"""Load a rules file: YAML (safe loader), validated by the shipped JSON Schema,
merged over the file it `extends`, formulas compiled once.

Every problem names the file, the line and column of the offending YAML
node, the rule and the field.  `load` raises a `RulesError` carrying every
problem found, not just the first, so `auditor rules validate` can list them
all.
"""

from __future__ import annotations

import json
import string
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from auditor.ruleset import formula as fm
from auditor.errors import InputError
from auditor.ruleset.patterns import PatternError, compile_pattern
from auditor.ruleset.table import Scope
from auditor.package_data import PACKAGE

DEFAULT = "default"


class RulesError(InputError):
    """One or more problems in a rules file, each `path:line:column: message`."""

    def __init__(self, problems: list):
        super().__init__(problems[0])
        self.problems = problems

    def located(self, path=None, line=None):
        return self

    def __str__(self) -> str:
        more = len(self.problems) - 1
        if not more:
            return self.problems[0]
        return f"{self.problems[0]}\n(and {more} more problem{'s' * (more > 1)}: run 'auditor rules validate')"


class RoleSpec(NamedTuple):
    role: str
    effect: str  # opening, closing, add, subtract
    patterns: tuple  # compiled regular expressions
    position: str = None  # first, last
    elements: tuple = ()  # compiled patterns on inline XBRL concept names (local part)


class XbrlVocabulary(NamedTuple):
    """Which inline XBRL facts are Schedule II's (the `xbrl` section)."""

    family: re.Pattern  # on a concept's local name
    axis: str  # the local name of the dimension whose members are the reserves


class Rule(NamedTuple):
    id: str
    check: str  # the kind of check, as findings report it
    severity: str
    message: str
    name: str = ""
    description: str = ""
    tolerance: object = None  # None: the file's
    formula: fm.Formula = None
    evaluator: str = "formula"
    scope: Scope = Scope()
    origin: str = ""  # path:line where the rule (or its last override) is written


class RuleSet(NamedTuple):
    path: str
    roles: tuple  # RoleSpec, in matching order
    rules: tuple  # Rule
    tolerance: object  # "rounding" or Decimal
    files: tuple = ()  # this file and the files it extends, base last
    xbrl: XbrlVocabulary = None  # None: inline XBRL facts are not read

    def effect(self, role: str) -> str:
        return next((r.effect for r in self.roles if r.role == role), None)

    def rule(self, key: str):
        return next((r for r in self.rules if key in (r.id, r.name)), None)

    def with_severity(self, overrides: dict) -> "RuleSet":
        """The same rules with some severities changed (id -> level)."""
        rules = tuple(r._replace(severity=overrides.get(r.id, r.severity)) for r in self.rules)
        return self._replace(rules=rules)


def default_path() -> str:
    return str(PACKAGE / "rules" / "default.yaml")


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads((PACKAGE / "schemas" / "rules.schema.json").read_text("utf-8"))


def load(path: str = None) -> RuleSet:
    problems = _Problems()
    layers = _layers(path or default_path(), problems, ())
    ruleset = _build(layers, problems) if _buildable(layers) else None
    problems.raise_any()
    return ruleset


def _buildable(layers) -> bool:
    """Build (to find the problems the schema cannot see) unless a file's
    shape is too broken to read rules from."""
    return layers is not None and not any(() in layer.broken for layer in layers)


def loads(text: str, path: str = "<rules>") -> RuleSet:
    problems = _Problems()
    layer = _parse(text, path, problems)
    layers = None
    if layer is not None:
        layers = _with_parents(layer, problems, (str(Path(path).resolve()),))
    ruleset = _build(layers, problems) if _buildable(layers) else None
    problems.raise_any()
    return ruleset


# --- problems ---------------------------------------------------------------


class _Problems(list):
    def add(self, path, mark, message, caret=None):
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        self.append(f"{where}: {message}" + (f"\n{caret}" if caret else ""))

    def raise_any(self):
        if self:
            raise RulesError(sorted(self, key=_reading_order(self)))


def _reading_order(problems):
    """Files in the order their problems were met; each file top to bottom."""
    files = {}
    for text in problems:
        files.setdefault(text.split(":", 1)[0], len(files))

    def key(text):
        path, line, column = (text.split(":", 3) + ["", "", ""])[:3]
        numeric = line.isdigit() and column.isdigit()
        return files[path], int(line) if numeric else 0, int(column) if numeric else 0

    return key


class _Layer:
    """One rules file, parsed."""

    def __init__(self, path: str, data: dict, node, id_lines: list = None):
        self.path = path
        self.data = data
        self.node = node  # the YAML node tree, for marks; None when read from the snapshot
        self.broken = set()  # ("rules", i) / ("roles", i) the schema rejects; () the file
        self.id_lines = id_lines  # from the snapshot: each rule's id line

    def mark(self, keys, key=False):
        if self.node is not None:
            return _node_at(self.node, keys, key).start_mark
        if len(keys) == 3 and keys[0] == "rules" and keys[2] == "id":
            return _Line(self.id_lines[keys[1]] - 1, 0)
        return None  # the problem is still named by its file

    def usable(self, section):
        return [(i, item) for i, item in enumerate(self.data.get(section, ())) if (section, i) not in self.broken]


class _Line:
    """Where a snapshot says a rule is written (0-based, as YAML marks count)."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


# --- reading and extending --------------------------------------------------


def _read(path: str, problems, mark_from=None) -> str:
    from auditor.limits import MAX_RULES_BYTES
    from auditor.source import read_bytes

    try:
        return read_bytes(path, MAX_RULES_BYTES, stdin=False).decode("utf-8")
    except InputError as exc:
        why = exc.message.removeprefix("cannot read: ")
        if mark_from is None:
            problems.add(path, None, f"cannot read rules file: {why}")
        else:
            layer, keys = mark_from
            problems.add(layer.path, layer.mark(keys), f"extends {path!r}: cannot read it: {why}")
    except UnicodeDecodeError:
        problems.add(path, None, "rules file is not UTF-8 text")
    return None


def _layers(path: str, problems, chain, mark_from=None):
    """This file and every file it extends, the base file last; None on a fatal problem."""
    text = _read(path, problems, mark_from)
    if text is None:
        return None
    layer = _parse(text, path, problems)
    if layer is None:
        return None
    return _with_parents(layer, problems, chain + (str(Path(path).resolve()),))


def _with_parents(layer, problems, chain):
    parent = layer.data.get("extends")
    if not isinstance(parent, str) or not parent:
        return [layer]
    target = default_path() if parent == DEFAULT else str(Path(layer.path).parent / parent)
    if str(Path(target).resolve()) in chain:
        names = [Path(p).name for p in chain] + [Path(target).name]
        problems.add(layer.path, layer.mark(["extends"]), f"extends cycle: {' -> '.join(names)}")
        return None
    parents = _layers(target, problems, chain, (layer, ["extends"]))
    return None if parents is None else [layer] + parents


def _parse(text: str, path: str, problems):
    bundled = _is_bundled_default(path)
    if bundled:
        from auditor.ruleset import snapshot

        read = snapshot.read(text)
        if read is not None:
            return _Layer(path, read[0], None, id_lines=read[1])
    import yaml

    try:
        loader = (getattr(yaml, "CSafeLoader", yaml.SafeLoader) if bundled else yaml.SafeLoader)(text)
        try:
            node = loader.get_single_node()
            from auditor.ruleset import yamlguard

            refused = yamlguard.refusal(node) if node is not None else None
            if refused is not None:
                problems.add(path, refused[0].start_mark, refused[1])
                return None
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except RecursionError:
        problems.add(path, None, "not valid YAML: nested too deeply to read")
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        problems.add(path, mark, f"not valid YAML: {problem}")
        return None
    if not isinstance(data, dict):
        problems.add(path, node.start_mark if node else None,
                     "a rules file is a mapping with a 'rules' list (and optional extends, tolerance, roles)")
        return None
    layer = _Layer(path, data, node)
    _duplicate_keys(layer, node, problems)
    if not bundled:
        _validate(layer, problems)
    return layer




# The bundled rules are read from their snapshot (auditor/snapshot.py), or
# else with libyaml's safe loader where the platform has it; a user's file
# gets the pure-Python loader, whose error marks point at the exact character.


@lru_cache(maxsize=None)
def _is_bundled_default(path: str) -> bool:
    """The shipped default rules are validated by the test suite
    (tests/test_bundled_rules.py); skipping jsonschema for them keeps every
    plain `auditor check` from importing it (~150 ms of start-up)."""
    try:
        return Path(path).resolve() == Path(default_path()).resolve()
    except OSError:
        return False


def _duplicate_keys(layer, node, problems):
    """YAML quietly keeps the last of two equal keys; a rules file may not."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, val in node.value:
            if key.value in seen:
                problems.add(layer.path, key.start_mark, f"field {key.value!r} given twice")
            seen.add(key.value)
            _duplicate_keys(layer, val, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(layer, item, problems)


def _node_at(node, keys, key_node=False):
    """The YAML node at a JSON path, for its line and column (with key_node,
    the last key's own node: where an unknown field is written)."""
    import yaml

    for n, key in enumerate(keys):
        if isinstance(node, yaml.MappingNode):
            # The last of two equal keys, as the data holds it (the first is a problem of its own).
            nxt = next((v for k, v in reversed(node.value) if k.value == key), None)
            if nxt is None or key_node and n == len(keys) - 1:
                # An unknown key: point at the key itself.
                return next((k for k, v in reversed(node.value) if k.value == key), node)
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node


def _who(data, keys) -> str:
    """`rule 'VQ001': ` for a problem inside a rule, `role 'x': ` inside a role."""
    if len(keys) >= 2 and keys[0] in ("rules", "roles") and isinstance(keys[1], int):
        item = data[keys[0]][keys[1]]
        name = "id" if keys[0] == "rules" else "role"
        if isinstance(item, dict) and isinstance(item.get(name), str):
            return f"{keys[0][:-1]} {item[name]!r}: "
        return f"{keys[0][:-1]} #{keys[1] + 1}: "
    return ""


def _validate(layer, problems):
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    for err in sorted(validator.iter_errors(layer.data), key=lambda e: [str(k) for k in e.absolute_path]):
        keys = list(err.absolute_path)
        message = _schema_message(err, keys)
        unknown = err.validator == "additionalProperties"
        if unknown:
            keys += sorted(set(err.instance) - set(err.schema.get("properties", {})), key=str)[:1]
        problems.add(layer.path, layer.mark(keys, key=unknown), _who(layer.data, keys) + message)
        whole = len(keys) < 2 or keys[0] not in ("rules", "roles") or unknown and len(keys) < 3
        layer.broken.add(() if whole else tuple(keys[:2]))


def _schema_message(err, keys) -> str:
    field_name = next((k for k in reversed(keys) if isinstance(k, str)), None)
    if err.validator == "additionalProperties":
        known = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(known), key=str)  # YAML keys need not be strings
        if extra and not isinstance(extra[0], str):
            return f"a field needs a name, not {'null' if extra[0] is None else repr(extra[0])}"
        if extra:
            return f"unknown field {extra[0]!r}{fm._suggest(extra[0], known)}"
    if err.validator == "required":
        return err.message.replace("is a required property", "is required")
    if err.validator == "enum":
        allowed = ", ".join(map(str, err.validator_value))
        return f"field {field_name!r}: {err.instance!r} is not one of {allowed}"
    if err.validator in ("oneOf", "anyOf"):
        return f"field {field_name!r}: {err.instance!r} is not {err.schema.get('title', 'valid here')}"
    return f"field {field_name!r}: {err.message}" if field_name else err.message


# --- merging and building ---------------------------------------------------


def _build(layers, problems) -> RuleSet:
    roles = _roles(layers, problems)
    names = {r.role for r in roles}
    rules = [_rule(entries, names, problems) for entries in _merged_rules(layers, problems)]
    tolerance = next((_tolerance(l.data["tolerance"]) for l in layers if "tolerance" in l.data), "rounding")
    return RuleSet(layers[0].path, tuple(roles), tuple(r for r in rules if r is not None), tolerance,
                   tuple(l.path for l in layers), _xbrl(layers, problems))


def _xbrl(layers, problems):
    """The nearest file's `xbrl` section, whole (a file that sets one replaces the base's)."""
    layer = next((l for l in layers if isinstance(l.data.get("xbrl"), dict)), None)
    if layer is None:
        return None
    spec = layer.data["xbrl"]
    try:
        family = compile_pattern(spec.get("family", ""), _is_bundled_default(layer.path), ignore_case=False)
    except PatternError as exc:
        problems.add(layer.path, layer.mark(["xbrl", "family"]), f"xbrl: bad family pattern: {exc}")
        return None
    return XbrlVocabulary(family, spec.get("axis", ""))


def _roles(layers, problems) -> list:
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


def _reserved(layer, i, spec, problems):
    """Prefixes and `cell` are no roles; a role named like an aggregate
    (`deductions`, `additions`) is part of it, so it has its effect."""
    name, where = spec["role"], layer.mark(["roles", i, "role"])
    if name in fm.ROW_SCOPES + fm.SET_SCOPES + (fm.CELL,):
        problems.add(layer.path, where, f"role {name!r}: the name is reserved for formulas")
    effect = fm.AGGREGATES.get(name)
    if effect and spec["effect"] != effect:
        problems.add(layer.path, where, f"role {name!r}: effect must be {effect!r}: in formulas "
                                        f"{name!r} is every column whose effect is {effect!r}")


def _role(layer, i, spec, problems) -> RoleSpec:
    patterns = []
    for j, pattern in enumerate(spec["patterns"]):
        try:
            patterns.append(compile_pattern(pattern, _is_bundled_default(layer.path)))
        except PatternError as exc:
            problems.add(layer.path, layer.mark(["roles", i, "patterns", j]),
                         f"role {spec['role']!r}: bad pattern {pattern!r}: {exc}")
    elements = []
    for j, pattern in enumerate(spec.get("elements", ())):
        try:
            elements.append(compile_pattern(pattern, _is_bundled_default(layer.path), ignore_case=False))
        except PatternError as exc:
            problems.add(layer.path, layer.mark(["roles", i, "elements", j]),
                         f"role {spec['role']!r}: bad element pattern {pattern!r}: {exc}")
    return RoleSpec(spec["role"], spec["effect"], tuple(patterns), spec.get("position"), tuple(elements))


class _Field(NamedTuple):
    value: object
    layer: _Layer
    keys: list

    @property
    def mark(self):
        return self.layer.mark(self.keys)


def _merged_rules(layers, problems) -> list:
    """Each rule as {field: _Field}: the base file's rules in order, each
    overlaid field by field by the files that extend it; new rules after."""
    merged = {}
    for layer in reversed(layers):
        seen = {}
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


def _rule(entries, roles, problems):
    from auditor.ruleset.checks import EVALUATORS
    from auditor.ruleset.engine import MESSAGE_FIELDS

    rid = entries["id"].value
    here = entries["id"]

    def problem(fld, message, caret=None):
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
        problem(check, f"unknown check {kind!r}{fm._suggest(kind, EVALUATORS)}: give a 'formula', "
                       f"or name an evaluator ({known})")
        return None
    if "formula" in entries and kind in EVALUATORS and kind != "formula":
        problem(check, f"check {kind!r} is an evaluator of its own and takes no formula")
        return None
    scope = _scope(entries.get("applies_to"), roles, problem)
    compiled = None
    if "formula" in entries:
        compiled = _formula(entries["formula"], roles, scope.columns is not None, problem)
    _template(entries["message"], MESSAGE_FIELDS, problem)
    tolerance = entries.get("tolerance")
    return Rule(
        id=rid, check=kind, severity=entries["severity"].value, message=entries["message"].value,
        name=entries["name"].value if "name" in entries else "",
        description=" ".join(entries["description"].value.split()) if "description" in entries else "",
        tolerance=_tolerance(tolerance.value) if tolerance else None,
        formula=compiled, evaluator=evaluator, scope=scope,
        origin=f"{here.layer.path}:{here.mark.line + 1}",
    )


def _formula(fld, roles, per_column, problem):
    text = fld.value if "\n" not in fld.value.strip() else " ".join(fld.value.split())
    try:
        return fm.compile(text.strip(), roles, per_column)
    except fm.FormulaError as exc:
        node = _node_at(fld.layer.node, fld.keys)
        mark = node.start_mark
        if "\n" not in fld.value.strip() and node.style in (None, "", "'", '"'):
            offset = (1 if node.style in ("'", '"') else 0) + exc.column - 1
            from yaml import Mark

            mark = Mark(mark.name, mark.index + offset, mark.line, mark.column + offset, None, None)
        problem(_Marked(fld, mark), f"formula: {exc.message}", exc.caret())
        return None


class _Marked(NamedTuple):
    field: _Field
    mark: object

    @property
    def layer(self):
        return self.field.layer


def _scope(fld, roles, problem) -> Scope:
    if fld is None:
        return Scope()
    spec = fld.value
    compiled = {}
    for key in ("label", "period"):
        if key in spec:
            try:
                compiled[key] = compile_pattern(spec[key], _is_bundled_default(fld.layer.path))
            except PatternError as exc:
                problem(_Field(spec[key], fld.layer, fld.keys + [key]), f"applies_to: bad {key} pattern: {exc}")
    columns = spec.get("columns")
    if columns == "all":
        columns = ("*",)
    elif columns is not None:
        for i, role in enumerate(columns):
            if role not in roles:
                problem(_Field(role, fld.layer, fld.keys + ["columns", i]),
                        f"applies_to: unknown role {role!r}{fm._suggest(role, roles)}")
        columns = tuple(columns)
    return Scope(rows=spec.get("rows", "all"), periods=spec.get("periods", "all"), columns=columns, **compiled)


def _tolerance(value):
    if value is None or value == "rounding":
        return value
    return Decimal(str(value))


def _template(fld, known, problem):
    """Message templates name plain fields only: no attribute or index access."""
    try:
        parts = list(string.Formatter().parse(fld.value))
    except ValueError as exc:
        problem(fld, f"field 'message': {exc}")
        return
    for _, name, spec, conversion in parts:
        if name is not None and name not in known:
            hint = fm._suggest(name, known)
            problem(fld, f"field 'message': unknown placeholder {{{name}}}{hint} (known: {', '.join(sorted(known))})")
        elif name is not None and (spec or conversion):
            # Every field is text already (amounts as printed): a format spec could only fail.
            problem(fld, f"field 'message': placeholder {{{name}}} takes no format spec or conversion; write {{{name}}}")


__all__ = ["load", "loads", "default_path", "Rule", "RuleSet", "RoleSpec", "RulesError", "DEFAULT"]

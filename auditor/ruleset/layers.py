"""Reading a rules file and the files it `extends`: each one a `Layer`, the
YAML read safely (aliases bounded), duplicate keys refused, a user's file
validated by the shipped JSON Schema.  Problems are gathered, not raised."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Union

from auditor.errors import InputError
from auditor.package_data import PACKAGE
from auditor.ruleset.problems import Line, Mark, Problems

DEFAULT = "default"

# A rules file's data, as YAML gives it: its shape is what the schema checks.
Data = dict[str, Any]
# A PyYAML node (PyYAML publishes no types).
Node = Any
# A JSON path into the data: ["rules", 3, "formula"].
Keys = list[Union[str, int]]


def default_path() -> str:
    return str(PACKAGE / "rules" / "default.yaml")


class Layer:
    """One rules file, parsed."""

    def __init__(self, path: str, data: Data, node: Node, id_lines: Optional[list[int]] = None):
        self.path = path
        self.data = data
        self.node = node  # the YAML node tree, for marks; None when read from the snapshot
        # ("rules", i) / ("roles", i) the schema rejects; () the file
        self.broken: set[tuple[Union[str, int], ...]] = set()
        self.id_lines = id_lines  # from the snapshot: each rule's id line

    def mark(self, keys: Keys, key: bool = False) -> Optional[Mark]:
        if self.node is not None:
            found: Mark = node_at(self.node, keys, key).start_mark
            return found
        if self.id_lines is not None and len(keys) == 3 and keys[0] == "rules" and keys[2] == "id":
            return Line(self.id_lines[int(keys[1])] - 1, 0)
        return None  # the problem is still named by its file

    def usable(self, section: str) -> list[tuple[int, Any]]:
        return [(i, item) for i, item in enumerate(self.data.get(section, ())) if (section, i) not in self.broken]


def layers(path: str, problems: Problems, chain: tuple[str, ...],
           mark_from: Optional[tuple[Layer, Keys]] = None) -> Optional[list[Layer]]:
    """This file and every file it extends, the base file last; None on a fatal problem."""
    text = _read(path, problems, mark_from)
    if text is None:
        return None
    layer = parse(text, path, problems)
    if layer is None:
        return None
    return with_parents(layer, problems, chain + (_resolved(path),))


def _resolved(path: str) -> str:
    """`path` with its links resolved, to tell an extends cycle; a loop of
    links or a NUL in the name stays as given (reading it says what is wrong)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


def _read(path: str, problems: Problems, mark_from: Optional[tuple[Layer, Keys]] = None) -> Optional[str]:
    from auditor.limits import MAX_RULES_BYTES
    from auditor.source import read_bytes

    try:
        text: str = read_bytes(path, MAX_RULES_BYTES, stdin=False).decode("utf-8")
        return text
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


def with_parents(layer: Layer, problems: Problems, chain: tuple[str, ...]) -> Optional[list[Layer]]:
    parent = layer.data.get("extends")
    if not isinstance(parent, str) or not parent:
        return [layer]
    target = default_path() if parent == DEFAULT else str(Path(layer.path).parent / parent)
    if _resolved(target) in chain:
        names = [Path(p).name for p in chain] + [Path(target).name]
        problems.add(layer.path, layer.mark(["extends"]), f"extends cycle: {' -> '.join(names)}")
        return None
    parents = layers(target, problems, chain, (layer, ["extends"]))
    return None if parents is None else [layer] + parents


def parse(text: str, path: str, problems: Problems) -> Optional[Layer]:
    bundled = is_bundled_default(path)
    if bundled:
        from auditor.ruleset import snapshot

        read = snapshot.read(text)
        if read is not None:
            return Layer(path, read[0], None, id_lines=read[1])
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
    layer = Layer(path, data, node)
    _duplicate_keys(layer, node, problems)
    if not bundled:
        from auditor.ruleset.schema import validate

        validate(layer, problems)
    return layer


# The bundled rules are read from their snapshot (auditor/ruleset/snapshot.py), or
# else with libyaml's safe loader where the platform has it; a user's file
# gets the pure-Python loader, whose error marks point at the exact character.


@lru_cache(maxsize=None)
def is_bundled_default(path: str) -> bool:
    """The shipped default rules are validated by the test suite
    (tests/test_bundled_rules.py); skipping jsonschema for them keeps every
    plain `auditor check` from importing it (~150 ms of start-up)."""
    try:
        return Path(path).resolve() == Path(default_path()).resolve()
    except (OSError, RuntimeError, ValueError):  # (a loop of links, a NUL in the name: not ours)
        return False


def _duplicate_keys(layer: Layer, node: Node, problems: Problems) -> None:
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


def node_at(node: Node, keys: Keys, key_node: bool = False) -> Node:
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

"""Bounds on a rules file's YAML before anything walks it.

YAML aliases let a few hundred bytes stand for a billion nodes ("billion
laughs"): the composed node graph is small, but every walk of the data
(duplicate keys, the schema, building rules) expands it.  The graph is
measured once here, each shared node counted as often as it is reached,
without expanding anything and without recursion; past the budget, or
where an alias refers to a node that contains it, the file is refused.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Literal, Optional

from auditor.limits import MAX_YAML_NODES

Node = Any  # a PyYAML node (PyYAML publishes no types)


def refusal(root: Node) -> Optional[tuple[Node, str]]:
    """None if the node tree is within budget; else (node, message)."""
    import yaml

    size: dict[int, int] = {}  # id(node) -> expanded size
    state: dict[int, Literal["open", "done"]] = {}  # id(node) -> "open" while its children are measured
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = _children(node, yaml)
        if children_done:
            state[key] = "done"
            size[key] = 1 + sum(size[id(c)] for c in children)
            if size[key] > MAX_YAML_NODES:
                return node, (f"the file's aliases expand to more than {MAX_YAML_NODES:,} YAML nodes "
                              "(an alias bomb?): refused")
            continue
        if state.get(key) == "done":
            continue
        if state.get(key) == "open":
            return node, "an alias refers to a node that contains it: refused"
        state[key] = "open"
        stack.append((node, True))
        for child in children:
            if state.get(id(child)) == "open":
                return child, "an alias refers to a node that contains it: refused"
            if state.get(id(child)) != "done":
                stack.append((child, False))
    return None


def _children(node: Node, yaml: ModuleType) -> list[Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []

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
        unreadable = _unreadable_scalar(node, yaml)
        if unreadable is not None:
            return node, unreadable
        state[key] = "open"
        stack.append((node, True))
        for child in children:
            if state.get(id(child)) == "open":
                return child, "an alias refers to a node that contains it: refused"
            if state.get(id(child)) != "done":
                stack.append((child, False))
    return None


def _unreadable_scalar(node: Node, yaml: ModuleType) -> Optional[str]:
    """Why a scalar cannot be read (None: it can): a lone surrogate escape
    ("\\ud83d", which no text can hold), or an integer longer than Python
    converts (its ValueError would otherwise surface without a place)."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    if node.tag == INT_TAG and len(node.value) > MAX_INT_DIGITS:
        return f"a number of more than {MAX_INT_DIGITS:,} digits: refused"
    if node.value.isascii():
        return None
    try:
        node.value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(node.value[exc.start])
        return (f"a lone surrogate escape (\\u{code:04x}) is no character: write the character itself, "
                "or \\U and its eight hexadecimal digits")
    return None


INT_TAG = "tag:yaml.org,2002:int"
MAX_INT_DIGITS = 4000  # (Python converts at most 4,300 digits to an int by default)


def _children(node: Node, yaml: ModuleType) -> list[Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []

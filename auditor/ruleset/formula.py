"""Rule formulas: spelled by grammar/formula.lark, compiled once per rules
file into a small tree of nodes that can only read cells of a schedule.

No eval, no attribute access, no names outside the schedule: every name is
resolved when the rules file loads (a role, an aggregate, `cell`), every
prefix is one of `prev.`/`next.`/`total.` (a row) or `parts.`/`items.` (a
set of rows), every function one of `abs`, `sum`, `min`, `max`.

The nodes, and how they evaluate, are in `auditor.ruleset.nodes`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Collection, Iterable, Literal, NamedTuple, NoReturn, Optional, Union

from lark import Lark, Token, Tree

from auditor.package_data import PACKAGE
from auditor.ruleset.nodes import (
    AGGREGATES, CELL, FUNCTIONS, ROW_SCOPES, SET_SCOPES, Amount, Arithmetic, Call, Comparison, Here, Logic,
    Number, Reference, RowSet, Test, Tolerance, Unary, subject,
)

# A node of lark's parse tree: a rule's subtree, or a token.
Branch = Union[Tree[Token], Token]


class FormulaError(Exception):
    """A formula that does not parse or names something unknown; `column` is
    1-based in the formula text."""

    def __init__(self, message: str, text: str, column: int = 1):
        super().__init__(message)
        self.message, self.text, self.column = message, text, column

    def caret(self) -> str:
        """The formula with a caret under the column; a long one shown as the
        stretch around it."""
        text, column = self.text, self.column
        if len(text) > CARET_WIDTH:
            start = max(0, min(column - 1 - CARET_WIDTH // 2, len(text) - CARET_WIDTH))
            text = ("..." if start else "") + text[start : start + CARET_WIDTH] + (
                "..." if start + CARET_WIDTH < len(text) else "")
            column = column - start + (3 if start else 0)
        return f"    {text}\n    {' ' * (column - 1)}^"


CARET_WIDTH = 100


# --- compiling --------------------------------------------------------------


class Formula(NamedTuple):
    source: str
    root: Test
    conjuncts: tuple[Test, ...]  # each a test checked on its own, with its own finding

    def names(self) -> set[str]:
        return {ref.name for ref in self.root.references()}


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = (PACKAGE / "grammar" / "formula.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", maybe_placeholders=False, cache=True)


def compile(source: str, roles: Collection[str], per_column: bool = False) -> Formula:
    """Parse and resolve a formula; `roles` are the names the rules file declares."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

    text = " ".join(source.split())
    try:
        tree = _parser().parse(text)
    except UnexpectedEOF:
        raise FormulaError("formula ends too early", text, len(text) + 1) from None
    except UnexpectedCharacters as exc:
        raise FormulaError(f"unexpected character {text[exc.pos_in_stream or 0]!r}", text, exc.column) from None
    except UnexpectedToken as exc:
        if exc.token.type == "$END":
            raise FormulaError("formula ends too early", text, len(text) + 1) from None
        raise FormulaError(f"unexpected {exc.token.value!r}", text, exc.column) from None
    except UnexpectedInput as exc:  # pragma: no cover - lark's other errors
        raise FormulaError("formula does not parse", text, getattr(exc, "column", 1)) from None
    _refuse_deep(tree, text)
    root = _Builder(text, set(roles), per_column).test(tree)
    conjuncts = tuple(root.operands) if isinstance(root, Logic) and root.op == "and" else (root,)
    return Formula(text, root, conjuncts)


def _refuse_deep(tree: Tree[Token], text: str) -> None:
    """A formula nested past MAX_FORMULA_DEPTH is refused here, measured
    without recursion: building and evaluating it recurse once a level."""
    from auditor.limits import MAX_FORMULA_DEPTH

    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_FORMULA_DEPTH:
            raise FormulaError(f"formula nested more than {MAX_FORMULA_DEPTH} deep (operators within "
                               "operators): split it into several rules", text, _first_column(node))
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))


def _first_column(node: Branch) -> int:
    while isinstance(node, Tree) and node.children:
        node = node.children[0]
    return getattr(node, "column", None) or 1


def _kind(tree: Branch) -> str:
    """The grammar rule a subtree is of ("compare", "add", ...); "" for a token."""
    return tree.data if isinstance(tree, Tree) else ""


def _children(tree: Branch) -> list[Branch]:
    return tree.children if isinstance(tree, Tree) else []


class _Builder:
    """lark tree -> nodes, with every name checked against what the rules declare."""

    def __init__(self, text: str, roles: set[str], per_column: bool):
        self.text, self.roles, self.per_column = text, roles, per_column

    def fail(self, message: str, meta_token: Optional[Token]) -> NoReturn:
        column = getattr(meta_token, "column", None) or 1
        raise FormulaError(message, self.text, column)

    def test(self, tree: Branch) -> Test:
        kind, children = _kind(tree), _children(tree)
        if kind == "compare":
            left, compare, right = children
            return Comparison(str(compare), self.amount(left), self.amount(right))
        if kind in ("all_of", "any_of"):
            op: Literal["and", "or"] = "and" if kind == "all_of" else "or"
            operands: list[Test] = []
            for child in children:
                node = self.test(child)
                same = isinstance(node, Logic) and node.op == op
                operands.extend(node.operands if isinstance(node, Logic) and same else [node])
            return Logic(op, operands)
        if kind == "negate":
            return Logic("not", [self.test(children[0])])
        self.fail("expected a test such as 'ending >= 0' (a comparison, and/or/not)", _first_token(tree))

    def amount(self, tree: Branch) -> Amount:
        kind, children = _kind(tree), _children(tree)
        if kind == "number":
            return Number(str(children[0]))
        if kind == "reference":
            return self.reference(children, in_set_function=False)
        if kind in OPERATORS:
            return Arithmetic(OPERATORS[kind], self.amount(children[0]), self.amount(children[1]))
        if kind == "minus":
            return Unary("-", self.amount(children[0]))
        if kind == "call":
            return self.call(children)
        if kind in ("compare", "all_of", "any_of", "negate"):
            self.fail("a test cannot be used as an amount", _first_token(tree))
        # "+x" parses to x's own tree.
        return self.amount(children[0])  # pragma: no cover

    def call(self, children: list[Branch]) -> Call:
        name, args = children[0], children[1:]
        token = _first_token(name)
        if str(name) not in FUNCTIONS:
            self.fail(f"unknown function {str(name)!r}{suggest(str(name), FUNCTIONS)} "
                      f"(known: {', '.join(FUNCTIONS)})", token)
        if str(name) == "abs":
            if len(args) != 1:
                self.fail("abs() takes one amount", token)
            return Call("abs", [self.amount(args[0])])
        if not args:
            self.fail(f"{name}() needs at least one amount or set of cells", token)
        built: list[Amount] = []
        for arg in args:
            if _kind(arg) == "reference":
                built.append(self.reference(_children(arg), in_set_function=True))
            else:
                built.append(self.amount(arg))
        return Call(str(name), built)

    def reference(self, parts: list[Branch], in_set_function: bool) -> Reference:
        scope = str(parts[0]) if len(parts) == 2 else None
        scope_token, name_token = _first_token(parts[0]), _first_token(parts[-1])
        name = str(parts[-1])
        if scope is not None and scope not in ROW_SCOPES + SET_SCOPES:
            known = ROW_SCOPES + SET_SCOPES
            self.fail(f"unknown prefix '{scope}.'{suggest(scope, known)} (known: "
                      f"{', '.join(s + '.' for s in known)})", scope_token)
        if scope in SET_SCOPES and not in_set_function:
            self.fail(f"'{scope}.{name}' is a set of cells: use it inside sum(), min() or max()", scope_token)
        if name in ROW_SCOPES + SET_SCOPES:
            self.fail(f"'{name}' is a prefix: write '{name}.' and a role, e.g. '{name}.ending'", name_token)
        if name == CELL:
            if not self.per_column:
                self.fail("'cell' names the current column: only in a rule with applies_to: columns",
                          name_token)
        elif name in FUNCTIONS:
            self.fail(f"{name} is a function: write {name}(...)", name_token)
        elif name not in self.roles and name not in AGGREGATES:
            names = sorted(self.roles | set(AGGREGATES) | ({CELL} if self.per_column else set()))
            self.fail(f"unknown role {name!r}{suggest(name, names)}", name_token)
        return (RowSet if scope in SET_SCOPES else Reference)(scope, name)


OPERATORS: dict[str, Literal["+", "-", "*", "/"]] = {"add": "+", "subtract": "-", "multiply": "*", "divide": "/"}


def suggest(name: object, known: Iterable[str]) -> str:
    """" (did you mean 'x'?)" for a name close to a known one; "" otherwise."""
    if not isinstance(name, str):  # a YAML key may be null, a number, a date
        return ""
    import difflib  # only for a misspelt name

    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _first_token(tree: Branch) -> Optional[Token]:
    if isinstance(tree, Token):
        return tree
    for child in tree.children:
        found = _first_token(child)
        if found is not None:
            return found
    return None


__all__ = ["compile", "Formula", "FormulaError", "suggest", "AGGREGATES", "CELL", "FUNCTIONS", "ROW_SCOPES",
           "SET_SCOPES", "Amount", "Arithmetic", "Call", "Comparison", "Here", "Logic", "Number", "Reference",
           "RowSet", "Test", "Tolerance", "Unary", "subject"]

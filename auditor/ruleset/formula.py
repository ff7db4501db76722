"""Rule formulas: spelled by grammar/formula.lark, compiled once per rules
file into a small tree of nodes that can only read cells of a schedule.

No eval, no attribute access, no names outside the schedule: every name is
resolved when the rules file loads (a role, an aggregate, `cell`), every
prefix is one of `prev.`/`next.`/`total.` (a row) or `parts.`/`items.` (a
set of rows), every function one of `abs`, `sum`, `min`, `max`.

A node evaluates two ways: `value` (the exact reading of the printed
figures) and `interval` (each printed figure exact only to half a unit of
its last digit, as XBRL Calculations 1.1 reads rounded figures).  Rules
judge with the first and weigh a failure's tolerance with the second.
"""

from __future__ import annotations

from decimal import Decimal, DivisionByZero, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from auditor.ruleset.table import AGGREGATES, ZERO, NotApplicable, Table, half_unit
from auditor.package_data import PACKAGE

ROW_SCOPES = ("prev", "next", "total")
SET_SCOPES = ("parts", "items")
CELL = "cell"
FUNCTIONS = ("abs", "sum", "min", "max")


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


class Here:
    """Where a formula is being evaluated: a row of a table, and for a
    per-column rule the column `cell` names.  `read` collects the cells a
    traced evaluation reads."""

    __slots__ = ("table", "p", "r", "k", "read")

    def __init__(self, table: Table, p: int, r: int, k: Optional[int] = None, read: Optional[list] = None):
        self.table, self.p, self.r, self.k, self.read = table, p, r, k, read


# --- numbers ----------------------------------------------------------------


class Number:
    def __init__(self, text: str):
        self.amount = Decimal(text)
        self.source = text

    def value(self, here):
        return self.amount

    def interval(self, here):
        return self.amount, self.amount

    def text(self, table):
        return self.source

    def references(self):
        return ()


class Reference:
    """A role, an aggregate or `cell`, in this row or the row a scope names."""

    def __init__(self, scope: Optional[str], name: str):
        self.scope, self.name = scope, name

    def columns(self, here) -> tuple:
        if self.name == CELL:
            return (here.k,)
        return here.table.columns.get(self.name, ())  # a role the table lacks reads as nil

    def place(self, here) -> tuple:
        if self.scope is None:
            return here.p, here.r
        return here.table.moved(self.scope, here.p, here.r)

    def value(self, here):
        p, r = self.place(here)
        columns = self.columns(here)
        if here.read is not None:
            here.read.extend(here.table.cell(p, r, k) for k in columns)
        values = here.table.values[p][r]
        if len(columns) == 1:  # the usual case, kept quick
            return values[columns[0]]
        return sum((values[k] for k in columns), ZERO)

    def interval(self, here):
        p, r = self.place(here)
        centre = self.value(here)
        width = sum((half_unit(here.table.cell(p, r, k)) for k in self.columns(here)), ZERO)
        return centre - width, centre + width

    def text(self, table):
        prefix = f"{self.scope}." if self.scope else ""
        if self.name in AGGREGATES:
            roles = [table.schedule.columns[k].role for k in table.columns[self.name]]
            return " + ".join(prefix + r for r in roles) or "0"
        return prefix + self.name

    def references(self):
        return (self,)


class RowSet(Reference):
    """`parts.X` or `items.X`: the same name in each of a set of rows."""

    def _each(self, here):
        for p, r in here.table.rows(self.scope, here.p, here.r):
            yield Here(here.table, p, r, here.k, here.read)

    def values(self, here):
        if here.read is not None:
            plain = Reference(None, self.name)
            return [plain.value(h) for h in self._each(here)]
        table, columns = here.table, self.columns(here)
        rows = table.rows(self.scope, here.p, here.r)
        return [sum((table.values[p][r][k] for k in columns), ZERO) for p, r in rows]

    def intervals(self, here):
        plain = Reference(None, self.name)
        return [plain.interval(h) for h in self._each(here)]


class Unary:
    def __init__(self, op: str, operand):
        self.op, self.operand = op, operand

    def value(self, here):
        v = self.operand.value(here)
        return -v if self.op == "-" else abs(v)

    def interval(self, here):
        lo, hi = self.operand.interval(here)
        if self.op == "-":
            return -hi, -lo
        if lo >= 0:
            return lo, hi
        if hi <= 0:
            return -hi, -lo
        return ZERO, max(-lo, hi)

    def text(self, table):
        inner = self.operand.text(table)
        return f"-{_tight(self.operand, inner)}" if self.op == "-" else f"abs({inner})"

    def references(self):
        return self.operand.references()


class Arithmetic:
    def __init__(self, op: str, left, right):
        self.op, self.left, self.right = op, left, right

    def value(self, here):
        a, b = self.left.value(here), self.right.value(here)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        try:
            return a / b
        except (DivisionByZero, InvalidOperation):
            raise NotApplicable("division by zero") from None

    def interval(self, here):
        (alo, ahi), (blo, bhi) = self.left.interval(here), self.right.interval(here)
        if self.op == "+":
            return alo + blo, ahi + bhi
        if self.op == "-":
            return alo - bhi, ahi - blo
        if self.op == "/":
            if blo <= 0 <= bhi:  # the divisor may be zero: no interval to speak of
                v = self.value(here)
                return v, v
            blo, bhi = 1 / bhi, 1 / blo
        products = [alo * blo, alo * bhi, ahi * blo, ahi * bhi]
        return min(products), max(products)

    def text(self, table):
        left = self.left.text(table)
        right = self.right.text(table)
        if self.op in "*/":
            left = _tight(self.left, left)
        if self.op != "+":
            right = _tight(self.right, right)
        return f"{left} {self.op} {right}"

    def references(self):
        return self.left.references() + self.right.references()


def _tight(node, text: str) -> str:
    """Parenthesized where a sum would otherwise read wrong."""
    loose = isinstance(node, Arithmetic) and node.op in "+-" or " + " in text
    return f"({text})" if loose and not isinstance(node, Call) else text


class Call:
    def __init__(self, name: str, args: list):
        self.name, self.args = name, args

    def _values(self, here):
        out = []
        for a in self.args:
            out.extend(a.values(here) if isinstance(a, RowSet) else [a.value(here)])
        return out

    def _intervals(self, here):
        out = []
        for a in self.args:
            out.extend(a.intervals(here) if isinstance(a, RowSet) else [a.interval(here)])
        return out

    def value(self, here):
        if self.name == "abs":
            return abs(self.args[0].value(here))
        values = self._values(here)
        if self.name == "sum":
            return sum(values, ZERO)
        if not values:
            raise NotApplicable(f"{self.name}() of no figures")
        return min(values) if self.name == "min" else max(values)

    def interval(self, here):
        if self.name == "abs":
            return Unary("abs", self.args[0]).interval(here)
        spans = self._intervals(here)
        if self.name == "sum":
            return sum((s[0] for s in spans), ZERO), sum((s[1] for s in spans), ZERO)
        if not spans:
            raise NotApplicable(f"{self.name}() of no figures")
        pick = min if self.name == "min" else max
        return pick(s[0] for s in spans), pick(s[1] for s in spans)

    def text(self, table):
        return f"{self.name}({', '.join(a.text(table) for a in self.args)})"

    def references(self):
        return tuple(ref for a in self.args for ref in a.references())


# --- tests ------------------------------------------------------------------

OPS = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


class Comparison:
    def __init__(self, op: str, left, right):
        self.op, self.left, self.right = op, left, right
        self.test = OPS[op]

    def holds(self, here) -> bool:
        return self.test(self.left.value(here), self.right.value(here))

    def within(self, here, tolerance) -> tuple:
        """(holds within the tolerance, the amount the tolerance allows)."""
        a, b = self.left.value(here), self.right.value(here)
        if self.op == "!=":
            return a != b, ZERO
        if tolerance != "rounding":
            t = Decimal(tolerance)
            off = {"==": abs(a - b), "<=": a - b, "<": a - b, ">=": b - a, ">": b - a}[self.op]
            return (off < t if self.op in "<>" else off <= t), t
        (alo, ahi), (blo, bhi) = self.left.interval(here), self.right.interval(here)
        allowed = (ahi - alo + bhi - blo) / 2
        fits = {
            "==": alo <= bhi and blo <= ahi,
            "<=": alo <= bhi, "<": alo < bhi,
            ">=": ahi >= blo, ">": ahi > blo,
        }[self.op]
        return fits, allowed

    def text(self, table):
        return f"{self.left.text(table)} {self.op} {self.right.text(table)}"

    def references(self):
        return self.left.references() + self.right.references()


class Logic:
    def __init__(self, op: str, operands: list):
        self.op, self.operands = op, operands

    def holds(self, here) -> bool:
        if self.op == "not":
            return not self.operands[0].holds(here)
        if self.op == "and":
            return all(o.holds(here) for o in self.operands)
        return any(o.holds(here) for o in self.operands)

    def text(self, table):
        if self.op == "not":
            return f"not ({self.operands[0].text(table)})"
        return f" {self.op} ".join(f"({o.text(table)})" for o in self.operands)

    def references(self):
        return tuple(ref for o in self.operands for ref in o.references())


# --- compiling --------------------------------------------------------------


class Formula(NamedTuple):
    source: str
    root: object
    conjuncts: tuple  # each a test checked on its own, with its own finding

    def names(self) -> set:
        return {ref.name for ref in self.root.references()}


@lru_cache(maxsize=1)
def _parser():
    from lark import Lark

    grammar = (PACKAGE / "grammar" / "formula.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", maybe_placeholders=False, cache=True)


def compile(source: str, roles, per_column: bool = False) -> Formula:
    """Parse and resolve a formula; `roles` are the names the rules file declares."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

    text = " ".join(source.split())
    try:
        tree = _parser().parse(text)
    except UnexpectedEOF:
        raise FormulaError("formula ends too early", text, len(text) + 1) from None
    except UnexpectedCharacters as exc:
        raise FormulaError(f"unexpected character {text[exc.pos_in_stream]!r}", text, exc.column) from None
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


def _refuse_deep(tree, text: str) -> None:
    """A formula nested past MAX_FORMULA_DEPTH is refused here, measured
    without recursion: building and evaluating it recurse once a level."""
    from lark import Tree

    from auditor.limits import MAX_FORMULA_DEPTH

    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_FORMULA_DEPTH:
            raise FormulaError(f"formula nested more than {MAX_FORMULA_DEPTH} deep (operators within "
                               "operators): split it into several rules", text, _first_column(node))
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))


def _first_column(node) -> int:
    from lark import Tree

    while isinstance(node, Tree) and node.children:
        node = node.children[0]
    return getattr(node, "column", None) or 1


class _Builder:
    """lark tree -> nodes, with every name checked against what the rules declare."""

    def __init__(self, text: str, roles: set, per_column: bool):
        self.text, self.roles, self.per_column = text, roles, per_column

    def fail(self, message, meta_token):
        column = getattr(meta_token, "column", None) or 1
        raise FormulaError(message, self.text, column)

    def test(self, tree):
        kind = getattr(tree, "data", None)
        if kind == "compare":
            left, op, right = tree.children
            return Comparison(str(op), self.amount(left), self.amount(right))
        if kind in ("all_of", "any_of"):
            op = "and" if kind == "all_of" else "or"
            operands = []
            for child in tree.children:
                node = self.test(child)
                same = isinstance(node, Logic) and node.op == op
                operands.extend(node.operands if same else [node])
            return Logic(op, operands)
        if kind == "negate":
            return Logic("not", [self.test(tree.children[0])])
        self.fail("expected a test such as 'ending >= 0' (a comparison, and/or/not)", _first_token(tree))

    def amount(self, tree):
        kind = getattr(tree, "data", None)
        if kind == "number":
            return Number(str(tree.children[0]))
        if kind == "reference":
            return self.reference(tree.children, in_set_function=False)
        if kind in ("add", "subtract", "multiply", "divide"):
            op = {"add": "+", "subtract": "-", "multiply": "*", "divide": "/"}[kind]
            return Arithmetic(op, self.amount(tree.children[0]), self.amount(tree.children[1]))
        if kind == "minus":
            return Unary("-", self.amount(tree.children[0]))
        if kind == "call":
            return self.call(tree.children)
        if kind in ("compare", "all_of", "any_of", "negate"):
            self.fail("a test cannot be used as an amount", _first_token(tree))
        # "+x" parses to x's own tree.
        return self.amount(tree.children[0])  # pragma: no cover

    def call(self, children):
        name, args = children[0], children[1:]
        if str(name) not in FUNCTIONS:
            self.fail(f"unknown function {str(name)!r}{_suggest(str(name), FUNCTIONS)} "
                      f"(known: {', '.join(FUNCTIONS)})", name)
        if str(name) == "abs":
            if len(args) != 1:
                self.fail("abs() takes one amount", name)
            return Call("abs", [self.amount(args[0])])
        if not args:
            self.fail(f"{name}() needs at least one amount or set of cells", name)
        built = []
        for arg in args:
            if getattr(arg, "data", None) == "reference":
                built.append(self.reference(arg.children, in_set_function=True))
            else:
                built.append(self.amount(arg))
        return Call(str(name), built)

    def reference(self, parts, in_set_function):
        scope = str(parts[0]) if len(parts) == 2 else None
        name_token = parts[-1]
        name = str(name_token)
        if scope is not None and scope not in ROW_SCOPES + SET_SCOPES:
            known = ROW_SCOPES + SET_SCOPES
            self.fail(f"unknown prefix '{scope}.'{_suggest(scope, known)} (known: "
                      f"{', '.join(s + '.' for s in known)})", parts[0])
        if scope in SET_SCOPES and not in_set_function:
            self.fail(f"'{scope}.{name}' is a set of cells: use it inside sum(), min() or max()", parts[0])
        if name in ROW_SCOPES + SET_SCOPES:
            self.fail(f"'{name}' is a prefix: write '{name}.' and a role, e.g. '{name}.ending'", name_token)
        if name == CELL:
            if not self.per_column:
                self.fail("'cell' names the current column: only in a rule with applies_to: columns",
                          name_token)
        elif name in FUNCTIONS:
            self.fail(f"{name} is a function: write {name}(...)", name_token)
        elif name not in self.roles and name not in AGGREGATES:
            known = sorted(self.roles | set(AGGREGATES) | ({CELL} if self.per_column else set()))
            self.fail(f"unknown role {name!r}{_suggest(name, known)}", name_token)
        return (RowSet if scope in SET_SCOPES else Reference)(scope, name)


def _suggest(name: str, known) -> str:
    if not isinstance(name, str):  # a YAML key may be null, a number, a date
        return ""
    import difflib  # only for a misspelt name

    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _first_token(tree):
    from lark import Token

    if isinstance(tree, Token):
        return tree
    for child in getattr(tree, "children", ()):
        found = _first_token(child)
        if found is not None:
            return found
    return None


# --- judging one test at one place ------------------------------------------


def subject(test) -> Optional[Reference]:
    """The reference whose cell a finding is about: the first one on the
    left of a comparison, else the first one at all."""
    def cells(refs):
        return [ref for ref in refs if not isinstance(ref, RowSet)]

    if isinstance(test, Comparison):
        refs = cells(test.left.references()) or cells(test.right.references())
    else:
        refs = cells(test.references())
    return refs[0] if refs else None

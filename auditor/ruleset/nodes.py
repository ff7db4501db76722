"""The nodes a compiled formula is made of, and how each evaluates at a row.

A node evaluates two ways: `value` (the exact reading of the printed
figures) and `interval` (each printed figure exact only to half a unit of
its last digit, as XBRL Calculations 1.1 reads rounded figures).  Rules
judge with the first and weigh a failure's tolerance with the second.
Nodes can only read cells of a schedule: `auditor.ruleset.formula` builds
them from the grammar, every name resolved when the rules file loads.
"""

from __future__ import annotations

from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Callable, Iterator, Literal, Optional, Union

from auditor.model import Cell
from auditor.ruleset.table import AGGREGATES, ZERO, NotApplicable, Table, half_unit

ROW_SCOPES = ("prev", "next", "total")
SET_SCOPES = ("parts", "items")
CELL = "cell"
FUNCTIONS = ("abs", "sum", "min", "max")

# How far a test may miss and still hold: "rounding" (each printed figure exact to
# half a unit of its last digit), or an absolute amount in printed units.
Tolerance = Union[Literal["rounding"], Decimal]
Interval = tuple[Decimal, Decimal]
# A node that evaluates to an amount (a `RowSet` only as a set function's argument),
# and one that holds or not.
Amount = Union["Number", "Reference", "Unary", "Arithmetic", "Call"]
Test = Union["Comparison", "Logic"]


class Here:
    """Where a formula is being evaluated: a row of a table, and for a
    per-column rule the column `cell` names.  `read` collects the cells a
    traced evaluation reads."""

    __slots__ = ("table", "p", "r", "k", "read")

    def __init__(self, table: Table, p: int, r: int, k: Optional[int] = None,
                 read: Optional[list[Optional[Cell]]] = None):
        self.table, self.p, self.r, self.k, self.read = table, p, r, k, read


# --- numbers ----------------------------------------------------------------


class Number:
    def __init__(self, text: str):
        self.amount = Decimal(text)
        self.source = text

    def value(self, here: Here) -> Decimal:
        return self.amount

    def interval(self, here: Here) -> Interval:
        return self.amount, self.amount

    def text(self, table: Table) -> str:
        return self.source

    def references(self) -> tuple[Reference, ...]:
        return ()


class Reference:
    """A role, an aggregate or `cell`, in this row or the row a scope names."""

    def __init__(self, scope: Optional[str], name: str):
        self.scope, self.name = scope, name

    def columns(self, here: Here) -> tuple[int, ...]:
        if self.name == CELL:
            assert here.k is not None  # (`cell` compiles only in a rule that runs per column)
            return (here.k,)
        return here.table.columns.get(self.name, ())  # a role the table lacks reads as nil

    def place(self, here: Here) -> tuple[int, int]:
        if self.scope is None:
            return here.p, here.r
        return here.table.moved(self.scope, here.p, here.r)

    def value(self, here: Here) -> Decimal:
        p, r = self.place(here)
        columns = self.columns(here)
        if here.read is not None:
            here.read.extend(here.table.cell(p, r, k) for k in columns)
        values = here.table.values[p][r]
        if len(columns) == 1:  # the usual case, kept quick
            found = values[columns[0]]
        else:
            found = sum((values[k] for k in columns), ZERO)
        if not here.table.adopted:  # (the usual case, kept quick)
            return found
        for ap, ar, k in self._adopted(here, columns):
            if here.read is not None:
                here.read.append(here.table.cell(ap, ar, k))
            found += here.table.values[ap][ar][k]
        return found

    def _adopted(self, here: Here, columns: tuple[int, ...]) -> tuple[tuple[int, int, int], ...]:
        """The places of the adoptions printed as rows of their own that the balance at end `prev.`
        reads carries into this row (reading/adoption), if any."""
        if self.scope != "prev":
            return ()
        adopted = here.table.adopted.get((here.p, here.r), ())
        effects = {here.table.schedule.columns[k].effect for k in columns}
        return adopted if effects == {"closing"} else ()

    def interval(self, here: Here) -> Interval:
        p, r = self.place(here)
        centre = self.value(here)
        columns = self.columns(here)
        width = sum((half_unit(here.table.cell(p, r, k)) for k in columns), ZERO)
        for place in self._adopted(here, columns) if here.table.adopted else ():
            width += half_unit(here.table.cell(*place))
        return centre - width, centre + width

    def text(self, table: Table) -> str:
        prefix = f"{self.scope}." if self.scope else ""
        if self.name in AGGREGATES:
            roles = [table.schedule.columns[k].role or "" for k in table.columns[self.name]]
            return " + ".join(prefix + r for r in roles) or "0"
        return prefix + self.name

    def references(self) -> tuple[Reference, ...]:
        return (self,)


class RowSet(Reference):
    """`parts.X` or `items.X`: the same name in each of a set of rows."""

    scope: str

    def _each(self, here: Here) -> Iterator[Here]:
        for p, r in here.table.rows(self.scope, here.p, here.r):
            yield Here(here.table, p, r, here.k, here.read)

    def values(self, here: Here) -> list[Decimal]:
        if here.read is not None:
            plain = Reference(None, self.name)
            return [plain.value(h) for h in self._each(here)]
        table, columns = here.table, self.columns(here)
        rows = table.rows(self.scope, here.p, here.r)
        return [sum((table.values[p][r][k] for k in columns), ZERO) for p, r in rows]

    def intervals(self, here: Here) -> list[Interval]:
        plain = Reference(None, self.name)
        return [plain.interval(h) for h in self._each(here)]


class Unary:
    def __init__(self, op: Literal["-", "abs"], operand: Amount):
        self.op, self.operand = op, operand

    def value(self, here: Here) -> Decimal:
        v = self.operand.value(here)
        return -v if self.op == "-" else abs(v)

    def interval(self, here: Here) -> Interval:
        lo, hi = self.operand.interval(here)
        if self.op == "-":
            return -hi, -lo
        if lo >= 0:
            return lo, hi
        if hi <= 0:
            return -hi, -lo
        return ZERO, max(-lo, hi)

    def text(self, table: Table) -> str:
        inner = self.operand.text(table)
        return f"-{_tight(self.operand, inner)}" if self.op == "-" else f"abs({inner})"

    def references(self) -> tuple[Reference, ...]:
        return self.operand.references()


class Arithmetic:
    def __init__(self, op: Literal["+", "-", "*", "/"], left: Amount, right: Amount):
        self.op, self.left, self.right = op, left, right

    def value(self, here: Here) -> Decimal:
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

    def interval(self, here: Here) -> Interval:
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

    def text(self, table: Table) -> str:
        left = self.left.text(table)
        right = self.right.text(table)
        if self.op in "*/":
            left = _tight(self.left, left)
        if self.op != "+":
            right = _tight(self.right, right)
        return f"{left} {self.op} {right}"

    def references(self) -> tuple[Reference, ...]:
        return self.left.references() + self.right.references()


def _tight(node: Amount, text: str) -> str:
    """Parenthesized where a sum would otherwise read wrong."""
    loose = isinstance(node, Arithmetic) and node.op in "+-" or " + " in text
    return f"({text})" if loose and not isinstance(node, Call) else text


class Call:
    def __init__(self, name: str, args: list[Amount]):
        self.name, self.args = name, args

    def _values(self, here: Here) -> list[Decimal]:
        out: list[Decimal] = []
        for a in self.args:
            out.extend(a.values(here) if isinstance(a, RowSet) else [a.value(here)])
        return out

    def _intervals(self, here: Here) -> list[Interval]:
        out: list[Interval] = []
        for a in self.args:
            out.extend(a.intervals(here) if isinstance(a, RowSet) else [a.interval(here)])
        return out

    def value(self, here: Here) -> Decimal:
        if self.name == "abs":
            return abs(self.args[0].value(here))
        values = self._values(here)
        if self.name == "sum":
            return sum(values, ZERO)
        if not values:
            raise NotApplicable(f"{self.name}() of no figures")
        return min(values) if self.name == "min" else max(values)

    def interval(self, here: Here) -> Interval:
        if self.name == "abs":
            return Unary("abs", self.args[0]).interval(here)
        spans = self._intervals(here)
        if self.name == "sum":
            return sum((s[0] for s in spans), ZERO), sum((s[1] for s in spans), ZERO)
        if not spans:
            raise NotApplicable(f"{self.name}() of no figures")
        pick = min if self.name == "min" else max
        return pick(s[0] for s in spans), pick(s[1] for s in spans)

    def text(self, table: Table) -> str:
        return f"{self.name}({', '.join(a.text(table) for a in self.args)})"

    def references(self) -> tuple[Reference, ...]:
        return tuple(ref for a in self.args for ref in a.references())


# --- tests ------------------------------------------------------------------

OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


class Comparison:
    def __init__(self, op: str, left: Amount, right: Amount):
        self.op, self.left, self.right = op, left, right
        self.test = OPS[op]

    def holds(self, here: Here) -> bool:
        return self.test(self.left.value(here), self.right.value(here))

    def within(self, here: Here, tolerance: Tolerance) -> tuple[bool, Decimal]:
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

    def text(self, table: Table) -> str:
        return f"{self.left.text(table)} {self.op} {self.right.text(table)}"

    def references(self) -> tuple[Reference, ...]:
        return self.left.references() + self.right.references()


class Logic:
    def __init__(self, op: Literal["and", "or", "not"], operands: list[Test]):
        self.op, self.operands = op, operands

    def holds(self, here: Here) -> bool:
        if self.op == "not":
            return not self.operands[0].holds(here)
        if self.op == "and":
            return all(o.holds(here) for o in self.operands)
        return any(o.holds(here) for o in self.operands)

    def text(self, table: Table) -> str:
        if self.op == "not":
            return f"not ({self.operands[0].text(table)})"
        return f" {self.op} ".join(f"({o.text(table)})" for o in self.operands)

    def references(self) -> tuple[Reference, ...]:
        return tuple(ref for o in self.operands for ref in o.references())


# --- what a finding is about -----------------------------------------------


def subject(test: Test) -> Optional[Reference]:
    """The reference whose cell a finding is about: the first one on the
    left of a comparison, else the first one at all."""
    def cells(refs: tuple[Reference, ...]) -> list[Reference]:
        return [ref for ref in refs if not isinstance(ref, RowSet)]

    if isinstance(test, Comparison):
        refs = cells(test.left.references()) or cells(test.right.references())
    else:
        refs = cells(test.references())
    return refs[0] if refs else None

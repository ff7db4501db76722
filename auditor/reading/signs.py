"""How each movement column's printed figures enter the row identity.

A candidate reading gives each movement column a coefficient: +1 (its printed
figure is added to the balance) or -1 (subtracted).  The candidates are few
and explicit: a column the headings call an addition is added as printed
(negative additions are releases); a deduction is subtracted when printed
positive or added when printed signed; a column no heading names ("Other",
"Misc.", a blank) may do either.  The reading taken closes the most rows
(within rounding, then exactly); ties go to the prior, which is what the
column's own printed signs say (two figures or more), then its heading.

One wrong figure moves one row: its row fails read either way, or (a wrong
sign) closes read the other way.  So the arithmetic settles a column only
where the other reading would leave two of its rows failing (`decides`): a
column of one figure, or of two that close one each way, keeps its heading's
reading where that is what its figures close, and is otherwise said to be
ambiguous; either way a wrong sign is never read as the column's convention.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import product
from typing import NamedTuple, Optional

from auditor.model import Cell, Schedule, amount_of

HALF = Decimal("0.5")
ZERO = Decimal(0)
MAX_FREE = 6  # columns searched both ways; beyond, the prior (2**6 readings at most)


class Choice(NamedTuple):
    """The coefficients a movement column may take, and the prior one."""

    options: tuple[int, ...]  # +1 and/or -1
    prior: int
    evidence: str  # why the prior, "" where nothing but the default says so


class RowSum(NamedTuple):
    base: Decimal  # opening - closing
    figures: tuple[tuple[int, Decimal], ...]  # (column, printed amount) per movement column
    tolerance: Decimal  # half a unit of each figure read


# A reading: each movement column's coefficient, +1 (added as printed) or -1 (subtracted).
Coefficients = dict[int, int]


def rows_of(schedule: Schedule, opening: int, closing: int, movements: list[int]) -> list[RowSum]:
    sums = []
    for period in schedule.periods:
        for row in period.rows:
            cells = [row.cells[k] for k in [opening, closing] + movements]
            if all(c is None for c in cells):
                continue
            tolerance = sum((half_unit(c) for c in cells), ZERO)
            figures = tuple((k, amount_of(row.cells[k])) for k in movements)
            sums.append(RowSum(amount_of(row.cells[opening]) - amount_of(row.cells[closing]), figures, tolerance))
    return sums


def half_unit(cell: Optional[Cell]) -> Decimal:
    """Half a unit of the last printed digit; a nil or a blank is exact."""
    if cell is None or cell.value is None:
        return ZERO
    return HALF.scaleb(-cell.decimals)


# The row identity in plain arithmetic: the rules' formula needs the column effects this search decides.
def closing(rows: list[RowSum], coef: Coefficients) -> int:
    """Rows that close read this way, within rounding."""
    return sum(1 for r in rows if abs(r.base + sum(coef[k] * x for k, x in r.figures)) <= r.tolerance)


def support(rows: list[RowSum], coef: Coefficients) -> tuple[int, int]:
    """(rows closing within rounding, rows closing exactly): with small figures
    rounding lets a row close either way, and the exact count tells."""
    within = exact = 0
    for r in rows:
        off = abs(r.base + sum(coef[k] * x for k, x in r.figures))
        within += off <= r.tolerance
        exact += not off
    return within, exact


def search(rows: list[RowSum], choices: dict[int, Choice]) -> Coefficients:
    """The coefficients read, and for each column the counts that decided it."""
    return searched(rows, choices)[0]


def searched(rows: list[RowSum], choices: dict[int, Choice]) -> tuple[Coefficients, int]:
    """`search`'s coefficients, and how many rows close (within rounding) read so."""
    prior = {k: c.prior for k, c in choices.items()}
    moving = printing(rows)
    free = [k for k, c in choices.items() if len(c.options) > 1 and k in moving][:MAX_FREE]
    best, best_key = dict(prior), None
    for signs in product((1, -1), repeat=len(free)):
        coef = dict(prior)
        coef.update(zip(free, signs))
        agree = sum(1 for k in free if coef[k] == prior[k])
        key = (*support(rows, coef), agree)
        if best_key is None or key > best_key:
            best, best_key = coef, key
    return best, best_key[0] if best_key else 0


def printing(rows: list[RowSum]) -> dict[int, list[tuple[int, Decimal]]]:
    """Column -> (row index, figure) of each row where it prints a non-zero
    figure: a column whose sign can matter."""
    out: dict[int, list[tuple[int, Decimal]]] = {}
    for i, r in enumerate(rows):
        for j, x in r.figures:
            if x:
                out.setdefault(j, []).append((i, x))
    return out


class Sums:
    """Each row's identity read with `coef`, and the rows each column prints
    in: a column read the other way costs its own rows, not every row (asked
    of every row for every column, a table of thousands of columns took minutes)."""

    def __init__(self, rows: list[RowSum], coef: Coefficients):
        self.rows, self.coef = rows, dict(coef)
        self.off = [r.base + sum(self.coef[k] * x for k, x in r.figures) for r in rows]
        self.printing = printing(rows)

    def column(self, k: int) -> tuple[tuple[int, int], tuple[int, int], int]:
        """Rows where column k prints a figure: (within rounding, exactly)
        closing read this way, the same read the other way, and how many rows."""
        mine = self.printing.get(k, [])
        here = [self.off[i] for i, _ in mine]
        there = [self.off[i] - 2 * self.coef[k] * x for i, x in mine]
        tolerances = [self.rows[i].tolerance for i, _ in mine]
        return _counted(here, tolerances), _counted(there, tolerances), len(mine)

    def read(self, k: int, sign: int) -> None:
        """Column k read with `sign` from now on."""
        if sign != self.coef[k]:
            for i, x in self.printing.get(k, []):
                self.off[i] += (sign - self.coef[k]) * x
            self.coef[k] = sign


def _counted(offs: list[Decimal], tolerances: list[Decimal]) -> tuple[int, int]:
    """(rows off by no more than rounding, rows off by nothing)."""
    return sum(1 for off, t in zip(offs, tolerances) if abs(off) <= t), sum(1 for off in offs if not off)


def decides(here: tuple[int, int], there: tuple[int, int], of: int) -> bool:
    """The arithmetic settles a column's sign: more of its `of` rows close
    read this way than the other, and the other way leaves two or more of
    them failing, within rounding (or, no fewer closing within rounding, so
    counted exactly: figures of a unit or two close either way in rounding).
    One wrong figure makes one row fail, or close the other way: never two.
    So a column of one figure, or of two that close one each way, is
    unsettled, while two figures of which one is wrong settle it."""
    within = here[0] > there[0] and of - there[0] >= 2
    exact = here[0] >= there[0] and here[1] > there[1] and of - there[1] >= 2
    return within or exact


def beats(one: tuple[int, int], other: tuple[int, int], margin: int = 2) -> bool:
    """(within rounding, exactly) counts: `margin` more within rounding, or as
    many and `margin` more exactly (with figures of a unit or two, rounding
    lets a row or a column close either way)."""
    return one[0] - other[0] >= margin or (one[0] >= other[0] and one[1] - other[1] >= margin)


def with_sign(coef: Coefficients, k: int, sign: int) -> Coefficients:
    out = dict(coef)
    out[k] = sign
    return out


def printed_sign(schedule: Schedule, k: int, balance_sign: int) -> tuple[int, int]:
    """(negative, positive) figures of column k, relative to the balances' sign."""
    neg = pos = 0
    for period in schedule.periods:
        for row in period.rows:
            cell = row.cells[k]
            if cell is not None and cell.value:
                if cell.value * balance_sign < 0:
                    neg += 1
                else:
                    pos += 1
    return neg, pos


def balance_sign(schedule: Schedule, opening: int, closing_: int) -> int:
    """-1 when most printed balances are negative (allowances shown as contra amounts)."""
    signs = [
        cell.value
        for p in schedule.periods
        for row in p.rows
        for cell in (row.cells[opening], row.cells[closing_])
        if cell is not None and cell.value
    ]
    negative = sum(1 for v in signs if v < 0)
    return -1 if negative > len(signs) - negative else 1

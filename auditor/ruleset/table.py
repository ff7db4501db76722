"""The schedule as rule formulas read it: rows by place, columns by name.

Built once per schedule before the rules run.  It applies the sign
conventions the roles stage read off the table, so a formula sees every
figure the way Rule 12-09 means it: balances positive (also where the table
prints allowances as negative contra amounts) and deductions as positive
amounts taken from the balance (also where the table prints them negative).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, NamedTuple, Optional

from auditor.labels import row_key
from auditor.model import Cell, Column, Effect, Period, Row, Schedule, amount_of
from auditor.reading import carry
from auditor.reading.signs import half_unit
from auditor.reading.totals import default_parts
from auditor.ruleset.patterns import Pattern

if TYPE_CHECKING:
    from auditor.ruleset.tagged import Tag

# A cell's place: (period, row, column) indexes.
Place = tuple[int, int, int]

ZERO = Decimal(0)
# The aggregates: every column with this effect, whatever its role.
AGGREGATES: dict[str, Effect] = {"additions": "add", "deductions": "subtract"}


class NotApplicable(Exception):
    """The formula reads a row, column or amount this schedule does not have."""


value = amount_of  # a cell's amount, nil and blank as zero




def chronological(schedule: Schedule) -> list[Period]:
    """Periods oldest first, by end date or fiscal year; where the captions name no year,
    in the order the figures carry forward (`Reading.order`); printed order otherwise."""
    return [schedule.periods[p] for p in chronological_order(schedule)]


def chronological_order(schedule: Schedule) -> list[int]:
    """The indices of the periods, oldest first (see `chronological`)."""
    return carry.chronological_order(schedule.periods, schedule.reading.order if schedule.reading else None)


class Table:
    def __init__(self, schedule: Schedule, tags: Optional[dict[Place, Tag]] = None, axis: tuple[str, ...] = (),
                 unread: str = ""):
        self.schedule = schedule
        # Inline XBRL: the fact tagged on each cell ((p, r, k) -> tagged.Tag), the
        # reserve axes, and why the printed table was not read (facts checked instead).
        self.tags, self.axis, self.unread = tags or {}, axis, unread
        # What a check finds of the whole table and another check asks again (checks._block_cut,
        # VQ008's and VQ010's): found once per table, by the name of what it is.
        self.found: dict[str, object] = {}
        self.periods = schedule.periods
        self.factor = tuple(schedule.balance_sign * _sign(schedule, c) for c in schedule.columns)
        columns: dict[Optional[str], list[int]] = {}
        for k, col in enumerate(schedule.columns):
            columns.setdefault(col.role, []).append(k)
        for name, effect in AGGREGATES.items():
            columns[name] = [k for k, c in enumerate(schedule.columns) if c.effect == effect]
        self.columns = {name: tuple(ks) for name, ks in columns.items() if name is not None}
        # Every figure as formulas read it, once per schedule.
        self.values = [
            [tuple(f * value(c) for f, c in zip(self.factor, row.cells)) for row in period.rows]
            for period in schedule.periods
        ]
        ordered = chronological_order(schedule)  # (indices: equal periods stay apart, in linear time)
        links = schedule.reading.carry if schedule.reading is not None else None
        if links is None:  # (each period opens with the balances of the one before it)
            links = tuple(zip(ordered, ordered[1:]))
        self.earlier = {later: earlier for earlier, later in links}
        self.later: dict[int, int] = {}
        for earlier, later in links:
            self.later.setdefault(earlier, later)
        self.first, self.last = ordered[0], ordered[-1]
        self.parts: dict[tuple[int, int], tuple[int, ...]] = {}  # (p, r) of a total -> the rows it sums
        self.grand_total: dict[int, int] = {}
        # Cells of totals the reading found blank under printed parts, and balances as adjusted a
        # year without an adoption leaves unprinted: a test reading one says nothing.  An item's
        # unprinted balance as adjusted is its balance at beginning (no adoption, no change) where
        # the row prints one before it: a total over it adds that (`_as_adjusted_unprinted`).
        self.unclaimed: set[tuple[int, int, int]] = self._as_adjusted_unprinted(schedule)
        if schedule.reading is not None:
            for t in schedule.reading.totals:
                self.parts[(t.period, t.row)] = t.parts
                self.unclaimed.update((t.period, t.row, k) for k in t.blank)
        else:
            for p, period in enumerate(self.periods):
                for total, parts in default_parts(period):
                    self.parts[(p, total)] = parts
        for p, period in enumerate(self.periods):
            totals = [r for r, row in enumerate(period.rows) if row.is_total]
            if totals:
                self.grand_total[p] = totals[-1]
        self.items = [tuple(r for r, row in enumerate(p.rows) if not row.is_total) for p in self.periods]
        self.keys = [self._keys(p, period) for p, period in enumerate(self.periods)]
        self.by_key: list[dict[str, int]] = [{} for _ in self.periods]
        for p, keys in enumerate(self.keys):
            for r, key in reversed(list(enumerate(keys))):
                self.by_key[p][key] = r  # the first row with that label
        # A standard's adoption printed as a row of its own: the place of its figure, added to the
        # balance at end the row it moves opens with (`prev.` of a closing balance reads it too).
        adoptions = schedule.reading.adoptions if schedule.reading is not None else ()
        self.adopted: dict[tuple[int, int], tuple[tuple[int, int, int], ...]] = {}
        for p, r, ap, ar, k in adoptions:  # (a total carries each of its accounts' adoptions)
            self.adopted[(p, r)] = self.adopted.get((p, r), ()) + ((ap, ar, k),)
        closing = [k for k, c in enumerate(schedule.columns) if c.effect == "closing"]
        for _, _, ap, ar, _ in adoptions:  # (an adoption printing its figure at beginning alone ends nowhere)
            self.unclaimed.update((ap, ar, k) for k in closing if _unprinted(self.cell(ap, ar, k)))

    def _as_adjusted_unprinted(self, schedule: Schedule) -> set[Place]:
        """Each item's unprinted balance as adjusted read as its balance at beginning (the
        opening columns before it, as formulas read them); the places left unread: a total's
        (summing its parts' balances at beginning again would report one misprint twice) and
        one with no balance printed before it."""
        unread: set[Place] = set()
        for p, r, k in _unprinted_adjusted(schedule):
            openings = [j for j in range(k) if schedule.columns[j].effect == "opening"]
            if not openings or schedule.periods[p].rows[r].is_total:
                unread.add((p, r, k))
                continue
            row = list(self.values[p][r])
            row[k] = sum((row[j] for j in openings), ZERO)
            self.values[p][r] = tuple(row)
        return unread

    def _keys(self, p: int, period: Period) -> list[str]:
        """Each row's key, by which `prev.` and `next.` find it: its label, but for totals
        labelled alike in a period ("Total" under each group and under all) the label and the
        accounts each sums, so that a group's "Total" opens with its own group's the year before."""
        keys = [_key(row, period) for row in period.rows]
        if len(set(keys)) == len(keys):
            return keys
        alike = {key for key in keys if keys.count(key) > 1}
        return [f"{key} <{'; '.join(sorted(self._accounts(p, r, keys)))}>" if key in alike and (p, r) in self.parts
                else key for r, key in enumerate(keys)]

    def _accounts(self, p: int, r: int, keys: list[str], within: frozenset = frozenset()) -> set[str]:
        """The keys of the items total (p, r) sums, through the totals it sums."""
        out: set[str] = set()
        within = within | {r}
        for i in self.parts[(p, r)]:
            out |= self._accounts(p, i, keys, within) if (p, i) in self.parts and i not in within else {keys[i]}
        return out

    def cell(self, p: int, r: int, k: int) -> Optional[Cell]:
        return self.periods[p].rows[r].cells[k]

    def row(self, p: int, r: int) -> Row:
        return self.periods[p].rows[r]

    def moved(self, scope: Optional[str], p: int, r: int) -> tuple[int, int]:
        """The row `prev.`, `next.` or `total.` names from row (p, r)."""
        if scope is None:
            return p, r
        if scope == "total":
            if p not in self.grand_total:
                raise NotApplicable("no total row")
            return p, self.grand_total[p]
        other = (self.earlier if scope == "prev" else self.later).get(p)
        if other is None:
            raise NotApplicable(f"no {scope} period")
        found = self.by_key[other].get(self.keys[p][r])
        if found is None:
            raise NotApplicable(f"no such row in the {scope} period")
        return other, found

    def rows(self, scope: str, p: int, r: int) -> tuple[tuple[int, int], ...]:
        """The set of rows `parts.` or `items.` names from row (p, r)."""
        if scope == "items":
            return tuple((p, i) for i in self.items[p])
        parts = self.parts.get((p, r))
        if not parts:
            raise NotApplicable("not a total row")
        return tuple((p, i) for i in parts)


def _unprinted_adjusted(schedule: Schedule) -> Iterator[Place]:
    """The balances as adjusted printed nil, blank or zero in a row whose movements before them
    (the adoption) are nil, blank or zero: a filer prints no balance as adjusted in a year without
    an adoption (the row runs from the balance at beginning).  A zero there is the filer's nil, as
    where every nil is printed "0": with no adoption, the balance as adjusted is the balance at
    beginning, zero only where that is zero too, so reading it so changes no figure a check could
    find wrong but the nil's.  (A zero adoption counts as none, so a diagnosis correcting a
    misprinted adoption to 0 sees the row close.)"""
    columns = schedule.columns
    for k in [k for k, c in enumerate(columns) if c.effect == "adjusted"]:
        before = [j for j in range(k) if columns[j].effect in ("add", "subtract")]
        for p, period in enumerate(schedule.periods):
            for r, row in enumerate(period.rows):
                if _no_amount(row.cells[k]) and all(_no_amount(row.cells[j]) for j in before):
                    yield p, r, k


def _unprinted(cell: Optional[Cell]) -> bool:
    """Blank or a nil: no amount printed (a balance at end of 0 is printed)."""
    return cell is None or cell.value is None


def _no_amount(cell: Optional[Cell]) -> bool:
    """Blank, a nil or zero."""
    return cell is None or not cell.value  # (None: a nil; Decimal 0: zero)


def _key(row: Row, period: Period) -> str:
    if row.label:
        return row_key(row.label)
    # An unlabelled total: matched by its place among the period's totals.
    return f"<total {[r for r in period.rows if r.is_total and not r.label].index(row)}>"


def _sign(schedule: Schedule, column: Column) -> int:
    """How formulas read a column's printed figures: as the reading stage
    decided, or, for a schedule built without it, by the table's convention."""
    if schedule.reading is not None:
        return column.sign
    return -1 if schedule.deductions == "added" and column.effect == "subtract" else 1


ScopeRows = Literal["all", "items", "totals"]
ScopePeriods = Literal["all", "latest", "earliest"]


class Scope(NamedTuple):
    """What a rule applies to (`applies_to` in the rules file)."""

    rows: ScopeRows = "all"
    label: Optional[Pattern] = None  # row label pattern
    period: Optional[Pattern] = None  # period label pattern
    periods: ScopePeriods = "all"
    columns: Optional[tuple[str, ...]] = None  # roles; ("*",) every column; None: not per column

    def periods_of(self, table: Table) -> Iterator[int]:
        for p, period in enumerate(table.periods):
            if self.periods == "latest" and p != table.last or self.periods == "earliest" and p != table.first:
                continue
            if self.period is not None and not self.period.search(period.label):
                continue
            yield p

    def wants(self, row: Row) -> bool:
        if self.rows == "items" and row.is_total or self.rows == "totals" and not row.is_total:
            return False
        return self.label is None or bool(self.label.search(row.label))

    def targets(self, table: Table) -> Iterator[tuple[int, int, Optional[int]]]:
        """(period, row, column) for each place the rule is checked; column
        is None unless the rule runs per column."""
        ks: Iterable[Optional[int]]
        if self.columns is None:
            ks = (None,)
        elif self.columns == ("*",):
            ks = range(len(table.schedule.columns))
        else:
            ks = [k for k, c in enumerate(table.schedule.columns) if c.role in self.columns]
        for p in self.periods_of(table):
            for r, row in enumerate(table.periods[p].rows):
                if self.wants(row):
                    for k in ks:
                        yield p, r, k

"""The schedule AST: what every front end builds and every rule reads.

Small immutable records (frozen dataclasses), in the language of Rule 12-09: a schedule has
columns and periods, a period has rows, a row has one cell per column.
Amounts are `Decimal`; a nil figure ("-", "--", "—") is a cell whose value
is None, and a column left blank in a row has no cell at all (None in the
row's `cells`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Literal, NamedTuple, Optional, TypeVar, get_args

# The kinds, as the closed sets of words they are (strings stay strings: JSON output is unchanged).
RowKind = Literal["item", "total"]
# What a column does to the balance: Rule 12-09's columns B and E, C, D; "adjusted": a balance
# printed within the row (the balance at beginning as adjusted on adopting a standard).
Effect = Literal["opening", "closing", "add", "subtract", "adjusted"]
Severity = Literal["error", "warning", "info"]
# Where a schedule (and so a finding) was read from: a printed table, or inline XBRL facts.
Source = Literal["table", "xbrl"]
# How the deduction columns print their figures: positive (subtracted) or signed (added).
Deductions = Literal["subtracted", "added"]

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
# Severities from least to most severe: what --fail-on and the marks of a cell compare.
SEVERITY_RANK: dict[Severity, int] = {"info": 0, "warning": 1, "error": 2}


def as_severity(word: str) -> Optional[Severity]:
    """The severity a word names, or None."""
    return next((s for s in SEVERITIES if s == word), None)


Record = TypeVar("Record", bound=type)


def pickled_by_fields(cls: Record) -> Record:
    """A frozen record of slots pickled as the call that makes it (`cls(*fields)`):
    the state methods dataclasses give such a class look its fields up at each
    call, two thirds of what pickling a result cost a corpus run's worker, and
    unpickling it the main process."""
    values = attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: object) -> tuple[type, tuple[object, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]  # (the class's own, over object's)
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column of a character in the input file."""

    line: int
    column: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cell:
    value: Optional[Decimal]  # None: printed as nil
    raw: str  # the figure as printed, without "$" or footnote marker
    line: int
    column: int  # of the first character: the "(" of a negative
    end_column: int  # one past the last character, as SARIF counts
    footnote: Optional[str] = None

    @property
    def position(self) -> Position:
        return Position(self.line, self.column)

    @property
    def decimals(self) -> int:
        """Digits printed after the decimal point (the figure's precision)."""
        digits = self.raw.strip("() -CRcr")  # (a typed negative's mark after it: "47.3-", "47.3 CR")
        if "." not in digits or self._dots_group(digits):
            return 0
        return len(digits.split(".", 1)[1])

    def _dots_group(self, digits: str) -> bool:
        """Whether the "." of the figure grouped its thousands as read ("1.212.067": 1212067)."""
        if not self.value:
            return False
        whole = "".join(ch for ch in digits if ch.isdigit())
        # (Decimal, not int: int() refuses a string of more than 4,300 digits, a damaged figure's.)
        return bool(whole) and abs(self.value) == Decimal(whole)


def amount_of(cell: Optional[Cell]) -> Decimal:
    """A cell's amount in arithmetic: a nil figure or a blank counts as zero."""
    return cell.value if cell is not None and cell.value is not None else ZERO


ZERO = Decimal(0)


def figure_value(digits: str, raw: str) -> Decimal:
    """The exact amount of a figure's digits ("1234.5"), or InputError for a
    figure too long for every check of it to be exact (the caller names the
    line); `raw` is the figure as printed, for the message."""
    from auditor.errors import InputError
    from auditor.limits import MAX_FIGURE_DIGITS

    # (counted only where the figure is long enough to be over: every figure is read here)
    count = len(digits) > MAX_FIGURE_DIGITS and sum(ch.isdigit() for ch in digits)
    if count > MAX_FIGURE_DIGITS:
        shown = raw if len(raw) <= 40 else raw[:20] + "..." + raw[-10:]
        raise InputError(f"figure {shown!r} has {count} digits: more than the {MAX_FIGURE_DIGITS} "
                         "auditor can check exactly")
    try:
        return Decimal(digits)
    except ArithmeticError:  # (a front end's bug if reached: a figure its grammar should not have let by)
        raise InputError(f"figure {raw[:40]!r} cannot be read as a number") from None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Column:
    heading: str  # heading text joined across the heading lines
    role: Optional[str]  # set by the roles stage
    start: int  # character span in the table, 1-based, end exclusive
    end: int
    effect: Optional[Effect] = None  # set by the reading stage
    # How the rules read the printed figures (reading stage): 1 as printed, -1 negated
    # (a deduction printed as a negative amount is read as a positive amount subtracted).
    sign: int = 1
    heading_line: Optional[int] = None  # where the heading is printed, when the front end knows


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Row:
    label: str
    kind: RowKind
    cells: tuple[Optional[Cell], ...]  # one per schedule column
    line: int
    footnote: Optional[str] = None
    # The row's cells read the other way where the front end could not tell a small figure in
    # parentheses right after a figure ("24" "(1)") from that figure's note's marker, nothing in the
    # table telling (html.row_marks.unsure): the reading stage settles it by the arithmetic (reading/marks);
    # still set on a row the arithmetic leaves unsure.
    either: Optional[tuple[Optional[Cell], ...]] = None

    @property
    def is_total(self) -> bool:
        return self.kind == "total"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Period:
    label: str  # as printed
    rows: tuple[Row, ...]
    line: int
    fiscal_year: Optional[int] = None
    end_date: Optional[date] = None

    @property
    def prints_figures(self) -> bool:
        """Whether any row prints a figure (a nil's dash too): not a year printed blank, its
        reserves' labels over no figure before they opened."""
        return any(c is not None for r in self.rows for c in r.cells)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Schedule:
    title: str
    units: Optional[str]
    columns: tuple[Column, ...]  # figure columns only (not the label column)
    periods: tuple[Period, ...]  # in printed order
    line: int  # where the schedule was found
    label_heading: str = ""
    # Conventions the roles stage reads off the table:
    deductions: Deductions = "subtracted"  # subtract-columns printed positive ("subtracted") or negative ("added")
    deductions_basis: str = ""  # why: "headings say so", "inferred: 9 of 9 rows close"
    balance_sign: int = 1  # -1 where allowances are printed as negative (contra) balances
    reading: Optional["Reading"] = None  # the reading stage's decisions and their basis
    unread: tuple[Position, ...] = ()  # figures a front end located but could place in no cell
    source: Source = "table"  # "xbrl": read from the inline XBRL facts, not from a printed table
    notes: tuple[str, ...] = ()  # what the reading left out and why (facts set aside or unread)
    subtitle: str = ""  # the line(s) under the title naming the years covered ("Years ended June 30, 2003, 2002 and 2001")

    def unsure_total(self, period: int, row: int) -> str:
        """What is said of a row its reading left unsure (`Reading.unsure_totals`): one wording
        for the finding (VQ005) and the description of the reading."""
        label = self.periods[period].label or "no period caption"
        return (f"{self.periods[period].rows[row].label} ({label}), printed above the rows, reads as a total of "
                "the rows below or as a reserve of its own; the arithmetic cannot tell (it sums them in fewer "
                "than half its columns): checked as a reserve")


# The reading stage's decisions (named tuples: cheap to define at import).


class ColumnReading(NamedTuple):
    """What one figure column was read as, and why."""

    column: int  # 1-based
    role: str
    effect: Effect
    sign: Effect  # how its printed figures enter the identity
    basis: tuple[str, ...]


class TotalReading(NamedTuple):
    """What one total row sums."""

    period: int  # index in the schedule's periods
    row: int  # index in the period's rows
    parts: tuple[int, ...]  # row indexes it sums
    scope: str  # "since the previous total", "the subtotals above", "all items of the period", ...
    basis: str
    # Columns the total leaves blank where its parts print figures (a total of the
    # balances alone, its movements blank): it claims no sum there.
    blank: tuple[int, ...] = ()


# How a "(1)" right after a figure, read two ways (Row.either), was read: a note's marker, a figure, or unsure.
MarkRead = Literal["marker", "figure", "unsure"]


class MarkReading(NamedTuple):
    """What a small figure in parentheses right after a figure ("24" "(1)"), which the front end could
    not tell from that figure's note's marker, was read as, and why (reading/marks)."""

    period: int  # index in the schedule's periods
    row: int  # index in the period's rows
    column: int  # index of the figure column it is the figure of, read as one
    cell: Cell  # the "(1)" as printed
    read_as: MarkRead
    basis: tuple[str, ...]


# A column the arithmetic reads either way: (its index, the message, the schedule's
# columns read the other way).
Ambiguity = tuple[int, str, tuple[Column, ...]]


class Reading(NamedTuple):
    columns: tuple[ColumnReading, ...]  # one per figure column
    totals: tuple[TotalReading, ...]
    rows_closing: int  # rows whose identity closes (within rounding) read this way
    rows: int  # rows with figures
    # Columns the arithmetic cannot read either way, each (column index, message, the
    # schedule's columns read the other way): rules are evaluated both ways and only
    # what both find is reported.
    ambiguous: tuple[Ambiguity, ...] = ()
    years_named: tuple[int, ...] = ()  # fiscal years the title or headings name
    years_counted: int = 0  # how many years the title counts in words ("the three years ended ...")
    # The file ends right after this table's last row (nothing there but rules, page
    # numbers and blank lines; no document closed): as a cut between two periods leaves it.
    ends_file: bool = False
    # The carry-forward links (earlier period, later period) where two periods end on the
    # same date (a year restated beside the year as reported), and why; None: chronological.
    carry: Optional[tuple[tuple[int, int], ...]] = None
    carry_basis: str = ""
    # The periods' indices oldest first where their captions name no year and the figures
    # decided it (reading/carry); None: by the captions.
    order: Optional[tuple[int, ...]] = None
    # A standard's adoption printed as a row of its own, read into the carry forward it moves
    # (reading/adoption.Adopted: the row opening on it, the adoption's row and column).
    adoptions: tuple[tuple[int, int, int, int, int], ...] = ()
    # Rows printed before their period's rows, labelled a total's word and a name, that sum
    # too few of them to be read as their total, in no other period to tell: (period, row),
    # read as reserves and said (reading/totals._named_first).
    unsure_totals: tuple[tuple[int, int], ...] = ()
    # Each "(1)" a front end read two ways (Row.either), as the arithmetic read it (reading/marks).
    marks: tuple[MarkReading, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    rule: str  # the rule's id in the rules file
    check: str  # the kind of check
    severity: Severity
    message: str
    period: str
    row: str
    column: Optional[str]  # the role of the cell the finding is about
    actual: Optional[Decimal]
    expected: Optional[Decimal]
    difference: Optional[Decimal]
    location: Position
    related: tuple[Position, ...] = ()
    source: Source = "table"  # "xbrl": a finding about the tagged facts

    def sort_key(self) -> tuple[int, int, str]:
        return (self.location.line, self.location.column, self.rule)

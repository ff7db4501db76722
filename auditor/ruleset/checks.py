"""The evaluators a rule can run, one small function each, registered by name.

Most rules run `formula`: their test is data, in the rules file.  A kind of
check a formula cannot say (a row that must exist in every period) is one
function registered here with `@evaluator("name")`.  An evaluator reads a
`Table` and yields a `Claim` wherever its test fails; severity, tolerance
wording and the message are the engine's business.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, NamedTuple, Optional

from auditor.labels import years_in
from auditor.model import Cell, Position, Row, Schedule
from auditor.reading import marks
from auditor.ruleset import nodes as fm
from auditor.ruleset.table import NotApplicable, Table, chronological, row_key, value

if TYPE_CHECKING:
    from auditor.ruleset.model import Rule

# An evaluator: the claims a rule makes about a table, at a tolerance.
Evaluator = Callable[[Table, "Rule", fm.Tolerance], Iterable["Claim"]]
EVALUATORS: dict[str, Evaluator] = {}


def evaluator(name: str) -> Callable[[Evaluator], Evaluator]:
    def register(fn: Evaluator) -> Evaluator:
        EVALUATORS[name] = fn
        return fn

    return register


class Claim(NamedTuple):
    """One failed test about one cell (or, for a missing row, one period)."""

    p: int  # period index
    r: Optional[int]  # row index; None for a claim about a whole period
    k: Optional[int]  # column index of the cell the claim is about
    actual: Optional[Decimal]
    expected: Optional[Decimal]  # the amount the cell should have (equalities only)
    difference: Optional[Decimal]  # actual - expected, or how far past its limit
    operands: tuple[Cell, ...] = ()  # the other cells read, for `related`
    fields: Mapping[str, object] = MappingProxyType({})  # extra message fields: text, or a Decimal `limit`
    allowed: Optional[Decimal] = None  # set when the tolerance explains the failure
    at: Optional[Position] = None  # where to report, when not at a cell (a heading, a stray figure)


@evaluator("formula")
def formula(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    assert rule.formula is not None  # (the `formula` evaluator runs only rules with one)
    for test in rule.formula.conjuncts:
        about = fm.subject(test)
        if about is not None and about.name != fm.CELL and not table.columns.get(about.name):
            continue  # the cell it is about is not in this table: the test does not apply
        here = fm.Here(table, 0, 0)
        for here.p, here.r, here.k in rule.scope.targets(table):
            try:
                if test.holds(here) or table.unclaimed and _reads_unclaimed(test, here):
                    continue
            except NotApplicable:
                continue
            claim = _claim(table, test, about, _fresh(here), tolerance)
            if claim is not None:
                yield claim


def _reads_unclaimed(test: fm.Test, here: fm.Here) -> bool:
    """The test reads a cell a total leaves blank (`Table.unclaimed`): a total
    of the balances alone neither sums nor closes its movements."""
    table = here.table
    for ref in test.references():
        rows = table.rows(ref.scope, here.p, here.r) if isinstance(ref, fm.RowSet) else (ref.place(here),)
        if any((p, r, k) in table.unclaimed for p, r in rows for k in ref.columns(here)):
            return True
    return False


def _claim(table: Table, test: fm.Test, about: Optional[fm.Reference], here: fm.Here,
           tolerance: fm.Tolerance) -> Optional[Claim]:
    here.read = []
    if isinstance(test, fm.Comparison):
        left, right = test.left.value(here), test.right.value(here)
    else:
        test.holds(here)
    read = [c for c in here.read if c is not None]
    if not read:
        return None  # the row prints none of the figures the test reads
    p, r, k = here.p, here.r, None
    if about is not None:
        p, r = about.place(here)
        k = about.columns(here)[0]
    subject = table.cell(p, r, k) if k is not None else None
    operands = tuple(sorted({(c.line, c.column): c for c in read if c is not subject}.values(),
                            key=lambda c: (c.line, c.column)))
    fields: dict[str, object] = {"formula": test.text(table)}
    if not isinstance(test, fm.Comparison):
        actual = value(subject) if subject is not None else None
        return Claim(p, r, k, actual, None, None, operands, fields)
    fields["formula"] = test.right.text(table)
    if about is not None and k is not None and _bare(test.left, about, here):  # report the figures as printed
        factor = table.factor[k]
        left, right = value(subject), right * factor
    difference = left - right
    fields["limit"] = right
    fits, allowed = test.within(_fresh(here), tolerance)
    expected = right if test.op == "==" else None
    return Claim(p, r, k, left, expected, difference, operands, fields, allowed if fits else None)


def _bare(node: fm.Amount, about: fm.Reference, here: fm.Here) -> bool:
    """The left side is the one cell the finding is about."""
    return node is about and len(about.columns(here)) == 1


def _fresh(here: fm.Here) -> fm.Here:
    return fm.Here(here.table, here.p, here.r, here.k)


@evaluator("row_exists")
def row_exists(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """Every period (that `applies_to` selects) has a row matching `applies_to`."""
    scope = rule.scope
    for p in scope.periods_of(table):
        if not any(scope.wants(row) for row in table.periods[p].rows):
            pattern = scope.label.pattern if scope.label else scope.rows
            yield Claim(p, None, None, None, None, None, fields={"pattern": pattern})


@evaluator("reading_ambiguity")
def reading_ambiguity(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """A column the reading cannot tell to add or to subtract, at its heading."""
    reading = table.schedule.reading
    for k, message, _ in reading.ambiguous if reading is not None else ():
        column = table.schedule.columns[k]
        at = Position(column.heading_line or table.schedule.line, column.start)
        yield Claim(0, None, k, None, None, None, fields={"detail": message}, at=at)
    for p, r in reading.unsure_totals if reading is not None else ():
        yield Claim(p, r, None, None, None, None, fields={"detail": table.schedule.unsure_total(p, r)})
    for p, r in marks.unsure_rows(table.schedule):
        found = marks.unsure_cell(table.schedule.periods[p].rows[r])
        if found is not None:
            k, cell = found
            yield Claim(p, r, k, None, None, None, fields={"detail": _unsure_mark(table, p, r, k, cell)}, at=cell.position)


def _unsure_mark(table: Table, p: int, r: int, k: int, cell: Cell) -> str:
    """What is said of a "(1)" right after a figure read two ways the arithmetic does not settle."""
    row, period = table.schedule.periods[p].rows[r], table.schedule.periods[p]
    heading = table.schedule.columns[k].heading or table.schedule.columns[k].role
    return (f"{row.label} ({period.label or 'no period caption'}): {cell.raw!r} right after a figure reads as a "
            f"note's marker or as {heading} of -{cell.raw.strip('()')}, no note naming it and the arithmetic "
            "telling neither: only what both readings find is reported")


@evaluator("periods_named")
def periods_named(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """The title names a fiscal year no period read covers, or counts more years
    ("the three years ended ...") than periods are read."""
    reading = table.schedule.reading
    read = {p.fiscal_year for p in table.periods} | {p.end_date.year for p in table.periods if p.end_date}
    read.discard(None)
    if reading is None:
        return
    opened = _opening_dates(table.schedule, read)
    years_named = [y for y in reading.years_named if y not in opened]
    if reading.years_counted > max(len(table.periods), len(years_named)):
        # (one year named, "For the three years ended December 31, 2003", over fewer periods)
        detail = (f"the title counts {reading.years_counted} years, but the rows are read as "
                  f"{len(table.periods)} period{'s' if len(table.periods) > 1 else ''}"
                  f"{'' if read else ' naming no year'}")
        yield Claim(0, None, None, None, None, None, fields={"detail": detail},
                    at=Position(table.schedule.line, 1))
        return
    if not years_named:
        return
    named = ", ".join(str(y) for y in years_named)
    missing = [y for y in years_named if y not in read]
    if not read and len(years_named) > len(table.periods):
        # (rows of several years read as fewer periods without a year: the title's years
        # could not be given to blocks of them, one each)
        detail = (f"the title names {named}, but the rows are read as {len(table.periods)} "
                  f"period{'s' if len(table.periods) > 1 else ''} naming no year")
        yield Claim(0, None, None, None, None, None, fields={"detail": detail},
                    at=Position(table.schedule.line, 1))
    elif read and missing:
        detail = (f"the title names {named}, but no period of {', '.join(str(y) for y in missing)} "
                  f"is read ({len(table.periods)} read)")
        yield Claim(0, None, None, None, None, None, fields={"detail": detail},
                    at=Position(table.schedule.line, 1))


def _opening_dates(schedule: Schedule, read: set[Optional[int]]) -> set[int]:
    """Years the opening balance's heading alone prints, each the year before a period read or
    before the closing balance's: the date a year opens on ("Balance at November 30, 2012" over
    the year ended November 30, 2013), the prior year's end, no period of its own.  A year the
    title or another heading names too is the title's claim, still a period to read."""
    opening = [c.heading for c in schedule.columns if c.effect == "opening"]
    closing = [c.heading for c in schedule.columns if c.effect == "closing"]
    elsewhere = [schedule.title, schedule.subtitle, schedule.label_heading]
    elsewhere += [c.heading for c in schedule.columns if c.effect != "opening"]
    ends = read | years_in(" ".join(closing))
    return {y for y in years_in(" ".join(opening)) - years_in(" ".join(elsewhere)) if y + 1 in ends}


# A 10-K's Schedule II shows each year of its income statements: three, or
# two for a smaller company (a whole exhibit of two years ending at its last
# row is common: 4 of the 82 fixtures, 2 of the 24 real tables); a single
# year is a newly public filer's, or what a file cut after its first period leaves.
YEARS_SHOWN = "three"
WARNED_BELOW = 2


@evaluator("file_ends_at_table")
def file_ends_at_table(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """The file ends right after the table's last row, and the table has a
    single period, under no title naming its years: a file cut after a
    table's first period reads so (a title naming the years is VQ006's evidence).
    Of two periods or more, the last one short of a reserve its neighbour carries
    (`_last_period_short`): a file cut inside its last period."""
    reading = table.schedule.reading
    periods = table.schedule.periods
    if reading is None or not reading.ends_file or not periods:
        return
    # (A year printed blank, its reserves' labels over no figure before they opened, shows no year's figures.)
    figured = [p for p in periods if p.prints_figures]
    if len(figured) >= WARNED_BELOW:
        found = list(_last_period_short(table))
        yield from found or _last_block_short(table)
        return
    if reading.years_named or not figured or figured[-1] is not periods[-1]:
        return
    last = periods[-1]
    named = str(last.fiscal_year) if last.fiscal_year else repr(last.label)
    only = "the only one read" if len(periods) == 1 else "the only one printing figures"
    detail = (f"the file ends at this table's last period ({named}), {only}: if it was cut, "
              f"the periods after it are missing; Schedule II shows each year of the income statements, "
              f"usually {YEARS_SHOWN}")
    yield Claim(0, None, None, None, None, None, fields={"detail": detail},
                at=Position(last.rows[-1].line if last.rows else last.line, 1))


def _last_period_short(table: Table) -> Iterator[Claim]:
    """The file ends at the table's last row, and the period printed last prints no row for a
    reserve the period next to it in time carries a balance to or from (the year before closed
    it at 1,234, or the year after opened it so): its balance at that date goes unprinted.  A
    file cut inside its last period reads so, its rows the other period's first rows in their
    order (a total printed first, a label cut before its wrapped second line); a whole exhibit
    prints each reserve of each year, or leaves out one with no balance left."""
    last = len(table.periods) - 1
    # (Labels matched as the carry's `prev.` and `next.` match them: labels.row_key.)
    printed = [key for key in (row_key(row.label) for row in table.periods[last].rows) if key]
    if not printed:
        return
    columns = table.schedule.columns
    reading = table.schedule.reading
    # (A standard's adoption printed as a row of its own opens on no balance a year closed with.)
    adoptions = {(p, r) for _, _, p, r, _ in (reading.adoptions if reading is not None else ())}
    for neighbour, effect, said in ((table.earlier.get(last), "closing", "closed with"),
                                    (table.later.get(last), "opening", "opened with")):
        balance = [k for k, c in enumerate(columns) if c.effect == effect]
        if neighbour is None or neighbour == last or not balance:
            continue
        labels = [row_key(row.label) for row in table.periods[neighbour].rows]
        if not _cut_of(printed, labels, neighbour, adoptions):
            continue
        k = balance[-1]
        carried = [(row, row.cells[k]) for r, (row, label) in enumerate(zip(table.periods[neighbour].rows, labels))
                   if not row.is_total and label and len(row.cells) > k and (neighbour, r) not in adoptions
                   and not any(_printed_as(mine, label) for mine in printed)]
        found = [(row, cell) for row, cell in carried if cell is not None and value(cell) != 0]
        if not found:
            continue
        row, cell = found[0]
        label, other = table.periods[last].label, table.periods[neighbour].label
        at = max(r.line for r in table.periods[last].rows)
        detail = (f"the file ends at this table's last row, and its last period{f' ({label!r})' if label else ''} "
                  f"prints no row for {row.label!r}, which {repr(other) if other else 'the period printed before it'} "
                  f"{said} {cell.raw.strip()}: if the file was cut, the rows after it are missing")
        yield Claim(last, None, None, None, None, None, fields={"detail": detail}, at=Position(at, 1))
        return


def _last_block_short(table: Table) -> Iterator[Claim]:
    """The file ends at the table's last row, in a table printing each reserve's periods as a block
    of rows ("Warranty" over "Year ended 1996 ..." / "Year ended 1995 ..."), and the last block prints
    the first periods of the first block, in its order, but not all: its last one carries a balance
    other than nil to the period the first block prints next ("Year ended 1996" opens on 845, 1995
    printed for every reserve above but this one).  A file cut inside its last block reads so; a
    whole exhibit's reserve set up in a later year opens its first year on nil."""
    cut = _block_cut(table)
    if cut is None:
        return
    p, r, neighbour, cell = cut
    row, other, period = table.row(p, r), table.periods[neighbour].label, table.periods[p].label
    printed = sum(1 for keys in table.keys if table.keys[p][r] in keys)
    said = "opens" if table.earlier.get(p) == neighbour else "closes"
    detail = (f"the file ends at this table's last row, in the block of {row.label!r}, which prints {printed} of the "
              f"{sum(1 for keys in table.keys if keys)} periods the blocks above it print: it prints no row for "
              f"{repr(other) if other else 'the period next to its last'}, though it {said} "
              f"{repr(period) if period else 'its last period'} on {cell.raw.strip()}: if the file was cut, "
              "the rows after it are missing")
    yield Claim(p, None, None, None, None, None, fields={"detail": detail}, at=Position(_row_end(row), 1))


def _row_end(row: Row) -> int:
    """The line a row's last figure is printed on (below its label where figures fold)."""
    return max([row.line] + [c.line for c in row.cells if c])


def _block_cut(table: Table) -> Optional[tuple[int, int, int, Cell]]:
    """`_find_block_cut`, found once per table (VQ008 says it, VQ010 leaves its row unsaid)."""
    if "block_cut" not in table.found:
        table.found["block_cut"] = _find_block_cut(table)
    return table.found["block_cut"]  # type: ignore[return-value]


def _find_block_cut(table: Table) -> Optional[tuple[int, int, int, Cell]]:
    """Where the file may end inside a last block of one reserve's periods (`_last_block_short`):
    (period, row) of the block's last row, the period the first block prints next, and the balance
    carried to it; else None.  A block table prints each reserve's rows as one run of lines (a table
    of periods' blocks interleaves its reserves' rows, a reserve's in every run)."""
    reading = table.schedule.reading
    if reading is None or not reading.ends_file:
        return None
    places = sorted(((p, r) for p, period in enumerate(table.periods) for r in range(len(period.rows))
                     if table.keys[p][r]), key=lambda pr: table.row(*pr).line)
    runs: list[tuple[str, list[int]]] = []  # (each block's key, its periods in print order)
    for p, r in places:
        key = table.keys[p][r]
        if not runs or runs[-1][0] != key:
            runs.append((key, []))
        runs[-1][1].append(p)
    if len(runs) < 2 or len({key for key, _ in runs}) != len(runs):
        return None  # (a key printed in two runs: periods' blocks, or a reserve printed twice)
    (_, order), (key, mine) = runs[0], runs[-1]
    if len(order) <= len(mine) or mine != order[: len(mine)]:
        return None  # (a last block printing the first block's first periods, as a cut keeps them)
    last, neighbour = mine[-1], order[len(mine)]
    effect = "opening" if table.earlier.get(last) == neighbour else "closing" if table.later.get(last) == neighbour else None
    balance = [k for k, c in enumerate(table.schedule.columns) if c.effect == effect]
    if not balance:
        return None
    r = table.by_key[last][key]
    cell = table.cell(last, r, balance[0] if effect == "opening" else balance[-1])
    return (last, r, neighbour, cell) if cell is not None and value(cell) != 0 else None


def _cut_of(printed: list[str], labels: list[str], neighbour: int, adoptions: set) -> bool:
    """Whether the last period's row keys (`printed`) are the neighbour's rows' (`labels`) first ones
    in their order, as a cut keeps them.  (The last period printing a row the other does not, or
    leaving out one above a row it prints, is the filer's own change: a reserve merged into another
    or sold, the accounts printed in another order.)"""
    first = [label for r, label in enumerate(labels) if label and (neighbour, r) not in adoptions]
    return len(printed) <= len(first) and all(_printed_as(mine, label) for mine, label in zip(printed, first))


def _printed_as(mine: str, label: str) -> bool:
    """Whether a row's label (its row_key) is the other period's `label`, or its
    first words (a label wrapped over two lines, the file cut before its second)."""
    return mine == label or label.startswith(mine + " ")


@evaluator("carried_unprinted")
def carried_unprinted(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """A reserve's row opens on a balance other than nil where the period before prints no row
    for it and no row of its own the later period leaves out (one the reserve may be renamed
    from): the balance that period closed with goes unprinted, and no carry forward checks it.
    Not said of a reserve an earlier period closed with the same balance (left out of a year it
    did not move in), of one opening on a balance a row of its own period closes with (two years
    read as one period), of a standard's adoption row, nor where the period before is the one
    printed last of a file ending at its table, its rows the later period's first (a cut: VQ008's)."""
    columns = table.schedule.columns
    opening = next((k for k, c in enumerate(columns) if c.effect == "opening"), None)
    closing = next((k for k, c in enumerate(columns) if c.effect == "closing"), None)
    reading = table.schedule.reading
    if opening is None or closing is None or reading is None:
        return
    adoptions = {(p, r) for _, _, p, r, _ in reading.adoptions}
    last = len(table.periods) - 1
    block = _block_cut(table)
    for p, before in sorted(table.earlier.items()):
        if before == p or any(True for _ in _unmatched(table, before, p, adoptions)):
            continue  # (the reserve may be one of the period before's under another label)
        if reading.ends_file and before == last and _cut_of(
                [key for key in table.keys[last] if key], table.keys[p], p, adoptions):
            continue  # (the file may be cut inside its last period: VQ008 says so)
        if block is not None and block[0] == p and block[2] == before:
            continue  # (the file may be cut inside its last reserve's block: VQ008 says so)
        closes = {value(row.cells[closing]) for row in table.periods[p].rows if len(row.cells) > closing}
        for r in _unmatched(table, p, before, adoptions):
            cell = table.cell(p, r, opening)
            amount = value(cell)
            if amount and amount not in closes and _closed_earlier(table, p, r, before, closing) != amount:
                yield Claim(p, r, opening, amount, None, None)


def _closed_earlier(table: Table, p: int, r: int, before: Optional[int], closing: int) -> Optional[Decimal]:
    """The balance row (p, r)'s reserve closed with in the latest period before `before` that prints
    it, or None: a filer may leave a reserve out of a year it did not move in, its balance the same
    at both ends."""
    key, seen = table.keys[p][r], {p}
    while before is not None and before not in seen:
        seen.add(before)
        found = table.by_key[before].get(key)
        if found is not None:
            return value(table.cell(before, found, closing))
        before = table.earlier.get(before)
    return None


def _unmatched(table: Table, p: int, other: int, adoptions: set) -> Iterator[int]:
    """The reserves' rows of period `p` (no total, no adoption) whose label the `other` period
    prints no row under (`Table.keys`, as carry forward matches them)."""
    for r, key in enumerate(table.keys[p]):
        if key and not table.row(p, r).is_total and (p, r) not in adoptions and key not in table.by_key[other]:
            yield r


@evaluator("figures_unread")
def figures_unread(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """A figure the front end located in the table but placed in no cell."""
    for position in table.schedule.unread:
        yield Claim(0, None, None, None, None, None,
                    fields={"detail": f"a figure at line {position.line}, column {position.column} is left unread"},
                    at=position)


# Inline XBRL: the table against the facts tagged on it (`tagged`, imported
# only when a table has tags, so that a text exhibit never loads it).


@evaluator("tagged_value")
def tagged_value(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterable[Claim]:
    """A tagged fact whose effect on the balance is not the printed figure's."""
    if not table.tags:
        return ()
    from auditor.ruleset import tagged

    return tagged.value_claims(table, rule, tolerance)


@evaluator("tagged_context")
def tagged_context(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterable[Claim]:
    """A tagged fact whose period or reserve is not the one the table prints it in."""
    if not table.tags:
        return ()
    from auditor.ruleset import tagged

    return tagged.context_claims(table, rule, tolerance)


@evaluator("table_unread")
def table_unread(table: Table, rule: Rule, tolerance: fm.Tolerance) -> Iterator[Claim]:
    """The facts were checked because the printed table could not be read."""
    if table.unread:
        yield Claim(0, None, None, None, None, None, (), {"reason": table.unread})


__all__ = ["EVALUATORS", "Claim", "evaluator", "chronological", "row_key"]

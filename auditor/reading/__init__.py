"""The reading stage: what each column of a located table means, how its
figures' signs read, and what each total sums.  The one place that decides.

Evidence is weighed, not looked up: heading words (scored in `headings`),
position (the first balance-like column opens, the last closes, a lone
unnamed column between the additions and the balance at end is Rule 12-09's
column D), the column's own printed signs, and the table's own arithmetic
(`signs`: how many rows close each way; `totals`: how many columns each
scope of a total makes sum).  The decisions and their basis are kept on the
schedule (`Schedule.reading`) for `auditor parse` and the JSON writer.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

from auditor.errors import InputError
from auditor.labels import years_counted, years_in
from auditor.model import Ambiguity, Column, ColumnReading, Deductions, Effect, Reading, Schedule
from auditor.reading import adoption, carry, headings, separators, signs, totals, units
from auditor.reading.headings import Heard, normalized

if TYPE_CHECKING:
    # (at run time only inside `conventions`: the rule set's modules import this package's)
    from auditor.ruleset.model import RoleSpec, RuleSet

# What the headings (or the positions) name each column: a role, or None.
Named = list[Optional["RoleSpec"]]

OTHER = "other"  # the role of a movement no heading names
NAMED = "heading names an addition"  # a Choice's evidence: the arithmetic may overturn it only where it decides


def assign(schedule: Schedule, ruleset: RuleSet, path: Optional[str] = None) -> Schedule:
    """The schedule with every column's role and sign, and its reading."""
    schedule = separators.check(schedule, path)
    units.check(schedule, path)
    specs = ruleset.roles
    heard = headings.hear(tuple(c.heading for c in schedule.columns), tuple(specs), _vocabulary(tuple(specs)))
    named: Named = [h.spec for h in heard]
    basis = [list(h.basis) for h in heard]
    _by_position(schedule, heard, named, basis, specs)
    _adjusted_balances(named, basis, specs)
    opening = _balance(schedule, named, "opening", "balance at beginning", path)
    closing = _balance(schedule, named, "closing", "balance at end", path)
    return _signed(schedule, heard, named, basis, opening, closing, specs, path)


def balances_named(schedule: Schedule, specs: Sequence[RoleSpec], by_position: bool = True) -> tuple[int, int]:
    """How many columns the headings (and, `by_position`, the positions) read
    as the balance at beginning and as the balance at end, as `assign` reads
    them: a table typed in two parts, its columns split one part under the
    other, names one of them in neither part alone (the front ends join such
    parts: frontends/text/halves)."""
    heard = headings.hear(tuple(c.heading for c in schedule.columns), tuple(specs), _vocabulary(tuple(specs)))
    named: Named = [h.spec for h in heard]
    if by_position:
        _by_position(schedule, heard, named, [[] for _ in named], specs)
    effects = [s.effect for s in named if s is not None]
    return effects.count("opening"), effects.count("closing")


def conventions(schedule: Schedule) -> Schedule:
    """The signs and totals read again, the roles kept, for a schedule whose
    figures changed after it was read (the inline XBRL front end's print)."""
    if schedule.reading is None:
        return schedule
    named: Named = [_as_read(c) for c in schedule.columns]
    heard = [Heard("", n, (), "", bool(headings.SIGNED.search(c.heading)), "") for n, c in zip(named, schedule.columns)]
    basis = [[b for b in r.basis if b.startswith(("heading", "position", "Rule"))] for r in schedule.reading.columns]
    opening = next(k for k, c in enumerate(schedule.columns) if c.effect == "opening")
    closing = next(k for k, c in enumerate(schedule.columns) if c.effect == "closing")
    again = _signed(schedule, heard, named, basis, opening, closing, (), None)
    assert again.reading is not None
    kept = schedule.reading  # (the adoptions' rows were read with the rules' patterns, which this pass lacks; the marks with the rules)
    return replace(again, reading=again.reading._replace(adoptions=kept.adoptions, carry_basis=kept.carry_basis,
                                                         marks=kept.marks))


def _as_read(column: Column) -> RoleSpec:
    """The role a column was read as, for reading its signs again."""
    from auditor.ruleset.model import RoleSpec

    assert column.role is not None and column.effect is not None  # (the schedule has a reading)
    return RoleSpec(column.role, "add" if column.role == OTHER else column.effect, ())


def _signed(schedule: Schedule, heard: Sequence[Heard], named: Named, basis: list[list[str]], opening: int,
            closing: int, specs: Sequence[RoleSpec], path: Optional[str]) -> Schedule:
    """Each movement's sign by the arithmetic, what each total sums, and the reading."""
    bs = signs.balance_sign(schedule, opening, closing)
    movements = [k for k in range(len(named)) if k not in (opening, closing) and not _within(named[k])]
    natural = {k: _natural(named[k], heard[k]) for k in movements}
    printed = {k: signs.printed_sign(schedule, k, bs) for k in movements}
    siblings = _siblings(natural, printed)
    choices = {k: _choice(natural[k], named[k], heard[k], printed[k], siblings[k]) for k in movements}
    rows = signs.rows_of(schedule, opening, closing, movements)
    choices, searched = _overturned(rows, *signs.searched(rows, choices), choices)
    coef, unsettled = _settled(rows, searched, choices, named, natural, bs)
    closed = signs.closing(rows, coef)
    unknown = [k for k in movements if named[k] is None and not heard[k].direction]
    placed = [k for k in (opening, closing) if heard[k].spec is None]  # balances read by position alone
    if (unknown or placed) and 2 * closed < len(rows):
        k = (unknown or placed)[0]
        shown = schedule.columns[k].heading or "(blank heading)"
        tried = ("no reading of it as an addition or a deduction" if k in unknown
                 else f"read by its place as the balance at {'beginning' if k == opening else 'end'}, no reading")
        raise InputError(
            f"column {k + 1} {shown!r} matches no role in the rules file, and {tried} makes half the rows "
            f"close (best: {closed} of {len(rows)})", path, schedule.line)
    columns: list[Column] = []
    readings: list[ColumnReading] = []
    sums = signs.Sums(rows, coef)
    for k, col in enumerate(schedule.columns):
        role, effect, factor, sign = _decided(k, named[k], heard[k], coef, opening, closing, specs)
        why = basis[k] + _arithmetic(sums, k, choices.get(k))
        columns.append(replace(col, role=role, effect=effect, sign=factor))
        readings.append(ColumnReading(k + 1, role, effect, sign, tuple(why)))
    read = replace(schedule, columns=tuple(columns), balance_sign=bs)
    ambiguous = _ambiguous(read, rows, coef, unsettled, heard, named, opening, closing, specs)
    deductions, how = _convention(rows, coef, read.columns, heard, closed)
    carried = carry.read(schedule.periods, opening, closing)
    if len(schedule.periods) > 1:
        carried = carry.opened_restated(carried, schedule.columns[opening].heading)
    adopted, said = _adoptions(schedule, carried, opening, closing, specs, path)
    found, unsure = totals.read(read)
    reading = Reading(tuple(readings), found, closed, len(rows), ambiguous, _years(schedule),
                      unsure_totals=unsure, carry=carried.links, carry_basis="; ".join(b for b in (carried.basis, said) if b),
                      order=carried.order, adoptions=adopted,
                      years_counted=years_counted(f"{schedule.title} {schedule.subtitle}"))
    return replace(read, deductions=deductions, deductions_basis=how, reading=reading)


def _adoptions(schedule: Schedule, carried: carry.Carry, opening: int, closing: int, specs: Sequence[RoleSpec],
               path: Optional[str]) -> tuple[tuple[adoption.Adopted, ...], str]:
    """A standard's adoption printed as a row of its own, read into the carry forward it moves."""
    patterns = [p for spec in specs if spec.role == "adoption" for p in spec.patterns]
    if not patterns:
        return (), ""
    return adoption.read(schedule.periods, patterns, opening, closing, lambda: _links(schedule, carried), path)


def _links(schedule: Schedule, carried: carry.Carry) -> tuple[tuple[int, int], ...]:
    """Which period opens with which one's balances, as the checks read them."""
    if carried.links is not None:
        return carried.links
    order = carry.chronological_order(schedule.periods, carried.order)
    return tuple(zip(order, order[1:]))


@lru_cache(maxsize=8)
def _vocabulary(specs: tuple[RoleSpec, ...]) -> frozenset[str]:
    return headings.vocabulary(specs)


def _by_position(schedule: Schedule, heard: Sequence[Heard], named: Named, basis: list[list[str]],
                 specs: Sequence[RoleSpec]) -> None:
    """Columns the headings leave unnamed, read by where they stand."""
    effects = [s.effect if s else None for s in named]
    last = len(named) - 1
    for k, effect in ((0, "opening"), (last, "closing")):
        if named[k] is None and not heard[k].direction and effect not in effects:
            spec = next((s for s in specs if s.effect == effect), None)
            if spec is not None:
                named[k] = spec
                basis[k].append(f"position: the {'first' if k == 0 else 'last'} column {'opens' if k == 0 else 'closes'}")
    effects = [s.effect if s else None for s in named]
    deductions = next((s for s in specs if s.role == "deductions"), None)
    if deductions is None or "closing" not in effects or "subtract" in effects:
        return
    end = effects.index("closing")
    lone = [k for k in range(end) if named[k] is None and not heard[k].direction]
    if len(lone) == 1 and not heard[lone[0]].text:
        k = lone[0]
        if "add" in effects[:k] and all(e in ("add", "opening") for e in effects[:k]):
            named[k] = deductions
            basis[k].append("position: after the additions, before the balance at end (Rule 12-09's column D)")


def _adjusted_balances(named: Named, basis: list[list[str]], specs: Sequence[RoleSpec]) -> None:
    """A balance "as adjusted" with no balance at beginning before it opens the row, one with no
    balance at end after it closes it: a table printing only the opening (or closing) balance so
    adjusted (restated), no adjustment beside it."""
    effects = [s.effect if s else None for s in named]
    adjusted = [k for k, e in enumerate(effects) if e == "adjusted"]
    if len(adjusted) != 1:
        return
    k = adjusted[0]
    effect = "opening" if "opening" not in effects[:k] else "closing" if "closing" not in effects[k + 1:] else None
    spec = next((s for s in specs if s.effect == effect), None) if effect else None
    if spec is not None:
        named[k] = spec
        basis[k].append(f"no balance at {'beginning before' if effect == 'opening' else 'end after'} it: "
                        f"the adjusted balance {'opens' if effect == 'opening' else 'closes'}")


def _balance(schedule: Schedule, named: Named, effect: Effect, what: str, path: Optional[str]) -> int:
    found = [k for k, s in enumerate(named) if s is not None and s.effect == effect]
    if len(found) != 1:
        listed = "; ".join(c.heading or "(blank)" for c in schedule.columns)
        problem = "no column" if not found else f"{len(found)} columns"
        raise InputError(f"{problem} for the {what} among the headings: {listed}", path, schedule.line)
    return found[0]


def _within(spec: Optional[RoleSpec]) -> bool:
    """A balance printed within the row (as adjusted): no movement, no part of the row identity."""
    return spec is not None and spec.effect == "adjusted"


def _natural(spec: Optional[RoleSpec], heard: Heard) -> str:
    """The direction the column's words give: add, subtract, or "" (none)."""
    return spec.effect if spec is not None else heard.direction or ""


def _siblings(natural: dict[int, str], printed: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Per column: (negative, positive) figures of the table's other deduction
    columns (all of them counted once, less its own)."""
    deducting = [printed[j] for j in natural if natural[j] == "subtract"]
    neg, pos = sum(n for n, _ in deducting), sum(p for _, p in deducting)
    return {k: (neg - printed[k][0], pos - printed[k][1]) if natural[k] == "subtract" else (neg, pos) for k in natural}


def _choice(natural: str, spec: Optional[RoleSpec], heard: Heard, printed: tuple[int, int],
            siblings: tuple[int, int]) -> signs.Choice:
    if natural == "add" and spec is not None and spec.role != OTHER:
        # An addition adds (a negative one is a release), unless the arithmetic decides
        # otherwise: a word of an addition's vocabulary heading what the figures show is
        # taken away ("Costs incurred", "Amounts credited to income"); not "Additions ...".
        return signs.Choice((1,), 1, "heading" if headings.ADDITIONS_FIRST.match(heard.text) else NAMED)
    if natural == "subtract":
        # One figure's sign is no evidence of its column's convention (it may be a wrong
        # sign); the table's other deduction columns print theirs one way or the other.
        for (neg, pos), whose in ((printed, "figures"), (siblings, "figures of the other deduction columns")):
            if neg != pos and neg + pos > 1:
                signed = neg > pos
                said = f"{max(neg, pos)} of {neg + pos} {whose} printed {'negative' if signed else 'positive'}"
                return signs.Choice((1, -1), 1 if signed else -1, said)
        if heard.signed:
            return signs.Choice((1, -1), 1, "the heading prints its sign")
        return signs.Choice((1, -1), -1, "heading" if spec is not None else "")
    if natural == "add":  # "Additions ..." no role names, or "Other": the arithmetic decides
        return signs.Choice((1, -1), 1, "heading" if spec is None else "")
    return signs.Choice((1, -1), 1, "")


def _decided(k: int, spec: Optional[RoleSpec], heard: Heard, coef: signs.Coefficients, opening: int, closing: int,
             specs: Sequence[RoleSpec]) -> tuple[str, Effect, int, Effect]:
    """(role, effect, factor the rules read figures with, sign in words)."""
    if k in (opening, closing):
        assert spec is not None  # (a balance is read only where a role names it)
        return (spec.role, "opening", 1, "opening") if k == opening else (spec.role, "closing", 1, "closing")
    if spec is not None and _within(spec):
        return spec.role, "adjusted", 1, "adjusted"
    c = coef[k]
    role = spec.role if spec is not None else OTHER
    natural = spec.effect if spec is not None else (heard.direction or "add")
    if natural == "subtract":
        return role, "subtract", -c, "add" if c > 0 else "subtract"
    if c > 0:
        return role, "add", 1, "add"
    return role, "subtract", 1, "subtract"


def _arithmetic(sums: signs.Sums, k: int, choice: Optional[signs.Choice]) -> list[str]:
    if choice is None:
        return []
    (here, _), (there, _), of = sums.column(k)
    if not of:
        return ["no figure: its sign cannot matter"] if len(choice.options) > 1 else []
    out = []
    if choice.evidence and choice.evidence not in ("heading", NAMED):
        out.append(choice.evidence)
    if len(choice.options) > 1:
        out.append(f"{here} of {of} rows with a figure here close read this way, {there} the other")
    return out


def _overturned(rows: list[signs.RowSum], coef: signs.Coefficients, closing: int,
                choices: dict[int, signs.Choice]) -> tuple[dict[int, signs.Choice], signs.Coefficients]:
    """Columns an adding role's heading names that the arithmetic decides are taken
    away (`signs.decides`, read the other way, two rows or more closing so), read so, and the search run again
    with them: only then (checked after the search, not searched: most tables'
    additions add, and each column searched doubles the readings tried)."""
    headed = [k for k, c in choices.items() if c.evidence == NAMED]
    if not headed or closing + 2 > len(rows):
        return choices, coef  # (no two rows left failing for a column read the other way to close)
    # (Each column at its heading's sign: the search's best reading of the others may be
    # bent by the very column misread, a deduction's sign turned to close what it can.)
    sums = signs.Sums(rows, {k: c.prior for k, c in choices.items()})
    against: dict[int, signs.Choice] = {}
    for k in headed:
        here, there, n = sums.column(k)
        # (Two rows at least closing against the heading: one is what one wrong sign closes, the
        # column's other rows failing either way where another figure of theirs is wrong.)
        if k in sums.printing and signs.decides(there, here, n) and there[0] >= 2:
            said = (f"the arithmetic decides against its heading: {there[0]} of {n} rows with a figure here "
                    f"close read as a deduction, {here[0]} as an addition")
            against[k] = signs.Choice((-1,), -1, said)
    if not against:
        return choices, coef
    choices = {**choices, **against}
    return choices, signs.search(rows, choices)


def _settled(rows: list[signs.RowSum], coef: signs.Coefficients, choices: dict[int, signs.Choice],
             named: Named, natural: dict[int, str], balance_sign: int) -> tuple[signs.Coefficients, dict[int, str]]:
    """The reading with each column the arithmetic does not settle (`signs.decides`)
    put back to its heading's sign where it has one, and those columns that
    stay open, each with why: a column no evidence reads, or whose figures
    close only against its heading, on too few rows to overturn it.  A column
    whose rows all close read the arithmetic's way, every figure then moving
    the balance the way its heading says ("Deductions" of (3.2) added), is
    no conflict: the heading names the direction, the figures only their
    print (signed amounts), and the other reading would move the balance
    against the heading: the arithmetic's reading stands, unwarned.  (Not
    where printed signs were the evidence: the table's other deduction
    columns print theirs the other way, and the one figure's sign is odd.)"""
    sums = signs.Sums(rows, coef)
    unsettled: dict[int, str] = {}
    for k, choice in choices.items():
        if len(choice.options) < 2 or k not in sums.printing:
            continue
        here, there, n = sums.column(k)
        if signs.decides(here, there, n):
            continue
        spec = named[k]
        anchored = bool(choice.evidence) or (spec is not None and spec.role != OTHER)
        split = _print_split(sums, k, choice, balance_sign)
        if anchored and sums.coef[k] == choice.prior and not split:
            continue  # the heading's reading, which the arithmetic does not contradict
        if anchored and choice.evidence in ("heading", "") and here[0] == n \
                and _as_headed(sums, k, natural[k], balance_sign):
            continue  # the heading's direction, the figures printed with their signs
        counts = f"{n} row{'s' if n != 1 else ''} with a figure here, {here[0]} closing read one way, {there[0]} the other"
        if split:
            unsettled[k] = f"its figures print both signs as often, and the heading does not say which is its print ({counts})"
            sums.read(k, choice.prior)
        elif anchored:
            unsettled[k] = f"the figures close against the heading's reading on too few rows to overturn it ({counts})"
            sums.read(k, choice.prior)
        else:
            unsettled[k] = f"the arithmetic cannot tell ({counts})"
    return sums.coef, unsettled


def _print_split(sums: signs.Sums, k: int, choice: signs.Choice, balance_sign: int) -> bool:
    """A deduction column whose figures print both signs as often (one "3.2",
    one "(7.0)") under a heading alone: the heading names the direction, not the
    print; "positive subtracted" is only the default, and with the arithmetic
    closing as many rows either way, which figure's sign is wrong cannot be
    told.  Kept silently, the error would be reported at a row that is right."""
    if choice.evidence != "heading" or choice.options != (1, -1):
        return False
    figures = [x for _, x in sums.printing.get(k, [])]
    negative = sum(1 for x in figures if x * balance_sign < 0)
    return 0 < negative and 2 * negative == len(figures)


def _as_headed(sums: signs.Sums, k: int, direction: str, balance_sign: int) -> bool:
    """Every figure of column k, read with its present sign, moves the balance
    the way `direction` ("add" or "subtract") says."""
    way = 1 if direction == "add" else -1 if direction == "subtract" else 0
    return bool(way) and all(sums.coef[k] * x * balance_sign * way > 0 for _, x in sums.printing.get(k, []))


def _ambiguous(read: Schedule, rows: list[signs.RowSum], coef: signs.Coefficients, unsettled: dict[int, str],
               heard: Sequence[Heard], named: Named, opening: int, closing: int,
               specs: Sequence[RoleSpec]) -> tuple[Ambiguity, ...]:
    """The columns left open, each with the other reading's columns (the rules run both)."""
    found: list[Ambiguity] = []
    for k, why in unsettled.items():
        other = signs.with_sign(coef, k, -coef[k])
        role, effect, factor, _ = _decided(k, named[k], heard[k], other, opening, closing, specs)
        columns = list(read.columns)
        columns[k] = replace(columns[k], role=role, effect=effect, sign=factor)
        name = read.columns[k].heading or "(blank heading)"
        message = f"column {k + 1} {name!r} reads as an addition or as a deduction; {why}"
        found.append((k, message, tuple(columns)))
    return tuple(found)


def _convention(rows: list[signs.RowSum], coef: signs.Coefficients, columns: tuple[Column, ...],
                heard: Sequence[Heard], closed: int) -> tuple[Deductions, str]:
    """The deductions convention in one word, for messages (as before the
    reading stage): "added" where the deduction columns print signed amounts."""
    deducting = [k for k, c in enumerate(columns) if c.effect == "subtract"]
    if not deducting:
        return "subtracted", "no deduction columns"
    added = [k for k in deducting if columns[k].sign < 0]
    way: Deductions = "added" if 2 * len(added) > len(deducting) else "subtracted"
    flipped = dict(coef)
    for k in deducting:
        flipped[k] = -coef[k]
    other = signs.closing(rows, flipped)
    if 0 < len(added) < len(deducting):
        return way, f"read per column, {closed} of {len(rows)} rows close"
    if all(heard[k].signed for k in deducting) and way == "added" and closed >= other:
        return way, "the headings print deductions as signed amounts"
    return way, f"inferred: {closed} of {len(rows)} rows close read this way, {other} the other"


def _years(schedule: Schedule) -> tuple[int, ...]:
    text = " ".join([schedule.title, schedule.subtitle, schedule.label_heading] + [c.heading for c in schedule.columns])
    return tuple(sorted(years_in(text)))

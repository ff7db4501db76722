"""The tagged Schedule II facts as a schedule: the same AST the tables give.

One period per duration the family's movements are tagged for; one row per
member of the reserve axes (the rules file's, or the filer's own, or both:
`axis`; each member one account, a member tagged on two axes one row; the
default member, no member at all, as the total); one column per concept, its role from the `elements` patterns of
the rules file's roles.  Each cell is one fact, at the place of its
`ix:nonFraction` element.  Figures are shown in the unit most of the facts
are scaled to (millions for `scale="6"`), exactly: a fact scaled otherwise
shows its digits after the point.

Filers tag a component and its net side by side (`ChargedToOtherAccounts`
beside an extension `...ChargesToOtherAccountsNet`): a concept whose every
fact equals the sum of other facts of its row, and without which more rows
close, is set aside, never added again (`Reading.set_aside` says which).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING, Iterable, NamedTuple, Optional

from auditor.model import Cell, Column, Period, Row, RowKind, Schedule
from auditor.frontends.xbrl.axis import reserve_axes
from auditor.frontends.xbrl.facts import STANDARD, Fact, Facts, local

if TYPE_CHECKING:
    from auditor.frontends import Vocabulary
    from auditor.ruleset.patterns import Pattern
    from auditor.ruleset.rules import RoleSpec

Member = Optional[str]  # a member of a reserve axis; None: the default member (the total)
Axes = tuple[str, ...]  # the local names of the reserve axes
Said = tuple[str, Optional[date], date, Member, Optional[Decimal]]  # a fact's concept, period, member and value
Place = tuple[date, date, Member, str]  # a movement's period (start, end), member and concept
Instant = tuple[date, Member]  # a balance's date and member
Why = tuple[Fact, str]  # a fact not shown, and why

TITLE = "Valuation and Qualifying Accounts (inline XBRL facts)"
UNITS = {0: "units", 3: "thousands", 6: "millions", 9: "billions"}
BASIS = "the XBRL concepts define deductions as amounts taken from the balance"


class Reading(NamedTuple):
    """A schedule read from facts, and what became of every fact of the family."""

    schedule: Optional[Schedule]  # None: the document tags no movement of the family
    cells: dict[tuple[int, int, int], Fact]  # (period, row, column) -> the Fact shown in that cell
    set_aside: tuple[tuple[str, str], ...]  # (concept, why): concepts not added again
    unread: tuple[Why, ...]  # facts of the family in no cell
    exponent: int  # the power of ten the figures are shown in
    conflicts: tuple[tuple[Fact, Fact], ...] = ()  # (Fact, Fact in a cell): the same concept, period and member, another value
    axis: str = ""  # the local name of the axis whose members are the rows (the rules file's, or the filer's own)
    axes: tuple[str, ...] = ()  # every axis whose members are rows, `axis` first (one, or several a filer mixes)


class _Sorted(NamedTuple):
    concepts: dict[str, list[RoleSpec]]  # concept -> its roles (two for the balance)
    movements: list[Fact]  # facts of durations
    balances: list[Fact]  # facts of instants, of the balance concept(s)
    unread: list[Why]


def build(facts: Facts, vocabulary: Vocabulary, printed: frozenset[int] = frozenset()) -> Reading:
    """The schedule of the facts, or a Reading whose schedule is None when
    the document tags no Schedule II movement (or the rules read no facts).
    `printed`: ids of the facts a printed schedule table shows (`in_schedule`);
    none: those printed in the Schedule II text block (where no table is read,
    a fact printed in a note's table too is placed where the schedule prints it)."""
    printed = printed or facts.in_schedule_block()
    if vocabulary.xbrl is None:
        return Reading(None, {}, (), (), 0, ())
    axis = _reserve_axes(facts, vocabulary)
    found = _sort(facts, vocabulary.roles, axis)
    found = _without_second_cuts(found, vocabulary.xbrl.family, printed, axis)
    if not found.movements:
        unread = found.unread + [(f, "no movement of the family is tagged") for f in found.balances]
        return Reading(None, {}, (), tuple(unread), 0, (), axis[0], axis)
    exponent = _exponent(found.movements + found.balances)
    concepts = found.concepts
    order = sorted(dict.fromkeys(f.concept for f in found.movements), key=lambda c: _role_rank(concepts[c][0]))
    set_aside = _duplicates(found.movements, order, concepts, axis, _balances_of(found.balances, axis))
    aside = {c for c, _ in set_aside}
    column_of = _one_column(found.movements, [c for c in order if c not in aside], concepts, axis)
    columns = [c for c in order if column_of.get(c) == c]
    by_place: dict[Place, list[Fact]] = {}
    by_instant: dict[Instant, list[Fact]] = {}
    for f in found.movements:
        by_place.setdefault((_start(f), f.context.end, f.context.member(axis), column_of.get(f.concept, f.concept)),
                            []).append(f)
    for f in found.balances:
        by_instant.setdefault((f.context.end, f.context.member(axis)), []).append(f)
    durations = sorted({(_start(f), f.context.end) for f in found.movements}, key=lambda d: (d[1], d[0]))
    members = _members(found.movements + found.balances, axis)
    periods: list[Period] = []
    cells: dict[tuple[int, int, int], Fact] = {}
    for start, end in durations:
        rows = _in_print_order([row for member in members
                                for row in [_row_facts(start, end, member, columns, by_place, by_instant, printed)]
                                if row])
        if not rows:
            continue
        for r, (member, row_facts) in enumerate(rows):
            cells.update({(len(periods), r, k): f for k, f in enumerate(row_facts) if f is not None})
        has_parts = any(m is not None for m, _ in rows)
        built = tuple(_row(member, fs, facts, exponent, has_parts) for member, fs in rows)
        periods.append(Period(label=period_label(start, end), rows=built, line=min(r.line for r in built),
                              fiscal_year=end.year, end_date=end))
    used = {id(f) for f in cells.values()}
    conflicts = _conflicts(list(by_place.values()) + list(by_instant.values()), used)
    shown = {_showing(f, axis) for f in cells.values()}
    unread = found.unread + _left_over(found, used | {id(f) for f, _ in conflicts}, shown, aside, axis)
    schedule = Schedule(title=TITLE, units=UNITS.get(exponent, f"10^{exponent}"),
                        columns=_columns(found, columns), periods=tuple(periods),
                        line=min(p.line for p in periods), label_heading="member", deductions="subtracted",
                        deductions_basis=BASIS, balance_sign=1, source="xbrl",
                        notes=_notes(set_aside, unread, conflicts, facts))
    return Reading(schedule, cells, tuple(set_aside), tuple(unread), exponent, tuple(conflicts), axis[0], axis)


def _reserve_axes(facts: Facts, vocabulary: Vocabulary) -> Axes:
    """The document's reserve axes: the rules file's, or the filer's own, or both (see `axis`)."""
    assert vocabulary.xbrl is not None  # (build reads facts only where the rules name their family)
    kinds: dict[str, list[RoleSpec]] = {c: concept_roles(local(c), vocabulary.roles)
                                        for c in {f.concept for f in facts.facts}}
    balances = {c for c, specs in kinds.items() if specs and specs[0].effect in ("opening", "closing")}
    movements = {c for c, specs in kinds.items() if specs and c not in balances}
    return reserve_axes(facts.facts, balances, movements, vocabulary.xbrl.axis)


def _notes(set_aside: list[tuple[str, str]], unread: list[Why], conflicts: list[tuple[Fact, Fact]],
           facts: Facts) -> tuple[str, ...]:
    """Every fact of the family the schedule does not show, and why."""
    def where(f: Fact) -> str:
        line, column = facts.position(f.start)
        return f"{f.concept}{' id ' + f.id if f.id else ''} at {line}:{column}"

    return (*(f"{concept} set aside: {why}" for concept, why in set_aside),
            *(f"{where(f)} not read: {why}" for f, why in unread),
            *(f"{where(f)} contradicts the fact shown for its period and member" for f, _ in conflicts))


def _sort(facts: Facts, roles: tuple[RoleSpec, ...], axis: Axes) -> _Sorted:
    """The family's facts by what they are: movements, balances, or unread (and why)."""
    unread = [(f, f.problem) for f in facts.facts if f.problem]
    usable = [f for f in facts.facts if not f.problem]
    concepts: dict[str, list[RoleSpec]] = {}
    for f in usable:
        if f.concept not in concepts:
            concepts[f.concept] = concept_roles(f.local, roles)
    unread += [(f, "its concept matches no role's elements") for f in usable if not concepts[f.concept]]
    usable = [f for f in usable if concepts[f.concept]]
    # A fact with a member of another dimension too (a reserve by segment) is a
    # breakdown the schedule's rows do not print: not a row, and no total's part.
    unread += [(f, "tagged with another dimension than the reserve axis") for f in usable if _other_dimension(f, axis)]
    usable = [f for f in usable if not _other_dimension(f, axis)]
    balance = {c for c, specs in concepts.items() if specs[0].effect in ("opening", "closing")}
    movements: list[Fact] = []
    balances: list[Fact] = []
    for f in usable:
        is_balance = f.concept in balance
        if is_balance != f.context.instant:
            unread.append((f, "a balance tagged for a duration" if is_balance else "a movement tagged at an instant"))
        else:
            (balances if is_balance else movements).append(f)
    return _Sorted(concepts, movements, balances, unread)


def _without_second_cuts(found: _Sorted, family: Pattern, printed: frozenset[int], axis: Axes) -> _Sorted:
    """The facts without a second cut of a reserve's figures: a standard concept
    outside the family (`xbrl.on_axis`'s: us-gaap's receivable allowance concepts)
    tagged outside the schedule's printing on a row (period and member) where the
    family already tags a figure of its effect, or in a period (a duration, an
    instant) the family tags nothing in.  A note gives the receivables' write-offs
    gross beside their recoveries where the schedule prints them net, or a year
    more of their roll-forward, in the reserve's own contexts: read as the row's,
    they would count the deductions twice, or make a year the schedule does not
    print.  Where the row has no such fact of the family (its printed column
    tagged with the receivable concept), or the fact is the schedule's own
    printing, it is the row's."""
    def own(f: Fact) -> bool:
        return f.concept.rpartition(":")[0] not in STANDARD or bool(family.search(f.local))

    def place(f: Fact) -> tuple:
        effect = found.concepts[f.concept][0].effect
        return (f.context.start, f.context.end, f.context.member(axis), "balance" if f.context.instant else effect)

    everything = found.movements + found.balances
    if all(own(f) for f in everything) or not any(own(f) for f in everything):
        return found
    filled = {place(f) for f in everything if own(f)}
    periods = {(f.context.start, f.context.end) for f in everything if own(f)}
    cuts = {id(f) for f in everything if not own(f) and id(f) not in printed
            and (place(f) in filled or (f.context.start, f.context.end) not in periods)}
    if not cuts:
        return found
    why = "a second cut of the family's figures (of its row, or of a period it does not tag), printed outside the schedule"
    return found._replace(movements=[f for f in found.movements if id(f) not in cuts],
                          balances=[f for f in found.balances if id(f) not in cuts],
                          unread=found.unread + [(f, why) for f in everything if id(f) in cuts])


def _one_column(movements: list[Fact], order: list[str], concepts: dict[str, list[RoleSpec]],
                axis: Axes) -> dict[str, str]:
    """concept -> the concept whose column its facts are shown in.  One printed
    column is tagged with several concepts, each on rows of its own: the
    receivables' row with us-gaap's credit loss concepts (...CreditLossExpenseReversal,
    ...AllowanceForCreditLossWriteoff), the other rows and the total with the
    family's (...ChargedToCostAndExpense, ...Deductions).  A concept tagged on
    no row (period and member) another concept of its effect is tagged on
    shares that concept's column (one of its role first): apart, the total's
    column would miss the row's figure."""
    rows: dict[str, set[tuple[date, date, Member]]] = {}
    for f in movements:
        rows.setdefault(f.concept, set()).add((_start(f), f.context.end, f.context.member(axis)))
    column_of: dict[str, str] = {}
    taken: dict[str, set[tuple[date, date, Member]]] = {}  # a column's concept -> the rows its concepts tag
    for concept in order:
        spec = concepts[concept][0]
        free = [c for c in taken if concepts[c][0].effect == spec.effect and not taken[c] & rows.get(concept, set())]
        home = next((c for c in free if concepts[c][0].role == spec.role), free[0] if free else concept)
        column_of[concept] = home
        taken.setdefault(home, set()).update(rows.get(concept, set()))
    return column_of


def _start(f: Fact) -> date:
    """A movement's first day (its context is a duration: `_sort` keeps no
    movement tagged at an instant, whose start is None)."""
    return f.context.start or f.context.end


def _amount(value: Optional[Decimal]) -> Decimal:
    """A nil fact (xsi:nil) adds nothing."""
    return value if value is not None else Decimal(0)


def _other_dimension(fact: Fact, axes: Axes) -> bool:
    """Tagged with a dimension no reserve axis is, or with two reserve axes at
    once (a cut of one reserve by another: no one account's row)."""
    members = fact.context.members
    return len(members) > 1 or any(local(d) not in axes for d, _ in members)


def _showing(f: Fact, axes: Axes) -> Said:
    """What a fact says: the same figure tagged again (a balance printed twice; a
    member tagged on two axes) says it too, and is not left over."""
    return f.concept, f.context.start, f.context.end, f.context.member(axes), f.value


def _columns(found: _Sorted, columns: list[str]) -> tuple[Column, ...]:
    """Balance at beginning, each movement concept, balance at end."""
    balance = next((f.concept for f in found.balances), "balance")
    specs = found.concepts.get(balance, [])
    opening = next((s.role for s in specs if s.effect == "opening"), "beginning")
    closing = next((s.role for s in specs if s.effect == "closing"), "ending")
    return (Column(heading=balance, role=opening, start=0, end=0, effect="opening"),
            *(Column(heading=c, role=found.concepts[c][0].role, start=0, end=0, effect=found.concepts[c][0].effect)
              for c in columns),
            Column(heading=balance, role=closing, start=0, end=0, effect="closing"))


def _row_facts(start: date, end: date, member: Member, columns: list[str], by_place: dict[Place, list[Fact]],
               by_instant: dict[Instant, list[Fact]],
               printed: frozenset[int] = frozenset()) -> Optional[tuple[Member, list[Optional[Fact]]]]:
    """(member, the fact of each column) for one member in one period, or None
    where the member tags no figure of it.  Of a figure printed twice (the
    schedule's table printed again in a note), the schedule's printing is the
    cell: where the row stands, what it is printed above, and where a finding goes."""
    def in_schedule(fs: Optional[list[Fact]]) -> list[Fact]:
        return [f for f in fs or () if id(f) in printed] or fs or []

    moved = [in_schedule(by_place.get((start, end, member, c))) for c in columns]
    # Where the row is printed: the middle of its movements' places (a fact
    # tagged with this row's context but printed elsewhere is an outlier).
    places = sorted(f.start for fs in moved for f in fs if not f.hidden) or \
        sorted(f.start for fs in moved for f in fs)
    if not places:
        return None
    near = places[(len(places) - 1) // 2]
    before = by_instant.get((start - timedelta(days=1), member)) or by_instant.get((start, member))
    row = [_nearest(in_schedule(before), near), *(_nearest(fs, near) for fs in moved),
           _nearest(in_schedule(by_instant.get((end, member))), near)]
    return member, row


def _in_print_order(rows: list[tuple[Member, list[Optional[Fact]]]]) -> list[tuple[Member, list[Optional[Fact]]]]:
    """The rows with the total (no member) where it is printed: a member whose
    figures are all printed below the total's is not one it sums.  A total
    sums the rows above it, as a printed table's does: a table that prints a
    group's total and then reserves outside the group (a subtotal tagged with
    no member, then the accruals) has its total checked against its group,
    not against every reserve.  A total printed nowhere (hidden facts), or
    before every member, stays last, over every member."""
    total = next((row for row in rows if row[0] is None), None)
    shown = [f.start for f in total[1] if f is not None and not f.hidden] if total else []
    if total is None or not shown:
        return rows
    below = {id(row) for row in rows if row[0] is not None and _printed_after(row[1], max(shown))}
    if not below or len(below) == len(rows) - 1:
        return rows  # (a total printed over its members, first, sums them all)
    return ([row for row in rows if row[0] is not None and id(row) not in below] + [total]
            + [row for row in rows if id(row) in below])


def _printed_after(row: list[Optional[Fact]], at: int) -> bool:
    """Whether every figure of the row is printed after offset `at` (and one is printed)."""
    shown = [f.start for f in row if f is not None and not f.hidden]
    return bool(shown) and min(shown) > at


def _left_over(found: _Sorted, placed: set[int], shown: set[Said], aside: set[str], axes: Axes) -> list[Why]:
    """Facts in no cell and in no conflict, neither set aside nor the same figure
    as a shown fact (a balance printed twice): why each is not shown."""
    return [(f, "no period of the schedule has its date" if f.context.instant else "its member or period has no row")
            for f in found.movements + found.balances
            if id(f) not in placed and f.concept not in aside and _showing(f, axes) not in shown]


def _conflicts(groups: list[list[Fact]], used: set[int]) -> list[tuple[Fact, Fact]]:
    """Facts of one concept, period and member (tagged twice or more) whose value
    is none of those the schedule shows: (the odd fact, the one shown)."""
    found: list[tuple[Fact, Fact]] = []
    for group in groups:
        shown = [f for f in group if id(f) in used]
        if not shown:
            continue
        found += [(f, shown[0]) for f in group if id(f) not in used and not any(_consistent(f, s) for s in shown)]
    return found


def _consistent(a: Fact, b: Fact) -> bool:
    """Whether two facts of one concept, period and member say the same thing at
    their precisions: XBRL's consistent duplicates, the ranges their `decimals` give
    overlapping (the allowance in a note in millions to one decimal, decimals="-5",
    beside the schedule's figure in thousands).  Two figures of one precision a
    unit apart are two figures: ranges that only touch do not overlap."""
    if a.value is None or b.value is None or a.value == b.value:
        return a.value == b.value
    return abs(a.value - b.value) < _half_unit(a) + _half_unit(b)


def _half_unit(f: Fact) -> Decimal:
    """Half a unit of the fact's last digit by its `decimals` ("INF" or none: exact)."""
    try:
        places = int(f.decimals or "INF")
    except ValueError:
        return Decimal(0)
    return Decimal("0.5").scaleb(-places)


QUALIFIER = re.compile("NetOf|After(?=[A-Z])")


def concept_roles(name: str, roles: tuple[RoleSpec, ...]) -> list[RoleSpec]:
    """The role the concept is read as (both balance roles for the balance).
    What follows "NetOf" or "After" qualifies the concept's head and is not it:
    a "...WriteOffsNetOfRecoveries" or a "...WriteoffAfterRecovery" is
    write-offs, not recoveries.  A concept marked with a member ("...Deductions
    [CumulativeEffectPeriodOfAdoptionAdjustmentMember]": facts.ADOPTION) is read as
    the marker's role, in the direction of its own: an adoption tagged with a
    subtracting concept (a release, its amount taken) subtracts."""
    found = _concept_roles(name, roles)
    head, marked, _ = name.partition(" [")
    if marked and found and found[0].effect == "add":
        own = _concept_roles(head, roles)
        if own and own[0].effect == "subtract":
            return [found[0]._replace(effect="subtract")]
    return found


def _concept_roles(name: str, roles: tuple[RoleSpec, ...]) -> list[RoleSpec]:
    name = QUALIFIER.split(name, 1)[0] or name
    for spec in roles:
        if any(p.search(name) for p in spec.elements):
            if spec.effect in ("opening", "closing"):
                return [s for s in roles if s.effect in ("opening", "closing") and any(p.search(name) for p in s.elements)]
            return [spec]
    return []


def _role_rank(spec: RoleSpec) -> int:
    """Columns in the order Rule 12-09 prints them: additions, then deductions."""
    return {"add": 0, "subtract": 1}.get(spec.effect, 2)


def _exponent(facts: list[Fact]) -> int:
    """The power of ten most facts are scaled by: the unit the table is printed in."""
    counts = Counter(f.scale for f in facts)
    return counts.most_common(1)[0][0] if counts else 0


def _members(facts: list[Fact], axis: Axes) -> list[Member]:
    """Members in the order the document first tags them; the default member last."""
    seen = list(dict.fromkeys(f.context.member(axis) for f in facts))
    return [m for m in seen if m is not None] + ([None] if None in seen else [])


def _nearest(candidates: Optional[list[Fact]], offset: int) -> Optional[Fact]:
    """Of facts tagged twice (a balance printed as one year's end and the next
    one's beginning; a figure printed and also hidden), the one printed
    nearest the row's other figures."""
    if not candidates:
        return None
    return min(candidates, key=lambda f: (f.hidden, abs(f.start - offset)))


def _row(member: Member, row_facts: list[Optional[Fact]], facts: Facts, exponent: int, has_parts: bool) -> Row:
    cells = tuple(_cell(f, facts, exponent) for f in row_facts)
    lines = [c.line for c in cells if c is not None]
    kind: RowKind = "total" if member is None and has_parts else "item"
    return Row(label=member_label(member), kind=kind, cells=cells, line=min(lines))


def member_label(member: Member) -> str:
    """us-gaap:AllowanceForCreditLossMember -> Allowance for credit loss"""
    if member is None:
        return "Total (no member)"
    name = local(member)
    name = name[:-6] if name.endswith("Member") else name
    words, word = [], ""
    for i, ch in enumerate(name):
        if ch.isupper() and word and (not word[-1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            words.append(word)
            word = ""
        word += ch
    words.append(word)
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words if w)
    if not text:  # ("us-gaap:", "Member", "": no word to spell) named as written, never unlabelled:
        return member.strip() or "Unnamed member"  # an unlabelled row is a total's
    return text[:1].upper() + text[1:]


def _cell(f: Optional[Fact], facts: Facts, exponent: int) -> Optional[Cell]:
    if f is None:
        return None
    line, column = facts.position(f.start)
    end_line, end_column = facts.position(f.end)
    value = None if f.value is None else f.value.scaleb(-exponent)
    return Cell(value=value, raw=_shown(value, f, exponent), line=line, column=column,
                end_column=end_column if end_line == line else column + len("<ix:nonFraction"))


def _shown(value: Optional[Decimal], f: Fact, exponent: int) -> str:
    """The figure in the schedule's unit, with the digits its `decimals` says are exact."""
    if value is None:
        return "-"
    digits = 0
    try:
        digits = max(0, int(f.decimals or "") + exponent)
    except (TypeError, ValueError):
        pass  # "INF" or absent: as exact as its digits
    point = value.normalize().as_tuple().exponent if value else 0  # a finite figure's: an int
    exact = max(digits, -point if isinstance(point, int) else 0)
    text = f"{abs(value):,.{exact}f}"
    return f"({text})" if value < 0 else text


def period_label(start: date, end: date) -> str:
    days = (end - start).days + 1
    if 350 <= days <= 380:
        return f"Year ended {end.isoformat()}"
    return f"{start.isoformat()} to {end.isoformat()}"


# --- double counting ----------------------------------------------------------


def _balances_of(balances: list[Fact], axis: Axes) -> dict[Instant, Optional[Decimal]]:
    found: dict[Instant, Optional[Decimal]] = {}
    for f in balances:
        found.setdefault((f.context.end, f.context.member(axis)), f.value)
    return found


def _duplicates(movements: list[Fact], order: list[str], concepts: dict[str, list[RoleSpec]], axis: Axes,
                balances: dict[Instant, Optional[Decimal]]) -> list[tuple[str, str]]:
    """Concepts whose every fact equals the sum of other facts of its row
    (each with its effect), and whose leaving out leaves the rows no worse
    off: a net tagged beside its components, or one figure tagged twice.
    Extension concepts are tried first: the standard ones are the filer's
    components more often than not."""
    rows: dict[tuple[date, date, Member], dict[str, Optional[Decimal]]] = {}
    for f in movements:
        key = (_start(f), f.context.end, f.context.member(axis))
        rows.setdefault(key, {}).setdefault(f.concept, f.value)
    effect = {c: (-1 if concepts[c][0].effect == "subtract" else 1) for c in order}
    aside: list[tuple[str, str]] = []
    candidates = sorted(order, key=lambda c: (c.split(":", 1)[0] == "us-gaap", order.index(c)))
    for concept in candidates:
        kept = [c for c in order if c != concept and c not in {a for a, _ in aside}]
        tagged = [r for r in rows.values() if concept in r]
        if not tagged or not any(r[concept] for r in tagged):
            continue
        parts = None
        for r in tagged:
            found = _sum_of(effect[concept] * _amount(r[concept]), [(c, effect[c] * _amount(r[c])) for c in kept if c in r])
            if found is None:
                break
            parts = found if parts is None else parts
        else:
            if parts and _closing(rows, kept, effect, balances) > _closing(rows, kept + [concept], effect, balances):
                aside.append((concept, f"its facts equal the sum of {', '.join(parts)}: not added again"))
    return aside


def _closing(rows: dict[tuple[date, date, Member], dict[str, Optional[Decimal]]], kept: list[str],
             effect: dict[str, int], balances: dict[Instant, Optional[Decimal]]) -> int:
    """How many rows close with these concepts as their movements."""
    count = 0
    for (start, end, member), values in rows.items():
        before = balances.get((start - timedelta(days=1), member), balances.get((start, member)))
        after = balances.get((end, member))
        if before is None or after is None:
            continue
        count += before + sum(effect[c] * (values.get(c) or 0) for c in kept) == after
    return count


def _sum_of(target: Decimal, others: list[tuple[str, Decimal]]) -> Optional[list[str]]:
    """Names of a set of others (one to four) whose values sum to target, or None."""
    if not target:
        return []  # a nil or zero fact duplicates nothing and adds nothing
    for size in range(1, min(4, len(others)) + 1):
        for group in combinations(others, size):
            if sum(v for _, v in group) == target:
                return [c for c, _ in group]
    return None
